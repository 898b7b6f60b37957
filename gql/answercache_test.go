package gql_test

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/eurel/eurel/gql"
	"github.com/eurel/eurel/graph"
)

// generationalCounter counts reads like countingReader and passes the store's generation on,
// so that the handler keeps answers.
type generationalCounter struct {
	*countingReader
	st *graph.Store
}

func (g generationalCounter) Generation() uint64 { return g.st.Generation() }

func TestAnAnswerIsKeptUntilTheGraphChanges(t *testing.T) {
	st := openGraphStore(t, kzEN()).(*graph.Store)
	reads := countCalls(st)
	srv := serve(t, st, func(c *gql.Config) { c.Reader = generationalCounter{reads, st} })
	const q = `query($code: String!) { country(code: $code) { resolutions(first: 5) { totalCount nodes { reference demands { text } } } } }`
	type page struct {
		Country struct {
			Resolutions struct {
				TotalCount int
				Nodes      []struct{ Reference string }
			}
		}
	}
	ask := func() page {
		var p page
		srv.ok(t, q, map[string]any{"code": "KZ"}, &p)
		return p
	}
	first := ask()
	if first.Country.Resolutions.TotalCount != 1 {
		t.Fatalf("KZ has %d resolutions, want 1", first.Country.Resolutions.TotalCount)
	}
	before := reads.total.Load()
	again := ask()
	if n := reads.total.Load() - before; n != 0 {
		t.Errorf("the same query asked again read %d times, want 0 (answered from the cache)", n)
	}
	if again.Country.Resolutions.TotalCount != first.Country.Resolutions.TotalCount {
		t.Errorf("the kept answer differs: %+v, then %+v", first, again)
	}
	var other page
	srv.ok(t, q, map[string]any{"code": "MM"}, &other)
	if other.Country.Resolutions.TotalCount != 0 {
		t.Errorf("other variables got another query's answer: %+v", other)
	}

	// A write: the next answer is read afresh and says what the graph now says.
	if _, err := st.Put(context.Background(), syntheticDocs(1, 1)[0]); err != nil {
		t.Fatal(err)
	}
	before = reads.total.Load()
	ask()
	if reads.total.Load() == before {
		t.Error("after a write, the query was answered from the cache")
	}
	if _, err := st.Delete(context.Background(), kzEN().Source.ID()); err != nil {
		t.Fatal(err)
	}
	if after := ask(); after.Country.Resolutions.TotalCount != 0 {
		t.Errorf("after deleting the KZ summary, the answer still lists %+v", after.Country.Resolutions)
	}
}

// writeDuringReads is a store whose generation moves on during the first runs of a query, as
// if a write committed between two of its read batches.
type writeDuringReads struct {
	*countingReader
	st     *graph.Store
	writes int          // how many reads of resolutions "write"
	bump   atomic.Int64 // the writes "committed" so far (each moves the generation by 2)
}

func (w *writeDuringReads) Generation() uint64 { return w.st.Generation() + 2*uint64(w.bump.Load()) }

func (w *writeDuringReads) Resolutions(ctx context.Context, ids []graph.ID) ([]*graph.ResolutionRecord, error) {
	if w.bump.Load() < int64(w.writes) {
		w.bump.Add(1)
	}
	return w.countingReader.Resolutions(ctx, ids)
}

func TestAQueryThatAWriteInterruptedIsRunAgain(t *testing.T) {
	const q = `{ country(code: "KZ") { resolutions(first: 5) { nodes { reference title } } } }`
	for _, tc := range []struct {
		writes, runs int
	}{
		{writes: 0, runs: 1},  // nothing interrupts: one run
		{writes: 1, runs: 2},  // the first run spans a write: the second is served
		{writes: 10, runs: 3}, // writes keep coming: three runs, the last served
	} {
		st := openGraphStore(t, kzEN()).(*graph.Store)
		r := &writeDuringReads{countingReader: countCalls(st), st: st, writes: tc.writes}
		srv := serve(t, st, func(c *gql.Config) { c.Reader = r; c.AnswerCacheBytes = -1 })
		var page struct {
			Country struct {
				Resolutions struct{ Nodes []struct{ Reference string } }
			}
		}
		srv.ok(t, q, nil, &page)
		if n := r.snapshot()["Resolutions"]; n != tc.runs {
			t.Errorf("%d writes during the reads: the query ran %d times, want %d", tc.writes, n, tc.runs)
		}
		if len(page.Country.Resolutions.Nodes) != 1 || page.Country.Resolutions.Nodes[0].Reference != "2021/2544(RSP)" {
			t.Errorf("%d writes: answer %+v", tc.writes, page)
		}
	}
}

// A kept answer is served as the computed one was, byte for byte, to the same request over
// POST or GET, without a read; a mutation and a request with extensions are never kept.
func TestAKeptAnswerIsTheComputedOne(t *testing.T) {
	st := openGraphStore(t, kzEN()).(*graph.Store)
	reads := countCalls(st)
	srv := serve(t, st, func(c *gql.Config) { c.Reader = generationalCounter{reads, st} })
	const q = `query($code: String!) { country(code: $code) { name resolutions(first: 5) { nodes { reference title demands { text } } } } }`
	vars := map[string]any{"code": "KZ"}
	first := srv.post(t, q, vars)
	if first.Status != http.StatusOK || len(first.Errors) > 0 {
		t.Fatalf("first answer: %d %+v", first.Status, first.Errors)
	}
	before := reads.total.Load()
	for _, again := range []*answer{srv.post(t, q, vars), srv.get(t, q, vars)} {
		if !bytes.Equal(again.Data, first.Data) || again.Status != http.StatusOK {
			t.Errorf("kept answer %d %s, want %s", again.Status, again.Data, first.Data)
		}
		if ct := again.Header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("kept answer's Content-Type %q", ct)
		}
	}
	if n := reads.total.Load() - before; n != 0 {
		t.Errorf("the same request asked again over POST and GET read %d times, want 0", n)
	}

	// With extensions: computed each time.
	body := `{"query": "{ country(code: \"KZ\") { name } }", "extensions": {"trace": true}}`
	for range 2 {
		before = reads.total.Load()
		if a := srv.raw(t, http.MethodPost, "/graphql", "application/json", strings.NewReader(body)); a.Status != http.StatusOK {
			t.Fatalf("request with extensions: %d %+v", a.Status, a.Errors)
		}
		if reads.total.Load() == before {
			t.Error("a request with extensions was answered from the kept answers")
		}
	}

	// A mutation is run each time: deleting twice says true, then false.
	const del = `mutation($id: ID!) { deleteDocument(id: $id) }`
	id := string(kzEN().Source.ID())
	var gone struct{ DeleteDocument bool }
	for i, want := range []bool{true, false} {
		srv.ok(t, del, map[string]any{"id": id}, &gone)
		if gone.DeleteDocument != want {
			t.Errorf("delete #%d answered %v, want %v", i+1, gone.DeleteDocument, want)
		}
	}
}
