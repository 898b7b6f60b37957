package graph

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/cayleygraph/quad"
)

// Reading a snapshot (the layout is described in viewsnap.go). The nodes' records are decoded
// in parts on all cores: a 100,000-resolution store's 3.4 million nodes took 6 s on one.
// Records have no length prefix, so while the first part is decoded from the start, a skim
// of the records (reading their counts, making nothing) finds where each next part begins
// and starts it there.

// loadView reads the snapshot in dir; ok is false when there is none, it is of another
// layout or another stamp (the caller then builds the view afresh); err says why a snapshot
// could not be read.
func loadView(dir string, stamp storeStamp) (v *view, ok bool, err error) {
	data, err := os.ReadFile(filepath.Join(dir, viewSnapshotFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, false, nil
	} else if err != nil {
		return nil, false, err
	}
	v, ok, err = decodeView(data, stamp)
	if err != nil {
		err = fmt.Errorf("view snapshot %s: %w", dir, err)
	}
	return v, ok, err
}

// nodesPerPart is the fewest nodes worth a part of their own.
const nodesPerPart = 50_000

// decodeView reads a snapshot's bytes (see loadView), on as many cores as it is worth.
func decodeView(data []byte, stamp storeStamp) (v *view, ok bool, err error) {
	return decodeViewParts(data, stamp, runtime.GOMAXPROCS(0), nodesPerPart)
}

// decodeViewParts is decodeView in at most parts parts of at least minPart nodes.
func decodeViewParts(data []byte, stamp storeStamp, parts, minPart int) (v *view, ok bool, err error) {
	if !bytes.HasPrefix(data, []byte(snapshotMagic)) {
		return nil, false, nil
	}
	r := &snapReader{b: data[len(snapshotMagic):]}
	got := storeStamp{Horizon: int64(r.uint()), Size: int64(r.uint())}
	if r.err != nil || got != stamp {
		return nil, false, r.err
	}
	if v, err = r.view(parts, minPart); err != nil {
		return nil, false, err
	}
	return v, true, nil
}

type snapReader struct {
	b   []byte
	err error
}

var errSnapshot = errors.New("damaged")

func (r *snapReader) uint() uint64 {
	if r.err != nil {
		return 0
	}
	x, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errSnapshot
		return 0
	}
	r.b = r.b[n:]
	return x
}

// index reads an index below n: of a node, a predicate, a property.
func (r *snapReader) index(n int) int32 {
	x := r.uint()
	if x >= uint64(n) {
		r.err = errSnapshot
		return 0
	}
	return int32(x)
}

func (r *snapReader) bytes(n int) []byte {
	if r.err != nil || len(r.b) < n {
		r.err = errSnapshot
		return nil
	}
	b := r.b[:n]
	r.b = r.b[n:]
	return b
}

// text reads a string's bytes (length, then bytes).
func (r *snapReader) text() []byte {
	n := r.uint()
	if n > uint64(len(r.b)) {
		r.err = errSnapshot
		return nil
	}
	return r.bytes(int(n))
}

func (r *snapReader) string() string { return string(r.text()) }

// count reads the length of a list of elements of at least one byte each.
func (r *snapReader) count() int {
	c := r.uint()
	if c > uint64(len(r.b)) {
		r.err = errSnapshot
		return 0
	}
	return int(c)
}

// skipLabels passes over labels as labels reads them.
func (r *snapReader) skipLabels(n int) {
	c := r.uint()
	if c == 0 || c > uint64(n) {
		r.err = errSnapshot
		return
	}
	for ; c > 0 && r.err == nil; c-- {
		r.index(n)
	}
}

// value reads a property value in N-Quads notation, parsed as the store gives it (times and
// integers as native values), once per distinct text: seen holds those parsed.
func (r *snapReader) value(seen map[string]quad.Value) quad.Value {
	raw := r.text()
	if r.err != nil {
		return nil
	}
	if val, ok := seen[string(raw)]; ok {
		return val
	}
	text := string(raw)
	val := quad.StringToValue(text)
	if ts, ok := val.(quad.TypedString); ok {
		if native, err := ts.ParseValue(); err == nil {
			val = native
		}
	}
	seen[text] = val
	return val
}

// uuidLen is the length of a UUID's text (8-4-4-4-12 hexadecimal digits).
const uuidLen = 36

// appendUUID appends the text of the UUID in b (16 bytes; zeros if shorter), as
// uuid.UUID.String writes it.
func appendUUID(dst, b []byte) []byte {
	var u [16]byte
	copy(u[:], b)
	for i, c := range u {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			dst = append(dst, '-')
		}
		dst = append(dst, hexDigits[c>>4], hexDigits[c&0xf])
	}
	return dst
}

const hexDigits = "0123456789abcdef"

// hubRoomFrom is the length from which a loaded list gets room to grow.
const hubRoomFrom = 1024

// room is the extra capacity a loaded list of c elements gets: a hub's lists grow with the
// next documents, and growing one copies it whole.
func room(c int) int {
	if c >= hubRoomFrom {
		return c / 8
	}
	return 0
}

// snapPart is one part of the nodes being decoded, [from, to), and what it gathered for the
// view as a whole, merged in order once every part is done.
type snapPart struct {
	r         snapReader
	from, to  int
	kindCount map[NodeKind]int64
	edgeCount []int64 // by predicate index
	indegree  []int32 // by node: the out-edges of this part's nodes that end there
	listed    []int32 // this part's nodes listed in byKind, in order
	docTimes  map[int32]time.Time
	values    map[string]quad.Value
	sets      labelSets // the sets of documents beyond their first, merged into the view's
	start     []byte    // the bytes from the part's first record on

	// The nodes' lists are cut from shared chunks: a few thousand allocations instead of
	// tens of millions, for the allocator now and for the collector at every cycle after.
	ints  chunks[int32]
	edges chunks[vedge]
	props chunks[vprop]
}

// chunkLen is the length of a chunk lists are cut from; longer lists get their own array.
const chunkLen = 8192

// chunks hands out slices cut from shared arrays.
type chunks[T any] struct{ free []T }

// take returns n zero elements with room for c (c >= n); appending past c reallocates, as
// the view's upkeep does when a list grows, so that no list runs into the next.
func (a *chunks[T]) take(n, c int) []T {
	if c > chunkLen/8 {
		return make([]T, n, c)
	}
	if len(a.free) < c {
		a.free = make([]T, chunkLen)
	}
	out := a.free[:n:c]
	a.free = a.free[c:]
	return out
}

// labels reads a set of documents (a count, at least one, then node indexes below n).
func (p *snapPart) labels(n int) labels {
	c := p.r.uint()
	if c == 0 || c > uint64(n) {
		p.r.err = errSnapshot
		return noLabels
	}
	return p.set(int(c), n)
}

// set reads c > 0 node indexes below n as a set of documents. A long set (a hub's) gets room
// to grow.
func (p *snapPart) set(c, n int) labels {
	r := &p.r
	by := oneLabel(r.index(n))
	if c > 1 {
		more := p.ints.take(c-1, c-1+room(c-1))
		for i := range more {
			more[i] = r.index(n)
		}
		by.more = p.sets.put(more)
	}
	return by
}

func (r *snapReader) view(parts, minPart int) (*view, error) {
	v := newView()
	v.quads = int64(r.uint())
	v.last = time.Unix(0, int64(r.uint())).UTC()
	n64 := r.uint()
	if r.err != nil || n64 > uint64(len(r.b))/16 {
		return nil, errSnapshot
	}
	n := int(n64)
	nk := r.count()
	if nk > maxKinds {
		return nil, errSnapshot
	}
	for range nk {
		if _, ok := v.kindIndex(NodeKind(r.string())); !ok || r.err != nil {
			return nil, errSnapshot
		}
	}
	if len(v.kinds) != nk+1 {
		return nil, errSnapshot // a kind twice
	}
	// Room for the nodes of the next few thousand documents: the first write after an open
	// would otherwise copy every node into a grown array.
	v.nodes = make([]vnode, n, n+n/16+1024)
	v.index = newNodeIndex(n + n/16 + 1024)
	// Node IDs: their text written into one block, one string cut into n (a string each would
	// be millions of objects for the collector to track).
	idText := make([]byte, n*uuidLen)

	parts = max(1, min(parts, n/max(minPart, 1)))
	ps := make([]*snapPart, parts)
	var wg sync.WaitGroup
	skim := *r
	for j := range ps {
		p := &snapPart{from: j * n / parts, to: (j + 1) * n / parts, kindCount: map[NodeKind]int64{},
			edgeCount: make([]int64, len(Predicates)), indegree: make([]int32, n),
			docTimes: map[int32]time.Time{}, values: map[string]quad.Value{}, sets: newLabelSets()}
		ps[j] = p
		if j > 0 {
			for i := ps[j-1].from; i < ps[j-1].to && skim.err == nil; i++ {
				skim.skipNode(n, nk)
			}
			if skim.err != nil {
				break // the part before meets the same damage and says so
			}
		}
		p.r, p.start = snapReader{b: skim.b}, skim.b
		wg.Go(func() { p.decode(v, n, idText) })
	}
	wg.Wait()
	for j, p := range ps {
		if p == nil {
			return nil, errSnapshot
		}
		if p.r.err != nil {
			return nil, p.r.err
		}
		if j+1 < len(ps) && ps[j+1] != nil && len(p.r.b) != len(ps[j+1].start) {
			return nil, errSnapshot // the skim and the decoding disagree on where a record ends
		}
	}
	indegree := ps[0].indegree
	for _, p := range ps {
		for k, c := range p.kindCount {
			v.kindCount[k] += c
		}
		for pi, c := range p.edgeCount {
			if c > 0 {
				v.edgeCount[Predicates[pi]] += c
			}
		}
		if p != ps[0] {
			for i, c := range p.indegree {
				indegree[i] += c
			}
		}
		for _, i := range p.listed {
			k := v.kindOf(i)
			v.byKind[k] = append(v.byKind[k], i)
		}
		if off := v.sets.merge(p.sets); off != 0 {
			p.shiftSets(v, off)
		}
		for i, t := range p.docTimes {
			v.doc(i).t = t
		}
	}

	for _, n := range v.byKind[KindResolution] {
		v.keepNewestKey(n)
	}

	ids := string(idText)
	for i := range v.nodes {
		v.nodes[i].id = ID(ids[i*uuidLen : (i+1)*uuidLen])
		v.nodes[i].key = idKey(v.nodes[i].id)
	}
	// The index by ID is built on another core while this one links the in-edges.
	indexed := make(chan struct{})
	go func() {
		defer close(indexed)
		for i := range v.nodes {
			v.index.add(v.nodes, int32(i))
		}
	}()
	defer func() { <-indexed }()
	// In-edges: one allocation for all, each node's slice capped so that a later append
	// reallocates instead of running into the next node's.
	total := 0
	for _, c := range indegree {
		total += int(c) + room(int(c))
	}
	all := make([]vedge, 0, total)
	for i := range v.nodes {
		start := len(all)
		all = all[:start+int(indegree[i])+room(int(indegree[i]))]
		v.nodes[i].in = all[start:start:len(all)]
	}
	for i := range v.nodes {
		for _, e := range v.nodes[i].out {
			v.nodes[e.other].in = append(v.nodes[e.other].in, vedge{pred: e.pred, other: int32(i), by: v.sets.clone(e.by)})
		}
		for src := range v.sets.each(v.nodes[i].sources) {
			d := v.doc(src)
			d.stated = append(d.stated, int32(i))
		}
	}
	return v, nil
}

// decode reads the records of the part's nodes into v.nodes and their IDs' text into idText
// (each part writes its own nodes only); the first error stays in p.r.err.
func (p *snapPart) decode(v *view, n int, idText []byte) {
	r := &p.r
	for i := p.from; i < p.to && r.err == nil; i++ {
		nd := &v.nodes[i]
		appendUUID(idText[i*uuidLen:i*uuidLen:(i+1)*uuidLen], r.bytes(16))
		if k := r.uint(); k > 0 {
			if k >= uint64(len(v.kinds)) {
				r.err = errSnapshot
				return
			}
			nd.kind = uint16(k)
			p.kindCount[v.kinds[k]]++
		}
		if nd.listed = r.uint() == 1; nd.listed {
			p.listed = append(p.listed, int32(i))
		}
		nd.sources = noLabels
		if c := r.count(); c > 0 {
			nd.sources = p.set(c, n)
		}
		if c := r.count(); c > 0 {
			nd.out = p.edges.take(c, c)
			for j := range nd.out {
				pi := r.index(len(Predicates))
				nd.out[j] = vedge{pred: uint8(pi), other: r.index(n), by: p.labels(n)}
				p.indegree[nd.out[j].other]++
				p.edgeCount[pi]++
			}
		}
		if c := r.count(); c > 0 {
			nd.props = p.props.take(c, c)
			for j := range nd.props {
				pi := r.index(len(trackedProps))
				val := r.value(p.values)
				nd.props[j] = vprop{p: uint8(pi), val: val, by: p.labels(n)}
				if trackedProps[pi] == pIngestedAt {
					if t, ok := val.(quad.Time); ok {
						p.docTimes[int32(i)] = time.Time(t)
					}
				}
			}
		}
	}
}

// skipNode passes over one node's record as decode reads it, making nothing.
func (r *snapReader) skipNode(n, kinds int) {
	r.bytes(16)
	if k := r.uint(); k > uint64(kinds) {
		r.err = errSnapshot
	}
	r.uint() // listed
	for c := r.count(); c > 0 && r.err == nil; c-- {
		r.index(n)
	}
	for c := r.count(); c > 0 && r.err == nil; c-- {
		r.index(len(Predicates))
		r.index(n)
		r.skipLabels(n)
	}
	for c := r.count(); c > 0 && r.err == nil; c-- {
		r.index(len(trackedProps))
		r.text()
		r.skipLabels(n)
	}
}

// shiftSets moves the part's nodes' sets of documents by off, once the part's labelSets
// are merged into the view's (see labelSets.merge).
func (p *snapPart) shiftSets(v *view, off int32) {
	for i := p.from; i < p.to; i++ {
		nd := &v.nodes[i]
		nd.sources = nd.sources.shift(off)
		for j := range nd.out {
			nd.out[j].by = nd.out[j].by.shift(off)
		}
		for j := range nd.props {
			nd.props[j].by = nd.props[j].by.shift(off)
		}
	}
}
