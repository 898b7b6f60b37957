package graph

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

func TestLowerLabelsEveryQuadWithTheDocument(t *testing.T) {
	doc := kzFR()
	qs, err := lower(doc)
	if err != nil {
		t.Fatal(err)
	}
	label := doc.Source.ID().IRI()
	for _, q := range qs {
		if q.Label != label {
			t.Errorf("quad %v has label %v, want %v", q, q.Label, label)
		}
		if !q.IsValid() {
			t.Errorf("incomplete quad %v", q)
		}
	}
}

func TestLowerIsDeterministicAndHasNoDuplicates(t *testing.T) {
	a, _ := lower(kzFR())
	b, _ := lower(kzFR())
	if !reflect.DeepEqual(a, b) {
		t.Error("two lowerings of the same document differ")
	}
	seen := map[quadKey]bool{}
	for _, q := range a {
		if seen[keyOf(q)] {
			t.Errorf("duplicate quad %v", q)
		}
		seen[keyOf(q)] = true
	}
}

func TestLowerWritesNoQuadTheLabelsAlreadyImply(t *testing.T) {
	for _, doc := range []*Document{kzFR(), kzEN(), mm()} {
		qs, _ := lower(doc)
		edges := 0
		for _, q := range qs {
			switch {
			case q.Predicate == SourcePred.IRI():
				t.Errorf("%s: a SOURCE edge (its label says it): %v", doc.Source.Key, q)
			case q.Predicate == pEvidence && q.Object == spanValue(Span{}):
				t.Errorf("%s: a zero-span evidence quad (the label says it): %v", doc.Source.Key, q)
			case q.Predicate == pEvidence:
				if _, ok := parseSpan(q.Object); !ok {
					t.Errorf("evidence %v is not start:end", q.Object)
				}
			case idOfValue(q.Object) != "":
				edges++
			}
		}
		if edges < 4 {
			t.Errorf("%s: only %d edges", doc.Source.Key, edges)
		}
	}
	// A demand's span is written once, as its own; its edges' evidence is implied by it.
	doc := kzFR()
	qs, _ := lower(doc)
	d := DemandID(doc.Source.Key, 1)
	var own, addressed []quad.Value
	for _, q := range qs {
		switch q.Subject {
		case EdgeID(d, SourcePred, doc.Source.ID()).IRI():
			own = append(own, q.Object)
		case EdgeID(d, AddressedTo, InstitutionID("GOVERNMENT:KZ")).IRI():
			addressed = append(addressed, q.Object)
		}
	}
	if !slices.Equal(own, []quad.Value{spanValue(doc.Demands[0].Evidence)}) || len(addressed) != 0 {
		t.Errorf("demand's own span %v, ADDRESSED_TO evidence quads %v; want the demand's span once, no edge quad", own, addressed)
	}
}

func TestLowerWritesPropertiesAsTypedLiterals(t *testing.T) {
	qs, _ := lower(kzFR())
	has := func(s ID, p quad.IRI, o quad.Value) {
		t.Helper()
		for _, q := range qs {
			if q.Subject == s.IRI() && q.Predicate == p && q.Object == o {
				return
			}
		}
		t.Errorf("no quad %v %v %v", s.IRI(), p, o)
	}
	res := ResolutionID("2021/2544(RSP)")
	has(res, pKind, quad.String(KindResolution))
	has(res, pTitle, quad.LangString{Value: "Kazakhstan", Lang: "fr"})
	has(res, pAdopted, quad.String("2022-02-10"))
	has(res, pVotesFor, quad.Int(633))
	has(CountryID("KZ"), pName, quad.LangString{Value: "Kazakhstan", Lang: "fr"})
	has(AgreementID(epca.Key()), pInForce, quad.String("2020-03"))
	has(DemandID(kzFR().Source.Key, 2), pPosition, quad.Int(2))
	has(kzFR().Source.ID(), pIngestedAt, quad.Time(t0))
	has(kzFR().Source.ID(), pText, quad.String(kzTextFR))
	has(res, Concerns.IRI(), CountryID("KZ").IRI())
	has(InstitutionID("GOVERNMENT:KZ"), BelongsTo.IRI(), CountryID("KZ").IRI())
	has(CountryID("KZ"), PartyTo.IRI(), AgreementID(epca.Key()).IRI())
	has(InstitutionID(CodeEU), PartyTo.IRI(), AgreementID(epca.Key()).IRI())
	if got := string(Concerns.IRI()); got != "https://eurel.eu/ns#CONCERNS" {
		t.Errorf("CONCERNS IRI = %s", got)
	}
	if got := CountryID("KZ").IRI().String(); !strings.HasPrefix(got, "<urn:uuid:") {
		t.Errorf("node IRI = %s", got)
	}
}

func TestValidateRefusesWhatCannotBeStored(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(d *Document)
		want string
	}{
		{"an empty source key", func(d *Document) { d.Source.Key = " " }, "Source.Key"},
		{"no digest", func(d *Document) { d.Source.SHA256 = "" }, "SHA256"},
		{"a language that is not a code", func(d *Document) { d.Source.Language = "French" }, "Language"},
		{"a span past the end of the text", func(d *Document) { d.Countries[0].Evidence = Span{10, 10_000} }, "outside the text"},
		{"a reversed span", func(d *Document) { d.Demands[0].Evidence = Span{10, 5} }, "outside the text"},
		{"a country code that is not alpha-2", func(d *Document) { d.Countries[0].Code = "KAZ" }, "ISO 3166-1"},
		{"a lower-case country code", func(d *Document) { d.Countries[1].Code = "cn" }, "ISO 3166-1"},
		{"an institution's country", func(d *Document) { d.Institutions[0].Country = "Kazakhstan" }, "ISO 3166-1"},
		{"an agreement party", func(d *Document) {
			d.Agreements[0].Parties = []Party{{Country: "KZZ"}}
		}, "ISO 3166-1"},
		{"a party naming both", func(d *Document) {
			d.Agreements[0].Parties = []Party{{Country: "KZ", Institution: "EU"}}
		}, "exactly one"},
		{"two demands at one position", func(d *Document) { d.Demands[1].Position = 1 }, "used twice"},
		{"a demand at position 0", func(d *Document) { d.Demands[0].Position = 0 }, "≥ 1"},
		{"an unknown addressee", func(d *Document) { d.Demands[0].Addressees = []string{"NOBODY"} }, "addressee \"NOBODY\""},
		{"an unknown topic", func(d *Document) { d.Demands[0].Topics = []string{"weather"} }, "topic \"weather\""},
		{"an unknown agreement", func(d *Document) { d.Demands[1].Agreements = []string{"FTA/country:KZ"} }, "agreement \"FTA/country:KZ\""},
		{"an impossible date", func(d *Document) { d.Resolution.Adopted = Day(2021, 2, 30) }, "no day 30"},
		{"demands without a resolution", func(d *Document) { d.Resolution = nil }, "need a Resolution"},
		{"a country without a role", func(d *Document) { d.Countries[0].Role = "" }, "role"},
		{"a name in no language", func(d *Document) { d.Topics[0].Names = map[string]string{"": "x"} }, "name language"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := kzFR()
			doc.Countries = slices.Clone(doc.Countries)
			doc.Demands = slices.Clone(doc.Demands)
			doc.Institutions = slices.Clone(doc.Institutions)
			doc.Topics = slices.Clone(doc.Topics)
			doc.Agreements = slices.Clone(doc.Agreements)
			r := *doc.Resolution
			doc.Resolution = &r
			tc.edit(doc)
			err := doc.Validate()
			if !errors.Is(err, ErrInvalidDocument) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Validate() = %v, want an invalid-document error mentioning %q", err, tc.want)
			}
			if qs, err := lower(doc); err == nil || qs != nil {
				t.Errorf("lower accepted the document")
			}
		})
	}
	for _, doc := range []*Document{kzFR(), kzEN(), mm()} {
		if err := doc.Validate(); err != nil {
			t.Errorf("fixture %s: %v", doc.Source.Key, err)
		}
	}
	var nilDoc *Document
	if err := nilDoc.Validate(); !errors.Is(err, ErrInvalidDocument) {
		t.Errorf("nil document: %v", err)
	}
}

func TestLangTags(t *testing.T) {
	for tag, ok := range map[string]bool{"en": true, "fr": true, "und": true, "pt-BR": true, "zh-Hant": true,
		"": false, "EN": false, "english": false, "e": false, "en-": false, "en_GB": false} {
		if isLangTag(tag) != ok {
			t.Errorf("isLangTag(%q) = %v", tag, !ok)
		}
	}
}

func TestSpanLiteralsRoundTrip(t *testing.T) {
	for _, sp := range []Span{{}, {3, 17}, {1000, 123456}} {
		if got, ok := parseSpan(spanValue(sp)); !ok || got != sp {
			t.Errorf("parseSpan(spanValue(%v)) = %v, %v", sp, got, ok)
		}
	}
	for _, bad := range []quad.Value{quad.String("3"), quad.String("a:b"), quad.Int(3), nil} {
		if _, ok := parseSpan(bad); ok {
			t.Errorf("parseSpan(%v) accepted", bad)
		}
	}
}
