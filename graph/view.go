package graph

import (
	"cmp"
	"context"
	"encoding/binary"
	"iter"
	"slices"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// view is the read-optimised projection of the graph that lists, counts, facets,
// neighbourhoods and paths are answered from: every node with its kind and the documents
// stating it, every typed edge both ways with the documents stating it, and the few literal
// properties lists filter, sort and facet on (viewProps). It holds no text: records, titles,
// names and evidence are still read from Cayley, the source of truth.
//
// It is built from the store when the store opens and kept in step by every write: the
// deltas a transaction applied are applied to it right after the commit, under its own lock,
// so a read of the view sees each write entirely or not at all. It is what makes "how many
// demands addressed to the Commission about political prisoners since 2019, per year" a
// walk over a few in-memory slices rather than thousands of index scans.
//
// It is laid out for size (a store of 100,000 resolutions has some 1.5 million nodes and 4
// million edges): edges and values name their predicate by a byte and their first document
// inline, documents' own facts live apart (docs).
type view struct {
	mu sync.RWMutex
	viewState
}

// viewState is what a view holds, apart from its lock: replacing a view's state (see
// replaceWith) replaces all of it.
type viewState struct {
	index nodeIndex
	nodes []vnode
	docs  map[int32]*vdoc // document nodes' own facts
	sets  labelSets       // the sets of documents beyond their first

	kinds  []NodeKind          // the kinds nodes have, by vnode.kind; kinds[0] is ""
	kindIx map[NodeKind]uint16 // the index of each in kinds

	byKind    map[NodeKind][]int32 // nodes ever given each kind, in index order (absent ones included)
	edgeCount map[Predicate]int64  // distinct edges stated by at least one document
	kindCount map[NodeKind]int64   // nodes with a kind quad from at least one document
	quads     int64
	last      time.Time // the latest ingest time ever seen

	// newest holds, for each resolution stating at most one adoption date and one
	// reference, the key newestFirst sorts it by, kept as the node's properties change (see
	// keepNewestKey). A node stating two of either is left out: which one counts depends on
	// its documents' ingest times, which change without any of its quads changing.
	newest map[int32]newestKey
}

// newestKey is what newestFirst sorts a resolution by: its adoption date packed as
// yyyymmdd (unknown parts 0, in PartialDate.Before's order), then its reference.
type newestKey struct {
	day int32
	ref string
}

// packDate is d as yyyymmdd, unknown parts 0: packed dates compare as Before does.
func packDate(d PartialDate) int32 { return int32(d.Year*10000 + d.Month*100 + d.Day) }

// vnode is one node of the view. Nodes are never removed, only emptied: a node no document
// states any more has no sources and is absent (kind 0). Its lists are the only pointers in
// it: IDs, kinds and sets of documents are numbers or live apart.
type vnode struct {
	id      ID
	key     uint64 // idKey(id), beside the node's other fields: walks compare it without reading the ID
	sources labels // documents stating its kind quad, by node index
	kind    uint16 // index in view.kinds; 0 while absent
	listed  bool   // in byKind
	out, in []vedge
	props   []vprop // the tracked properties' values, each with the documents stating it
}

// vdoc is what the view knows of a document node as a document.
type vdoc struct {
	t      time.Time // its ingest time
	stated []int32   // the nodes whose kind quad it states, sorted
}

// vedge is an edge from (out) or to (in) the node, with the documents stating it.
type vedge struct {
	pred  uint8 // index in Predicates
	other int32
	by    labels
}

// vprop is one literal value of a tracked property, with the documents stating it.
type vprop struct {
	p   uint8 // index in trackedProps
	val quad.Value
	by  labels
}

// trackedProps are the literal properties the view keeps: what lists filter, sort and facet on.
var trackedProps = []quad.IRI{pAdopted, pReference, pProcedureType, pPosition, pCode, pKey,
	pInstitutionKind, pLanguage, pIngestedAt, pDocumentKind, pDate, pName, pAgreementKind, pSigned, pInForce}

var (
	propIndex = func() map[quad.IRI]uint8 {
		m := map[quad.IRI]uint8{}
		for i, p := range trackedProps {
			m[p] = uint8(i)
		}
		return m
	}()
	edgePreds = func() map[quad.IRI]uint8 {
		m := map[quad.IRI]uint8{}
		for i, p := range Predicates {
			m[p.IRI()] = uint8(i)
		}
		return m
	}()
)

func newView() *view {
	return &view{viewState: viewState{index: newNodeIndex(0), docs: map[int32]*vdoc{}, sets: newLabelSets(),
		kinds: []NodeKind{""}, kindIx: map[NodeKind]uint16{"": 0},
		byKind: map[NodeKind][]int32{}, edgeCount: map[Predicate]int64{}, kindCount: map[NodeKind]int64{},
		newest: map[int32]newestKey{}}}
}

// maxKinds is the most distinct kinds a view tells apart (eurel writes a dozen).
const maxKinds = 1<<16 - 1

// kindIndex is the index of a kind in v.kinds, added if new; false when the view already
// tells maxKinds kinds apart.
func (v *view) kindIndex(k NodeKind) (uint16, bool) {
	if i, ok := v.kindIx[k]; ok {
		return i, true
	}
	if len(v.kinds) > maxKinds {
		return 0, false
	}
	v.kinds = append(v.kinds, k)
	v.kindIx[k] = uint16(len(v.kinds) - 1)
	return uint16(len(v.kinds) - 1), true
}

// kindOf is a node's kind ("" when absent).
func (v *view) kindOf(n int32) NodeKind { return v.kinds[v.nodes[n].kind] }

// present says whether the graph holds a node: whether a document states its kind.
func (v *view) present(n int32) bool { return v.nodes[n].kind != 0 }

// find is the index of the node with an ID, present or not.
func (v *view) find(id ID) (int32, bool) { return v.index.find(v.nodes, id) }

// buildView reads every quad of the store into a new view.
func (s *Store) buildView(ctx context.Context) (*view, error) {
	v := newView()
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	batch := make([]quad.Quad, 0, 4096)
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return nil, err
		}
		batch = append(batch, q)
		if len(batch) == cap(batch) {
			v.add(batch)
			batch = batch[:0]
		}
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	v.add(batch)
	return v, nil
}

// apply brings the view in step with deltas a transaction has just committed.
func (v *view) apply(deltas []cgraph.Delta) {
	v.mu.Lock()
	defer v.mu.Unlock()
	for _, d := range deltas {
		v.one(d.Quad, d.Action == cgraph.Add)
	}
}

// add adds quads (building the view, or a fresh document's).
func (v *view) add(qs []quad.Quad) {
	v.mu.Lock()
	defer v.mu.Unlock()
	for _, q := range qs {
		v.one(q, true)
	}
}

// idKey is the first 8 bytes of an ID as a number (zeros after a shorter one): a < b for any
// IDs with idKey(a) < idKey(b), so sorts compare two numbers and only compare the strings
// when those are equal (for UUIDs, one pair in four billion).
func idKey(id ID) uint64 {
	var b [8]byte
	copy(b[:], id)
	return binary.BigEndian.Uint64(b[:])
}

// node returns the index of a node, creating it.
func (v *view) node(id ID) int32 {
	if i, ok := v.find(id); ok {
		return i
	}
	i := int32(len(v.nodes))
	v.nodes = append(v.nodes, vnode{id: id, key: idKey(id), sources: noLabels})
	v.index.add(v.nodes, i)
	return i
}

// doc returns a document node's own facts, creating them.
func (v *view) doc(n int32) *vdoc {
	d, ok := v.docs[n]
	if !ok {
		d = &vdoc{}
		v.docs[n] = d
	}
	return d
}

func (v *view) one(q quad.Quad, add bool) {
	if add {
		v.quads++
	} else {
		v.quads--
	}
	labelID := idOfValue(q.Label)
	p, ok := q.Predicate.(quad.IRI)
	if labelID == "" || !ok {
		return
	}
	subj := idOfValue(q.Subject)
	if subj == "" {
		return
	}
	if p == pKind {
		v.kindQuad(subj, labelID, NodeKind(str(q.Object)), add)
	} else if pi, ok := edgePreds[p]; ok {
		if obj := idOfValue(q.Object); obj != "" {
			v.edgeQuad(subj, pi, obj, labelID, add)
		}
	} else if pi, ok := propIndex[p]; ok {
		v.propQuad(subj, pi, q.Object, labelID, add)
	}
	// Evidence quads (whose subjects are edge IDs) and texts are not kept.
}

// kindQuad applies a kind quad. A kind beyond the maxKinds the view tells apart (no store
// eurel wrote has one) leaves the node as it was.
func (v *view) kindQuad(subj, labelID ID, kind NodeKind, add bool) {
	ki, ok := v.kindIndex(kind)
	if !ok {
		return
	}
	n, label := v.node(subj), v.node(labelID)
	nd := &v.nodes[n]
	had := nd.sources.first >= 0
	nd.sources = v.sets.set(nd.sources, label, add)
	d := v.doc(label)
	d.stated = setLabel(d.stated, n, add)
	has := nd.sources.first >= 0
	if has {
		nd.kind = ki
		if !nd.listed {
			nd.listed = true
			v.byKind[kind] = append(v.byKind[kind], n)
		}
	}
	switch {
	case has && !had:
		v.kindCount[v.kinds[nd.kind]]++
	case had && !has:
		v.kindCount[v.kinds[nd.kind]]--
		nd.kind = 0
	}
	if kind == KindResolution {
		v.keepNewestKey(n)
	}
}

func (v *view) edgeQuad(subj ID, pi uint8, obj, labelID ID, add bool) {
	from, to, label := v.node(subj), v.node(obj), v.node(labelID)
	before := v.edgeLabels(from, pi, to)
	v.nodes[from].out = v.setEdge(v.nodes[from].out, pi, to, label, add)
	// An edge is in from's out-list exactly when it is in to's in-list, with the same labels.
	// to is often a hub (the Commission has an in-edge per demand addressed to it): a new edge
	// is appended without searching its list, and an existing one is looked for from the end,
	// where the edges of recent documents are.
	switch {
	case before == 0 && add:
		v.nodes[to].in = append(v.nodes[to].in, vedge{pred: pi, other: from, by: oneLabel(label)})
	case before > 0:
		v.nodes[to].in = v.setEdge(v.nodes[to].in, pi, from, label, add)
	}
	pred := Predicates[pi]
	switch after := v.edgeLabels(from, pi, to); {
	case after > 0 && before == 0:
		v.edgeCount[pred]++
	case after == 0 && before > 0:
		v.edgeCount[pred]--
	}
}

func (v *view) propQuad(subj ID, pi uint8, val quad.Value, labelID ID, add bool) {
	n, label := v.node(subj), v.node(labelID)
	nd := &v.nodes[n]
	i := slices.IndexFunc(nd.props, func(x vprop) bool { return x.p == pi && sameValue(x.val, val) })
	switch {
	case add && i < 0:
		nd.props = append(nd.props, vprop{p: pi, val: val, by: oneLabel(label)})
	case i >= 0:
		nd.props[i].by = v.sets.set(nd.props[i].by, label, add)
		if nd.props[i].by.first < 0 {
			nd.props = slices.Delete(nd.props, i, i+1)
		}
	}
	if p := trackedProps[pi]; p == pAdopted || p == pReference {
		v.keepNewestKey(n)
	}
	if trackedProps[pi] == pIngestedAt {
		t, _ := val.(quad.Time)
		if add {
			v.doc(n).t = time.Time(t)
			if time.Time(t).After(v.last) {
				v.last = time.Time(t)
			}
		} else if v.doc(n).t.Equal(time.Time(t)) {
			v.doc(n).t = time.Time{}
		}
	}
}

// keepNewestKey brings node n's entry in newest in step with its kind and properties: for a
// resolution, the key of its only adoption date and reference (zero when it has none); no
// entry for a node of another kind, absent, or stating two dates or two references.
func (v *view) keepNewestKey(n int32) {
	if v.kindOf(n) != KindResolution {
		delete(v.newest, n)
		return
	}
	var (
		k              newestKey
		dates, refs    int
		adopted, refer = propIndex[pAdopted], propIndex[pReference]
	)
	for _, x := range v.nodes[n].props {
		switch x.p {
		case adopted:
			dates++
			k.day = packDate(date(x.val))
		case refer:
			refs++
			k.ref = str(x.val)
		}
	}
	if dates > 1 || refs > 1 {
		delete(v.newest, n)
		return
	}
	v.newest[n] = k
}

// newestKeyOf is the key newestFirst sorts node n by.
func (v *view) newestKeyOf(n int32) newestKey {
	if k, ok := v.newest[n]; ok {
		return k
	}
	return newestKey{packDate(date(v.prop(n, pAdopted))), v.propString(n, pReference)}
}

// sameValue compares two literals as the store does: by their N-Quads form.
func sameValue(a, b quad.Value) bool {
	if a == b {
		return true
	}
	return quad.ToString(a) == quad.ToString(b)
}

func (v *view) edgeLabels(from int32, pi uint8, to int32) int {
	for _, e := range v.nodes[from].out {
		if e.pred == pi && e.other == to {
			return v.sets.count(e.by)
		}
	}
	return 0
}

// setEdge adds or removes one document's statement of an edge; an edge no document states
// any more is dropped.
func (v *view) setEdge(edges []vedge, pi uint8, other, label int32, add bool) []vedge {
	i := len(edges) - 1
	for i >= 0 && (edges[i].pred != pi || edges[i].other != other) {
		i--
	}
	if i < 0 {
		if !add {
			return edges
		}
		return append(edges, vedge{pred: pi, other: other, by: oneLabel(label)})
	}
	edges[i].by = v.sets.set(edges[i].by, label, add)
	if edges[i].by.first < 0 {
		return slices.Delete(edges, i, i+1)
	}
	return edges
}

// --- reads; the caller holds v.mu for reading ---

// lookup is the index of a node the graph holds, of one of the kinds if any are given.
func (v *view) lookup(id ID, kinds ...NodeKind) (int32, bool) {
	i, ok := v.find(id)
	if !ok || !v.present(i) {
		return 0, false
	}
	if len(kinds) > 0 && !slices.Contains(kinds, v.kindOf(i)) {
		return 0, false
	}
	return i, true
}

// neighbours lists the nodes at the end of the node's edges of a predicate, out (true) or in.
func (v *view) neighbours(n int32, pred Predicate, out bool) []int32 {
	edges := v.nodes[n].in
	if out {
		edges = v.nodes[n].out
	}
	pi := uint8(predOrder[pred])
	var res []int32
	for _, e := range edges {
		if e.pred == pi && v.present(e.other) {
			res = append(res, e.other)
		}
	}
	return res
}

// docTime is a document's ingest time (zero when unknown).
func (v *view) docTime(doc int32) time.Time {
	if d, ok := v.docs[doc]; ok {
		return d.t
	}
	return time.Time{}
}

// prop is the value a read gives of a single-valued property: the only one when the
// documents agree, else that of the most recently ingested document stating it (then the
// greatest document ID, then the greatest value), as Store reads do; nil when none.
// sortKeyValues are the values the view gives for keys ("" for none); the caller holds mu.
func (v *view) sortKeyValues(keys []sortKey) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		if n, ok := v.find(k.id); ok {
			out[i] = v.propString(n, k.p)
		}
	}
	return out
}

func (v *view) prop(n int32, p quad.IRI) quad.Value {
	return v.latestProp(n, p, func(quad.Value) bool { return true })
}

// latestProp is prop among the values that keep says to keep.
func (v *view) latestProp(n int32, p quad.IRI, keep func(quad.Value) bool) quad.Value {
	pi, ok := propIndex[p]
	if !ok {
		return nil
	}
	values := func(yield func(*vprop) bool) {
		for i := range v.nodes[n].props {
			if x := &v.nodes[n].props[i]; x.p == pi && keep(x.val) && !yield(x) {
				return
			}
		}
	}
	best := latest(v, values, func(x *vprop) labels { return x.by }, func(x, best *vprop) bool {
		return quad.ToString(x.val) > quad.ToString(best.val)
	})
	if best == nil {
		return nil
	}
	return best.val
}

// latest picks among statements what a read gives of a single-valued fact: the only one,
// else the one the most recently ingested document states (see compareStated), then the one
// wins says wins a tie. The documents are read only once a second statement appears.
func latest[T any](v *view, xs iter.Seq[*T], by func(*T) labels, wins func(x, best *T) bool) *T {
	var (
		best  *T
		bestT time.Time
		bestL = int32(-1) // -1 while a single statement is known
	)
	for x := range xs {
		if best == nil {
			best = x
			continue
		}
		if bestL < 0 {
			bestT, bestL = v.latestLabel(by(best))
		}
		t, l := v.latestLabel(by(x))
		if c := v.compareStated(t, l, bestT, bestL); c > 0 || c == 0 && wins(x, best) {
			best, bestT, bestL = x, t, l
		}
	}
	return best
}

// latestLabel is the most recently ingested of some documents (then the greatest ID).
func (v *view) latestLabel(by labels) (time.Time, int32) {
	var (
		bt time.Time
		bl int32 = -1
	)
	for l := range v.sets.each(by) {
		t := v.docTime(l)
		if bl < 0 || v.compareStated(t, l, bt, bl) > 0 {
			bt, bl = t, l
		}
	}
	return bt, bl
}

// compareStated orders two statements by their documents, as Store reads do: the later
// ingest first, then the greater document ID; 0 when both are the same document's.
func (v *view) compareStated(t time.Time, l int32, bt time.Time, bl int32) int {
	return cmp.Or(t.Compare(bt), cmp.Compare(v.nodes[l].id, v.nodes[bl].id))
}

// propString is prop as a string ("" when absent).
func (v *view) propString(n int32, p quad.IRI) string { return str(v.prop(n, p)) }

// ofKind lists the nodes of a kind the graph holds, in index order.
func (v *view) ofKind(k NodeKind) []int32 {
	var out []int32
	for _, n := range v.byKind[k] {
		if v.kindOf(n) == k {
			out = append(out, n)
		}
	}
	return out
}

// ids turns node indexes into IDs.
func (v *view) ids(ns []int32) []ID {
	out := make([]ID, len(ns))
	for i, n := range ns {
		out[i] = v.nodes[n].id
	}
	return out
}

// languages are the languages of the documents stating a node.
func (v *view) languages(n int32) []string {
	var out []string
	for d := range v.sets.each(v.nodes[n].sources) {
		if l := v.propString(d, pLanguage); l != "" && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}
