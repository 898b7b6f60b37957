package search

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Query is one search as the user asked it.
type Query struct {
	Text  string   // what the user typed: words, in English or French; no operators
	Kinds []string // restrict to these node kinds; none = all
	First int      // page size (1..100; 0 means 20)
	After string   // opaque cursor from a previous Page of the same Text, Also and Kinds; "" for the first page
	// Also are other wordings of Text that mean the same, such as Text with a country's or a
	// topic's name in the other language ("political prisoners" for "prisonniers
	// politiques"): a node whose texts in a wording's language hold every word of it matches
	// as if they held every word of Text. At most MaxAlso; each is checked like Text.
	Also []Wording
}

// Wording is a query said otherwise, in one language ("en" or "fr"; "" for both).
type Wording struct {
	Text, Lang string
}

// ErrBadQuery is wrapped by Search's error for a query the user must fix: empty text, text
// longer than MaxQueryRunes, a page size out of range, an invalid cursor or one that belongs
// to another query.
var ErrBadQuery = errors.New("search: bad query")

// Limits of a Query.
const (
	MaxQueryRunes = 500 // characters of Query.Text, and of each of Query.Also
	MaxFirst      = 100 // largest page
	DefaultFirst  = 20  // page size when Query.First is 0
	MaxAlso       = 4   // other wordings of a query
)

// mode is how the words of a query must appear in a node's texts of one language.
type mode byte

const (
	// allWords: every word of the query (or a stemmed or unaccented form of it) is in the
	// node's texts of one language. Tried first.
	allWords mode = 1
	// anyWord: at least one of the query's rarest words is (see keepRarest). Used when no
	// node has all the words, so that a query with a misspelt or extra word still finds
	// something; ranking favours the nodes with the most words.
	anyWord mode = 2
)

// request is a Query checked and normalised.
type request struct {
	text  string
	also  []Wording // other wordings, cleaned, without Text or repeats
	kinds []string
	first int
	after *cursor
	fp    uint64
}

// checkQuery validates q. Its errors wrap ErrBadQuery.
func checkQuery(q Query) (request, error) {
	text := strings.TrimSpace(cleanText(q.Text))
	switch {
	case text == "":
		return request{}, fmt.Errorf("%w: the text to search for is empty", ErrBadQuery)
	case utf8.RuneCountInString(text) > MaxQueryRunes:
		return request{}, fmt.Errorf("%w: the text to search for is longer than %d characters", ErrBadQuery, MaxQueryRunes)
	case q.First < 0 || q.First > MaxFirst:
		return request{}, fmt.Errorf("%w: page size %d is not between 1 and %d", ErrBadQuery, q.First, MaxFirst)
	}
	if len(q.Also) > MaxAlso {
		return request{}, fmt.Errorf("%w: %d other wordings of the query, at most %d", ErrBadQuery, len(q.Also), MaxAlso)
	}
	var also []Wording
	for _, a := range q.Also {
		a.Text = strings.TrimSpace(cleanText(a.Text))
		switch {
		case utf8.RuneCountInString(a.Text) > MaxQueryRunes:
			return request{}, fmt.Errorf("%w: another wording of the query is longer than %d characters", ErrBadQuery, MaxQueryRunes)
		case a.Lang != "" && !Searchable(a.Lang):
			return request{}, fmt.Errorf("%w: another wording of the query is in %q, not one of %v", ErrBadQuery, a.Lang, langs)
		}
		if a.Text != "" && a.Text != text && !slices.Contains(also, a) {
			also = append(also, a)
		}
	}
	r := request{text: text, also: also, first: q.First, fp: fingerprint(text, also, q.Kinds)}
	if r.first == 0 {
		r.first = DefaultFirst
	}
	for _, k := range q.Kinds {
		if !slices.Contains(r.kinds, k) {
			r.kinds = append(r.kinds, k)
		}
	}
	if q.After != "" {
		c, err := parseCursor(q.After, r.fp)
		if err != nil {
			return request{}, err
		}
		r.after = &c
	}
	return r, nil
}

// terms is a query text analysed for one analyzer: one group per word position, each
// group the terms that may stand there (a word and its unaccented stem, say). Groups that
// repeat an earlier group are dropped.
type terms [][]string

func analyse(a analysis.Analyzer, text string) terms {
	var ts terms
	last := -1
	for _, tok := range a.Analyze([]byte(text)) {
		if tok.Position != last {
			ts = append(ts, nil)
			last = tok.Position
		}
		g := &ts[len(ts)-1]
		if !slices.Contains(*g, string(tok.Term)) {
			*g = append(*g, string(tok.Term))
		}
	}
	return slices.CompactFunc(sortedGroups(ts), slices.Equal)
}

// sortedGroups sorts the terms in each group and the groups, so that repeated groups
// are adjacent (word order does not change scores).
func sortedGroups(ts terms) terms {
	for _, g := range ts {
		slices.Sort(g)
	}
	slices.SortFunc(ts, func(a, b []string) int { return slices.Compare(a, b) })
	return ts
}

// queryTerms is a query text analysed by the analyzer of each language, by analyzer name.
type queryTerms map[string]terms

func analyseQuery(m mapping.IndexMapping, text string) queryTerms {
	qt := queryTerms{}
	for _, f := range langs {
		an := m.AnalyzerNameForPath(f)
		if _, ok := qt[an]; !ok {
			if a := m.AnalyzerNamed(an); a != nil {
				qt[an] = analyse(a, text)
			}
		}
	}
	return qt
}

// words is the largest number of word groups any analyzer found.
func (qt queryTerms) words() int {
	n := 0
	for _, ts := range qt {
		n = max(n, len(ts))
	}
	return n
}

// merge adds the terms of other to qt's, for the highlighter: the groups of each analyzer
// side by side (their count then no longer says how many words a wording has: see words).
func (qt queryTerms) merge(other queryTerms) {
	for an, ts := range other {
		qt[an] = append(qt[an], ts...)
	}
}

// set is every term of the analyzer an, for the highlighter to look for.
func (qt queryTerms) set(an string) map[string]bool {
	s := map[string]bool{}
	for _, g := range qt[an] {
		for _, t := range g {
			s[t] = true
		}
	}
	return s
}

// textQuery is the query for qt in mode md: a disjunction over the language fields of the
// query for that field, built from Bleve term queries, never parsed from user input.
// It returns nil when the text has no searchable word (only stop words or punctuation).
func textQuery(m mapping.IndexMapping, qt queryTerms, md mode) query.Query {
	return textQueryIn(m, qt, md, langs)
}

// textQueryIn is textQuery over the fields of the languages given only.
func textQueryIn(m mapping.IndexMapping, qt queryTerms, md mode, in []string) query.Query {
	var fields []query.Query
	for _, f := range in {
		if ts := qt[m.AnalyzerNameForPath(f)]; len(ts) > 0 {
			fields = append(fields, fieldQuery(f, ts, md))
		}
	}
	if len(fields) == 0 {
		return nil
	}
	return query.NewDisjunctionQuery(fields)
}

// fieldQuery matches ts in one field: all groups (allWords) or any (anyWord); a group
// matches when any of its terms does.
func fieldQuery(field string, ts terms, md mode) query.Query {
	groups := make([]query.Query, len(ts))
	for i, g := range ts {
		alts := make([]query.Query, len(g))
		for j, t := range g {
			tq := query.NewTermQuery(t)
			tq.SetField(field)
			alts[j] = tq
		}
		if len(alts) == 1 {
			groups[i] = alts[0]
		} else {
			groups[i] = query.NewDisjunctionQuery(alts)
		}
	}
	if len(groups) == 1 {
		return groups[0]
	}
	if md == allWords {
		return query.NewConjunctionQuery(groups)
	}
	return query.NewDisjunctionQuery(groups)
}

// withKinds restricts q to the given kinds with a filter, which leaves scores as they are.
func withKinds(q query.Query, kinds []string) query.Query {
	if len(kinds) == 0 {
		return q
	}
	ks := make([]query.Query, len(kinds))
	for i, k := range kinds {
		tq := query.NewTermQuery(k)
		tq.SetField(kindField)
		ks[i] = tq
	}
	b := query.NewBooleanQuery([]query.Query{q}, nil, nil)
	b.AddFilter(query.NewDisjunctionQuery(ks))
	return b
}
