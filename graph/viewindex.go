package graph

import "hash/maphash"

// nodeIndex finds a view's nodes by ID: open addressing over slots holding a node's index
// plus one (0 is a free slot), probed linearly from the ID's hash. It holds no pointer (a
// map[ID]int32 of 3.4 million nodes was 110 MB the collector scanned at every cycle) and is
// a fifth of that map's size. Nodes are never removed from a view, so neither are slots.
type nodeIndex struct {
	slots []int32
	used  int
}

var nodeIndexSeed = maphash.MakeSeed()

// newNodeIndex is an index with room for n nodes before it grows.
func newNodeIndex(n int) nodeIndex {
	size := 1024
	for size*3/4 < n {
		size *= 2
	}
	return nodeIndex{slots: make([]int32, size)}
}

// home is the slot an ID's probe starts from, and the mask that wraps it.
func (x *nodeIndex) home(id ID) (h, mask uint64) {
	mask = uint64(len(x.slots) - 1)
	return maphash.String(nodeIndexSeed, string(id)) & mask, mask
}

// find is the index of the node with this ID among nodes.
func (x *nodeIndex) find(nodes []vnode, id ID) (int32, bool) {
	h, mask := x.home(id)
	for ; ; h = (h + 1) & mask {
		s := x.slots[h]
		if s == 0 {
			return 0, false
		}
		if nodes[s-1].id == id {
			return s - 1, true
		}
	}
}

// add indexes nodes[i], a node not indexed yet.
func (x *nodeIndex) add(nodes []vnode, i int32) {
	if (x.used+1)*4 > len(x.slots)*3 {
		grown := nodeIndex{slots: make([]int32, 2*len(x.slots))}
		for _, s := range x.slots {
			if s != 0 {
				grown.place(nodes[s-1].id, s)
			}
		}
		grown.used = x.used
		*x = grown
	}
	x.place(nodes[i].id, i+1)
	x.used++
}

// place puts a slot value in the first free slot from the ID's hash.
func (x *nodeIndex) place(id ID, s int32) {
	h, mask := x.home(id)
	for x.slots[h] != 0 {
		h = (h + 1) & mask
	}
	x.slots[h] = s
}
