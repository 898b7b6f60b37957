package doceo

import (
	"testing"

	"github.com/eurel/eurel/ingest/internal/input/inputtest"
)

// BenchmarkParse parses the document pages of the corpus in turn and reports pages per
// second next to bytes per second.
func BenchmarkParse(b *testing.B) {
	inputtest.Benchmark(b, "doceo", "document pages", func(raw []byte) error { _, err := Parse(raw); return err })
}
