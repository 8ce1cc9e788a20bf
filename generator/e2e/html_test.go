package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// page is a parsed output page.
type page struct {
	path string
	root *html.Node
}

func load(t *testing.T, out, rel string) *page {
	t.Helper()
	p := filepath.Join(out, filepath.FromSlash(rel))
	if strings.HasSuffix(rel, "/") || rel == "" {
		p = filepath.Join(p, "index.html")
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatalf("page %s: %v", rel, err)
	}
	defer f.Close()
	root, err := html.Parse(f)
	if err != nil {
		t.Fatalf("parse %s: %v", rel, err)
	}
	return &page{rel, root}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// all returns the elements for which match is true, in document order.
func all(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func hasAttr(key, val string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		v, ok := attr(n, key)
		return ok && (val == "" || v == val)
	}
}

func tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

func and(fs ...func(*html.Node) bool) func(*html.Node) bool {
	return func(n *html.Node) bool {
		for _, f := range fs {
			if !f(n) {
				return false
			}
		}
		return true
	}
}

func (p *page) all(match func(*html.Node) bool) []*html.Node { return all(p.root, match) }

func (p *page) one(t *testing.T, what string, match func(*html.Node) bool) *html.Node {
	t.Helper()
	found := p.all(match)
	if len(found) != 1 {
		t.Fatalf("%s: want one %s, found %d", p.path, what, len(found))
	}
	return found[0]
}

// text is the element's text with whitespace collapsed.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// meta returns the content of <meta name=name>.
func (p *page) meta(name string) (string, bool) {
	for _, m := range p.all(tag("meta")) {
		if v, _ := attr(m, "name"); v == name {
			c, _ := attr(m, "content")
			return c, true
		}
	}
	return "", false
}

// hrefs returns the href of every element matching.
func hrefs(ns []*html.Node) []string {
	var out []string
	for _, n := range ns {
		if h, ok := attr(n, "href"); ok {
			out = append(out, h)
		}
	}
	return out
}

// metaRow returns the value cell text of the metadata box's row for field.
func (p *page) metaRow(t *testing.T, field string) string {
	t.Helper()
	box := p.one(t, "metadata box", and(tag("table"), hasAttr("id", "meta")))
	rows := all(box, and(tag("tr"), hasAttr("data-field", field)))
	if len(rows) != 1 {
		t.Fatalf("%s: metadata box has %d rows for %s", p.path, len(rows), field)
	}
	tds := all(rows[0], tag("td"))
	if len(tds) == 0 {
		t.Fatalf("%s: row %s has no value cell", p.path, field)
	}
	return text(tds[0])
}

func texts(ns []*html.Node) []string {
	var out []string
	for _, n := range ns {
		out = append(out, text(n))
	}
	return out
}
