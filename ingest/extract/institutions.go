package extract

import (
	"slices"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/lexicon"
)

// instHit is one place an institution is named, resolved to its key; country is the country
// hit that says whose body it is, if the text gave it.
type instHit struct {
	toks    rng
	key     string
	country *countryHit
}

// findInstitutions finds and resolves every institution named in the title and paragraphs.
//
// A national-body noun takes its country from the words around it: after it, "of (the)
// Myanmar", "du/de la/de l'/des Kazakhstan", a French adjective ("autorités chinoises"); before
// it, an adjective or a name ("Kazakh authorities", "Myanmar’s military"). A body known by
// its own name ("Tatmadaw") has its country. "Parliament" with a country is that country's
// parliament; capitalised and alone it is the European Parliament. A bare noun ("the
// military", "the government") belongs to the country the resolution concerns when it
// concerns exactly one, and is dropped otherwise.
func (d *doc) findInstitutions() {
	m := lexicon.InstitutionMatcher()
	scan := func(r rng) {
		for _, mt := range m.FindAll(d.toks[r.lo:r.hi]) {
			t := rng{r.lo + mt.Lo, r.lo + mt.Hi}
			if h, ok := d.resolveInstitution(t, mt.Values); ok {
				d.insts = append(d.insts, h)
			}
		}
	}
	scan(d.title)
	for _, p := range d.paras {
		scan(p.toks)
	}
}

func (d *doc) resolveInstitution(t rng, refs []lexicon.InstitutionRef) (instHit, bool) {
	var fixed string
	var body graph.InstitutionKind
	for _, r := range refs {
		switch {
		case r.IsBlock():
			return instHit{}, false
		case r.Body != "" && r.Country != "":
			return instHit{toks: t, key: string(r.Body) + ":" + r.Country}, true
		case r.Body != "":
			body = r.Body
		case fixed == "":
			fixed = r.Key
		}
	}
	if body != "" {
		if c, ok := d.bodyCountry(t); ok {
			return instHit{toks: t, key: string(body) + ":" + c.code, country: &c}, true
		}
	}
	if fixed != "" {
		return instHit{toks: t, key: fixed}, true
	}
	if c := d.soleConcerned(); body != "" && c != "" {
		return instHit{toks: t, key: string(body) + ":" + c}, true
	}
	return instHit{}, false
}

// bodyCountry returns the country the words around a national-body noun give it.
func (d *doc) bodyCountry(t rng) (countryHit, bool) {
	i := t.hi
	switch d.fold(i) {
	case "of":
		i++
		if d.fold(i) == "the" {
			i++
		}
	case "du", "des":
		i++
	case "de", "d":
		i++
		if d.fold(i) == "'" {
			i++
		}
		switch {
		case d.fold(i) == "la":
			i++
		case d.fold(i) == "l" && d.fold(i+1) == "'":
			i += 2
		}
	}
	if c, ok := d.countryStartingAt(i); ok && (i > t.hi || c.form == lexicon.FormAdjective) {
		return c, true
	}
	// a French adjective after other adjectives: "autorités fédérales et locales russes"
	for k := t.hi; d.lang == "fr" && k < t.hi+4 && d.plainWord(k); k++ {
		if c, ok := d.countryStartingAt(k + 1); ok && c.form == lexicon.FormAdjective {
			return c, true
		}
	}
	j := t.lo
	if d.fold(j-1) == "s" && d.fold(j-2) == "'" {
		j -= 2
	}
	// before it, possibly with adjectives between: "Russian federal and local authorities"
	for k := j; k > j-4 && k >= 0; k-- {
		if c, ok := d.countryEndingAt(k); ok {
			return c, true
		}
		if !d.plainWord(k - 1) {
			break
		}
	}
	return countryHit{}, false
}

// plainWord reports whether token i is a lower-case word that is no determiner or
// preposition: an adjective or a conjunction between a country and a body noun.
func (d *doc) plainWord(i int) bool {
	if i < 0 || i >= len(d.toks) {
		return false
	}
	t := d.toks[i]
	return t.IsWord() && !t.Upper() && !determiners[t.Fold] && (t.Fold == "and" || t.Fold == "et" || !coordinators[t.Fold])
}

// instsIn returns the institutions named within tokens r.
func (d *doc) instsIn(r rng) []instHit {
	var out []instHit
	for _, h := range d.insts {
		if h.toks.lo >= r.lo && h.toks.hi <= r.hi {
			out = append(out, h)
		}
	}
	return out
}

// meansWords before an institution make it a means or a partner, not an addressee:
// "through the Commission", "par l'intermédiaire de la Commission", "in cooperation with the
// UN", "on behalf of".
var meansWords = map[string]bool{
	"through": true, "via": true, "intermediaire": true, "behalf": true, "cooperation": true,
	"coordination": true, "consultation": true, "help": true, "support": true, "assistance": true,
	"aide": true, "concertation": true, "partenariat": true, "partnership": true,
}

// addressees returns the keys of the institutions a window of tokens names as addressees, in
// order, each once: the institutions in it that are not means, then, for a country named
// there that no institution of it covers, its authorities ("calls on Russia to" →
// AUTHORITIES:RU). What a qualifying clause in the window names (see qualifiers: "calls on
// the authorities, as recommended by the UN, to …") is left out, as are excluded keys (the
// Parliament in a lead).
func (d *doc) addressees(w rng, exclude ...string) []string {
	quals := d.qualifiers(w)
	qualified := func(t rng) bool {
		return slices.ContainsFunc(quals, func(q rng) bool { return q.lo <= t.lo && t.hi <= q.hi })
	}
	var out []string
	add := func(k string) {
		if k != "" && !slices.Contains(out, k) && !slices.Contains(exclude, k) {
			if _, ok := lexicon.InstitutionByKey(k); ok {
				out = append(out, k)
			}
		}
	}
	hits := d.instsIn(w)
	covered := func(c countryHit) bool {
		for _, h := range hits {
			if h.country != nil && h.country.toks == c.toks {
				return true
			}
		}
		return false
	}
	for _, h := range hits {
		if d.isMeans(h.toks.lo, w.lo) || qualified(h.toks) {
			continue
		}
		add(h.key)
	}
	for _, c := range d.countriesIn(w) {
		if c.form != lexicon.FormName || covered(c) || d.isMeans(c.toks.lo, w.lo) || d.insideInstitution(c) || qualified(c.toks) {
			continue
		}
		add(string(graph.InstAuthorities) + ":" + c.code)
	}
	return out
}

// insideInstitution reports whether a country is named inside an institution's name.
func (d *doc) insideInstitution(c countryHit) bool {
	for _, h := range d.insts {
		if h.toks.lo <= c.toks.lo && c.toks.hi <= h.toks.hi {
			return true
		}
	}
	return false
}

// isMeans reports whether one of the four tokens before i (not before lo) is a means word.
func (d *doc) isMeans(i, lo int) bool {
	for j := i - 1; j >= lo && j >= i-4; j-- {
		if meansWords[d.toks[j].Fold] {
			return true
		}
	}
	return false
}
