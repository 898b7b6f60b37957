package doceo

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/eurel/eurel/graph"
)

func TestParseRefusesBadInputs(t *testing.T) {
	written := func(pairs ...string) func(t *testing.T) []byte {
		return func(t *testing.T) []byte {
			b := readTestdata(t, "joint-motion-fr.html")
			for i := 0; i+1 < len(pairs); i += 2 {
				if !bytes.Contains(b, []byte(pairs[i])) {
					t.Fatalf("the written page has no %q", pairs[i])
				}
				b = bytes.ReplaceAll(b, []byte(pairs[i]), []byte(pairs[i+1]))
			}
			return b
		}
	}
	lit := func(s string) func(*testing.T) []byte { return func(*testing.T) []byte { return []byte(s) } }
	corpusFile := func(rel string) func(*testing.T) []byte {
		return func(t *testing.T) []byte { return readCorpus(t, rel) }
	}
	tests := []struct {
		name   string
		raw    func(t *testing.T) []byte
		kind   error
		reason string
	}{
		{"an empty input is an empty text", lit(""), ErrEmpty, "empty text"},
		{"a PNG image is binary data", lit("\x89PNG\r\n\x1a\n\x00"), ErrBinary, "not UTF-8"},
		{"UTF-16 is refused as not UTF-8", lit("\xff\xfe<\x00h\x00"), ErrBinary, "UTF-16"},
		{"JSON is not a document page", lit(`[1, 2]`), ErrWrongFormat, "JSON data, not a European Parliament document page"},
		{"plain text is not a document page", lit("JOINT MOTION FOR A RESOLUTION on Serbia\n"), ErrWrongFormat, "not an HTML page"},
		{"an OEIL summary page is not a document page", corpusFile("oeil-summary/1651118.en.html"), ErrWrongFormat, "not a European Parliament document page"},
		{"a page cut in half is incomplete", func(t *testing.T) []byte {
			b := readCorpus(t, "doceo/RC-10-2025-0249_EN.html")
			return b[:len(b)/2]
		}, ErrIncomplete, "the page stops before </html>: it looks cut short"},
		{"a page without its title is incomplete", written("<h1", "<h6", "</h1>", "</h6>", "<p>", "<div>"), ErrIncomplete, "no title"},
		{"a page without any reference is incomplete", written("RC-B9-0001/2099", "RC"), ErrIncomplete, "names no document reference"},
		{"the 31st of February is malformed", written("1.7.2099", "31.2.2099"), ErrMalformed, "bad date 31.2.2099"},
		{"a German page is refused by its language", written(`lang="fr"`, `lang="de"`, `content="fr"`, `content="de"`), ErrLanguage, "the page is in \"de\""},
		{"a page that does not say its language is refused", written(` lang="fr"`, ``, `<meta name="language" content="fr" />`, ``), ErrLanguage, "does not say its language"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse(tt.raw(t))
			if err == nil {
				t.Fatalf("Parse accepted it: %+v", d)
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
	raw[0] = 0
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
