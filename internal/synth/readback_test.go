package synth

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest"
	"github.com/eurel/eurel/ingest/lexicon"
)

// testN is the number of summaries the read-back tests generate and ingest.
const testN = 300

var epoch = func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }

// TestSummariesReadBack generates summaries and ingests each with ingest.Parse: every one is
// accepted, and the extractor finds what the generator put in it (see Facts).
func TestSummariesReadBack(t *testing.T) {
	t.Parallel()
	for _, cfg := range []Config{
		{Seed: 1, N: testN},
		{Seed: 2, N: testN / 2, PageBoilerplate: true, StartYear: 1999, EndYear: 2012},
	} {
		t.Run(fmt.Sprintf("seed %d, years %d-%d, boilerplate %v", cfg.Seed, cfg.StartYear, cfg.EndYear, cfg.PageBoilerplate), func(t *testing.T) {
			t.Parallel()
			g := New(cfg)
			kinds := map[string]int{}
			for i := range cfg.N {
				name, raw := g.Summary(i)
				f := g.Facts(i)
				kinds[f.Language+formatName(f.HTML)]++
				kinds[strings.TrimSuffix(f.Reference[len("2021/0000("):], ")")]++
				if f.Agreement != nil {
					kinds["agreement"]++
				}
				for _, p := range checkPlausible(f) {
					t.Errorf("summary %d (%s): %s", i, name, p)
				}
				doc, err := ingest.Parse(context.Background(), raw, name, epoch)
				if err != nil {
					t.Errorf("summary %d (%s) refused: %v", i, name, err)
					continue
				}
				for _, p := range checkFacts(f, doc) {
					t.Errorf("summary %d (%s): %s", i, name, p)
				}
			}
			for _, k := range []string{"en text", "en html", "fr text", "fr html", "RSP", "INI", "NLE", "agreement"} {
				if kinds[k] < 5 {
					t.Errorf("%d summaries of kind %q among %d, want at least 5", kinds[k], k, cfg.N)
				}
			}
		})
	}
}

// TestEveryCountryReadsBack makes one summary about each country of the list, in each
// language: the extractor reads every name, "in", "of" and article form the texts use. The
// list leaves out only the countries whose names the extractor cannot read (see readsBack).
func TestEveryCountryReadsBack(t *testing.T) {
	t.Parallel()
	g := New(Config{Seed: 3, N: testN})
	t.Logf("%d countries; left out because the extractor does not read their names: %v", len(g.countries), g.unreadCountries)
	if len(g.countries) < 200 || len(g.unreadCountries) > 2 || len(g.unreadGroups) > 0 {
		t.Errorf("%d countries, left out %v; groups left out %v: the lexicon lost names", len(g.countries), g.unreadCountries, g.unreadGroups)
	}
	for k, c := range g.countries {
		for _, lang := range []string{"en", "fr"} {
			s := g.compose(k%testN, override{country: c.code, lang: lang, format: "text"}) // the formats agree: see TestFormatsAgree
			var b strings.Builder
			raw := encodeForTest(g, s)
			doc, err := ingest.Parse(context.Background(), raw, s.Name, epoch)
			if err != nil {
				t.Errorf("%s in %s: refused: %v", c.code, lang, err)
				continue
			}
			for _, p := range checkFacts(s.Facts, doc) {
				fmt.Fprintf(&b, "\n\t%s", p)
			}
			if b.Len() > 0 {
				t.Errorf("%s (%s) in %s:%s", c.code, c.en, lang, b.String())
			}
		}
	}
}

// TestFormatsAgree ingests the same summary as plain text, as a trimmed page and as a page
// with the real page's boilerplate: the three give the same normalised text.
func TestFormatsAgree(t *testing.T) {
	trimmed := New(Config{Seed: 4, N: 25})
	full := New(Config{Seed: 4, N: 25, PageBoilerplate: true})
	for i := range 25 {
		var texts []string
		for _, v := range []struct {
			g      *Generator
			format string
		}{{trimmed, "text"}, {trimmed, "html"}, {full, "html"}} {
			s := v.g.compose(i, override{format: v.format})
			doc, err := ingest.Parse(context.Background(), encodeForTest(v.g, s), s.Name, epoch)
			if err != nil {
				t.Fatalf("summary %d as %s: %v", i, v.format, err)
			}
			texts = append(texts, doc.Source.Text)
		}
		if texts[0] != texts[1] || texts[1] != texts[2] {
			t.Errorf("summary %d: the formats read differently:\ntext:\n%s\npage:\n%s\nfull page:\n%s", i, texts[0], texts[1], texts[2])
		}
	}
}

func encodeForTest(g *Generator, s *summary) []byte {
	var b bytes.Buffer
	g.encode(&b, s)
	return b.Bytes()
}

func formatName(html bool) string {
	if html {
		return " html"
	}
	return " text"
}

// checkFacts lists the differences between what a summary states and what the extractor
// read from it.
func checkFacts(f Facts, doc *graph.Document) []string {
	var bad []string
	fail := func(format string, args ...any) { bad = append(bad, fmt.Sprintf(format, args...)) }
	r := doc.Resolution
	if r.Reference != f.Reference || r.Title != f.Title || r.Adopted != f.Adopted || r.Stage != f.Stage {
		fail("resolution %s %q %s %q, want %s %q %s %q", r.Reference, r.Title, r.Adopted, r.Stage, f.Reference, f.Title, f.Adopted, f.Stage)
	}
	if doc.Source.Language != f.Language || (doc.Source.Format == "oeil-summary-html") != f.HTML {
		fail("language and format %s %s, want %s html=%v", doc.Source.Language, doc.Source.Format, f.Language, f.HTML)
	}
	if r.Vote == nil || *r.Vote != f.Vote {
		fail("vote %+v, want %+v", r.Vote, f.Vote)
	}
	var groups []string
	for _, gr := range r.TabledBy {
		groups = append(groups, gr.Code)
	}
	if !slices.Equal(groups, f.TabledBy) {
		fail("tabled by %v, want %v", groups, f.TabledBy)
	}
	if r.AdoptedBy != graph.CodeEP {
		fail("adopted by %q, want EP", r.AdoptedBy)
	}

	var concerns, mentions []string
	for _, c := range doc.Countries {
		if c.Role == graph.RoleConcerns {
			concerns = append(concerns, c.Code)
		} else {
			mentions = append(mentions, c.Code)
		}
	}
	if !slices.Equal(concerns, []string{f.Country}) {
		fail("concerns %v, want [%s]", concerns, f.Country)
	}
	if !sameSet(mentions, f.Mentions) {
		fail("mentions %v, want %v", mentions, f.Mentions)
	}

	var agrKey string
	switch {
	case f.Agreement == nil && len(doc.Agreements) > 0:
		fail("agreements %+v, want none", doc.Agreements)
	case f.Agreement != nil:
		want := graph.Agreement{Kind: f.Agreement.Kind, Parties: []graph.Party{{Institution: graph.CodeEU}, {Country: f.Agreement.Country}},
			Signed: f.Agreement.Signed, InForce: f.Agreement.InForce}
		if len(doc.Agreements) != 1 {
			fail("agreements %+v, want one: %+v", doc.Agreements, want)
			break
		}
		a := doc.Agreements[0]
		if a.Kind != want.Kind || !slices.Equal(a.Parties, want.Parties) || a.Signed != want.Signed || a.InForce != want.InForce {
			fail("agreement %s %v signed %s in force %s, want %s %v signed %s in force %s",
				a.Kind, a.Parties, a.Signed, a.InForce, want.Kind, want.Parties, want.Signed, want.InForce)
		}
		agrKey = want.Key()
	}

	bullets := 0
	for _, ld := range f.Leads {
		for _, text := range ld.Bullets {
			bullets++
			k := slices.IndexFunc(doc.Demands, func(d graph.Demand) bool { return d.Text == text })
			switch {
			case k < 0:
				fail("no demand for the bullet %q", text)
			case !subset(ld.Addressees, doc.Demands[k].Addressees):
				fail("bullet %q addressed to %v, want %v", text, doc.Demands[k].Addressees, ld.Addressees)
			}
		}
	}
	for _, dm := range f.Demands {
		k := slices.IndexFunc(doc.Demands, func(d graph.Demand) bool {
			return strings.Contains(dm.Sentence, d.Text) && subset(dm.Addressees, d.Addressees)
		})
		switch {
		case k < 0:
			fail("no demand addressed to %v for %q", dm.Addressees, dm.Sentence)
		case dm.Agreement && !slices.Contains(doc.Demands[k].Agreements, agrKey):
			fail("demand %q is about %v, want the agreement %s", dm.Sentence, doc.Demands[k].Agreements, agrKey)
		}
	}
	if len(doc.Demands) < bullets+len(f.Demands) {
		fail("%d demands, want at least %d bullets and %d sentences", len(doc.Demands), bullets, len(f.Demands))
	}
	if len(doc.Stances) < f.Stances {
		fail("%d stances, want at least %d", len(doc.Stances), f.Stances)
	}
	var topics []string
	for _, d := range doc.Demands {
		topics = append(topics, d.Topics...)
	}
	if !subset(f.Topics, topics) {
		fail("demand topics %v, want at least %v", topics, f.Topics)
	}
	return bad
}

// checkPlausible lists what a summary states that the Parliament could not have done: a
// vote of more members than it has, a vote on a day it does not vote, a group that did not
// sit on the day.
func checkPlausible(f Facts) []string {
	var bad []string
	if v := f.Vote; v.For+v.Against+v.Abstentions > 705 || v.For <= v.Against {
		bad = append(bad, fmt.Sprintf("vote %+v: more than 705 members, or not adopted", v))
	}
	day := time.Date(f.Adopted.Year, time.Month(f.Adopted.Month), f.Adopted.Day, 0, 0, 0, 0, time.UTC)
	if wd := day.Weekday(); wd < time.Tuesday || wd > time.Thursday || day.Month() == time.August {
		bad = append(bad, fmt.Sprintf("adopted on %s, %s: no plenary vote then", f.Adopted, wd))
	}
	for _, code := range f.TabledBy {
		if g, ok := lexicon.GroupByCode(code); !ok || !g.ValidOn(f.Adopted) {
			bad = append(bad, fmt.Sprintf("tabled by %s, which did not sit on %s", code, f.Adopted))
		}
	}
	return bad
}

func subset(want, got []string) bool {
	for _, w := range want {
		if !slices.Contains(got, w) {
			return false
		}
	}
	return true
}

func sameSet(a, b []string) bool { return subset(a, b) && subset(b, a) }
