package search_test

import (
	"testing"

	"gongkai/generator/search"
	"gongkai/generator/search/corpus"
)

// BenchmarkWrite measures an index of the benchmark's 10,000 documents; the
// comparison with Pagefind is in ./bench.
func BenchmarkWrite(b *testing.B) {
	docs := corpus.Docs(10000, 1)
	for b.Loop() {
		if err := search.Write(docs, b.TempDir()); err != nil {
			b.Fatal(err)
		}
	}
}
