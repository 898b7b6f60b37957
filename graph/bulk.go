package graph

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	hkv "github.com/hidal-go/hidalgo/kv"
	"google.golang.org/protobuf/proto"
)

// The bulk writer: the quads of documents the store has never held, written straight into
// Cayley's kv structures, exactly as Cayley's own ApplyDeltas would write them, without its
// per-quad work.
//
// Cayley's kv store keeps, in one kv database:
//
//   - a node per distinct value: bucket "v"+hash[0:2], key the value's hash → its ID (a
//     uvarint); bucket "n"+hash[0:2], same key → how many quad directions name it (a uvarint;
//     the node goes when it reaches 0); and in the log, under its ID, a Primitive holding the
//     value;
//   - a quad per (subject, predicate, object, label): in the log, under its ID, a Primitive
//     with the IDs of its four nodes; and its ID appended to the list, under each index (one
//     bucket per index, named by its directions' prefixes), of the key made of its nodes'
//     IDs in those directions (uvarints in increasing order);
//   - in "meta": "horizon", the last ID given to a node or quad, and "size", the number of
//     live quads (both little-endian int64).
//
// A document whose label node does not exist has no quad in the store: its quads can be
// neither duplicates of stored quads nor removals, so none of Cayley's existence checks
// (one index read per quad, and the log reads that follow) can find anything, and it is
// safe to skip them. Quads repeated within a document are written once (Cayley ignores a
// duplicate within one call too). Reference counts are exact, so later replacements and
// deletions through ApplyDeltas see what they would have seen had Cayley written the quads.

// freshDoc is one document to write with writeFresh: its quads, all labelled with it.
type freshDoc struct {
	quads   []quad.Quad
	written []quad.Quad // the quads written (repeats removed), set by writeFresh
	added   int         // len(written)
}

// bulkNode is a value named by the quads being written.
type bulkNode struct {
	hash refs.ValueHash
	val  quad.Value
	refs uint64 // quad directions naming it in this write
	id   uint64
	old  uint64 // its reference count before, when it existed
}

// writeFresh writes docs, which the store must not hold (no quad labelled with any of them),
// into tx, a write transaction on the kv database under a Cayley kv store with indexes.
func writeFresh(ctx context.Context, tx hkv.Tx, indexes []kv.QuadIndex, docs []*freshDoc) error {
	if len(indexes) == 0 {
		return errors.New("graph: the kv store has no indexes")
	}
	w := bulkWriter{ctx: ctx, tx: tx, nodes: make(map[refs.ValueHash]*bulkNode), iris: make(map[quad.IRI]*bulkNode)}
	// Resolve every quad's nodes, counting references; drop a document's repeated quads.
	var quads [][4]*bulkNode
	for _, d := range docs {
		seen := make(map[[4]*bulkNode]struct{}, len(d.quads))
		for _, q := range d.quads {
			var n [4]*bulkNode
			for i, v := range [4]quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
				if v == nil {
					if i == 3 {
						return fmt.Errorf("graph: bulk quad %v has no label", q)
					}
					return fmt.Errorf("graph: bulk quad %v has a nil value", q)
				}
				n[i] = w.node(v)
			}
			if _, dup := seen[n]; dup {
				continue
			}
			seen[n] = struct{}{}
			for _, x := range n {
				x.refs++
			}
			quads = append(quads, n)
			d.written = append(d.written, q)
			d.added++
		}
	}
	if err := w.resolve(); err != nil {
		return err
	}
	// IDs: new nodes first, then quads, as Cayley gives them.
	horizon, err := w.metaInt(metaHorizon)
	if err != nil {
		return err
	}
	next := uint64(horizon) + 1
	now := time.Now().UnixNano()
	var buf []byte
	for _, n := range w.sorted {
		if n.id != 0 {
			continue
		}
		n.id = next
		next++
		val, err := pquads.MarshalValue(n.val)
		if err != nil {
			return fmt.Errorf("graph: encoding %v: %w", n.val, err)
		}
		if err := w.log(&cproto.Primitive{ID: n.id, Value: val, Timestamp: now}, &buf); err != nil {
			return err
		}
		if err := w.put(nodeKey('v', n.hash), binary.AppendUvarint(nil, n.id)); err != nil {
			return err
		}
	}
	for _, n := range w.sorted {
		if err := w.put(nodeKey('n', n.hash), binary.AppendUvarint(nil, n.old+n.refs)); err != nil {
			return err
		}
	}
	// Each quad's key under each index, then the keys in order: the IDs of one key are
	// appended to its list in one put (IDs grow, so each list stays sorted).
	entries := make([][]indexEntry, len(indexes))
	for i := range entries {
		entries[i] = make([]indexEntry, 0, len(quads))
	}
	for _, q := range quads {
		p := cproto.Primitive{ID: next, Subject: q[0].id, Predicate: q[1].id, Object: q[2].id, Label: q[3].id, Timestamp: now}
		next++
		if err := w.log(&p, &buf); err != nil {
			return err
		}
		for i, ind := range indexes {
			e := indexEntry{id: p.ID}
			for j, d := range ind.Dirs {
				binary.BigEndian.PutUint64(e.key[8*j:], p.GetDirection(d))
			}
			entries[i] = append(entries[i], e)
		}
	}
	for i, ind := range indexes {
		bucket, n := indexBucket(ind), 8*len(ind.Dirs)
		es := entries[i]
		slices.SortFunc(es, func(a, b indexEntry) int {
			return cmp.Or(bytes.Compare(a.key[:n], b.key[:n]), cmp.Compare(a.id, b.id))
		})
		for len(es) > 0 {
			same := 1
			for same < len(es) && es[same].key == es[0].key {
				same++
			}
			full := hkv.Key{bucket, bytes.Clone(es[0].key[:n])}
			old, err := w.get(full)
			if err != nil {
				return err
			}
			v := make([]byte, len(old), len(old)+binary.MaxVarintLen64*same)
			copy(v, old)
			for _, e := range es[:same] {
				v = binary.AppendUvarint(v, e.id)
			}
			if err := w.put(full, v); err != nil {
				return err
			}
			es = es[same:]
		}
	}
	if err := w.putMetaInt(metaHorizon, int64(next-1)); err != nil {
		return err
	}
	size, err := w.metaInt(metaSize)
	if err != nil {
		return err
	}
	return w.putMetaInt(metaSize, size+int64(len(quads)))
}

// indexEntry is a quad's key under an index (its nodes' IDs in the index's directions, 8
// bytes each, zeros after) and the quad's ID.
type indexEntry struct {
	key [32]byte
	id  uint64
}

var (
	metaHorizon = []byte("horizon")
	metaSize    = []byte("size")
)

type bulkWriter struct {
	ctx    context.Context
	tx     hkv.Tx
	nodes  map[refs.ValueHash]*bulkNode
	iris   map[quad.IRI]*bulkNode // the same nodes by IRI, to hash each IRI once
	sorted []*bulkNode            // nodes by hash, once resolved
}

// node returns the node of v, adding it if new to this write.
func (w *bulkWriter) node(v quad.Value) *bulkNode {
	iri, isIRI := v.(quad.IRI)
	if isIRI {
		if n, ok := w.iris[iri]; ok {
			return n
		}
	}
	h := refs.HashOf(v)
	n, ok := w.nodes[h]
	if !ok {
		n = &bulkNode{hash: h, val: v}
		w.nodes[h] = n
	}
	if isIRI {
		w.iris[iri] = n
	}
	return n
}

// resolve reads, in hash order, the ID and reference count of every node that exists.
func (w *bulkWriter) resolve() error {
	w.sorted = make([]*bulkNode, 0, len(w.nodes))
	for _, n := range w.nodes {
		w.sorted = append(w.sorted, n)
	}
	slices.SortFunc(w.sorted, func(a, b *bulkNode) int { return bytes.Compare(a.hash[:], b.hash[:]) })
	for _, n := range w.sorted {
		b, err := w.get(nodeKey('v', n.hash))
		if err != nil {
			return err
		}
		if len(b) == 0 {
			continue
		}
		id, k := binary.Uvarint(b)
		if k <= 0 || id == 0 {
			return fmt.Errorf("graph: corrupt node entry for %v", n.val)
		}
		n.id = id
		if b, err = w.get(nodeKey('n', n.hash)); err != nil {
			return err
		}
		if len(b) > 0 {
			if n.old, k = binary.Uvarint(b); k <= 0 {
				return fmt.Errorf("graph: corrupt reference count for %v", n.val)
			}
		}
	}
	return nil
}

// get reads a key; nil if absent.
func (w *bulkWriter) get(k hkv.Key) ([]byte, error) {
	v, err := w.tx.Get(w.ctx, k)
	if errors.Is(err, hkv.ErrNotFound) {
		return nil, nil
	}
	return v, err
}

func (w *bulkWriter) put(k hkv.Key, v []byte) error { return w.tx.Put(w.ctx, k, v) }

// log writes a primitive into the log under its ID.
func (w *bulkWriter) log(p *cproto.Primitive, buf *[]byte) error {
	b, err := proto.MarshalOptions{}.MarshalAppend((*buf)[:0], p)
	if err != nil {
		return err
	}
	*buf = b
	// bbolt keeps the value slice until commit: give it its own copy.
	return w.put(hkv.Key{[]byte("log"), binary.BigEndian.AppendUint64(nil, p.ID)}, bytes.Clone(b))
}

func (w *bulkWriter) metaInt(name []byte) (int64, error) {
	b, err := w.get(hkv.Key{[]byte("meta"), name})
	if err != nil || b == nil {
		return 0, err
	}
	if len(b) != 8 {
		return 0, fmt.Errorf("graph: corrupt meta %s", name)
	}
	return int64(binary.LittleEndian.Uint64(b)), nil
}

func (w *bulkWriter) putMetaInt(name []byte, v int64) error {
	return w.put(hkv.Key{[]byte("meta"), name}, binary.LittleEndian.AppendUint64(nil, uint64(v)))
}

// nodeKey is a node's key in bucket kind ('v': its ID, 'n': its reference count).
func nodeKey(kind byte, h refs.ValueHash) hkv.Key {
	return hkv.Key{[]byte{kind, h[0], h[1]}, bytes.Clone(h[:])}
}

// indexBucket is the bucket of an index: its directions' prefixes.
func indexBucket(ind kv.QuadIndex) []byte {
	b := make([]byte, len(ind.Dirs))
	for i, d := range ind.Dirs {
		b[i] = d.Prefix()
	}
	return b
}
