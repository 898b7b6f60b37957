package extract

import (
	"slices"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/lexicon"
)

// countryHit is one place a country is named: by name ("Kazakhstan", "Myanmar’s") or by an
// adjective or demonym ("chinois", "Kazakhs").
type countryHit struct {
	toks rng
	code string
	form lexicon.CountryForm
}

// scanCountries finds the country names of the title and of each paragraph (a name never
// spans two paragraphs). Blocking phrases ("Latin American") are skipped, and so are names
// that two countries share.
func (d *doc) scanCountries() {
	m := lexicon.CountryMatcher(d.lang)
	scan := func(r rng) {
		for _, mt := range m.FindAll(d.toks[r.lo:r.hi]) {
			ref := mt.Values[0]
			if ref.Code == "" || slices.ContainsFunc(mt.Values, func(v lexicon.CountryRef) bool { return v.Code != ref.Code }) {
				continue
			}
			d.countries = append(d.countries, countryHit{toks: rng{r.lo + mt.Lo, r.lo + mt.Hi}, code: ref.Code, form: ref.Form})
		}
	}
	scan(d.title)
	for _, p := range d.paras {
		scan(p.toks)
	}
}

// resolutionWords introduce the subject in the first sentence of a summary ("a resolution
// on the situation in Myanmar", "une résolution sur la situation ... au Kazakhstan").
var resolutionWords = map[string]bool{"resolution": true, "resolutions": true}

// findCountries decides which countries the resolution concerns and which it mentions.
//
// Concerned: every country the title names (an EU Member State too: a resolution on the rule
// of law in a Member State concerns it); when the title names none, every country named
// after "resolution"/"résolution" in the first body sentence holding that word, context
// paragraphs aside (see Paragraph). No
// country is concerned when neither names one (a legislative text on taxation concerns
// none, whatever it says of "non-Union jurisdictions").
//
// Mentioned: every other country named in the body, except EU Member States (on the date of
// the text), which are not third countries.
//
// Names are CLDR's; Evidence is the first place the country is named, the title included.
func (d *doc) findCountries() []graph.CountryFact {
	d.scanCountries()
	var concerned []string
	add := func(code string) {
		if !slices.Contains(concerned, code) {
			concerned = append(concerned, code)
		}
	}
	for _, h := range d.countries {
		if h.toks.hi <= d.title.hi {
			add(h.code)
		}
	}
	if len(concerned) == 0 {
		for _, s := range d.sents {
			if d.context(s) {
				continue
			}
			at := -1
			for i := s.toks.lo; i < s.toks.hi; i++ {
				if resolutionWords[d.toks[i].Fold] {
					at = i
					break
				}
			}
			if at < 0 {
				continue
			}
			for _, h := range d.countries {
				if h.toks.lo > at && h.toks.hi <= s.toks.hi {
					add(h.code)
				}
			}
			break
		}
	}
	d.concerned = concerned

	var out []graph.CountryFact
	seen := map[string]bool{}
	for _, h := range d.countries {
		if seen[h.code] {
			continue
		}
		seen[h.code] = true
		role := graph.RoleMentions
		if slices.Contains(concerned, h.code) {
			role = graph.RoleConcerns
		} else if lexicon.IsEUMember(h.code, d.in.Adopted) {
			continue
		}
		names := lexicon.NamesOf(h.code)
		if names == nil {
			continue
		}
		out = append(out, graph.CountryFact{Code: h.code, Names: names, Role: role, Evidence: d.span(h.toks)})
	}
	return out
}

// soleConcerned returns the country the resolution concerns when it concerns exactly one.
func (d *doc) soleConcerned() string {
	if len(d.concerned) == 1 {
		return d.concerned[0]
	}
	return ""
}

// countryStartingAt returns the country named from token i on, if any.
func (d *doc) countryStartingAt(i int) (countryHit, bool) {
	for _, h := range d.countries {
		if h.toks.lo == i {
			return h, true
		}
		if h.toks.lo > i {
			break
		}
	}
	return countryHit{}, false
}

// countryEndingAt returns the country named by tokens ending just before token i, if any.
func (d *doc) countryEndingAt(i int) (countryHit, bool) {
	for _, h := range d.countries {
		if h.toks.hi == i {
			return h, true
		}
		if h.toks.lo >= i {
			break
		}
	}
	return countryHit{}, false
}

// countriesIn returns the countries named within tokens r.
func (d *doc) countriesIn(r rng) []countryHit {
	var out []countryHit
	for _, h := range d.countries {
		if h.toks.lo >= r.lo && h.toks.hi <= r.hi {
			out = append(out, h)
		}
	}
	return out
}
