package input

import (
	"errors"

	"github.com/eurel/eurel/graph"
)

// Kinds of refusal. Every *Error wraps exactly one of them and graph.ErrBadInput.
var (
	// ErrEmpty: no bytes, or nothing but white space.
	ErrEmpty = errors.New("empty text")
	// ErrBinary: NUL bytes, control characters, or bytes that are not UTF-8.
	ErrBinary = errors.New("binary data, not text")
	// ErrTooLarge: more bytes than the parser's MaxSize; refused before anything else.
	ErrTooLarge = errors.New("text too large")
	// ErrWrongFormat: a text of another format than the parser reads.
	ErrWrongFormat = errors.New("wrong format")
	// ErrIncomplete: a text of the format that stops before its end, or lacks a part every
	// text of the format has: usually a file cut short.
	ErrIncomplete = errors.New("incomplete text")
	// ErrMalformed: a text of the format whose content is wrong: a reference that is not
	// one, an impossible date.
	ErrMalformed = errors.New("malformed text")
	// ErrLanguage: a text in a language eurel does not read.
	ErrLanguage = errors.New("language not supported")
)

// Error is a refusal of one input. Reason is a complete sentence for a person; Kind is one
// of the Err* kinds. errors.Is(err, graph.ErrBadInput) and errors.Is(err, Kind) both hold.
type Error struct {
	Kind   error
	Reason string
}

// Error returns the reason.
func (e *Error) Error() string { return e.Reason }

// Unwrap returns the kind of refusal and graph.ErrBadInput, for errors.Is.
func (e *Error) Unwrap() []error { return []error{e.Kind, graph.ErrBadInput} }

// Fail builds an *Error of a kind.
func Fail(kind error, reason string) *Error { return &Error{Kind: kind, Reason: reason} }
