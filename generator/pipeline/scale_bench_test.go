package pipeline_test

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"gongkai/generator/buildreport"
	"gongkai/generator/listpages"
	"gongkai/generator/pipeline"
	"gongkai/generator/publish"
	"gongkai/generator/testkit/corpus"
)

// BenchmarkScale measures how a cold build grows with the site and compares it with what a user would assemble
// from peers, in one run (`make bench`; figures in docs/performance.md):
//
//   - every build goes through the command as an operator runs it, so its times include the syncfs that makes the
//     release durable before the link is switched (the report's "sync" stage, logged on its own);
//   - a cold `gongkai build` (no previous release) at 4,000 and 32,000 generated documents: CPU time per document
//     at both sizes and their ratio (target: at most 1.15x), peak memory at 32,000 (at most 3 GB) and the
//     largest HTML page it publishes (at most 300 KB);
//   - at 32,000, after three nights that fill the releases kept (so that each measured night also removes the one
//     set aside, as every real night does): the nightly build with nothing changed, then with ten documents edited, each
//     against the cold build (issue 16);
//   - at 32,000: the nightly build (previous release present, sources unchanged) against plain `hugo --minify`
//     of the same pages (cmd plainhugo; target: at most 1.0x);
//   - the peer pipeline on its own corpus (10,000 documents, as the issue measured): `hugo --minify`, then
//     Pagefind on its output, then `gzip -6` and `brotli -q 5` of every text file (both cores, xargs -P), against
//     a cold gongkai build of the same corpus (target: at most 0.5x).
//
// GONGKAI_BENCH_SCALE="4000,32000" and GONGKAI_BENCH_PEER_DOCS=10000 change the sizes (PEER_DOCS=0 skips the
// peers); GONGKAI_BENCH_COLD_ONLY=1 measures only the cold builds (the 100,000-document figure).
func BenchmarkScale(b *testing.B) {
	sizes := []int{4000, 32000}
	if s := os.Getenv("GONGKAI_BENCH_SCALE"); s != "" {
		sizes = nil
		for _, f := range strings.Split(s, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n <= 0 {
				b.Fatalf("GONGKAI_BENCH_SCALE: %q", s)
			}
			sizes = append(sizes, n)
		}
	}
	peerDocs := 10000
	if s := os.Getenv("GONGKAI_BENCH_PEER_DOCS"); s != "" {
		peerDocs, _ = strconv.Atoi(s)
	}
	coldOnly := os.Getenv("GONGKAI_BENCH_COLD_ONLY") != ""
	tmp := b.TempDir()
	gongkai := goBuild(b, "./generator/cmd/gongkai", filepath.Join(tmp, "gongkai"))
	plain := goBuild(b, "./generator/testkit/plainhugo", filepath.Join(tmp, "plainhugo"))

	for i := 0; i < b.N; i++ {
		var perDoc []float64
		for k, n := range sizes {
			site := filepath.Join(tmp, fmt.Sprintf("site-%d", n))
			if err := corpus.Write(site, n, 1); err != nil {
				b.Fatal(err)
			}
			out := filepath.Join(tmp, fmt.Sprintf("out-%d-%d", i, n), "public")
			cold := gongkaiBuild(b, gongkai, site, out, "cold")
			perDoc = append(perDoc, cold.cpu.Seconds()/float64(n))
			page, size := largestHTML(b, out)
			b.Logf("%d documents, cold: %.1fs wall (syncfs before the switch %.2fs), %.1fs CPU (%.2f ms per document), peak %.0f MB; largest HTML page %s, %.0f KB",
				n, cold.wall.Seconds(), cold.sync.Seconds(), cold.cpu.Seconds(), 1000*perDoc[k], mb(cold.rss), page, float64(size)/1024)
			b.ReportMetric(cold.sync.Seconds(), fmt.Sprintf("sync-s-%d", n))
			if k > 0 {
				b.Logf("CPU per document at %d against %d documents: %.2fx", n, sizes[0], perDoc[k]/perDoc[0])
			}
			if coldOnly || k != len(sizes)-1 {
				continue
			}
			// Every build from the fourth on sets the oldest of the releases kept (publish.Keep) aside, and the next
			// removes it while it renders: three nights before the measured ones, so that each of those removes one
			// and sets one aside, as a real night does.
			for w := 0; w < publish.Keep; w++ {
				gongkaiBuild(b, gongkai, site, out, fmt.Sprintf("warm-up-%d", w+1))
			}
			nightly := gongkaiBuild(b, gongkai, site, out, "nightly")
			b.Logf("%d documents, nightly, nothing changed: %.1fs wall, %.1fs CPU; against the cold build: %.2fx time (target at most 0.1x), %.2fx CPU",
				n, nightly.wall.Seconds(), nightly.cpu.Seconds(), nightly.wall.Seconds()/cold.wall.Seconds(), nightly.cpu.Seconds()/cold.cpu.Seconds())
			b.ReportMetric(nightly.wall.Seconds()/cold.wall.Seconds(), "nightly-unchanged-ratio")
			if os.Getenv("GONGKAI_BENCH_PLAIN") != "0" {
				plainSite := writePlainSite(b, site, filepath.Join(tmp, fmt.Sprintf("plain-site-%d", n)), n)
				hugo := measure(b, nil, plain, "-s", plainSite, "-d", filepath.Join(tmp, fmt.Sprintf("hugo-%d-%d", i, n)), "-now", benchNow)
				b.Logf("%d documents, nightly: %.1fs wall (syncfs %.2fs), %.1fs CPU, peak %.0f MB; plain hugo --minify: %.1fs wall, %.1fs CPU, %.0f MB; nightly/plain Hugo: %.2fx time, %.2fx CPU",
					n, nightly.wall.Seconds(), nightly.sync.Seconds(), nightly.cpu.Seconds(), mb(nightly.rss), hugo.wall.Seconds(), hugo.cpu.Seconds(),
					mb(hugo.rss), nightly.wall.Seconds()/hugo.wall.Seconds(), nightly.cpu.Seconds()/hugo.cpu.Seconds())
			}
			editTen(b, site, i)
			edited := gongkaiBuild(b, gongkai, site, out, "nightly-10")
			b.Logf("%d documents, nightly, 10 documents edited: %.1fs wall, %.1fs CPU; against the cold build: %.2fx time (target at most 0.2x), %.2fx CPU",
				n, edited.wall.Seconds(), edited.cpu.Seconds(), edited.wall.Seconds()/cold.wall.Seconds(), edited.cpu.Seconds()/cold.cpu.Seconds())
			b.ReportMetric(edited.wall.Seconds()/cold.wall.Seconds(), "nightly-10-ratio")
		}
		if len(perDoc) > 1 {
			b.ReportMetric(perDoc[len(perDoc)-1]/perDoc[0], "cpu-per-doc-ratio")
		}
		if peerDocs > 0 && !coldOnly {
			peers(b, i, tmp, gongkai, plain, peerDocs)
		}
	}
}

// gongkaiBuild runs a gongkai build and returns its time and its peak memory: the largest of its stages' peaks, since
// gongkai restarts the kernel's high-water mark at each stage to report them.
func gongkaiBuild(b *testing.B, gongkai, site, out, name string) measured {
	b.Helper()
	rep := filepath.Join(filepath.Dir(out), name+".json")
	logLoad(name)
	m := measure(b, nil, gongkai, "build", "-s", site, "-d", out, "--now", benchNow, "--report", rep)
	var r buildreport.Report
	data, err := os.ReadFile(rep)
	if err != nil || json.Unmarshal(data, &r) != nil {
		b.Fatalf("report %s: %v", rep, err)
	}
	var parts []string
	for _, s := range r.Stages {
		parts = append(parts, fmt.Sprintf("%s %.2fs/%.0fMB", s.Name, s.Seconds, s.PeakRSSMB))
		m.rss = max(m.rss, int64(s.PeakRSSMB*(1<<20)))
		if s.Name == "sync" {
			m.sync = time.Duration(s.Seconds * float64(time.Second))
		}
	}
	fmt.Fprintf(os.Stderr, "bench: %s stages: %s\n", name, strings.Join(parts, ", "))
	fmt.Fprintf(os.Stderr, "bench: %s output: %d pages, %d files\n", name, r.Pages, r.Files)
	if r.Render != nil {
		fmt.Fprintf(os.Stderr, "bench: %s rendered: %s, %d pages, %d files taken unrendered (%d pager pages), taken files checked: %d by stamp, %d read %s\n",
			name, r.Render.Mode, r.Render.Pages, r.Render.Carried, r.Render.PagersTaken, r.Render.CheckedByStamp, r.Render.CheckedByReading, r.Render.Reason)
	}
	return m
}

// peers times the pipeline a user would assemble from peers, step by step, and a cold gongkai build of the same
// corpus.
func peers(b *testing.B, i int, tmp, gongkai, plain string, n int) {
	pagefind := pagefindPath()
	if pagefind == "" {
		b.Fatal("pagefind is not installed: make tools")
	}
	for _, tool := range []string{"gzip", "brotli", "xargs", "find"} {
		if _, err := exec.LookPath(tool); err != nil {
			b.Fatalf("%s is not installed (Debian: apt-get install %s)", tool, tool)
		}
	}
	site := filepath.Join(tmp, fmt.Sprintf("peer-site-%d", n))
	if err := corpus.Write(site, n, 1); err != nil {
		b.Fatal(err)
	}
	plainSite := writePlainSite(b, site, filepath.Join(tmp, fmt.Sprintf("peer-plain-site-%d", n)), n)
	out := filepath.Join(tmp, fmt.Sprintf("peer-%d-%d", i, n))
	logLoad("peers")
	steps := []measured{measure(b, nil, plain, "-s", plainSite, "-d", out, "-now", benchNow)}
	steps = append(steps, measure(b, nil, pagefind, "--site", out, "--force-language", "zh-cn"))
	text := `-name *.html -o -name *.xml -o -name *.json -o -name *.css -o -name *.js -o -name *.svg -o -name *.txt -o -name *.csv`
	jobs := strconv.Itoa(runtime.NumCPU())
	steps = append(steps, measure(b, nil, "sh", "-c", "find "+out+" -type f \\( "+quoteGlobs(text)+" \\) -print0 | xargs -0 -P "+jobs+" -n 64 gzip -6 -k"))
	steps = append(steps, measure(b, nil, "sh", "-c", "find "+out+" -type f \\( "+quoteGlobs(text)+" \\) -print0 | xargs -0 -P "+jobs+" -n 64 brotli -q 5 -k"))
	var peer measured
	for _, s := range steps {
		peer.wall += s.wall
		peer.cpu += s.cpu
		peer.rss = max(peer.rss, s.rss)
	}
	cold := gongkaiBuild(b, gongkai, site, filepath.Join(tmp, fmt.Sprintf("peer-gongkai-%d-%d", i, n), "public"), "cold")
	b.Logf("%d documents, peer pipeline: hugo --minify %.1fs, pagefind %.1fs, gzip -6 %.1fs, brotli -q 5 %.1fs: %.1fs wall, %.1fs CPU, peak %.0f MB",
		n, steps[0].wall.Seconds(), steps[1].wall.Seconds(), steps[2].wall.Seconds(), steps[3].wall.Seconds(),
		peer.wall.Seconds(), peer.cpu.Seconds(), mb(peer.rss))
	b.Logf("%d documents, gongkai cold: %.1fs wall, %.1fs CPU, peak %.0f MB; against the peer pipeline: %.2fx time, %.2fx CPU",
		n, cold.wall.Seconds(), cold.cpu.Seconds(), mb(cold.rss), cold.wall.Seconds()/peer.wall.Seconds(),
		cold.cpu.Seconds()/peer.cpu.Seconds())
	b.ReportMetric(cold.wall.Seconds()/peer.wall.Seconds(), "peer-ratio")
}

func quoteGlobs(s string) string {
	var out []string
	for _, f := range strings.Fields(s) {
		if strings.HasPrefix(f, "*") {
			f = "'" + f + "'"
		}
		out = append(out, f)
	}
	return strings.Join(out, " ")
}

// writePlainSite writes the corpus again with the pages gongkai generates as ordinary files, for plain Hugo.
func writePlainSite(b *testing.B, site, plainSite string, n int) string {
	b.Helper()
	if err := corpus.Write(plainSite, n, 1); err != nil {
		b.Fatal(err)
	}
	r, err := pipeline.Check(site)
	if err != nil {
		b.Fatal(err)
	}
	nowT, _ := time.Parse(time.RFC3339, benchNow)
	for rel, data := range listpages.Pages(r.Config, r.Site, nowT, false) {
		p := filepath.Join(plainSite, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return plainSite
}

func largestHTML(b *testing.B, out string) (string, int64) {
	// The published path is a link to the release.
	out, err := filepath.EvalSymlinks(out)
	if err != nil {
		b.Fatal(err)
	}
	var name string
	var size int64
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		info, err := d.Info()
		if err == nil && info.Size() > size {
			name, size = strings.TrimPrefix(p, out), info.Size()
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return name, size
}

func pagefindPath() string {
	for _, d := range []string{os.Getenv("TOOLS"), filepath.Join(os.Getenv("HOME"), ".cache", "gongkai-tools")} {
		if d == "" {
			continue
		}
		// The platform binary itself, not the node wrapper, so that its memory is measured and not node's.
		for _, p := range []string{"node_modules/@pagefind/linux-x64/bin/pagefind_extended", "node_modules/.bin/pagefind"} {
			if _, err := os.Stat(filepath.Join(d, p)); err == nil {
				return filepath.Join(d, p)
			}
		}
	}
	return ""
}

// logLoad says how busy the machine was: figures from a shared machine mean little without it.
func logLoad(what string) {
	data, _ := os.ReadFile("/proc/loadavg")
	fmt.Fprintf(os.Stderr, "bench: %s starts at %s, load average %s", what, time.Now().UTC().Format("15:04:05"), data)
}

func mb(bytes int64) float64 { return float64(bytes) / (1 << 20) }

// editTen edits ten documents of a generated site as a night's work might, each kind of edit an editor makes: the
// text of four, the title of three (which every list, feed and index showing them must follow), the date of three
// (one day later, acknowledged in a `changes` entry dated on the new day, as the published-date guard asks: the
// document moves in its lists and the entry joins /changes/). Round i edits differently from round i-1.
func editTen(b *testing.B, site string, round int) {
	b.Helper()
	var all []string
	for _, kind := range []string{"policies", "interpretations", "articles", "reports", "info"} {
		files, _ := filepath.Glob(filepath.Join(site, "content", kind, "*.md"))
		sort.Strings(files)
		all = append(all, files...)
	}
	if len(all) < 10 {
		b.Fatalf("%d documents to edit, want 10", len(all))
	}
	// Ten spread over the kinds, policies and interpretations among them.
	var docs []string
	for k := 0; k < 10; k++ {
		docs = append(docs, all[(2*k+1)*len(all)/20])
	}
	date := regexp.MustCompile(`(?m)^date = (\d{4}-\d{2}-\d{2})(T[^\n]*)?$`)
	for k, p := range docs[:10] {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		s := string(data)
		switch k % 3 {
		case 0:
			s += fmt.Sprintf("\n\n第%d轮修订新增的一段正文。\n", round+1)
		case 1:
			i := strings.Index(s, "title = \"")
			if i < 0 {
				b.Fatalf("%s: no title", p)
			}
			s = s[:i] + fmt.Sprintf("title = \"（第%d次修订）", round+1) + s[i+len("title = \""):]
		case 2:
			m := date.FindStringSubmatchIndex(s)
			if m == nil {
				b.Fatalf("%s: no date", p)
			}
			d, err := time.Parse("2006-01-02", s[m[2]:m[3]])
			if err != nil {
				b.Fatal(err)
			}
			day := d.AddDate(0, 0, 1).Format("2006-01-02")
			entry := fmt.Sprintf("{ date = %s, note = \"第%d次更正发布日期\" }", day, round+1)
			line := "date = " + day + s[m[3]:m[1]]
			if c := strings.Index(s, "\nchanges = ["); c >= 0 {
				s = s[:c+len("\nchanges = [")] + entry + ", " + s[c+len("\nchanges = ["):]
				s = s[:m[0]] + line + s[m[1]:]
			} else {
				s = s[:m[0]] + line + "\nchanges = [" + entry + "]" + s[m[1]:]
			}
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}
