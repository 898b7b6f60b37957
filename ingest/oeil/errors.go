package oeil

import (
	"errors"
	"strconv"

	"github.com/eurel/eurel/ingest/internal/input"
)

// Kinds of refusal. Every error Parse returns is an *Error that wraps exactly one of these,
// so callers can test errors.Is(err, oeil.ErrTooLarge) and still show Error() to a person.
// The kinds every parser of ingest has (empty, binary, too large, language) are those of the
// other parsers; the others are OEIL's own.
var (
	// ErrEmpty: no bytes, or nothing but white space.
	ErrEmpty = input.ErrEmpty
	// ErrBinary: NUL bytes, control characters or bytes that are not UTF-8.
	ErrBinary = input.ErrBinary
	// ErrTooLarge: more than MaxSize bytes; refused before anything else is looked at.
	ErrTooLarge = input.ErrTooLarge
	// ErrNotSummary: text in another format (JSON, RTF, an HTML page that is not an OEIL
	// document summary, ...).
	ErrNotSummary = errors.New("not an OEIL document summary")
	// ErrIncomplete: a summary that lacks a part every summary has (a title, a web page's
	// content or event link), or ends in the middle of a character: usually a file cut short.
	ErrIncomplete = errors.New("incomplete OEIL document summary")
	// ErrNoReference: no `reference - date - event` line after the title (text), or no
	// procedure reference in the page's subtitle (HTML).
	ErrNoReference = errors.New("no procedure reference")
	// ErrBadDate: the event date is missing or is not a real calendar day (31/02/2021).
	ErrBadDate = errors.New("bad date")
	// ErrNoBody: a title, perhaps its reference line, and nothing else.
	ErrNoBody = errors.New("no summary body")
	// ErrLanguage: the body is neither English nor French, or too short to tell.
	ErrLanguage = input.ErrLanguage
)

// Error is a refusal of one input. Reason is a complete sentence for a person ("no
// `reference - date - event` line after the title"); Line is the 1-based line of the input
// it concerns, 0 when it concerns no line in particular. Err is one of the Err* kinds above.
type Error struct {
	Err    error
	Reason string
	Line   int
}

// Error returns the reason, prefixed with "line N: " when the refusal has a line.
func (e *Error) Error() string {
	if e.Line > 0 {
		return "line " + strconv.Itoa(e.Line) + ": " + e.Reason
	}
	return e.Reason
}

// Unwrap returns the kind of refusal, for errors.Is.
func (e *Error) Unwrap() error { return e.Err }

// fail builds an *Error of a kind with a reason, at a line (0 for none).
func fail(kind error, line int, reason string) *Error {
	return &Error{Err: kind, Reason: reason, Line: line}
}
