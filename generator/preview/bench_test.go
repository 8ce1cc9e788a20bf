package preview

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"gongkai/generator/corpus"
	"gongkai/generator/pipeline"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// BenchmarkEditToServed measures, on a generated site of 10,000 documents, the time from saving an edited
// Markdown file to the rebuilt page being served by gongkai serve, and compares it with a full `gongkai build`.
// The edits alternate between the text and the title.
// Target: at most 500 ms per edit and at least 8 times faster than the full build.
func BenchmarkEditToServed(b *testing.B) {
	const edits = 7
	docs := 10000
	if n, err := strconv.Atoi(os.Getenv("GONGKAI_BENCH_DOCS")); err == nil && n > 0 {
		docs = n // a smaller corpus to look into a regression quickly
	}
	site := filepath.Join(b.TempDir(), "site")
	if err := corpus.Write(site, docs, 1); err != nil {
		b.Fatal(err)
	}

	start := time.Now()
	if _, err := pipeline.Build(pipeline.Options{SiteDir: site, OutDir: filepath.Join(b.TempDir(), "public")}); err != nil {
		b.Fatal(err)
	}
	full := time.Since(start)

	start = time.Now()
	if _, err := pipeline.Check(site); err != nil {
		b.Fatal(err)
	}
	check := time.Since(start)

	var mu sync.Mutex
	steps := map[string][]time.Duration{}
	trace = func(step string, d time.Duration) {
		mu.Lock()
		steps[step] = append(steps[step], d)
		mu.Unlock()
	}
	defer func() { trace = func(string, time.Duration) {} }()

	for i := 0; i < b.N; i++ {
		ctx, cancel := context.WithCancel(context.Background())
		out := &lockedBuffer{}
		done := make(chan error, 1)
		start = time.Now()
		go func() {
			done <- Serve(ctx, Options{SiteDir: site, Addr: "127.0.0.1:0", Stdout: out, Stderr: io.Discard})
		}()
		base := waitURL(b, out, done)
		first := time.Since(start)

		if f := os.Getenv("GONGKAI_BENCH_EDIT_PROFILE"); f != "" {
			// A CPU profile of the edits alone, without the builds before them.
			prof, err := os.Create(f)
			if err != nil {
				b.Fatal(err)
			}
			pprof.StartCPUProfile(prof)
			defer func() { pprof.StopCPUProfile(); prof.Close() }()
		}
		files, _ := filepath.Glob(filepath.Join(site, "content", "policies", "*.md"))
		sort.Strings(files)
		var times []time.Duration
		for e := 0; e < edits; e++ {
			file := files[1+e*len(files)/edits]
			url := base + "/policies/" + strings.TrimSuffix(filepath.Base(file), ".md") + "/"
			if body := get(b, url); !strings.Contains(body, "<h1") {
				b.Fatalf("%s: not a page", url)
			}
			src, err := os.ReadFile(file)
			if err != nil {
				b.Fatal(err)
			}
			marker := fmt.Sprintf("编辑标记%d号", e)
			edited := append(src, []byte("\n\n"+marker+"\n")...)
			if e%2 == 1 {
				// Every other edit retitles the document: the lists and archives that show the title change too.
				edited = bytes.Replace(src, []byte("title = \""), []byte("title = \""+marker), 1)
			}
			start := time.Now()
			if err := os.WriteFile(file, edited, 0o644); err != nil {
				b.Fatal(err)
			}
			for !strings.Contains(get(b, url), marker) {
				if time.Since(start) > time.Minute {
					b.Fatalf("%s: the edit was never served", url)
				}
				time.Sleep(2 * time.Millisecond)
			}
			times = append(times, time.Since(start))
		}
		cancel()
		if err := <-done; err != nil {
			b.Fatal(err)
		}
		sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
		median := times[len(times)/2]
		b.ReportMetric(float64(median.Milliseconds()), "edit-ms")
		b.ReportMetric(float64(times[len(times)-1].Milliseconds()), "edit-max-ms")
		b.ReportMetric(float64(full.Milliseconds()), "full-build-ms")
		b.ReportMetric(float64(check.Milliseconds()), "check-ms")
		b.ReportMetric(float64(first.Milliseconds()), "serve-start-ms")
		b.ReportMetric(float64(full)/float64(median), "speedup")
		b.Logf("%d documents: edit to served median %v (max %v, all %v); full build %v; whole-site check %v; serve start %v",
			docs, median, times[len(times)-1], times, full, check, first)
		mu.Lock()
		b.Logf("steps of the partial rebuilds: %v", steps)
		mu.Unlock()
	}
}

var benchURL = regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)

func waitURL(b *testing.B, out *lockedBuffer, done chan error) string {
	for deadline := time.Now().Add(30 * time.Minute); time.Now().Before(deadline); {
		if m := benchURL.FindString(out.String()); m != "" {
			return strings.TrimSuffix(m, "/")
		}
		select {
		case err := <-done:
			b.Fatalf("serve ended: %v\n%s", err, out.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	b.Fatal("serve did not start")
	return ""
}

func get(b *testing.B, url string) string {
	resp, err := http.Get(url)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		b.Fatal(err)
	}
	return string(body)
}
