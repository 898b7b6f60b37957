package graph

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/hidal-go/hidalgo/kv/options"
	"google.golang.org/protobuf/proto"
)

// Reads straight from the kv store's indexes (bolt).
//
// Cayley's kv store keeps, under each index key, the list of the IDs of the quads with those
// values, and each quad in a log. A removed quad is marked deleted in the log; its ID stays in
// the lists. Stores made now key their indexes by subject+predicate+label,
// object+predicate+subject+label and label; older ones by subject+predicate,
// object+predicate+subject and label (kvLayout). A read asks for the quads of fewer values than
// a key holds by scanning the keys under them (kvTx.list). Cayley's iterators load every quad
// of a list from the log. A hub such as the EU is described by every document that names it:
// (EU, name) has one quad per document and language, all with one of a few objects, and
// loading them costs one log read per document.
//
// kvFacts reads each distinct object once instead: it loads one quad of the subject+predicate
// IDs, reads the IDs of that triple (every copy of it, under every label) and strikes them
// off, until none is left. Which documents state a fact (its labels) is loaded only when asked
// (reader.labelsOf), which reads need only when documents disagree, or for the few nodes whose
// sources they list. kvAny reads the first live quad of a subject and predicate, kvSubjects
// the subjects of an object and predicate with one live quad each.
//
// Every function reads in one read transaction, opened after the pattern's values are resolved
// and closed before the IDs found are turned into values: never two read transactions at once
// in one goroutine (see scanN). Reads hold Store.rmu, so no write applies meanwhile.

// kvSmallList is the length up to which a subject+predicate list is loaded whole: below it,
// striking copies off would read more than it saves.
const kvSmallList = 8

// kvFast reports whether the kv index reads can be used.
func (s *Store) kvFast() bool {
	_, ok := s.qs.(*kv.QuadStore)
	return ok && s.kvdb != nil
}

// kvTx is one read transaction on the kv database under Cayley.
type kvTx struct {
	ctx context.Context
	tx  hkv.Tx
	l   kvLayout
}

func (s *Store) kvRead(ctx context.Context, fn func(t kvTx) error) error {
	tx, err := s.kvdb.KV.Tx(ctx, false)
	if err != nil {
		return err
	}
	defer tx.Close()
	return fn(kvTx{ctx, tx, s.layout})
}

// list returns the IDs of the quads with the values given in the first directions of an
// index, in increasing order: the list stored under the key when the values make a whole
// key, else the lists under every key they begin, merged.
func (t kvTx) list(ind kv.QuadIndex, vals ...uint64) ([]uint64, error) {
	if len(vals) < len(ind.Dirs) {
		var out []uint64
		err := t.lists(ind, vals, len(vals), func(_, ids []uint64) error {
			out = ids
			return nil
		})
		return out, err
	}
	b, err := t.tx.Get(t.ctx, ind.Key(vals))
	if errors.Is(err, hkv.ErrNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	return decodeIDs(b)
}

// lists calls fn, for each distinct value of the first depth directions of the keys of an
// index under a prefix (depth at least len(prefix)), with those values and the IDs of the
// quads under all their keys, in increasing order.
func (t kvTx) lists(ind kv.QuadIndex, prefix []uint64, depth int, fn func(vals, ids []uint64) error) error {
	it := t.tx.Scan(t.ctx, options.WithPrefixKV(ind.Key(prefix)))
	defer it.Close()
	var (
		group []uint64
		ids   []uint64
		runs  int // lists merged into ids
	)
	flush := func() error {
		if runs > 1 {
			slices.Sort(ids)
		}
		if len(group) == 0 {
			return nil
		}
		err := fn(group, ids)
		group, ids, runs = nil, nil, 0
		return err
	}
	for it.Next(t.ctx) {
		k := it.Key()
		if len(k) == 0 {
			continue
		}
		last := k[len(k)-1]
		if len(last) != 8*len(ind.Dirs) {
			continue
		}
		vals := make([]uint64, depth)
		for i := range vals {
			vals[i] = binary.BigEndian.Uint64(last[8*i:])
		}
		if !slices.Equal(vals, group) {
			if err := flush(); err != nil {
				return err
			}
			group = vals
		}
		var err error
		if ids, err = appendIDs(ids, it.Val()); err != nil {
			return err
		}
		runs++
	}
	if err := it.Err(); err != nil {
		return err
	}
	return flush()
}

// quads loads quads from the log; nil for a removed or missing one.
func (t kvTx) quads(ids []uint64) ([]*cproto.Primitive, error) {
	keys := make([]hkv.Key, len(ids))
	for i, id := range ids {
		var b [8]byte
		binary.BigEndian.PutUint64(b[:], id)
		keys[i] = hkv.Key{[]byte("log"), b[:]}
	}
	vals, err := t.tx.GetBatch(t.ctx, keys)
	if err != nil {
		return nil, err
	}
	out := make([]*cproto.Primitive, len(ids))
	for i, v := range vals {
		if v == nil {
			continue
		}
		p := &cproto.Primitive{}
		if err := proto.Unmarshal(v, p); err != nil {
			return nil, fmt.Errorf("quad %d in the log: %w", ids[i], err)
		}
		if !p.Deleted {
			out[i] = p
		}
	}
	return out, nil
}

// firstLive loads the quads of ids in growing batches until one is live; it returns it (nil if
// none is) and how many IDs it read.
func (t kvTx) firstLive(ids []uint64) (*cproto.Primitive, int, error) {
	n, batch := 0, 1
	for n < len(ids) {
		end := min(n+batch, len(ids))
		ps, err := t.quads(ids[n:end])
		if err != nil {
			return nil, n, err
		}
		for i, p := range ps {
			if p != nil {
				return p, n + i + 1, nil
			}
		}
		n, batch = end, min(batch*4, 256)
	}
	return nil, n, nil
}

// firstLiveUnder returns the first live quad (nil if none) with the values given in the first
// directions of an index, reading its keys one at a time: a hub's subject+predicate has a
// key per document under the labelled layout, and the first is nearly always live.
func (t kvTx) firstLiveUnder(ind kv.QuadIndex, vals ...uint64) (*cproto.Primitive, error) {
	if len(vals) == len(ind.Dirs) {
		ids, err := t.list(ind, vals...)
		if err != nil {
			return nil, err
		}
		q, _, err := t.firstLive(ids)
		return q, err
	}
	it := t.tx.Scan(t.ctx, options.WithPrefixKV(ind.Key(vals)))
	defer it.Close()
	for it.Next(t.ctx) {
		ids, err := decodeIDs(it.Val())
		if err != nil {
			return nil, err
		}
		if q, _, err := t.firstLive(ids); q != nil || err != nil {
			return q, err
		}
	}
	return nil, it.Err()
}

// decodeIDs reads an index entry: unsigned varints, one per quad ID.
func decodeIDs(b []byte) ([]uint64, error) {
	return appendIDs(make([]uint64, 0, len(b)/2), b)
}

// appendIDs appends the quad IDs of an index entry to out.
func appendIDs(out []uint64, b []byte) ([]uint64, error) {
	for len(b) > 0 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return nil, errors.New("corrupt kv index entry")
		}
		out = append(out, v)
		b = b[n:]
	}
	return out, nil
}

// moreLabels are quads of a fact whose labels have not been loaded (see reader.labelsOf).
type moreLabels struct {
	ids    []uint64
	labels []refs.Ref // once loaded
	loaded bool
}

// kvFacts is Store.facts for the pattern {s: subj} (preds empty: every predicate) or for each
// of the patterns {s: subj, p: pred}.
func (s *Store) kvFacts(ctx context.Context, subj quad.Value, preds []quad.Value) ([]fact, error) {
	rs, err := s.refsOf(ctx, append([]quad.Value{subj}, preds...))
	if err != nil || !present(rs[0]) {
		return nil, err
	}
	sid := uint64(rs[0].(kv.Int64Value))
	type raw struct {
		p, o   uint64
		labels []refs.Ref
		more   []uint64
	}
	var raws []raw
	each := func(t kvTx, p uint64, ids []uint64) error {
		if len(ids) <= kvSmallList {
			ps, err := t.quads(ids)
			if err != nil {
				return err
			}
			first := len(raws)
		quads:
			for _, q := range ps {
				if q == nil {
					continue
				}
				for i := first; i < len(raws); i++ {
					if raws[i].o == q.Object {
						raws[i].labels = appendLabel(raws[i].labels, q.Label)
						continue quads
					}
				}
				raws = append(raws, raw{p: p, o: q.Object, labels: appendLabel(nil, q.Label)})
			}
			return nil
		}
		// The copies of distinct triples are disjoint parts of the list: once they add up
		// to it, every value is found, however many documents the list holds.
		struck := struckOff{sorted: slices.IsSorted(ids)}
		covered := 0
		for i := 0; i < len(ids) && covered < len(ids); {
			if struck.has(ids[i]) {
				i++
				continue
			}
			q, n, err := t.firstLive(ids[i:])
			if err != nil {
				return err
			}
			if q == nil {
				return nil // the rest of the list is dead
			}
			// Every copy of the triple, whatever its label: the live one found, the others'
			// labels left for later. IDs passed over (dead ones) are passed for good.
			copies, err := t.list(t.l.ops, q.Object, p, sid)
			if err != nil {
				return err
			}
			covered += len(copies)
			struck.add(copies)
			more := slices.DeleteFunc(slices.Clone(copies), func(c uint64) bool { return c == q.ID })
			raws = append(raws, raw{p: p, o: q.Object, labels: appendLabel(nil, q.Label), more: more})
			i += n
		}
		return nil
	}
	err = s.kvRead(ctx, func(t kvTx) error {
		if len(preds) == 0 {
			return t.lists(t.l.sp, []uint64{sid}, 2, func(vals, ids []uint64) error { return each(t, vals[1], ids) })
		}
		for _, pr := range rs[1:] {
			if !present(pr) {
				continue
			}
			p := uint64(pr.(kv.Int64Value))
			ids, err := t.list(t.l.sp, sid, p)
			if err != nil {
				return err
			}
			if err := each(t, p, ids); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil || len(raws) == 0 {
		return nil, err
	}
	// Values of the predicates and objects, each distinct one loaded once.
	var (
		refOf = map[uint64]int{}
		nodes []refs.Ref
	)
	intern := func(id uint64) int {
		if i, ok := refOf[id]; ok {
			return i
		}
		refOf[id] = len(nodes)
		nodes = append(nodes, kv.Int64Value(id))
		return len(nodes) - 1
	}
	pos := make([][2]int, len(raws))
	for i, r := range raws {
		pos[i] = [2]int{intern(r.p), intern(r.o)}
	}
	vals, err := cgraph.ValuesOf(ctx, s.qs, nodes)
	if err != nil {
		return nil, err
	}
	out := make([]fact, 0, len(raws))
	for i, r := range raws {
		f := fact{p: vals[pos[i][0]], o: vals[pos[i][1]], labels: r.labels}
		if len(r.more) > 0 {
			f.more = &moreLabels{ids: r.more}
		}
		if f.p != nil && f.o != nil {
			out = append(out, f)
		}
	}
	return out, nil
}

// struckOff tells which IDs of a subject+predicate list belong to a triple already read. Index
// lists hold IDs in increasing order (Cayley appends each quad's ID when it writes it, and IDs
// grow): then membership is a forward merge over the copies found, asked in increasing order,
// with no set to build. Should a list not be sorted, it falls back to a set.
type struckOff struct {
	sorted bool
	lists  [][]uint64
	pos    []int
	set    map[uint64]bool
}

func (s *struckOff) add(copies []uint64) {
	if s.sorted && slices.IsSorted(copies) {
		s.lists = append(s.lists, copies)
		s.pos = append(s.pos, 0)
		return
	}
	if s.set == nil {
		s.set = map[uint64]bool{}
		for _, l := range s.lists {
			for _, c := range l {
				s.set[c] = true
			}
		}
		s.sorted, s.lists, s.pos = false, nil, nil
	}
	for _, c := range copies {
		s.set[c] = true
	}
}

// has reports whether id is one of the copies added; while sorted, ids must be asked in
// increasing order.
func (s *struckOff) has(id uint64) bool {
	if !s.sorted {
		return s.set[id]
	}
	for k, l := range s.lists {
		p := s.pos[k]
		for p < len(l) && l[p] < id {
			p++
		}
		s.pos[k] = p
		if p < len(l) && l[p] == id {
			return true
		}
	}
	return false
}

func appendLabel(ls []refs.Ref, label uint64) []refs.Ref {
	if label == 0 {
		return ls
	}
	return append(ls, kv.Int64Value(label))
}

// kvLoadLabels loads the labels of a fact's quads not loaded yet (the live ones).
func (s *Store) kvLoadLabels(ctx context.Context, m *moreLabels) error {
	if m.loaded {
		return nil
	}
	err := s.kvRead(ctx, func(t kvTx) error {
		for start := 0; start < len(m.ids); start += 256 {
			ps, err := t.quads(m.ids[start:min(start+256, len(m.ids))])
			if err != nil {
				return err
			}
			for _, q := range ps {
				if q != nil {
					m.labels = appendLabel(m.labels, q.Label)
				}
			}
		}
		return nil
	})
	m.loaded = err == nil
	return err
}

// kvAny is Store.anyValue for the pattern {s, p} in direction d: the first live quad of the
// subject+predicate list.
func (s *Store) kvAny(ctx context.Context, subj, pred quad.Value, d quad.Direction) (quad.Value, error) {
	rs, err := s.refsOf(ctx, []quad.Value{subj, pred})
	if err != nil || !present(rs[0]) || !present(rs[1]) {
		return nil, err
	}
	var q *cproto.Primitive
	err = s.kvRead(ctx, func(t kvTx) error {
		q, err = t.firstLiveUnder(t.l.sp, uint64(rs[0].(kv.Int64Value)), uint64(rs[1].(kv.Int64Value)))
		return err
	})
	if err != nil || q == nil {
		return nil, err
	}
	var v uint64
	switch d {
	case quad.Subject:
		v = q.Subject
	case quad.Predicate:
		v = q.Predicate
	case quad.Object:
		v = q.Object
	case quad.Label:
		v = q.Label
	}
	if v == 0 {
		return nil, nil
	}
	vals, err := cgraph.ValuesOf(ctx, s.qs, []refs.Ref{kv.Int64Value(v)})
	if err != nil {
		return nil, err
	}
	return vals[0], nil
}

// kvSubjects is Store.values for the pattern {o, p} in the subject direction: the subjects
// under the object+predicate prefix that have a live quad (usually the first one loaded).
func (s *Store) kvSubjects(ctx context.Context, obj, pred quad.Value) ([]quad.Value, error) {
	rs, err := s.refsOf(ctx, []quad.Value{obj, pred})
	if err != nil || !present(rs[0]) || !present(rs[1]) {
		return nil, err
	}
	var subjects []refs.Ref
	err = s.kvRead(ctx, func(t kvTx) error {
		prefix := []uint64{uint64(rs[0].(kv.Int64Value)), uint64(rs[1].(kv.Int64Value))}
		return t.lists(t.l.ops, prefix, 3, func(vals, ids []uint64) error {
			q, _, err := t.firstLive(ids)
			if q != nil {
				subjects = append(subjects, kv.Int64Value(vals[2]))
			}
			return err
		})
	})
	if err != nil || len(subjects) == 0 {
		return nil, err
	}
	return cgraph.ValuesOf(ctx, s.qs, subjects)
}
