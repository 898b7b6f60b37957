package doceo

import (
	"slices"

	"github.com/eurel/eurel/ingest/lexicon"
)

// readRecital finds the countries (lexicon.CountryMatcher: names, adjectives, demonyms) and
// the institutions (lexicon.InstitutionMatcher: institutions with a key of their own and
// national bodies known by their name) a recital names. A name that CLDR gives two countries
// and a phrase that names none ("Latin American") are left out.
func (p *parser) readRecital(r *Recital) {
	r.Countries = countriesIn(p.doc.Language, r.Text)
	r.Institutions = institutionsIn(r.Text)
}

func countriesIn(lang, text string) []string {
	var out []string
	for _, mt := range lexicon.CountryMatcher(lang).FindAll(lexicon.TokenizeString(text)) {
		code := mt.Values[0].Code
		if code == "" || slices.ContainsFunc(mt.Values, func(v lexicon.CountryRef) bool { return v.Code != code }) {
			continue
		}
		if !slices.Contains(out, code) {
			out = append(out, code)
		}
	}
	return out
}

func institutionsIn(text string) []string {
	var out []string
	for _, mt := range lexicon.InstitutionMatcher().FindAll(lexicon.TokenizeString(text)) {
		if key := institutionKey(mt.Values); key != "" && !slices.Contains(out, key) {
			out = append(out, key)
		}
	}
	return out
}

// institutionKey returns the key of the institution a match names by itself: a fixed
// institution, or a national body known by its own name; "" for a blocking phrase or a
// national-body noun whose country the words around it would have to give.
func institutionKey(values []lexicon.InstitutionRef) string {
	key := ""
	for _, v := range values {
		switch {
		case v.IsBlock():
			return ""
		case key != "":
		case v.Key != "":
			key = v.Key
		case v.Body != "" && v.Country != "":
			key = string(v.Body) + ":" + v.Country
		}
	}
	if _, ok := lexicon.InstitutionByKey(key); !ok {
		return ""
	}
	return key
}
