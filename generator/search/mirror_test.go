package search_test

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"gongkai/generator/search"
	"gongkai/generator/testkit/searchbench"
)

// TestScriptMirrorsGo runs the browser script under Node on a generated index
// and requires the same first page, total and exactness as query.go for
// every query. It is what lets the Go recall tests speak for the browser.
func TestScriptMirrorsGo(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node not found; CI must install it")
		}
		t.Skip("node not found")
	}
	docs := searchbench.Docs(400, 3)
	// Once as built, and once with small shards, so that many terms have
	// files of their own (terms/), as common terms of a big site do.
	t.Run("default", func(t *testing.T) { mirror(t, node, docs, false) })
	t.Run("small-shards", func(t *testing.T) {
		defer search.SetShardTarget(512)()
		mirror(t, node, docs, true)
	})
}

func mirror(t *testing.T, node string, docs []search.Doc, termFiles bool) {
	out := t.TempDir()
	if err := search.Write(docs, out); err != nil {
		t.Fatal(err)
	}
	if terms, _ := filepath.Glob(filepath.Join(out, "search", "terms", "*", "*.json")); termFiles && len(terms) == 0 {
		t.Fatal("no term has a file of its own")
	}
	r := rand.New(rand.NewPCG(3, 3))
	queries := []string{"欠薪", "劳动仲裁", "根治欠薪工作", "的", "工作 通知", "2024", "东人社发〔2019〕3号", "ＡＢＣ", "，", "关于 年度报告 2020"}
	for range 150 {
		d := docs[r.IntN(len(docs))]
		c := []rune(search.Compact(d.Text + d.IndexNo))
		l := 1 + r.IntN(8)
		i := r.IntN(len(c) - l)
		queries = append(queries, string(c[i:i+l]))
	}
	type query struct {
		Q     string `json:"q"`
		Kind  string `json:"kind"`
		Year  int    `json:"year"`
		Topic string `json:"topic"`
	}
	var qs []query
	for i, q := range queries {
		qs = append(qs, query{Q: q})
		// Every fifth query again with a filter, which reads filters.json.
		if i%5 == 0 {
			d := docs[r.IntN(len(docs))]
			qs = append(qs, query{Q: q, Kind: d.Kind}, query{Q: q, Topic: d.Topic, Year: 2015 + r.IntN(11)})
		}
	}
	in, _ := json.Marshal(qs)
	cmd := exec.Command(node, "testdata/mirror.js", "../../static/js/search.js", filepath.Join(out, "search"))
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var got []struct {
		URLs  []string
		Total int
		Exact bool
	}
	if err := json.Unmarshal(stdout, &got); err != nil {
		t.Fatal(err)
	}
	ix, err := search.Open(os.DirFS(filepath.Join(out, "search")))
	if err != nil {
		t.Fatal(err)
	}
	for i, q := range qs {
		ans, err := ix.Search(q.Q, search.Filter{Kind: q.Kind, Year: q.Year, Topic: q.Topic}, 10)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, r := range ans.Results {
			want = append(want, r.URL)
		}
		g := got[i]
		if !slices.Equal(g.URLs, want) || g.Total != ans.Total || g.Exact != ans.Exact {
			t.Errorf("%+v: script %v total %d exact %v; Go %v total %d exact %v", q, g.URLs, g.Total, g.Exact, want, ans.Total, ans.Exact)
		}
	}
}
