package graph

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"

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

// labels writes a set of documents: a count of node indexes, then each.
func (w *snapWriter) labels(sets *labelSets, ls labels) {
	w.uint(uint64(sets.count(ls)))
	for l := range sets.each(ls) {
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
	w.uint(uint64(len(v.kinds) - 1))
	for _, k := range v.kinds[1:] {
		w.string(string(k))
	}
	for i := range v.nodes {
		nd := &v.nodes[i]
		u, err := uuid.Parse(string(nd.id))
		if err != nil {
			return fmt.Errorf("view snapshot: node ID %q: %w", nd.id, err)
		}
		w.bytes(u[:])
		w.uint(uint64(nd.kind))
		listed := uint64(0)
		if nd.listed {
			listed = 1
		}
		w.uint(listed)
		w.labels(&v.sets, nd.sources)
		w.uint(uint64(len(nd.out)))
		for _, e := range nd.out {
			w.uint(uint64(e.pred))
			w.uint(uint64(e.other))
			w.labels(&v.sets, e.by)
		}
		w.uint(uint64(len(nd.props)))
		for _, p := range nd.props {
			w.uint(uint64(p.p))
			w.string(quad.ToString(p.val))
			w.labels(&v.sets, p.by)
		}
	}
	return w.err
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
