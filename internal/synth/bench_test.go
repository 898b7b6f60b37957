package synth

import (
	"context"
	"testing"

	"github.com/eurel/eurel/ingest"
)

// BenchmarkSummary measures generation: one summary composed and encoded per iteration,
// with and without the real page's boilerplate.
func BenchmarkSummary(b *testing.B) {
	for _, bp := range []bool{false, true} {
		b.Run(boilerplateName(bp), func(b *testing.B) {
			g := New(Config{Seed: 1, N: 100_000, PageBoilerplate: bp})
			size := 0
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				_, raw := g.Summary(i % g.cfg.N)
				size += len(raw)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
			b.ReportMetric(float64(size)/float64(b.N), "bytes/doc")
		})
	}
}

// BenchmarkParseSynthetic measures ingest.Parse (format detection, parsing, extraction) over
// generated summaries, the default mix of languages and formats, with web pages trimmed to
// their content and with the real page's boilerplate.
func BenchmarkParseSynthetic(b *testing.B) {
	const n = 500
	for _, bp := range []bool{false, true} {
		b.Run(boilerplateName(bp), func(b *testing.B) {
			g := New(Config{Seed: 1, N: n, PageBoilerplate: bp})
			texts := make([][]byte, n)
			size := 0
			for i := range texts {
				_, texts[i] = g.Summary(i)
				size += len(texts[i])
			}
			ctx := context.Background()
			b.SetBytes(int64(size / n))
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if _, err := ingest.Parse(ctx, texts[i%n], "bench", nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

func boilerplateName(bp bool) string {
	if bp {
		return "boilerplate"
	}
	return "trimmed"
}
