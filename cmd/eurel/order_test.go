package main

import (
	"context"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"testing"

	"github.com/eurel/eurel/gql"
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

// TestTheMyanmarSummaryAndProcedureFileMakeOneResolution ingests both texts in each order and
// asks the GraphQL endpoint for the resolution's procedure type and topics (OEIL subjects).
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

		srv := httptest.NewServer(gql.NewHandler(gqlConfig(st, slog.New(slog.NewTextHandler(io.Discard, nil)))))
		var out struct {
			Resolution struct {
				ProcedureType *string
				Topics        []struct{ Key string }
			}
		}
		query(t, srv, `query($ref: String!) { resolution(reference: $ref) { procedureType topics { key } } }`,
			map[string]any{"ref": "2021/2540(RSP)"}, &out)
		srv.Close()
		if pt := out.Resolution.ProcedureType; pt == nil || *pt != "RSP" {
			t.Errorf("order %v: procedureType = %v, want RSP", order, pt)
		}
		var keys []string
		for _, tp := range out.Resolution.Topics {
			keys = append(keys, tp.Key)
		}
		for _, want := range []string{"oeil-subject:6.10.04", "oeil-subject:6.10.08"} {
			if !slices.Contains(keys, want) {
				t.Errorf("order %v: topics %v lack %s", order, keys, want)
			}
		}
		if !slices.IsSorted(keys) {
			t.Errorf("order %v: topics %v are not sorted by key", order, keys)
		}
		st.Close()
	}
}
