package search

import (
	"slices"
	"testing"
)

func TestPagesFollowOneAnother(t *testing.T) {
	ix := openFixture(t)
	tests := []struct {
		name  string
		text  string
		kinds []string
		first int
	}{
		{"pages of one hit", "Kazakhstan", nil, 1},
		{"pages of two hits", "Kazakhstan", nil, 2},
		{"pages of a kind", "Kazakhstan", []string{"Demand", "Resolution"}, 1},
		{"pages of a query that fell back to any word keep to any word", "Kazakhstan Zimbabwe", nil, 2},
		{"a single page", "refugies", nil, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			whole := mustSearch(t, ix, Query{Text: tt.text, Kinds: tt.kinds, First: MaxFirst})
			if whole.HasNext || len(whole.Hits) == 0 {
				t.Fatalf("%q: one page of %d hits, HasNext %v", tt.text, len(whole.Hits), whole.HasNext)
			}
			var got []string
			q := Query{Text: tt.text, Kinds: tt.kinds, First: tt.first}
			for page := 0; ; page++ {
				if page > len(whole.Hits) {
					t.Fatalf("%q: more pages than hits", tt.text)
				}
				p := mustSearch(t, ix, q)
				if p.Total != whole.Total {
					t.Errorf("%q page %d: Total %d, want %d", tt.text, page, p.Total, whole.Total)
				}
				if len(p.Hits) > tt.first || (p.HasNext && len(p.Hits) != tt.first) {
					t.Errorf("%q page %d: %d hits, HasNext %v, for pages of %d", tt.text, page, len(p.Hits), p.HasNext, tt.first)
				}
				got = append(got, hitNames(p)...)
				if !p.HasNext {
					break
				}
				q.After = p.Hits[len(p.Hits)-1].Cursor
			}
			if want := hitNames(whole); !slices.Equal(got, want) {
				t.Errorf("%q: pages give\n %v\nwant\n %v", tt.text, got, want)
			}
		})
	}
}

func TestPagesStopAtMaxHits(t *testing.T) {
	ix := openFixture(t)
	q := Query{Text: "Kazakhstan", First: 5}
	r, err := checkQuery(q)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		offset   int
		wantHits int
	}{
		{"a cursor at MaxHits gives an empty last page", MaxHits, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q.After = cursor{mode: allWords, fp: r.fp, offset: tt.offset}.String()
			p := mustSearch(t, ix, q)
			if len(p.Hits) != tt.wantHits || p.HasNext || p.Total == 0 {
				t.Errorf("%d hits, HasNext %v, Total %d", len(p.Hits), p.HasNext, p.Total)
			}
		})
	}
	t.Run("a cursor past MaxHits is refused", func(t *testing.T) {
		q.After = cursor{mode: allWords, fp: r.fp, offset: MaxHits + 1}.String()
		if _, err := ix.Search(t.Context(), q); err == nil {
			t.Error("no error")
		}
	})
}
