package listpages_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"gongkai/generator/hugosite"
	"gongkai/generator/listpages"
	"gongkai/generator/pipeline"
	"gongkai/generator/testkit/corpus"
)

// work is what rendering a site cost, counted, not timed.
type work struct {
	docs   int
	calls  map[string]int // executions per template and partial
	allocs uint64         // heap allocations during the render
	html   int64          // bytes of HTML written
}

func render(t *testing.T, n int) work {
	t.Helper()
	site := t.TempDir()
	if err := corpus.Write(site, n, 3); err != nil {
		t.Fatal(err)
	}
	// One document a page: the number of pager pages grows with the site as it does on a real one, and what a pager
	// page costs beyond its one document (the pager, gathering the list) is not hidden behind the documents.
	cfgPath := filepath.Join(site, "config.toml")
	cfg, _ := os.ReadFile(cfgPath)
	cfg = regexp.MustCompile(`pagerSize = \d+`).ReplaceAll(cfg, []byte("pagerSize = 1"))
	if err := os.WriteFile(cfgPath, cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	// Every kind of list page: a column per kind and the 公开目录, which lists every document.
	if err := os.WriteFile(filepath.Join(site, "data", "columns.toml"), []byte(columns), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := pipeline.Check(site)
	if err != nil {
		t.Fatal(err)
	}
	if r.Diags.Errors() > 0 {
		t.Fatalf("the test site does not validate: %v", r.Diags.Sorted())
	}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	out := t.TempDir()
	hs, err := hugosite.New(hugosite.Options{SiteDir: site, PublishDir: out, Now: now, TemplateMetrics: true,
		CacheDir: t.TempDir(), Files: listpages.Pages(r.Config, r.Site, now, false)})
	if err != nil {
		t.Fatal(err)
	}
	defer hs.Close()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if probs, err := hs.Build(); err != nil {
		t.Fatalf("build: %v %v", err, probs)
	}
	runtime.ReadMemStats(&after)
	w := work{docs: n, calls: hs.TemplateCalls(), allocs: after.Mallocs - before.Mallocs}
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			if info, err := d.Info(); err == nil {
				w.html += info.Size()
			}
		}
		return err
	})
	return w
}

const columns = `
[[column]]
id = "zcwj"
path = "policies"
name = "政策文件"
kinds = ["policies"]

[[column]]
id = "zcjd"
path = "interpretations"
name = "政策解读"
kinds = ["interpretations"]

[[column]]
id = "pf"
path = "articles"
name = "普法宣传"
kinds = ["articles"]

[[column]]
id = "bg"
path = "reports"
name = "年度报告"
kinds = ["reports"]

[[column]]
id = "ml"
path = "xxgk/ml"
name = "政府信息公开目录"
page = "directory"
`

// TestListsStayLinear renders the same kind of site at two sizes and compares what the render did, per document:
// how many times each template ran, how many allocations Hugo made, how much HTML it wrote. A list layout that
// scans every page from each pager page, or a pager that links every page from every page, makes the larger site
// cost several times more per document; nothing is timed, so a busy machine cannot fail or pass it.
func TestListsStayLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("renders two sites")
	}
	small, large := render(t, 120), render(t, 600)
	scale := float64(large.docs) / float64(small.docs)
	if len(large.calls) == 0 {
		t.Fatal("no template metrics")
	}
	for name, c := range large.calls {
		s := small.calls[name]
		if s == 0 {
			s = 1
		}
		// Linear work grows by scale; allow for lists whose last page fills differently.
		if ratio := float64(c) / float64(s); ratio > scale*1.25 {
			t.Errorf("%s ran %d times for %d documents and %d times for %d: %.1fx for %.1fx the documents",
				name, s, small.docs, c, large.docs, ratio, scale)
		}
	}
	perDoc := func(w work, v float64) float64 { return v / float64(w.docs) }
	// Allocations are counted, not timed, and barely vary between runs (1.00x when linear): the 公开目录 scanning
	// every page from each pager page measured 1.18x.
	if r := perDoc(large, float64(large.allocs)) / perDoc(small, float64(small.allocs)); r > 1.1 {
		t.Errorf("allocations per document: %.0f at %d documents, %.0f at %d (%.2fx)",
			perDoc(small, float64(small.allocs)), small.docs, perDoc(large, float64(large.allocs)), large.docs, r)
	}
	if r := perDoc(large, float64(large.html)) / perDoc(small, float64(small.html)); r > 1.3 {
		t.Errorf("HTML bytes per document: %.0f at %d documents, %.0f at %d (%.2fx)",
			perDoc(small, float64(small.html)), small.docs, perDoc(large, float64(large.html)), large.docs, r)
	}
	t.Logf("per document at %d / %d: allocations %.0f / %.0f, HTML %.0f / %.0f bytes", small.docs, large.docs,
		perDoc(small, float64(small.allocs)), perDoc(large, float64(large.allocs)),
		perDoc(small, float64(small.html)), perDoc(large, float64(large.html)))
}
