package synth

import (
	"math/rand/v2"
	"strings"

	"github.com/eurel/eurel/graph"
)

// agreement is a country's main agreement with the EU. Its kind follows the EU's real
// treaty relations for the countries listed in agreementKinds; its dates are synthetic,
// drawn once per country and seed, so that every summary about a country names the same
// agreement with the same dates.
type agreement struct {
	kind    graph.AgreementKind
	signed  graph.PartialDate // a day; summaries write it at the precision they choose
	inForce graph.PartialDate // a day, after signed
}

// agreementKinds are the kinds of the EU's agreements with the countries summaries are most
// often about. Countries not listed have one of otherKinds, or none, at random.
var agreementKinds = func() map[string]graph.AgreementKind {
	m := map[string]graph.AgreementKind{}
	add := func(k graph.AgreementKind, codes string) {
		for _, c := range strings.Fields(codes) {
			m[c] = k
		}
	}
	add(graph.AgreementSAA, "AL BA ME MK RS XK")
	add(graph.AgreementAA, "UA MD GE TN MA DZ EG IL JO LB CL PS TR GT HN NI SV CR PA")
	add(graph.AgreementEPCA, "KZ AM KG")
	add(graph.AgreementPCA, "RU AZ UZ TJ IQ TM MN")
	add(graph.AgreementFTA, "KR SG VN MX CO PE EC CA NZ CH")
	add(graph.AgreementEPA, `JP CI GH CM KE MG MU SC ZW BW LS MZ NA SZ ZA JM DO TT BB BS BZ GY GD AG DM KN
		LC VC SR`)
	add(graph.AgreementFramework, "AU PH ID MY TH")
	add("", "CN US IN SA IR SY BY KP VE AF MM CU HK PK BD ET SD SO YE LY ER GB")
	return m
}()

var otherKinds = []graph.AgreementKind{graph.AgreementPCA, graph.AgreementFramework, graph.AgreementEPA, graph.AgreementAA}

// signedYears are the years agreements of each kind were signed in.
var signedYears = map[graph.AgreementKind][2]int{
	graph.AgreementSAA: {2001, 2015}, graph.AgreementAA: {1995, 2016}, graph.AgreementEPCA: {2015, 2024},
	graph.AgreementPCA: {1994, 2016}, graph.AgreementFTA: {2002, 2023}, graph.AgreementEPA: {2008, 2020},
	graph.AgreementFramework: {2009, 2020},
}

// agreementOf draws a country's agreement, or nil when it has none.
func agreementOf(seed int64, code string) *agreement {
	r := rand.New(rand.NewPCG(hash(seed, saltAgreement, uint64(code[0])<<8|uint64(code[1])), 1))
	kind, listed := agreementKinds[code]
	if !listed {
		if !chance(r, 0.4) {
			return nil
		}
		kind = pick(r, otherKinds)
	}
	if kind == "" {
		return nil
	}
	ys := signedYears[kind]
	signed := randomDay(r, between(r, ys[0], ys[1]))
	inForce := randomDay(r, signed.Year+between(r, 1, 4))
	if !signed.Before(inForce) {
		inForce = graph.Day(signed.Year+1, inForce.Month, inForce.Day)
	}
	return &agreement{kind: kind, signed: signed, inForce: inForce}
}

// randomDay is a day of a year (any day: agreements are signed and enter into force on any
// day, the first of a month most often).
func randomDay(r *rand.Rand, year int) graph.PartialDate {
	m := between(r, 1, 12)
	d := 1
	if !chance(r, 0.5) {
		d = between(r, 1, daysIn(year, m))
	}
	return graph.Day(year, m, d)
}

// kindNames are the names of each kind with the indefinite article, and with the definite
// article after "of" ("of the", "de l'"), in each language.
var kindNames = map[graph.AgreementKind]map[string][2]string{
	graph.AgreementEPCA: {"en": {"an Enhanced Partnership and Cooperation Agreement", "the Enhanced Partnership and Cooperation Agreement"},
		"fr": {"un accord de partenariat et de coopération renforcé", "l'accord de partenariat et de coopération renforcé"}},
	graph.AgreementPCA: {"en": {"a Partnership and Cooperation Agreement", "the Partnership and Cooperation Agreement"},
		"fr": {"un accord de partenariat et de coopération", "l'accord de partenariat et de coopération"}},
	graph.AgreementSAA: {"en": {"a Stabilisation and Association Agreement", "the Stabilisation and Association Agreement"},
		"fr": {"un accord de stabilisation et d'association", "l'accord de stabilisation et d'association"}},
	graph.AgreementAA: {"en": {"an Association Agreement", "the Association Agreement"},
		"fr": {"un accord d'association", "l'accord d'association"}},
	graph.AgreementFTA: {"en": {"a Free Trade Agreement", "the Free Trade Agreement"},
		"fr": {"un accord de libre-échange", "l'accord de libre-échange"}},
	graph.AgreementEPA: {"en": {"an Economic Partnership Agreement", "the Economic Partnership Agreement"},
		"fr": {"un accord de partenariat économique", "l'accord de partenariat économique"}},
	graph.AgreementFramework: {"en": {"a Framework Agreement", "the Framework Agreement"},
		"fr": {"un accord-cadre", "l'accord-cadre"}},
}
