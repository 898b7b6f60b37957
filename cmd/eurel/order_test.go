package main

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/internal/corpus"
)

// TestTheCorpusInAnyOrderGivesTheSameGraph ingests every text of the corpus one by one in
// shuffled orders and compares the graphs (ingest times aside) and what reads answer.
func TestTheCorpusInAnyOrderGivesTheSameGraph(t *testing.T) {
	inputs := expandArgs([]string{corpus.Dir(t)}, nil)
	ctx := context.Background()
	var first string
	var firstRefs []graph.ID
	for round := range 3 {
		order := rand.New(rand.NewPCG(uint64(round), 7)).Perm(len(inputs))
		st, err := graph.Open(ctx, graph.Config{Backend: "memory"})
		if err != nil {
			t.Fatal(err)
		}
		stored := 0
		for _, i := range order {
			for _, r := range ingestBatch(ctx, st, inputs[i:i+1]) {
				if r.Status == "failed" {
					t.Fatalf("%s: %s", r.File, r.Error)
				}
				if r.Status == "added" {
					stored++
				}
			}
		}
		if stored < 20 {
			t.Fatalf("round %d stored %d texts of the corpus, want at least 20", round, stored)
		}
		got := withoutIngestTimes(dump(t, st))
		refs, err := st.ListResolutions(ctx, graph.ResolutionFilter{})
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
		if round == 0 {
			first, firstRefs = got, refs
			continue
		}
		if got != first {
			t.Errorf("order %d gave another graph:\n%s", round, diffLines(first, got))
		}
		if len(refs) != len(firstRefs) {
			t.Errorf("order %d lists %d resolutions, want %d", round, len(refs), len(firstRefs))
		}
	}
}

// TestTheMyanmarSummaryAndProcedureFileMakeOneResolution ingests both texts in each order.
func TestTheMyanmarSummaryAndProcedureFileMakeOneResolution(t *testing.T) {
	dir := corpus.Dir(t)
	summary := filepath.Join(dir, "oeil-summary", "1651118.en.html")
	file := filepath.Join(dir, "oeil-procedure", "2021-2540-rsp.en.html")
	ctx := context.Background()
	for _, order := range [][]string{{summary, file}, {file, summary}} {
		st, err := graph.Open(ctx, graph.Config{Backend: "memory"})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range ingestBatch(ctx, st, expandArgs(order, nil)) {
			if r.Status != "added" {
				t.Fatalf("%s: %s %s", r.File, r.Status, r.Error)
			}
		}
		recs, err := st.Resolutions(ctx, []graph.ID{graph.ResolutionID("2021/2540(RSP)")})
		if err != nil || recs[0] == nil {
			t.Fatalf("no resolution 2021/2540(RSP): %v", err)
		}
		r := recs[0]
		if len(r.Sources) != 2 || len(r.Concerns) != 1 || r.Concerns[0] != graph.CountryID("MM") {
			t.Errorf("order %v: sources %v, concerns %v; want two sources and Myanmar", order, r.Sources, r.Concerns)
		}
		st.Close()
	}
}
