package gql_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/eurel/eurel/graph"
)

// Hand-made documents: the English and French summaries of 2021/2544(RSP) on Kazakhstan (the
// resolution that refers to the EU–Kazakhstan EPCA and asks things of the government), a
// summary on Myanmar, and synthetic ones for paging and benchmarks.

var t0 = time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)

const kzRef = "2021/2544(RSP)"

var govKZ = graph.InstitutionID("GOVERNMENT:KZ")

// spanOf is the span of the first occurrence of sub in text, in code points.
func spanOf(text, sub string) graph.Span {
	i := strings.Index(text, sub)
	if i < 0 {
		panic(fmt.Sprintf("%q not in text", sub))
	}
	start := utf8.RuneCountInString(text[:i])
	return graph.Span{Start: start, End: start + utf8.RuneCountInString(sub)}
}

func digest(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func epca() graph.Agreement {
	return graph.Agreement{
		Kind:    graph.AgreementEPCA,
		Parties: []graph.Party{{Institution: graph.CodeEU}, {Country: "KZ"}},
		Signed:  graph.Day(2015, 12, 21),
		InForce: graph.PartialDate{Year: 2020, Month: 3},
	}
}

var epcaID = graph.AgreementID(epca().Key())

var euInstitutions = []graph.Institution{
	{Key: graph.CodeEU, Kind: graph.InstEU, Code: graph.CodeEU, Names: map[string]string{"en": "European Union", "fr": "Union européenne"}},
	{Key: graph.CodeEP, Kind: graph.InstEUInstitution, Code: graph.CodeEP, Names: map[string]string{"en": "European Parliament", "fr": "Parlement européen"}},
	{Key: graph.CodeCommission, Kind: graph.InstEUInstitution, Code: graph.CodeCommission, Names: map[string]string{"en": "European Commission", "fr": "Commission européenne"}},
	{Key: "EPP", Kind: graph.InstPoliticalGroup, Code: "EPP", Names: map[string]string{"en": "Group of the European People's Party"}},
	{Key: "SD", Kind: graph.InstPoliticalGroup, Code: "SD", Names: map[string]string{"en": "Group of the Progressive Alliance of Socialists and Democrats"}},
}

const kzTextEN = "On 10 February 2022 the European Parliament adopted by 633 votes to 12, with 40 abstentions, " +
	"a resolution on the human rights situation in Kazakhstan, tabled by the EPP and S&D groups. " +
	"Ethnic Kazakhs have fled the camps in China. " +
	"Parliament recalls the EU–Kazakhstan Enhanced Partnership and Cooperation Agreement. " +
	"It calls on the Government of Kazakhstan to release immediately all political prisoners. " +
	"It urges the Government of Kazakhstan to investigate all allegations of torture. " +
	"It calls on the Commission to review the Agreement. " +
	"It condemns the violent crackdown on protesters."

// kzEN is the English summary of 2021/2544(RSP).
func kzEN() *graph.Document {
	text := kzTextEN
	agr := epca()
	agr.Names = map[string]string{"en": "EU–Kazakhstan Enhanced Partnership and Cooperation Agreement"}
	agr.Evidence = spanOf(text, "EU–Kazakhstan Enhanced Partnership and Cooperation Agreement")
	return &graph.Document{
		Source: graph.Source{
			Key: "oeil-summary/2021/2544(RSP)/en", Kind: graph.DocOEILSummary, Format: "oeil-summary-text",
			Language: "en", SHA256: digest(text), Name: "kz-en.txt", IngestedAt: t0, Text: text,
		},
		Resolution: &graph.Resolution{
			Reference: kzRef, Title: "Human rights situation in Kazakhstan", Adopted: graph.Day(2022, 2, 10),
			Stage: "Procedure completed",
			Vote:  &graph.Vote{For: 633, Against: 12, Abstentions: 40}, VoteEvidence: spanOf(text, "633 votes to 12, with 40 abstentions"),
			TabledBy:  []graph.GroupRef{{Code: "EPP", Evidence: spanOf(text, "EPP")}, {Code: "SD", Evidence: spanOf(text, "S&D")}},
			AdoptedBy: graph.CodeEP,
		},
		Countries: []graph.CountryFact{
			{Code: "KZ", Names: map[string]string{"en": "Kazakhstan"}, Role: graph.RoleConcerns, Evidence: spanOf(text, "Kazakhstan")},
			{Code: "CN", Names: map[string]string{"en": "China"}, Role: graph.RoleMentions, Evidence: spanOf(text, "China")},
		},
		Agreements: []graph.Agreement{agr},
		Institutions: append([]graph.Institution{
			{Key: "GOVERNMENT:KZ", Kind: graph.InstGovernment, Country: "KZ", Names: map[string]string{"en": "Government of Kazakhstan"}},
		}, euInstitutions...),
		Topics: []graph.Topic{
			{Key: "political-prisoners", Names: map[string]string{"en": "political prisoners"}},
			{Key: "torture", Names: map[string]string{"en": "torture"}},
		},
		Demands: []graph.Demand{
			{Position: 1, Text: "release immediately all political prisoners",
				Evidence:   spanOf(text, "It calls on the Government of Kazakhstan to release immediately all political prisoners."),
				Addressees: []string{"GOVERNMENT:KZ"}, Topics: []string{"political-prisoners"}},
			{Position: 2, Text: "investigate all allegations of torture",
				Evidence:   spanOf(text, "It urges the Government of Kazakhstan to investigate all allegations of torture."),
				Addressees: []string{"GOVERNMENT:KZ"}, Topics: []string{"torture"}},
			{Position: 3, Text: "review the Agreement",
				Evidence:   spanOf(text, "It calls on the Commission to review the Agreement."),
				Addressees: []string{graph.CodeCommission}, Agreements: []string{agr.Key()}},
		},
		Stances: []graph.Stance{{Position: 1, Kind: graph.StanceCondemns, Text: "the violent crackdown on protesters",
			Evidence: spanOf(text, "It condemns the violent crackdown on protesters.")}},
	}
}

const kzTextFR = "Le Parlement européen a adopté une résolution sur la situation des droits de l'homme au Kazakhstan. " +
	"Il demande au gouvernement du Kazakhstan de libérer immédiatement tous les prisonniers politiques."

// kzFR is the French summary of the same resolution, ingested an hour later.
func kzFR() *graph.Document {
	text := kzTextFR
	return &graph.Document{
		Source: graph.Source{
			Key: "oeil-summary/2021/2544(RSP)/fr", Kind: graph.DocOEILSummary, Format: "oeil-summary-text",
			Language: "fr", SHA256: digest(text), IngestedAt: t0.Add(time.Hour), Text: text,
		},
		Resolution: &graph.Resolution{Reference: kzRef, Title: "Situation des droits de l'homme au Kazakhstan", Adopted: graph.Day(2022, 2, 10)},
		Countries: []graph.CountryFact{
			{Code: "KZ", Names: map[string]string{"fr": "Kazakhstan"}, Role: graph.RoleConcerns, Evidence: spanOf(text, "Kazakhstan")},
		},
		Institutions: []graph.Institution{
			{Key: "GOVERNMENT:KZ", Kind: graph.InstGovernment, Country: "KZ", Names: map[string]string{"fr": "gouvernement du Kazakhstan"}},
		},
		Topics: []graph.Topic{{Key: "political-prisoners", Names: map[string]string{"fr": "prisonniers politiques"}}},
		Demands: []graph.Demand{{Position: 1, Text: "libérer immédiatement tous les prisonniers politiques",
			Evidence:   spanOf(text, "Il demande au gouvernement du Kazakhstan de libérer immédiatement tous les prisonniers politiques."),
			Addressees: []string{"GOVERNMENT:KZ"}, Topics: []string{"political-prisoners"}}},
	}
}

const mmText = "Resolution on the situation in Myanmar, adopted on 11 February 2021. Parliament calls on the military to end the coup."

// mm is a summary of another resolution, with no English title and a demand to the military.
func mm() *graph.Document {
	text := mmText
	return &graph.Document{
		Source: graph.Source{
			Key: "oeil-summary/2021/2540(RSP)/en", Kind: graph.DocOEILSummary, Format: "oeil-summary-text",
			Language: "en", SHA256: digest(text), IngestedAt: t0.Add(2 * time.Hour), Text: text,
		},
		Resolution: &graph.Resolution{Reference: "2021/2540(RSP)", Title: "Myanmar", Adopted: graph.Day(2021, 2, 11)},
		Countries: []graph.CountryFact{
			{Code: "MM", Names: map[string]string{"en": "Myanmar", "fr": "Myanmar (Birmanie)"}, Role: graph.RoleConcerns, Evidence: spanOf(text, "Myanmar")},
		},
		Institutions: []graph.Institution{{Key: "ARMED_FORCES:MM", Kind: graph.InstArmedForces, Country: "MM"}},
		Demands: []graph.Demand{{Position: 1, Text: "end the coup", Evidence: spanOf(text, "Parliament calls on the military to end the coup."),
			Addressees: []string{"ARMED_FORCES:MM"}}},
	}
}

// synthCountries are the countries synthetic documents are about, in turn.
var synthCountries = []string{"AM", "AZ", "BY", "GE", "MD", "UA", "KG", "TJ", "UZ", "TM"}

// synthetic is the i-th of a series of made-up resolutions (2020/9000(RSP), ...), each concerning
// one country of synthCountries, with a partnership agreement, its government and demands
// demands addressed to it and to the Commission.
func synthetic(i, demands int) *graph.Document {
	code := synthCountries[i%len(synthCountries)]
	ref := fmt.Sprintf("2020/%04d(RSP)", 9000+i)
	var b strings.Builder
	fmt.Fprintf(&b, "Resolution %s on the situation in country %s. ", ref, code)
	var ds []graph.Demand
	for p := 1; p <= demands; p++ {
		sentence := fmt.Sprintf("Parliament calls on the government of %s to act on matter %d.", code, p)
		start := utf8.RuneCountInString(b.String())
		b.WriteString(sentence + " ")
		ds = append(ds, graph.Demand{Position: p, Text: fmt.Sprintf("act on matter %d", p),
			Evidence:   graph.Span{Start: start, End: start + utf8.RuneCountInString(sentence)},
			Addressees: []string{"GOVERNMENT:" + code, graph.CodeCommission}, Topics: []string{"matter"}})
	}
	text := b.String()
	agr := graph.Agreement{Kind: graph.AgreementPCA, Parties: []graph.Party{{Institution: graph.CodeEU}, {Country: code}},
		Names: map[string]string{"en": "EU–" + code + " Partnership and Cooperation Agreement"}, Signed: graph.PartialDate{Year: 1996}}
	for p := range ds {
		if p%3 == 0 {
			ds[p].Agreements = []string{agr.Key()}
		}
	}
	return &graph.Document{
		Source: graph.Source{
			Key: "synthetic/" + ref, Kind: graph.DocTextAdopted, Format: "synthetic", Language: "en",
			SHA256: digest(text), IngestedAt: t0.Add(time.Duration(i) * time.Minute), Text: text,
		},
		Resolution: &graph.Resolution{Reference: ref, Title: "Situation in " + code, Adopted: graph.Day(2020, 1+i%12, 1+i%28),
			TabledBy: []graph.GroupRef{{Code: "EPP"}}, AdoptedBy: graph.CodeEP, Vote: &graph.Vote{For: 500 + i, Against: 10, Abstentions: 5}},
		Countries:  []graph.CountryFact{{Code: code, Names: map[string]string{"en": "Country " + code}, Role: graph.RoleConcerns}},
		Agreements: []graph.Agreement{agr},
		Institutions: append([]graph.Institution{
			{Key: "GOVERNMENT:" + code, Kind: graph.InstGovernment, Country: code, Names: map[string]string{"en": "Government of " + code}},
		}, euInstitutions...),
		Topics:  []graph.Topic{{Key: "matter", Names: map[string]string{"en": "matters"}}},
		Demands: ds,
	}
}

func syntheticDocs(n, demands int) []*graph.Document {
	docs := make([]*graph.Document, n)
	for i := range docs {
		docs[i] = synthetic(i, demands)
	}
	return docs
}

// fixtureDocs are the three hand-made summaries.
func fixtureDocs() []*graph.Document { return []*graph.Document{kzEN(), kzFR(), mm()} }

// testParse stands in for package ingest: a "text" is a graph.Document in JSON. It wraps
// graph.ErrBadInput the way parsers do, and fails or panics on request.
func testParse(_ context.Context, raw []byte, name string) (*graph.Document, error) {
	switch strings.TrimSpace(string(raw)) {
	case "":
		return nil, fmt.Errorf("%w: the text is empty", graph.ErrBadInput)
	case "FAIL":
		return nil, fmt.Errorf("lexicon: cannot open /secret/path/names.db: permission denied")
	case "PANIC":
		panic("parser exploded on /secret/path")
	}
	var doc graph.Document
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("%w: not a eurel test document: %v", graph.ErrBadInput, err)
	}
	if doc.Source.Key == "" {
		return nil, fmt.Errorf("%w: the document has no source key", graph.ErrBadInput)
	}
	if name != "" {
		doc.Source.Name = name
	}
	return &doc, nil
}

// asText is doc as testParse reads it.
func asText(doc *graph.Document) string {
	b, err := json.Marshal(doc)
	if err != nil {
		panic(err)
	}
	return string(b)
}
