package browsertest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"gongkai/generator/pipeline"
	"gongkai/generator/search"
	"gongkai/generator/testkit/searchbench"
	"gongkai/generator/testkit/sitetest"
)

// buildSearchSite builds the search tests' site (generator/search/testdata/site.txtar) over the repository's theme,
// in the interface language lang, and returns the published folder.
func buildSearchSite(t testing.TB, lang string) string {
	t.Helper()
	archive, err := os.ReadFile("../../search/testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	cfg := sitetest.Config
	if lang == "en" {
		cfg = strings.NewReplacer(`locale = "zh-CN"`, `locale = "en"`, `defaultContentLanguage = "zh"`, `defaultContentLanguage = "en"`).Replace(cfg)
		if cfg == sitetest.Config {
			t.Fatal("sitetest.Config changed: the English site would be Chinese")
		}
	}
	site := sitetest.WithTheme(t, string(archive)+"-- config.toml --\n"+cfg)
	out := filepath.Join(t.TempDir(), "public")
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	if _, err := pipeline.Build(pipeline.Options{SiteDir: site, OutDir: out, Now: now}); err != nil {
		t.Fatalf("build: %v", err)
	}
	return out
}

// eval runs js in the page, awaiting it when it is a promise, and decodes its value into a T.
func eval[T any](b *Browser, js string) (T, error) {
	return chromedp.Run(b.ctx, chromedp.Evaluate[T](js, func(p *runtime.EvaluateParams) { p.AwaitPromise = ptr(true) }))
}

// waitJS resolves once the result links are want, drawn for what the box holds and no search is pending (true), or
// after 20 s with what the page shows. search.js fires search-rendered whenever it has drawn an answer, and keeps the
// query drawn in data-search-rendered, so the wait follows the page's own events rather than polling on a clock (and
// is not fooled by the answer to a keystroke before the last); the 20 s only turn a hang into a failure with a message.
const waitJS = `new Promise(function (resolve) {
  var root = document.querySelector('[data-search-index]'), want = %s;
  function hrefs() {
    return Array.from(root.querySelectorAll('[data-search-results] h2 a')).map(function (a) { return a.getAttribute('href'); });
  }
  function check() {
    if (root.dataset.searchRendered !== root.querySelector('#search-q').value.trim()) return false;
    if (JSON.stringify(hrefs()) !== JSON.stringify(want)) return false;
    // A prefix of the typed query can show the same links while the whole query is still being searched
    // (the status then ends with "…"): wait for the answer to the whole query.
    if (/…$/.test(root.querySelector('[data-search-status]').textContent)) return false;
    root.removeEventListener('search-rendered', check);
    resolve({ ok: true });
    return true;
  }
  if (check()) return;
  root.addEventListener('search-rendered', check);
  setTimeout(function () {
    resolve({ ok: false, got: hrefs(), status: root.querySelector('[data-search-status]').textContent });
  }, 20000);
})`

func waitResults(t *testing.T, b *Browser, what string, want []string) {
	t.Helper()
	w, _ := json.Marshal(want)
	if want == nil {
		w = []byte("[]")
	}
	r, err := eval[struct {
		OK     bool
		Got    []string
		Status string
	}](b, fmt.Sprintf(waitJS, w))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if !r.OK {
		t.Fatalf("%s: results %q, want %q (status %q)", what, r.Got, want, r.Status)
	}
}

// TestSearchTypedWhileTheIndexLoads types into the search box before the index's meta.json has arrived, as a
// citizen on a slow phone network does: nothing may throw (a keystroke then had no shards to look in), and when the
// index is in, what was typed is searched, not the query of the address it replaced.
func TestSearchTypedWhileTheIndexLoads(t *testing.T) {
	Require(t, Chromium() != "", "chromium")
	held := make(chan struct{})
	var release sync.Once
	open := func() { release.Do(func() { close(held) }) }
	defer open()
	srv := ServeWith(buildSearchSite(t, "zh"), func(r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/search/meta.json") {
			<-held // until the test has typed
		}
	})
	defer srv.Close()
	b := NewBrowser(t, srv.URL)
	if _, err := b.Load("/search/?q="+url.QueryEscape("欠薪"), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := eval[bool](b, `(document.querySelector('#search-q').value = '', true)`); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(b.ctx, chromedp.SendKeys(chromedp.CSS(`#search-q`), "申请劳动仲裁")); err != nil {
		t.Fatal(err)
	}
	open()
	waitResults(t, b, "typed 申请劳动仲裁 while meta.json loaded", []string{"/policies/qx-2024/"})
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		t.Errorf("the page reported: %s", p)
	}
}

func TestSearchPageInBrowser(t *testing.T) {
	Require(t, Chromium() != "", "chromium")
	srv := Serve(buildSearchSite(t, "zh"))
	defer srv.Close()
	b := NewBrowser(t, srv.URL)

	must := func(v any, err error) any {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	str := func(js string) string { t.Helper(); return must(eval[string](b, js)).(string) }
	strs := func(js string) []string { t.Helper(); return must(eval[[]string](b, js)).([]string) }
	do := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(b.ctx, steps...); err != nil {
			t.Fatal(err)
		}
	}
	ready := chromedp.WaitVisible(chromedp.CSS(`.search-ready .search-filters`))
	// problems reports script errors and CSP violations since the last Load, which clears them.
	problems := func() {
		t.Helper()
		csp := strs(`window.__csp || []`)
		b.mu.Lock()
		defer b.mu.Unlock()
		for _, p := range append(slices.Clone(b.problems), csp...) {
			t.Errorf("the page reported: %s", p)
		}
	}

	// Typing, as a citizen would: results appear without pressing a button. 劳动 and 仲裁 are on two lines of
	// the Markdown.
	v, err := b.Load("/search/", "")
	if err != nil {
		t.Fatal(err)
	}
	do(ready, chromedp.SendKeys(chromedp.CSS(`#search-q`), "申请劳动仲裁"))
	waitResults(t, b, "typed 申请劳动仲裁", []string{"/policies/qx-2024/"})
	if marks := strs(`Array.from(document.querySelectorAll('.search-snippet mark')).map(m => m.textContent)`); !slices.Equal(marks, []string{"申请劳动仲裁"}) {
		t.Errorf("highlighted %q, want the phrase across the line break", marks)
	}
	if status := str(`document.querySelector('[data-search-status]').textContent`); status != "找到 1 个文件。" {
		t.Errorf("status %q", status)
	}
	if meta := strs(`Array.from(document.querySelectorAll('.search-meta span')).map(s => s.textContent)`); !slices.Equal(meta, []string{"政策文件", "发布日期：2024-03-12", "索引号：MB1A23456/2024-00012", "发文字号：东人社发〔2024〕3号"}) {
		t.Errorf("result metadata %q", meta)
	}
	search := str(`location.search`)
	if q, _ := url.ParseQuery(strings.TrimPrefix(search, "?")); q.Get("q") != "申请劳动仲裁" {
		t.Errorf("address has %q, want the query in ?q=", search)
	}
	problems()
	for _, u := range b.Foreign(v) {
		t.Errorf("the page requested another origin: %s", u)
	}

	// The address of a result list is a bookmark: it opens with the results. Filters: kind, then year.
	if _, err := b.Load("/search/?q="+url.QueryEscape("欠薪"), ""); err != nil {
		t.Fatal(err)
	}
	do(ready)
	waitResults(t, b, "bookmarked 欠薪", []string{"/interpretations/qx-2024-jd/", "/policies/qx-2024/", "/articles/zc-2023/"})
	if titleMarks := strs(`Array.from(document.querySelectorAll('[data-search-results] h2 mark')).map(m => m.textContent)`); len(titleMarks) != 2 || titleMarks[0] != "欠薪" {
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
	waitResults(t, b, "欠薪 in 政策文件", []string{"/policies/qx-2024/"})
	selectValue("kind", "")
	selectValue("year", "2023")
	waitResults(t, b, "欠薪 in 2023", []string{"/articles/zc-2023/"})
	search = str(`location.search`)
	if q, _ := url.ParseQuery(strings.TrimPrefix(search, "?")); q.Get("year") != "2023" {
		t.Errorf("address %q does not keep the year filter", search)
	}
	selectValue("year", "")
	selectValue("topic", `综合政务\政务公开`)
	waitResults(t, b, "欠薪 in 综合政务/政务公开", nil)
	if status := str(`document.querySelector('[data-search-status]').textContent`); status != "没有找到包含“欠薪”的文件。" {
		t.Errorf("status %q", status)
	}
	selectValue("topic", "")

	// 发文字号 typed with square brackets; then the keyboard: down arrow from the box reaches the first result.
	str(`document.querySelector('#search-q').value = ''`)
	do(chromedp.SendKeys(chromedp.CSS(`#search-q`), "东人社发[2024]3号"))
	waitResults(t, b, "发文字号", []string{"/policies/qx-2024/"})
	do(chromedp.Focus(chromedp.CSS(`#search-q`)), chromedp.KeyEvent(kb.ArrowDown))
	if focused := str(`document.activeElement.getAttribute('href')`); focused != "/policies/qx-2024/" {
		t.Errorf("after ArrowDown focus is on %q, want the first result", focused)
	}

	// What a citizen types rather than the documents' words. typed clears the box and types q; why returns each
	// result's note on how it answers the query ("" for none).
	typed := func(q string, want []string) {
		t.Helper()
		str(`document.querySelector('#search-q').value = ''`)
		do(chromedp.SendKeys(chromedp.CSS(`#search-q`), q))
		waitResults(t, b, q, want)
	}
	why := `Array.from(document.querySelectorAll('[data-search-results] li')).map(li => { const w = li.querySelector('.search-why'); return w ? w.textContent : '' })`
	// An equivalent word from the site's data/synonyms.toml: the result says which word it contains and marks it;
	// the document is repealed (marked) and has a short title (shown).
	typed("劳动仲裁委", []string{"/policies/gz-2022/"})
	if w := strs(why); !slices.Equal(w, []string{"包含“劳动人事争议仲裁委员会”的结果（“劳动仲裁委”的同义词）"}) {
		t.Errorf("equivalent: notes %q", w)
	}
	if marks := strs(`Array.from(document.querySelectorAll('.search-snippet mark')).map(m => m.textContent)`); !slices.Equal(marks, []string{"劳动人事争议仲裁委员会"}) {
		t.Errorf("equivalent: highlighted %q", marks)
	}
	if meta := strs(`Array.from(document.querySelectorAll('.search-meta span')).map(s => s.textContent)`); len(meta) < 3 || meta[0] != "已废止" || meta[2] != "简称：工资支付规定" {
		t.Errorf("repealed document with a short title: metadata %q", meta)
	}
	// The short title is searchable.
	typed("工资支付规定", []string{"/policies/gz-2022/"})
	// A near miss: no document has the whole query; the longest part that some have, and the page says so.
	typed("根治欠薪方案", []string{"/policies/qx-2024/", "/interpretations/qx-2024-jd/"})
	if status := str(`document.querySelector('[data-search-status]').textContent`); status != "没有找到包含“根治欠薪方案”的文件；以下是包含其中部分文字（根治欠薪）的文件。找到 2 个文件。" {
		t.Errorf("near miss: status %q", status)
	}
	if w := strs(why); !slices.Equal(w, []string{"包含“根治欠薪”", "包含“根治欠薪”"}) {
		t.Errorf("near miss: notes %q", w)
	}
	// Two words: the document with both first, then those with one, each saying which word it lacks.
	typed("欠薪 协商", []string{"/articles/zc-2023/", "/interpretations/qx-2024-jd/", "/policies/qx-2024/"})
	if w := strs(why); !slices.Equal(w, []string{"", "未包含“协商”", "未包含“协商”"}) {
		t.Errorf("two words: notes %q", w)
	}
	problems()
}

// TestSearchPageEnglish builds the site with an English interface: the search page, once the script has shown
// results, must hold no Chinese but the documents' own text (titles, snippets, metadata values, topic names).
func TestSearchPageEnglish(t *testing.T) {
	Require(t, Chromium() != "", "chromium")
	srv := Serve(buildSearchSite(t, "en"))
	defer srv.Close()
	b := NewBrowser(t, srv.URL)
	if _, err := b.Load("/search/?q="+url.QueryEscape("欠薪"), ""); err != nil {
		t.Fatal(err)
	}
	waitResults(t, b, "欠薪", []string{"/interpretations/qx-2024-jd/", "/policies/qx-2024/", "/articles/zc-2023/"})
	r, err := eval[struct {
		UI     string
		Labels []string
		Status string
	}](b, `(() => {
  const s = document.querySelector('section.search').cloneNode(true);
  const labels = Array.from(s.querySelectorAll('.search-meta span')).map(e => e.textContent.replace(/: .*/, ':'));
  s.querySelectorAll('[data-search-results], select[name=topic] option:not([value=""]), h1').forEach(e => e.remove());
  const attrs = Object.keys(s.dataset).filter(k => k.startsWith('t')).map(k => s.dataset[k]).join(' ');
  return { ui: s.textContent + ' ' + attrs, labels: labels, status: document.querySelector('[data-search-status]').textContent };
})()`)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != "3 documents found." {
		t.Errorf("status %q", r.Status)
	}
	want := []string{"Policy interpretation", "Published:", "Index number:", "Policy document", "Published:", "Index number:", "Document number:", "Legal education", "Published:"}
	if !slices.Equal(r.Labels, want) {
		t.Errorf("result labels %q, want %q", r.Labels, want)
	}
	var han []string
	for _, f := range strings.Fields(r.UI) {
		if strings.ContainsFunc(f, func(c rune) bool { return c >= 0x3000 && c <= 0x9fff || c >= 0xff00 && c <= 0xffef }) {
			han = append(han, f)
		}
	}
	if len(han) > 0 {
		t.Errorf("Chinese interface text on the English search page: %q", han)
	}
}

// BenchmarkSearchKeystroke measures, in Chromium, the time from the input event of a query to its results drawn
// in the page, with the query's index files already fetched (each query is run once before it is timed). The index
// is the search benchmark's (GONGKAI_BENCH_DOCS documents, 10,000 unless set), laid over the sample site's search
// page.
func BenchmarkSearchKeystroke(b *testing.B) {
	Require(b, Chromium() != "", "chromium")
	if site.err != nil {
		b.Fatalf("build the sample site: %v", site.err)
	}
	n := 10000
	if v, err := fmt.Sscan(os.Getenv("GONGKAI_BENCH_DOCS"), &n); v != 1 || err != nil {
		n = 10000
	}
	dir := filepath.Join(b.TempDir(), "public")
	if err := os.CopyFS(dir, os.DirFS(site.dir)); err != nil {
		b.Fatal(err)
	}
	docs := searchbench.Docs(n, 1)
	syn, err := searchbench.Synonyms()
	if err != nil {
		b.Fatal(err)
	}
	if err := search.WriteKeeping(docs, syn, dir, nil); err != nil {
		b.Fatal(err)
	}
	srv := Serve(dir)
	defer srv.Close()
	br := NewBrowser(b, srv.URL)
	if _, err := br.Load("/search/", `!!document.querySelector(".search-ready")`); err != nil {
		b.Fatal(err)
	}
	const timeJS = `(function (q) {
  var root = document.querySelector('[data-search-index]'), input = root.querySelector('#search-q');
  function typed(value) {
    return new Promise(function (resolve) {
      var t0;
      root.addEventListener('search-rendered', function on(e) {
        if (e.detail.query !== value.trim()) return;
        root.removeEventListener('search-rendered', on);
        resolve(performance.now() - t0);
      });
      input.value = value;
      t0 = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }
  return typed(q).then(function () { return typed(''); }).then(function () { return typed(q); });
})(%s)`
	// Drawn queries, and the commonest kinds: a character or a word in every document, and two words.
	qs := []searchbench.Query{{Q: "的"}, {Q: "工作"}, {Q: "劳动合同"}, {Q: "2020"}, {Q: "工作 通知"}}
	qs = append(qs, searchbench.Queries(docs, 100)...)
	for b.Loop() {
		var ms []float64
		slowest, worst := "", 0.0
		for _, q := range qs {
			arg, _ := json.Marshal(q.Q)
			v, err := eval[float64](br, fmt.Sprintf(timeJS, arg))
			if err != nil {
				b.Fatalf("%q: %v", q.Q, err)
			}
			ms = append(ms, v)
			if v > worst {
				slowest, worst = q.Q, v
			}
		}
		slices.Sort(ms)
		b.ReportMetric(ms[len(ms)/2], "keystroke-ms-median")
		b.ReportMetric(ms[len(ms)*95/100], "keystroke-ms-p95")
		b.ReportMetric(ms[len(ms)-1], "keystroke-ms-max")
		b.Logf("%d documents, %d queries: keystroke to results, files cached: median %.1f ms, 95th percentile %.1f ms, maximum %.1f ms (%q)",
			n, len(qs), ms[len(ms)/2], ms[len(ms)*95/100], ms[len(ms)-1], slowest)
	}
}

// BenchmarkPagefindRecall runs the search benchmark's substring queries through Pagefind's own client in Chromium,
// on a Pagefind index of the same documents, and counts the queries whose source document Pagefind does not find:
// Pagefind segments Chinese into dictionary words, so a substring that cuts a word is missed. (gongkai's recall on
// the same queries is in BenchmarkVersusPagefind.)
func BenchmarkPagefindRecall(b *testing.B) {
	Require(b, Chromium() != "", "chromium")
	pagefind := Tool("@pagefind/linux-x64/bin/pagefind_extended")
	Require(b, pagefind != "", "pagefind (make tools)")
	n := 10000
	if v, err := fmt.Sscan(os.Getenv("GONGKAI_BENCH_DOCS"), &n); v != 1 || err != nil {
		n = 10000
	}
	docs := searchbench.Docs(n, 1)
	dir := b.TempDir()
	if err := searchbench.WriteHTML(dir, docs); err != nil {
		b.Fatal(err)
	}
	if out, err := exec.Command(pagefind, "--site", dir, "--force-language", "zh-cn").CombinedOutput(); err != nil {
		b.Fatalf("pagefind: %v\n%s", err, out)
	}
	// Pagefind's client compiles WebAssembly, which the site's strict CSP forbids; this server sets none.
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	br := NewBrowser(b, srv.URL)
	if _, err := br.Load(docs[0].URL, ""); err != nil {
		b.Fatal(err)
	}
	qs := searchbench.Queries(docs, 300)
	arg, _ := json.Marshal(qs)
	// For each query, whether the source document's URL is among all of Pagefind's results. Fragments are fetched
	// only until the URL is found, and each at most once.
	const recallJS = `(async function (qs) {
  const pf = await import('/pagefind/pagefind.js');
  await pf.init();
  const urls = new Map(), out = [];
  for (const q of qs) {
    const r = await pf.search(q.Q);
    let found = false;
    for (const res of r.results) {
      if (!urls.has(res.id)) urls.set(res.id, (await res.data()).url);
      if (urls.get(res.id) === q.URL) { found = true; break; }
    }
    out.push(found);
  }
  return out;
})(%s)`
	for b.Loop() {
		found, err := eval[[]bool](br, fmt.Sprintf(recallJS, arg))
		if err != nil {
			b.Fatal(err)
		}
		hit := 0
		var missed []string
		for i, f := range found {
			if f {
				hit++
			} else if len(missed) < 10 {
				missed = append(missed, qs[i].Q)
			}
		}
		b.ReportMetric(100*float64(hit)/float64(len(qs)), "pagefind-recall-%")
		b.Logf("%d documents, %d substring queries: Pagefind finds the source document for %d (%.1f%%), misses %d; e.g. %q",
			n, len(qs), hit, 100*float64(hit)/float64(len(qs)), len(qs)-hit, missed)
	}
}
