package oeil

import (
	"bytes"
	"errors"
	"runtime"
	"strings"
	"testing"
)

func TestParseRefusesBadInputs(t *testing.T) {
	tests := []struct {
		name   string
		raw    func(t *testing.T) []byte
		kind   error
		reason string // the exact reason, or a part of it when partial
		line   int
		exact  bool
	}{
		{name: "an empty input is an empty text", raw: literal(""), kind: ErrEmpty, reason: "empty text", exact: true},
		{name: "white space alone is an empty text", raw: literal(" \n\t\r\n \u00a0\n"), kind: ErrEmpty, reason: "empty text: nothing but white space", exact: true},
		{name: "a PNG image is binary data", raw: literal("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), kind: ErrBinary, reason: "binary data, not text: byte 0x89 is not UTF-8", line: 1},
		{name: "NUL bytes are binary data", raw: literal("Title\n2021/2544(RSP) - 11/02/2021 - x\n\x00\x00"), kind: ErrBinary, reason: "binary data, not text: it contains NUL bytes", line: 3, exact: true},
		{name: "Latin-1 bytes are not UTF-8", raw: literal("R\xe9solution\n"), kind: ErrBinary, reason: "binary data, not text: byte 0xe9 is not UTF-8", line: 1},
		{name: "UTF-16 is refused as not UTF-8", raw: literal("\xff\xfeT\x00i\x00"), kind: ErrBinary, reason: "UTF-16"},
		{name: "a C1 control character is binary data", raw: literal("Title\u0085\n"), kind: ErrBinary, reason: "control character U+0085", line: 1},
		{name: "a text cut in the middle of a character is incomplete", raw: literal("Titre\n2021/2544(RSP) - 11/02/2021 - Débat en plénière\nLe Parlement a adopt\xc3"), kind: ErrIncomplete, reason: "ends in the middle of a UTF-8 character", line: 3},
		{name: "a summary cut in half is incomplete", raw: halfOf("oeil-summary/1651118.en.html"), kind: ErrIncomplete, reason: "the page has no event link (.es_links-list) after its summary; the page stops before </html>: it looks cut short", exact: true},
		{name: "a page cut before its content is incomplete", raw: cutBefore("oeil-summary/1864147.en.html", `<div class="es_product-content`), kind: ErrIncomplete, reason: "the page has no summary content (.es_product-content); the page stops before </html>: it looks cut short", exact: true},
		{name: "a page without its h1 title is incomplete", raw: without("oeil-summary/1651118.en.html", "es_product-name"), kind: ErrIncomplete, reason: "the page has no title (h1 .es_product-name)", exact: true},
		{name: "an OEIL procedure file is not a summary", raw: corpusFile("oeil-procedure/2021-2540-rsp.en.html"), kind: ErrNotSummary, reason: "an HTML page, but not an OEIL document summary: it has no .es_product-content", exact: true},
		{name: "an Open Data Portal answer is JSON, not a summary", raw: corpusFile("odp/odp-procedure_2018-2070.json"), kind: ErrNotSummary, reason: "JSON data, not an OEIL document summary", exact: true},
		{name: "a summary without its reference line is refused at the line that should hold it", raw: testdataFile("no-reference.txt"), kind: ErrNoReference, reason: "no `reference - date - event` line after the title; this line reads \"The European Parliament adopted a resolution on the situatio…\"", line: 3, exact: true},
		{name: "a reference line after the first paragraph is refused with where it is", raw: literal("Title\n\nBody first.\n\n2021/2544(RSP) - 11/02/2021 - Debate in Parliament\n"), kind: ErrNoReference, reason: "it comes later, on line 5", line: 3},
		{name: "a reference line without its event is refused", raw: literal("Title\n2021/2544(RSP) - 11/02/2021\nBody.\n"), kind: ErrNoReference, reason: "the line of 2021/2544(RSP) is not `reference - dd/mm/yyyy - event`", line: 2},
		{name: "a reference line without a date is a bad date", raw: literal("Title\n2021/2544(RSP) - February 2021 - Debate in Parliament\nBody.\n"), kind: ErrBadDate, reason: "no dd/mm/yyyy date after the reference 2021/2544(RSP)", line: 2},
		{name: "the 31st of February is a bad date", raw: testdataFile("bad-date.txt"), kind: ErrBadDate, reason: "bad date 31/02/2021: 2021-02 has no day 31", line: 3, exact: true},
		{name: "a thirteenth month is a bad date", raw: literal("Title\n2021/2544(RSP) - 11/13/2021 - Debate in Parliament\nBody.\n"), kind: ErrBadDate, reason: "month 13 out of range", line: 2},
		{name: "a text that is only a title has no body", raw: testdataFile("title-only.txt"), kind: ErrNoBody, reason: "the text is only a title: no `reference - date - event` line and no body", line: 2, exact: true},
		{name: "a title and its reference line without a body have no body", raw: literal("Title\n\n2021/2544(RSP) - 11/02/2021 - Debate in Parliament\n\n \n"), kind: ErrNoBody, reason: "no body after the `reference - date - event` line", line: 3, exact: true},
		{name: "a reference line first has no title", raw: literal("2021/2544(RSP) - 11/02/2021 - Debate in Parliament\nBody.\n"), kind: ErrIncomplete, reason: "no title before the `reference - date - event` line", line: 1, exact: true},
		{name: "a Spanish summary is refused by its language", raw: testdataFile("es-summary.txt"), kind: ErrLanguage, reason: "language not supported: the text looks like es; eurel reads English and French", exact: true},
		{name: "a body of numbers has no language", raw: literal("2021\n2021/2544(RSP) - 11/02/2021 - Debate in Parliament\n598 43 52\n"), kind: ErrLanguage, reason: "language not recognised: too few common words (0) to tell; eurel reads English and French", exact: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse(tt.raw(t))
			if err == nil {
				t.Fatalf("Parse accepted it: %+v", s)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T) is not an *Error", err, err)
			}
			if !errors.Is(err, tt.kind) {
				t.Errorf("error %q is not of kind %q but %q", err, tt.kind, e.Err)
			}
			if tt.exact && e.Reason != tt.reason || !strings.Contains(e.Reason, tt.reason) {
				t.Errorf("reason %q, want %q", e.Reason, tt.reason)
			}
			if e.Line != tt.line {
				t.Errorf("line %d, want %d", e.Line, tt.line)
			}
		})
	}
}

func TestParseRefusesFiftyMegabytesBeforeLookingAtThem(t *testing.T) {
	raw := bytes.Repeat([]byte("Texte "), 50<<20/6+1)[:50<<20]
	raw[0] = 0 // were the bytes scanned before the size is checked, this would be binary data
	var err error
	// Bytes, not allocation counts: the race detector adds allocations of its own, but a
	// parser that copied, decoded or split the text would allocate megabytes.
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range 10 {
		_, err = Parse(raw)
	}
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) || err.Error() != "text of 52428800 bytes exceeds the 10 MiB limit" {
		t.Fatalf("error %v, want the size limit", err)
	}
	if perRun := (after.TotalAlloc - before.TotalAlloc) / 10; perRun > 64<<10 {
		t.Errorf("refusing it allocated %d bytes: it was processed", perRun)
	}
	if f, ok := Detect(raw); ok {
		t.Errorf("Detect says %q", f)
	}
}

func TestErrorSaysWhereAndWhat(t *testing.T) {
	e := fail(ErrNoReference, 3, "no `reference - date - event` line after the title")
	if got := e.Error(); got != "line 3: no `reference - date - event` line after the title" {
		t.Errorf("Error() = %q", got)
	}
	if got := fail(ErrEmpty, 0, "empty text").Error(); got != "empty text" {
		t.Errorf("Error() = %q", got)
	}
	if !errors.Is(e, ErrNoReference) || errors.Is(e, ErrBadDate) {
		t.Errorf("errors.Is does not follow the kind")
	}
}

// halfOf is the first half of a corpus file.
func halfOf(rel string) func(*testing.T) []byte {
	return func(t *testing.T) []byte {
		b := readCorpus(t, rel)
		return b[:len(b)/2]
	}
}

// cutBefore is a corpus file cut just before the first occurrence of s.
func cutBefore(rel, s string) func(*testing.T) []byte {
	return func(t *testing.T) []byte {
		b := readCorpus(t, rel)
		i := bytes.Index(b, []byte(s))
		if i < 0 {
			t.Fatalf("%s has no %q", rel, s)
		}
		return b[:i]
	}
}

// without is a corpus file with every occurrence of s removed (in memory).
func without(rel, s string) func(*testing.T) []byte {
	return func(t *testing.T) []byte {
		b := readCorpus(t, rel)
		if !bytes.Contains(b, []byte(s)) {
			t.Fatalf("%s has no %q", rel, s)
		}
		return bytes.ReplaceAll(b, []byte(s), nil)
	}
}
