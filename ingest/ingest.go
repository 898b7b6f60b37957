// Package ingest turns one source text into a graph.Document: it recognises the format from
// the content, parses it, and extracts the resolution, countries, agreements, institutions,
// demands and stances with their evidence. It does no I/O beyond the bytes it is given and
// never touches the store.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/extract"
	"github.com/eurel/eurel/ingest/oeil"
)

// Error is a refusal of one text: Name says which text (a path, URL or the name given) and
// Reason what is wrong with it. It wraps graph.ErrBadInput.
type Error struct {
	Name   string
	Reason string
}

func (e *Error) Error() string {
	if e.Name == "" {
		return e.Reason
	}
	return e.Name + ": " + e.Reason
}

// Unwrap makes errors.Is(err, graph.ErrBadInput) true.
func (e *Error) Unwrap() error { return graph.ErrBadInput }

// MaxSize is the largest text Parse accepts, in bytes. Real summaries are a few kilobytes and
// OEIL pages under 100 kB; anything past this is refused before it is parsed.
const MaxSize = oeil.MaxSize

// Parse reads one text, names it name in errors and in the Document's Source, and returns
// the Document to store. It refuses empty, binary, oversized, malformed and unsupported texts
// (any language but English and French) with an *Error; it never panics. now stamps
// Source.IngestedAt (time.Now when nil).
func Parse(ctx context.Context, raw []byte, name string, now func() time.Time) (*graph.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if now == nil {
		now = time.Now
	}
	s, err := oeil.Parse(raw)
	if err != nil {
		return nil, &Error{Name: name, Reason: reason(err)}
	}
	doc, err := extract.Extract(inputOf(s))
	if err != nil {
		return nil, &Error{Name: name, Reason: reason(err)}
	}
	sum := sha256.Sum256(raw)
	doc.Source = graph.Source{
		Key:        "oeil-summary/" + s.Reference + "/" + s.Stage + "/" + s.Language,
		Kind:       graph.DocOEILSummary,
		Format:     string(s.Format),
		Language:   s.Language,
		SHA256:     hex.EncodeToString(sum[:]),
		Name:       name,
		IngestedAt: now().UTC().Truncate(time.Millisecond),
		Text:       s.Text,
	}
	if doc.Resolution == nil {
		doc.Resolution = &graph.Resolution{}
	}
	doc.Resolution.Reference = s.Reference
	doc.Resolution.Title = s.Title
	doc.Resolution.Adopted = s.Date
	doc.Resolution.Stage = s.Stage
	return doc, nil
}

// inputOf hands the parsed summary to the extractor.
func inputOf(s *oeil.Summary) extract.Input {
	in := extract.Input{Language: s.Language, Adopted: s.Date, Text: s.Text, Title: s.TitleSpan}
	in.Paragraphs = make([]extract.Paragraph, len(s.Paragraphs))
	for i, p := range s.Paragraphs {
		in.Paragraphs[i] = extract.Paragraph{Span: p.Span, Text: p.Text, Bullet: p.Bullet}
	}
	return in
}

// reason is the message of err without a repeated "bad input" prefix.
func reason(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Reason
	}
	return fmt.Sprint(err)
}
