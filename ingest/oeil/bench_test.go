package oeil

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/eurel/eurel/internal/corpus"
)

// BenchmarkParse parses each summary of the corpus, then all of them in turn, and reports
// documents per second next to bytes per second.
func BenchmarkParse(b *testing.B) {
	files, err := filepath.Glob(filepath.Join(corpus.Dir(b), "oeil-summary", "*"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no summaries in the corpus: %v", err)
	}
	var docs [][]byte
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, raw)
		b.Run(filepath.Base(f), func(b *testing.B) { benchParse(b, raw) })
	}
	b.Run("all", func(b *testing.B) { benchParse(b, docs...) })
}

func benchParse(b *testing.B, docs ...[]byte) {
	size := 0
	for _, d := range docs {
		size += len(d)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if _, err := Parse(d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "docs/s")
}
