package graph

import (
	"sync"
	"sync/atomic"
)

// recordCache keeps the records reads built, so that the pages a frontend shows again and
// again (a country, its resolutions and their demands) are read from Cayley once. Every write
// starts a new generation, which drops everything: records gather facts from several nodes and
// documents (a demand's quote is cut from its document's text), and a write is rare next to
// reads, so exactness is worth more than keeping entries a write could not have changed.
//
// A write starts a new generation as soon as its transaction commits (before the view and the
// index take it). A read notes the generation when it starts and stores what it built only if
// no write began a new one meanwhile, so no record older than the graph is ever served from
// the cache; absent nodes are never cached.
type recordCache struct {
	gen atomic.Uint64
	mu  sync.Mutex
	m   map[cacheKey]any
	max int // entries kept at most; past it the cache starts again empty
}

type cacheKey struct {
	kind byte // which record type: see the cached* constants
	id   string
}

// Record types in the cache.
const (
	cachedResolution byte = iota + 1
	cachedDemand
	cachedStance
	cachedProcedureDocument
	cachedEvent
	cachedEvidence
	cachedResolutionList
	cachedDemandList
)

// defaultCacheEntries bounds the cache: about 200,000 records (a few hundred MB at most).
const defaultCacheEntries = 200_000

func newRecordCache(max int) *recordCache {
	return &recordCache{m: map[cacheKey]any{}, max: max}
}

// generation is the current generation; a read takes it before it reads.
func (c *recordCache) generation() uint64 { return c.gen.Load() }

// invalidate starts a new generation; every write calls it once its transaction committed.
func (c *recordCache) invalidate() {
	c.mu.Lock()
	c.gen.Add(1)
	clear(c.m)
	c.mu.Unlock()
}

// get returns a record of the generation gen.
func (c *recordCache) get(k cacheKey, gen uint64) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen.Load() != gen {
		return nil, false
	}
	v, ok := c.m[k]
	return v, ok
}

// put stores records built in generation gen, unless a write started another since.
func (c *recordCache) put(gen uint64, keys []cacheKey, vals []any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen.Load() != gen {
		return
	}
	if len(c.m)+len(keys) > c.max {
		clear(c.m)
	}
	for i, k := range keys {
		c.m[k] = vals[i]
	}
}
