package input

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Check refuses an input larger than max bytes (before looking at it), empty or blank, with
// NUL bytes, control characters (tab, line feed, carriage return and form feed aside), bytes
// that are not UTF-8, or UTF-16; an input that ends inside a UTF-8 character is incomplete.
// It returns the input without a UTF-8 byte-order mark.
func Check(raw []byte, max int) ([]byte, error) {
	b, _, r := CheckLine(raw, max)
	if r.Kind != nil {
		e := r
		return nil, &e
	}
	return b, nil
}

// CheckLine is Check for a parser with its own error type: it returns the refusal as an Error
// value (Kind nil when the input is accepted, so that refusing costs no second allocation)
// and the 1-based line of the input it concerns, 0 when it concerns no line in particular
// (the size, emptiness, UTF-16).
func CheckLine(raw []byte, max int) ([]byte, int, Error) {
	if len(raw) > max {
		return nil, 0, Error{Kind: ErrTooLarge, Reason: fmt.Sprintf("text of %d bytes exceeds the %d MiB limit", len(raw), max>>20)}
	}
	if len(raw) == 0 {
		return nil, 0, Error{Kind: ErrEmpty, Reason: "empty text"}
	}
	if len(raw) >= 2 && (raw[0] == 0xFF && raw[1] == 0xFE || raw[0] == 0xFE && raw[1] == 0xFF) {
		return nil, 0, Error{Kind: ErrBinary, Reason: "binary data, not text: this looks like UTF-16; eurel reads UTF-8"}
	}
	b := TrimBOM(raw)
	line, blank := 1, true
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				line++
			case c == 0:
				return nil, line, Error{Kind: ErrBinary, Reason: "binary data, not text: it contains NUL bytes"}
			case c == '\t' || c == '\r' || c == '\f' || c == ' ':
			case c < 0x20 || c == 0x7F:
				return nil, line, Error{Kind: ErrBinary, Reason: fmt.Sprintf("binary data, not text: control character %U", c)}
			default:
				blank = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1 && !utf8.FullRune(b[i:]):
			return nil, line, Error{Kind: ErrIncomplete, Reason: "the text ends in the middle of a UTF-8 character: it looks cut short"}
		case r == utf8.RuneError && size == 1:
			return nil, line, Error{Kind: ErrBinary, Reason: fmt.Sprintf("binary data, not text: byte %#x is not UTF-8 (eurel reads UTF-8 text)", b[i])}
		case r >= 0x80 && r <= 0x9F:
			return nil, line, Error{Kind: ErrBinary, Reason: fmt.Sprintf("binary data, not text: control character %U", r)}
		case !unicode.IsSpace(r):
			blank = false
		}
		i += size
	}
	if blank {
		return nil, 0, Error{Kind: ErrEmpty, Reason: "empty text: nothing but white space"}
	}
	return b, 0, Error{}
}

// TrimBOM drops a UTF-8 byte-order mark.
func TrimBOM(b []byte) []byte { return bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")) }

// LooksHTML reports whether the first character that is not white space is "<".
func LooksHTML(b []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeftFunc(TrimBOM(b), unicode.IsSpace), []byte("<"))
}

// LooksJSON reports whether the first character that is not white space opens a JSON object
// or array.
func LooksJSON(b []byte) bool {
	t := bytes.TrimLeftFunc(TrimBOM(b), unicode.IsSpace)
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

// EndsHTML reports whether a page ends with its closing </html> tag (white space after it
// aside): a page without it was cut short.
func EndsHTML(b []byte) bool {
	t := bytes.TrimRightFunc(b, unicode.IsSpace)
	const tag = "</html>"
	return len(t) >= len(tag) && bytes.EqualFold(t[len(t)-len(tag):], []byte(tag))
}

// Head returns at most the first n bytes of b, for cheap detection.
func Head(b []byte, n int) []byte { return b[:min(len(b), n)] }
