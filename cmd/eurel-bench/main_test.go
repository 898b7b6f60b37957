package main

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"
)

func TestPercentilesAreNearestRank(t *testing.T) {
	var sample []time.Duration
	for i := 200; i >= 1; i-- { // 200 ms down to 1 ms: summarise sorts
		sample = append(sample, time.Duration(i)*time.Millisecond)
	}
	l := summarise(sample)
	want := latencies{N: 200, Min: time.Millisecond, P50: 100 * time.Millisecond, P90: 180 * time.Millisecond,
		P99: 198 * time.Millisecond, Max: 200 * time.Millisecond, Mean: 100500 * time.Microsecond}
	if l != want {
		t.Errorf("summarise = %+v, want %+v", l, want)
	}
	if l := summarise([]time.Duration{7}); l.P50 != 7 || l.P99 != 7 || l.Min != 7 || l.Max != 7 {
		t.Errorf("one value: %+v", l)
	}
	if l := summarise(nil); l != (latencies{}) {
		t.Errorf("no value: %+v", l)
	}
	if sample[0] != 200*time.Millisecond {
		t.Error("summarise sorted the caller's slice")
	}
}

// TestASmallRunMeasuresEverything runs the whole command on 300 summaries with few
// repetitions: corpus, build, bulk ingest, start-up, suite, mutations, memory, baseline.
func TestASmallRunMeasuresEverything(t *testing.T) {
	if testing.Short() {
		t.Skip("builds eurel, ingests 300 summaries and serves them: not under -short")
	}
	// The baseline answers field by field through Cayley: under -race, with the other
	// packages' tests on the same two cores, one country page took over 20 s once. Its
	// budget is what a run may take, not a target: room enough that a run always finishes.
	cfg, err := parseConfig([]string{"-n", "300", "-dir", t.TempDir(), "-runs", "5", "-warmup", "1",
		"-mutations", "3", "-baseline-runs", "2", "-baseline-budget", "60s"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	rep, err := run(ctx, cfg, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Ingest == nil || rep.Ingest.Statuses["added"] != 300 || rep.Ingest.Quads == 0 {
		t.Errorf("ingest: %+v", rep.Ingest)
	}
	if rep.Startup <= 0 || rep.MemEnd.RSS <= 0 || rep.MemEnd.HWM < rep.MemEnd.RSS {
		t.Errorf("start-up %v, memory %+v", rep.Startup, rep.MemEnd)
	}
	if rep.Mutation.Statuses["ADDED"] != 3 || rep.Mutation.Delete.N != 3 || rep.Mutation.AfterWrite.N != 3 {
		t.Errorf("mutations: %+v", rep.Mutation)
	}
	if len(rep.Suite) != 6 {
		t.Fatalf("%d suite queries, want 6", len(rep.Suite))
	}
	for _, q := range rep.Suite {
		if q.Latency.N != 5 || q.Baseline == nil || q.Baseline.Latency.N == 0 {
			t.Errorf("%s: %+v, baseline %+v", q.Name, q, q.Baseline)
			continue
		}
		if q.Name != "search" && (q.Baseline.Checked == 0 || q.Baseline.Agree != q.Baseline.Checked) {
			t.Errorf("%s: the baseline's answers differ from eurel's: %s", q.Name, q.Baseline.Mismatch)
		}
	}
	var out strings.Builder
	printReport(&out, rep)
	for _, want := range []string{"bulk ingest", "start-up", "ingest mutation", "country page", "baseline / eurel", "start-up to serving"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the report lacks %q:\n%s", want, out.String())
		}
	}
}
