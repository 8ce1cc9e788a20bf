package reuse

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"sort"
	"sync"
	"testing"
)

// The samples are the first files of each kind by path, whatever order Hugo's workers publish them in, and never
// a large one: the next build minifies them before it renders.
func TestSamplerKeepsTheFirstSmallFilesOfEachKind(t *testing.T) {
	rels := []string{"a/index.html", "b/index.html", "c/index.html", "d/index.html", "index.html",
		"a/index.xml", "z/index.xml", "catalog.json", "search/meta.json", "search/docs/0/0.json"}
	big := map[string]bool{"catalog.json": true}
	for seed := range uint64(20) {
		order := append([]string(nil), rels...)
		r := rand.New(rand.NewPCG(seed, 1))
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		s := newSampler()
		var wg sync.WaitGroup
		for _, rel := range order {
			wg.Add(1)
			go func() {
				defer wg.Done()
				data := []byte(rel)
				if big[rel] {
					data = bytes.Repeat([]byte("x"), sampleMax+1)
				}
				s.offer(rel, data)
			}()
		}
		wg.Wait()
		var got []string
		for rel, data := range s.data {
			if string(data) != rel {
				t.Fatalf("seed %d: %s kept %q", seed, rel, data)
			}
			got = append(got, rel)
		}
		sort.Strings(got)
		want := []string{"a/index.html", "a/index.xml", "b/index.html", "c/index.html", "search/docs/0/0.json",
			"search/meta.json", "z/index.xml"}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: samples %q, want %q", seed, got, want)
		}
	}
}
