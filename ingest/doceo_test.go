package ingest

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/doceo"
	"github.com/eurel/eurel/internal/corpus"
)

func parseFile(t *testing.T, path string) *Parsed {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParseFull(context.Background(), raw, filepath.Base(path), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Document.Validate(); err != nil {
		t.Fatalf("the store would refuse it: %v", err)
	}
	checkEvidence(t, p.Document)
	return p
}

func TestAReportIsIngestedAsAReportWithoutCountriesOrDemands(t *testing.T) {
	p := parseFile(t, filepath.Join(corpus.Dir(t), "doceo", "A-9-2024-0163_EN.html"))
	doc := p.Document
	if p.Doceo.Kind != doceo.KindReport || doc.Source.Kind != graph.DocReport {
		t.Errorf("kind %s / %s, want a report", p.Doceo.Kind, doc.Source.Kind)
	}
	if doc.Resolution == nil || doc.Resolution.Reference != "2024/2006(REG)" || !doc.Resolution.Adopted.IsZero() || doc.Resolution.AdoptedBy != "" {
		t.Errorf("resolution %+v: a report belongs to its procedure and adopts nothing", doc.Resolution)
	}
	if len(doc.Countries)+len(doc.Agreements)+len(doc.Demands)+len(doc.Stances) > 0 {
		t.Errorf("invented facts: %d countries, %d agreements, %d demands, %d stances",
			len(doc.Countries), len(doc.Agreements), len(doc.Demands), len(doc.Stances))
	}
	// The decision is forwarded to the Council and the Commission: those, and only those, are
	// the institutions it names.
	var recipients, institutions []string
	for _, r := range doc.Recipients {
		recipients = append(recipients, r.Institution+r.Country)
	}
	for _, in := range doc.Institutions {
		institutions = append(institutions, in.Key)
	}
	if !slices.Equal(recipients, []string{graph.CodeCouncil, graph.CodeCommission}) || !slices.Equal(institutions, recipients) {
		t.Errorf("recipients %q, institutions %q: want the Council and the Commission", recipients, institutions)
	}
	if doc.Source.Document != "A9-0163/2024" || len(doc.ProcedureDocuments) != 2 || doc.ProcedureDocuments[0].Kind != graph.DocReport ||
		doc.ProcedureDocuments[0].AdoptedAs != "T9-0315/2024" {
		t.Errorf("the report's documents: %q %+v", doc.Source.Document, doc.ProcedureDocuments)
	}
}

func TestAFrenchJointMotionWrittenForTheTests(t *testing.T) {
	doc := parseFile(t, filepath.Join("doceo", "testdata", "joint-motion-fr.html")).Document
	if doc.Source.Key != "doceo/RC-B9-0001/2099/fr" || doc.Source.Language != "fr" || doc.Source.Kind != graph.DocJointMotion {
		t.Errorf("source %s %s %s", doc.Source.Key, doc.Source.Language, doc.Source.Kind)
	}
	r := doc.Resolution
	if r.Reference != "2099/9999(RSP)" || r.Title != "Résolution du Parlement européen sur la liberté des médias en Serbie" || !r.Adopted.IsZero() {
		t.Errorf("resolution %+v", r)
	}
	var groups []string
	for _, g := range r.TabledBy {
		groups = append(groups, g.Code)
	}
	concerns, mentions := countryRoles(doc)
	if !slices.Equal(groups, []string{"EPP", "GREEN_EFA"}) || !slices.Equal(concerns, []string{"RS"}) || !sameSet(mentions, []string{"RU", "CN", "US"}) {
		t.Errorf("groups %v, concerns %v, mentions %v", groups, concerns, mentions)
	}
	if len(doc.Agreements) != 1 || doc.Agreements[0].Kind != graph.AgreementSAA || doc.Agreements[0].InForce.String() != "2013-09-01" {
		t.Errorf("the agreement of the citations: %+v", doc.Agreements)
	}
	var addressees [][]string
	for _, d := range doc.Demands {
		addressees = append(addressees, d.Addressees)
	}
	want := [][]string{{"AUTHORITIES:RS"}, {"AUTHORITIES:RS"}, {"COMMISSION"}}
	if !slices.EqualFunc(addressees, want, slices.Equal[[]string]) {
		t.Errorf("demands to %v, want %v (the two sub-items under the lead, then the Commission)", addressees, want)
	}
	if len(doc.Stances) != 1 || doc.Stances[0].Kind != graph.StanceCondemns {
		t.Errorf("stances %+v", doc.Stances)
	}
}

func TestATextAdoptedIsAdoptedByTheParliament(t *testing.T) {
	doc := parseFile(t, filepath.Join("doceo", "testdata", "text-adopted-en.html")).Document
	r := doc.Resolution
	if doc.Source.Kind != graph.DocTextAdopted || r.Adopted != graph.Day(2099, 7, 2) || r.AdoptedBy != graph.CodeEP {
		t.Errorf("kind %s, adopted %s by %q", doc.Source.Kind, r.Adopted, r.AdoptedBy)
	}
	if len(doc.Demands) != 2 || doc.Demands[0].Addressees[0] != "AUTHORITIES:RS" {
		t.Errorf("demands %+v", doc.Demands)
	}
}
