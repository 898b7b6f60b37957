package gql_test

import (
	"context"
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
