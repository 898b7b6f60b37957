package main

import (
	"math"
	"slices"
	"time"
)

// latencies summarises a sample of durations.
type latencies struct {
	N    int           `json:"n"`
	Min  time.Duration `json:"min_ns"`
	P50  time.Duration `json:"p50_ns"`
	P90  time.Duration `json:"p90_ns"`
	P99  time.Duration `json:"p99_ns"`
	Max  time.Duration `json:"max_ns"`
	Mean time.Duration `json:"mean_ns"`
}

// summarise computes the percentiles of a sample by nearest rank (the smallest value with at
// least p% of the sample at or below it). An empty sample gives zeros.
func summarise(sample []time.Duration) latencies {
	if len(sample) == 0 {
		return latencies{}
	}
	s := slices.Clone(sample)
	slices.Sort(s)
	var total time.Duration
	for _, d := range s {
		total += d
	}
	return latencies{
		N: len(s), Min: s[0], Max: s[len(s)-1], Mean: total / time.Duration(len(s)),
		P50: percentile(s, 50), P90: percentile(s, 90), P99: percentile(s, 99),
	}
}

// percentile is the nearest-rank p-th percentile of a sorted, non-empty sample.
func percentile(sorted []time.Duration, p float64) time.Duration {
	rank := int(math.Ceil(p/100*float64(len(sorted)) - 1e-9)) // the epsilon absorbs float error: 50% of 200 is rank 100
	return sorted[min(max(rank, 1), len(sorted))-1]
}
