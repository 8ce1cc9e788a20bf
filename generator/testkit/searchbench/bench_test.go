package searchbench

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
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

	"gongkai/generator/minifier"
	"gongkai/generator/search"
	"gongkai/generator/testkit/corpus"
)

func runs() int {
	if n, err := strconv.Atoi(os.Getenv("GONGKAI_BENCH_RUNS")); err == nil && n > 0 {
		return n
	}
	return 3
}

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
		docs := Docs(docCount(), seed)
		syn, err := Synonyms()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		start := time.Now()
		if err := search.WriteKeeping(docs, syn, out, nil); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("%d\n", time.Since(start).Nanoseconds())
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// BenchmarkVersusPagefind builds both indexes GONGKAI_BENCH_RUNS times (3
// unless set), alternating, and reports the median build time and the largest
// peak memory of each, so a busy machine shows as spread, not as one figure.
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
	docs := Docs(n, seed)
	site := b.TempDir()
	if err := WriteHTML(site, docs); err != nil {
		b.Fatal(err)
	}

	// The previous run's indexes are moved aside, not deleted, and go with
	// the temporary folders after the benchmark. On an ext4 mounted without
	// a journal, as the development machine's is, creating a file skips one
	// by one every inode deleted in the last minute (more while the inode
	// table is not yet written back), so a build right after deleting the
	// previous index's ten thousand files paid for the deletion.
	trash := b.TempDir()
	aside := 0
	moveAside := func(p string) {
		if _, err := os.Stat(p); err == nil {
			aside++
			if err := os.Rename(p, filepath.Join(trash, strconv.Itoa(aside))); err != nil {
				b.Fatal(err)
			}
		}
	}
	for b.Loop() {
		var gks, pfs []measured
		var writes []time.Duration
		for range runs() {
			moveAside(filepath.Join(site, "search"))
			moveAside(filepath.Join(site, "pagefind"))
			gk := run(b, exec.Command(os.Args[0], "-test.run=^$"), "GONGKAI_BENCH_CHILD="+site)
			ns, _ := strconv.ParseInt(strings.TrimSpace(gk.stdout), 10, 64)
			writes = append(writes, time.Duration(ns))
			gks = append(gks, gk)
			pfs = append(pfs, run(b, exec.Command(pagefind, "--site", site, "--force-language", "zh-cn")))
		}
		gk, pf := summary(gks), summary(pfs)
		slices.Sort(writes)

		gkRaw, gkGz, gkFiles := dirSize(b, filepath.Join(site, "search"))
		pfRaw, pfGz, pfFiles := dirSize(b, filepath.Join(site, "pagefind"))

		queries := Queries(docs, 300)
		first, lat, recall, descs := gongkaiQueries(b, site, queries)
		heaviest := descs[len(descs)-1]
		pfFirst := pagefindFirstQuery(b, filepath.Join(site, "pagefind"))
		pct := func(p int) float64 { return float64(first[min(len(first)-1, len(first)*p/100)]) / 1024 }
		under := 0
		for _, f := range first {
			if f <= 100<<10 {
				under++
			}
		}

		b.ReportMetric(float64(gk.wall.Milliseconds()), "gongkai-index-ms")
		b.ReportMetric(float64(pf.wall.Milliseconds()), "pagefind-ms")
		b.ReportMetric(float64(gk.maxRSS)/1024, "gongkai-peak-MB")
		b.ReportMetric(float64(pf.maxRSS)/1024, "pagefind-peak-MB")
		b.ReportMetric(pct(50), "gongkai-first-query-KB-median")
		b.ReportMetric(pct(95), "gongkai-first-query-KB-p95")
		b.ReportMetric(pct(100), "gongkai-first-query-KB-max")
		b.ReportMetric(100*recall, "gongkai-recall-%")

		var t strings.Builder
		fmt.Fprintf(&t, "\n%d generated documents, %d queries drawn from them (seed %d), %d runs of each build\n", n, len(queries), seed, runs())
		fmt.Fprintf(&t, "%-36s %14s %14s\n", "", "gongkai", "pagefind 1.6.0")
		fmt.Fprintf(&t, "%-36s %13.2fs %13.2fs\n", "index build, wall, median", gk.wall.Seconds(), pf.wall.Seconds())
		fmt.Fprintf(&t, "%-36s %14s %14s\n", "  every run", walls(gks), walls(pfs))
		fmt.Fprintf(&t, "%-36s %13.2fs %14s\n", "  of which search.Write, median", writes[len(writes)/2].Seconds(), "")
		fmt.Fprintf(&t, "%-36s %13.2fs %13.2fs\n", "CPU time (user+sys), median", median(gks, cpuOf).Seconds(), median(pfs, cpuOf).Seconds())
		fmt.Fprintf(&t, "%-36s %12.0fMB %12.0fMB\n", "peak memory (max RSS), largest", float64(gk.maxRSS)/1024, float64(pf.maxRSS)/1024)
		fmt.Fprintf(&t, "%-36s %12.1fMB %12.1fMB\n", "index size, raw", float64(gkRaw)/1e6, float64(pfRaw)/1e6)
		fmt.Fprintf(&t, "%-36s %12.1fMB %12.1fMB\n", "index size, gzip", float64(gkGz)/1e6, float64(pfGz)/1e6)
		fmt.Fprintf(&t, "%-36s %14d %14d\n", "index files", gkFiles, pfFiles)
		fmt.Fprintf(&t, "%-36s %12.1fKB %12.1fKB\n", "first query download, gzip, median", pct(50), float64(pfFirst)/1024)
		for _, p := range []int{90, 95, 99} {
			fmt.Fprintf(&t, "%-36s %12.1fKB %14s\n", fmt.Sprintf("  %dth percentile", p), pct(p), "")
		}
		fmt.Fprintf(&t, "%-36s %12.1fKB %14s\n", "  maximum", pct(100), "")
		fmt.Fprintf(&t, "%-36s %13.1f%% %14s\n", "  queries at most 100 KB", 100*float64(under)/float64(len(first)), "")
		fmt.Fprintf(&t, "%-36s %13.1f%% %14s\n", "recall, substring queries", 100*recall, "")
		fmt.Fprintf(&t, "heaviest first query: %s\n", heaviest)
		fmt.Fprintf(&t, "%-36s %12.2fms %14s\n", "query time in Go, files cached, median", lat[len(lat)/2], "")
		fmt.Fprintf(&t, "(pagefind first query: its script, wasm, entry, meta, one median index chunk and 5 median fragments;\n")
		fmt.Fprintf(&t, " keystroke-to-results in Chromium: BenchmarkSearchKeystroke in generator/testkit/browsertest)\n")
		b.Log(t.String())
	}
}

// summary is the run with the median wall time, with the largest peak
// memory of all runs.
func summary(ms []measured) measured {
	s := slices.Clone(ms)
	slices.SortFunc(s, func(a, b measured) int { return int(a.wall - b.wall) })
	m := s[len(s)/2]
	for _, x := range ms {
		m.maxRSS = max(m.maxRSS, x.maxRSS)
	}
	return m
}

func cpuOf(m measured) time.Duration { return m.cpu }

func median(ms []measured, f func(measured) time.Duration) time.Duration {
	var v []time.Duration
	for _, m := range ms {
		v = append(v, f(m))
	}
	slices.Sort(v)
	return v[len(v)/2]
}

func walls(ms []measured) string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%.1f", m.wall.Seconds()))
	}
	return strings.Join(out, " ")
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
	cpu    time.Duration // user + system: less distorted than wall time by other jobs on the machine
	maxRSS int64         // KB
	stdout string
}

func run(b testing.TB, cmd *exec.Cmd, env ...string) measured {
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
		m.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	return m
}

func gz(data []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	w.Write(data)
	w.Close()
	return buf.Len()
}

func gzFile(b testing.TB, p string) int {
	data, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	return gz(data)
}

func dirSize(b testing.TB, dir string) (raw, gzipped int64, files int) {
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
// it from a cold cache (script and stylesheet included, minified as served) and the median
// warm-cache query time; and the share of queries whose source document is
// among the results (all of them, not just the first page).
//
// descs says, for each figure of first, what describe says of its download; first is sorted (lightest first) and
// descs with it, so that the median's or a percentile's query can be described as well as the heaviest.
func gongkaiQueries(b testing.TB, site string, qs []Query) (first []int, lat []float64, recall float64, descs []string) {
	root, err := corpus.RepoRoot()
	if err != nil {
		b.Fatal(err)
	}
	// The script and stylesheet as the build serves them: minified.
	assets := 0
	for _, p := range []string{"static/js/search.js", "static/css/search.css"} {
		data, err := os.ReadFile(filepath.Join(root, p))
		if err != nil {
			b.Fatal(err)
		}
		if data, err = minifier.New().Bytes(p, data); err != nil {
			b.Fatal(err)
		}
		assets += gz(data)
	}
	fsys := os.DirFS(filepath.Join(site, "search"))
	sizes := map[string]int{}
	all, err := search.Open(fsys) // one warm index for recall, all results
	if err != nil {
		b.Fatal(err)
	}
	found := 0
	for _, q := range qs {
		ix, err := search.Open(fsys)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ix.Search(q.Q, search.Filter{}, 10); err != nil {
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
		descs = append(descs, describe(q.Q, total, assets, ix.Fetched, sizes))
		start := time.Now()
		if _, err := ix.Search(q.Q, search.Filter{}, 10); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, float64(time.Since(start).Microseconds())/1000)

		ans, err := all.Search(q.Q, search.Filter{}, 0)
		if err != nil {
			b.Fatal(err)
		}
		if slices.ContainsFunc(ans.Results, func(r search.Result) bool { return r.URL == q.URL }) {
			found++
		} else {
			b.Logf("missed %q from %s", q.Q, q.URL)
		}
	}
	sort.Float64s(lat)
	order := make([]int, len(first))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return first[order[a]] < first[order[b]] })
	sortedFirst, sortedDescs := make([]int, len(first)), make([]string, len(first))
	for i, o := range order {
		sortedFirst[i], sortedDescs[i] = first[o], descs[o]
	}
	return sortedFirst, lat, float64(found) / float64(len(qs)), sortedDescs
}

// describe says what a query's first download is made of: gzip bytes by folder of the index (shards, terms of
// their own, docs, meta.json, filters.json) and the script and stylesheet, so that a figure over the target says
// what to shrink.
func describe(q string, total, assets int, fetched []string, sizes map[string]int) string {
	by := map[string]int{}
	n := map[string]int{}
	for _, f := range fetched {
		part, _, _ := strings.Cut(f, "/")
		by[part] += sizes[f]
		n[part]++
	}
	parts := slices.Sorted(maps.Keys(by))
	out := fmt.Sprintf("%q %.1f KB: search.js+css %.1f KB", q, float64(total)/1024, float64(assets)/1024)
	for _, p := range parts {
		out += fmt.Sprintf(", %s %.1f KB (%d files)", p, float64(by[p])/1024, n[p])
	}
	return out
}

// pagefindFirstQuery estimates what Pagefind's client downloads for a first
// query: its script and wasm, the entry and meta files, one index chunk and
// the five fragments its default UI shows, each at the median size.
func pagefindFirstQuery(b testing.TB, dir string) int {
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

// BenchmarkWrite measures search.Write alone on the benchmark's documents, in
// this process (BenchmarkVersusPagefind measures whole child processes).
func BenchmarkWrite(b *testing.B) {
	docs := Docs(docCount(), seed)
	for b.Loop() {
		if err := search.Write(docs, b.TempDir()); err != nil {
			b.Fatal(err)
		}
	}
}

// firstQueryDocs is the size BenchmarkFirstQuery runs at: 100,000 documents, the largest site the issue asks
// about, unless GONGKAI_BENCH_DOCS says otherwise.
func firstQueryDocs() int {
	if os.Getenv("GONGKAI_BENCH_DOCS") != "" {
		return docCount()
	}
	return 100000
}

// BenchmarkFirstQuery builds gongkai's index alone (no Pagefind) on 100,000 documents (GONGKAI_BENCH_DOCS for
// another size) and reports the index build time and peak memory, what the 300 substring queries download from a
// cold cache and their recall: the figures of BenchmarkVersusPagefind that need no second tool, for sizes at which
// Pagefind does not finish (at 10,000 documents it already peaks at over 4 GB). It builds the index only, from the
// generated documents as the pipeline hands them over, not a Hugo site of them. `make bench` runs it.
func BenchmarkFirstQuery(b *testing.B) {
	n := firstQueryDocs()
	b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) { firstQuery(b, n) })
}

func firstQuery(b *testing.B, n int) {
	docs := Docs(n, seed)
	syn, err := Synonyms()
	if err != nil {
		b.Fatal(err)
	}
	site := b.TempDir()
	for b.Loop() {
		gk := run(b, exec.Command(os.Args[0], "-test.run=^$"), "GONGKAI_BENCH_CHILD="+site, "GONGKAI_BENCH_DOCS="+strconv.Itoa(n))
		ns, _ := strconv.ParseInt(strings.TrimSpace(gk.stdout), 10, 64)
		raw, gzipped, files := dirSize(b, filepath.Join(site, "search"))
		first, lat, recall, descs := gongkaiQueries(b, site, Queries(docs, 300))
		pct := func(p int) float64 { return float64(first[min(len(first)-1, len(first)*p/100)]) / 1024 }
		b.ReportMetric(float64(gk.wall.Milliseconds()), "index-build-ms")
		b.ReportMetric(float64(gk.maxRSS)/1024, "peak-MB")
		b.ReportMetric(pct(50), "first-query-KB-median")
		b.ReportMetric(pct(100), "first-query-KB-max")
		b.ReportMetric(100*recall, "recall-%")
		b.Logf("%d documents (%d equivalent-word groups): index build %.2fs wall (search.Write %.2fs), CPU %.2fs, peak %d MB; "+
			"index %.1f MB raw, %.1f MB gzip, %d files; first query gzip median %.1f KB, p90 %.1f, p95 %.1f, p99 %.1f, max %.1f KB; "+
			"recall %.1f%%; query in Go, cached, median %.2f ms",
			n, len(syn), gk.wall.Seconds(), time.Duration(ns).Seconds(), gk.cpu.Seconds(), gk.maxRSS/1024,
			float64(raw)/1e6, float64(gzipped)/1e6, files, pct(50), pct(90), pct(95), pct(99), pct(100), 100*recall, lat[len(lat)/2])
		for _, p := range []int{25, 50, 75, 90, 95, 100} {
			b.Logf("first query at p%d: %s", p, descs[min(len(descs)-1, len(descs)*p/100)])
		}
	}
}
