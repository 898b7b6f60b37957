package graph

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

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

// snapshotVersion changes whenever the snapshot's layout or the view's contents change.
const snapshotVersion = 2

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

// viewSnapshot is the view as saved: nodes by index, each with what apply would have built.
type viewSnapshot struct {
	Version int
	Stamp   storeStamp
	Quads   int64
	Last    time.Time
	Nodes   []snapNode
}

type snapNode struct {
	ID      ID
	Kind    NodeKind
	Listed  bool
	Sources []int32
	Out     []snapEdge
	Props   []snapProp
}

type snapEdge struct {
	Pred   uint8 // index in Predicates
	Other  int32
	Labels []int32
}

type snapProp struct {
	P      uint8  // index in trackedProps
	Key    string // the value in N-Quads notation (quad.ToString)
	Labels []int32
}

// saveView writes the view to dir, stamped: to a temporary file, synced, then renamed, so a
// crash leaves the old snapshot or the new one, never half of one.
func saveView(v *view, dir string, stamp storeStamp) error {
	v.mu.RLock()
	snap := viewSnapshot{Version: snapshotVersion, Stamp: stamp, Quads: v.quads, Last: v.last, Nodes: make([]snapNode, len(v.nodes))}
	for i := range v.nodes {
		nd := &v.nodes[i]
		sn := snapNode{ID: nd.id, Kind: nd.kind, Listed: nd.listed, Sources: nd.sources}
		for _, e := range nd.out {
			sn.Out = append(sn.Out, snapEdge{Pred: e.pred, Other: e.other, Labels: e.by.all()})
		}
		for _, p := range nd.props {
			sn.Props = append(sn.Props, snapProp{P: p.p, Key: quad.ToString(p.val), Labels: p.by.all()})
		}
		snap.Nodes[i] = sn
	}
	v.mu.RUnlock()

	f, err := os.CreateTemp(dir, viewSnapshotFile+".*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // after the rename, a no-op
	w := bufio.NewWriterSize(f, 1<<20)
	if err := gob.NewEncoder(w).Encode(&snap); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), filepath.Join(dir, viewSnapshotFile))
}

// loadView reads the snapshot in dir; ok is false when there is none, it is of another
// version or another stamp, or it cannot be read (the caller then builds the view afresh).
func loadView(dir string, stamp storeStamp) (v *view, ok bool, err error) {
	f, err := os.Open(filepath.Join(dir, viewSnapshotFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, false, nil
	} else if err != nil {
		return nil, false, err
	}
	defer f.Close()
	var snap viewSnapshot
	if err := gob.NewDecoder(bufio.NewReaderSize(f, 1<<20)).Decode(&snap); err != nil {
		return nil, false, fmt.Errorf("view snapshot %s: %w", f.Name(), err)
	}
	if snap.Version != snapshotVersion || snap.Stamp != stamp {
		return nil, false, nil
	}
	return fromSnapshot(&snap)
}

// fromSnapshot rebuilds the view: nodes, both directions of every edge, counts, documents'
// own facts.
func fromSnapshot(snap *viewSnapshot) (*view, bool, error) {
	v := newView()
	v.quads, v.last = snap.Quads, snap.Last
	n := int32(len(snap.Nodes))
	v.nodes = make([]vnode, n)
	v.index = make(map[ID]int32, n)
	bad := func(what string) (*view, bool, error) {
		return nil, false, fmt.Errorf("view snapshot: %s out of range", what)
	}
	set := func(ls []int32) (labels, bool) {
		if len(ls) == 0 {
			return labels{first: -1}, false
		}
		for _, l := range ls {
			if l < 0 || l >= n {
				return labels{}, false
			}
		}
		by := oneLabel(ls[0])
		if len(ls) > 1 {
			rest := slices.Clone(ls[1:])
			by.more = &rest
		}
		return by, true
	}
	for i := range snap.Nodes {
		sn := &snap.Nodes[i]
		nd := &v.nodes[i]
		nd.id, nd.kind, nd.listed, nd.sources = sn.ID, sn.Kind, sn.Listed, sn.Sources
		v.index[sn.ID] = int32(i)
		if nd.listed {
			v.byKind[nd.kind] = append(v.byKind[nd.kind], int32(i))
		}
		if nd.kind != "" {
			v.kindCount[nd.kind]++
		}
		for _, p := range sn.Props {
			by, ok := set(p.Labels)
			if !ok || int(p.P) >= len(trackedProps) {
				return bad("value")
			}
			val := quad.StringToValue(p.Key)
			if ts, ok := val.(quad.TypedString); ok { // times and integers, as the store gives them
				if native, err := ts.ParseValue(); err == nil {
					val = native
				}
			}
			nd.props = append(nd.props, vprop{p: p.P, val: val, by: by})
			if trackedProps[p.P] == pIngestedAt {
				if t, ok := val.(quad.Time); ok {
					v.doc(int32(i)).t = time.Time(t)
				}
			}
		}
	}
	for i := range snap.Nodes {
		for _, src := range snap.Nodes[i].Sources {
			if src < 0 || src >= n {
				return bad("source")
			}
			d := v.doc(src)
			d.stated = append(d.stated, int32(i))
		}
		for _, e := range snap.Nodes[i].Out {
			by, ok := set(e.Labels)
			if !ok || int(e.Pred) >= len(Predicates) || e.Other < 0 || e.Other >= n {
				return bad("edge")
			}
			v.nodes[i].out = append(v.nodes[i].out, vedge{pred: e.Pred, other: e.Other, by: by})
			v.nodes[e.Other].in = append(v.nodes[e.Other].in, vedge{pred: e.Pred, other: int32(i), by: by})
			v.edgeCount[Predicates[e.Pred]]++
		}
	}
	return v, true, nil
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
