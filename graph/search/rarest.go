package search

import (
	"cmp"
	"context"
	"fmt"
	"slices"
)

// maxAnyWords is how many words a query in mode anyWord keeps: the rarest. A text pasted
// as a query ("Calls on the authorities to release…") otherwise asks Bleve to score every
// node that has any of its common words, most of the index (~100 ms on 200,000 entries);
// its rarest words find the same nodes first.
const maxAnyWords = 8

// keepRarest returns qt with, for each analyzer, only the k word groups found in the fewest
// documents (summed over the fields that analyzer serves); groups found in none are
// dropped first, as they match nothing anyway.
func (ix *Index) keepRarest(ctx context.Context, qt queryTerms, k int) (queryTerms, error) {
	if qt.words() <= k {
		return qt, nil
	}
	adv, err := ix.bi.Advanced()
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer r.Close()
	m := ix.bi.Mapping()
	out := queryTerms{}
	for an, ts := range qt {
		type counted struct {
			g  []string
			df uint64
		}
		var cs []counted
		for _, g := range ts {
			var df uint64
			for _, f := range langs {
				if m.AnalyzerNameForPath(f) != an {
					continue
				}
				for _, t := range g {
					tfr, err := r.TermFieldReader(ctx, []byte(t), f, false, false, false)
					if err != nil {
						return nil, fmt.Errorf("search: %w", err)
					}
					df += tfr.Count()
					_ = tfr.Close()
				}
			}
			if df > 0 {
				cs = append(cs, counted{g, df})
			}
		}
		slices.SortStableFunc(cs, func(a, b counted) int { return cmp.Compare(a.df, b.df) })
		for _, c := range cs[:min(k, len(cs))] {
			out[an] = append(out[an], c.g)
		}
	}
	return out, nil
}
