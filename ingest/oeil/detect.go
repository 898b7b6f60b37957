package oeil

import (
	"bytes"
	"encoding/json"
	"unicode"

	"github.com/eurel/eurel/ingest/internal/input"
)

// Detect reports whether raw looks like an OEIL document summary, and in which format (""
// when ok is false). It is cheap and validates nothing: it reads the first two non-blank
// lines of a text (a title, then a `reference - dd/mm/yyyy - event` line), or looks for the
// class names of the OEIL document-summary template in a web page. Parse may still refuse
// what Detect accepts (an impossible date, binary data further on, another language), but
// whatever Parse accepts, Detect recognises, in the same format.
func Detect(raw []byte) (Format, bool) {
	b := input.TrimBOM(raw)
	switch {
	case input.LooksHTML(b):
		if isSummaryPage(b) {
			return FormatHTML, true
		}
	case hasTextShape(b):
		return FormatText, true
	}
	return "", false
}

// summaryPageMarkers are class names of the OEIL document-summary page template that the
// other OEIL pages (procedure files) do not use.
var summaryPageMarkers = [][]byte{[]byte("es_product-subtitle"), []byte("es_product-content")}

// isSummaryPage reports whether a page uses the OEIL document-summary template.
func isSummaryPage(b []byte) bool {
	for _, m := range summaryPageMarkers {
		if bytes.Contains(b, m) {
			return true
		}
	}
	return false
}

// hasTextShape reports whether the first non-blank line of b is not a `reference - date -
// event` line and the second one is, lines split as splitLines splits them.
func hasTextShape(b []byte) bool {
	var found [2]string
	n := 0
	for len(b) > 0 && n < 2 {
		i := bytes.IndexAny(b, "\r\n")
		line := b
		if i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		if s := string(line); !isBlank(s) {
			found[n] = s
			n++
		}
	}
	return n == 2 && !isHeader(found[0]) && isHeader(found[1])
}

// otherFormat names the format of a text that is plainly something else than a summary
// (JSON, RTF, PDF), or returns "".
func otherFormat(b []byte) string {
	t := bytes.TrimLeftFunc(b, unicode.IsSpace)
	switch {
	case bytes.HasPrefix(t, []byte(`{\rtf`)):
		return "an RTF document"
	case bytes.HasPrefix(t, []byte("%PDF-")):
		return "a PDF document"
	case (bytes.HasPrefix(t, []byte("{")) || bytes.HasPrefix(t, []byte("["))) && json.Valid(t):
		return "JSON data"
	}
	return ""
}
