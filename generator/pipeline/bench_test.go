package pipeline_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"gongkai/generator/buildreport"
	"gongkai/generator/testkit/corpus"
)

// benchNow is after every generated document, so that every interpretation's policy is published too.
const benchNow = "2027-01-01T02:00:00+08:00"

// measured is one subprocess run: wall time and peak resident memory (rusage maxrss).
type measured struct {
	wall time.Duration
	cpu  time.Duration // user + system: less sensitive than wall time to other work on the machine
	rss  int64         // bytes
	sync time.Duration // gongkai only: its sync stage, the syncfs that makes the release durable before the switch
}

func measure(b *testing.B, env []string, bin string, args ...string) measured {
	b.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("%s %v: %v\n%s", filepath.Base(bin), args, err, stderr.String())
	}
	wall := time.Since(start)
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	// Said at once: at 10,000 documents one run takes minutes.
	fmt.Fprintf(os.Stderr, "bench: %s %s: %.2fs wall, %.2fs CPU, %.0f MB peak RSS\n", filepath.Base(bin), args[0],
		wall.Seconds(), cpu.Seconds(), float64(ru.Maxrss)/1024)
	return measured{wall: wall, cpu: cpu, rss: ru.Maxrss * 1024}
}

func goBuild(b *testing.B, pkg, out string) string {
	b.Helper()
	root, err := corpus.RepoRoot()
	if err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = root
	if o, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build %s: %v\n%s", pkg, err, o)
	}
	return out
}

// BenchmarkBuild10000 compares, in one run, a whole gongkai build of a generated 10,000-document site with plain
// Hugo rendering the same site with minification on (cmd plainhugo). Each runs as its own process so that its peak
// memory can be read. Figures: docs/performance.md.
func BenchmarkBuild10000(b *testing.B) {
	n := 10000
	if s := os.Getenv("GONGKAI_BENCH_DOCS"); s != "" {
		fmt.Sscan(s, &n)
	}
	tmp := b.TempDir()
	gongkai := goBuild(b, "./generator/cmd/gongkai", filepath.Join(tmp, "gongkai"))
	plain := goBuild(b, "./generator/testkit/plainhugo", filepath.Join(tmp, "plainhugo"))

	site := filepath.Join(tmp, "site")
	if err := corpus.Write(site, n, 1); err != nil {
		b.Fatal(err)
	}
	// Plain Hugo gets the same pages: the archive and topic pages gongkai lays over content/ are written into a
	// copy of the corpus as ordinary files.
	plainSite := writePlainSite(b, site, filepath.Join(tmp, "plain-site"), n)

	// Rounds alternate the three builds and the medians are compared: on this kind of machine one run moves by a
	// third with what the machine did just before (other jobs, files deleted a minute earlier), and which program
	// runs first should not decide the ratio.
	rounds := 3
	if s := os.Getenv("GONGKAI_BENCH_ROUNDS"); s != "" {
		fmt.Sscan(s, &rounds)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var hugos, colds, nightlies []measured
		for r := 0; r < rounds; r++ {
			out := filepath.Join(tmp, fmt.Sprintf("run%d-%d", i, r))
			hugos = append(hugos, measure(b, nil, plain, "-s", plainSite, "-d", filepath.Join(out, "hugo"), "-now", benchNow))
			colds = append(colds, measure(b, nil, gongkai, "build", "-s", site, "-d", filepath.Join(out, "public"),
				"--now", benchNow, "--report", filepath.Join(out, "cold.json")))
			// The nightly case: the previous release is there and most files did not change.
			nightlies = append(nightlies, measure(b, nil, gongkai, "build", "-s", site, "-d", filepath.Join(out, "public"),
				"--now", benchNow, "--report", filepath.Join(out, "nightly.json")))
			for _, f := range []string{"cold", "nightly"} {
				var rep buildreport.Report
				data, err := os.ReadFile(filepath.Join(out, f+".json"))
				if err != nil || json.Unmarshal(data, &rep) != nil {
					b.Fatalf("report %s: %v", f, err)
				}
				var parts []string
				var peak int64
				for _, s := range rep.Stages {
					parts = append(parts, fmt.Sprintf("%s %.2fs/%.0fMB", s.Name, s.Seconds, s.PeakRSSMB))
					peak = max(peak, int64(s.PeakRSSMB*(1<<20)))
				}
				// gongkai restarts the kernel's high-water mark at each stage to report per-stage peaks, and the
				// kernel's rusage peak is that same mark: after a build it holds the last stage's peak only. The
				// whole build's peak is the largest of the stages'.
				m := &colds[len(colds)-1]
				if f == "nightly" {
					m = &nightlies[len(nightlies)-1]
				}
				m.rss = max(m.rss, peak)
				fmt.Fprintf(os.Stderr, "bench: %s: %.0f MB peak over the stages\n", f, float64(peak)/(1<<20))
				// Said at once, like each run's figures: the benchmark's own log keeps only its first lines.
				fmt.Fprintf(os.Stderr, "bench: round %d, stages (%s): %s\n", r+1, f, strings.Join(parts, ", "))
				if r == 0 {
					fmt.Fprintf(os.Stderr, "bench: output (%s): %d pages, %d files, minified %d -> %d bytes, gzip %d, brotli %d\n",
						f, rep.Pages, rep.Files, rep.Bytes.Rendered, rep.Bytes.Minified, rep.Bytes.Gzip, rep.Bytes.Brotli)
				}
			}
		}
		hugo, cold, nightly := median(hugos), median(colds), median(nightlies)
		b.Logf("%d documents, %d rounds of plain Hugo, gongkai cold (no previous release) and nightly (same sources again); medians:", n, rounds)
		b.Logf("%-28s %8s %8s %9s %8s %8s %8s", "", "time", "CPU", "peak RSS", "x time", "x CPU", "x RSS")
		row := func(name string, m measured) {
			b.Logf("%-28s %7.2fs %7.2fs %6.0f MB %7.2fx %7.2fx %7.2fx", name, m.wall.Seconds(), m.cpu.Seconds(),
				float64(m.rss)/(1<<20), m.wall.Seconds()/hugo.wall.Seconds(), m.cpu.Seconds()/hugo.cpu.Seconds(),
				float64(m.rss)/float64(hugo.rss))
		}
		row("plain Hugo --minify", hugo)
		row("gongkai build (cold)", cold)
		row("gongkai build (nightly)", nightly)
		b.ReportMetric(hugo.wall.Seconds(), "hugo-s")
		b.ReportMetric(cold.wall.Seconds(), "gongkai-cold-s")
		b.ReportMetric(nightly.wall.Seconds(), "gongkai-nightly-s")
		b.ReportMetric(float64(hugo.rss)/(1<<20), "hugo-MB")
		b.ReportMetric(float64(cold.rss)/(1<<20), "gongkai-cold-MB")
		b.ReportMetric(float64(nightly.rss)/(1<<20), "gongkai-nightly-MB")
	}
}

// median takes each figure's median over the runs separately.
func median(ms []measured) measured {
	mid := func(xs []int64) int64 {
		sort.Slice(xs, func(i, j int) bool { return xs[i] < xs[j] })
		return xs[len(xs)/2]
	}
	var wall, cpu, rss []int64
	for _, m := range ms {
		wall, cpu, rss = append(wall, int64(m.wall)), append(cpu, int64(m.cpu)), append(rss, m.rss)
	}
	return measured{wall: time.Duration(mid(wall)), cpu: time.Duration(mid(cpu)), rss: mid(rss)}
}
