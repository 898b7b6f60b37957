package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Page is one page of hits, best first.
type Page struct {
	Hits    []Hit
	Total   uint64 // hits of the query on all pages
	HasNext bool   // a page follows: ask for it with the last hit's Cursor as After
}

// Hit is one node that matches.
type Hit struct {
	ID, Kind string
	Score    float64 // Bleve's relevance score; higher is better; comparable within one query only
	Field    string  // the field the best fragment comes from: "title", "name" or "text"
	Snippet  string  // a fragment of that text, HTML-escaped, with the matches wrapped in <mark>…</mark>
	Cursor   string  // opaque: pass it as Query.After for the hits after this one
}

// MaxHits is how deep paging goes: the pages of a query stop after its first MaxHits hits
// (Total still counts them all). Refine the query to see others.
const MaxHits = 10_000

// Search finds the nodes whose texts match q.Text, best first, a page at a time.
//
// A node matches when its texts in English, or its texts in French, hold every word of
// the query, stemmed and with accents folded ("prisonniers politiques" finds "prisonnier
// politique", "refugies" finds "réfugiés"). When no node has all the words, Search returns
// the nodes that have any of the query's rarest words (up to maxAnyWords of them), those
// with the most first; the pages after it keep to the choice of the first. The text is never parsed as a query language: every input is a
// list of words, and a text of stop words only ("the", "de la") has no hits.
//
// Hits are ranked by Bleve's score (ties in index order) and paged by position: a page
// asked for with a cursor starts after the hit that gave the cursor as the index stood
// then, so hits put or deleted in between may shift the pages by as many. A node deleted
// while its page is being made is left out of the page.
//
// Errors wrap ErrBadQuery for a query the user must fix, and ctx's error when ctx is done
// before the search is.
func (ix *Index) Search(ctx context.Context, q Query) (Page, error) {
	r, err := checkQuery(q)
	if err != nil {
		return Page{}, err
	}
	if err := ctx.Err(); err != nil {
		return Page{}, fmt.Errorf("search: %w", err)
	}
	md, offset := allWords, 0
	if r.after != nil {
		md, offset = r.after.mode, r.after.offset
	}
	p, words, err := ix.search(ctx, r, md, offset)
	if err == nil && r.after == nil && md == allWords && p.Total == 0 && words > 1 {
		p, _, err = ix.search(ctx, r, anyWord, 0)
	}
	return p, err
}

// search runs r in mode md from offset and describes the page's hits.
func (ix *Index) search(ctx context.Context, r request, md mode, offset int) (Page, int, error) {
	size := min(r.first+1, MaxHits-offset) // one more than asked tells whether a page follows
	res, qt, marks, err := ix.rank(ctx, r, md, offset, size)
	if err != nil || res == nil {
		return Page{}, qt.words(), err
	}
	p := Page{Total: res.Total}
	hits := res.Hits
	if len(hits) > r.first {
		hits, p.HasNext = hits[:r.first], true
	}
	p.Hits = make([]Hit, len(hits))
	for i, dm := range hits {
		p.Hits[i] = Hit{ID: dm.ID, Score: dm.Score, Cursor: cursor{mode: md, fp: r.fp, offset: offset + i + 1}.String()}
	}
	if p.Hits, err = ix.describe(ctx, marks, p.Hits); err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return Page{}, 0, fmt.Errorf("search: %w", cerr)
		}
		return Page{}, 0, err
	}
	return p, qt.words(), nil
}

// rank runs r in mode md, size hits from offset. The ranking, over every match, asks Bleve
// for no term locations and no stored fields, which would cost for each match; describe then
// loads and highlights a page's hits alone. res is nil when the text has no searchable word.
// qt is the text's terms; marks are those and the terms of the other wordings searched, for
// the snippets.
func (ix *Index) rank(ctx context.Context, r request, md mode, offset, size int) (res *bleve.SearchResult, qt, marks queryTerms, err error) {
	m := ix.bi.Mapping()
	qt = analyseQuery(m, r.text)
	marks = qt
	searched := qt
	if md == anyWord {
		if searched, err = ix.keepRarest(ctx, qt, maxAnyWords); err != nil {
			return nil, qt, marks, err
		}
	}
	tq := textQuery(m, searched, md)
	if tq == nil {
		return nil, qt, marks, nil
	}
	if md == allWords && len(r.also) > 0 {
		// Every word of the text, or every word of one of its other wordings.
		marks = queryTerms{}
		marks.merge(qt)
		qs := []query.Query{tq}
		for _, a := range r.also {
			in := langs
			if a.Lang != "" {
				in = []string{a.Lang}
			}
			at := analyseQuery(m, a.Text)
			if aq := textQueryIn(m, at, allWords, in); aq != nil {
				qs = append(qs, aq)
				marks.merge(at)
			}
		}
		tq = query.NewDisjunctionQuery(qs)
	}
	res, err = ix.bi.SearchInContext(ctx, bleve.NewSearchRequestOptions(withKinds(tq, r.kinds), size, offset, false))
	if err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return nil, qt, marks, fmt.Errorf("search: %w", cerr)
		}
		return nil, qt, marks, fmt.Errorf("search: %w", err)
	}
	return res, qt, marks, nil
}

// Match returns the IDs of the best limit nodes (at most MaxHits) matching text or one of its
// other wordings (see Query.Also), of the kinds given (all when none), best first, as Search
// would rank them (every word, else any of the rarest), without describing them: what a
// filter by text needs. Errors as Search's.
func (ix *Index) Match(ctx context.Context, text string, also []Wording, kinds []string, limit int) ([]string, error) {
	r, err := checkQuery(Query{Text: text, Also: also, Kinds: kinds})
	if err != nil {
		return nil, err
	}
	limit = min(max(limit, 1), MaxHits)
	res, qt, _, err := ix.rank(ctx, r, allWords, 0, limit)
	if err == nil && res != nil && res.Total == 0 && qt.words() > 1 {
		res, _, _, err = ix.rank(ctx, r, anyWord, 0, limit)
	}
	if err != nil || res == nil {
		return nil, err
	}
	ids := make([]string, len(res.Hits))
	for i, dm := range res.Hits {
		ids[i] = dm.ID
	}
	return ids, nil
}
