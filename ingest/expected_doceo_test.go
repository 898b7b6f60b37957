package ingest

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/doceo"
	"github.com/eurel/eurel/ingest/lexicon"
)

// expectedPage is the acceptance oracle of a document page (shared/corpus/expected/*.json
// whose format is a doceo one): facts, not a schema; "AtLeast" means a floor.
type expectedPage struct {
	Source   string `json:"source"`
	Format   string `json:"format"`
	Language string `json:"language"`
	Document struct {
		Reference       string   `json:"reference"`
		Kind            string   `json:"kind"`
		Date            string   `json:"date"`
		Procedure       string   `json:"procedure"`
		TextAdopted     string   `json:"textAdopted"`
		Replaces        []string `json:"replaces"`
		TabledByAtLeast []string `json:"tabledByAtLeast"`
	} `json:"document"`
	Concerns        []string `json:"concerns"`
	MentionsAtLeast []string `json:"mentionsAtLeast"`
	CitesAtLeast    []string `json:"citesAtLeast"`
	Demands         struct {
		AddressedTo  []demandsTo `json:"addressedTo"`
		TotalAtLeast int         `json:"totalAtLeast"`
	} `json:"demands"`
	StancesAtLeast    int      `json:"stancesAtLeast"`
	RecipientsAtLeast []string `json:"recipientsAtLeast"`
}

// pageFormats maps the oracle's formats of document pages to the kind of document they are.
var pageFormats = map[string]graph.DocumentKind{
	"doceo-joint-motion-html": graph.DocJointMotion,
	"doceo-motion-html":       graph.DocMotion,
	"doceo-text-adopted-html": graph.DocTextAdopted,
}

// TestExpectedFactsOfDocumentPages ingests each document page of the corpus that has an
// oracle file and checks every fact the oracle lists.
func TestExpectedFactsOfDocumentPages(t *testing.T) {
	dir, oracles := loadOracles[expectedPage](t)
	ran := 0
	for _, want := range oracles {
		kind, ok := pageFormats[want.Format]
		if !ok {
			continue // summaries: TestExpectedFacts
		}
		ran++
		t.Run(filepath.Base(want.Source), func(t *testing.T) {
			raw := readSource(t, dir, want.Source)
			p, err := ParseFull(context.Background(), raw, want.Source, nil)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			doc, d := p.Document, p.Doceo
			if doc.Source.Kind != kind || doc.Source.Format != doceo.Format || doc.Source.Language != want.Language {
				t.Errorf("kind, format, language = %s, %s, %s; want %s, %s, %s", doc.Source.Kind, doc.Source.Format, doc.Source.Language, kind, doceo.Format, want.Language)
			}
			checkPageHeader(t, doc, d, want)
			checkPageCountries(t, doc, want)
			checkPageCitations(t, d, want)
			checkPageDemands(t, doc, want)
			checkPageRecipients(t, d, want)
			checkPageInTheGraph(t, doc, want)
			checkEvidence(t, doc)
		})
	}
	if ran < 1 {
		t.Errorf("checked %d document pages against their oracle, want at least 1", ran)
	}
}

func checkPageHeader(t *testing.T, doc *graph.Document, d *doceo.Doc, want expectedPage) {
	t.Helper()
	w := want.Document
	if d.Reference != w.Reference || string(d.Kind) != w.Kind || d.Date.String() != w.Date || d.Procedure != w.Procedure || d.TextAdopted != w.TextAdopted {
		t.Errorf("document %s %s %s %s %s; want %s %s %s %s %s", d.Reference, d.Kind, d.Date, d.Procedure, d.TextAdopted,
			w.Reference, w.Kind, w.Date, w.Procedure, w.TextAdopted)
	}
	if doc.Resolution == nil || doc.Resolution.Reference != w.Procedure {
		t.Fatalf("resolution %+v, want the one of %s", doc.Resolution, w.Procedure)
	}
	var replaces []string
	for _, m := range d.Replaces {
		replaces = append(replaces, m.Reference)
	}
	if !sameSet(replaces, w.Replaces) {
		t.Errorf("replaces %v, want %v", replaces, w.Replaces)
	}
	var groups []string
	for _, g := range doc.Resolution.TabledBy {
		groups = append(groups, g.Code)
	}
	for _, g := range w.TabledByAtLeast {
		if !slices.Contains(groups, g) {
			t.Errorf("tabled by %v, want it to include %s", groups, g)
		}
	}
}

func checkPageCountries(t *testing.T, doc *graph.Document, want expectedPage) {
	t.Helper()
	concerns, mentions := countryRoles(doc)
	if !sameSet(concerns, want.Concerns) {
		t.Errorf("concerns %v, want %v", concerns, want.Concerns)
	}
	checkMentionsAtLeast(t, mentions, want.MentionsAtLeast)
}

func checkPageCitations(t *testing.T, d *doceo.Doc, want expectedPage) {
	t.Helper()
	var cited []string
	for _, c := range d.Citations {
		for _, k := range c.Instruments {
			in, _ := lexicon.InstrumentByKey(k)
			cited = append(cited, in.Names["en"])
		}
	}
	for _, c := range want.CitesAtLeast {
		if !slices.Contains(cited, c) {
			t.Errorf("cites %q, want it to include %q", cited, c)
		}
	}
}

func checkPageDemands(t *testing.T, doc *graph.Document, want expectedPage) {
	t.Helper()
	w := want.Demands
	if len(doc.Demands) < w.TotalAtLeast {
		t.Errorf("%d demands, want at least %d", len(doc.Demands), w.TotalAtLeast)
	}
	checkDemandsTo(t, doc, w.AddressedTo)
	if len(doc.Stances) < want.StancesAtLeast {
		t.Errorf("%d stances, want at least %d", len(doc.Stances), want.StancesAtLeast)
	}
	for _, dm := range doc.Demands {
		for _, s := range doc.Stances {
			if dm.Evidence == s.Evidence {
				t.Errorf("%q is both a demand and a stance", dm.Text)
			}
		}
	}
}

// checkPageRecipients: each recipient the oracle names is an institution of that English
// name, or a country (ISO code) the resolution is forwarded to as such.
func checkPageRecipients(t *testing.T, d *doceo.Doc, want expectedPage) {
	t.Helper()
	for _, name := range want.RecipientsAtLeast {
		found := slices.ContainsFunc(d.Recipients, func(r doceo.Recipient) bool {
			if r.Kind == doceo.RecipientCountry {
				return r.Country == name
			}
			in, ok := lexicon.InstitutionByKey(r.Institution)
			return ok && in.Names["en"] == name
		})
		if !found {
			t.Errorf("no recipient %q among %+v", name, d.Recipients)
		}
	}
}

// checkPageInTheGraph: what the store keeps of the page — the document it is a version of,
// the motions that document replaces and the text adopted it became, and the institutions and
// countries the resolution is forwarded to — says what the oracle says.
func checkPageInTheGraph(t *testing.T, doc *graph.Document, want expectedPage) {
	t.Helper()
	w := want.Document
	if doc.Source.Document != w.Reference || len(doc.ProcedureDocuments) == 0 {
		t.Fatalf("the page is a version of %q (documents %+v), want %s", doc.Source.Document, doc.ProcedureDocuments, w.Reference)
	}
	own := doc.ProcedureDocuments[0]
	ta, _ := graph.DocumentReference(w.TextAdopted)
	if own.Reference != w.Reference || own.Date.String() != w.Date || !sameSet(own.Replaces, w.Replaces) || own.AdoptedAs != ta {
		t.Errorf("document %+v; want %s of %s replacing %v, adopted as %s", own, w.Reference, w.Date, w.Replaces, ta)
	}
	names := map[string]string{}
	for _, in := range doc.Institutions {
		names[in.Key] = in.Names["en"]
	}
	for _, name := range want.RecipientsAtLeast {
		if !slices.ContainsFunc(doc.Recipients, func(r graph.Recipient) bool { return r.Country == name || names[r.Institution] == name }) {
			t.Errorf("the resolution is not forwarded to %q: %+v", name, doc.Recipients)
		}
	}
}
