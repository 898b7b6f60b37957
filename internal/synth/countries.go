package synth

import (
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/lexicon"
)

// country is a third country as the texts name it.
type country struct {
	code  string
	en    string // English name as EP texts write it: "Kazakhstan", "United States"
	enThe bool   // the English name takes "the": "the United States"
	fr    string // French name: "Kazakhstan", "États-Unis"
	frOf  string // "de" with its article: "du Kazakhstan", "de la Chine", "des États-Unis", "de Cuba"
	frIn  string // "in": "au Kazakhstan", "en Chine", "aux États-Unis", "à Cuba"
	frThe string // with its article: "le Kazakhstan", "la Chine", "les États-Unis", "Cuba"
}

// name is the country's name in a language with the article it takes ("the United States",
// "le Kazakhstan"), capitalised when it starts a sentence.
func (c *country) name(lang string, start bool) string {
	s := c.en
	switch {
	case lang == "fr":
		s = c.frThe
	case c.enThe:
		s = "the " + s
	}
	if start {
		s = capitalise(s)
	}
	return s
}

// in is "in" and the country: "in Myanmar", "in the United States", "au Kazakhstan".
func (c *country) in(lang string) string {
	if lang == "fr" {
		return c.frIn
	}
	return "in " + c.name("en", false)
}

// of is "of" and the country: "of Myanmar", "of the United States", "du Kazakhstan".
func (c *country) of(lang string) string {
	if lang == "fr" {
		return c.frOf
	}
	return "of " + c.name("en", false)
}

// excluded are places of the country list that are not third countries the Parliament
// adopts resolutions about: uninhabited territories, and the EU's outermost regions (part of
// a Member State) that CLDR lists apart.
var excluded = map[string]bool{
	"AQ": true, "BV": true, "HM": true, "GS": true, "UM": true, "TF": true, "IO": true,
	"GP": true, "MQ": true, "RE": true, "GF": true, "YT": true, "MF": true, "AX": true,
}

// hubs are the countries the Parliament adopts most texts about, most first: they take the
// first ranks of the Zipf draw. The remaining countries follow in an order the seed shuffles.
var hubs = strings.Fields(`RU CN UA TR BY IR SY IL PS AF MM VE US RS KP SA EG NI AZ GE MD KZ LY IQ
	ET SD CD PK BD KH VN NG BI ER CU HK TH PH KG TJ UZ TM AM AL BA ME MK XK MA DZ TN LB JO YE SO
	ML BF NE TD CF ZW UG KE RW SS IN LK MX BR CO GT HN BO HT GB CH NO IS JP KR`)

// enNames are English names EP texts use instead of CLDR's.
var enNames = map[string]string{
	"CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo", "MK": "North Macedonia",
	"VI": "US Virgin Islands",
}

// enSingular are English names ending in -s that take no article.
var enSingular = map[string]bool{"BY": true, "LA": true, "MU": true, "BB": true, "HN": true, "KN": true, "CY": true}

// French names used instead of CLDR's, and French forms that lexicon.FrenchOf gets wrong
// (feminine names whose first word is feminine but whose last is not, islands).
var (
	frNames = map[string]string{
		"CD": "République démocratique du Congo", "CG": "République du Congo", "MK": "Macédoine du Nord",
	}
	frOfFixes = map[string]string{
		"CD": "de la République démocratique du Congo", "CG": "de la République du Congo",
		"MK": "de la Macédoine du Nord", "CF": "de la République centrafricaine",
		"DO": "de la République dominicaine", "KP": "de la Corée du Nord", "KR": "de la Corée du Sud",
		"GW": "de la Guinée-Bissau", "FM": "des États fédérés de Micronésie", "CX": "de l'Île Christmas",
		"AI": "d'Anguilla", "IM": "de l'Île de Man",
	}
	frInFixes = map[string]string{
		"IL": "en Israël", "BB": "à la Barbade", "GD": "à la Grenade", "DM": "à la Dominique",
	}
)

// buildCountries returns the third countries whose names the extractor reads back in both
// languages, hubs first, the rest in an order the seed shuffles; and the codes of the
// countries left out because it would not.
func buildCountries(seed int64) (list []*country, unread []string) {
	byCode := map[string]*country{}
	var rest []string
	for _, lc := range lexicon.Countries() {
		if excluded[lc.Code] || lexicon.IsEUMember(lc.Code, graph.PartialDate{}) {
			continue
		}
		c := newCountry(lc)
		if !readsBack(c) {
			unread = append(unread, c.code)
			continue
		}
		byCode[c.code] = c
		rest = append(rest, c.code)
	}
	seen := map[string]bool{}
	for _, code := range hubs {
		if c, ok := byCode[code]; ok {
			list = append(list, c)
			seen[code] = true
		}
	}
	var tail []*country
	for _, code := range rest {
		if !seen[code] {
			tail = append(tail, byCode[code])
		}
	}
	r := rand.New(rand.NewPCG(hash(seed, saltRanking), 0))
	r.Shuffle(len(tail), func(a, b int) { tail[a], tail[b] = tail[b], tail[a] })
	return append(list, tail...), unread
}

func newCountry(lc lexicon.Country) *country {
	c := &country{code: lc.Code, en: lc.ShortName("en"), fr: lc.ShortName("fr")}
	if n, ok := enNames[c.code]; ok {
		c.en = n
	}
	c.en = strings.ReplaceAll(c.en, " & ", " and ")
	if rest, ok := strings.CutPrefix(c.en, "St. "); ok {
		c.en = "Saint " + rest
	}
	c.enThe = englishTakesThe(c.code, c.en)
	if n, ok := frNames[c.code]; ok {
		c.fr = n
	}
	c.frOf = lexicon.FrenchOf(c.code)
	if f, ok := frOfFixes[c.code]; ok {
		c.frOf = f
	}
	c.frThe, c.frIn = frenchForms(c.frOf)
	if f, ok := frInFixes[c.code]; ok {
		c.frIn = f
	}
	return c
}

// englishTakesThe reports whether an English country name takes "the": republics, unions,
// kingdoms, islands and other plural names.
func englishTakesThe(code, name string) bool {
	for _, w := range []string{"Republic", "United", "Kingdom", "Islands", "Territories", "Emirates", "States", "Isle of", "Netherlands"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return code == "GM" || strings.HasSuffix(name, "s") && !enSingular[code]
}

// frenchForms derives the name with its article and "in" from "de" with its article: "du
// Kazakhstan" gives "le Kazakhstan" and "au Kazakhstan"; "de la Chine", "la Chine" and "en
// Chine"; "de l'Iran", "l'Iran" and "en Iran"; "des États-Unis", "les États-Unis" and "aux
// États-Unis"; "de Cuba", "Cuba" and "à Cuba"; "de l'Île de Man", "l'Île de Man" and "sur
// l'Île de Man".
func frenchForms(of string) (the, in string) {
	switch {
	case strings.HasPrefix(of, "du "):
		n := of[len("du "):]
		return "le " + n, "au " + n
	case strings.HasPrefix(of, "de la "):
		n := of[len("de la "):]
		return "la " + n, "en " + n
	case strings.HasPrefix(of, "de l'Île"):
		n := of[len("de l'"):]
		return "l'" + n, "sur l'" + n
	case strings.HasPrefix(of, "de l'"):
		n := of[len("de l'"):]
		return "l'" + n, "en " + n
	case strings.HasPrefix(of, "des "):
		n := of[len("des "):]
		return "les " + n, "aux " + n
	case strings.HasPrefix(of, "d'"):
		n := of[len("d'"):]
		return n, "à " + n
	}
	n := strings.TrimPrefix(of, "de ")
	return n, "à " + n
}

// readsBack reports whether the extractor's country matcher reads the country's names, in
// both languages and in every form the texts use, as this country and no other.
func readsBack(c *country) bool {
	for _, f := range []struct{ lang, s string }{
		{"en", c.en}, {"en", c.name("en", true)}, {"fr", c.fr}, {"fr", c.frThe}, {"fr", c.frOf}, {"fr", c.frIn},
	} {
		toks := lexicon.TokenizeString(f.s)
		found := false
		for _, m := range lexicon.CountryMatcher(f.lang).FindAll(toks) {
			for _, v := range m.Values {
				if v.Code != c.code {
					return false
				}
			}
			found = found || m.Hi-m.Lo >= len(lexicon.TokenizeString(nameOnly(f.s)))
		}
		if !found {
			return false
		}
	}
	return true
}

// nameOnly drops a leading French article or preposition from a form.
func nameOnly(s string) string {
	for _, p := range []string{"the ", "The ", "de la ", "de l'", "du ", "des ", "de ", "d'", "le ", "la ", "l'", "les ", "au ", "aux ", "en ", "à la ", "à ", "sur l'"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return rest
		}
	}
	return s
}

// capitalise upper-cases the first letter of s.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// drawCountry draws the country a summary is about: a third country on the adoption date
// (the United Kingdom only after it left the EU).
func (g *Generator) drawCountry(r *rand.Rand, on graph.PartialDate) *country {
	for {
		c := g.countries[g.zipf.draw(r)]
		if !lexicon.IsEUMember(c.code, on) {
			return c
		}
	}
}

// drawMentions draws the other countries a summary names: none to three, third countries
// on the adoption date, none of them the one it is about.
func (g *Generator) drawMentions(r *rand.Rand, c *country, on graph.PartialDate) []*country {
	n := weighted(r, []float64{0.3, 0.35, 0.25, 0.1})
	var out []*country
	for tries := 0; len(out) < n && tries < 50; tries++ {
		m := g.countries[g.zipf.draw(r)]
		if m == c || slices.Contains(out, m) || lexicon.IsEUMember(m.code, on) {
			continue
		}
		out = append(out, m)
	}
	return out
}
