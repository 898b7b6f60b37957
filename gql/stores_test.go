package gql_test

import (
	"context"
	"testing"

	"github.com/eurel/eurel/graph"
)

// storeFactory makes a store holding docs, closed at the end of the test.
type storeFactory func(t testing.TB, docs ...*graph.Document) store

// eachStore runs f over the graph: graph.Store on Cayley's memory backend. (These tests once
// also ran on a hand-written fake Reader; keeping two implementations of the graph's
// semantics in step cost more than it found.)
func eachStore(t *testing.T, f func(t *testing.T, newStore storeFactory)) {
	t.Run("graph.Store", func(t *testing.T) { f(t, openGraphStore) })
}

// openGraphStore is graph.Store on the memory backend, holding docs.
func openGraphStore(t testing.TB, docs ...*graph.Document) store {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Backend: graph.BackendMemory})
	if err != nil {
		t.Fatalf("graph.Open: %v", err)
	}
	t.Cleanup(func() { _ = st.Close() })
	if len(docs) > 0 {
		if _, err := st.PutBatch(ctx, docs); err != nil {
			t.Fatalf("PutBatch: %v", err)
		}
	}
	return st
}
