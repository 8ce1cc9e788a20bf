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
	node := nodePath(t)
	docs := searchbench.Docs(400, 3)
	// Once as built, and once with small shards, so that many terms have
	// files of their own (terms/), as common terms of a big site do.
	t.Run("default", func(t *testing.T) { mirror(t, node, docs, false) })
	t.Run("small-shards", func(t *testing.T) {
		defer search.SetShardTarget(512)()
		mirror(t, node, docs, true)
	})
}

// TestScriptMirrorsGoFeatures runs the queries of TestFeatures (equivalent
// words, short titles, near misses, ranking) through search.js on the same
// index: the same answers, so what TestFeatures proves holds in the browser.
func TestScriptMirrorsGoFeatures(t *testing.T) {
	node := nodePath(t)
	docs, syn := search.FeatureDocs()
	var qs []query
	for _, c := range search.FeatureCases {
		qs = append(qs, query{Q: c.Q})
	}
	qs = append(qs, query{Q: "社保", Kind: "articles"}, query{Q: "加班工资", Year: 2018}, query{Q: "降杠杆 社保"}, query{Q: "医保"})
	mirrorQueries(t, node, docs, syn, qs)
}

func nodePath(t *testing.T) string {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node not found; CI must install it")
		}
		t.Skip("node not found")
	}
	return node
}

type query struct {
	Q     string `json:"q"`
	Kind  string `json:"kind"`
	Year  int    `json:"year"`
	Topic string `json:"topic"`
}

func mirror(t *testing.T, node string, docs []search.Doc, termFiles bool) {
	r := rand.New(rand.NewPCG(3, 3))
	queries := []string{"欠薪", "劳动仲裁", "根治欠薪工作", "的", "工作 通知", "2024", "东人社发〔2019〕3号", "ＡＢＣ", "，", "关于 年度报告 2020",
		"根治欠薪工作方案不存在", "劳动合同社保", "社保 劳动合同"}
	for range 150 {
		d := docs[r.IntN(len(docs))]
		c := []rune(search.Compact(d.Text + d.IndexNo))
		l := 1 + r.IntN(8)
		i := r.IntN(len(c) - l)
		queries = append(queries, string(c[i:i+l]))
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
	out := mirrorQueries(t, node, docs, [][]string{{"社保", "社会保险"}, {"劳动合同", "劳动契约"}, {"欠薪", "拖欠工资"}}, qs)
	if terms, _ := filepath.Glob(filepath.Join(out, "search", "terms", "*", "*.json")); termFiles && len(terms) == 0 {
		t.Fatal("no term has a file of its own")
	}
}

// mirrorQueries writes the index of docs, runs qs through search.js under Node and through query.go, and requires
// the same answers. It returns the output folder.
func mirrorQueries(t *testing.T, node string, docs []search.Doc, synonyms [][]string, qs []query) string {
	out := t.TempDir()
	if err := search.WriteKeeping(docs, synonyms, out, nil); err != nil {
		t.Fatal(err)
	}
	compareWithNode(t, node, filepath.Join(out, "search"), qs)
	return out
}

// compareWithNode runs qs through search.js under Node and through query.go on the index in dir, and requires the
// same answers. It returns, for each query, how many documents each scored (bounds computed), Go's first.
func compareWithNode(t *testing.T, node, dir string, qs []query) (goScored, nodeScored []int) {
	t.Helper()
	in, _ := json.Marshal(qs)
	cmd := exec.Command(node, "testdata/mirror.js", "../../static/js/search.js", dir)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var got []struct {
		URLs     []string
		Matched  [][]string
		Total    int
		Exact    bool
		NearMiss bool
		Words    []string
		Scored   int
	}
	if err := json.Unmarshal(stdout, &got); err != nil {
		t.Fatal(err)
	}
	ix, err := search.Open(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	for i, q := range qs {
		scored := ix.Scored
		ans, err := ix.Search(q.Q, search.Filter{Kind: q.Kind, Year: q.Year, Topic: q.Topic}, 10)
		if err != nil {
			t.Fatal(err)
		}
		goScored, nodeScored = append(goScored, ix.Scored-scored), append(nodeScored, got[i].Scored)
		if n := ix.Scored - scored; n != got[i].Scored {
			t.Errorf("%+v: query.go scored %d documents, search.js %d", q, n, got[i].Scored)
		}
		var want []string
		var matched [][]string
		for _, r := range ans.Results {
			want = append(want, r.URL)
			matched = append(matched, r.Matched)
		}
		g := got[i]
		if !slices.Equal(g.URLs, want) || g.Total != ans.Total || g.Exact != ans.Exact || g.NearMiss != ans.NearMiss ||
			!slices.Equal(g.Words, ans.Words) || !slices.EqualFunc(g.Matched, matched, slices.Equal) {
			t.Errorf("%+v: script %v %q total %d exact %v near %v words %q; Go %v %q total %d exact %v near %v words %q", q,
				g.URLs, g.Matched, g.Total, g.Exact, g.NearMiss, g.Words, want, matched, ans.Total, ans.Exact, ans.NearMiss, ans.Words)
		}
	}
	return goScored, nodeScored
}

// TestCommonWordsScoreFew requires that a query of words nearly every document has, which reads thousands of
// postings, computes a bound for only the few candidates its first page may check, in query.go and in search.js
// alike: scoring every document read (and sorting them, after every chunk) made 工作 通知 the slowest keystroke of
// the benchmark by far. It counts documents scored, not time.
func TestCommonWordsScoreFew(t *testing.T) {
	node := nodePath(t)
	docs := searchbench.Docs(3000, 1)
	out := t.TempDir()
	if err := search.WriteKeeping(docs, nil, out, nil); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(out, "search")
	qs := []query{{Q: "工作 通知"}, {Q: "的 工作"}, {Q: "工作 2020"}, {Q: "政策 加强 落实 人才"}, {Q: "工作"}, {Q: "工作 通知", Year: 2020}}
	goScored, nodeScored := compareWithNode(t, node, dir, qs)
	ix, err := search.Open(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	for i, q := range qs {
		// The candidates the query has: every document with one of its words, found or not yet ruled out.
		ans, err := ix.Search(q.Q, search.Filter{Year: q.Year}, 10)
		if err != nil {
			t.Fatal(err)
		}
		// A stream's reading ends after a page's worth of candidates (the budget, 20, and one), a few times over:
		// once per chunk read and per word.
		const most = 100
		if ans.Total < 10*most {
			t.Fatalf("%+v: only %d candidates, too few to tell", q, ans.Total)
		}
		if goScored[i] > most || nodeScored[i] > most {
			t.Errorf("%+v: of %d candidates, query.go scored %d and search.js %d; at most %d may need a bound", q, ans.Total,
				goScored[i], nodeScored[i], most)
		}
	}
}
