// Package htmlscan lists what a built HTML page points to (href, src, srcset) and the fragment targets it
// offers (id, a name), for link verification and asset fingerprinting. It is the only package that imports
// tdewolff/parse: the same lexer the minifier uses, which reads minified HTML (unquoted attributes) correctly and
// is several times faster than building a DOM for tens of thousands of pages.
package htmlscan

import (
	"bytes"
	"html"
	"strings"

	"github.com/tdewolff/parse/v2"
	thtml "github.com/tdewolff/parse/v2/html"
)

// Ref is one URL in an attribute, entities decoded.
type Ref struct {
	Tag, Attr, URL string
}

// Page is what a page links to and which fragments it defines.
type Page struct {
	Refs []Ref
	IDs  map[string]bool
}

// urlAttrs are the attributes that hold a URL, except srcset (a list of them).
var urlAttrs = [][]byte{[]byte("href"), []byte("src"), []byte("poster"), []byte("action"), []byte("data")}

var (
	attrID     = []byte("id")
	attrName   = []byte("name")
	attrSrcset = []byte("srcset")
)

// Scan lexes one HTML document. Only the values it keeps are turned into strings: a page has hundreds of
// attributes, and every build scans every page.
func Scan(data []byte) Page {
	pg := Page{IDs: map[string]bool{}}
	l := thtml.NewLexer(parse.NewInputBytes(data))
	tag := ""
	for {
		tt, _ := l.Next()
		switch tt {
		case thtml.ErrorToken:
			return pg
		case thtml.StartTagToken:
			tag = tagName(l.Text())
		case thtml.AttributeToken:
			key := l.AttrKey()
			switch {
			case bytes.EqualFold(key, attrID) || (tag == "a" && bytes.EqualFold(key, attrName)):
				pg.IDs[attrValue(l.AttrVal())] = true
			case bytes.EqualFold(key, attrSrcset):
				for _, c := range strings.Split(attrValue(l.AttrVal()), ",") {
					if f := strings.Fields(c); len(f) > 0 {
						pg.Refs = append(pg.Refs, Ref{tag, "srcset", f[0]})
					}
				}
			default:
				for _, a := range urlAttrs {
					if bytes.EqualFold(key, a) {
						if tag == "object" || string(a) != "data" {
							pg.Refs = append(pg.Refs, Ref{tag, string(a), attrValue(l.AttrVal())})
						}
						break
					}
				}
			}
		}
	}
}

// tagNames are the names of common elements, so that most tags are named without allocating.
var tagNames = map[string]string{}

func init() {
	for _, t := range []string{"a", "abbr", "area", "article", "aside", "audio", "b", "base", "blockquote", "body",
		"br", "button", "caption", "code", "col", "colgroup", "dd", "details", "dialog", "div", "dl", "dt", "em",
		"embed", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
		"header", "hr", "html", "i", "iframe", "img", "input", "label", "legend", "li", "link", "main", "meta", "nav",
		"object", "ol", "optgroup", "option", "p", "picture", "pre", "q", "script", "section", "select", "small",
		"source", "span", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template",
		"textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "u", "ul", "use", "video"} {
		tagNames[t] = t
	}
}

func tagName(b []byte) string {
	if t, ok := tagNames[string(b)]; ok { // the conversion in a map index does not allocate
		return t
	}
	return strings.ToLower(string(b))
}

func attrValue(b []byte) string {
	if len(b) >= 2 && (b[0] == '"' || b[0] == '\'') && b[len(b)-1] == b[0] {
		b = b[1 : len(b)-1]
	}
	s := string(b)
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	return strings.TrimSpace(s)
}
