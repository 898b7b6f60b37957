package graph

import (
	"context"
	"errors"
)

// ErrNoSearch is returned for a text query when the store has no search index.
var ErrNoSearch = errors.New("full-text search is not available on this store")

// searchIDs returns the nodes of these kinds matching a full-text query.
func (s *Store) searchIDs(ctx context.Context, text string, kinds []NodeKind) (map[ID]bool, error) {
	return nil, ErrNoSearch
}
