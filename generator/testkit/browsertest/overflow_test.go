package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestNoHorizontalOverflow checks that no page needs horizontal scrolling at 320 CSS pixels (WCAG 1.4.10) and
// with the browser's text size at 200% (WCAG 1.4.4), also combined with the site's own large-text mode, and
// saves a screenshot of each case. GONGKAI_SCREENSHOTS=dir keeps the screenshots for a person to look at.
func TestNoHorizontalOverflow(t *testing.T) {
	Require(t, Chromium() != "", "chromium")
	dir := builtSite(t)
	srv := Serve(dir)
	defer srv.Close()
	b := NewBrowser(t, srv.URL)
	shots := os.Getenv("GONGKAI_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		name  string
		width int64
		mode  Mode
	}{
		{"320px", 320, Mode{Name: "normal"}},
		{"320px-large-text", 320, Modes[1]},
		{"320px-text-200", 320, Mode{Name: "text-200", FontSize: 32}},
		{"1280px-text-200", 1280, Mode{Name: "text-200", FontSize: 32}},
	}
	for _, c := range cases {
		if err := b.SetMode(c.mode); err != nil {
			t.Fatal(err)
		}
		if err := b.SetWidth(c.width); err != nil {
			t.Fatal(err)
		}
		for _, p := range pages(t, dir) {
			t.Run(c.name+"/"+p.name, func(t *testing.T) {
				if _, err := b.Load(p.path, p.ready); err != nil {
					t.Fatal(err)
				}
				scroll, client, err := b.Overflow()
				if err != nil {
					t.Fatal(err)
				}
				var wide []string
				if scroll > client {
					wide, _ = b.Wider()
				}
				png, err := b.Screenshot()
				if err != nil {
					t.Fatal(err)
				}
				file := filepath.Join(shots, fmt.Sprintf("%s-%s.png", c.name, p.name))
				if err := os.WriteFile(file, png, 0o644); err != nil {
					t.Fatal(err)
				}
				if scroll > client {
					t.Errorf("%s at %s scrolls horizontally: scrollWidth %d > clientWidth %d; wider elements: %v (screenshot %s)",
						p.path, c.name, scroll, client, wide, file)
				}
			})
		}
	}
}
