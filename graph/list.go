package graph

import (
	"context"

	"github.com/cayleygraph/quad"
)

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

// allOfKind lists the nodes of a kind (an object+predicate scan).
func (r *reader) allOfKind(k NodeKind) []ID {
	if r.err != nil {
		return nil
	}
	ids, err := r.s.ids(r.ctx, pattern{p: pKind, o: quad.String(k)}, quad.Subject)
	r.err = err
	return ids
}

// objectsOf lists the distinct objects of every edge of a predicate (a predicate scan).
func (r *reader) objectsOf(p Predicate) []ID {
	if r.err != nil {
		return nil
	}
	ids, err := r.s.ids(r.ctx, pattern{p: p.IRI()}, quad.Object)
	r.err = err
	return ids
}

// outIDs returns the distinct objects of the node's edges of a predicate.
func (r *reader) outIDs(id ID, p Predicate) []ID {
	if r.err != nil {
		return nil
	}
	ids, err := r.s.ids(r.ctx, pattern{s: id.IRI(), p: p.IRI()}, quad.Object)
	r.err = err
	return ids
}

// intersect returns the distinct IDs present in every set.
func intersect(sets [][]ID) []ID {
	count := map[ID]int{}
	var out []ID
	for i, set := range sets {
		seen := map[ID]bool{}
		for _, id := range set {
			if seen[id] {
				continue
			}
			seen[id] = true
			count[id]++
			if i == len(sets)-1 && count[id] == len(sets) {
				out = append(out, id)
			}
		}
	}
	return out
}
