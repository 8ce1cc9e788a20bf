// Package bench compares gongkai's search index with Pagefind's on the same
// generated site of Chinese documents: build time, peak memory, index size,
// bytes a first query downloads, and recall on substring queries. It is a
// benchmark, not a test: the figures depend on the machine, so nothing here
// asserts a target; `make bench` prints them for the report.
package bench

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"gongkai/generator/search"
	"gongkai/generator/search/corpus"
	"gongkai/generator/search/sitetest"
)

const seed = 1

func docCount() int {
	if n, err := strconv.Atoi(os.Getenv("GONGKAI_BENCH_DOCS")); err == nil && n > 0 {
		return n
	}
	return 10000
}

// TestMain runs the index build in a child process when asked, so that its
// peak memory is measured alone, as Pagefind's is.
func TestMain(m *testing.M) {
	if out := os.Getenv("GONGKAI_BENCH_CHILD"); out != "" {
		docs := corpus.Docs(docCount(), seed)
		start := time.Now()
		if err := search.Write(docs, out); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("%d\n", time.Since(start).Nanoseconds())
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func BenchmarkVersusPagefind(b *testing.B) {
	pagefind := pagefindPath()
	if pagefind == "" {
		msg := "pagefind not found: run `make tools` (npm install pagefind@1.6.0 into $GONGKAI_TOOLS)"
		if os.Getenv("CI") == "true" {
			b.Fatal(msg)
		}
		b.Skip(msg)
	}
	n := docCount()
	docs := corpus.Docs(n, seed)
	site := b.TempDir()
	writeHTML(b, site, docs)

	for b.Loop() {
		os.RemoveAll(filepath.Join(site, "search"))
		os.RemoveAll(filepath.Join(site, "pagefind"))
		gk := run(b, exec.Command(os.Args[0], "-test.run=^$"), "GONGKAI_BENCH_CHILD="+site)
		writeNs, _ := strconv.ParseInt(strings.TrimSpace(gk.stdout), 10, 64)
		pf := run(b, exec.Command(pagefind, "--site", site, "--force-language", "zh-cn"))

		gkRaw, gkGz, gkFiles := dirSize(b, filepath.Join(site, "search"))
		pfRaw, pfGz, pfFiles := dirSize(b, filepath.Join(site, "pagefind"))

		queries := drawQueries(docs, 300)
		first, lat, recall := gongkaiQueries(b, site, queries)
		sort.Ints(first)
		pfFirst := pagefindFirstQuery(b, filepath.Join(site, "pagefind"))

		b.ReportMetric(float64(writeNs)/1e6, "gongkai-index-ms")
		b.ReportMetric(float64(pf.wall.Milliseconds()), "pagefind-ms")
		b.ReportMetric(float64(gk.maxRSS)/1024, "gongkai-peak-MB")
		b.ReportMetric(float64(pf.maxRSS)/1024, "pagefind-peak-MB")
		b.ReportMetric(float64(first[len(first)/2])/1024, "gongkai-first-query-KB-median")
		b.ReportMetric(100*recall, "gongkai-recall-%")

		var t strings.Builder
		fmt.Fprintf(&t, "\n%d generated documents, %d queries drawn from them (seed %d)\n", n, len(queries), seed)
		fmt.Fprintf(&t, "%-34s %14s %14s\n", "", "gongkai", "pagefind 1.6.0")
		fmt.Fprintf(&t, "%-34s %13.2fs %13.2fs\n", "index build, wall", gk.wall.Seconds(), pf.wall.Seconds())
		fmt.Fprintf(&t, "%-34s %13.2fs %14s\n", "  of which search.Write", float64(writeNs)/1e9, "")
		fmt.Fprintf(&t, "%-34s %12.0fMB %12.0fMB\n", "peak memory (max RSS)", float64(gk.maxRSS)/1024, float64(pf.maxRSS)/1024)
		fmt.Fprintf(&t, "%-34s %12.1fMB %12.1fMB\n", "index size, raw", float64(gkRaw)/1e6, float64(pfRaw)/1e6)
		fmt.Fprintf(&t, "%-34s %12.1fMB %12.1fMB\n", "index size, gzip", float64(gkGz)/1e6, float64(pfGz)/1e6)
		fmt.Fprintf(&t, "%-34s %14d %14d\n", "index files", gkFiles, pfFiles)
		fmt.Fprintf(&t, "%-34s %12.1fKB %12.1fKB\n", "first query download, gzip, median", float64(first[len(first)/2])/1024, float64(pfFirst)/1024)
		fmt.Fprintf(&t, "%-34s %12.1fKB %14s\n", "  90th percentile", float64(first[len(first)*9/10])/1024, "")
		fmt.Fprintf(&t, "%-34s %12.1fKB %14s\n", "  maximum", float64(first[len(first)-1])/1024, "")
		fmt.Fprintf(&t, "%-34s %13.1f%% %14s\n", "recall, substring queries", 100*recall, "")
		fmt.Fprintf(&t, "%-34s %12.1fms %14s\n", "query time, files cached, median", lat[len(lat)/2], "")
		fmt.Fprintf(&t, "(pagefind first query: its script, wasm, entry, meta, one median index chunk and 5 median fragments)\n")
		b.Log(t.String())
	}
}

func pagefindPath() string {
	dirs := []string{os.Getenv("GONGKAI_TOOLS"), filepath.Join(os.Getenv("HOME"), ".cache", "gongkai-tools")}
	for _, d := range dirs {
		if d == "" {
			continue
		}
		// The platform binary itself, not the node wrapper, so its memory is
		// measured and not node's.
		for _, p := range []string{"node_modules/@pagefind/linux-x64/bin/pagefind_extended", "node_modules/.bin/pagefind"} {
			if _, err := os.Stat(filepath.Join(d, p)); err == nil {
				return filepath.Join(d, p)
			}
		}
	}
	return ""
}

type measured struct {
	wall   time.Duration
	maxRSS int64 // KB
	stdout string
}

func run(b *testing.B, cmd *exec.Cmd, env ...string) measured {
	b.Helper()
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("%s: %v\n%s", cmd.Path, err, errb.String())
	}
	m := measured{wall: time.Since(start), stdout: out.String()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.maxRSS = ru.Maxrss
	}
	return m
}

// writeHTML writes the corpus as the pages of a built site, one per
// document, with the metadata and body a document page shows.
func writeHTML(b *testing.B, site string, docs []search.Doc) {
	for _, d := range docs {
		var h strings.Builder
		h.WriteString(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>` + html.EscapeString(d.Title) + `</title></head><body><main data-pagefind-body>`)
		h.WriteString(`<h1>` + html.EscapeString(d.Title) + `</h1><dl>`)
		for _, kv := range [][2]string{{"索引号", d.IndexNo}, {"发文字号", d.DocNo}, {"发布日期", d.Date}, {"主题分类", d.Topic}, {"发布机构", d.Publisher}} {
			if kv[1] != "" {
				h.WriteString(`<dt>` + kv[0] + `</dt><dd>` + html.EscapeString(kv[1]) + `</dd>`)
			}
		}
		h.WriteString(`</dl>`)
		for _, p := range strings.Split(d.Text, "\n\n") {
			h.WriteString(`<p>` + html.EscapeString(p) + `</p>`)
		}
		for _, a := range d.Attachments {
			h.WriteString(`<p><a href="` + html.EscapeString(a) + `">` + html.EscapeString(a) + `</a></p>`)
		}
		h.WriteString(`</main></body></html>`)
		p := filepath.Join(site, filepath.FromSlash(d.URL), "index.html")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(h.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

type query struct {
	q   string
	url string // the document it was drawn from
}

// drawQueries takes substrings of random documents' body text, 2 to 8
// searchable characters long, cut anywhere (also inside words and across line
// breaks), plus 索引号 and 发文字号 as typed.
func drawQueries(docs []search.Doc, n int) []query {
	r := rand.New(rand.NewPCG(seed, 7))
	var qs []query
	for len(qs) < n {
		d := docs[r.IntN(len(docs))]
		switch r.IntN(10) {
		case 0:
			if d.IndexNo != "" {
				qs = append(qs, query{d.IndexNo, d.URL})
			}
		case 1:
			if d.DocNo != "" {
				qs = append(qs, query{d.DocNo, d.URL})
			}
		default:
			c := []rune(search.Compact(d.Text))
			l := 2 + r.IntN(7)
			if len(c) < l {
				continue
			}
			i := r.IntN(len(c) - l + 1)
			qs = append(qs, query{string(c[i : i+l]), d.URL})
		}
	}
	return qs
}

func gz(data []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	w.Write(data)
	w.Close()
	return buf.Len()
}

func gzFile(b *testing.B, p string) int {
	data, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	return gz(data)
}

func dirSize(b *testing.B, dir string) (raw, gzipped int64, files int) {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		raw += int64(len(data))
		if strings.HasSuffix(p, ".pagefind") || strings.HasSuffix(p, ".pf_fragment") || strings.HasSuffix(p, ".pf_index") || strings.HasSuffix(p, ".pf_meta") || strings.HasSuffix(p, ".pf_filter") {
			gzipped += int64(len(data)) // Pagefind writes these gzipped already
		} else {
			gzipped += int64(gz(data))
		}
		files++
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return raw, gzipped, files
}

// gongkaiQueries returns, per query, the gzip bytes a browser downloads for
// it from a cold cache (script and stylesheet included) and the median
// warm-cache query time; and the share of queries whose source document is
// among the results (all of them, not just the first page).
func gongkaiQueries(b *testing.B, site string, qs []query) (first []int, lat []float64, recall float64) {
	root := sitetest.Root()
	assets := gzFile(b, filepath.Join(root, "static/js/search.js")) + gzFile(b, filepath.Join(root, "static/css/search.css"))
	fsys := os.DirFS(filepath.Join(site, "search"))
	sizes := map[string]int{}
	all, err := search.Open(fsys) // one warm index for recall
	if err != nil {
		b.Fatal(err)
	}
	found := 0
	for _, q := range qs {
		ix, err := search.Open(fsys)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ix.Search(q.q, search.Filter{}, 10); err != nil {
			b.Fatal(err)
		}
		total := assets
		for _, f := range ix.Fetched {
			if _, ok := sizes[f]; !ok {
				sizes[f] = gzFile(b, filepath.Join(site, "search", f))
			}
			total += sizes[f]
		}
		first = append(first, total)
		start := time.Now()
		if _, err := ix.Search(q.q, search.Filter{}, 10); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, float64(time.Since(start).Microseconds())/1000)

		ans, err := all.Search(q.q, search.Filter{}, 0)
		if err != nil {
			b.Fatal(err)
		}
		if slices.ContainsFunc(ans.Results, func(r search.Result) bool { return r.URL == q.url }) {
			found++
		} else {
			b.Logf("missed %q from %s", q.q, q.url)
		}
	}
	sort.Float64s(lat)
	return first, lat, float64(found) / float64(len(qs))
}

// pagefindFirstQuery estimates what Pagefind's client downloads for a first
// query: its script and wasm, the entry and meta files, one index chunk and
// the five fragments its default UI shows, each at the median size.
func pagefindFirstQuery(b *testing.B, dir string) int {
	total := 0
	median := func(glob string) int {
		ps, _ := filepath.Glob(filepath.Join(dir, glob))
		if len(ps) == 0 {
			return 0
		}
		var s []int
		for _, p := range ps {
			st, err := os.Stat(p)
			if err != nil {
				b.Fatal(err)
			}
			s = append(s, int(st.Size()))
		}
		sort.Ints(s)
		return s[len(s)/2]
	}
	total += gzFile(b, filepath.Join(dir, "pagefind.js"))
	total += median("wasm.*.pagefind") + median("pagefind.*.pf_meta") + median("index/*.pf_index") + 5*median("fragment/*.pf_fragment")
	if entry, err := os.ReadFile(filepath.Join(dir, "pagefind-entry.json")); err == nil {
		var v any
		if json.Unmarshal(entry, &v) == nil {
			total += gz(entry)
		}
	}
	return total
}
