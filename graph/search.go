package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/eurel/eurel/graph/search"
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

// ErrSearchStale is returned by searches after a write the index could not take: the index
// is rebuilt when the store is next opened.
var ErrSearchStale = errors.New("the search index missed a write and is rebuilt at the next start")

// searchFilterLimit is how many hits a full-text filter of a list takes, best first: a text
// filter keeps the resolutions or demands among the best searchFilterLimit matches.
const searchFilterLimit = 2000

// Search runs a full-text search. A query that names countries or topics is also searched
// said in each language of their names (see searchnames.go). A query the user must fix
// (empty, too long, a bad cursor) is an error wrapping ErrBadInput.
func (s *Store) Search(ctx context.Context, q SearchQuery) (SearchPage, error) {
	ix, err := s.liveIndex()
	if err != nil {
		return SearchPage{}, err
	}
	p, err := ix.Search(ctx, search.Query{Text: q.Text, Also: s.nameIndex().wordings(q.Text), Kinds: kindNames(q.Kinds), First: q.First, After: q.After})
	if err != nil {
		return SearchPage{}, searchError(err)
	}
	out := SearchPage{Total: int(p.Total), HasNext: p.HasNext, Hits: make([]SearchHit, len(p.Hits))}
	for i, h := range p.Hits {
		out.Hits[i] = SearchHit{ID: ID(h.ID), Kind: NodeKind(h.Kind), Score: h.Score, Field: h.Field, Snippet: h.Snippet, Cursor: h.Cursor}
	}
	return out, nil
}

// searchIDs returns the nodes of these kinds among the best searchFilterLimit matches of a
// full-text query, said in each language of the names it holds as Search does: one ranking,
// no snippets.
func (s *Store) searchIDs(ctx context.Context, text string, kinds []NodeKind) (map[ID]bool, error) {
	ix, err := s.liveIndex()
	if err != nil {
		return nil, err
	}
	ids, err := ix.Match(ctx, text, s.nameIndex().wordings(text), kindNames(kinds), searchFilterLimit)
	if err != nil {
		return nil, searchError(err)
	}
	out := make(map[ID]bool, len(ids))
	for _, id := range ids {
		out[ID(id)] = true
	}
	return out, nil
}

// liveIndex is the index searches may use: none on a closed store or after a write it missed.
func (s *Store) liveIndex() (*search.Index, error) {
	if s.isClosed() {
		return nil, ErrClosed
	}
	if s.searchStale.Load() {
		return nil, ErrSearchStale
	}
	return s.index.Load(), nil
}

// searchError makes a query the user must fix a bad-input error.
func searchError(err error) error {
	if errors.Is(err, search.ErrBadQuery) {
		return fmt.Errorf("%w: %w", ErrBadInput, err)
	}
	return err
}

func kindNames(kinds []NodeKind) []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = string(k)
	}
	return out
}
