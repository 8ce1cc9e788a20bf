package sitetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// Page is a parsed page of a built site, for assertions on its HTML.
type Page struct {
	Path string // as asked for, e.g. policies/ldht-2024/
	Root *html.Node
}

// Load parses the page rel of the built site out: a path ending in / (or "") is its index.html.
func Load(t testing.TB, out, rel string) *Page {
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
	return &Page{rel, root}
}

// All returns the elements under n for which match is true, in document order.
func All(n *html.Node, match func(*html.Node) bool) []*html.Node {
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

// All returns the page's elements for which match is true.
func (p *Page) All(match func(*html.Node) bool) []*html.Node { return All(p.Root, match) }

// One returns the one element that matches, failing the test unless there is exactly one.
func (p *Page) One(t testing.TB, what string, match func(*html.Node) bool) *html.Node {
	t.Helper()
	found := p.All(match)
	if len(found) != 1 {
		t.Fatalf("%s: want one %s, found %d", p.Path, what, len(found))
	}
	return found[0]
}

// Attr returns the value of n's attribute key.
func Attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// Text is the element's text with whitespace collapsed.
func Text(n *html.Node) string {
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

// Tag matches elements named name.
func Tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

// HasAttr matches elements with the attribute key, of value val unless val is "".
func HasAttr(key, val string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		v, ok := Attr(n, key)
		return ok && (val == "" || v == val)
	}
}

// And matches elements that every match matches.
func And(match ...func(*html.Node) bool) func(*html.Node) bool {
	return func(n *html.Node) bool {
		for _, f := range match {
			if !f(n) {
				return false
			}
		}
		return true
	}
}

// Value is the value of n's attribute key, "" when it has none.
func Value(n *html.Node, key string) string {
	v, _ := Attr(n, key)
	return v
}
