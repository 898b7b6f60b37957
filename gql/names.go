package gql

import (
	"maps"
	"slices"
	"strings"

	"github.com/eurel/eurel/gql/internal/model"
	"github.com/eurel/eurel/graph"
)

// localized lists names by language code, leaving out empty ones.
func localized(names map[string]string) []*model.LocalizedText {
	out := make([]*model.LocalizedText, 0, len(names))
	for _, l := range slices.Sorted(maps.Keys(names)) {
		if names[l] != "" {
			out = append(out, &model.LocalizedText{Lang: l, Text: names[l]})
		}
	}
	return out
}

// langArg reads a lang argument: an ISO 639-1 (or -2) code, case-insensitive; a region or script
// suffix (en-GB, pt_BR) is dropped. null means English.
func langArg(lang *string) (string, error) {
	if lang == nil {
		return "en", nil
	}
	l := strings.ToLower(strings.TrimSpace(*lang))
	if i := strings.IndexAny(l, "-_"); i > 0 {
		l = l[:i]
	}
	if len(l) < 2 || len(l) > 3 || strings.Trim(l, "abcdefghijklmnopqrstuvwxyz") != "" {
		return "", badInputf("lang %q: want an ISO 639-1 language code such as en or fr", *lang)
	}
	return l, nil
}

// countryArg reads a country code argument: ISO 3166-1 alpha-2, case-insensitive.
func countryArg(name, code string) (string, error) {
	c := strings.ToUpper(strings.TrimSpace(code))
	if len(c) != 2 || strings.Trim(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return "", badInputf("%s %q: want an ISO 3166-1 alpha-2 country code such as KZ", name, code)
	}
	return c, nil
}

// optionalCountryArg is countryArg for an optional argument: "" when it is absent.
func optionalCountryArg(name string, code *string) (string, error) {
	if code == nil {
		return "", nil
	}
	return countryArg(name, *code)
}

// agreementKindNames name an agreement whose texts gave it no name.
var agreementKindNames = map[graph.AgreementKind]string{
	graph.AgreementPCA:       "Partnership and Cooperation Agreement",
	graph.AgreementEPCA:      "Enhanced Partnership and Cooperation Agreement",
	graph.AgreementAA:        "Association Agreement",
	graph.AgreementSAA:       "Stabilisation and Association Agreement",
	graph.AgreementFTA:       "Free Trade Agreement",
	graph.AgreementEPA:       "Economic Partnership Agreement",
	graph.AgreementFramework: "Framework Agreement",
	graph.AgreementOther:     "Agreement",
}

func agreementFallbackName(k graph.AgreementKind) string {
	if n, ok := agreementKindNames[k]; ok {
		return n
	}
	return "Agreement"
}
