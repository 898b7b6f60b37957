package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/eurel/eurel/internal/synth"
)

// corpusSeed is the seed of the synthetic corpus: the one BenchmarkIngestDir uses, so that
// both write the same summaries into the same directory layout.
const corpusSeed = 1

// completeMarker is the file that says a corpus directory was written to the end.
const completeMarker = ".complete"

// corpusDir is where the corpus of n summaries lives under dir: dir/synth-N, the layout of
// BenchmarkIngestDir (EUREL_BENCH_DIR=dir shares it).
func corpusDir(dir string, n int) string { return filepath.Join(dir, fmt.Sprintf("synth-%d", n)) }

// ensureCorpus writes the n summaries of the corpus into corpusDir(dir, n) unless a complete
// copy is there already. It returns the directory, whether it was written now, and how long
// writing took.
func ensureCorpus(dir string, n int) (path string, written bool, took time.Duration, err error) {
	path = corpusDir(dir, n)
	if _, err := os.Stat(filepath.Join(path, completeMarker)); err == nil {
		return path, false, 0, nil
	}
	start := time.Now()
	if err := os.RemoveAll(path); err != nil {
		return "", false, 0, err
	}
	if err := synth.New(synth.Config{Seed: corpusSeed, N: n}).WriteDir(path); err != nil {
		return "", false, 0, fmt.Errorf("writing the corpus: %w", err)
	}
	if err := os.WriteFile(filepath.Join(path, completeMarker), nil, 0o644); err != nil {
		return "", false, 0, err
	}
	return path, true, time.Since(start), nil
}

// extraSummaries are the summaries the ingest mutation is timed with: numbers n+offset to
// n+offset+m-1 of the same generator, so procedures of their own that the corpus (summaries 0
// to n-1) does not hold. A summary depends on the seed and its number only, not on N.
type extraSummaries struct {
	gen    *synth.Generator
	first  int
	count  int
	offset int
}

func newExtraSummaries(n, offset, m int) *extraSummaries {
	return &extraSummaries{gen: synth.New(synth.Config{Seed: corpusSeed, N: n + offset + m}), first: n + offset, count: m, offset: offset}
}

// summary returns the k-th extra summary: its file name, text and procedure reference.
func (e *extraSummaries) summary(k int) (name string, raw []byte, reference string) {
	i := e.first + k
	name, raw = e.gen.Summary(i)
	return name, raw, e.gen.Facts(i).Reference
}
