package lexicon

import (
	"strings"
	"sync"

	"github.com/eurel/eurel/graph"
)

// AgreementKindInfo names a kind of international agreement in each language and lists the
// phrases that name it.
type AgreementKindInfo struct {
	Kind  graph.AgreementKind
	Names map[string]string // language → name of the kind: "Enhanced Partnership and Cooperation Agreement"
	// Patterns name the kind in texts; acronyms ("EPCA") match in exact case, the rest in any
	// case.
	Patterns []string
}

var agreementKinds = []AgreementKindInfo{
	{Kind: graph.AgreementEPCA, Names: names("Enhanced Partnership and Cooperation Agreement", "accord de partenariat et de coopération renforcé"),
		Patterns: []string{"Enhanced Partnership and Cooperation Agreement", "Enhanced Partnership and Co-operation Agreement",
			"EPCA", "accord de partenariat et de coopération renforcé", "APCR"}},
	{Kind: graph.AgreementPCA, Names: names("Partnership and Cooperation Agreement", "accord de partenariat et de coopération"),
		Patterns: []string{"Partnership and Cooperation Agreement", "Partnership and Co-operation Agreement", "PCA",
			"accord de partenariat et de coopération", "APC"}},
	{Kind: graph.AgreementSAA, Names: names("Stabilisation and Association Agreement", "accord de stabilisation et d'association"),
		Patterns: []string{"Stabilisation and Association Agreement", "Stabilization and Association Agreement", "SAA",
			"accord de stabilisation et d'association", "ASA"}},
	{Kind: graph.AgreementAA, Names: names("Association Agreement", "accord d'association"),
		Patterns: []string{"Association Agreement", "accord d'association"}},
	{Kind: graph.AgreementFTA, Names: names("Free Trade Agreement", "accord de libre-échange"),
		Patterns: []string{"Free Trade Agreement", "Free-Trade Agreement", "FTA", "Deep and Comprehensive Free Trade Area",
			"DCFTA", "accord de libre-échange", "zone de libre-échange approfondi et complet", "ALEAC"}},
	{Kind: graph.AgreementEPA, Names: names("Economic Partnership Agreement", "accord de partenariat économique"),
		Patterns: []string{"Economic Partnership Agreement", "accord de partenariat économique"}},
	{Kind: graph.AgreementFramework, Names: names("Framework Agreement", "accord-cadre"),
		Patterns: []string{"Framework Agreement", "Framework Agreement on Partnership and Cooperation",
			"accord-cadre", "accord-cadre de partenariat et de coopération"}},
	{Kind: graph.AgreementOther, Names: names("Agreement", "accord"), Patterns: nil},
}

// AgreementKinds returns the agreement kinds. The slice is shared: do not modify it.
func AgreementKinds() []AgreementKindInfo { return agreementKinds }

// AgreementKindByKind returns the information on a kind.
func AgreementKindByKind(k graph.AgreementKind) (AgreementKindInfo, bool) {
	for _, a := range agreementKinds {
		if a.Kind == k {
			return a, true
		}
	}
	return AgreementKindInfo{}, false
}

// AgreementKindMatcher finds phrases naming a kind of agreement.
var AgreementKindMatcher = sync.OnceValue(func() *Matcher[graph.AgreementKind] {
	m := NewMatcher[graph.AgreementKind]()
	for _, a := range agreementKinds {
		for _, p := range a.Patterns {
			mode := AnyCase
			if isAcronym(p) {
				mode = ExactCase
			}
			m.AddInflected(p, mode, a.Kind)
		}
	}
	return m
})

// AgreementAnaphorMatcher finds phrases referring back to an agreement named before: "the
// agreement", "this agreement", "l'accord", "cet accord", "ledit accord".
var AgreementAnaphorMatcher = sync.OnceValue(func() *Matcher[bool] {
	m := NewMatcher[bool]()
	for _, p := range []string{"the agreement", "this agreement", "that agreement", "said agreement", "the Agreement",
		"l'accord", "cet accord", "ledit accord", "dudit accord", "de l'accord", "the EPCA", "the PCA", "the SAA",
		"the DCFTA", "the FTA", "l'APC", "l'APCR"} {
		m.Add(p, AnyCase, true)
	}
	return m
})

// AgreementName names an agreement of a kind between parties given by their names in the
// language, in the order given (the EU first): "EU–Kazakhstan Enhanced Partnership and
// Cooperation Agreement", "accord de partenariat et de coopération renforcé UE–Kazakhstan".
// The parties are joined with an en dash.
func AgreementName(lang string, kind graph.AgreementKind, parties []string) string {
	info, ok := AgreementKindByKind(kind)
	if !ok {
		info, _ = AgreementKindByKind(graph.AgreementOther)
	}
	k := info.Names[lang]
	if k == "" {
		k = info.Names["en"]
	}
	p := strings.Join(parties, "–")
	if p == "" {
		return k
	}
	if lang == "fr" {
		return k + " " + p
	}
	return p + " " + k
}
