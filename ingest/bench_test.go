package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/eurel/eurel/internal/corpus"
)

// BenchmarkParse measures parsing and extraction alone, over the corpus summaries in turn
// (English pages and the French text), and reports documents per second.
func BenchmarkParse(b *testing.B) {
	dir := filepath.Join(corpus.Dir(b), "oeil-summary")
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var texts [][]byte
	size := 0
	for _, e := range entries {
		raw, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, raw)
		size += len(raw)
	}
	ctx := context.Background()
	b.SetBytes(int64(size / len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := Parse(ctx, texts[i%len(texts)], "bench", nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
