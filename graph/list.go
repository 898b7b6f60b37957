package graph

import "context"

// list runs fn under one read lock with one reader; the IDs it returns are never nil.
func list(s *Store, ctx context.Context, fn func(*reader) []ID) ([]ID, error) {
	unlock, err := s.readLock()
	if err != nil {
		return nil, err
	}
	defer unlock()
	r := s.newReader(ctx)
	ids := fn(r)
	if r.err != nil {
		return nil, r.err
	}
	if ids == nil {
		ids = []ID{}
	}
	return ids, nil
}
