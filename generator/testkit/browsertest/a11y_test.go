package browsertest

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestPagesInBrowser loads every page type at desktop and phone width in each reading mode, under
// Content-Security-Policy: default-src 'self', and requires: zero axe-core violations (WCAG 2.0/2.1 A and AA),
// no CSP violation or script error, no request to another origin, and the mode remembered from localStorage.
func TestPagesInBrowser(t *testing.T) {
	axePath := Tool("axe-core/axe.min.js")
	Require(t, axePath != "", "axe-core (make tools)")
	Require(t, Chromium() != "", "chromium")
	axe, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	dir := builtSite(t)
	srv := Serve(dir)
	defer srv.Close()
	b := NewBrowser(t, srv.URL)
	ps := pages(t, dir)

	for _, mode := range Modes {
		for _, width := range []int64{1280, 360} {
			if err := b.SetMode(mode); err != nil {
				t.Fatalf("set mode %s: %v", mode.Name, err)
			}
			if err := b.SetWidth(width); err != nil {
				t.Fatalf("set width %d: %v", width, err)
			}
			for _, p := range ps {
				t.Run(fmt.Sprintf("%s/%d/%s", mode.Name, width, p.name), func(t *testing.T) {
					v, err := b.Load(p.path, p.ready)
					if err != nil {
						t.Fatal(err)
					}
					for _, pr := range v.Problems {
						if p.name == "404" && strings.Contains(pr, "404") {
							continue // the browser reports the 404 status of the page itself
						}
						t.Errorf("%s: %s", p.path, pr)
					}
					for _, u := range b.Foreign(v) {
						t.Errorf("%s requested another origin: %s", p.path, u)
					}
					if mode.Class != "" && !strings.Contains(" "+v.Class+" ", " "+mode.Class+" ") {
						t.Errorf("%s: <html class=%q>, want %q remembered from localStorage", p.path, v.Class, mode.Class)
					}
					vs, err := b.Axe(string(axe))
					if err != nil {
						t.Fatal(err)
					}
					for _, x := range vs {
						t.Errorf("%s: axe: %s", p.path, x)
					}
				})
			}
		}
	}
}
