package doceo

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/eurel/eurel/ingest/internal/input"
)

// partKind says what a part of the text of a resolution is.
type partKind uint8

const (
	partHeading partKind = iota + 1
	partPreamble
	partCitation
	partRecital
	partParagraph
	partItem
)

// block is one part of the text of a resolution, as read.
type block struct {
	kind  partKind
	label string // recital letter, paragraph number, item label; "" otherwise
	text  string // without its label or dash
}

// readBody reads the text of the resolution or decision: the paragraphs and headings after
// the document-stages card (after the header when the page has none), classified part by
// part (see classify), then the facts of each part.
func (p *parser) readBody(root *html.Node) {
	start := input.Find(root, input.WithClass("doceo-ring"))
	if start == nil {
		start = input.Find(root, input.Is(atom.H1, ""))
		if start != nil && start.Parent != nil && start.Parent.DataAtom == atom.Div {
			start = start.Parent
		}
	}
	var texts []bodyText
	after := start == nil
	input.Walk(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		if n == start || input.Skipped(n) {
			return false
		}
		switch n.DataAtom {
		case atom.P, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			if after {
				texts = append(texts, bodyText{text: input.TextOf(n), heading: n.DataAtom != atom.P})
			}
			return false
		}
		return true
	}, func(n *html.Node) {
		if n == start {
			after = true
		}
	})
	p.body = p.classify(texts)
	p.collect()
}

// bodyText is the text of one paragraph or heading of the page.
type bodyText struct {
	text    string
	heading bool // an h2…h6 element
}

var (
	numberedRe  = regexp.MustCompile(`^(\d{1,3}[a-z]?)\.\s+(\S.*)$`)
	letteredRe  = regexp.MustCompile(`^([A-Z]{1,2}[a-z]?)\.\s+(\S.*)$`)
	dashRe      = regexp.MustCompile(`^[–—−-]\s*(\S.*)$`)
	itemRe      = regexp.MustCompile(`^(\([a-z]{1,3}\)|\([ivx]{1,5}\)|[a-z]\)|[–—•−-])\s+(\S.*)$`)
	procedureRe = regexp.MustCompile(`^\(?\s*` + input.ProcedurePattern + `\s*\)?$`)
	// endMarkRe starts what follows the operative part of a text: amendments, annexes, an
	// explanatory statement.
	endMarkRe = regexp.MustCompile(`(?i)^(?:amendments?|amendements?|present text|texte en vigueur|annex|annexe|explanatory statement|exposé des motifs)\b`)
)

// subheading reports whether a paragraph is a subheading of the operative part: a few words
// starting with a capital, without the punctuation that ends a paragraph.
func subheading(s string) bool {
	if len(strings.Fields(s)) > 12 || startsLower(s) || strings.ContainsAny(s[len(s)-1:], ".;:,") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// classify reads the texts of the page into the parts of a resolution. The text starts at a
// heading ("European Parliament resolution on …", or a heading in capitals such as
// "PROPOSAL FOR A EUROPEAN PARLIAMENT DECISION" completed by the "on …" paragraph after
// it), then "The European Parliament,", the citations (led by a dash or "having regard to"),
// the recitals (a letter and "whereas"), and the numbered paragraphs with their sub-items
// ("(a)", a dash). A paragraph starting in lower case continues the part before it; a
// subheading between operative paragraphs (a few capitalised words) is skipped. The text
// ends at the first heading, amendment, annex or explanatory statement after the operative
// part, or at any other paragraph that is none of these: what follows is not read.
func (p *parser) classify(texts []bodyText) []block {
	const (
		before = iota
		preamble
		recitals
		operative
	)
	w := p.w
	var out []block
	state := before
	capsPending := false
	last := func() *block {
		if len(out) == 0 {
			return nil
		}
		return &out[len(out)-1]
	}
	for _, t := range texts {
		s := t.text
		if s == "" {
			continue
		}
		if capsPending {
			capsPending = false
			if h := last(); h != nil && h.kind == partHeading && startsLower(s) {
				h.text += " " + s
				continue
			}
		}
		if state == operative {
			switch m := itemRe.FindStringSubmatch(s); {
			case t.heading || endMarkRe.MatchString(s):
				return out
			case m != nil:
				out = append(out, block{kind: partItem, label: m[1], text: m[2]})
				continue
			case startsLower(s):
				last().text += " " + s
				continue
			}
			if m := numberedRe.FindStringSubmatch(s); m != nil {
				out = append(out, block{kind: partParagraph, label: m[1], text: m[2]})
				continue
			}
			if subheading(s) {
				continue // "Freedom of the media": a subheading between paragraphs
			}
			return out
		}
		if m := numberedRe.FindStringSubmatch(s); m != nil && (state != before || len(out) > 0) {
			out = append(out, block{kind: partParagraph, label: m[1], text: m[2]})
			state = operative
			continue
		}
		switch {
		case state == before && len(out) == 0 && w.heading.MatchString(s):
			out = append(out, block{kind: partHeading, text: s})
		case state == before && len(out) == 0 && w.capsHeading.MatchString(s):
			out = append(out, block{kind: partHeading, text: s})
			capsPending = true
		case state == before && procedureRe.MatchString(s):
		case w.preamble.MatchString(s) && state <= preamble:
			out = append(out, block{kind: partPreamble, text: s})
			state = preamble
		case w.citation.MatchString(s) && state <= preamble:
			out = append(out, block{kind: partCitation, text: s})
			state = preamble
		case dashRe.MatchString(s) && state <= preamble && (state == preamble || w.citation.MatchString(dashRe.FindStringSubmatch(s)[1])):
			out = append(out, block{kind: partCitation, text: dashRe.FindStringSubmatch(s)[1]})
			state = preamble
		case letteredRe.MatchString(s) && (state == recitals || w.recital.MatchString(letteredRe.FindStringSubmatch(s)[2])):
			m := letteredRe.FindStringSubmatch(s)
			out = append(out, block{kind: partRecital, label: m[1], text: m[2]})
			state = recitals
		case w.recital.MatchString(s) && state <= recitals:
			out = append(out, block{kind: partRecital, text: s})
			state = recitals
		case startsLower(s) && (state == preamble || state == recitals) && last() != nil:
			last().text += " " + s
		}
	}
	return out
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// collect turns the blocks into the Doc's parts: heading, citations, recitals, paragraphs
// and their items. Spans are set by layout.
func (p *parser) collect() {
	d := p.doc
	for _, b := range p.body {
		switch b.kind {
		case partHeading:
			d.Heading = b.text
		case partCitation:
			d.Citations = append(d.Citations, Citation{Text: b.text})
		case partRecital:
			d.Recitals = append(d.Recitals, Recital{Label: b.label, Text: b.text})
		case partParagraph:
			d.Paragraphs = append(d.Paragraphs, Paragraph{Number: b.label, Text: b.text})
		case partItem:
			if n := len(d.Paragraphs); n > 0 {
				d.Paragraphs[n-1].Items = append(d.Paragraphs[n-1].Items, Item{Label: b.label, Text: b.text})
			}
		}
	}
}
