package lexicon

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/eurel/eurel/graph"
)

// Languages are the languages eurel reads and names things in.
var Languages = []string{"en", "fr"}

// Country is a country or territory with an ISO 3166-1 alpha-2 code (XK for Kosovo).
type Country struct {
	Code  string            // ISO 3166-1 alpha-2
	Names map[string]string // language → name as CLDR gives it: "Myanmar (Burma)", "Myanmar (Birmanie)"
}

// ShortName is the CLDR name without the alternative CLDR adds in brackets ("Myanmar" for
// "Myanmar (Burma)") and without the "SAR China" of Hong Kong and Macao: the form used inside
// other names ("Government of Myanmar", "EU–Kazakhstan ... Agreement"). A bracket in lower
// case qualifies the name rather than giving another and stays: "Saint-Martin (partie
// néerlandaise)", Sint Maarten, is not "Saint-Martin", the French collectivity.
func (c Country) ShortName(lang string) string {
	n := c.Names[lang]
	if n == "" {
		n = c.Names["en"]
	}
	return shortName(n)
}

func shortName(n string) string {
	if base, _, ok := bracketAlternative(n); ok {
		n = base
	}
	n = strings.TrimSuffix(n, " SAR China")
	n = strings.TrimPrefix(n, "R.A.S. chinoise de ")
	return n
}

// notISO are the regions CLDR treats as countries that ISO 3166-1 does not assign (or that
// are not countries at all): exceptionally reserved codes and groupings.
var notISO = map[string]bool{
	"AC": true, "CP": true, "DG": true, "EA": true, "IC": true, "TA": true, // exceptionally reserved
	"EU": true, "EZ": true, "UN": true, "QO": true, "ZZ": true, // groupings, unknown
}

// countries enumerates CLDR's regions: every two-letter code that language.ParseRegion knows
// as a country, in its canonical form, with an English and a French name (XK, Kosovo,
// included), less notISO.
var countries = sync.OnceValue(func() []Country {
	en, fr := display.English.Regions(), display.Regions(language.French)
	var out []Country
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			if err != nil || !r.IsCountry() || r.Canonicalize().String() != code || notISO[code] {
				continue
			}
			ne, nf := en.Name(r), fr.Name(r)
			if ne == "" || nf == "" || ne == code {
				continue
			}
			out = append(out, Country{Code: code, Names: map[string]string{"en": ne, "fr": nf}})
		}
	}
	return out
})

var countryIndex = sync.OnceValue(func() map[string]int {
	m := map[string]int{}
	for i, c := range countries() {
		m[c.Code] = i
	}
	return m
})

// Countries returns every country eurel knows, sorted by code. The slice is shared: do not
// modify it.
func Countries() []Country { return countries() }

// CountryByCode returns the country with an ISO 3166-1 alpha-2 code (upper case).
func CountryByCode(code string) (Country, bool) {
	i, ok := countryIndex()[code]
	if !ok {
		return Country{}, false
	}
	return countries()[i], true
}

// NamesOf returns a fresh map of the CLDR names of a country, or nil for an unknown code.
func NamesOf(code string) map[string]string {
	c, ok := CountryByCode(code)
	if !ok {
		return nil
	}
	m := make(map[string]string, len(c.Names))
	for k, v := range c.Names {
		m[k] = v
	}
	return m
}

// EU membership: the day each Member State joined and, for the United Kingdom, the last day
// it was one. Dates are facts of the treaties of accession and of withdrawal.
var euMembership = map[string][2]graph.PartialDate{
	"BE": {graph.Day(1958, 1, 1)}, "DE": {graph.Day(1958, 1, 1)}, "FR": {graph.Day(1958, 1, 1)},
	"IT": {graph.Day(1958, 1, 1)}, "LU": {graph.Day(1958, 1, 1)}, "NL": {graph.Day(1958, 1, 1)},
	"DK": {graph.Day(1973, 1, 1)}, "IE": {graph.Day(1973, 1, 1)},
	"GB": {graph.Day(1973, 1, 1), graph.Day(2020, 1, 31)},
	"GR": {graph.Day(1981, 1, 1)},
	"ES": {graph.Day(1986, 1, 1)}, "PT": {graph.Day(1986, 1, 1)},
	"AT": {graph.Day(1995, 1, 1)}, "FI": {graph.Day(1995, 1, 1)}, "SE": {graph.Day(1995, 1, 1)},
	"CY": {graph.Day(2004, 5, 1)}, "CZ": {graph.Day(2004, 5, 1)}, "EE": {graph.Day(2004, 5, 1)},
	"HU": {graph.Day(2004, 5, 1)}, "LV": {graph.Day(2004, 5, 1)}, "LT": {graph.Day(2004, 5, 1)},
	"MT": {graph.Day(2004, 5, 1)}, "PL": {graph.Day(2004, 5, 1)}, "SK": {graph.Day(2004, 5, 1)},
	"SI": {graph.Day(2004, 5, 1)},
	"BG": {graph.Day(2007, 1, 1)}, "RO": {graph.Day(2007, 1, 1)},
	"HR": {graph.Day(2013, 7, 1)},
}

// IsEUMember reports whether a country was a Member State of the EU (or of the Communities
// before it) on a date. The zero date means today.
func IsEUMember(code string, on graph.PartialDate) bool {
	m, ok := euMembership[code]
	if !ok {
		return false
	}
	if on.IsZero() {
		return m[1].IsZero()
	}
	// a partial date is taken at its first day
	return !on.Before(m[0]) && (m[1].IsZero() || !m[1].Before(on))
}

// FrenchOf returns "de" with the French article a country takes, contracted as French
// writes it: "du Kazakhstan", "de la Chine", "de l'Iran", "des États-Unis", "de Cuba",
// "de la République centrafricaine", "de l'Île de Man", "de La Réunion". Names are the CLDR
// short names. The article agrees with the name's head, its first word ("République",
// "Corée", "Guinée" of "Guinée-Bissau", "Île", "États"): plural when the head is in -s or
// -x or a final adjective is ("Samoa américaines"), else feminine when the head is in -e,
// masculine otherwise, each rule with its few exceptions of French grammar; the article
// elides before a vowel. A name that carries its own article ("La Réunion") keeps it, and
// islands and city states that take none ("Cuba", "Anguilla") have only "de" or "d'".
func FrenchOf(code string) string {
	c, ok := CountryByCode(code)
	if !ok {
		return "de " + code
	}
	n := c.ShortName("fr")
	f := FoldString(n)
	switch {
	case strings.HasPrefix(f, "la ") || strings.HasPrefix(f, "l'"):
		return "de " + n
	case strings.HasPrefix(f, "le "):
		return "du " + n[len("le "):]
	case strings.HasPrefix(f, "les "):
		return "des " + n[len("les "):]
	case frNoArticle[code]:
		if startsVowel(f) {
			return "d'" + n
		}
		return "de " + n
	case frenchPlural(code, n, f):
		return "des " + n
	case startsVowel(f):
		return "de l'" + n
	case frenchFeminine(f):
		return "de la " + n
	}
	return "du " + n
}

// frenchHead returns the first word of a folded French name, up to a space, a hyphen or an
// apostrophe: "guinee" of "guinee-bissau", "etats" of "etats federes de micronesie".
func frenchHead(f string) string {
	if i := strings.IndexAny(f, " -'"); i >= 0 {
		return f[:i]
	}
	return f
}

// frenchPlural reports whether a French country name n, folded f, is plural: its head ends in -s
// or -x ("Îles Cocos", "États-Unis", "Pays-Bas", "Philippines"), or its last word is a
// lower-case adjective agreeing in the plural ("Samoa américaines"); a few names are
// singular in -s, a few plural without it.
func frenchPlural(code, n, f string) bool {
	if frPlural[code] {
		return true
	}
	if frSingularS[code] {
		return false
	}
	if h := frenchHead(f); strings.HasSuffix(h, "s") || strings.HasSuffix(h, "x") {
		return true
	}
	i := strings.LastIndexAny(n, " -")
	if i < 0 {
		return false
	}
	last := n[i+1:]
	return last != "" && last[0] >= 'a' && last[0] <= 'z' && strings.HasSuffix(last, "s")
}

// frenchFeminine reports whether the head of a folded French name is feminine: in -e but for
// the masculine nouns in -e ("le Mexique", "le Royaume-Uni"), or one of the few feminine
// heads not in -e ("la Sierra Leone").
func frenchFeminine(f string) bool {
	h := frenchHead(f)
	return strings.HasSuffix(h, "e") && !frMasculineE[h] || frFeminine[h]
}

// startsVowel reports whether a folded French name elides the article ("l'Iran"). French
// country names in h- take the aspirated h ("la Hongrie", "le Honduras").
func startsVowel(f string) bool {
	return f != "" && strings.ContainsRune("aeiou", rune(f[0]))
}

// French country names used without an article (islands, city states, some others).
var frNoArticle = setOf("CU", "MG", "MT", "CY", "SG", "MC", "BH", "IL", "OM", "HT", "TW", "HK",
	"MO", "MU", "KI", "TV", "NR", "DJ", "JE", "GG", "GI", "SM", "LC", "KN", "VC", "BL", "MF", "PM",
	"SH", "ST", "TT", "AG", "PR", "AW", "CW", "SX", "MS", "GU", "WS", "AD", "YT", "WF", "NU",
	"TK", "AI")

// The exceptions to the rules of number and gender: names singular in -s and plural without
// it (by code); masculine heads in -e and feminine heads not in -e (folded words).
var (
	frPlural     = setOf("FJ")
	frSingularS  = setOf("LA", "HN")
	frMasculineE = map[string]bool{"mexique": true, "cambodge": true, "mozambique": true, "zimbabwe": true,
		"belize": true, "suriname": true, "royaume": true, "territoire": true}
	frFeminine = map[string]bool{"sierra": true}
)

func setOf(codes ...string) map[string]bool {
	m := make(map[string]bool, len(codes))
	for _, c := range codes {
		m[c] = true
	}
	return m
}

// CountryForm says what kind of word named a country.
type CountryForm uint8

// Country forms.
const (
	FormName      CountryForm = iota // "Kazakhstan", "the United States"
	FormAdjective                    // "Kazakh", "kazakhe", "Chinese", "chinois", "Myanmar's"
)

// CountryRef is what a country pattern stands for: a country code and the form of the word,
// or an empty Code for a blocking pattern ("Latin American", "Indian Ocean": phrases that
// contain a country word but name no country).
type CountryRef struct {
	Code string
	Form CountryForm
}

// CountryMatcher returns the matcher of country names, adjectives and demonyms in a language
// ("en" or "fr"; any other gets English). Names from CLDR and alternative names are
// Capitalised; English adjectives too; French adjectives, written in lower case, match in any
// case. Longest match wins: "Papua New Guinea" is PG, never GN.
func CountryMatcher(lang string) *Matcher[CountryRef] {
	if lang == "fr" {
		return countryMatcherFR()
	}
	return countryMatcherEN()
}

var (
	countryMatcherEN = sync.OnceValue(func() *Matcher[CountryRef] { return buildCountryMatcher("en") })
	countryMatcherFR = sync.OnceValue(func() *Matcher[CountryRef] { return buildCountryMatcher("fr") })
)

func buildCountryMatcher(lang string) *Matcher[CountryRef] {
	m := NewMatcher[CountryRef]()
	for _, c := range countries() {
		for _, n := range cldrVariants(c.Names[lang]) {
			m.Add(n, Capitalised, CountryRef{Code: c.Code})
		}
	}
	for _, x := range countryExtras {
		names, adjs := x.en, x.adjEN
		if lang == "fr" {
			names, adjs = x.fr, x.adjFR
		}
		for _, n := range names {
			mode := Capitalised
			if isAcronym(n) {
				mode = ExactCase
			}
			m.Add(n, mode, CountryRef{Code: x.code})
		}
		for _, a := range adjs {
			if lang == "fr" {
				for _, f := range frenchForms(a) {
					m.Add(f, AnyCase, CountryRef{Code: x.code, Form: FormAdjective})
				}
				continue
			}
			m.Add(a, Capitalised, CountryRef{Code: x.code, Form: FormAdjective})
			if !strings.HasSuffix(a, "ese") && !strings.HasSuffix(a, "sh") && !strings.HasSuffix(a, "ch") &&
				!strings.HasSuffix(a, "s") && !strings.HasSuffix(a, "ss") {
				m.Add(a+"s", Capitalised, CountryRef{Code: x.code, Form: FormAdjective})
			}
		}
	}
	block := countryBlockersEN
	if lang == "fr" {
		block = countryBlockersFR
	}
	for _, b := range block {
		m.Add(b, AnyCase, CountryRef{})
	}
	return m
}

// bracketAlternative splits a CLDR name ending in a bracket into the name before it and the
// other name the bracket gives: "Myanmar (Burma)", "Cocos (Keeling) Islands" aside. A
// bracket starting in lower case ("Saint-Martin (partie néerlandaise)") is a qualifier,
// not another name: without it the name would be another country's.
func bracketAlternative(n string) (base, alt string, ok bool) {
	i := strings.Index(n, " (")
	if i <= 0 || !strings.HasSuffix(n, ")") {
		return "", "", false
	}
	alt = n[i+2 : len(n)-1]
	if r, _ := utf8.DecodeRuneInString(alt); alt == "" || unicode.IsLower(r) {
		return "", "", false
	}
	return n[:i], alt, true
}

// cldrVariants returns a CLDR name and the forms texts write it in: without the bracketed
// alternative and the alternative alone ("Myanmar", "Burma"), "&" spelled out, "St." as
// "Saint", "Hong Kong" for "Hong Kong SAR China".
func cldrVariants(n string) []string {
	out := []string{n}
	add := func(s string) {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	if base, alt, ok := bracketAlternative(n); ok {
		add(base)
		add(alt)
	}
	add(shortName(n))
	for _, s := range slices.Clone(out) {
		add(strings.ReplaceAll(s, " & ", " and "))
		if strings.HasPrefix(s, "St. ") {
			add("Saint " + strings.ReplaceAll(s[4:], " & ", " and "))
		}
	}
	return out
}

// isAcronym reports whether a name is written in capitals only ("US", "USA", "U.S.", "DRC").
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r > 0x7f {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters > 0
}

// frenchForms inflects a French adjective of nationality given in the masculine singular,
// or returns the forms given explicitly as "turc|turque|turcs|turques".
func frenchForms(a string) []string {
	if strings.Contains(a, "|") {
		return strings.Split(a, "|")
	}
	switch {
	case strings.HasSuffix(a, "en"), strings.HasSuffix(a, "on"):
		return []string{a, a + "ne", a + "s", a + "nes"}
	case strings.HasSuffix(a, "s"), strings.HasSuffix(a, "x"):
		return []string{a, a + "e", a + "es"}
	case strings.HasSuffix(a, "e"):
		return []string{a, a + "s"}
	}
	return []string{a, a + "e", a + "s", a + "es"}
}
