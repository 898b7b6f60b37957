package procedure

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/eurel/eurel/graph"
)

func TestParseRefusesBadInputs(t *testing.T) {
	written := func(old, new string) func(t *testing.T) []byte {
		return func(t *testing.T) []byte {
			b := readTestdata(t, "written.html")
			if !bytes.Contains(b, []byte(old)) {
				t.Fatalf("the written page has no %q", old)
			}
			return bytes.Replace(b, []byte(old), []byte(new), 1)
		}
	}
	lit := func(s string) func(*testing.T) []byte { return func(*testing.T) []byte { return []byte(s) } }
	tests := []struct {
		name   string
		raw    func(t *testing.T) []byte
		kind   error
		reason string
	}{
		{"an empty input is an empty text", lit(""), ErrEmpty, "empty text"},
		{"white space alone is an empty text", lit(" \n\t\u00a0 "), ErrEmpty, "nothing but white space"},
		{"a PNG image is binary data", lit("\x89PNG\r\n\x1a\n\x00\x00"), ErrBinary, "not UTF-8"},
		{"NUL bytes are binary data", lit("<html>\x00</html>"), ErrBinary, "NUL bytes"},
		{"a page cut inside a character is incomplete", lit("<html><title>Procedure File: x</title>\xc3"), ErrIncomplete, "middle of a UTF-8 character"},
		{"JSON is not a procedure file", lit(`{"data": []}`), ErrWrongFormat, "JSON data, not an OEIL procedure file"},
		{"plain text is not a procedure file", lit("Resolution on Myanmar\n2021/2540(RSP) - 11/02/2021 - Debate\n"), ErrWrongFormat, "not an HTML page"},
		{"an OEIL document summary is not a procedure file", corpusFile("oeil-summary/1651118.en.html"), ErrWrongFormat, "not an OEIL procedure file"},
		{"a page cut in half is incomplete", func(t *testing.T) []byte {
			b := readCorpus(t, "oeil-procedure/2021-2540-rsp.en.html")
			return b[:len(b)/2]
		}, ErrIncomplete, "the page stops before </html>: it looks cut short"},
		{"a page without its reference heading is incomplete", written("es_title-h1", "heading"), ErrIncomplete, "no procedure reference"},
		{"a reference numbered 0 is malformed", written("2099/9999(rsp)</h2>", "2099/0000(RSP)</h2>"), ErrMalformed, "not a procedure reference"},
		{"a page without a title is incomplete", written("Resolution on media freedom in the Western Balkans", ""), ErrIncomplete, "no title"},
		{"a page without basic information is incomplete", written(">Basic information<", ">Something else<"), ErrIncomplete, "no \"Basic information\" section"},
		{"a page without a procedure type is incomplete", written("RSP - Resolutions on topical subjects", "Resolutions"), ErrIncomplete, "no procedure type"},
		{"the 31st of February is malformed", written("01/07/2099", "31/02/2099"), ErrMalformed, "key event 1 (Debate in Parliament): bad date 31/02/2099"},
		{"a French page is refused by its language", written(`<html lang="en">`, `<html lang="fr">`), ErrLanguage, "the page is in \"fr\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(tt.raw(t))
			if err == nil {
				t.Fatalf("Parse accepted it: %+v", f)
			}
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, tt.kind) || !errors.Is(err, graph.ErrBadInput) {
				t.Errorf("error %v (%T) is not an *Error of kind %v wrapping graph.ErrBadInput", err, err, tt.kind)
			}
			if !strings.Contains(err.Error(), tt.reason) {
				t.Errorf("reason %q, want it to say %q", err, tt.reason)
			}
		})
	}
}

func TestParseRefusesFiftyMegabytesBeforeLookingAtThem(t *testing.T) {
	raw := bytes.Repeat([]byte("<p>"), 50<<20/3+1)[:50<<20]
	raw[0] = 0 // were the bytes scanned before the size is checked, this would be binary data
	var err error
	allocs := testing.AllocsPerRun(5, func() { _, err = Parse(raw) })
	if !errors.Is(err, ErrTooLarge) || err.Error() != "text of 52428800 bytes exceeds the 10 MiB limit" {
		t.Fatalf("error %v, want the size limit", err)
	}
	if allocs > 10 { // a refusal builds its message; processing the text would take many more
		t.Errorf("refusing it took %v allocations: it was processed", allocs)
	}
	if Detect(raw) {
		t.Error("Detect recognises fifty megabytes")
	}
}
