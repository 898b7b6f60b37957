// Package ingest turns one source text into a graph.Document: it recognises the format from
// the content, parses it, and extracts the resolution, countries, agreements, institutions,
// demands and stances with their evidence. It does no I/O beyond the bytes it is given and
// never touches the store.
//
// The formats, each read by its own package and recognised from the content alone, in this
// order:
//
//   - OEIL document summaries, plain text or web page (ingest/oeil), in English or French;
//   - OEIL procedure files (ingest/procedure);
//   - European Parliament document pages: motions, joint motions, reports, texts adopted
//     (ingest/doceo), in English or French;
//   - Open Data Portal records of documents and procedures, JSON-LD (ingest/odp).
//
// Anything else is refused with a reason (see Error).
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/doceo"
	"github.com/eurel/eurel/ingest/internal/input"
	"github.com/eurel/eurel/ingest/odp"
	"github.com/eurel/eurel/ingest/oeil"
	"github.com/eurel/eurel/ingest/procedure"
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
// OEIL and document pages under 250 kB; anything past this is refused before it is parsed.
// Every format's parser has the same limit.
const MaxSize = oeil.MaxSize

// Parsed is everything one text gave: the Document to store and, for the formats that say
// more than graph.Document can hold yet, the parser's own record of the text. Exactly one of
// Summary, Procedure, Doceo and ODP is set, the one of the text's format.
type Parsed struct {
	Document  *graph.Document
	Summary   *oeil.Summary   // an OEIL document summary
	Procedure *procedure.File // an OEIL procedure file: type, subjects, key events, documents
	Doceo     *doceo.Doc      // a document page: header, citations, recitals, paragraphs, recipients
	ODP       *odp.Record     // an Open Data Portal record: identifiers, dates, subjects, links
}

// Parse reads one text, names it name in errors and in the Document's Source, and returns
// the Document to store. It refuses empty, binary, oversized, malformed and unsupported texts
// (any format but those listed in the package comment, any language but English and
// French) with an *Error; it never panics. now stamps Source.IngestedAt (time.Now when nil).
func Parse(ctx context.Context, raw []byte, name string, now func() time.Time) (*graph.Document, error) {
	p, err := ParseFull(ctx, raw, name, now)
	if err != nil {
		return nil, err
	}
	return p.Document, nil
}

// ParseFull is Parse, returning also the parser's own record of the text (see Parsed).
// Source.Key is the identity of what the text is, stable across new versions of it:
//
//	oeil-summary/2021/2544(RSP)/Text adopted by Parliament, single reading/fr
//	oeil-procedure/2021/2540(RSP)
//	doceo/RC-B10-0249/2025/en
//	odp/eli/dl/doc/RC-10-2025-0249
func ParseFull(ctx context.Context, raw []byte, name string, now func() time.Time) (*Parsed, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if now == nil {
		now = time.Now
	}
	var (
		p   *Parsed
		err error
	)
	switch {
	case len(raw) > MaxSize:
		p, err = fromSummary(raw) // refused before it is looked at, as it always was
	case isSummary(raw):
		p, err = fromSummary(raw)
	case procedure.Detect(raw):
		p, err = fromProcedure(raw)
	case doceo.Detect(raw):
		p, err = fromDoceo(raw)
	case odp.Detect(raw):
		p, err = fromODP(raw)
	case notOurs(raw) != "":
		err = input.Fail(input.ErrWrongFormat, notOurs(raw))
	default:
		p, err = fromSummary(raw) // the summary parser says what is wrong with the text
	}
	if err != nil {
		return nil, &Error{Name: name, Reason: reason(err)}
	}
	sum := sha256.Sum256(raw)
	src := &p.Document.Source
	src.SHA256 = hex.EncodeToString(sum[:])
	src.Name = name
	src.IngestedAt = now().UTC().Truncate(time.Millisecond)
	return p, nil
}

func isSummary(raw []byte) bool {
	_, ok := oeil.Detect(raw)
	return ok
}

// notOurs is the reason for refusing a web page or JSON data that no format recognises, or
// "" for anything else, whose refusal the summary parser explains (it is the one format of
// plain text).
func notOurs(raw []byte) string {
	switch {
	case input.LooksHTML(raw) && !input.EndsHTML(raw):
		return "an HTML page that eurel does not recognise, and that stops before </html>: it looks cut short"
	case input.LooksHTML(raw):
		return "an HTML page, but none eurel reads: not an OEIL document summary or procedure file, nor a European Parliament document page"
	case input.LooksJSON(raw):
		return "JSON data, but not a European Parliament Open Data Portal record (no data[0].id under eli/dl/)"
	}
	return ""
}

// reason is the message of err without a repeated "bad input" prefix.
func reason(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Reason
	}
	return fmt.Sprint(err)
}
