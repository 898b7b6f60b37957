package graph

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// Sets of documents changed at random agree with plain sets at every step, clones stay
// apart from their originals, and freed sets are reused rather than piled up.
func TestLabelSetsAgreeWithPlainSets(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	s := newLabelSets()
	sets := make([]labels, 40)
	want := make([]map[int32]bool, len(sets))
	for i := range sets {
		sets[i], want[i] = noLabels, map[int32]bool{}
	}
	for step := range 20_000 {
		i := rng.IntN(len(sets))
		switch l := rng.Int32N(12); {
		case rng.IntN(50) == 0:
			j := rng.IntN(len(sets))
			if j == i {
				continue
			}
			for _, l := range s.all(sets[j]) { // empty j's set first, as the view empties a fact's
				sets[j] = s.set(sets[j], l, false)
			}
			sets[j] = s.clone(sets[i])
			want[j] = map[int32]bool{}
			for k := range want[i] {
				want[j][k] = true
			}
		default:
			add := rng.IntN(2) == 0
			sets[i] = s.set(sets[i], l, add)
			if add {
				want[i][l] = true
			} else {
				delete(want[i], l)
			}
		}
		for k, ls := range sets {
			got := s.all(ls)
			if len(got) != s.count(ls) || len(got) != len(want[k]) {
				t.Fatalf("step %d: set %d is %v (count %d), want %v", step, k, got, s.count(ls), want[k])
			}
			for _, l := range got {
				if !want[k][l] {
					t.Fatalf("step %d: set %d is %v, want %v", step, k, got, want[k])
				}
			}
			if len(got) > 0 && s.max(ls) != slices.Max(got) {
				t.Fatalf("step %d: set %d is %v, max %d", step, k, got, s.max(ls))
			}
			if ls.more != 0 && !slices.IsSorted(s.sets[ls.more]) {
				t.Fatalf("step %d: set %d keeps %v unsorted", step, k, s.sets[ls.more])
			}
		}
	}
	if live := len(s.sets) - 1 - len(s.free); live > 2*len(sets) {
		t.Errorf("%d sets live for %d labels: freed sets are not reused", live, len(sets))
	}
}

// Merged pools keep every set, once its labels are shifted.
func TestLabelSetsMerge(t *testing.T) {
	a, b := newLabelSets(), newLabelSets()
	la := a.set(a.set(oneLabel(1), 2, true), 3, true)
	lb := b.set(b.set(oneLabel(7), 8, true), 9, true)
	lb2 := b.set(oneLabel(4), 5, true)
	off := a.merge(b)
	for _, c := range []struct {
		ls   labels
		want []int32
	}{{la, []int32{1, 2, 3}}, {lb.shift(off), []int32{7, 8, 9}}, {lb2.shift(off), []int32{4, 5}}} {
		if got := a.all(c.ls); !slices.Equal(got, c.want) {
			t.Errorf("merged set %v, want %v", got, c.want)
		}
	}
}

// The node index finds every node added, through its growth, and no other ID.
func TestNodeIndexFindsEveryNode(t *testing.T) {
	var nodes []vnode
	x := newNodeIndex(0)
	for i := range 50_000 {
		id := ID(newTestID(i))
		nodes = append(nodes, vnode{id: id})
		x.add(nodes, int32(i))
		if i%997 == 0 {
			for j := 0; j <= i; j += 13 {
				if got, ok := x.find(nodes, nodes[j].id); !ok || got != int32(j) {
					t.Fatalf("after %d nodes: %s found at %d (%v), want %d", i+1, nodes[j].id, got, ok, j)
				}
			}
		}
	}
	if _, ok := x.find(nodes, "not-a-node"); ok {
		t.Error("found an ID never added")
	}
}

func newTestID(i int) string { return fmt.Sprintf("node-%c-%d", 'a'+i%26, i) }
