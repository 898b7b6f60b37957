package doceo

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
		{"a PNG image is binary data", inputtest.Lit("\x89PNG\r\n\x1a\n\x00"), ErrBinary, "not UTF-8"},
		{"UTF-16 is refused as not UTF-8", inputtest.Lit("\xff\xfe<\x00h\x00"), ErrBinary, "UTF-16"},
		{"JSON is not a document page", inputtest.Lit(`[1, 2]`), ErrWrongFormat, "JSON data, not a European Parliament document page"},
		{"plain text is not a document page", inputtest.Lit("JOINT MOTION FOR A RESOLUTION on Serbia\n"), ErrWrongFormat, "not an HTML page"},
		{"an OEIL summary page is not a document page", inputtest.CorpusFile("oeil-summary/1651118.en.html"), ErrWrongFormat, "not a European Parliament document page"},
		{"a page cut in half is incomplete", func(t *testing.T) []byte {
			b := inputtest.ReadCorpus(t, "doceo/RC-10-2025-0249_EN.html")
			return b[:len(b)/2]
		}, ErrIncomplete, "the page stops before </html>: it looks cut short"},
		{"a page without its title is incomplete", inputtest.Edited("joint-motion-fr.html", "<h1", "<h6", "</h1>", "</h6>", "<p>", "<div>"), ErrIncomplete, "no title"},
		{"a page without any reference is incomplete", inputtest.Edited("joint-motion-fr.html", "RC-B9-0001/2099", "RC"), ErrIncomplete, "names no document reference"},
		{"the 31st of February is malformed", inputtest.Edited("joint-motion-fr.html", "1.7.2099", "31.2.2099"), ErrMalformed, "bad date 31.2.2099"},
		{"a German page is refused by its language", inputtest.Edited("joint-motion-fr.html", `lang="fr"`, `lang="de"`, `content="fr"`, `content="de"`), ErrLanguage, "the page is in \"de\""},
		{"a page that does not say its language is refused", inputtest.Edited("joint-motion-fr.html", ` lang="fr"`, ``, `<meta name="language" content="fr" />`, ``), ErrLanguage, "does not say its language"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse(tt.raw(t))
			inputtest.Refused(t, d, err, tt.kind, tt.reason)
		})
	}
}

func TestParseRefusesFiftyMegabytesBeforeLookingAtThem(t *testing.T) {
	raw := bytes.Repeat([]byte("<p>"), 50<<20/3+1)[:50<<20]
	raw[0] = 0
	inputtest.RefusedBeforeLooking(t, raw, func(b []byte) error { _, err := Parse(b); return err })
	if Detect(raw) {
		t.Error("Detect recognises fifty megabytes")
	}
}
