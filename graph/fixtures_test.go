package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Hand-made documents for the tests: two summaries of 2021/2544(RSP) (Kazakhstan), in French
// and English, that both say the resolution CONCERNS Kazakhstan, and one of another
// resolution (Myanmar).

var t0 = time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)

// spanOf is the span of the first occurrence of sub in text, in code points.
func spanOf(text, sub string) Span {
	i := strings.Index(text, sub)
	if i < 0 {
		panic(fmt.Sprintf("%q not in text", sub))
	}
	start := utf8.RuneCountInString(text[:i])
	return Span{Start: start, End: start + utf8.RuneCountInString(sub)}
}

func digest(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

var epca = Agreement{
	Kind:    AgreementEPCA,
	Parties: []Party{{Institution: CodeEU}, {Country: "KZ"}},
	Names:   map[string]string{"fr": "accord de partenariat et de coopération renforcé UE-Kazakhstan"},
	Signed:  Day(2015, 12, 21),
	InForce: PartialDate{Year: 2020, Month: 3},
}

const kzTextFR = "Le Parlement européen a adopté par 633 voix pour, 12 contre et 40 abstentions une résolution " +
	"sur le Kazakhstan, déposée par le PPE et S&D. Des Kazakhs ethniques ont fui les camps de Chine. " +
	"Le Parlement rappelle l'accord de partenariat et de coopération renforcé UE-Kazakhstan. " +
	"Il demande au gouvernement du Kazakhstan de libérer immédiatement tous les prisonniers politiques. " +
	"Il invite la Commission à réexaminer l'accord. Il condamne la torture."

// kzFR is the French summary of 2021/2544(RSP).
func kzFR() *Document {
	text := kzTextFR
	agr := epca
	agr.Evidence = spanOf(text, "l'accord de partenariat et de coopération renforcé UE-Kazakhstan")
	return &Document{
		Source: Source{
			Key: "oeil-summary/2021/2544(RSP)/fr", Kind: DocOEILSummary, Format: "oeil-summary-text",
			Language: "fr", SHA256: digest(text), Name: "kz-fr.txt", IngestedAt: t0, Text: text,
		},
		Resolution: &Resolution{
			Reference: "2021/2544(RSP)", Title: "Kazakhstan", Adopted: Day(2022, 2, 10),
			Stage: "Text adopted by Parliament, single reading",
			Vote:  &Vote{For: 633, Against: 12, Abstentions: 40}, VoteEvidence: spanOf(text, "633 voix pour, 12 contre et 40 abstentions"),
			TabledBy:  []GroupRef{{Code: "SD", Evidence: spanOf(text, "S&D")}, {Code: "EPP", Evidence: spanOf(text, "PPE")}},
			AdoptedBy: CodeEP,
		},
		Countries: []CountryFact{
			{Code: "KZ", Names: map[string]string{"fr": "Kazakhstan"}, Role: RoleConcerns, Evidence: spanOf(text, "Kazakhstan")},
			{Code: "CN", Names: map[string]string{"fr": "Chine"}, Role: RoleMentions, Evidence: spanOf(text, "Chine")},
		},
		Agreements: []Agreement{agr},
		Institutions: []Institution{
			{Key: "GOVERNMENT:KZ", Kind: InstGovernment, Country: "KZ", Names: map[string]string{"fr": "gouvernement du Kazakhstan"}},
			{Key: CodeCommission, Kind: InstEUInstitution, Code: CodeCommission, Names: map[string]string{"fr": "Commission"}},
		},
		Topics: []Topic{{Key: "political-prisoners", Names: map[string]string{"fr": "prisonniers politiques"}}},
		Demands: []Demand{
			{Position: 1, Text: "libérer immédiatement tous les prisonniers politiques",
				Evidence:   spanOf(text, "Il demande au gouvernement du Kazakhstan de libérer immédiatement tous les prisonniers politiques."),
				Addressees: []string{"GOVERNMENT:KZ"}, Topics: []string{"political-prisoners"}},
			{Position: 2, Text: "réexaminer l'accord",
				Evidence:   spanOf(text, "Il invite la Commission à réexaminer l'accord."),
				Addressees: []string{CodeCommission}, Agreements: []string{agr.Key()}},
		},
		Stances: []Stance{{Position: 1, Kind: StanceCondemns, Text: "la torture", Evidence: spanOf(text, "Il condamne la torture.")}},
	}
}

const kzTextEN = "Parliament adopted by 634 votes to 12, with 40 abstentions, a resolution on Kazakhstan. " +
	"It calls on the Kazakh authorities to release all political prisoners."

// kzEN is the English summary of 2021/2544(RSP), ingested a day after kzFR, with a vote that
// disagrees by one.
func kzEN() *Document {
	text := kzTextEN
	return &Document{
		Source: Source{
			Key: "oeil-summary/2021/2544(RSP)/en", Kind: DocOEILSummary, Format: "oeil-summary-text",
			Language: "en", SHA256: digest(text), IngestedAt: t0.Add(24 * time.Hour), Text: text,
		},
		Resolution: &Resolution{
			Reference: "2021/2544(RSP)", Title: "Kazakhstan", Adopted: Day(2022, 2, 10),
			Vote: &Vote{For: 634, Against: 12, Abstentions: 40}, VoteEvidence: spanOf(text, "634 votes to 12, with 40 abstentions"),
			AdoptedBy: CodeEP,
		},
		Countries: []CountryFact{
			{Code: "KZ", Names: map[string]string{"en": "Kazakhstan"}, Role: RoleConcerns, Evidence: spanOf(text, "Kazakhstan")},
		},
		Institutions: []Institution{{Key: "AUTHORITIES:KZ", Kind: InstAuthorities, Country: "KZ", Names: map[string]string{"en": "Kazakh authorities"}}},
		Topics:       []Topic{{Key: "political-prisoners", Names: map[string]string{"en": "political prisoners"}}},
		Demands: []Demand{{Position: 1, Text: "release all political prisoners",
			Evidence:   spanOf(text, "It calls on the Kazakh authorities to release all political prisoners."),
			Addressees: []string{"AUTHORITIES:KZ"}, Topics: []string{"political-prisoners"}}},
	}
}

const mmText = "Resolution on the situation in Myanmar, adopted in 2021. Parliament calls on the military to end the coup."

// mm is a summary of another resolution, with a partial adoption date.
func mm() *Document {
	text := mmText
	return &Document{
		Source: Source{
			Key: "oeil-summary/2021/2540(RSP)/en", Kind: DocOEILSummary, Format: "oeil-summary-text",
			Language: "en", SHA256: digest(text), IngestedAt: t0.Add(2 * time.Hour), Text: text,
		},
		Resolution: &Resolution{Reference: "2021/2540(RSP)", Title: "Myanmar", Adopted: PartialDate{Year: 2021}},
		Countries: []CountryFact{
			{Code: "MM", Names: map[string]string{"en": "Myanmar"}, Role: RoleConcerns, Evidence: spanOf(text, "Myanmar")},
		},
		Institutions: []Institution{{Key: "ARMED_FORCES:MM", Kind: InstArmedForces, Country: "MM", Names: map[string]string{"en": "military"}}},
		Demands: []Demand{{Position: 1, Text: "end the coup", Evidence: spanOf(text, "Parliament calls on the military to end the coup."),
			Addressees: []string{"ARMED_FORCES:MM"}}},
	}
}

// changed returns a copy of doc with a new text (so a new SHA256) and a later ingest time.
func changed(doc *Document, edit func(*Document)) *Document {
	cp := *doc
	cp.Source.IngestedAt = cp.Source.IngestedAt.Add(time.Hour)
	edit(&cp)
	cp.Source.SHA256 = digest(cp.Source.Text)
	return &cp
}
