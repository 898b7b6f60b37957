package graph

import (
	"cmp"
	"container/heap"
	"context"
	"errors"
	"iter"
	"slices"
	"strings"
)

// Subgraph is a set of nodes and the typed edges between them: what a graph view draws.
type Subgraph struct {
	Nodes []SubgraphNode
	Edges []Edge
	// Truncated says that the node limit cut the walk short: more nodes lie within reach.
	Truncated bool
}

// SubgraphNode is one node of a Subgraph with its kind and its distance (in edges) from the
// node the walk started from.
type SubgraphNode struct {
	ID    ID
	Kind  NodeKind
	Depth int
}

// Limits of the walks, so that a hub (the EU is party to every agreement) cannot make one
// request read the whole graph.
const (
	MaxNeighbourhoodDepth = 3
	MaxPathDepth          = 6
	pathVisitLimit        = 200_000 // nodes a path search may visit before giving up
)

// ErrNotFound is returned when the node a walk starts from is not in the graph.
var ErrNotFound = errors.New("no such node")

// Neighbourhood returns the nodes within depth edges of id (following edges both ways, of the
// given predicates, all when none), at most limit nodes, nearest first and, at one distance,
// in the order of the edges' predicates (as Predicates lists them) and then by ID; and every
// edge of those predicates between the nodes returned. Depth is clamped to
// [0, MaxNeighbourhoodDepth]; limit to at least 1.
func (s *Store) Neighbourhood(ctx context.Context, id ID, depth int, preds []Predicate, limit int) (Subgraph, error) {
	depth = min(max(depth, 0), MaxNeighbourhoodDepth)
	limit = max(limit, 1)
	var sg Subgraph
	err := s.viewRead(ctx, func(v *view) {
		start, ok := v.lookup(id)
		if !ok {
			return
		}
		dist := map[int32]int{start: 0}
		order := []int32{start}
		frontier := []int32{start}
		for d := 1; d <= depth && len(frontier) > 0 && !sg.Truncated; d++ {
			var next []int32
			for _, n := range frontier {
				// Every node a predicate yields that the walk reads is one it keeps or has
				// kept (at most limit of them, each at most twice: by an edge out and one
				// in), but the one that truncates: it reads no more than 2*limit+1.
				for m := range v.around(n, preds, 2*limit+1) {
					if _, seen := dist[m]; seen {
						continue
					}
					if len(order) >= limit {
						sg.Truncated = true
						break
					}
					dist[m] = d
					order = append(order, m)
					next = append(next, m)
				}
				if sg.Truncated {
					break
				}
			}
			frontier = next
		}
		for _, n := range order {
			sg.Nodes = append(sg.Nodes, SubgraphNode{ID: v.nodes[n].id, Kind: v.kindOf(n), Depth: dist[n]})
			for _, e := range v.nodes[n].out {
				if _, in := dist[e.other]; in && v.present(e.other) && wanted(preds, Predicates[e.pred]) {
					sg.Edges = append(sg.Edges, Edge{From: v.nodes[n].id, Pred: Predicates[e.pred], To: v.nodes[e.other].id})
				}
			}
		}
	})
	if err == nil && sg.Nodes == nil {
		err = ErrNotFound
	}
	return sg, err
}

// Path returns a shortest path between two nodes, following edges either way (of the given
// predicates, all when none), at most maxDepth edges long (clamped to [1, MaxPathDepth]): the
// nodes in order from `from` to `to`, and the edges between them in their own direction.
// Among paths of one length it takes the first in predicate, then ID order. found is false
// when there is none within reach.
func (s *Store) Path(ctx context.Context, from, to ID, maxDepth int, preds []Predicate) (sg Subgraph, found bool, err error) {
	maxDepth = min(max(maxDepth, 1), MaxPathDepth)
	missing := false
	err = s.viewRead(ctx, func(v *view) {
		a, okA := v.lookup(from)
		b, okB := v.lookup(to)
		if !okA || !okB {
			missing = true
			return
		}
		nodes := v.shortestPath(a, b, maxDepth, preds)
		if nodes == nil {
			return
		}
		found = true
		for i, n := range nodes {
			sg.Nodes = append(sg.Nodes, SubgraphNode{ID: v.nodes[n].id, Kind: v.kindOf(n), Depth: i})
			if i > 0 {
				sg.Edges = append(sg.Edges, v.edgeBetween(nodes[i-1], n, preds))
			}
		}
	})
	if err == nil && missing {
		err = ErrNotFound
	}
	return sg, found, err
}

// shortestPath searches from both ends at once, a level at a time from the smaller frontier,
// so that a path through a hub costs the hub's degree once rather than at every level.
func (v *view) shortestPath(a, b int32, maxDepth int, preds []Predicate) []int32 {
	if a == b {
		return []int32{a}
	}
	parentA, parentB := map[int32]int32{a: -1}, map[int32]int32{b: -1}
	frontA, frontB := []int32{a}, []int32{b}
	for depth := 0; depth < maxDepth && len(frontA) > 0 && len(frontB) > 0; depth++ {
		if len(parentA)+len(parentB) > pathVisitLimit {
			return nil
		}
		expandA := len(frontA) <= len(frontB)
		front, parents, others := frontA, parentA, parentB
		if !expandA {
			front, parents, others = frontB, parentB, parentA
		}
		var next []int32
		meet := int32(-1)
		for _, n := range front {
			for m := range v.around(n, preds, -1) {
				if _, seen := parents[m]; seen {
					continue
				}
				parents[m] = n
				next = append(next, m)
				if _, ok := others[m]; ok {
					meet = m
					break
				}
			}
			if meet >= 0 {
				break
			}
		}
		if meet >= 0 {
			var path []int32
			for n := meet; n >= 0; n = parentA[n] {
				path = append(path, n)
			}
			slices.Reverse(path)
			for n := parentB[meet]; n >= 0; n = parentB[n] {
				path = append(path, n)
			}
			return path
		}
		if expandA {
			frontA = next
		} else {
			frontB = next
		}
	}
	return nil
}

// around yields the nodes one edge away from n (either way, of the predicates given), in
// predicate order then by ID; a node joined by edges of several predicates comes once for each
// (callers skip the nodes they have seen). With most >= 0 it yields at most the first most
// nodes of each predicate: of a hub's tens of thousands of neighbours a walk that can use a
// hundred keeps the hundred least in a bounded heap, instead of gathering them all. With most
// < 0 it yields all, drawn lazily from a heap: a walk that stops after a few does not sort
// them all.
func (v *view) around(n int32, preds []Predicate, most int) iter.Seq[int32] {
	return func(yield func(int32) bool) {
		if most == 0 {
			return
		}
		byPred := make([][]keyedNode, len(Predicates))
		for _, es := range [][]vedge{v.nodes[n].out, v.nodes[n].in} {
			for _, e := range es {
				o := &v.nodes[e.other]
				if o.kind == 0 || !wanted(preds, Predicates[e.pred]) {
					continue
				}
				k := keyedNode{o.key, e.other}
				if ms := byPred[e.pred]; most < 0 || len(ms) < most {
					byPred[e.pred] = append(ms, k)
					if len(ms)+1 == most {
						heap.Init(&keyedHeap{v: v, ns: byPred[e.pred], max: true})
					}
				} else if v.compareKeyed(k, ms[0]) < 0 {
					ms[0] = k // the greatest kept gives way
					heap.Fix(&keyedHeap{v: v, ns: ms, max: true}, 0)
				}
			}
		}
		for _, ms := range byPred {
			if most >= 0 {
				slices.SortFunc(ms, v.compareKeyed)
				for _, m := range ms {
					if !yield(m.n) {
						return
					}
				}
				continue
			}
			h := &keyedHeap{v: v, ns: ms}
			heap.Init(h)
			for len(h.ns) > 0 {
				if !yield(h.popMin()) {
					return
				}
			}
		}
	}
}

// keyedNode is a node with its ID's first 8 bytes as a number (idKey), compared first.
type keyedNode struct {
	key uint64
	n   int32
}

// keyedHeap is a heap of nodes by ID, least first (or greatest first with max), used
// through container/heap's Init and Fix only: its length changes by hand (popMin), so Push
// and Pop, which would box each node, are never called.
type keyedHeap struct {
	v   *view
	ns  []keyedNode
	max bool
}

func (h *keyedHeap) Len() int { return len(h.ns) }
func (h *keyedHeap) Less(i, j int) bool {
	if h.max {
		i, j = j, i
	}
	return h.v.compareKeyed(h.ns[i], h.ns[j]) < 0
}
func (h *keyedHeap) Swap(i, j int) { h.ns[i], h.ns[j] = h.ns[j], h.ns[i] }
func (h *keyedHeap) Push(any)      { panic("graph: keyedHeap is resized by hand") }
func (h *keyedHeap) Pop() any      { panic("graph: keyedHeap is resized by hand") }

// popMin removes the top node of a least-first heap and returns it.
func (h *keyedHeap) popMin() int32 {
	top, last := h.ns[0].n, len(h.ns)-1
	h.ns[0] = h.ns[last]
	h.ns = h.ns[:last]
	if last > 0 {
		heap.Fix(h, 0)
	}
	return top
}

// compareKeyed orders nodes by ID: the first 8 bytes as a number, and only when they are
// equal the whole ID (another cache miss).
func (v *view) compareKeyed(a, b keyedNode) int {
	if c := cmp.Compare(a.key, b.key); c != 0 {
		return c
	}
	return strings.Compare(string(v.nodes[a.n].id), string(v.nodes[b.n].id))
}

// edgeBetween is an edge joining two adjacent nodes, in its own direction.
func (v *view) edgeBetween(a, b int32, preds []Predicate) Edge {
	for _, e := range v.nodes[a].out {
		if e.other == b && wanted(preds, Predicates[e.pred]) {
			return Edge{From: v.nodes[a].id, Pred: Predicates[e.pred], To: v.nodes[b].id}
		}
	}
	for _, e := range v.nodes[b].out {
		if e.other == a && wanted(preds, Predicates[e.pred]) {
			return Edge{From: v.nodes[b].id, Pred: Predicates[e.pred], To: v.nodes[a].id}
		}
	}
	return Edge{}
}

// predOrder is each predicate's place in Predicates.
var predOrder = func() map[Predicate]int {
	m := map[Predicate]int{}
	for i, p := range Predicates {
		m[p] = i
	}
	return m
}()

func wanted(preds []Predicate, p Predicate) bool { return len(preds) == 0 || slices.Contains(preds, p) }
