package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"

	"github.com/eurel/eurel/graph/search"
	"github.com/eurel/eurel/internal/par"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// Store keeps documents in Cayley and answers read queries. It is safe for concurrent use:
// writes are serialised by a mutex (so that Put's check of the stored SHA256 and its write
// are atomic); reads run concurrently with each other. On bolt and memory, one read call (a
// batch of records, a list) sees each write entirely or not at all: on bolt, reads wait
// while a write's transaction applies and commits (a few milliseconds for one document,
// longer for a big PutBatch; Cayley caches node IDs outside its transactions, so reads must
// not overlap it); the memory backend, which has no locking of its own, holds reads off for
// the whole write. On postgres each of the queries a read makes sees whole writes.
type Store struct {
	qs             cgraph.QuadStore
	kvdb           *joinKV        // the kv database under qs (bolt); nil for other backends
	kvIndexes      []kv.QuadIndex // the indexes of the kv store (bolt), for the bulk writer
	layout         kvLayout       // the indexes kv reads scan (bolt)
	noBulk         bool           // tests: write every document through Cayley's ApplyDeltas
	allNodeBuckets bool           // bolt: every node bucket is known to exist (see boltTx.createNodeBuckets)
	backend        string
	path           string

	wmu       sync.Mutex   // held by every write, for its read-check-write
	rmu       sync.RWMutex // readers RLock; writers Lock it (memory: the whole write; kv: the transaction)
	lockReads bool         // memory: writers hold rmu for the whole write

	planMu sync.Mutex // serialises Cayley's query planning outside kv (the SQL optimiser is not safe for concurrent use)

	closeOnce sync.Once
	closed    chan struct{}

	applying atomic.Int32 // writes between the start of their commit and the end of their upkeep

	view  *view        // the read-optimised projection, kept in step by apply (view.go)
	cache *recordCache // records reads built, dropped by every write (cache.go)

	index       atomic.Pointer[search.Index] // the full-text index, kept in step by apply (searchindex.go)
	searchStale atomic.Bool                  // a write could not be indexed: searches fail until a rebuild
	texts       indexedTexts                 // the texts indexed for the nodes every document names again
	names       nameIndexCache               // the names a search query is translated by (searchnames.go)

	pg *pgChanges // postgres: the change log that keeps other servers' writes in view (pgsync.go)
}

var (
	_ Reader = (*Store)(nil)
	_ Writer = (*Store)(nil)
)

// ErrClosed is returned by every method of a closed Store.
var ErrClosed = errors.New("graph store is closed")

func newStore(qs cgraph.QuadStore, backend, path string, lockReads bool) *Store {
	return &Store{qs: qs, backend: backend, path: path, lockReads: lockReads, closed: make(chan struct{}), view: newView(),
		cache: newRecordCache(defaultCacheEntries)}
}

// Backend is the backend the store was opened with: "bolt", "memory" or "postgres".
func (s *Store) Backend() string { return s.backend }

// Close waits for a write in progress, then closes the store. Closing twice is harmless.
func (s *Store) Close() error {
	var err error
	s.closeOnce.Do(func() {
		changesErr := s.closeChanges() // first: its poller takes the write lock
		s.wmu.Lock()
		defer s.wmu.Unlock()
		s.rmu.Lock()
		defer s.rmu.Unlock()
		close(s.closed)
		snapErr := s.saveViewSnapshot()
		searchErr := s.closeSearch()
		err = errors.Join(s.qs.Close(), snapErr, searchErr, changesErr)
	})
	return err
}

func (s *Store) isClosed() bool {
	select {
	case <-s.closed:
		return true
	default:
		return false
	}
}

// readLock guards a public read; it returns the function that ends it.
func (s *Store) readLock() (func(), error) {
	s.rmu.RLock()
	if s.isClosed() {
		s.rmu.RUnlock()
		return nil, ErrClosed
	}
	return s.rmu.RUnlock, nil
}

// writeLock guards a write; it returns the function that ends it.
func (s *Store) writeLock() (func(), error) {
	s.wmu.Lock()
	if s.isClosed() {
		s.wmu.Unlock()
		return nil, ErrClosed
	}
	if s.lockReads {
		s.rmu.Lock()
		return func() { s.rmu.Unlock(); s.wmu.Unlock() }, nil
	}
	return s.wmu.Unlock, nil
}

// Put stores doc in one transaction, replacing exactly what an earlier document with the
// same Source.Key said. Storing the same SHA256 with the same facts again writes nothing
// (PutUnchanged), whenever and under whatever name; the same bytes read into other facts (a
// newer extractor) replace the old ones. A document that fails Validate is refused with an
// error wrapping ErrInvalidDocument, and nothing is written. A zero Source.IngestedAt is stored as the time of the write.
func (s *Store) Put(ctx context.Context, doc *Document) (PutResult, error) {
	res, err := s.PutBatch(ctx, []*Document{doc})
	if err != nil {
		return PutResult{}, err
	}
	return res[0], nil
}

// PutBatch stores many documents in one transaction (for bulk ingestion: one commit instead
// of one per document), with the semantics of Put for each, in order: a later document with
// the same Source.Key as an earlier one in the batch replaces it. Results are in the order of
// docs. If any document is invalid, or the write fails, nothing at all is written and the
// error names the document (a *BatchError).
func (s *Store) PutBatch(ctx context.Context, docs []*Document) ([]PutResult, error) {
	lowered, err := lowerAll(docs, time.Now())
	if err != nil {
		return nil, err
	}
	plans := make([]docPlan, len(docs))
	for i, doc := range docs {
		plans[i] = docPlan{id: doc.Source.ID(), sha: strings.ToLower(doc.Source.SHA256), quads: lowered[i]}
	}
	results, err := s.write(ctx, plans)
	if err != nil {
		var pe *planError
		if errors.As(err, &pe) {
			return nil, batchError(docs, pe.index, pe.err)
		}
		return nil, err
	}
	return results, nil
}

// lowerAll lowers docs on every core (lowering is a tenth of a bulk load's time, and the
// writer that waits for it runs on one), a document without an ingest time stamped now. An
// error is the *BatchError of the first document in docs that fails.
func lowerAll(docs []*Document, now time.Time) ([][]quad.Quad, error) {
	lowered := make([][]quad.Quad, len(docs))
	errs := make([]error, len(docs))
	par.Each(len(docs), func(i int) {
		doc := docs[i]
		if doc != nil && doc.Source.IngestedAt.IsZero() {
			cp := *doc
			cp.Source.IngestedAt = now
			doc = &cp
		}
		lowered[i], errs[i] = lower(doc)
	})
	for i, err := range errs {
		if err != nil {
			return nil, batchError(docs, i, err)
		}
	}
	return lowered, nil
}

// docPlan is one document to write: its quads, all labelled with it.
type docPlan struct {
	id    ID
	sha   string // when equal to the stored document's SHA256, nothing is written
	quads []quad.Quad
}

type planError struct {
	index int
	err   error
}

func (e *planError) Error() string { return e.err.Error() }

// write stores documents in one transaction. Each document's new quads are diffed against
// what the store (or an earlier plan of the same batch) holds under its label: quads that
// stay are not touched, the others are removed or added, so that no delta is ever a
// duplicate add or a missing removal. On bolt, documents the store has never held (their
// label names no node: one batched lookup for the whole batch) skip the diff and go to the
// bulk writer (writeFresh), in the same transaction.
func (s *Store) write(ctx context.Context, plans []docPlan) ([]PutResult, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	unlock, err := s.writeLock()
	if err != nil {
		return nil, err
	}
	defer unlock()

	fresh, err := s.freshPlans(ctx, plans)
	if err != nil {
		return nil, err
	}
	tx := cgraph.NewTransactionN(max(len(plans)-len(fresh), 0) * 128)
	results := make([]PutResult, len(plans))
	pending := map[ID]map[quadKey]quad.Quad{} // documents already planned in this batch
	var (
		freshDocs []*freshDoc
		freshAt   []int
	)
	for i, plan := range plans {
		id := plan.id
		results[i].Document = id
		if fresh[i] {
			results[i].Status = PutAdded
			freshDocs = append(freshDocs, &freshDoc{quads: plan.quads})
			freshAt = append(freshAt, i)
			continue
		}
		old, ok := pending[id]
		if !ok {
			q, err := s.match(ctx, pattern{l: id.IRI()})
			if err != nil {
				return nil, &planError{i, err}
			}
			old = keyed(q)
		}
		if plan.sha != "" && storedSHA(old, id) == plan.sha && sameFacts(old, plan.quads) {
			results[i].Status = PutUnchanged
			continue
		}
		results[i].Status = PutAdded
		if len(old) > 0 {
			results[i].Status = PutReplaced
		}
		next := keyed(plan.quads)
		for k, q := range old {
			if _, keep := next[k]; !keep {
				tx.RemoveQuad(q)
				results[i].QuadsRemoved++
			}
		}
		for _, q := range plan.quads {
			if _, had := old[keyOf(q)]; !had {
				tx.AddQuad(q)
				results[i].QuadsAdded++
			}
		}
		pending[id] = next
	}
	if len(tx.Deltas) == 0 && len(freshDocs) == 0 {
		return results, nil
	}
	if err := s.apply(ctx, tx.Deltas, freshDocs); err != nil {
		return nil, err
	}
	for k, d := range freshDocs {
		results[freshAt[k]].QuadsAdded = d.added
	}
	return results, nil
}

// freshPlans reports which plans are of documents the store has never held, for the bulk
// writer: on bolt only, those whose label is no node of the store, and that the batch names
// once (a document planned twice is diffed against its first plan).
func (s *Store) freshPlans(ctx context.Context, plans []docPlan) (map[int]bool, error) {
	if s.noBulk || !s.kvFast() || len(s.kvIndexes) == 0 {
		return nil, nil
	}
	times := make(map[ID]int, len(plans))
	labels := make([]quad.Value, len(plans))
	for i, p := range plans {
		times[p.id]++
		labels[i] = p.id.IRI()
	}
	rs, err := s.refsOf(ctx, labels)
	if err != nil {
		return nil, err
	}
	fresh := make(map[int]bool)
	for i, p := range plans {
		if !present(rs[i]) && times[p.id] == 1 {
			fresh[i] = true
		}
	}
	return fresh, nil
}

// BatchError says which document of a batch made it fail.
type BatchError struct {
	Index int    // position in the batch
	Key   string // its Source.Key
	Err   error
}

func (e *BatchError) Error() string {
	return fmt.Sprintf("document %d (%q): %v", e.Index, e.Key, e.Err)
}

func (e *BatchError) Unwrap() error { return e.Err }

func batchError(docs []*Document, i int, err error) error {
	key := ""
	if docs[i] != nil {
		key = docs[i].Source.Key
	}
	return &BatchError{Index: i, Key: key, Err: err}
}

// Delete removes exactly the quads labelled with the document (its own node's facts
// included); what other documents also state survives. It reports whether the document
// existed. It never removes a node as such, which would also cut other documents' links.
func (s *Store) Delete(ctx context.Context, doc ID) (bool, error) {
	unlock, err := s.writeLock()
	if err != nil {
		return false, err
	}
	defer unlock()
	old, err := s.match(ctx, pattern{l: doc.IRI()})
	if err != nil || len(old) == 0 {
		return false, err
	}
	tx := cgraph.NewTransactionN(len(old))
	for _, q := range old {
		tx.RemoveQuad(q)
	}
	return true, s.apply(ctx, tx.Deltas, nil)
}

// apply writes deltas and fresh documents in one transaction (fresh only on bolt). Every
// delta is checked (no IgnoreDup, no IgnoreMissing): adds are of quads the store does not
// have and removals of quads it has, which keeps Cayley's node reference counts exact
// (adding a duplicate and removing it later leaves orphaned nodes, upstream issues #675,
// #737, #945); fresh documents have no quad in the store at all. Once committed, the deltas
// and the fresh documents' quads are applied to the view.
func (s *Store) apply(ctx context.Context, deltas []cgraph.Delta, fresh []*freshDoc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var added, removed []quad.Quad
	for _, d := range deltas {
		if d.Action == cgraph.Add {
			added = append(added, d.Quad)
		} else {
			removed = append(removed, d.Quad)
		}
	}
	written := [][]quad.Quad{added, removed}
	for _, d := range fresh {
		written = append(written, d.quads)
	}
	touched, keys := s.cache.named(written...)
	s.applying.Add(1) // from before the commit until the view and the index have it
	defer s.applying.Add(-1)
	if err := s.applyDeltas(ctx, deltas, fresh); err != nil {
		return fmt.Errorf("writing to the %s store: %w", s.backend, err)
	}
	s.cache.written(touched) // at once: no record built before the commit may be served after it
	for _, d := range fresh {
		added = append(added, d.written...) // what the bulk writer wrote, known once it has
	}
	touched = append(touched, s.viewTakes(deltas, fresh, keys)...)
	if err := s.reindex(ctx, added, removed); err != nil {
		s.searchStale.Store(true) // the write stands; the index is rebuilt at the next open
	}
	// Again, now that the view and the index have it: a read that began in between read
	// them as they were, under the generation begun at the commit, and must not be kept.
	s.cache.written(touched)
	if s.pg != nil {
		_, _ = s.pg.wrote(ctx) // if others wrote meanwhile, the poller rebuilds
	}
	return nil
}

// viewTakes applies a committed write to the view and returns the cache slots of the sort
// keys among keys whose value it changed (see recordCache).
func (s *Store) viewTakes(deltas []cgraph.Delta, fresh []*freshDoc, keys []sortKey) []uint32 {
	s.view.mu.RLock()
	before := s.view.sortKeyValues(keys)
	s.view.mu.RUnlock()
	s.view.apply(deltas)
	for _, d := range fresh {
		s.view.add(d.written)
	}
	s.view.mu.RLock()
	defer s.view.mu.RUnlock()
	var changed []uint32
	for i, v := range s.view.sortKeyValues(keys) {
		if v != before[i] {
			changed = append(changed, s.cache.sortKeySlot(keys[i].id, keys[i].p))
		}
	}
	return changed
}

// Generation changes whenever what reads answer may change: at every write (when its
// transaction commits, and again once the view and the search index have it) and when the
// graph is rebuilt from writes other servers made. It is odd while a write is being applied
// (its commit may be visible to reads before the view and the index have it). A read that
// began in an even generation and ended in the same one saw no write.
func (s *Store) Generation() uint64 {
	g := s.cache.generation() * 2
	if s.applying.Load() > 0 {
		g++
	}
	return g
}

// applyDeltas applies deltas, and writes fresh documents, in one backend transaction. On kv
// (bolt), fresh documents go first, through the bulk writer, then additions and removals
// through two ApplyDeltas calls, all joined into one transaction (see joinKV), with reads
// held off until it commits.
func (s *Store) applyDeltas(ctx context.Context, deltas []cgraph.Delta, fresh []*freshDoc) error {
	strict := cgraph.IgnoreOpts{}
	if s.kvdb == nil {
		if len(fresh) > 0 {
			return errors.New("graph: bulk writes need a kv store")
		}
		return s.qs.ApplyDeltas(deltas, strict)
	}
	var adds, dels []cgraph.Delta
	for _, d := range deltas {
		if d.Action == cgraph.Add {
			adds = append(adds, d)
		} else {
			dels = append(dels, d)
		}
	}
	// Readers wait while the transaction runs: Cayley's kv store caches the node IDs of IRIs
	// outside transactions, and a read resolving a node the write is deleting would cache
	// an ID that no longer exists.
	s.rmu.Lock() // lock order everywhere: wmu, then rmu
	defer s.rmu.Unlock()
	created := false
	err := s.kvdb.atomically(ctx, func(tx hkv.Tx) error {
		if bt, ok := tx.(*boltTx); ok && !s.allNodeBuckets && bigBatch(fresh) {
			if err := bt.createNodeBuckets(); err != nil {
				return err
			}
			created = true
		}
		if len(fresh) > 0 {
			if err := writeFresh(ctx, tx, s.kvIndexes, fresh); err != nil {
				return err
			}
		}
		if len(adds) > 0 {
			if err := s.qs.ApplyDeltas(adds, strict); err != nil {
				return err
			}
		}
		if len(dels) > 0 {
			return s.qs.ApplyDeltas(dels, strict)
		}
		return nil
	})
	if err == nil && created {
		s.allNodeBuckets = true
	}
	if err != nil {
		// The rolled-back transaction may have left IDs in Cayley's cache: start afresh
		// (dropping, not closing, the old one: closing it would close the database).
		if qs, rerr := kv.New(s.kvdb, kvOptions); rerr == nil {
			s.qs = qs
		}
	}
	return err
}

// bigBatch reports whether fresh documents are many enough to make sure every node bucket
// exists first (each new node of a batch lands in a bucket picked by its hash: a few
// thousand quads name new nodes in most of the buckets).
func bigBatch(fresh []*freshDoc) bool {
	n := 0
	for _, d := range fresh {
		n += len(d.quads)
	}
	return n >= 20_000
}

// sameFacts reports whether a document's new quads say what its stored quads say, when and
// under which name it was ingested aside. Same bytes read by a newer extractor can say more
// (or less): then the document is replaced, not skipped.
func sameFacts(old map[quadKey]quad.Quad, next []quad.Quad) bool {
	n := 0
	for _, q := range next {
		if q.Predicate == pIngestedAt || q.Predicate == pFileName {
			continue
		}
		if _, ok := old[keyOf(q)]; !ok {
			return false
		}
		n++
	}
	for _, q := range old {
		if q.Predicate != pIngestedAt && q.Predicate != pFileName {
			n--
		}
	}
	return n == 0
}

// storedSHA is the SHA256 a document's stored quads give for it, or "".
func storedSHA(quads map[quadKey]quad.Quad, doc ID) string {
	s := quad.ToString(doc.IRI())
	p := quad.ToString(pSHA256)
	for k, q := range quads {
		if k[0] == s && k[1] == p {
			if v, ok := q.Object.(quad.String); ok {
				return strings.ToLower(string(v))
			}
		}
	}
	return ""
}

func keyOf(q quad.Quad) quadKey {
	return quadKey{quad.ToString(q.Subject), quad.ToString(q.Predicate), quad.ToString(q.Object)}
}

func keyed(quads []quad.Quad) map[quadKey]quad.Quad {
	m := make(map[quadKey]quad.Quad, len(quads))
	for _, q := range quads {
		m[keyOf(q)] = q
	}
	return m
}
