package procedure

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/eurel/eurel/internal/corpus"
)

// BenchmarkParse parses each procedure file of the corpus, then all of them in turn, and
// reports pages per second next to bytes per second.
func BenchmarkParse(b *testing.B) {
	files, err := filepath.Glob(filepath.Join(corpus.Dir(b), "oeil-procedure", "*"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no procedure files in the corpus: %v", err)
	}
	var pages [][]byte
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, raw)
	}
	b.Run("all", func(b *testing.B) {
		size := 0
		for _, p := range pages {
			size += len(p)
		}
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range pages {
				if _, err := Parse(p); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "docs/s")
	})
}
