package doceo

import (
	"strings"
	"unicode/utf8"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/internal/input"
)

// layout writes Text and every span, then reads the facts that need spans: what citations
// cite, what recitals name, whom the resolution is forwarded to.
//
//	JOINT MOTION FOR A RESOLUTION on …
//
//	RC-B10-0249/2025 - 7.5.2025 - 2025/2691(RSP)
//
//	pursuant to Rules 150(5) and 136(4) of the Rules of Procedure
//	replacing the following motions:
//	B10-0249/2025 (Verts/ALE)
//	…
//	Sebastião Bugalho, …
//	on behalf of the PPE Group
//
//	European Parliament resolution on …
//
//	The European Parliament,
//
//	– having regard to …
//
//	A. whereas …
//
//	1. Strongly condemns …
//
//	(a) …
func (p *parser) layout() {
	d := p.doc
	if m := p.w.dateOf.FindStringSubmatch(d.Heading); m != nil && d.Date.IsZero() {
		d.Date = p.w.date(m[1], m[2], m[3]) // "European Parliament resolution of 8 May 2025 on …"
	}
	var w input.Builder
	d.TitleSpan = w.Para(d.Title)
	var date string
	if !d.Date.IsZero() {
		date = dotted(d.Date)
	}
	w.Para(joinParts(d.Reference, date, d.Procedure))
	motion, tabling := 0, 0
	for i, l := range p.header {
		var s graph.Span
		if i == 0 {
			s = w.Para(l)
		} else {
			s = w.Line(l)
		}
		if m := motionLineRe.FindStringSubmatch(l); m != nil && motion < len(d.Replaces) && d.Replaces[motion].Reference == m[1] {
			d.Replaces[motion].Span = s
			motion++
		}
		if m := p.w.onBehalf.FindStringSubmatch(l); m != nil && tabling < len(d.TabledBy) {
			d.TabledBy[tabling].Span, _ = input.Sub(w.String(), s, m[1])
			tabling++
		}
	}
	ci, ri, pi, ii := 0, 0, -1, 0
	for _, b := range p.body {
		switch b.kind {
		case partHeading:
			d.HeadingSpan = w.Para(b.text)
		case partPreamble:
			w.Para(b.text)
		case partCitation:
			d.Citations[ci].Span = labelled(&w, "–", b.text)
			ci++
		case partRecital:
			d.Recitals[ri].Span = labelled(&w, dotLabel(b.label), b.text)
			ri++
		case partParagraph:
			pi++
			d.Paragraphs[pi].Span = labelled(&w, b.label+".", b.text)
			ii = 0
		case partItem:
			if pi >= 0 {
				d.Paragraphs[pi].Items[ii].Span = labelled(&w, b.label, b.text)
				ii++
			}
		}
	}
	d.Text = w.String()
	for i := range d.Citations {
		p.readCitation(&d.Citations[i])
	}
	for i := range d.Recitals {
		p.readRecital(&d.Recitals[i])
	}
	p.readRecipients()
}

// labelled writes a paragraph "label text" (or "text" for an empty label) and returns the
// span of text.
func labelled(w *input.Builder, label, text string) graph.Span {
	if label == "" {
		return w.Para(text)
	}
	s := w.Para(label + " " + text)
	s.Start += utf8.RuneCountInString(label) + 1
	return s
}

func dotLabel(l string) string {
	if l == "" {
		return ""
	}
	return l + "."
}

// dotted writes a date as European Parliament documents do: 7.5.2025.
func dotted(d graph.PartialDate) string {
	return itoa(d.Day) + "." + itoa(d.Month) + "." + itoa(d.Year)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// joinParts joins the non-empty parts with " - ".
func joinParts(parts ...string) string {
	var out []string
	for _, s := range parts {
		if s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, " - ")
}

// runeSpan turns byte offsets [i, j) of a part's text into a span of the document's Text,
// the part starting at code point start.
func runeSpan(text string, start, i, j int) graph.Span {
	a := start + utf8.RuneCountInString(text[:i])
	return graph.Span{Start: a, End: a + utf8.RuneCountInString(text[i:j])}
}
