// Package oeil reads a document summary of the European Parliament's Legislative Observatory
// (OEIL): the title of the text summarised, its procedure reference, the date and name of
// the event it summarises (e.g. "Text adopted by Parliament, single reading") and the body,
// paragraph by paragraph.
//
// Two formats are read, recognised from the content, never from a file name:
//
//   - FormatText: plain text — optional blank lines, a title line (a leading "# " is
//     dropped), a line "2021/2544(RSP) - 11/02/2021 - Texte adopté du Parlement, lecture
//     unique", then the body: paragraphs separated by blank lines, bullets starting with "- ".
//   - FormatHTML: the OEIL document-summary web page, title in h1 .es_product-name,
//     reference and date in .es_product-subtitle, body in .es_product-content, event name in
//     its .es_links-list link.
//
// Both give the same Summary: a normalised Text laid out as the plain-text format lays it out,
// and the spans (in code points) of the title and of every body paragraph in it. A bullet
// starts with "-", "–", "—", "•" or "*" and a space (or is a list item of the page); a
// paragraph that is not a bullet, starts with a lower-case letter and follows one that does
// not end with . ; : ! ? or … continues it and is joined to it (word processors split bullets
// that way). The package does no I/O and never panics; every refusal is an *Error.
package oeil

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/internal/input"
	"golang.org/x/text/unicode/norm"
)

// Format names an input format of an OEIL document summary, as graph.Source.Format spells it.
type Format string

// The formats Parse reads.
const (
	FormatText Format = "oeil-summary-text"
	FormatHTML Format = "oeil-summary-html"
)

// MaxSize is the largest input Parse accepts, in bytes. Real summaries are a few kilobytes
// and their web pages under 100 kB; larger inputs are refused before they are looked at.
const MaxSize = 10 << 20

// Summary is one OEIL document summary.
type Summary struct {
	Format   Format
	Language string // "en" or "fr", detected from the words of the title and body, not from markup

	Title     string            // the title of the text summarised, as the summary writes it
	Reference string            // procedure reference as OEIL writes it: 2021/2544(RSP)
	Date      graph.PartialDate // the date of the event, at day precision
	Event     string            // the event as the summary writes it: "Texte adopté du Parlement, lecture unique"
	Stage     string            // the English OEIL name of the event ("Text adopted by Parliament, single reading"); "" when a non-English event is not in the table of known events

	// Text is the normalised text every span refers to: Title, a blank line, the line
	// "REF - DD/MM/YYYY - Event", a blank line, then the body paragraphs separated by blank
	// lines, bullets written with their marker and a space ("- "). It is NFC-normalised; every run of
	// white space inside a line (line breaks inside a paragraph, tabs, no-break spaces) is
	// one ASCII space; it has no "\r" and no white space at the start or end of a line.
	// Characters are otherwise kept as written: typographic apostrophes stay typographic.
	Text       string
	TitleSpan  graph.Span  // where Title lies in Text, in code points
	Paragraphs []Paragraph // the body paragraphs, in order
}

// Paragraph is one paragraph of a summary's body.
type Paragraph struct {
	Span   graph.Span // where Text lies in Summary.Text, in code points
	Text   string     // the paragraph; for a bullet, without its marker
	Bullet bool       // the paragraph is a bullet ("- ...", or a list item of the page)
}

// Parse reads an OEIL document summary in either format. It refuses with an *Error (see
// errors.go for the kinds) any input that is empty, binary, larger than MaxSize, in another
// format, incomplete, without its reference line, with an impossible date, without a body, or
// written in a language other than English or French.
func Parse(raw []byte) (*Summary, error) {
	body, err := checkInput(raw)
	if err != nil {
		return nil, err
	}
	var d *draft
	if input.LooksHTML(body) {
		d, err = parseHTML(body)
	} else {
		d, err = parseText(body)
	}
	if err != nil {
		return nil, err
	}
	return d.summary()
}

// draft is what a format reader found, before normalisation: the parts of the summary with
// white space collapsed, and the body paragraphs in order.
type draft struct {
	format    Format
	title     string
	reference string
	date      graph.PartialDate
	event     string
	paras     []para
}

// para is one body paragraph as read: marker is the bullet marker ("-", "•", ...) or "".
type para struct {
	marker string
	text   string
}

// checkInput refuses inputs that are too large, empty, or not UTF-8 text, cheapest test
// first (see input.Check), and returns the input without a UTF-8 byte-order mark. A text cut
// inside a character is an incomplete summary.
func checkInput(raw []byte) ([]byte, error) {
	b, line, r := input.CheckLine(raw, MaxSize)
	if r.Kind != nil {
		kind := r.Kind
		if kind == input.ErrIncomplete {
			kind = ErrIncomplete
		}
		return nil, fail(kind, line, r.Reason)
	}
	return b, nil
}

// summary normalises the draft into a Summary: it joins paragraphs that continue the one
// before, NFC-normalises every part, detects the language, names the stage and lays out
// Text with its spans.
func (d *draft) summary() (*Summary, error) {
	s := &Summary{
		Format:    d.format,
		Title:     norm.NFC.String(d.title),
		Reference: d.reference,
		Date:      d.date,
		Event:     norm.NFC.String(d.event),
	}
	paras := joinContinuations(d.paras)
	sample := make([]string, 0, len(paras)+1)
	sample = append(sample, s.Title)
	for i := range paras {
		paras[i].text = norm.NFC.String(paras[i].text)
		sample = append(sample, paras[i].text)
	}
	lang, err := detectLanguage(sample)
	if err != nil {
		return nil, err
	}
	s.Language = lang
	s.Stage = stageOf(s.Event, lang)

	var b strings.Builder
	pos := 0
	write := func(str string) graph.Span {
		start := pos
		b.WriteString(str)
		pos += utf8.RuneCountInString(str)
		return graph.Span{Start: start, End: pos}
	}
	s.TitleSpan = write(s.Title)
	write("\n\n")
	write(fmt.Sprintf("%s - %02d/%02d/%04d - %s", s.Reference, s.Date.Day, s.Date.Month, s.Date.Year, s.Event))
	s.Paragraphs = make([]Paragraph, len(paras))
	for i, p := range paras {
		write("\n\n")
		if p.marker != "" {
			write(p.marker + " ")
		}
		s.Paragraphs[i] = Paragraph{Span: write(p.text), Text: p.text, Bullet: p.marker != ""}
	}
	s.Text = b.String()
	return s, nil
}
