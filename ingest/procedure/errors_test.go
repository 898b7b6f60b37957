package procedure

import (
	"bytes"
	"testing"

	"github.com/eurel/eurel/ingest/internal/input/inputtest"
)

func TestParseRefusesBadInputs(t *testing.T) {
	tests := []struct {
		name   string
		raw    func(t *testing.T) []byte
		kind   error
		reason string
	}{
		{"an empty input is an empty text", inputtest.Lit(""), ErrEmpty, "empty text"},
		{"white space alone is an empty text", inputtest.Lit(" \n\t\u00a0 "), ErrEmpty, "nothing but white space"},
		{"a PNG image is binary data", inputtest.Lit("\x89PNG\r\n\x1a\n\x00\x00"), ErrBinary, "not UTF-8"},
		{"NUL bytes are binary data", inputtest.Lit("<html>\x00</html>"), ErrBinary, "NUL bytes"},
		{"a page cut inside a character is incomplete", inputtest.Lit("<html><title>Procedure File: x</title>\xc3"), ErrIncomplete, "middle of a UTF-8 character"},
		{"JSON is not a procedure file", inputtest.Lit(`{"data": []}`), ErrWrongFormat, "JSON data, not an OEIL procedure file"},
		{"plain text is not a procedure file", inputtest.Lit("Resolution on Myanmar\n2021/2540(RSP) - 11/02/2021 - Debate\n"), ErrWrongFormat, "not an HTML page"},
		{"an OEIL document summary is not a procedure file", inputtest.CorpusFile("oeil-summary/1651118.en.html"), ErrWrongFormat, "not an OEIL procedure file"},
		{"a page cut in half is incomplete", func(t *testing.T) []byte {
			b := inputtest.ReadCorpus(t, "oeil-procedure/2021-2540-rsp.en.html")
			return b[:len(b)/2]
		}, ErrIncomplete, "the page stops before </html>: it looks cut short"},
		{"a page without its reference heading is incomplete", inputtest.Edited("written.html", "es_title-h1", "heading"), ErrIncomplete, "no procedure reference"},
		{"a reference numbered 0 is malformed", inputtest.Edited("written.html", "2099/9999(rsp)</h2>", "2099/0000(RSP)</h2>"), ErrMalformed, "not a procedure reference"},
		{"a page without a title is incomplete", inputtest.Edited("written.html", "Resolution on media freedom in the Western Balkans", ""), ErrIncomplete, "no title"},
		{"a page without basic information is incomplete", inputtest.Edited("written.html", ">Basic information<", ">Something else<"), ErrIncomplete, "no \"Basic information\" section"},
		{"a page without a procedure type is incomplete", inputtest.Edited("written.html", "RSP - Resolutions on topical subjects", "Resolutions"), ErrIncomplete, "no procedure type"},
		{"the 31st of February is malformed", inputtest.Edited("written.html", "01/07/2099", "31/02/2099"), ErrMalformed, "key event 1 (Debate in Parliament): bad date 31/02/2099"},
		{"a French page is refused by its language", inputtest.Edited("written.html", `<html lang="en">`, `<html lang="fr">`), ErrLanguage, "the page is in \"fr\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(tt.raw(t))
			inputtest.Refused(t, f, err, tt.kind, tt.reason)
		})
	}
}

func TestParseRefusesFiftyMegabytesBeforeLookingAtThem(t *testing.T) {
	raw := bytes.Repeat([]byte("<p>"), 50<<20/3+1)[:50<<20]
	raw[0] = 0 // were the bytes scanned before the size is checked, this would be binary data
	inputtest.RefusedBeforeLooking(t, raw, func(b []byte) error { _, err := Parse(b); return err })
	if Detect(raw) {
		t.Error("Detect recognises fifty megabytes")
	}
}
