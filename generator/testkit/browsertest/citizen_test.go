package browsertest

import (
	"net/url"
	"os"
	"path/filepath"
	"testing"
)

// On a phone, a 政府信息公开工作年度报告's wide statistics tables scroll inside their box, and the page says so above
// them; on a wide screen the hint is not shown.
func TestWideTablesShowTheyScroll(t *testing.T) {
	Require(t, Chromium() != "", "chromium")
	dir := builtSite(t)
	srv := Serve(dir)
	defer srv.Close()
	b := NewBrowser(t, srv.URL)
	if err := b.SetWidth(360); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Load("/reports/2024-zfxxgk/", ""); err != nil {
		t.Fatal(err)
	}
	scrolls, err := Eval[bool](b, `(() => { const w = document.querySelector(".stats-wrap"); return !!w && w.scrollWidth > w.clientWidth; })()`)
	if err != nil || !scrolls {
		t.Fatalf("the statistics tables do not scroll in their box at 360px (%v)", err)
	}
	shown, err := Eval[bool](b, `(() => { const h = document.querySelector(".scroll-hint"); return !!h && h.offsetParent !== null && h.getBoundingClientRect().bottom <= document.querySelector(".stats-wrap").getBoundingClientRect().top + 1; })()`)
	if err != nil || !shown {
		t.Errorf("no visible hint above the scrolling tables at 360px (%v)", err)
	}
	if err := b.SetWidth(1280); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Load("/reports/2024-zfxxgk/", ""); err != nil {
		t.Fatal(err)
	}
	if shown, _ := Eval[bool](b, `document.querySelector(".scroll-hint").offsetParent !== null`); shown {
		t.Error("the scroll hint is shown on a wide screen")
	}
}

// The search page has one search box, not the header's and its own, and that box keeps the query of the address.
func TestOneSearchBoxKeepsTheQuery(t *testing.T) {
	Require(t, Chromium() != "", "chromium")
	dir := builtSite(t)
	if _, err := os.Stat(filepath.Join(dir, "search", "index.html")); err != nil {
		t.Skip("no search page in this build")
	}
	srv := Serve(dir)
	defer srv.Close()
	b := NewBrowser(t, srv.URL)
	if _, err := b.Load("/search/?q="+url.QueryEscape("欠薪"), `document.querySelectorAll("[data-search-results] li").length > 0`); err != nil {
		t.Fatal(err)
	}
	n, err := Eval[int](b, `document.querySelectorAll('input[type="search"]').length`)
	if err != nil || n != 1 {
		t.Errorf("the search page has %d search boxes, want 1 (%v)", n, err)
	}
	q, err := Eval[string](b, `document.querySelector('input[type="search"]').value`)
	if err != nil || q != "欠薪" {
		t.Errorf("the search box holds %q, want the query 欠薪 (%v)", q, err)
	}
	// Every other page keeps the header's box.
	if _, err := b.Load("/policies/", ""); err != nil {
		t.Fatal(err)
	}
	if n, _ := Eval[int](b, `document.querySelectorAll('.site-search input[type="search"]').length`); n != 1 {
		t.Errorf("/policies/ has %d header search boxes, want 1", n)
	}
}
