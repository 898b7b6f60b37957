package search

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"
)

// Benchmarks, with the figures they gave in the package doc:
//
//	go test -run '^$' -bench 'Put' -benchtime 20x ./graph/search
//	go test -run '^$' -bench 'Build' -benchtime 1x ./graph/search      # 200,000 entries, 3 times
//	go test -run '^$' -bench 'Search' -benchtime 1000x ./graph/search  # builds 200,000 entries first
//
// EUREL_SEARCH_BENCH_ENTRIES sets another size (add -timeout 1h for 1,000,000).
//
// Search benchmarks report latency percentiles over their iterations (give them
// -benchtime 1000x or more), the CPU time per search, and best-p50-ms: the median over the
// queries of each query's fastest run, which other work on the machine does not inflate.

// benchEntries is the size of the index the search benchmarks run on.
func benchEntries() int {
	if n, err := strconv.Atoi(os.Getenv("EUREL_SEARCH_BENCH_ENTRIES")); err == nil && n > 0 {
		return n
	}
	return 200_000
}

// putBatch is the batch size the search benchmark's index is built with: what the doc of
// Put recommends.
const putBatch = 5000

func TestMain(m *testing.M) {
	code := m.Run()
	if bigDir != "" {
		os.RemoveAll(filepath.Dir(bigDir))
	}
	os.Exit(code)
}

// BenchmarkPut is the throughput of Put into an empty index on disk, per batch size, with
// scorch's safe batches (Put returns once the batch is persisted) and unsafe ones.
func BenchmarkPut(b *testing.B) {
	for _, size := range []int{100, 1000, 5000} {
		for _, unsafe := range []bool{false, true} {
			b.Run(fmt.Sprintf("batch=%d/unsafe_batch=%v", size, unsafe), func(b *testing.B) {
				cfg := scorchConfig()
				cfg["unsafe_batch"] = unsafe
				ix, _, err := open(filepath.Join(b.TempDir(), "ix"), cfg)
				if err != nil {
					b.Fatal(err)
				}
				defer ix.Close()
				c := newCorpus(1)
				b.ResetTimer()
				for range b.N {
					b.StopTimer()
					es := c.batch(size)
					b.StartTimer()
					if err := ix.Put(es); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(size*b.N)/b.Elapsed().Seconds(), "entries/s")
				b.ReportMetric(0, "ns/op")
			})
		}
	}
}

// BenchmarkBuild indexes benchEntries() entries into an empty index on disk, closes it (so
// that all is persisted) and reports the throughput, the CPU time and the size on disk;
// then it reopens the index and reports how long Compact takes. Its variants are the batch
// size and the number of goroutines calling Put at once.
func BenchmarkBuild(b *testing.B) {
	n := benchEntries()
	for _, v := range []struct{ batch, putters int }{{1000, 1}, {5000, 1}, {5000, 2}} {
		b.Run(fmt.Sprintf("batch=%d/putters=%d", v.batch, v.putters), func(b *testing.B) {
			for range b.N {
				dir := filepath.Join(b.TempDir(), "ix")
				cpu0 := cpuTime()
				took := build(b, dir, n, v.batch, v.putters, scorchConfig(), false)
				b.ReportMetric(float64(n)/took.Seconds(), "entries/s")
				b.ReportMetric(float64(cpuTime()-cpu0)/1e3/float64(n), "cpu-µs/entry")
				b.ReportMetric(float64(dirSize(b, dir))/float64(n)*100_000/(1<<20), "MiB/100k")
				start := time.Now()
				ix, created, err := Open(dir)
				if err != nil || created {
					b.Fatalf("reopening: created %v, %v", created, err)
				}
				if err := ix.Compact(context.Background()); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(time.Since(start).Seconds(), "compact-s")
				ix.Close()
			}
			b.ReportMetric(0, "ns/op")
		})
	}
}

// build fills dir with n corpus entries in batches of batch, put by putters goroutines
// at once, and closes the index, compacted or not; it returns the time Put and Close took.
func build(b *testing.B, dir string, n, batch, putters int, cfg map[string]any, compact bool) time.Duration {
	b.Helper()
	ix, _, err := open(dir, cfg)
	if err != nil {
		b.Fatal(err)
	}
	c := newCorpus(1)
	batches := make(chan []Entry, putters)
	go func() {
		defer close(batches)
		for done := 0; done < n; done += batch {
			batches <- c.batch(min(batch, n-done))
		}
	}()
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, putters)
	for range putters {
		wg.Go(func() {
			for es := range batches {
				if err := ix.Put(es); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		b.Fatal(err)
	}
	if compact {
		if err := ix.Compact(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	if err := ix.Close(); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

func dirSize(b *testing.B, dir string) int64 {
	var size int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		size += fi.Size()
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return size
}

var (
	bigOnce sync.Once
	bigDir  string
)

// bigIndex opens the benchmark index of benchEntries() entries, built and compacted once
// per test binary run.
func bigIndex(b *testing.B) *Index {
	bigOnce.Do(func() {
		tmp, err := os.MkdirTemp("", "eurel-search-bench-")
		if err != nil {
			b.Fatal(err)
		}
		bigDir = filepath.Join(tmp, "ix")
		took := build(b, bigDir, benchEntries(), putBatch, 1, scorchConfig(), true)
		b.Logf("built %d entries in %v", benchEntries(), took)
	})
	ix, _, err := Open(bigDir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	return ix
}

// BenchmarkSearch is the latency of Search on the big index: the first page of 20 hits
// with snippets, for two-word queries in turn.
func BenchmarkSearch(b *testing.B) {
	ix := bigIndex(b)
	ctx := context.Background()
	long := newCorpus(7).sentence("en", 40)
	cases := []struct {
		name    string
		queries []string
		kinds   []string
		page2   bool
	}{
		{"two words", benchQueries, nil, false},
		{"two words, demands only", benchQueries, []string{"Demand"}, false},
		{"two words, second page", benchQueries, nil, true},
		{"a pasted 40-word demand", []string{long}, nil, false},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			var cursors []string
			if tc.page2 {
				for _, q := range tc.queries {
					p := mustSearch(b, ix, Query{Text: q, Kinds: tc.kinds})
					cursors = append(cursors, p.Hits[len(p.Hits)-1].Cursor)
				}
			}
			durs := make([]time.Duration, 0, b.N)
			best := make([]time.Duration, len(tc.queries)) // each query's fastest run
			var hits int
			b.ReportAllocs()
			b.ResetTimer()
			cpu0 := cpuTime()
			for i := range b.N {
				q := Query{Text: tc.queries[i%len(tc.queries)], Kinds: tc.kinds}
				if tc.page2 {
					q.After = cursors[i%len(cursors)]
				}
				start := time.Now()
				p, err := ix.Search(ctx, q)
				d := time.Since(start)
				durs = append(durs, d)
				if j := i % len(tc.queries); best[j] == 0 || d < best[j] {
					best[j] = d
				}
				if err != nil {
					b.Fatal(err)
				}
				hits += len(p.Hits)
			}
			cpu := cpuTime() - cpu0
			b.StopTimer()
			slices.Sort(durs)
			b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-ms/op")
			pct := func(p float64) float64 { return float64(durs[int(p*float64(len(durs)-1))]) / 1e6 }
			b.ReportMetric(pct(0.5), "p50-ms")
			b.ReportMetric(pct(0.9), "p90-ms")
			b.ReportMetric(pct(0.99), "p99-ms")
			b.ReportMetric(float64(hits)/float64(b.N), "hits/op")
			// The median over queries of each one's fastest run: what an idle machine gives,
			// where other work inflates the percentiles above.
			slices.Sort(best)
			b.ReportMetric(float64(best[len(best)/2])/1e6, "best-p50-ms")
		})
	}
}
