package doceo

import (
	"regexp"
	"testing"

	"github.com/eurel/eurel/ingest/internal/input/inputtest"
)

// FuzzParse feeds Parse arbitrary bytes, seeded with the pages written for the tests and,
// when the corpus is there, the real document pages stripped of what the parser does not
// read (see smallSeed). Parse must not panic; a refusal must be an *Error with a kind and a
// reason wrapping graph.ErrBadInput; an accepted page must have a title and a reference,
// spans that quote what they stand for, and be recognised by Detect.
func FuzzParse(f *testing.F) {
	inputtest.AddSeeds(f, "*.html", "doceo", smallSeed)
	f.Add([]byte(`<html lang="en"><div class="doceo-ring">B9-0001/2021</div><h1>MOTION FOR A RESOLUTION</h1><p>1. Calls on, and to the Council, as well as, of the Member States.</p></html>`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		d, err := Parse(raw)
		if err != nil {
			inputtest.CheckRefusal(t, err)
			return
		}
		if d.Title == "" || d.Reference == "" || d.Kind == "" || (d.Language != "en" && d.Language != "fr") {
			t.Errorf("accepted without title, reference, kind or language: %q %q %q %q", d.Title, d.Reference, d.Kind, d.Language)
		}
		if !d.Date.IsZero() {
			if err := d.Date.Validate(); err != nil {
				t.Errorf("date %v: %v", d.Date, err)
			}
		}
		checkText(t, d)
		if !Detect(raw) {
			t.Error("Parse accepted what Detect does not recognise")
		}
	})
}

// strip are the parts of real pages the parser does not read: the head (but for the canonical
// address), the site's header and footer, styles, and everything after the proposal of a
// report (its amendments). Small seeds keep each execution, and the minimisation of each new
// input, short.
var strip = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`(?s)<head>.*?</head>`), `<head><link rel="canonical" href="/doceo/document/seed"/></head>`},
	{regexp.MustCompile(`(?s)<header\b.*?</header>`), ""},
	{regexp.MustCompile(`(?s)<footer\b.*?</footer>`), ""},
	{regexp.MustCompile(`(?s)<script\b.*?</script>`), ""},
	{regexp.MustCompile(`(?s)<svg\b.*?</svg>`), ""},
	{regexp.MustCompile(` style="[^"]*"`), ""},
	{regexp.MustCompile(` class="doceo-(font|line)[^"]*"`), ""},
	{regexp.MustCompile(`(?s)<p class="text-center">.*</main>`), "</main>"},
	{regexp.MustCompile(`\n\s+`), "\n"},
}

func smallSeed(b []byte) []byte {
	for _, s := range strip {
		b = s.re.ReplaceAll(b, []byte(s.with))
	}
	return b
}
