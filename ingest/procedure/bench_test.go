package procedure

import (
	"testing"

	"github.com/eurel/eurel/ingest/internal/input/inputtest"
)

// BenchmarkParse parses the procedure files of the corpus in turn and reports pages per
// second next to bytes per second.
func BenchmarkParse(b *testing.B) {
	inputtest.Benchmark(b, "oeil-procedure", "procedure files", func(raw []byte) error { _, err := Parse(raw); return err })
}
