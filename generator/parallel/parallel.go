// Package parallel runs a loop's iterations on every core. A build's stages are loops over thousands of files
// (validating documents, checking stamps, linking, removing a release) whose iterations are independent: one
// helper hands them out, so that every stage shares the same pattern instead of a worker pool of its own.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls fn(i) for every i in [0, n), on every core (GOMAXPROCS goroutines taking the next i), and returns
// when every call has.
func Each(n int, fn func(i int)) {
	var (
		wg   sync.WaitGroup
		next atomic.Int64
	)
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}
