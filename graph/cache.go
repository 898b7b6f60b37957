package graph

import (
	"hash/maphash"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/cayleygraph/quad"
)

// recordCache keeps the records reads built, so that the pages a frontend shows again and
// again (a country, its resolutions and their demands) are read from Cayley once, and are
// still read once while documents are being written.
//
// A record is kept with the nodes it was read from (its dependencies: the subjects, objects
// and labels of the quads its reads asked for, whether the store or the reader's own
// per-call cache answered). A write marks the nodes of every quad it added or removed; a
// record is served only while none of its dependencies was marked after it was built. A
// record's facts are all quads, so a write that changes what a record would say adds or
// removes a quad naming a node the record was read from: the record's own node, a document
// whose text or ingest time it used, an edge's statement node whose evidence it gives.
// Lists of groups, countries or topics in a record are sorted by codes and keys the view
// gives: the record depends on those values, which a write marks only when it changes them
// (every document naming a country restates its code). Writes that change none of these
// (the thousands of documents about other countries) leave a record in the cache.
//
// Lists (which resolutions or demands match a filter, with their facets) depend on
// everything, and go at every write.
//
// Nodes are marked in a fixed table of generations, by hash: two nodes sharing a slot only
// make one's records go when the other is written, never the reverse, so the table never
// serves a stale record and its size is bounded.
//
// A write starts a new generation as soon as its transaction commits (before the view and the
// index take it), and again once they have. A read notes the generation when it starts;
// it takes records from the cache, and stores what it built, only if no write began a new
// one meanwhile, so no record older than the graph is ever served; absent nodes are never
// cached.
type recordCache struct {
	gen   atomic.Uint64
	seed  maphash.Seed
	mu    sync.Mutex
	m     map[cacheKey]cacheEntry
	marks []uint64 // per slot, the generation of the last write that named a node there
	max   int      // entries kept at most; past it the cache starts again empty
}

type cacheKey struct {
	kind byte // which record type: see the cached* constants
	id   string
}

// cacheEntry is a record and what it was read from.
type cacheEntry struct {
	val  any
	gen  uint64   // generation it was built in
	deps []uint32 // slots of the nodes it was read from; nil: every node (a list)
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

// markSlots is the size of the table of node generations (8 MB): with a write naming a few
// hundred nodes, a record's dozen dependencies share a slot with one of them about once in
// two hundred writes.
const markSlots = 1 << 20

func newRecordCache(max int) *recordCache {
	return &recordCache{m: map[cacheKey]cacheEntry{}, max: max, seed: maphash.MakeSeed(), marks: make([]uint64, markSlots)}
}

// slot is the table slot of a node (or of any value a read was keyed by).
func (c *recordCache) slot(v quad.Value) uint32 {
	var s string
	switch v := v.(type) {
	case quad.IRI:
		s = string(v)
	case quad.BNode:
		s = string(v)
	default:
		s = quad.ToString(v)
	}
	return uint32(maphash.String(c.seed, s)) & (markSlots - 1)
}

// sortKeyPreds are the properties lists of a record are sorted by, read from the view (see
// reader.byViewProp): a group's or a country's code, a topic's key. Every document naming a
// country restates its code, so a record depends on the value the view gives (its sort
// key slot), not on the node: Store.apply marks it only when the write changed the value.
var sortKeyPreds = [...]quad.IRI{pCode, pKey}

// sortKeySlot is the slot of the value the view gives for a node's property p.
func (c *recordCache) sortKeySlot(id ID, p quad.IRI) uint32 {
	return uint32(maphash.String(c.seed, string(id)+"\x00"+string(p))) & (markSlots - 1)
}

// generation is the current generation; a read takes it before it reads.
func (c *recordCache) generation() uint64 { return c.gen.Load() }

// invalidate starts a new generation in which nothing cached before is served: for changes
// whose nodes are not known (the graph rebuilt from other servers' writes).
func (c *recordCache) invalidate() {
	c.mu.Lock()
	c.gen.Add(1)
	clear(c.m)
	c.mu.Unlock()
}

// written starts a new generation in which the records read from any of the nodes in slots
// (see named) are no longer served; every write calls it once its transaction committed,
// and again once the view and the index have it.
func (c *recordCache) written(slots []uint32) {
	c.mu.Lock()
	g := c.gen.Add(1)
	for _, s := range slots {
		c.marks[s] = g
	}
	c.mu.Unlock()
}

// sortKey is a node's property records may be sorted by (see sortKeyPreds).
type sortKey struct {
	id ID
	p  quad.IRI
}

// named returns, in one pass over quads, the slots of the nodes they name (subjects,
// objects and labels) and the sort keys they state, each once.
func (c *recordCache) named(qs ...[]quad.Quad) ([]uint32, []sortKey) {
	seen := make([]uint64, markSlots/64)
	var slots []uint32
	keys := map[sortKey]bool{}
	var sks []sortKey
	for _, q := range qs {
		for _, x := range q {
			for _, v := range [...]quad.Value{x.Subject, x.Object, x.Label} {
				if v == nil {
					continue
				}
				s := c.slot(v)
				if seen[s/64]&(1<<(s%64)) == 0 {
					seen[s/64] |= 1 << (s % 64)
					slots = append(slots, s)
				}
			}
			if p, ok := x.Predicate.(quad.IRI); ok && slices.Contains(sortKeyPreds[:], p) {
				if k := (sortKey{idOfValue(x.Subject), p}); k.id != "" && !keys[k] {
					keys[k] = true
					sks = append(sks, k)
				}
			}
		}
	}
	return slots, sks
}

// get returns a record for a read that began in generation gen, if one is kept that no
// write since has made stale.
func (c *recordCache) get(k cacheKey, gen uint64) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen.Load() != gen {
		return nil, false
	}
	e, ok := c.m[k]
	if !ok {
		return nil, false
	}
	if !c.fresh(e, gen) {
		delete(c.m, k)
		return nil, false
	}
	return e.val, true
}

// fresh reports whether e still holds in generation gen; the caller holds mu.
func (c *recordCache) fresh(e cacheEntry, gen uint64) bool {
	if e.deps == nil {
		return e.gen == gen
	}
	for _, s := range e.deps {
		if c.marks[s] > e.gen {
			return false
		}
	}
	return true
}

// put stores records built in generation gen, each with the slots of the nodes it was read
// from (deps[i]; nil deps: every record depends on everything), unless a write started
// another generation since.
func (c *recordCache) put(gen uint64, keys []cacheKey, vals []any, deps [][]uint32) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen.Load() != gen {
		return
	}
	if len(c.m)+len(keys) > c.max {
		clear(c.m)
	}
	for i, k := range keys {
		e := cacheEntry{val: vals[i], gen: gen}
		if deps != nil && len(deps[i]) > 0 {
			e.deps = deps[i]
		}
		c.m[k] = e
	}
}
