package graph

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/google/uuid"
	hkv "github.com/hidal-go/hidalgo/kv"

	"github.com/cayleygraph/quad"
)

// Building the view reads every quad of the store, about 100,000 quads a second on bbolt:
// minutes for a store of 100,000 resolutions. So on bolt the view is also saved to a file
// beside the store when the store closes, stamped with the state of the store it describes,
// and loaded from it at the next open when the store is still in that state. A store written
// since (by a process that did not close cleanly, or by an older eurel) has another stamp:
// the view is then built from the quads, as it always can be.

// viewSnapshotFile is the file, in the store's directory, holding the view as it was when the
// store last closed.
const viewSnapshotFile = "view.snapshot"

// snapshotMagic starts a snapshot file; its last characters are the layout's version, which
// changes whenever the layout or the view's contents change.
const snapshotMagic = "eurel view snapshot 4\n"

// storeStamp identifies a state of a kv store: Cayley's horizon (the last ID it gave a node or
// quad, which every addition raises) and size (its quad count, which every removal lowers).
// No sequence of writes returns a store to an earlier stamp.
type storeStamp struct{ Horizon, Size int64 }

// kvStamp reads the stamp of a kv store.
func (s *Store) kvStamp(ctx context.Context) (storeStamp, error) {
	var st storeStamp
	err := hkv.View(ctx, s.kvdb, func(tx hkv.Tx) error {
		for _, m := range []struct {
			key string
			to  *int64
		}{{"horizon", &st.Horizon}, {"size", &st.Size}} {
			b, err := tx.Get(ctx, hkv.Key{[]byte("meta"), []byte(m.key)})
			if errors.Is(err, hkv.ErrNotFound) {
				continue
			} else if err != nil {
				return err
			}
			if len(b) == 8 {
				*m.to = int64(binary.LittleEndian.Uint64(b))
			}
		}
		return nil
	})
	return st, err
}

// The snapshot is a flat binary file, written and read in one pass (a store of 100,000
// resolutions has two million nodes and eight million edge ends: a generic encoding took
// over 20 s to read back):
//
//	magic, then uvarints: horizon, size, quads, last ingest (Unix ns), node count, and the
//	node kinds' table (count, then each as a string);
//	per node: its ID (16 bytes), kind (index in the table + 1, 0 for none), listed (0/1),
//	sources (count, then each), out-edges (count, then predicate index, other node, labels),
//	properties (count, then property index, value in N-Quads notation, labels).
//
// Strings are a uvarint length and bytes; labels a count and node indexes.

// saveView writes the view to dir, stamped: to a temporary file, synced, then renamed, so a
// crash leaves the old snapshot or the new one, never half of one.
func saveView(v *view, dir string, stamp storeStamp) error {
	f, err := os.CreateTemp(dir, viewSnapshotFile+".*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // after the rename, a no-op
	w := &snapWriter{w: bufio.NewWriterSize(f, 1<<20)}
	v.mu.RLock()
	err = w.view(v, stamp)
	v.mu.RUnlock()
	if err == nil {
		err = w.w.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(f.Name(), filepath.Join(dir, viewSnapshotFile))
}

type snapWriter struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
	err error
}

func (w *snapWriter) uint(x uint64) {
	if w.err == nil {
		_, w.err = w.w.Write(binary.AppendUvarint(w.buf[:0], x))
	}
}

func (w *snapWriter) bytes(b []byte) {
	if w.err == nil {
		_, w.err = w.w.Write(b)
	}
}

func (w *snapWriter) string(s string) {
	w.uint(uint64(len(s)))
	if w.err == nil {
		_, w.err = w.w.WriteString(s)
	}
}

func (w *snapWriter) labels(ls []int32) {
	w.uint(uint64(len(ls)))
	for _, l := range ls {
		w.uint(uint64(l))
	}
}

func (w *snapWriter) view(v *view, stamp storeStamp) error {
	w.bytes([]byte(snapshotMagic))
	w.uint(uint64(stamp.Horizon))
	w.uint(uint64(stamp.Size))
	w.uint(uint64(v.quads))
	w.uint(uint64(v.last.UnixNano()))
	w.uint(uint64(len(v.nodes)))
	var kinds []NodeKind
	kindIndex := map[NodeKind]uint64{}
	for i := range v.nodes {
		if k := v.nodes[i].kind; k != "" {
			if _, ok := kindIndex[k]; !ok {
				kindIndex[k] = uint64(len(kinds)) + 1
				kinds = append(kinds, k)
			}
		}
	}
	w.uint(uint64(len(kinds)))
	for _, k := range kinds {
		w.string(string(k))
	}
	for i := range v.nodes {
		nd := &v.nodes[i]
		u, err := uuid.Parse(string(nd.id))
		if err != nil {
			return fmt.Errorf("view snapshot: node ID %q: %w", nd.id, err)
		}
		w.bytes(u[:])
		w.uint(kindIndex[nd.kind])
		listed := uint64(0)
		if nd.listed {
			listed = 1
		}
		w.uint(listed)
		w.labels(nd.sources)
		w.uint(uint64(len(nd.out)))
		for _, e := range nd.out {
			w.uint(uint64(e.pred))
			w.uint(uint64(e.other))
			w.labels(e.by.all())
		}
		w.uint(uint64(len(nd.props)))
		for _, p := range nd.props {
			w.uint(uint64(p.p))
			w.string(quad.ToString(p.val))
			w.labels(p.by.all())
		}
	}
	return w.err
}

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

// decodeView reads a snapshot's bytes (see loadView).
func decodeView(data []byte, stamp storeStamp) (v *view, ok bool, err error) {
	if !bytes.HasPrefix(data, []byte(snapshotMagic)) {
		return nil, false, nil
	}
	r := &snapReader{b: data[len(snapshotMagic):]}
	got := storeStamp{Horizon: int64(r.uint()), Size: int64(r.uint())}
	if r.err != nil || got != stamp {
		return nil, false, r.err
	}
	if v, err = r.view(); err != nil {
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

// index reads a node index below n.
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

func (r *snapReader) string() string {
	n := r.uint()
	if n > uint64(len(r.b)) {
		r.err = errSnapshot
		return ""
	}
	return string(r.bytes(int(n)))
}

func (r *snapReader) labels(n int) labels {
	c := r.uint()
	if c == 0 || c > uint64(n) {
		r.err = errSnapshot
		return labels{first: -1}
	}
	by := oneLabel(r.index(n))
	if c > 1 {
		more := make([]int32, c-1)
		for i := range more {
			more[i] = r.index(n)
		}
		by.more = &more
	}
	return by
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

func (r *snapReader) view() (*view, error) {
	v := newView()
	v.quads = int64(r.uint())
	v.last = time.Unix(0, int64(r.uint())).UTC()
	n64 := r.uint()
	if r.err != nil || n64 > uint64(len(r.b))/16 {
		return nil, errSnapshot
	}
	n := int(n64)
	nk := r.uint()
	if r.err != nil || nk > uint64(len(r.b)) {
		return nil, errSnapshot
	}
	kinds := make([]NodeKind, nk)
	for i := range kinds {
		kinds[i] = NodeKind(r.string())
	}
	// Room for the nodes of the next few thousand documents: the first write after an open
	// would otherwise copy every node into a grown array.
	v.nodes = make([]vnode, n, n+n/16+1024)
	v.index = make(map[ID]int32, n)
	indegree := make([]int32, n)
	room := func(c int32) int32 { // extra capacity for a hub's lists (see the in-edges below)
		if c >= hubRoomFrom {
			return c / 8
		}
		return 0
	}
	// Node IDs: their text written into one block, one string cut into n (a string each would
	// be millions of objects for the collector to track).
	idText := make([]byte, 0, n*uuidLen)
	for i := 0; i < n && r.err == nil; i++ {
		nd := &v.nodes[i]
		idText = appendUUID(idText, r.bytes(16))
		if k := r.uint(); k > 0 {
			if k > uint64(len(kinds)) {
				return nil, errSnapshot
			}
			nd.kind = kinds[k-1]
			v.kindCount[nd.kind]++
		}
		if nd.listed = r.uint() == 1; nd.listed {
			v.byKind[nd.kind] = append(v.byKind[nd.kind], int32(i))
		}
		if c := r.uint(); c > 0 && c <= uint64(n) {
			nd.sources = make([]int32, c, c+uint64(room(int32(c))))
			for j := range nd.sources {
				nd.sources[j] = r.index(n)
			}
		}
		if c := r.uint(); c > 0 && c <= uint64(len(r.b)) {
			nd.out = make([]vedge, c)
			for j := range nd.out {
				pi := r.uint()
				if pi >= uint64(len(Predicates)) {
					return nil, errSnapshot
				}
				nd.out[j] = vedge{pred: uint8(pi), other: r.index(n), by: r.labels(n)}
				indegree[nd.out[j].other]++
				v.edgeCount[Predicates[pi]]++
			}
		}
		if c := r.uint(); c > 0 && c <= uint64(len(r.b)) {
			nd.props = make([]vprop, c)
			for j := range nd.props {
				pi := r.uint()
				if pi >= uint64(len(trackedProps)) {
					return nil, errSnapshot
				}
				val := quad.StringToValue(r.string())
				if ts, ok := val.(quad.TypedString); ok { // times and integers, as the store gives them
					if native, err := ts.ParseValue(); err == nil {
						val = native
					}
				}
				nd.props[j] = vprop{p: uint8(pi), val: val, by: r.labels(n)}
				if trackedProps[pi] == pIngestedAt {
					if t, ok := val.(quad.Time); ok {
						v.doc(int32(i)).t = time.Time(t)
					}
				}
			}
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	ids := string(idText)
	for i := range v.nodes {
		v.nodes[i].id = ID(ids[i*uuidLen : (i+1)*uuidLen])
		v.index[v.nodes[i].id] = int32(i)
	}
	// In-edges: one allocation for all, each node's slice capped so that a later append
	// reallocates instead of running into the next node's. A hub gets an eighth more room:
	// the next documents add to it, and growing it copies the whole list.
	total := 0
	for _, c := range indegree {
		total += int(c + room(c))
	}
	all := make([]vedge, 0, total)
	for i := range v.nodes {
		start := len(all)
		all = all[:start+int(indegree[i]+room(indegree[i]))]
		v.nodes[i].in = all[start:start:len(all)]
	}
	for i := range v.nodes {
		for _, e := range v.nodes[i].out {
			v.nodes[e.other].in = append(v.nodes[e.other].in, vedge{pred: e.pred, other: int32(i), by: e.by.clone()})
		}
		for _, src := range v.nodes[i].sources {
			d := v.doc(src)
			d.stated = append(d.stated, int32(i))
		}
	}
	return v, nil
}

// saveViewSnapshot saves the view beside a bolt store, stamped with the store's state; the
// caller holds every lock (no write can slip in between).
func (s *Store) saveViewSnapshot() error {
	if s.kvdb == nil || s.path == "" || s.view == nil {
		return nil
	}
	stamp, err := s.kvStamp(context.Background())
	if err != nil {
		return fmt.Errorf("view snapshot: %w", err)
	}
	if err := saveView(s.view, s.path, stamp); err != nil {
		return fmt.Errorf("view snapshot: %w", err)
	}
	return nil
}
