package ingest

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/extract"
	"github.com/eurel/eurel/ingest/oeil"
)

// expected is the acceptance oracle of shared/corpus/expected/*.json: facts, not a schema.
// "count" means exactly, "countAtLeast" a floor.
type expected struct {
	Source     string `json:"source"`
	Format     string `json:"format"`
	Language   string `json:"language"`
	Resolution *struct {
		Reference       string      `json:"reference"`
		Title           string      `json:"title"`
		Adopted         string      `json:"adopted"`
		Stage           string      `json:"stage"`
		Vote            *graph.Vote `json:"vote"`
		JointlyTabledBy []string    `json:"jointlyTabledBy"`
	} `json:"resolution"`
	Concerns        *[]string `json:"concerns"`
	Mentions        *[]string `json:"mentions"`
	MentionsAtLeast []string  `json:"mentionsAtLeast"`
	Regions         []string  `json:"regions"`
	Agreements      *[]struct {
		Kind    string   `json:"kind"`
		Parties []string `json:"parties"`
		Signed  string   `json:"signed"`
		InForce string   `json:"inForce"`
	} `json:"agreements"`
	Demands *struct {
		AddressedTo       []demandsTo `json:"addressedTo"`
		TotalAtLeast      int         `json:"totalAtLeast"`
		MustLinkAgreement int         `json:"mustLinkAgreement"`
	} `json:"demands"`
	TopicsAtLeast    []string `json:"topicsAtLeast"`
	PositionsAtLeast []string `json:"positionsAtLeast"`
}

// summaryFormats maps the oracle's format names to the parser's.
var summaryFormats = map[string]oeil.Format{
	"oeil-summary":      oeil.FormatText,
	"oeil-summary-html": oeil.FormatHTML,
}

// TestExpectedFacts ingests each OEIL summary of the corpus that has an oracle file and checks
// every fact the oracle lists.
func TestExpectedFacts(t *testing.T) {
	dir, oracles := loadOracles[expected](t)
	ran := 0
	for _, want := range oracles {
		format, ok := summaryFormats[want.Format]
		if !ok {
			continue // other formats are read by other parsers
		}
		ran++
		t.Run(filepath.Base(want.Source), func(t *testing.T) {
			raw := readSource(t, dir, want.Source)
			doc, err := Parse(context.Background(), raw, want.Source, nil)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if doc.Source.Format != string(format) || doc.Source.Language != want.Language {
				t.Errorf("format, language = %s, %s; want %s, %s", doc.Source.Format, doc.Source.Language, format, want.Language)
			}
			checkResolution(t, doc, want)
			checkCountries(t, doc, want)
			checkAgreements(t, doc, want)
			checkDemands(t, doc, want)
			checkTopicsAndStances(t, doc, want)
			checkRegions(t, raw, want)
			checkEvidence(t, doc)
		})
	}
	if ran < 3 {
		t.Errorf("checked %d summaries against their oracle, want at least 3", ran)
	}
}

func checkResolution(t *testing.T, doc *graph.Document, want expected) {
	t.Helper()
	w, r := want.Resolution, doc.Resolution
	if w == nil {
		return
	}
	if r == nil {
		t.Fatal("no resolution extracted")
	}
	if r.Reference != w.Reference {
		t.Errorf("reference = %q, want %q", r.Reference, w.Reference)
	}
	if r.Title != w.Title {
		t.Errorf("title = %q, want %q", r.Title, w.Title)
	}
	if r.Adopted.String() != w.Adopted {
		t.Errorf("adopted = %q, want %q", r.Adopted, w.Adopted)
	}
	if w.Stage != "" && r.Stage != w.Stage {
		t.Errorf("stage = %q, want %q", r.Stage, w.Stage)
	}
	if w.Vote != nil && (r.Vote == nil || *r.Vote != *w.Vote) {
		t.Errorf("vote = %+v, want %+v", r.Vote, *w.Vote)
	}
	if w.JointlyTabledBy != nil {
		var got []string
		for _, g := range r.TabledBy {
			got = append(got, g.Code)
		}
		if !sameSet(got, w.JointlyTabledBy) {
			t.Errorf("tabled by %v, want %v", got, w.JointlyTabledBy)
		}
	}
}

func checkCountries(t *testing.T, doc *graph.Document, want expected) {
	t.Helper()
	concerns, mentions := countryRoles(doc)
	if want.Concerns != nil && !sameSet(concerns, *want.Concerns) {
		t.Errorf("concerns %v, want %v", concerns, *want.Concerns)
	}
	if want.Mentions != nil && !sameSet(mentions, *want.Mentions) {
		t.Errorf("mentions %v, want %v", mentions, *want.Mentions)
	}
	checkMentionsAtLeast(t, mentions, want.MentionsAtLeast)
}

func checkAgreements(t *testing.T, doc *graph.Document, want expected) {
	t.Helper()
	if want.Agreements == nil {
		return
	}
	if len(doc.Agreements) != len(*want.Agreements) {
		t.Errorf("%d agreements, want %d: %+v", len(doc.Agreements), len(*want.Agreements), doc.Agreements)
	}
	for _, w := range *want.Agreements {
		found := false
		for _, a := range doc.Agreements {
			var parties []string
			for _, p := range a.Parties {
				parties = append(parties, p.Country+p.Institution)
			}
			if string(a.Kind) == w.Kind && sameSet(parties, w.Parties) {
				found = true
				if a.Signed.String() != w.Signed || a.InForce.String() != w.InForce {
					t.Errorf("agreement %s signed %q in force %q, want %q and %q", a.Key(), a.Signed, a.InForce, w.Signed, w.InForce)
				}
			}
		}
		if !found {
			t.Errorf("no %s agreement between %v in %+v", w.Kind, w.Parties, doc.Agreements)
		}
	}
}

func checkDemands(t *testing.T, doc *graph.Document, want expected) {
	t.Helper()
	w := want.Demands
	if w == nil {
		return
	}
	if len(doc.Demands) < w.TotalAtLeast {
		t.Errorf("%d demands, want at least %d", len(doc.Demands), w.TotalAtLeast)
	}
	checkDemandsTo(t, doc, w.AddressedTo)
	linked := 0
	for _, d := range doc.Demands {
		if len(d.Agreements) > 0 {
			linked++
		}
	}
	if linked < w.MustLinkAgreement {
		t.Errorf("%d demands linked to an agreement, want at least %d", linked, w.MustLinkAgreement)
	}
}

func checkTopicsAndStances(t *testing.T, doc *graph.Document, want expected) {
	t.Helper()
	names := map[string]string{}
	for _, tp := range doc.Topics {
		names[tp.Key] = tp.Names["en"]
	}
	var used []string
	for _, d := range doc.Demands {
		for _, k := range d.Topics {
			used = append(used, names[k])
		}
	}
	for _, tp := range want.TopicsAtLeast {
		if !slices.Contains(used, tp) {
			t.Errorf("no demand about %q; topics used: %v", tp, used)
		}
	}
	for _, p := range want.PositionsAtLeast {
		found := false
		for _, s := range doc.Stances {
			if strings.Contains(s.Text, p) {
				found = true
			}
		}
		if !found {
			t.Errorf("no stance says %q", p)
		}
		for _, d := range doc.Demands {
			if strings.Contains(d.Text, p) {
				t.Errorf("stance %q was also taken for a demand: %q", p, d.Text)
			}
		}
	}
}

func checkRegions(t *testing.T, raw []byte, want expected) {
	t.Helper()
	if want.Regions == nil {
		return
	}
	s, err := oeil.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	if got := extract.Regions(inputOf(s)); !sameSet(got, want.Regions) {
		t.Errorf("regions %v, want %v", got, want.Regions)
	}
}
