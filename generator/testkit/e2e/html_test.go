package e2e

import (
	"gongkai/generator/testkit/sitetest"
	"testing"

	"golang.org/x/net/html"
)

// page is a parsed output page.
type page struct{ *sitetest.Page }

func load(t *testing.T, out, rel string) *page { return &page{sitetest.Load(t, out, rel)} }

var (
	all     = sitetest.All
	attr    = sitetest.Attr
	text    = sitetest.Text
	tag     = sitetest.Tag
	hasAttr = sitetest.HasAttr
	and     = sitetest.And
)

func (p *page) all(match func(*html.Node) bool) []*html.Node { return p.All(match) }

func (p *page) one(t *testing.T, what string, match func(*html.Node) bool) *html.Node {
	return p.One(t, what, match)
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
		t.Fatalf("%s: metadata box has %d rows for %s", p.Path, len(rows), field)
	}
	tds := all(rows[0], tag("td"))
	if len(tds) == 0 {
		t.Fatalf("%s: row %s has no value cell", p.Path, field)
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
