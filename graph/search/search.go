package search

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
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

// sortOrder ranks hits by score, ties by ID, so that paging by the last hit's (score, ID)
// neither skips nor repeats a hit while the index is unchanged.
var sortOrder = []string{"-_score", "_id"}

// Search finds the nodes whose texts match q.Text, best first, a page at a time.
//
// A node matches when one of its text fields, in English or in French, holds every word
// of the query, stemmed and with accents folded ("prisonniers politiques" finds "prisonnier
// politique", "refugies" finds "réfugiés"). When no node has all the words, Search returns
// the nodes that have any of them, those with the most first; the pages after it keep to
// the choice of the first. The text is never parsed as a query language: every input is a
// list of words, and a text of stop words only ("the", "de la") has no hits.
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
	md := allWords
	if r.after != nil {
		md = r.after.mode
	}
	p, words, err := ix.search(ctx, r, md)
	if err == nil && r.after == nil && md == allWords && p.Total == 0 && words > 1 {
		p, _, err = ix.search(ctx, r, anyWord)
	}
	return p, err
}

func (ix *Index) search(ctx context.Context, r request, md mode) (Page, int, error) {
	tq, words := textQuery(ix.bi.Mapping(), r.text, md)
	if tq == nil {
		return Page{}, words, nil
	}
	req := bleve.NewSearchRequestOptions(withKinds(tq, r.kinds), r.first+1, 0, false)
	req.SortBy(sortOrder)
	if r.after != nil {
		req.SetSearchAfter([]string{strconv.FormatFloat(r.after.score, 'g', -1, 64), r.after.id})
	}
	req.Fields = []string{kindField}
	req.Highlight = bleve.NewHighlightWithStyle(highlighterName)

	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return Page{}, words, fmt.Errorf("search: %w", cerr)
		}
		return Page{}, words, fmt.Errorf("search: %w", err)
	}
	p := Page{Total: res.Total}
	hits := res.Hits
	if len(hits) > r.first {
		hits, p.HasNext = hits[:r.first], true
	}
	p.Hits = make([]Hit, len(hits))
	for i, dm := range hits {
		p.Hits[i] = hit(dm, cursor{mode: md, fp: r.fp, score: dm.Score, id: dm.ID})
	}
	return p, words, nil
}

func hit(dm *search.DocumentMatch, c cursor) Hit {
	h := Hit{ID: dm.ID, Score: dm.Score, Cursor: c.String()}
	h.Kind, _ = dm.Fields[kindField].(string)
	if f := bestField(dm); f != "" {
		h.Field, _, _ = strings.Cut(f, "_")
		h.Snippet = dm.Fragments[f][0]
	}
	return h
}

// bestField is the highlighted field with the most distinct matching terms, then the most
// matches, then the first in searchFields order (titles before names before texts, English
// before French); "" when no field was highlighted.
func bestField(dm *search.DocumentMatch) string {
	best, bestTerms, bestLocs := "", -1, -1
	for _, f := range searchFields {
		if len(dm.Fragments[f]) == 0 || dm.Fragments[f][0] == "" {
			continue
		}
		terms, locs := len(dm.Locations[f]), 0
		for _, ls := range dm.Locations[f] {
			locs += len(ls)
		}
		if terms > bestTerms || (terms == bestTerms && locs > bestLocs) {
			best, bestTerms, bestLocs = f, terms, locs
		}
	}
	return best
}
