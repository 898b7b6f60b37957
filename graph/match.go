package graph

import (
	"context"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
)

// pattern selects quads by the values fixed in some directions; nil matches anything. Every
// read and the write path go through match and values, which pick the index to scan.
type pattern struct {
	s, p, o, l quad.Value
}

func (pt pattern) get(d quad.Direction) quad.Value {
	switch d {
	case quad.Subject:
		return pt.s
	case quad.Predicate:
		return pt.p
	case quad.Object:
		return pt.o
	case quad.Label:
		return pt.l
	}
	return nil
}

// match returns the quads matching pt, labels included. The same triple under two labels
// comes back twice.
func (s *Store) match(ctx context.Context, pt pattern) ([]quad.Quad, error) {
	var out []quad.Quad
	err := s.scan(ctx, pt, func(ref refs.Ref) error {
		q, err := s.qs.Quad(ref)
		if err != nil {
			return err
		}
		out = append(out, q)
		return nil
	})
	return out, err
}

// values returns the distinct values in direction d of the quads matching pt, without
// loading the other directions.
func (s *Store) values(ctx context.Context, pt pattern, d quad.Direction) ([]quad.Value, error) {
	if s.kvFast() && d == quad.Subject && pt.s == nil && pt.o != nil && pt.p != nil && pt.l == nil {
		return s.kvSubjects(ctx, pt.o, pt.p)
	}
	var (
		seen = map[any]bool{}
		rs   []refs.Ref
	)
	err := s.scan(ctx, pt, func(ref refs.Ref) error {
		v, err := s.qs.QuadDirection(ref, d)
		if err != nil || v == nil {
			return err
		}
		if k := v.Key(); !seen[k] {
			seen[k] = true
			rs = append(rs, v)
		}
		return nil
	})
	if err != nil || len(rs) == 0 {
		return nil, err
	}
	return cgraph.ValuesOf(ctx, s.qs, rs)
}

// fact is a predicate and object of the quads matching a pattern, with the labels of every
// quad stating it, unresolved: a hub node that two thousand documents describe has a handful
// of facts, and only the values are loaded. On kv stores the labels of a fact's copies are
// loaded only when asked (more, see kvFacts): then not even two thousand quads are.
type fact struct {
	p, o   quad.Value
	labels []refs.Ref
	more   *moreLabels // kv: quads of the fact whose labels are still to load; nil when none
}

// facts groups the quads matching pt by predicate and object.
func (s *Store) facts(ctx context.Context, pt pattern) ([]fact, error) {
	if s.kvFast() && pt.s != nil && pt.o == nil && pt.l == nil {
		var preds []quad.Value
		if pt.p != nil {
			preds = []quad.Value{pt.p}
		}
		return s.kvFacts(ctx, pt.s, preds)
	}
	type key struct{ p, o any }
	var (
		out   []fact
		idx   = map[key]int{}
		refOf = map[any]int{} // distinct predicate and object references → position in rs
		rs    []refs.Ref
		pos   [][2]int // per fact: positions of its predicate and object in rs
	)
	intern := func(r refs.Ref) int {
		if i, ok := refOf[r.Key()]; ok {
			return i
		}
		refOf[r.Key()] = len(rs)
		rs = append(rs, r)
		return len(rs) - 1
	}
	err := s.scan(ctx, pt, func(ref refs.Ref) error {
		var d [3]refs.Ref
		for i, dir := range []quad.Direction{quad.Predicate, quad.Object, quad.Label} {
			v, err := s.qs.QuadDirection(ref, dir)
			if err != nil {
				return err
			}
			d[i] = v
		}
		if d[0] == nil || d[1] == nil {
			return nil
		}
		k := key{d[0].Key(), d[1].Key()}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, fact{})
			pos = append(pos, [2]int{intern(d[0]), intern(d[1])})
		}
		if d[2] != nil {
			out[i].labels = append(out[i].labels, d[2])
		}
		return nil
	})
	if err != nil || len(out) == 0 {
		return nil, err
	}
	vals, err := cgraph.ValuesOf(ctx, s.qs, rs)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].p, out[i].o = vals[pos[i][0]], vals[pos[i][1]]
	}
	return out, nil
}

// anyValue returns the value in direction d of one quad matching pt (nil if none): for
// properties all documents agree on, it reads one quad instead of one per document.
func (s *Store) anyValue(ctx context.Context, pt pattern, d quad.Direction) (quad.Value, error) {
	if s.kvFast() && pt.s != nil && pt.p != nil && pt.o == nil && pt.l == nil {
		return s.kvAny(ctx, pt.s, pt.p, d)
	}
	var r refs.Ref
	err := s.scanN(ctx, pt, 1, func(ref refs.Ref) error {
		var err error
		r, err = s.qs.QuadDirection(ref, d)
		return err
	})
	if err != nil || r == nil {
		return nil, err
	}
	vals, err := cgraph.ValuesOf(ctx, s.qs, []refs.Ref{r})
	if err != nil {
		return nil, err
	}
	return vals[0], nil
}

// ids returns the distinct node IDs in direction d of the quads matching pt.
func (s *Store) ids(ctx context.Context, pt pattern, d quad.Direction) ([]ID, error) {
	vals, err := s.values(ctx, pt, d)
	if err != nil {
		return nil, err
	}
	out := make([]ID, 0, len(vals))
	for _, v := range vals {
		if id := idOfValue(v); id != "" {
			out = append(out, id)
		}
	}
	return out, nil
}

// scan calls fn with the reference of every quad matching pt. On a kv store (bolt) it scans
// one index prefix: subject+predicate, object+predicate or label, and checks the other
// directions on the quad's references; elsewhere it lets Cayley's optimiser plan the
// intersection.
func (s *Store) scan(ctx context.Context, pt pattern, fn func(refs.Ref) error) error {
	return s.scanN(ctx, pt, -1, fn)
}

// scanN is scan stopping after limit matches (no limit if negative).
func (s *Store) scanN(ctx context.Context, pt pattern, limit int, fn func(refs.Ref) error) error {
	var (
		dirs []quad.Direction
		vals []quad.Value
	)
	for _, d := range quad.Directions {
		if v := pt.get(d); v != nil {
			dirs = append(dirs, d)
			vals = append(vals, v)
		}
	}
	rs, err := s.refsOf(ctx, vals)
	if err != nil {
		return err
	}
	fixed := map[quad.Direction]refs.Ref{}
	for i, r := range rs {
		if !present(r) {
			return nil // a value the store has never seen: nothing matches
		}
		fixed[dirs[i]] = r
	}

	var it iterator.Scanner
	if _, ok := s.qs.(*kv.QuadStore); ok && len(fixed) > 0 {
		it = kvScan(s.qs, s.layout, fixed).Iterate()
	} else {
		var q shape.Quads
		for _, d := range dirs {
			q = append(q, shape.QuadFilter{Dir: d, Values: shape.Fixed{fixed[d]}})
		}
		// Cayley's SQL optimiser numbers its tables with a counter shared by all queries,
		// unguarded: plan one query at a time.
		s.planMu.Lock()
		it = shape.BuildIterator(ctx, s.qs, q).Iterate()
		s.planMu.Unlock()
		fixed = nil // the iterator checks every direction
	}
	// Collect the references and close the iterator before fn runs: a kv index scan holds
	// a read transaction, and fn opening another one (Quad, ValuesOf) while a writer waits
	// to remap the bbolt file deadlocks (nested read transactions in one goroutine).
	var found []refs.Ref
outer:
	for limit != 0 && it.Next(ctx) {
		ref := it.Result()
		for d, want := range fixed {
			got, err := s.qs.QuadDirection(ref, d)
			if err != nil {
				it.Close()
				return err
			}
			if got == nil || got.Key() != want.Key() {
				continue outer
			}
		}
		found = append(found, ref)
		limit--
	}
	err = it.Err()
	if err == nil {
		err = ctx.Err() // Cayley's iterators stop on a done context without an error
	}
	it.Close()
	if err != nil {
		return err
	}
	for _, ref := range found {
		if err := fn(ref); err != nil {
			return err
		}
	}
	return nil
}

// kvScan scans the best index of the kv store for the fixed directions: a whole triple
// (object+predicate+subject), subject (+predicate), object (+predicate (+subject)), or label. Directions the prefix does not cover are checked
// by scan.
func kvScan(qs cgraph.QuadStore, l kvLayout, fixed map[quad.Direction]refs.Ref) iterator.Shape {
	var ind kv.QuadIndex
	switch {
	case fixed[quad.Subject] != nil && fixed[quad.Predicate] != nil && fixed[quad.Object] != nil:
		ind = l.ops // one triple: its quads under every label, whatever the subject's degree
	case fixed[quad.Subject] != nil:
		ind = l.sp
	case fixed[quad.Object] != nil:
		ind = l.ops
	case fixed[quad.Label] != nil:
		ind = labelIndex
	default:
		return qs.QuadIterator(quad.Predicate, fixed[quad.Predicate])
	}
	var prefix []uint64
	for _, d := range ind.Dirs {
		r, ok := fixed[d].(kv.Int64Value)
		if !ok {
			break
		}
		prefix = append(prefix, uint64(r))
	}
	return kv.IndexScan{Index: ind, Values: prefix}.BuildIterator(qs)
}

// present reports whether a reference returned by RefsOf names a stored value: memstore gives
// nil for unknown values, kv stores a zero Int64Value.
func present(r refs.Ref) bool {
	if r == nil {
		return false
	}
	if v, ok := r.(kv.Int64Value); ok && v == 0 {
		return false
	}
	return true
}

// refsOf resolves values to the backend's references; a value the store does not hold gets a
// reference for which present is false.
func (s *Store) refsOf(ctx context.Context, vals []quad.Value) ([]refs.Ref, error) {
	if bn, ok := s.qs.(refs.BatchNamer); ok {
		return bn.RefsOf(ctx, vals)
	}
	out := make([]refs.Ref, len(vals))
	for i, v := range vals {
		r, err := s.qs.ValueOf(v)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}
