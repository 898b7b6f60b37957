package odp

import (
	"testing"

	"github.com/eurel/eurel/ingest/internal/input/inputtest"
)

// BenchmarkParse parses the Open Data Portal records of the corpus in turn and reports
// records per second next to bytes per second.
func BenchmarkParse(b *testing.B) {
	inputtest.Benchmark(b, "odp", "records", func(raw []byte) error { _, err := Parse(raw); return err })
}
