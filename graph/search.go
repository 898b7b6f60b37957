package graph

import (
	"context"
	"errors"
)

// SearchQuery is a full-text search: words as a user types them, the kinds of node to keep
// (all when none), a page size and the cursor of the previous page.
type SearchQuery struct {
	Text  string
	Kinds []NodeKind
	First int
	After string
}

// SearchPage is a page of hits, best first, and how many nodes match in all.
type SearchPage struct {
	Hits    []SearchHit
	Total   int
	HasNext bool
}

// SearchHit is one node that matches, with a highlighted fragment of its text.
type SearchHit struct {
	ID      ID
	Kind    NodeKind
	Score   float64
	Field   string // title, name or text
	Snippet string // HTML: the matches in <mark>…</mark>, the rest escaped
	Cursor  string
}

// ErrNoSearch is returned for a text query when the store has no search index.
var ErrNoSearch = errors.New("full-text search is not available on this store")

// Search runs a full-text search.
func (s *Store) Search(ctx context.Context, q SearchQuery) (SearchPage, error) {
	return SearchPage{}, ErrNoSearch
}

// searchIDs returns the nodes of these kinds matching a full-text query.
func (s *Store) searchIDs(ctx context.Context, text string, kinds []NodeKind) (map[ID]bool, error) {
	return nil, ErrNoSearch
}
