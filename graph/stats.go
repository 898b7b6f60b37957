package graph

import (
	"context"
	"errors"
	"maps"

	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/refs"

	"github.com/cayleygraph/quad"
)

// Stats are cheap counts over the whole graph.
type Stats struct {
	Documents int64              // stored source documents
	Nodes     map[NodeKind]int64 // distinct nodes of each kind (documents included), every kind present
	Quads     int64              // stored quads, labels making quads distinct
}

// nodeKinds lists every kind, for counting.
var nodeKinds = []NodeKind{KindResolution, KindCountry, KindAgreement, KindInstitution, KindDemand, KindStance, KindTopic, KindDocument}

// Stats returns the counts. Node counts are computed by one scan per kind the first time,
// then kept up to date by every write (which then checks, for each node whose kind quad it
// adds or removes, whether another document still gives the node). The quad count is the
// backend's own counter where it is exact (bolt, memory); on postgres, which only estimates,
// it is counted once and then kept the same way.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	s.cmu.Lock()
	uncounted := s.counts == nil
	s.cmu.Unlock()
	if uncounted && !s.lockReads {
		// No write may slip between the count and the moment writes start keeping it.
		// (On memory, the read lock already excludes writes.) Lock order: wmu, then rmu.
		s.wmu.Lock()
		defer s.wmu.Unlock()
	}
	unlock, err := s.readLock()
	if err != nil {
		return Stats{}, err
	}
	defer unlock()
	st, err := s.qs.Stats(ctx, false)
	if errors.Is(err, kv.ErrNoBucket) {
		err = nil // a kv store that never held a quad has no size yet
	}
	if err != nil {
		return Stats{}, err
	}
	out := Stats{Quads: st.Quads.Value, Nodes: map[NodeKind]int64{}}
	exactQuads := st.Quads.Exact && st.Quads.Value >= 0

	s.cmu.Lock()
	counts := maps.Clone(s.counts) // writers update s.counts under cmu: never iterate it unlocked
	s.cmu.Unlock()
	if counts == nil {
		if counts, err = s.countKinds(ctx); err != nil {
			return Stats{}, err
		}
	}
	for k, n := range counts {
		out.Nodes[k] = n
	}
	out.Documents = out.Nodes[KindDocument]
	if !exactQuads { // postgres estimates; its exact count is kept with the node counts
		s.cmu.Lock()
		out.Quads = s.quads
		s.cmu.Unlock()
	}
	return out, nil
}

// countKinds counts the nodes of each kind and from then on has writes keep the counts. The
// caller excludes writes.
func (s *Store) countKinds(ctx context.Context) (map[NodeKind]int64, error) {
	counts := map[NodeKind]int64{}
	for _, k := range nodeKinds {
		seen := map[any]bool{}
		err := s.scan(ctx, pattern{p: pKind, o: quad.String(k)}, func(ref refs.Ref) error {
			v, err := s.qs.QuadDirection(ref, quad.Subject)
			if err == nil && v != nil {
				seen[v.Key()] = true
			}
			return err
		})
		if err != nil {
			return nil, err
		}
		counts[k] = int64(len(seen))
	}
	st, err := s.qs.Stats(ctx, true)
	if errors.Is(err, kv.ErrNoBucket) {
		err = nil
	}
	if err != nil {
		return nil, err
	}
	s.cmu.Lock()
	defer s.cmu.Unlock()
	if s.counts == nil {
		s.counts = counts
		s.quads = st.Quads.Value
	}
	return maps.Clone(s.counts), nil
}

// kindOf is a node and one of its kinds.
type kindOf struct {
	node string
	kind NodeKind
}

var errFound = errors.New("found")

// kindsPresent says, for the node and kind of each kind quad given, whether any document
// gives the node that kind.
func (s *Store) kindsPresent(ctx context.Context, kindQuads []quad.Quad) (map[kindOf]bool, error) {
	out := make(map[kindOf]bool, len(kindQuads))
	for _, q := range kindQuads {
		k := kindOf{node: quad.ToString(q.Subject), kind: NodeKind(str(q.Object))}
		if _, done := out[k]; done {
			continue
		}
		err := s.scan(ctx, pattern{s: q.Subject, p: pKind, o: q.Object}, func(refs.Ref) error { return errFound })
		switch {
		case err == errFound:
			out[k] = true
		case err != nil:
			return nil, err
		default:
			out[k] = false
		}
	}
	return out, nil
}
