package search

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight"
	htmlformat "github.com/blevesearch/bleve/v2/search/highlight/format/html"
	"github.com/blevesearch/bleve/v2/search/highlight/fragmenter/simple"
	simplehl "github.com/blevesearch/bleve/v2/search/highlight/highlighter/simple"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/eurel/eurel/internal/par"
)

// highlighter cuts the snippets: Bleve's simple highlighter and its HTML formatter, which
// escapes the text and wraps each match in <mark>…</mark>, with Bleve's simple fragmenter
// cutting fragments of at most snippetRunes characters around the matches, trimmed to
// whole words. A fragment that does not start or end its text is preceded or followed by
// "…". It keeps no state between calls, so searches share it.
var highlighter = simplehl.NewHighlighter(
	wordFragmenter{simple.NewFragmenter(snippetRunes)},
	htmlformat.NewFragmentFormatter("<mark>", "</mark>"),
	simplehl.DefaultSeparator,
)

// snippetRunes is the longest snippet in characters, not counting marks and ellipses: about
// 25 words, a line or two in a list of hits.
const snippetRunes = 160

// describe fills in the kind, field and snippet of each hit from its stored document, and
// returns the hits whose document is still there (Put or Delete may have run since the
// ranking). The hits are described in parallel, by up to GOMAXPROCS goroutines.
//
// The index keeps no term vectors: asking Bleve for match locations would make it decode
// them for every match while ranking (and, on a second search restricted to the page's
// hits, walk the long posting lists of common words again). Instead the page's texts are
// analysed anew with their field's analyzer, and the tokens that are query terms become
// the locations Bleve's highlighter marks: the same terms, in ~30µs a hit whatever the
// query.
func (ix *Index) describe(ctx context.Context, qt queryTerms, hits []Hit) ([]Hit, error) {
	sets := map[string]map[string]bool{}
	for an := range qt {
		sets[an] = qt.set(an)
	}
	found := make([]bool, len(hits))
	errs := make([]error, len(hits))
	par.Each(len(hits), func(i int) {
		if errs[i] = ctx.Err(); errs[i] == nil {
			found[i], errs[i] = ix.describeHit(sets, &hits[i])
		}
	})
	for _, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
	}
	kept := hits[:0]
	for i, h := range hits {
		if found[i] {
			kept = append(kept, h)
		}
	}
	return kept, nil
}

// describeHit describes one hit, given the query terms of each analyzer; it reports false
// when the hit's document is gone.
func (ix *Index) describeHit(sets map[string]map[string]bool, h *Hit) (bool, error) {
	doc, err := ix.bi.Document(h.ID)
	if err != nil {
		return false, fmt.Errorf("loading %s: %w", h.ID, err)
	}
	if doc == nil {
		return false, nil
	}
	m := ix.bi.Mapping()
	dm := &search.DocumentMatch{ID: h.ID, Locations: search.FieldTermLocationMap{}}
	doc.VisitFields(func(f index.Field) {
		tf, ok := f.(index.TextField)
		if !ok {
			return
		}
		if f.Name() == kindField {
			h.Kind = tf.Text()
			return
		}
		an := m.AnalyzerNameForPath(f.Name())
		a := m.AnalyzerNamed(an)
		if a == nil || len(sets[an]) == 0 {
			return
		}
		// Analyze may change the bytes it is given (lower-casing in place): give it a copy.
		locate(dm, f.Name(), f.ArrayPositions(), a.Analyze(bytes.Clone(f.Value())), sets[an])
	})
	for field := range dm.Locations {
		highlighter.BestFragmentsInField(dm, doc, field, 1)
	}
	if f := bestField(dm); f != "" {
		h.Field, _, _ = strings.Cut(f, "_")
		h.Snippet = dm.Fragments[f][0]
	}
	return true, nil
}

// locate records in dm the tokens of one value of field that are query terms.
func locate(dm *search.DocumentMatch, field string, ap []uint64, toks analysis.TokenStream, terms map[string]bool) {
	for _, tok := range toks {
		if !terms[string(tok.Term)] {
			continue
		}
		tlm := dm.Locations[field]
		if tlm == nil {
			tlm = search.TermLocationMap{}
			dm.Locations[field] = tlm
		}
		tlm.AddLocation(string(tok.Term), &search.Location{
			Pos:            uint64(tok.Position),
			Start:          uint64(tok.Start),
			End:            uint64(tok.End),
			ArrayPositions: ap,
		})
	}
}

// bestField is the highlighted field with the most distinct matching terms, then the most
// matches, then the first in storedFields order (titles before names before texts, English
// before French); "" when no field was highlighted.
func bestField(dm *search.DocumentMatch) string {
	best, bestTerms, bestLocs := "", -1, -1
	for _, f := range storedFields {
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

// wordFragmenter trims the fragments of another fragmenter, which counts characters, so
// that they neither start nor end in the middle of a word, nor with spaces.
type wordFragmenter struct{ highlight.Fragmenter }

func (w wordFragmenter) Fragment(orig []byte, ot highlight.TermLocations) []*highlight.Fragment {
	fs := w.Fragmenter.Fragment(orig, ot)
	for _, f := range fs {
		trimToWords(f, ot)
	}
	return fs
}

// trimToWords moves f's ends inwards to word boundaries, never past a match inside f.
func trimToWords(f *highlight.Fragment, ot highlight.TermLocations) {
	orig := f.Orig
	if f.Start < 0 || f.End > len(orig) || f.Start > f.End {
		return
	}
	first, last := f.End, f.Start // the span of the matches inside f
	for _, tl := range ot {
		if tl != nil && tl.Start >= f.Start && tl.End <= f.End {
			first, last = min(first, tl.Start), max(last, tl.End)
		}
	}
	if first > last {
		return
	}
	startAtTheStart(f, last)
	if midWord(orig, f.Start) {
		if i := bytes.IndexFunc(orig[f.Start:first], unicode.IsSpace); i >= 0 {
			f.Start += i
		}
	}
	for f.Start < first {
		r, n := utf8.DecodeRune(orig[f.Start:])
		if !unicode.IsSpace(r) {
			break
		}
		f.Start += n
	}
	if midWord(orig, f.End) {
		if i := bytes.LastIndexFunc(orig[last:f.End], unicode.IsSpace); i >= 0 {
			f.End = last + i
		}
	}
	for f.End > last {
		r, n := utf8.DecodeLastRune(orig[:f.End])
		if !unicode.IsSpace(r) {
			break
		}
		f.End -= n
	}
}

// leadRunes is how close to the start of its text a fragment must begin for
// startAtTheStart to move it there.
const leadRunes = 40

// startAtTheStart moves f to the start of its text when it begins within leadRunes
// characters of it, giving up as many characters at its end, as long as the matches up to
// offset last stay inside: "European Parliament resolution on the <mark>…" reads better
// than "…resolution on the <mark>…".
func startAtTheStart(f *highlight.Fragment, last int) {
	lead := utf8.RuneCount(f.Orig[:f.Start])
	if lead == 0 || lead > leadRunes {
		return
	}
	end := f.End
	for i := 0; i < lead && end > last; i++ {
		_, n := utf8.DecodeLastRune(f.Orig[:end])
		end -= n
	}
	if end >= last {
		f.Start, f.End = 0, end
	}
}

// midWord reports whether offset i of b falls between two characters that are not spaces.
func midWord(b []byte, i int) bool {
	if i <= 0 || i >= len(b) {
		return false
	}
	before, _ := utf8.DecodeLastRune(b[:i])
	after, _ := utf8.DecodeRune(b[i:])
	return !unicode.IsSpace(before) && !unicode.IsSpace(after)
}
