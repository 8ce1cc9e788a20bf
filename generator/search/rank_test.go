package search_test

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gongkai/generator/search"
	"gongkai/generator/testkit/searchbench"
)

// TestFirstPageIsCertain holds the reading of common terms' postings in
// part: with shards so small that most terms are big (ranked postings read
// chunk by chunk), and no limit on the texts a page checks, the first page
// of every query is the first ten of all its results, in order, and says the
// same total when it says it exactly. And a common word's first page reads
// the head of its list, not the list.
func TestFirstPageIsCertain(t *testing.T) {
	defer search.SetShardTarget(512)()
	defer search.SetCheckBudget(func(int) int { return math.MaxInt })()
	docs := searchbench.Docs(1500, 5)
	out := t.TempDir()
	syn := [][]string{{"社保", "社会保险"}, {"劳动合同", "劳动契约"}, {"欠薪", "拖欠工资"}}
	if err := search.WriteKeeping(docs, syn, out, nil); err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(filepath.Join(out, "search"))
	all, err := search.Open(fsys)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(5, 5))
	queries := []string{"的", "工作", "服务水平", "社保", "劳动合同 社保", "工作 通知 2024", "欠薪", "关于", "2024年"}
	for range 120 {
		d := docs[r.IntN(len(docs))]
		c := []rune(search.Compact(d.Text))
		l := 1 + r.IntN(6)
		i := r.IntN(len(c) - l)
		queries = append(queries, string(c[i:i+l]))
	}
	for _, q := range queries {
		want, err := all.Search(q, search.Filter{}, 0)
		if err != nil {
			t.Fatal(err)
		}
		ix, err := search.Open(fsys)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ix.Search(q, search.Filter{}, 10)
		if err != nil {
			t.Fatal(err)
		}
		if w := urls(want)[:min(10, len(want.Results))]; !slices.Equal(urls(got), w) {
			t.Errorf("%q: first page %q, want %q", q, urls(got), w)
		}
		if got.Exact && got.Total != want.Total {
			t.Errorf("%q: first page says %d in all, there are %d", q, got.Total, want.Total)
		}
		if !got.Exact && got.Total < want.Total {
			t.Errorf("%q: first page says at most %d, there are %d", q, got.Total, want.Total)
		}
		if q == "工作" {
			var ranks, terms int
			for _, f := range ix.Fetched {
				ranks += strings.Count(f, "ranks/")
				terms += strings.Count(f, "terms/")
			}
			if ranks != 1 || terms != 0 {
				t.Errorf("%q read %d ranked chunks and %d term lists: %q; want the first chunk alone", q, ranks, terms, ix.Fetched)
			}
		}
	}
}
