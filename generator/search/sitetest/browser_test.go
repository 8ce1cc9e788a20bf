package sitetest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// browser starts headless Chromium, or skips the test where there is none.
// In CI (CI=true) a missing browser fails the test: a skipped browser test
// there would pass a search page nobody ran.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium not found; CI must install it (apt-get install -y chromium)")
		}
		t.Skip("chromium not found; install it (apt-get install -y chromium) to run the browser test")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-sync", true),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	return ctx
}

// serve publishes out the way a strict government host would: every page
// under Content-Security-Policy default-src 'self', so an inline script or
// an outside request would fail here.
func serve(t *testing.T, out string) *httptest.Server {
	files := http.FileServer(http.Dir(out))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'")
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestSearchPageInBrowser(t *testing.T) {
	ctx := browser(t)
	srv := serve(t, Build(t))

	var mu sync.Mutex
	var problems []string
	err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			problems = append(problems, "exception: "+e.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			// The browser asks for /favicon.ico by itself; the site's
			// icon is the layouts' business, not the search page's.
			if e.Entry.Level == log.EntryLevelError && !strings.HasSuffix(e.Entry.URL, "/favicon.ico") {
				problems = append(problems, "console: "+e.Entry.Text+" "+e.Entry.URL)
			}
		case *runtime.EventConsoleAPICalled:
			if e.Type == "error" {
				problems = append(problems, "console.error")
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}

	eval := func(js string) any {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	strs := func(js string) []string {
		t.Helper()
		var out []string
		for _, v := range eval(js).([]any) {
			s, _ := v.(string)
			out = append(out, s)
		}
		return out
	}
	str := func(js string) string {
		t.Helper()
		s, _ := eval(js).(string)
		return s
	}
	do := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatal(err)
		}
	}
	titles := func() []string {
		return strs(`Array.from(document.querySelectorAll('[data-search-results] h2 a')).map(a => a.getAttribute('href'))`)
	}
	// waitFor waits until the results are want, since results follow typing
	// asynchronously.
	waitFor := func(what string, want []string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			got := titles()
			if slices.Equal(got, want) {
				return
			}
			if time.Now().After(deadline) {
				status := str(`document.querySelector('[data-search-status]').textContent`)
				t.Fatalf("%s: results %q, want %q (status %q)", what, got, want, status)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}

	// Typing, as a citizen would: results appear without pressing a button.
	// 劳动 and 仲裁 are on two lines of the Markdown.
	do(chromedp.Navigate(srv.URL+"/search/"),
		chromedp.WaitVisible(chromedp.CSS(`.search-ready .search-filters`)),
		chromedp.SendKeys(chromedp.CSS(`#search-q`), "申请劳动仲裁"))
	waitFor("typed 申请劳动仲裁", []string{"/policies/qx-2024/"})
	marks := strs(`Array.from(document.querySelectorAll('.search-snippet mark')).map(m => m.textContent)`)
	status := str(`document.querySelector('[data-search-status]').textContent`)
	search := str(`location.search`)
	if !slices.Equal(marks, []string{"申请劳动仲裁"}) {
		t.Errorf("highlighted %q, want the phrase across the line break", marks)
	}
	if !strings.Contains(status, "找到 1 个文件") {
		t.Errorf("status %q", status)
	}
	if q, _ := url.ParseQuery(strings.TrimPrefix(search, "?")); q.Get("q") != "申请劳动仲裁" {
		t.Errorf("address has %q, want the query in ?q=", search)
	}

	// The address of a result list is a bookmark: it opens with the results.
	// Filters: kind, then year.
	do(chromedp.Navigate(srv.URL+"/search/?q="+url.QueryEscape("欠薪")),
		chromedp.WaitVisible(chromedp.CSS(`.search-ready .search-filters`)))
	waitFor("bookmarked 欠薪", []string{"/interpretations/qx-2024-jd/", "/policies/qx-2024/", "/articles/zc-2023/"})
	titleMarks := strs(`Array.from(document.querySelectorAll('[data-search-results] h2 mark')).map(m => m.textContent)`)
	if len(titleMarks) != 2 || titleMarks[0] != "欠薪" {
		t.Errorf("title highlights %q, want 欠薪 in both titles", titleMarks)
	}
	selectValue := func(name, value string) {
		t.Helper()
		js := fmt.Sprintf(`(() => { const s = document.querySelector('select[name=%s]'); s.value = %q; s.dispatchEvent(new Event('change')); return s.value })()`, name, value)
		if got := str(js); got != value {
			t.Fatalf("select %s=%s: value %q", name, value, got)
		}
	}
	selectValue("kind", "policies")
	waitFor("欠薪 in 政策文件", []string{"/policies/qx-2024/"})
	selectValue("kind", "")
	selectValue("year", "2023")
	waitFor("欠薪 in 2023", []string{"/articles/zc-2023/"})
	search = str(`location.search`)
	if q, _ := url.ParseQuery(strings.TrimPrefix(search, "?")); q.Get("year") != "2023" {
		t.Errorf("address %q does not keep the year filter", search)
	}
	selectValue("year", "")

	// 发文字号 typed with square brackets; then the keyboard: down arrow from
	// the box reaches the first result.
	eval(`document.querySelector('#search-q').value = ''`)
	do(chromedp.SendKeys(chromedp.CSS(`#search-q`), "东人社发[2024]3号"))
	waitFor("发文字号", []string{"/policies/qx-2024/"})
	do(chromedp.Focus(chromedp.CSS(`#search-q`)), chromedp.KeyEvent(kb.ArrowDown))
	focused := str(`document.activeElement.getAttribute('href')`)
	if focused != "/policies/qx-2024/" {
		t.Errorf("after ArrowDown focus is on %q, want the first result", focused)
	}

	mu.Lock()
	defer mu.Unlock()
	if len(problems) > 0 {
		t.Errorf("the page reported problems:\n%s", strings.Join(problems, "\n"))
	}
}
