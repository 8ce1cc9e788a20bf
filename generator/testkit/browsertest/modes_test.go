package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// TestReadingAidsWithKeyboard works the 适老化 buttons with the keyboard only and checks that each choice shows on
// the button (aria-pressed), changes the page, and is still in force on the next page.
func TestReadingAidsWithKeyboard(t *testing.T) {
	Require(t, Chromium() != "", "chromium")
	dir := builtSite(t)
	srv := Serve(dir)
	defer srv.Close()
	b := NewBrowser(t, srv.URL)
	if err := b.SetMode(Modes[0]); err != nil {
		t.Fatal(err)
	}
	if err := b.SetWidth(1280); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Load("/reports/2024-fzzf/", ""); err != nil {
		t.Fatal(err)
	}
	if hidden, _ := Eval[bool](b, `document.getElementById("a11y-tools").hidden`); hidden {
		t.Fatal("the reading-aid buttons stay hidden although a11y.js ran")
	}
	fontSize := `parseFloat(getComputedStyle(document.documentElement).fontSize)`
	base, err := Eval[float64](b, fontSize)
	if err != nil {
		t.Fatal(err)
	}

	if err := b.PressKey(`[data-text-size="xlarge"]`, kb.Enter); err != nil {
		t.Fatal(err)
	}
	if err := b.PressKey(`[data-contrast]`, " "); err != nil {
		t.Fatal(err)
	}
	check := func(where string) {
		t.Helper()
		size, _ := Eval[float64](b, fontSize)
		if size < base*1.45 {
			t.Errorf("%s: root font size %.1fpx, want at least 1.45 x %.1fpx in the extra-large mode", where, size, base)
		}
		pressed, _ := Eval[[]string](b, `Array.from(document.querySelectorAll("#a11y-tools button")).map(function (e) { return e.textContent + "=" + e.getAttribute("aria-pressed"); })`)
		want := []string{"标准=false", "大=false", "特大=true", "高对比度=true"}
		if len(pressed) != len(want) {
			t.Fatalf("%s: buttons %v, want %v", where, pressed, want)
		}
		for i := range want {
			if pressed[i] != want[i] {
				t.Errorf("%s: buttons %v, want %v", where, pressed, want)
				break
			}
		}
		bg, _ := Eval[string](b, `getComputedStyle(document.body).backgroundColor`)
		if bg != "rgb(0, 0, 0)" {
			t.Errorf("%s: body background %s in high-contrast mode, want black", where, bg)
		}
	}
	check("after the key presses")
	if _, err := b.Load("/policies/", ""); err != nil {
		t.Fatal(err)
	}
	check("on the next page")

	// Back to normal, with the keyboard again.
	if err := b.PressKey(`[data-text-size="normal"]`, kb.Enter); err != nil {
		t.Fatal(err)
	}
	if err := b.PressKey(`[data-contrast]`, kb.Enter); err != nil {
		t.Fatal(err)
	}
	if class, _ := Eval[string](b, `document.documentElement.className`); class != "" {
		t.Errorf("after switching back: <html class=%q>, want none", class)
	}
}

// TestPrintStylesheet prints the seed report (emulated print media): the metadata box and the text are printed,
// navigation, search and reading aids are not.
func TestPrintStylesheet(t *testing.T) {
	Require(t, Chromium() != "", "chromium")
	dir := builtSite(t)
	srv := Serve(dir)
	defer srv.Close()
	b := NewBrowser(t, srv.URL)
	if err := b.SetMode(Modes[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Load("/reports/2024-fzzf/", ""); err != nil {
		t.Fatal(err)
	}
	if err := b.SetMedia("print"); err != nil {
		t.Fatal(err)
	}
	display := func(sel string) string {
		d, err := Eval[string](b, `getComputedStyle(document.querySelector(`+jsString(sel)+`)).display`)
		if err != nil {
			t.Fatalf("%s: %v", sel, err)
		}
		return d
	}
	for _, sel := range []string{".site-nav", ".site-search", ".a11y-tools", ".breadcrumb", ".skip-link"} {
		if d := display(sel); d != "none" {
			t.Errorf("print: %s is displayed (%s)", sel, d)
		}
	}
	for _, sel := range []string{"#meta", "h1", ".prose", "#attachments"} {
		if d := display(sel); d == "none" {
			t.Errorf("print: %s is not printed", sel)
		}
	}
}

func jsString(s string) string {
	return `"` + s + `"`
}
