// Package browsertest proves the citizen-facing site where citizens meet it: in a real browser. It builds the
// sample site, serves it with a strict Content-Security-Policy and drives headless Chromium to check accessibility
// (axe-core), CSP violations, requests to other origins and horizontal overflow; it also runs the Nu HTML Checker
// and measures the page weight budget.
//
// It is the only package that imports chromedp, so the browser protocol can be upgraded in one place. Tools that
// are not Go modules (chromium, java, the npm packages installed by `make tools`) are found on the machine: tests
// skip when one is missing, except under CI=true, where a silently skipped browser test would hide a regression.
package browsertest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// CSP is the policy every page must satisfy: nothing inline, nothing from another origin.
const CSP = "default-src 'self'"

// Require skips the test when ok is false, or fails it under CI=true.
func Require(t testing.TB, ok bool, what string) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is missing; CI must run this test (see `make tools` and .ci/run)", what)
	}
	t.Skipf("%s is missing; skipping (CI=true makes this a failure)", what)
}

// ToolsDir is where `make tools` installs the npm test tools.
func ToolsDir() string {
	if d := os.Getenv("GONGKAI_TOOLS"); d != "" {
		return d
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".cache", "gongkai-tools")
}

// Tool returns the path of a file under ToolsDir/node_modules, or "" when it is not installed.
func Tool(rel string) string {
	p := filepath.Join(ToolsDir(), "node_modules", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// Chromium returns the path of a Chromium or Chrome binary, or "".
func Chromium() string {
	if p := os.Getenv("GONGKAI_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Serve serves the built site dir like a web server would, with the strict CSP on every response and 404.html
// (status 404) for a path that does not exist.
func Serve(dir string) *httptest.Server { return ServeWith(dir, nil) }

// ServeWith is Serve with a hook called before each request is answered: a test holds a file back there to see a
// page while it is still loading.
func ServeWith(dir string, before func(*http.Request)) *httptest.Server {
	files := http.FileServer(http.Dir(dir))
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if before != nil {
			before(r)
		}
		w.Header().Set("Content-Security-Policy", CSP)
		p := path.Clean("/" + r.URL.Path)
		full := filepath.Join(dir, filepath.FromSlash(p))
		st, err := os.Stat(full)
		if err == nil && st.IsDir() {
			_, err = os.Stat(filepath.Join(full, "index.html"))
		}
		if err != nil {
			body, rerr := os.ReadFile(filepath.Join(dir, "404.html"))
			if rerr != nil {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(body)
			return
		}
		files.ServeHTTP(w, r)
	}))
}

// Browser is one headless Chromium with one tab, recording what every page does.
type Browser struct {
	ctx    context.Context
	cancel func()
	origin string

	mu       sync.Mutex
	requests []string
	problems []string
}

// cspProbe runs in every document before its own scripts (injected through the protocol, so it is not an inline
// script the CSP would block) and keeps the violations the page raises.
const cspProbe = `window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber);
});`

// NewBrowser starts Chromium for pages of origin (e.g. http://127.0.0.1:1234).
func NewBrowser(t testing.TB, origin string) *Browser {
	t.Helper()
	exe := Chromium()
	Require(t, exe != "", "chromium")
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("lang", "zh-CN"),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	b := &Browser{origin: origin}
	ctx, cancelCtx := chromedp.NewContext(allocCtx, chromedp.WithListener(b.record))
	b.ctx = ctx
	b.cancel = func() { cancelCtx(); cancelAlloc() }
	t.Cleanup(b.cancel)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspProbe}); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return b
}

// record runs in the tab's event loop: it must return fast and send no command.
func (b *Browser) record(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		b.requests = append(b.requests, ev.Request.URL)
	case *cdplog.EventEntryAdded:
		e := ev.Entry
		if e.Source == cdplog.EntrySourceSecurity || strings.Contains(e.Text, "Content Security Policy") {
			b.problems = append(b.problems, "security: "+e.Text)
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg = d.Exception.Description
		}
		b.problems = append(b.problems, fmt.Sprintf("script exception: %s (%s:%d)", msg, d.URL, d.LineNumber))
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			b.problems = append(b.problems, "console error: "+strings.Join(parts, " "))
		}
	}
}

// Mode is a reading mode of the site: the value a11y.js keeps in localStorage and the class it sets on <html>.
type Mode struct {
	Name     string
	Storage  map[string]string
	Class    string // expected on <html>; "" for normal
	FontSize int64  // browser default font size in px; 0 keeps Chromium's 16
}

// Modes are the reading modes every page is checked in.
var Modes = []Mode{
	{Name: "normal"},
	{Name: "large-text", Storage: map[string]string{"gongkai-text-size": "xlarge"}, Class: "text-xlarge"},
	{Name: "high-contrast", Storage: map[string]string{"gongkai-contrast": "on"}, Class: "contrast"},
}

// SetMode stores the mode the way the header buttons do, so the next pages load in it.
func (b *Browser) SetMode(m Mode) error {
	js := "localStorage.clear();"
	for k, v := range m.Storage {
		js += fmt.Sprintf("localStorage.setItem(%q, %q);", k, v)
	}
	size := m.FontSize
	if size == 0 {
		size = 16
	}
	_, err := chromedp.Run(b.ctx, chromedp.Steps(
		chromedp.Navigate(b.origin+"/"),
		chromedp.Evaluate[chromedp.Void](js+"true"),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, page.SetFontSizes, page.SetFontSizesParams{FontSizes: &page.FontSizes{Standard: size, Fixed: 13 * size / 16}})
			return err
		}),
	))
	return err
}

// SetWidth sets the viewport width in CSS pixels; a phone width also emulates a mobile device.
func (b *Browser) SetWidth(width int64) error {
	_, err := chromedp.Call(b.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: width, Height: 800, DeviceScaleFactor: 1, Mobile: width < 600,
	})
	return err
}

// Visit is what one page load did.
type Visit struct {
	Requests []string // every URL the page requested
	Problems []string // CSP violations, script exceptions, console errors
	Class    string   // the class attribute of <html> once loaded
}

// Load navigates to the site path p and waits for the page and for ready() (a JS expression; "" for none).
func (b *Browser) Load(p, ready string) (*Visit, error) {
	b.mu.Lock()
	b.requests, b.problems = nil, nil
	b.mu.Unlock()
	if err := chromedp.Do(b.ctx, chromedp.Navigate(b.origin+p)); err != nil {
		return nil, fmt.Errorf("load %s: %w", p, err)
	}
	if ready != "" {
		deadline := time.Now().Add(10 * time.Second)
		for {
			ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](ready))
			if err == nil && ok {
				break
			}
			if time.Now().After(deadline) {
				return nil, fmt.Errorf("load %s: page never became ready (%s)", p, ready)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	csp, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`window.__csp || []`))
	if err != nil {
		return nil, fmt.Errorf("read CSP violations of %s: %w", p, err)
	}
	class, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.documentElement.className`))
	if err != nil {
		return nil, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	v := &Visit{Requests: append([]string(nil), b.requests...), Problems: append([]string(nil), b.problems...), Class: class}
	for _, c := range csp {
		v.Problems = append(v.Problems, "CSP violation: "+c)
	}
	return v, nil
}

// Foreign returns the requests of v that left the site's origin.
func (b *Browser) Foreign(v *Visit) []string {
	var out []string
	for _, u := range v.Requests {
		if u != b.origin && !strings.HasPrefix(u, b.origin+"/") {
			out = append(out, u)
		}
	}
	return out
}

// Violation is one failed axe-core rule with the elements that fail it.
type Violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

func (v Violation) String() string {
	return fmt.Sprintf("%s (%s): %s: %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; "))
}

// Axe runs axe-core (source: the text of axe.min.js) on the loaded page with the WCAG 2.0/2.1 A and AA rules.
// The script goes in through Runtime.evaluate, not a <script> element, so the page's CSP stays strict.
func (b *Browser) Axe(source string) ([]Violation, error) {
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[chromedp.Void](source+"\n;true")); err != nil {
		return nil, fmt.Errorf("inject axe-core: %w", err)
	}
	const run = `axe.run(document, {
  runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
  resultTypes: ["violations"]
}).then(function (r) {
  return r.violations.map(function (v) {
    return {id: v.id, impact: v.impact || "", help: v.help, nodes: v.nodes.map(function (n) {
      return n.target.join(" ") + " " + (n.failureSummary || "").replace(/\s+/g, " ");
    })};
  });
})`
	return chromedp.Run(b.ctx, chromedp.Evaluate[[]Violation](run, func(p *runtime.EvaluateParams) {
		p.AwaitPromise = ptr(true)
	}))
}

// Overflow reports the document's scroll width and client width: a page that needs horizontal scrolling has
// scroll > client.
func (b *Browser) Overflow() (scroll, client int, err error) {
	r, err := chromedp.Run(b.ctx, chromedp.Evaluate[[2]int](`[document.documentElement.scrollWidth, document.documentElement.clientWidth]`))
	return r[0], r[1], err
}

// Wider lists the elements whose right edge passes the viewport, to say what overflows.
func (b *Browser) Wider() ([]string, error) {
	return chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`(function () {
  var w = document.documentElement.clientWidth, out = [];
  document.querySelectorAll("body *").forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.right > w + 0.5 && out.length < 10) {
      out.push(e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className ? "." + String(e.className).replace(/ /g, ".") : "") + " right=" + Math.round(r.right));
    }
  });
  return out;
})()`))
}

// Screenshot captures the viewport (the first screen a reader sees) as PNG.
func (b *Browser) Screenshot() ([]byte, error) {
	return chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
}

func ptr[T any](v T) *T { return &v }

// PressKey focuses the element of the CSS selector and presses key on it, as a keyboard user does.
func (b *Browser) PressKey(selector, key string) error {
	return chromedp.Do(b.ctx,
		chromedp.Focus(chromedp.CSS(selector)),
		chromedp.KeyEvent(key),
	)
}

// Eval evaluates a JavaScript expression in the page and decodes its value into T.
func Eval[T any](b *Browser, expr string) (T, error) {
	return chromedp.Run(b.ctx, chromedp.Evaluate[T](expr))
}

// SetMedia emulates a CSS media type ("print"), or screen again with "".
func (b *Browser) SetMedia(media string) error {
	_, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
	return err
}
