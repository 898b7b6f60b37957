package doceo

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/eurel/eurel/internal/corpus"
)

// BenchmarkParse parses the document pages of the corpus in turn and reports pages per
// second next to bytes per second.
func BenchmarkParse(b *testing.B) {
	files, err := filepath.Glob(filepath.Join(corpus.Dir(b), "doceo", "*"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no document pages in the corpus: %v", err)
	}
	var pages [][]byte
	size := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pages, size = append(pages, raw), size+len(raw)
	}
	b.Run("all", func(b *testing.B) {
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
