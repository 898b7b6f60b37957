package lexicon

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CaseMode says how strictly a pattern's letter case must be met in a text. Folding (see
// Fold) always applies, so accents and apostrophes never matter.
type CaseMode uint8

// Case modes.
const (
	// AnyCase ignores letter case: French adjectives ("chinois", "Chinois"), topics.
	AnyCase CaseMode = iota
	// Capitalised requires every word the pattern capitalises to be capitalised in the text
	// (upper case also does): "Chad" the country, not "chad"; "Turkey", not "turkey".
	Capitalised
	// ExactCase requires every word exactly as the pattern writes it: acronyms such as
	// "US", "EU", "UE", "EPP", which are ordinary words in another case.
	ExactCase
)

// Matcher finds phrases in token sequences: leftmost, then longest, matches of a set of
// patterns, each carrying a value of type V. Patterns are tokenized like texts (see
// Tokenize), so a pattern matches on word boundaries only. A Matcher is safe for concurrent
// use once built.
type Matcher[V comparable] struct {
	byFirst map[string][]*entry[V]
	inflect bool // some pattern accepts inflected words: look up de-suffixed keys too
}

type entry[V comparable] struct {
	toks    []Token
	mode    CaseMode
	inflect bool
	value   V
}

// NewMatcher returns an empty Matcher.
func NewMatcher[V comparable]() *Matcher[V] {
	return &Matcher[V]{byFirst: map[string][]*entry[V]{}}
}

// Add adds a pattern with its value. A pattern that tokenizes to nothing is ignored.
func (m *Matcher[V]) Add(pattern string, mode CaseMode, value V) {
	m.add(pattern, mode, false, value)
}

// AddInflected adds a pattern whose words also match with a plural or feminine ending in the
// text ("prisonnier politique" matches "prisonniers politiques"; "violence" matches
// "violences"): each word of the text may be the pattern's word followed by "s", "x", "e" or
// "es".
func (m *Matcher[V]) AddInflected(pattern string, mode CaseMode, value V) {
	m.add(pattern, mode, true, value)
}

func (m *Matcher[V]) add(pattern string, mode CaseMode, inflect bool, value V) {
	toks := TokenizeString(pattern)
	if len(toks) == 0 {
		return
	}
	e := &entry[V]{toks: toks, mode: mode, inflect: inflect, value: value}
	k := toks[0].Fold
	for _, o := range m.byFirst[k] {
		if o.value == value && o.mode == mode && o.inflect == inflect && sameFolds(o.toks, toks) {
			return // the same pattern twice ("Côte d’Ivoire", "Côte d'Ivoire")
		}
	}
	m.byFirst[k] = append(m.byFirst[k], e)
	slices.SortStableFunc(m.byFirst[k], func(a, b *entry[V]) int { return len(b.toks) - len(a.toks) })
	m.inflect = m.inflect || inflect
}

// inflections are the endings AddInflected patterns accept.
var inflections = []string{"s", "x", "e", "es"}

// Match is one place a Matcher found: tokens [Lo, Hi) of the searched slice, and the values
// of every pattern of that length that matched there (several when names collide, such as
// "Parliament" the European Parliament and "parliament" a national one).
type Match[V comparable] struct {
	Lo, Hi int
	Values []V
}

// At returns the longest match starting at toks[i], if any.
func (m *Matcher[V]) At(toks []Token, i int) (Match[V], bool) {
	if i < 0 || i >= len(toks) {
		return Match[V]{}, false
	}
	best := Match[V]{Lo: i, Hi: i}
	try := func(key string) {
		for _, e := range m.byFirst[key] {
			n := len(e.toks)
			if n < best.Hi-i {
				break // entries are sorted longest first
			}
			if i+n > len(toks) || !e.matches(toks[i:i+n]) {
				continue
			}
			if n > best.Hi-i {
				best.Hi, best.Values = i+n, nil
			}
			best.Values = append(best.Values, e.value)
		}
	}
	f := toks[i].Fold
	try(f)
	if m.inflect {
		for _, suf := range inflections {
			if base, ok := strings.CutSuffix(f, suf); ok && base != "" {
				try(base)
			}
		}
	}
	return best, best.Hi > i
}

// FindAll returns the leftmost-longest, non-overlapping matches in toks, in order.
func (m *Matcher[V]) FindAll(toks []Token) []Match[V] {
	var out []Match[V]
	for i := 0; i < len(toks); {
		if mt, ok := m.At(toks, i); ok {
			out = append(out, mt)
			i = mt.Hi
			continue
		}
		i++
	}
	return out
}

func (e *entry[V]) matches(toks []Token) bool {
	for k, p := range e.toks {
		t := toks[k]
		if t.Fold != p.Fold && !(e.inflect && isInflection(t.Fold, p.Fold)) {
			return false
		}
		switch e.mode {
		case ExactCase:
			if p.IsWord() && t.Text != p.Text && !(e.inflect && strings.HasPrefix(t.Text, p.Text)) {
				return false
			}
		case Capitalised:
			if startsUpper(p.Text) && !startsUpper(t.Text) {
				return false
			}
		}
	}
	return true
}

func isInflection(word, base string) bool {
	if rest, ok := strings.CutPrefix(word, base); ok {
		return slices.Contains(inflections, rest)
	}
	return false
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func sameFolds(a, b []Token) bool {
	return slices.EqualFunc(a, b, func(x, y Token) bool { return x.Fold == y.Fold && x.Text == y.Text })
}
