package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/eurel/eurel/internal/corpus"
)

// BenchmarkParseEachFormat measures format detection, parsing and extraction together, over
// the corpus texts of each format in turn, and reports documents per second.
func BenchmarkParseEachFormat(b *testing.B) {
	dir := corpus.Dir(b)
	for _, format := range []string{"oeil-summary", "oeil-procedure", "doceo", "odp"} {
		files, err := filepath.Glob(filepath.Join(dir, format, "*"))
		if err != nil || len(files) == 0 {
			b.Fatalf("no %s texts in the corpus: %v", format, err)
		}
		var texts [][]byte
		size := 0
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			texts, size = append(texts, raw), size+len(raw)
		}
		b.Run(format, func(b *testing.B) {
			ctx := context.Background()
			b.SetBytes(int64(size / len(texts)))
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if _, err := Parse(ctx, texts[i%len(texts)], "bench", nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
