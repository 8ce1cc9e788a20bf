package htmlscan

import (
	"reflect"
	"testing"
)

func TestScan(t *testing.T) {
	pg := Scan([]byte(`<!doctype html><html><head><link rel=stylesheet href=/css/a.css><script src="/js/a.js"></script></head>` +
		`<body><h2 id=第一章-总则>x</h2><a name=top></a><a href="/p/?a=1&amp;b=2#第一章-总则">p</a>` +
		`<img src='/i.png' srcset="/i.png 1x, /i@2x.png 2x"><p>href=/not-a-link</p></body></html>`))
	want := []Ref{
		{"link", "href", "/css/a.css"}, {"script", "src", "/js/a.js"}, {"a", "href", "/p/?a=1&b=2#第一章-总则"},
		{"img", "src", "/i.png"}, {"img", "srcset", "/i.png"}, {"img", "srcset", "/i@2x.png"},
	}
	if !reflect.DeepEqual(pg.Refs, want) {
		t.Errorf("refs:\n got %q\nwant %q", pg.Refs, want)
	}
	if !pg.IDs["第一章-总则"] || !pg.IDs["top"] || len(pg.IDs) != 2 {
		t.Errorf("ids: %v", pg.IDs)
	}
}
