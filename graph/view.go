package graph

import (
	"context"
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
type view struct {
	mu    sync.RWMutex
	index map[ID]int32
	nodes []vnode

	byKind    map[NodeKind][]int32 // nodes ever given each kind, in index order (absent ones included)
	edgeCount map[Predicate]int64  // distinct edges stated by at least one document
	kindCount map[NodeKind]int64   // nodes with a kind quad from at least one document
	quads     int64
	last      time.Time // the latest ingest time ever seen

	touched map[int32]bool // during apply: nodes whose effective properties must be recomputed
}

// vnode is one node of the view. Nodes are never removed, only emptied: a node no document
// states any more has no sources and is absent (kind "").
type vnode struct {
	id      ID
	kind    NodeKind
	listed  bool    // in byKind
	sources []int32 // documents stating its kind quad, by node index
	stated  []int32 // for a document: the nodes whose kind quad it states
	out, in []vedge
	props   []vprop   // the tracked properties' values, each with the documents stating it
	eff     []vval    // one value per tracked property: the one reads use (see effective)
	t       time.Time // for a document: its ingest time
}

// vedge is an edge from (out) or to (in) the node, with the documents stating it.
type vedge struct {
	pred   Predicate
	other  int32
	labels []int32
}

// vprop is one literal value of a tracked property, with the documents stating it.
type vprop struct {
	p      quad.IRI
	val    quad.Value
	key    string  // quad.ToString(val), to compare values
	labels []int32 // sorted
}

// vval is the value reads use of one property.
type vval struct {
	p   quad.IRI
	val quad.Value
}

// viewProps are the literal properties the view keeps: what lists filter, sort and facet on.
var viewProps = map[quad.IRI]bool{
	pAdopted: true, pReference: true, pProcedureType: true, pPosition: true, pCode: true, pKey: true,
	pInstitutionKind: true, pLanguage: true, pIngestedAt: true, pDocumentKind: true, pDate: true,
}

// edgePreds maps the IRI of every edge predicate to the predicate.
var edgePreds = func() map[quad.IRI]Predicate {
	m := map[quad.IRI]Predicate{}
	for _, p := range Predicates {
		m[p.IRI()] = p
	}
	return m
}()

func newView() *view {
	return &view{index: map[ID]int32{}, byKind: map[NodeKind][]int32{}, edgeCount: map[Predicate]int64{},
		kindCount: map[NodeKind]int64{}, touched: map[int32]bool{}}
}

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
	v.settle()
}

// add adds quads (building the view).
func (v *view) add(qs []quad.Quad) {
	v.mu.Lock()
	defer v.mu.Unlock()
	for _, q := range qs {
		v.one(q, true)
	}
	v.settle()
}

// settle recomputes the effective properties of the nodes the last quads touched: those whose
// tracked properties changed, and every node stated by a document whose ingest time changed
// (which may change which document's value wins).
func (v *view) settle() {
	for n := range v.touched {
		if v.nodes[n].kind == KindDocument {
			v.effective(n)
		}
	}
	for n := range v.touched {
		v.effective(n)
		if v.nodes[n].kind == KindDocument {
			for _, m := range v.nodes[n].stated {
				v.effective(m)
			}
		}
	}
	clear(v.touched)
}

// effective chooses, for each tracked property of a node, the value reads use: the only one
// when the documents agree, else that of the most recently ingested document stating it (then
// the greatest document ID, then the greatest value), as Store reads do. A document's own
// ingest time is kept on it.
func (v *view) effective(n int32) {
	nd := &v.nodes[n]
	nd.eff = nd.eff[:0]
	type best struct {
		i     int
		t     time.Time
		label int32
	}
	var bests []best
	for i, x := range nd.props {
		j := slices.IndexFunc(nd.eff, func(e vval) bool { return e.p == x.p })
		if j < 0 {
			nd.eff = append(nd.eff, vval{p: x.p, val: x.val})
			bests = append(bests, best{i: i, label: -1})
			continue
		}
		b := &bests[j]
		if b.label < 0 { // a second value: from now on, times decide
			b.t, b.label = v.latestLabel(nd.props[b.i].labels)
		}
		t, label := v.latestLabel(x.labels)
		if t.After(b.t) || t.Equal(b.t) && (v.nodes[label].id > v.nodes[b.label].id ||
			label == b.label && x.key > nd.props[b.i].key) {
			*b = best{i: i, t: t, label: label}
			nd.eff[j].val = x.val
		}
	}
	nd.t = time.Time{}
	if t, ok := v.prop(n, pIngestedAt).(quad.Time); ok {
		nd.t = time.Time(t)
	}
}

// latestLabel is the most recently ingested of some documents (then the greatest ID).
func (v *view) latestLabel(labels []int32) (time.Time, int32) {
	var (
		bt time.Time
		bl int32 = -1
	)
	for _, l := range labels {
		t := v.nodes[l].t
		if bl < 0 || t.After(bt) || t.Equal(bt) && v.nodes[l].id > v.nodes[bl].id {
			bt, bl = t, l
		}
	}
	return bt, bl
}

// node returns the index of a node, creating it.
func (v *view) node(id ID) int32 {
	if i, ok := v.index[id]; ok {
		return i
	}
	i := int32(len(v.nodes))
	v.nodes = append(v.nodes, vnode{id: id})
	v.index[id] = i
	return i
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
		return // evidence quads have edge IDs as subjects: those are nodes too, but not kept
	}
	switch {
	case p == pKind:
		n, label := v.node(subj), v.node(labelID)
		nd := &v.nodes[n]
		had := len(nd.sources) > 0
		nd.sources = setLabel(nd.sources, label, add)
		v.nodes[label].stated = setLabel(v.nodes[label].stated, n, add)
		nd = &v.nodes[n]
		if len(nd.sources) > 0 {
			nd.kind = NodeKind(str(q.Object))
			if !nd.listed {
				nd.listed = true
				v.byKind[nd.kind] = append(v.byKind[nd.kind], n)
			}
		}
		switch has := len(nd.sources) > 0; {
		case has && !had:
			v.kindCount[nd.kind]++
		case had && !has:
			v.kindCount[nd.kind]--
			nd.kind = ""
		}
	case edgePreds[p] != "":
		obj := idOfValue(q.Object)
		if obj == "" {
			return
		}
		pred := edgePreds[p]
		from, to, label := v.node(subj), v.node(obj), v.node(labelID)
		before := v.edgeLabels(from, pred, to)
		v.nodes[from].out = setEdge(v.nodes[from].out, pred, to, label, add)
		v.nodes[to].in = setEdge(v.nodes[to].in, pred, from, label, add)
		switch after := v.edgeLabels(from, pred, to); {
		case after > 0 && before == 0:
			v.edgeCount[pred]++
		case after == 0 && before > 0:
			v.edgeCount[pred]--
		}
	case viewProps[p]:
		n, label := v.node(subj), v.node(labelID)
		nd := &v.nodes[n]
		key := quad.ToString(q.Object)
		i := slices.IndexFunc(nd.props, func(x vprop) bool { return x.p == p && x.key == key })
		switch {
		case add && i < 0:
			nd.props = append(nd.props, vprop{p: p, val: q.Object, key: key, labels: []int32{label}})
		case i >= 0:
			nd.props[i].labels = setLabel(nd.props[i].labels, label, add)
			if len(nd.props[i].labels) == 0 {
				nd.props = slices.Delete(nd.props, i, i+1)
			}
		}
		v.touched[n] = true
		if t, ok := q.Object.(quad.Time); ok && p == pIngestedAt && add && time.Time(t).After(v.last) {
			v.last = time.Time(t)
		}
	}
}

func (v *view) edgeLabels(from int32, pred Predicate, to int32) int {
	for _, e := range v.nodes[from].out {
		if e.pred == pred && e.other == to {
			return len(e.labels)
		}
	}
	return 0
}

// setLabel adds or removes a label in a sorted set.
func setLabel(set []int32, label int32, add bool) []int32 {
	i, found := slices.BinarySearch(set, label)
	switch {
	case add && !found:
		return slices.Insert(set, i, label)
	case !add && found:
		return slices.Delete(set, i, i+1)
	}
	return set
}

// setEdge adds or removes one document's statement of an edge; an edge no document states
// any more is dropped.
func setEdge(edges []vedge, pred Predicate, other, label int32, add bool) []vedge {
	i := slices.IndexFunc(edges, func(e vedge) bool { return e.pred == pred && e.other == other })
	if i < 0 {
		if !add {
			return edges
		}
		return append(edges, vedge{pred: pred, other: other, labels: []int32{label}})
	}
	edges[i].labels = setLabel(edges[i].labels, label, add)
	if len(edges[i].labels) == 0 {
		return slices.Delete(edges, i, i+1)
	}
	return edges
}

// --- reads; the caller holds v.mu for reading ---

// lookup is the index of a node the graph holds, of one of the kinds if any are given.
func (v *view) lookup(id ID, kinds ...NodeKind) (int32, bool) {
	i, ok := v.index[id]
	if !ok || v.nodes[i].kind == "" {
		return 0, false
	}
	if len(kinds) > 0 && !slices.Contains(kinds, v.nodes[i].kind) {
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
	var res []int32
	for _, e := range edges {
		if e.pred == pred && v.nodes[e.other].kind != "" {
			res = append(res, e.other)
		}
	}
	return res
}

// docTime is a document's ingest time (zero when unknown).
func (v *view) docTime(doc int32) time.Time { return v.nodes[doc].t }

// prop is the value a read gives of a single-valued property (see effective); nil when none.
func (v *view) prop(n int32, p quad.IRI) quad.Value {
	for _, e := range v.nodes[n].eff {
		if e.p == p {
			return e.val
		}
	}
	return nil
}

// propString is prop as a string ("" when absent).
func (v *view) propString(n int32, p quad.IRI) string { return str(v.prop(n, p)) }

// ofKind lists the nodes of a kind the graph holds, in index order.
func (v *view) ofKind(k NodeKind) []int32 {
	var out []int32
	for _, n := range v.byKind[k] {
		if v.nodes[n].kind == k {
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
	for _, d := range v.nodes[n].sources {
		if l := v.propString(d, pLanguage); l != "" && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}
