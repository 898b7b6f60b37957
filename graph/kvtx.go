package graph

import (
	"context"
	"errors"
	"sync"

	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	"go.etcd.io/bbolt"
)

// joinKV wraps the kv database under Cayley so that several ApplyDeltas calls, and the bulk
// writer (writeFresh), can share one write transaction: while atomically runs, every write
// transaction Cayley asks for is the shared one, whose Commit and Close do nothing;
// atomically commits it at the end, or rolls it back on error. Read transactions are
// untouched (readers see the write whole or not at all).
//
// It exists because Cayley's kv ApplyDeltas mis-writes added quads that use a node whose
// reference count the same call decreases overall (the node lands in the "decrement" list and
// the added quad gets node ID 0 in that direction: a replaced document whose new version has
// fewer quads than the old one got added quads with no subject and no label). Applying the
// additions and the removals as two ApplyDeltas calls avoids that; joining them keeps one
// document, or one batch, one transaction.
//
// On bbolt the shared transaction is a boltTx: the bbolt transaction itself, with the
// buckets it has opened cached (hidalgo looks every key's bucket up again, creating it if
// needed, which was a tenth of a bulk load's time).
type joinKV struct {
	hkv.KV
	raw *bbolt.DB // the bbolt database under KV; nil if KV is not bbolt
	// advised is the address of the map last advised (see adviseRandom), under mu.
	advised uintptr
	mu      sync.Mutex
	cur     hkv.Tx // the shared write transaction while atomically runs
}

func newJoinKV(db hkv.KV) *joinKV {
	j := &joinKV{KV: db}
	if b, ok := db.(*hbolt.DB); ok {
		j.raw = b.DB()
		j.advised = adviseRandom(j.raw, 0)
	}
	return j
}

func (j *joinKV) Tx(ctx context.Context, rw bool) (hkv.Tx, error) {
	if rw {
		j.mu.Lock()
		cur := j.cur
		j.mu.Unlock()
		if cur != nil {
			return joinedTx{cur}, nil
		}
	}
	return j.KV.Tx(ctx, rw)
}

func (j *joinKV) View(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.View(ctx, j, fn)
}

func (j *joinKV) Update(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.Update(ctx, j, fn)
}

// atomically runs fn with every write transaction joined into one (the one fn receives),
// committed if fn succeeds. Callers serialise calls (Store.wmu).
func (j *joinKV) atomically(ctx context.Context, fn func(tx hkv.Tx) error) error {
	var (
		tx  hkv.Tx
		err error
	)
	if j.raw != nil {
		var btx *bbolt.Tx
		if btx, err = j.raw.Begin(true); err == nil {
			tx = newBoltTx(btx)
		}
	} else {
		tx, err = j.KV.Tx(ctx, true)
	}
	if err != nil {
		return err
	}
	j.mu.Lock()
	j.cur = tx
	j.mu.Unlock()
	defer func() {
		j.mu.Lock()
		j.cur = nil
		j.mu.Unlock()
	}()
	if err := fn(tx); err != nil {
		tx.Close()
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return err
	}
	if j.raw != nil {
		j.mu.Lock()
		j.advised = adviseRandom(j.raw, j.advised) // the commit may have grown the map
		j.mu.Unlock()
	}
	return nil
}

// joinedTx is the shared transaction as one ApplyDeltas sees it.
type joinedTx struct{ hkv.Tx }

func (joinedTx) Commit(context.Context) error { return nil }
func (joinedTx) Close() error                 { return nil }

// boltTx is a bbolt write transaction as a hidalgo kv.Tx, with the same key layout as
// hidalgo's bbolt backend (every part of a key but the last names a bucket, nested; a
// one-part key is in the root bucket), and the top-level buckets it has used kept open.
// Cayley's log bucket, whose keys only grow, is filled whole (bbolt splits pages at half
// otherwise): the log is most of a store, and its pages then take about half the room.
type boltTx struct {
	tx      *bbolt.Tx
	buckets map[string]*bbolt.Bucket
}

var _ hkv.Tx = (*boltTx)(nil)

func newBoltTx(tx *bbolt.Tx) *boltTx {
	return &boltTx{tx: tx, buckets: make(map[string]*bbolt.Bucket, 1024)}
}

// errScanInWrite is what Scan reports: the joined write transaction only serves Cayley's
// ApplyDeltas and the bulk writer, which never scan.
var errScanInWrite = errors.New("graph: no scans in the joined write transaction")

// top returns the top-level bucket name, created if create is set (nil if absent and not).
func (t *boltTx) top(name []byte, create bool) (*bbolt.Bucket, error) {
	if b, ok := t.buckets[string(name)]; ok {
		return b, nil
	}
	b := t.tx.Bucket(name)
	if b == nil {
		if !create {
			return nil, nil
		}
		var err error
		if b, err = t.tx.CreateBucket(name); err != nil {
			return nil, err
		}
	}
	if string(name) == "log" {
		b.FillPercent = 1
	}
	t.buckets[string(name)] = b
	return b, nil
}

// bucket returns the bucket holding key's last part (nil if absent and not create) and that part.
func (t *boltTx) bucket(key hkv.Key, create bool) (*bbolt.Bucket, []byte, error) {
	if len(key) == 0 {
		return nil, nil, errors.New("graph: empty kv key")
	}
	if len(key) == 1 {
		return t.tx.Cursor().Bucket(), key[0], nil
	}
	b, err := t.top(key[0], create)
	for _, part := range key[1 : len(key)-1] {
		if b == nil || err != nil {
			break
		}
		if create {
			b, err = b.CreateBucketIfNotExists(part)
		} else {
			b = b.Bucket(part)
		}
	}
	return b, key[len(key)-1], err
}

func (t *boltTx) Get(_ context.Context, key hkv.Key) (hkv.Value, error) {
	b, k, err := t.bucket(key, false)
	if err != nil {
		return nil, err
	}
	if b == nil {
		return nil, hkv.ErrNotFound
	}
	v := b.Get(k)
	if v == nil {
		return nil, hkv.ErrNotFound
	}
	return v, nil
}

func (t *boltTx) GetBatch(_ context.Context, keys []hkv.Key) ([]hkv.Value, error) {
	vals := make([]hkv.Value, len(keys))
	for i, key := range keys {
		b, k, err := t.bucket(key, false)
		if err != nil {
			return nil, err
		}
		if b != nil {
			vals[i] = b.Get(k)
		}
	}
	return vals, nil
}

func (t *boltTx) Put(_ context.Context, key hkv.Key, v hkv.Value) error {
	b, k, err := t.bucket(key, true)
	if err != nil {
		return err
	}
	if len(k) == 0 && len(v) == 0 {
		return nil // bucket creation, as hidalgo does it
	}
	return b.Put(k, v)
}

func (t *boltTx) Del(_ context.Context, key hkv.Key) error {
	b, k, err := t.bucket(key, false)
	if err != nil || b == nil {
		return err
	}
	return b.Delete(k)
}

func (t *boltTx) Scan(context.Context, ...hkv.IteratorOption) hkv.Iterator {
	return errIterator{}
}

func (t *boltTx) Commit(context.Context) error { return t.tx.Commit() }
func (t *boltTx) Close() error                 { return t.tx.Rollback() }

// errIterator is an empty iterator that fails with errScanInWrite.
type errIterator struct{}

func (errIterator) Next(context.Context) bool { return false }
func (errIterator) Err() error                { return errScanInWrite }
func (errIterator) Close() error              { return nil }
func (errIterator) Reset()                    {}
func (errIterator) Key() hkv.Key              { return nil }
func (errIterator) Val() hkv.Value            { return nil }

// createNodeBuckets creates those of Cayley's 2×65,536 node buckets ("v" and "n" followed by
// the first two bytes of a value's hash) that do not exist, in order. Cayley creates each the
// first time a value lands in it; in a new store, a big batch makes tens of thousands of
// them in one transaction, each inserted among the others in the root's one in-memory node
// (a copy of all of them per insert: a fifth of a bulk load's time). Created in order they
// are appended, in about half a second for all of them.
func (t *boltTx) createNodeBuckets() error {
	for _, kind := range []byte{'n', 'v'} {
		for i := range 1 << 16 {
			if _, err := t.top([]byte{kind, byte(i >> 8), byte(i)}, true); err != nil {
				return err
			}
		}
	}
	return nil
}
