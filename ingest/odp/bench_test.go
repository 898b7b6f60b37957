package odp

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/eurel/eurel/internal/corpus"
)

// BenchmarkParse parses the Open Data Portal records of the corpus in turn and reports
// records per second next to bytes per second.
func BenchmarkParse(b *testing.B) {
	files, err := filepath.Glob(filepath.Join(corpus.Dir(b), "odp", "*"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no records in the corpus: %v", err)
	}
	var records [][]byte
	size := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		records, size = append(records, raw), size+len(raw)
	}
	b.Run("all", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, r := range records {
				if _, err := Parse(r); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.N*len(records))/b.Elapsed().Seconds(), "docs/s")
	})
}
