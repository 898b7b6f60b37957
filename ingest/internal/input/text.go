package input

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eurel/eurel/graph"
	"golang.org/x/text/unicode/norm"
)

// Collapse trims s and turns every run of white space inside it (Unicode's: tabs, line
// breaks, no-break spaces; control characters count too) into one ASCII space. Soft hyphens
// and zero-width characters are dropped. The result is NFC.
func Collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\u00AD' || r == '\u200B' || r == '\uFEFF' || r == '\u200C' || r == '\u200D':
			continue
		case unicode.IsSpace(r) || unicode.IsControl(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// Dashes turns the hyphens and dashes that European Parliament pages write inside
// references and names (U+2010 hyphen, U+2011 non-breaking hyphen, U+2012 figure dash, U+2212
// minus) into ASCII hyphens: "B10‑0249/2025" is "B10-0249/2025".
func Dashes(s string) string {
	if !strings.ContainsAny(s, "\u2010\u2011\u2012\u2212") {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\u2010', '\u2011', '\u2012', '\u2212':
			return '-'
		}
		return r
	}, s)
}

// Builder lays out a normalised text and returns the span, in code points, of each part
// written. Parts are written as given: callers collapse and normalise them first.
type Builder struct {
	b strings.Builder
	n int
}

// Write appends s and returns its span.
func (w *Builder) Write(s string) graph.Span {
	start := w.n
	w.b.WriteString(s)
	w.n += utf8.RuneCountInString(s)
	return graph.Span{Start: start, End: w.n}
}

// Para starts a new paragraph (a blank line after what was written, nothing at the start)
// and writes s, returning its span.
func (w *Builder) Para(s string) graph.Span {
	if w.n > 0 {
		w.Write("\n\n")
	}
	return w.Write(s)
}

// Line starts a new line (a line break after what was written, nothing at the start) and
// writes s, returning its span.
func (w *Builder) Line(s string) graph.Span {
	if w.n > 0 {
		w.Write("\n")
	}
	return w.Write(s)
}

// Len is the number of code points written.
func (w *Builder) Len() int { return w.n }

// String returns the text written.
func (w *Builder) String() string { return w.b.String() }

// Sub returns the span of the first occurrence of sub inside a part of text at span s, or
// the zero span and false.
func Sub(text string, s graph.Span, sub string) (graph.Span, bool) {
	part, err := graph.Quote(text, s)
	if err != nil || sub == "" {
		return graph.Span{}, false
	}
	i := strings.Index(part, sub)
	if i < 0 {
		return graph.Span{}, false
	}
	start := s.Start + utf8.RuneCountInString(part[:i])
	return graph.Span{Start: start, End: start + utf8.RuneCountInString(sub)}, true
}

// Excerpt quotes the start of s for an error message.
func Excerpt(s string) string {
	const limit = 60
	if r := []rune(s); len(r) > limit {
		s = string(r[:limit]) + "…"
	}
	return `"` + s + `"`
}
