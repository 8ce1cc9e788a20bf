package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"gongkai/generator/search"
)

func TestScratch(t *testing.T) {
	if os.Getenv("SCRATCH") == "" {
		t.Skip()
	}
	docs := Docs(docCount())
	site := t.TempDir()
	st := time.Now()
	if err := search.Write(docs, site); err != nil {
		t.Fatal(err)
	}
	fmt.Println("write", time.Since(st))
	raw, gzz, files := dirSize(t, filepath.Join(site, "search"))
	fmt.Println("size", raw, gzz, files)
	var sh []int
	ps, _ := filepath.Glob(filepath.Join(site, "search/shards/*"))
	for _, p := range ps {
		sh = append(sh, gzFile(t, p))
	}
	slices.Sort(sh)
	fmt.Println("shards", len(sh), "gz median", sh[len(sh)/2], "max", sh[len(sh)-1])
	var ds []int
	ps, _ = filepath.Glob(filepath.Join(site, "search/docs/*"))
	for _, p := range ps[:500] {
		ds = append(ds, gzFile(t, p))
	}
	slices.Sort(ds)
	fmt.Println("docs gz median", ds[len(ds)/2], "max", ds[len(ds)-1], "meta", gzFile(t, filepath.Join(site, "search/meta.json")))
	qs := drawQueries(docs, 300)
	first, _, recall := gongkaiQueries(t, site, qs)
	idx := make([]int, len(first))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return first[b] - first[a] })
	for _, i := range idx[:8] {
		fmt.Printf("  %q %d\n", qs[i].q, first[i]/1024)
	}
	slices.Sort(first)
	fmt.Println("first median", first[len(first)/2]/1024, "p90", first[len(first)*9/10]/1024, "p95", first[len(first)*95/100]/1024, "max", first[len(first)-1]/1024, "recall", recall)
}
