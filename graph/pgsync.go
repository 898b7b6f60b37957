package graph

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"time"

	"github.com/eurel/eurel/graph/search"
)

// Several servers may share one PostgreSQL graph. Each keeps its own view and search index
// (in memory), which its own writes keep in step; to see the others' writes, every write
// also appends a row to the table eurel_changes, and each server polls that table: when rows
// it did not write appear, it rebuilds its view and index from the graph, off the write path,
// and swaps them in. Another server's write is thus in lists, counts, neighbourhoods and
// search within PollInterval plus the rebuild's time (records read from Cayley see it at once).

// DefaultPollInterval is how often a server on PostgreSQL looks for other servers' writes.
const DefaultPollInterval = 2 * time.Second

// pgChanges is a store's side of the change log.
type pgChanges struct {
	db   *sql.DB
	mu   sync.Mutex
	seen int64 // the last change this store's view reflects
	stop chan struct{}
	done chan struct{}
}

// openChanges creates the change log if needed and notes where it stands.
func openChanges(ctx context.Context, dsn string) (*pgChanges, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS eurel_changes (seq bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())`); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres store: change log: %w", err)
	}
	c := &pgChanges{db: db, stop: make(chan struct{}), done: make(chan struct{})}
	if c.seen, err = c.last(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return c, nil
}

func (c *pgChanges) last(ctx context.Context) (int64, error) {
	var seq sql.NullInt64
	err := c.db.QueryRowContext(ctx, `SELECT max(seq) FROM eurel_changes`).Scan(&seq)
	return seq.Int64, err
}

// wrote records a write of this store, after it committed and reached the view. It reports
// whether another store wrote since the view was last in step (the caller then rebuilds).
func (c *pgChanges) wrote(ctx context.Context) (others bool, err error) {
	var seq int64
	if err := c.db.QueryRowContext(ctx, `INSERT INTO eurel_changes DEFAULT VALUES RETURNING seq`).Scan(&seq); err != nil {
		return false, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	others = seq != c.seen+1
	if !others {
		c.seen = seq
	}
	return others, nil
}

// poll rebuilds the store's view and index whenever the change log has rows the view does
// not reflect, every interval, until stopped.
func (s *Store) poll(interval time.Duration) {
	c := s.pg
	defer close(c.done)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-t.C:
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		_ = s.catchUp(ctx) // a failure is retried at the next tick
		cancel()
	}
}

// catchUp rebuilds the view and the search index if another store wrote since they were
// last in step. Writes wait meanwhile, so that none is lost between the rebuild and the swap.
func (s *Store) catchUp(ctx context.Context) error {
	c := s.pg
	last, err := c.last(ctx)
	if err != nil {
		return err
	}
	c.mu.Lock()
	behind := last > c.seen
	c.mu.Unlock()
	if !behind {
		return nil
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.isClosed() {
		return ErrClosed
	}
	if last, err = c.last(ctx); err != nil {
		return err
	}
	if err := s.rebuildInMemory(ctx); err != nil {
		return err
	}
	c.mu.Lock()
	c.seen = max(c.seen, last)
	c.mu.Unlock()
	return nil
}

// rebuildInMemory builds a new view and a new in-memory search index from the graph and
// swaps them in; the caller holds the write lock.
func (s *Store) rebuildInMemory(ctx context.Context) error {
	s.applying.Add(1)
	defer s.applying.Add(-1)
	v, err := s.buildView(ctx)
	if err != nil {
		return err
	}
	s.view.replaceWith(v)
	s.cache.invalidate()
	ix, _, err := search.Open("")
	if err != nil {
		return err
	}
	if err := s.indexAll(ctx, ix); err != nil {
		ix.Close()
		return err
	}
	if old := s.index.Swap(ix); old != nil {
		old.Close()
	}
	s.searchStale.Store(false)
	s.cache.invalidate() // a read between the two swaps saw the new view with the old index
	return nil
}

// closeChanges stops polling and closes the change log's connection.
func (s *Store) closeChanges() error {
	if s.pg == nil {
		return nil
	}
	close(s.pg.stop)
	<-s.pg.done
	return s.pg.db.Close()
}

// replaceWith makes v hold what o holds (o is not used afterwards).
func (v *view) replaceWith(o *view) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.viewState = o.viewState
}
