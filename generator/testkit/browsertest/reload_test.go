package browsertest

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongkai/generator/preview"
	"gongkai/generator/syncbuf"
	"gongkai/generator/testkit/corpus"
)

// TestPreviewReloadsByItself opens a page of `gongkai serve` in Chromium, saves an edit of its Markdown and waits
// for the page to show the new text without being told to navigate: the live-reload script did it.
func TestPreviewReloadsByItself(t *testing.T) {
	site := filepath.Join(t.TempDir(), "site")
	if err := corpus.Write(site, 30, 7); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncbuf.Buffer{}
	done := make(chan error, 1)
	go func() {
		done <- preview.Serve(ctx, preview.Options{SiteDir: site, Addr: "127.0.0.1:0", Stdout: out, Stderr: io.Discard})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	var origin string
	for deadline := time.Now().Add(2 * time.Minute); origin == ""; time.Sleep(20 * time.Millisecond) {
		origin = strings.TrimSuffix(regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(out.String()), "/")
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start: %s", out.String())
		}
	}

	files, _ := filepath.Glob(filepath.Join(site, "content", "policies", "pol-*.md"))
	if len(files) == 0 {
		t.Fatal("no policy in the corpus")
	}
	sort.Strings(files)
	file := files[0]
	p := "/policies/" + strings.TrimSuffix(filepath.Base(file), ".md") + "/"

	b := NewBrowser(t, origin)
	if _, err := b.Load(p, `document.readyState === "complete"`); err != nil {
		t.Fatal(err)
	}
	// A mark only this page load has: a reload starts a new document without it.
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`window.__beforeEdit = true`)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // let the event stream connect; the generation in its URL covers a race anyway

	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	const marker = "浏览器自动刷新后看到的新段落"
	if err := os.WriteFile(file, append(src, []byte("\n\n"+marker+"\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		shown, _ := chromedp.Run(b.ctx, chromedp.Evaluate[bool](
			`window.__beforeEdit === undefined && document.body !== null && document.body.innerText.includes("`+marker+`")`))
		if shown {
			break
		}
		if time.Now().After(deadline) {
			text, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(0, 500) : ""`))
			t.Fatalf("the page did not reload with the edit; it shows:\n%s", text)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
