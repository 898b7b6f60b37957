package search

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/highlight"
	htmlformat "github.com/blevesearch/bleve/v2/search/highlight/format/html"
	"github.com/blevesearch/bleve/v2/search/highlight/fragmenter/simple"
	simplehl "github.com/blevesearch/bleve/v2/search/highlight/highlighter/simple"
)

// highlighterName is the Bleve highlighter Search asks for: Bleve's simple highlighter and
// its HTML formatter, which escapes the text and wraps each match in <mark>…</mark>, with
// Bleve's simple fragmenter cutting fragments of at most snippetRunes characters around the
// matches, trimmed to whole words. A fragment that does not start or end its text is
// preceded or followed by "…".
const highlighterName = "eurel_snippet"

// snippetRunes is the longest snippet in characters, not counting marks and ellipses: about
// 25 words, a line or two in a list of hits.
const snippetRunes = 160

func init() {
	err := registry.RegisterHighlighter(highlighterName, func(map[string]any, *registry.Cache) (highlight.Highlighter, error) {
		return simplehl.NewHighlighter(
			wordFragmenter{simple.NewFragmenter(snippetRunes)},
			htmlformat.NewFragmentFormatter("<mark>", "</mark>"),
			simplehl.DefaultSeparator,
		), nil
	})
	if err != nil {
		panic(err)
	}
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
