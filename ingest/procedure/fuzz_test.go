package procedure

import (
	"regexp"
	"testing"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/internal/input/inputtest"
)

// FuzzParse feeds Parse arbitrary bytes, seeded with the page written for the tests and, when
// the corpus is there, the real procedure files stripped of what the parser does not read
// (see smallSeed). Parse must not panic; a refusal must be an
// *Error with a kind and a reason wrapping graph.ErrBadInput; an accepted page must keep the
// contract of File and be recognised by Detect.
func FuzzParse(f *testing.F) {
	inputtest.AddSeeds(f, "*.html", "oeil-procedure", smallSeed)
	f.Add([]byte(`<title>Procedure File: 2021/1(RSP)</title><h2 class="es_title-h1">2021/1(RSP)</h2></html>`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		p, err := Parse(raw)
		if err != nil {
			inputtest.CheckRefusal(t, err)
			return
		}
		if p.Reference == "" || p.Title == "" || p.Type == "" || p.TypeName == "" {
			t.Errorf("accepted without reference, title or type: %+v", p)
		}
		for _, d := range append([]graph.PartialDate{}, dates(p)...) {
			if err := d.Validate(); err != nil && !d.IsZero() {
				t.Errorf("date %v: %v", d, err)
			}
		}
		for _, c := range p.Countries {
			if len(c) != 2 {
				t.Errorf("country %q", c)
			}
		}
		checkText(t, p)
		if !Detect(raw) {
			t.Error("Parse accepted what Detect does not recognise")
		}
	})
}

func dates(p *File) []graph.PartialDate {
	var out []graph.PartialDate
	for _, e := range p.KeyEvents {
		out = append(out, e.Date)
	}
	for _, d := range p.Documents {
		out = append(out, d.Date)
	}
	return out
}

// strip are the parts of real pages the parser does not read: the head (but for the title),
// the site's header, footer and navigation, scripts, styles and pictures. Small seeds keep
// each execution, and the minimisation of each new input, short.
var strip = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`(?s)<head>.*?</head>`), `<head><title>Procedure File: seed</title></head>`},
	{regexp.MustCompile(`(?s)<header\b.*?</header>`), ""},
	{regexp.MustCompile(`(?s)<footer\b.*?</footer>`), ""},
	{regexp.MustCompile(`(?s)<script\b.*?</script>`), ""},
	{regexp.MustCompile(`(?s)<svg\b.*?</svg>`), ""},
	{regexp.MustCompile(`(?s)<nav\b.*?</nav>`), ""},
	{regexp.MustCompile(` (id|aria-[a-z]+|data-[a-z-]+|role|target|title|scope)="[^"]*"`), ""},
	{regexp.MustCompile(`\n\s+`), "\n"},
}

func smallSeed(b []byte) []byte {
	for _, s := range strip {
		b = s.re.ReplaceAll(b, []byte(s.with))
	}
	return b
}
