// Package par runs independent steps of one task on every core.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls fn(i) for every i in [0, n), on up to GOMAXPROCS goroutines, each taking the
// next i as it finishes one, and returns when all calls have returned. fn must be safe to run
// concurrently; calls for different i should touch different data (out[i] = …).
func Each(n int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(i)
			}
		})
	}
	wg.Wait()
}
