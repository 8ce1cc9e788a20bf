package search_test

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gongkai/generator/pipeline"
	"gongkai/generator/search"
	"gongkai/generator/testkit/sitetest"
)

// everydayCase is one line of testdata/everyday-queries.txt.
type everydayCase struct {
	line          int
	q             string
	first, anyOf3 []string // URLs: first[i] must be result i; anyOf3 among the first three
	last          string
	near          bool
}

func readEveryday(t *testing.T) []everydayCase {
	t.Helper()
	f, err := os.Open("testdata/everyday-queries.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []everydayCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		q, want, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("everyday-queries.txt:%d: no tab between query and documents", n)
		}
		c := everydayCase{line: n, q: q}
		for _, w := range strings.Fields(want) {
			switch {
			case w == "near":
				c.near = true
			case strings.HasPrefix(w, "~"):
				c.anyOf3 = append(c.anyOf3, "/"+w[1:]+"/")
			case strings.HasPrefix(w, "last:"):
				c.last = "/" + w[len("last:"):] + "/"
			default:
				c.first = append(c.first, "/"+w+"/")
			}
		}
		out = append(out, c)
	}
	return out
}

// TestEverydayQueries builds a small site of real-looking disclosure documents (testdata/everyday.txtar, written in
// the terms of official writing) with the repository's topics and equivalent words (data/synonyms.toml), and runs
// the queries citizens type (testdata/everyday-queries.txt: 社保, 医保, 个税, 低保 …, a document's 简称, its
// 发文字号, near misses), requiring the expected documents first, through the Go mirror and through search.js
// under Node on the same index.
func TestEverydayQueries(t *testing.T) {
	cases := readEveryday(t)
	if len(cases) < 30 {
		t.Fatalf("%d everyday queries, want at least 30", len(cases))
	}
	archive, err := os.ReadFile("testdata/everyday.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var extra strings.Builder
	for _, f := range []string{"data/topics.toml", "data/synonyms.toml"} {
		b, err := os.ReadFile(filepath.Join("..", "..", f))
		if err != nil {
			t.Fatal(err)
		}
		extra.WriteString("-- " + f + " --\n" + string(b))
	}
	site := sitetest.WithTheme(t, string(archive)+extra.String())
	out := filepath.Join(t.TempDir(), "public")
	r, err := pipeline.Build(pipeline.Options{SiteDir: site, OutDir: out, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		if r != nil && r.Diags != nil {
			t.Logf("%+v", r.Diags)
		}
		t.Fatalf("build: %v", err)
	}
	dir := filepath.Join(out, "search")
	ix, err := search.Open(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	var qs []query
	for _, c := range cases {
		qs = append(qs, query{Q: c.q})
		ans, err := ix.Search(c.q, search.Filter{}, 0)
		if err != nil {
			t.Fatal(err)
		}
		got := urls(ans)
		bad := ans.NearMiss != c.near
		for i, u := range c.first {
			if i >= len(got) || got[i] != u {
				bad = true
			}
		}
		for _, u := range c.anyOf3 {
			if !slices.Contains(got[:min(3, len(got))], u) {
				bad = true
			}
		}
		if c.last != "" && (len(got) == 0 || got[len(got)-1] != c.last) {
			bad = true
		}
		if bad {
			t.Errorf("everyday-queries.txt:%d: %q: results %q (near miss %v, words %q), want first %q, among the first three %q, last %q, near miss %v",
				c.line, c.q, got, ans.NearMiss, ans.Words, c.first, c.anyOf3, c.last, c.near)
		}
	}
	// The browser's script gives the same answers on the same index.
	compareWithNode(t, nodePath(t), dir, qs)
}

func urls(a search.Answer) []string {
	var out []string
	for _, r := range a.Results {
		out = append(out, r.URL)
	}
	return out
}
