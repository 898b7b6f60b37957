package graph

import (
	"context"
	"sync"

	hkv "github.com/hidal-go/hidalgo/kv"
)

// joinKV wraps the kv database under Cayley so that several ApplyDeltas calls can share one
// write transaction: while atomically runs, every write transaction Cayley asks for is the
// shared one, whose Commit and Close do nothing; atomically commits it at the end, or rolls
// it back on error. Read transactions are untouched (readers see the write whole or not at
// all).
//
// It exists because Cayley's kv ApplyDeltas mis-writes added quads that use a node whose
// reference count the same call decreases overall (the node lands in the "decrement" list and
// the added quad gets node ID 0 in that direction: a replaced document whose new version has
// fewer quads than the old one got added quads with no subject and no label). Applying the
// additions and the removals as two ApplyDeltas calls avoids that; joining them keeps one
// document, or one batch, one transaction.
type joinKV struct {
	hkv.KV
	mu  sync.Mutex
	cur hkv.Tx // the shared write transaction while atomically runs
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

// atomically runs fn with every write transaction joined into one, committed if fn
// succeeds. Callers serialise calls (Store.wmu).
func (j *joinKV) atomically(ctx context.Context, fn func() error) error {
	tx, err := j.KV.Tx(ctx, true)
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
	if err := fn(); err != nil {
		tx.Close()
		return err
	}
	return tx.Commit(ctx)
}

// joinedTx is the shared transaction as one ApplyDeltas sees it.
type joinedTx struct{ hkv.Tx }

func (joinedTx) Commit(context.Context) error { return nil }
func (joinedTx) Close() error                 { return nil }
