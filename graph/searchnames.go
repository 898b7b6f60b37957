package graph

import (
	"context"
	"slices"
	"strings"
	"sync/atomic"
	"unicode"

	"github.com/cayleygraph/quad"
	"github.com/eurel/eurel/graph/search"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// A search for "prisonniers politiques" finds the French texts that hold those words; the
// English ones say "political prisoners". Countries and topics carry their names in both
// languages (from CLDR and the OEIL subjects), so a query that names them can be said in the
// other language too: Store.Search passes those wordings to the index as search.Query.Also.

// wordingKinds are the kinds whose names a query is translated by: their names come in
// every language of the graph and mean the same in each.
var wordingKinds = []NodeKind{KindCountry, KindTopic}

// nameIndex finds the names of countries and topics in a query's words. It is built from the
// view in one generation of the store and read-only after.
type nameIndex struct {
	gen     uint64
	byFirst map[string][]namedNode // the first folded word of a name → the nodes it may name
	langs   []string               // the languages of the names that search has an analyzer for, sorted
}

// splitBracket splits a name such as CLDR's "Myanmar (Birmanie)" into the name texts use,
// "Myanmar", and the alternative in brackets, "Birmanie" ("" when there is none).
func splitBracket(name string) (short, alt string) {
	open := strings.LastIndex(name, " (")
	if open < 0 || !strings.HasSuffix(name, ")") {
		return name, ""
	}
	return name[:open], name[open+2 : len(name)-1]
}

// namedNode is one form of a node's name (whole, without its bracket, or the bracket alone)
// as folded words, and the names by language that replace it (without their brackets).
type namedNode struct {
	words []string
	names map[string]string
}

// nameIndexCache holds the last nameIndex built.
type nameIndexCache struct{ p atomic.Pointer[nameIndex] }

// nameIndex returns the index of names for the store's current generation, building it when
// the graph has changed since the last one.
func (s *Store) nameIndex() *nameIndex {
	gen := s.Generation()
	if ix := s.names.p.Load(); ix != nil && ix.gen == gen {
		return ix
	}
	ix := &nameIndex{gen: gen, byFirst: map[string][]namedNode{}}
	langs := map[string]bool{}
	_ = s.viewRead(context.Background(), func(v *view) {
		for _, k := range wordingKinds {
			for _, n := range v.byKind[k] {
				if v.kindOf(n) != k {
					continue
				}
				names := map[string]string{}
				var forms []string
				for _, f := range v.names(n) {
					if ls, ok := f.o.(quad.LangString); ok && ls.Lang != "" {
						short, alt := splitBracket(string(ls.Value))
						names[ls.Lang] = short
						forms = append(forms, string(ls.Value), short, alt)
					}
				}
				for lang := range names {
					if search.Searchable(lang) {
						langs[lang] = true
					}
				}
				seen := map[string]bool{}
				for _, form := range forms {
					w := foldWords(form)
					if key := strings.Join(w, " "); len(w) > 0 && !seen[key] {
						seen[key] = true
						ix.byFirst[w[0]] = append(ix.byFirst[w[0]], namedNode{w, names})
					}
				}
			}
		}
	})
	for l := range langs {
		ix.langs = append(ix.langs, l)
	}
	slices.Sort(ix.langs)
	s.names.p.Store(ix)
	return ix
}

// wordings returns text said in each language of the index: every name of a country or a
// topic in it (the longest at each place, matched without case or accents) replaced by that
// node's name in the language, the other words as typed, each to be searched in the texts of
// its language. A wording equal to text is left out (text is searched in every language), and
// every wording when text names nothing.
func (ix *nameIndex) wordings(text string) []search.Wording {
	words, spans := foldWordSpans(text)
	type found struct {
		start, end int // byte offsets in text
		names      map[string]string
	}
	var hits []found
	for i := 0; i < len(words); {
		best := 0
		var names map[string]string
		for _, c := range ix.byFirst[words[i]] {
			if len(c.words) > best && i+len(c.words) <= len(words) && slices.Equal(c.words, words[i:i+len(c.words)]) {
				best, names = len(c.words), c.names
			}
		}
		if best == 0 {
			i++
			continue
		}
		hits = append(hits, found{spans[i][0], spans[i+best-1][1], names})
		i += best
	}
	if len(hits) == 0 {
		return nil
	}
	var out []search.Wording
	for _, lang := range ix.langs {
		var b strings.Builder
		at := 0
		for _, h := range hits {
			b.WriteString(text[at:h.start])
			if name, ok := h.names[lang]; ok {
				b.WriteString(name)
			} else {
				b.WriteString(text[h.start:h.end])
			}
			at = h.end
		}
		b.WriteString(text[at:])
		if w := b.String(); w != text && len(out) < search.MaxAlso {
			out = append(out, search.Wording{Text: w, Lang: lang})
		}
	}
	return out
}

// unaccent removes accents: "Côte d’Ivoire" → "Cote d’Ivoire".
var unaccent = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// foldWords is s as lower-case words without accents: letters and digits, split at anything
// else.
func foldWords(s string) []string {
	w, _ := foldWordSpans(s)
	return w
}

// foldWordSpans is foldWords with the byte span of each word in s.
func foldWordSpans(s string) (words []string, spans [][2]int) {
	start := -1
	flush := func(end int) {
		if start >= 0 {
			f, _, err := transform.String(unaccent, strings.ToLower(s[start:end]))
			if err != nil {
				f = strings.ToLower(s[start:end])
			}
			words = append(words, f)
			spans = append(spans, [2]int{start, end})
			start = -1
		}
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	return words, spans
}
