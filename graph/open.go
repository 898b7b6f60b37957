package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	_ "github.com/cayleygraph/cayley/graph/kv/bbolt" // registers Cayley's bbolt backend (cayley CLI tools can open the same directory)
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	"go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// Backends accepted by Config.Backend.
const (
	BackendBolt     = "bolt"     // embedded bbolt file in a directory (the default)
	BackendMemory   = "memory"   // in-process, for tests; lost on Close
	BackendPostgres = "postgres" // shared PostgreSQL database; Path is the DSN
)

// DefaultOpenTimeout is how long Open waits for another process's lock on the bolt file.
const DefaultOpenTimeout = 2 * time.Second

// Config says which store to open.
type Config struct {
	Backend     string        // "bolt" (default; the kv/bbolt embedded store, a directory), "memory" (tests), "postgres"
	Path        string        // directory for bolt (created if missing); DSN for postgres
	OpenTimeout time.Duration // how long to wait for another process's lock on the bolt file; default 2s
	// PollInterval is how often a store on postgres looks for other servers' writes (see
	// pgsync.go); default DefaultPollInterval.
	PollInterval time.Duration
}

// boltFile is the database file inside the store directory; the name is the one Cayley's own
// bbolt backend uses, so that Cayley's tools can open a copy of the directory.
const boltFile = "indexes.bolt"

// Open opens (creating if needed) the store that cfg describes. For bolt, when another
// process holds the file for longer than cfg.OpenTimeout, it returns an error wrapping
// ErrStoreLocked. A bolt store is created with a label index, which Open checks is there, so
// that replacing or deleting a document reads only that document's quads.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	s, err := open(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if s.view, err = s.openView(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("reading the graph into memory: %w", err)
	}
	if err := s.openSearch(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("opening the search index: %w", err)
	}
	if s.pg != nil {
		interval := cfg.PollInterval
		if interval <= 0 {
			interval = DefaultPollInterval
		}
		go s.poll(interval)
	}
	return s, nil
}

// openView loads the view from its snapshot when the store is as the snapshot describes it
// (bolt), else builds it from the quads. A snapshot that cannot be read is ignored.
func (s *Store) openView(ctx context.Context) (*view, error) {
	if s.kvdb != nil && s.path != "" {
		removeSnapshotLeftovers(s.path)
		stamp, err := s.kvStamp(ctx)
		if err != nil {
			return nil, err
		}
		if v, ok, _ := loadView(s.path, stamp); ok {
			return v, nil
		}
	}
	return s.buildView(ctx)
}

// removeSnapshotLeftovers removes the temporary files of snapshots a process was killed while
// writing (each as big as a snapshot). The caller holds the store's lock: no other process
// writes one.
func removeSnapshotLeftovers(dir string) {
	tmps, _ := filepath.Glob(filepath.Join(dir, viewSnapshotFile+".*"))
	for _, t := range tmps {
		_ = os.Remove(t) // best effort: a file left is only space
	}
}

func open(ctx context.Context, cfg Config) (*Store, error) {
	switch cfg.Backend {
	case "", BackendBolt:
		return openBolt(ctx, cfg)
	case BackendMemory:
		return newStore(memstore.New(), BackendMemory, "", true), nil
	case BackendPostgres:
		return openPostgres(ctx, cfg)
	}
	return nil, fmt.Errorf("unknown store backend %q (want %q, %q or %q)", cfg.Backend, BackendBolt, BackendMemory, BackendPostgres)
}

// labelIndex indexes quads by label: what deleting or replacing a document looks up.
var labelIndex = kv.QuadIndex{Dirs: []quad.Direction{quad.Label}}

// The indexes of a kv store. Cayley keeps, under each key of an index, the list of the IDs of
// the quads with those values, and rewrites the whole list to append one. Every document
// restates the kind and names of the countries, institutions and topics it names, each under
// its own label: under subject+predicate or object+predicate+subject keys, the list of
// (Commission, kind) holds a quad per document, and a write rewrote a few megabytes of such
// lists at 100,000 documents. Stores made now key both indexes by the label too: a list then
// holds one document's quads, and a read of a hub scans keys under a prefix instead of
// decoding one long list. Stores made before keep their indexes and are read with them.
var (
	indexSP   = kv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate}}
	indexOPS  = kv.QuadIndex{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}}
	indexSPL  = kv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate, quad.Label}}
	indexOPSL = kv.QuadIndex{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject, quad.Label}}
)

// kvLayout names the indexes reads scan: by subject and predicate, by triple (object,
// predicate, subject), by label.
type kvLayout struct{ sp, ops kv.QuadIndex }

var (
	layoutLabelled = kvLayout{sp: indexSPL, ops: indexOPSL} // stores made now
	layoutLegacy   = kvLayout{sp: indexSP, ops: indexOPS}   // stores made before
)

// all are the indexes a store of this layout is made with.
func (l kvLayout) all() []kv.QuadIndex { return []kv.QuadIndex{l.sp, l.ops, labelIndex} }

var setIndexes sync.Once

// useLabelledIndexes makes kv.DefaultQuadIndexes, which kv.Init writes into a new store's
// metadata (the CAYLEY_KV_INDEXES variable is ignored by this Cayley), the labelled layout's.
// It changes the default for every kv store this process creates.
func useLabelledIndexes() {
	setIndexes.Do(func() { kv.DefaultQuadIndexes = layoutLabelled.all() })
}

func openBolt(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.Path == "" {
		return nil, errors.New("bolt store: no directory given")
	}
	if err := os.MkdirAll(cfg.Path, 0o700); err != nil {
		return nil, fmt.Errorf("bolt store: %w", err)
	}
	timeout := cfg.OpenTimeout
	if timeout <= 0 {
		timeout = DefaultOpenTimeout
	}
	// Cayley's bbolt backend opens the file with no timeout: a second process would hang
	// forever on the file lock. Open it here and hand it to kv.New.
	db, err := hbolt.Open(filepath.Join(cfg.Path, boltFile), &bbolt.Options{Timeout: timeout, InitialMmapSize: initialMmapSize})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, &lockedError{dir: cfg.Path}
	} else if err != nil {
		return nil, fmt.Errorf("bolt store %s: %w", cfg.Path, err)
	}
	jdb := newJoinKV(db)
	qs, indexes, layout, err := initKV(ctx, jdb)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("bolt store %s: %w", cfg.Path, err)
	}
	st := newStore(qs, BackendBolt, cfg.Path, false)
	st.kvdb = jdb
	st.kvIndexes = indexes
	st.layout = layout
	if err := st.checkInitialLoad(); err != nil {
		db.Close()
		return nil, err
	}
	return st, nil
}

// initKV creates Cayley's buckets in a new kv database (with the labelled indexes), finds
// the layout of its indexes, and opens it without bloom filters: they cost ~300 MB and a full
// rescan of the log on every open, and every write here is checked against the indexes.
func initKV(ctx context.Context, db hkv.KV) (cgraph.QuadStore, []kv.QuadIndex, kvLayout, error) {
	useLabelledIndexes()
	if err := kv.Init(db, kvOptions); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
		return nil, nil, kvLayout{}, err
	}
	indexes, layout, err := checkIndexes(ctx, db)
	if err != nil {
		return nil, nil, kvLayout{}, err
	}
	qs, err := kv.New(db, kvOptions)
	return qs, indexes, layout, err
}

// kvOptions are the options kv stores are opened with.
var kvOptions = cgraph.Options{kv.OptNoBloom: true}

// checkIndexes returns the store's indexes and their layout, after checking it has the
// indexes of one.
func checkIndexes(ctx context.Context, db hkv.KV) ([]kv.QuadIndex, kvLayout, error) {
	var have []kv.QuadIndex
	err := hkv.View(ctx, db, func(tx hkv.Tx) error {
		data, err := tx.Get(ctx, hkv.Key{[]byte("meta"), []byte("indexes")})
		if err != nil {
			return fmt.Errorf("reading index metadata: %w", err)
		}
		return json.Unmarshal(data, &have)
	})
	if err != nil {
		return nil, kvLayout{}, err
	}
	hasAll := func(l kvLayout) bool {
		for _, want := range l.all() {
			if !slices.ContainsFunc(have, func(h kv.QuadIndex) bool { return slices.Equal(h.Dirs, want.Dirs) }) {
				return false
			}
		}
		return true
	}
	for _, l := range []kvLayout{layoutLabelled, layoutLegacy} {
		if hasAll(l) {
			return have, l, nil
		}
	}
	return nil, kvLayout{}, fmt.Errorf("the store's indexes %v are not eurel's (created by another tool?); export it and import it into a new store", have)
}

// initialMmapSize is the address space bbolt maps the file into when it opens it (64-bit
// only: it is address space, not memory). bbolt remaps when the file outgrows its map, and a
// remap during a write copies every page the transaction has touched out of the old map: a
// bulk load spent a seventh of its time there.
const initialMmapSize = (strconv.IntSize / 64) << 34 // 16 GiB on 64-bit platforms, 0 (bbolt's default) on 32-bit

// lockedError says which store is locked; it wraps ErrStoreLocked.
type lockedError struct{ dir string }

func (e *lockedError) Error() string {
	return "store " + e.dir + " is in use by another eurel process (a running server?)"
}

func (e *lockedError) Unwrap() error { return ErrStoreLocked }
