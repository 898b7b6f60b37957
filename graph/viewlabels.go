package graph

import (
	"iter"
	"slices"
)

// labels is a set of documents: the first inline, the others (sorted) in the view's
// labelSets, as most facts are stated by one document. It holds no pointer: the millions of
// edges and values carrying one are then memory the garbage collector never scans.
type labels struct {
	first int32 // -1 for none
	more  int32 // the index in labelSets of the others; 0 for none
}

func oneLabel(l int32) labels { return labels{first: l} }

// noLabels is the empty set.
var noLabels = labels{first: -1}

// labelSets holds the documents beyond the first of a view's sets of documents. Each set
// is owned by one labels value (clone gives a copy its own); index 0 is never used, and the
// index of a set that empties is reused.
type labelSets struct {
	sets [][]int32
	free []int32
}

func newLabelSets() labelSets { return labelSets{sets: make([][]int32, 1)} }

// put stores the documents beyond the first of a set and returns their index.
func (s *labelSets) put(more []int32) int32 {
	if n := len(s.free); n > 0 {
		i := s.free[n-1]
		s.free = s.free[:n-1]
		s.sets[i] = more
		return i
	}
	s.sets = append(s.sets, more)
	return int32(len(s.sets) - 1)
}

// drop releases a set's index.
func (s *labelSets) drop(i int32) {
	s.sets[i] = nil
	s.free = append(s.free, i)
}

func (s *labelSets) count(ls labels) int {
	if ls.first < 0 {
		return 0
	}
	return 1 + len(s.sets[ls.more])
}

// each yields the documents, the first first.
func (s *labelSets) each(ls labels) iter.Seq[int32] {
	return func(yield func(int32) bool) {
		if ls.first < 0 || !yield(ls.first) {
			return
		}
		for _, l := range s.sets[ls.more] {
			if !yield(l) {
				return
			}
		}
	}
}

// max is the greatest document (ls not empty).
func (s *labelSets) max(ls labels) int32 {
	if more := s.sets[ls.more]; len(more) > 0 {
		return max(ls.first, more[len(more)-1])
	}
	return ls.first
}

// all lists the documents.
func (s *labelSets) all(ls labels) []int32 { return slices.Collect(s.each(ls)) }

// clone is a copy of ls with sets of its own (set changes a set in place).
func (s *labelSets) clone(ls labels) labels {
	if ls.more == 0 {
		return ls
	}
	return labels{first: ls.first, more: s.put(slices.Clone(s.sets[ls.more]))}
}

// set adds or removes a document; ls is not to be used after (its set may have changed).
func (s *labelSets) set(ls labels, l int32, add bool) labels {
	switch {
	case ls.first < 0:
		if add {
			return oneLabel(l)
		}
		return ls
	case ls.first == l:
		if add {
			return ls
		}
		if ls.more == 0 {
			return noLabels
		}
		rest := s.sets[ls.more]
		if len(rest) == 1 {
			s.drop(ls.more)
			return oneLabel(rest[0])
		}
		first := rest[0]
		s.sets[ls.more] = slices.Delete(rest, 0, 1)
		return labels{first: first, more: ls.more}
	case ls.more == 0:
		if add {
			return labels{first: ls.first, more: s.put([]int32{l})}
		}
		return ls
	}
	rest := setLabel(s.sets[ls.more], l, add)
	if len(rest) == 0 {
		s.drop(ls.more)
		return oneLabel(ls.first)
	}
	s.sets[ls.more] = rest
	return ls
}

// merge appends another pool's sets (a snapshot part's) and returns what to add to the
// indexes of the labels that named them.
func (s *labelSets) merge(o labelSets) int32 {
	off := int32(len(s.sets) - 1)
	s.sets = append(s.sets, o.sets[1:]...)
	for _, i := range o.free {
		s.free = append(s.free, i+off)
	}
	return off
}

// shift moves a merged set's labels by off (see merge).
func (ls labels) shift(off int32) labels {
	if ls.more != 0 {
		ls.more += off
	}
	return ls
}

// setLabel adds or removes a label in a sorted set.
func setLabel(set []int32, label int32, add bool) []int32 {
	i, found := slices.BinarySearch(set, label)
	switch {
	case add && !found:
		return slices.Insert(set, i, label)
	case !add && found:
		return slices.Delete(set, i, i+1)
	}
	return set
}
