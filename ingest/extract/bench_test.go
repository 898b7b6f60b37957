package extract

import "testing"

// BenchmarkExtract extracts the three OEIL summaries of the corpus in turn; docs/s is the
// number of summaries extracted per second.
func BenchmarkExtract(b *testing.B) {
	var ins []Input
	for _, name := range corpusSummaries {
		ins = append(ins, corpusInput(b, name))
	}
	if _, err := Extract(ins[0]); err != nil { // build the lexicon outside the timing
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		if _, err := Extract(ins[n%len(ins)]); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}
