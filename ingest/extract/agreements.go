package extract

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/lexicon"
)

// agrMention is a place the text names an agreement, explicitly (kind phrase) or not.
type agrMention struct {
	toks rng
	key  string
}

// unit is a run of tokens facts are read in: the title, or one body sentence.
func (d *doc) units() []rng {
	out := []rng{d.title}
	for _, s := range d.sents {
		out = append(out, s.toks)
	}
	return out
}

// findAgreements finds the agreements the text names by their kind ("accord de partenariat
// et de coopération renforcé", "Association Agreement", "EPCA"; see lexicon.AgreementKinds).
//
// Parties, from the sentence that names the agreement: the EU, and the third countries named
// there ("l'UE et le Kazakhstan ont signé un accord …"); when it names none, the country
// the resolution concerns (when it concerns exactly one). The EU is left out only when the
// sentence names two third countries and not the EU. An agreement with no third-country
// party is not recorded: it cannot be identified.
//
// Dates: a sentence that names the agreement, or refers back to it ("Cet accord", "the
// agreement") with no other agreement named in it, gives its signature ("signed", "signé",
// "signature") and entry into force ("entered into force", "est entré … en vigueur"; not a
// provisional application): the date written nearest the verb, at the precision written
// ("En 2015 … ont signé" → 2015; "le 1er mars 2020" → 2020-03-01).
//
// Names in English and French are made from the kind and the parties' short names
// ("EU–Kazakhstan Enhanced Partnership and Cooperation Agreement"). Evidence is the first
// kind phrase.
func (d *doc) findAgreements() []graph.Agreement {
	var out []graph.Agreement
	index := map[string]int{}
	km := lexicon.AgreementKindMatcher()
	var last string // the agreement referred to last
	for ui, u := range d.units() {
		if u.empty() {
			continue
		}
		var here []string
		for _, mt := range km.FindAll(d.toks[u.lo:u.hi]) {
			kind := mt.Values[0]
			t := rng{u.lo + mt.Lo, u.lo + mt.Hi}
			parties := d.agreementParties(u)
			if len(parties) == 0 {
				continue
			}
			key := graph.AgreementKey(kind, parties)
			if _, ok := index[key]; !ok {
				index[key] = len(out)
				out = append(out, graph.Agreement{Kind: kind, Parties: parties, Names: d.agreementNames(kind, parties), Evidence: d.span(t)})
			}
			d.agrs = append(d.agrs, agrMention{toks: t, key: key})
			if !slices.Contains(here, key) {
				here = append(here, key)
			}
		}
		if len(here) == 0 && last != "" && len(d.anaphors(u)) > 0 {
			here = []string{last}
			for _, a := range d.anaphors(u) {
				d.agrs = append(d.agrs, agrMention{toks: a, key: last})
			}
		}
		if len(here) > 0 {
			last = here[len(here)-1]
		}
		if ui == 0 || len(here) != 1 {
			continue
		}
		a := &out[index[here[0]]]
		signed, inForce := d.agreementDates(u)
		if a.Signed.IsZero() {
			a.Signed = signed
		}
		if a.InForce.IsZero() {
			a.InForce = inForce
		}
	}
	return out
}

// agreementParties returns the parties of an agreement named in tokens u (see
// findAgreements), the EU first, then countries in the order named; nil when there is no
// third country.
func (d *doc) agreementParties(u rng) []graph.Party {
	eu := false
	for _, h := range d.instsIn(u) {
		if h.key == graph.CodeEU {
			eu = true
		}
	}
	var cs []string
	for _, c := range d.countriesIn(u) {
		if !lexicon.IsEUMember(c.code, d.in.Adopted) && !slices.Contains(cs, c.code) {
			cs = append(cs, c.code)
		}
	}
	if len(cs) == 0 {
		if c := d.soleConcerned(); c != "" && !lexicon.IsEUMember(c, d.in.Adopted) {
			cs = []string{c}
		}
	}
	if len(cs) == 0 {
		return nil
	}
	var ps []graph.Party
	if eu || len(cs) < 2 {
		ps = append(ps, graph.Party{Institution: graph.CodeEU})
	}
	for _, c := range cs {
		ps = append(ps, graph.Party{Country: c})
	}
	return ps
}

func (d *doc) agreementNames(kind graph.AgreementKind, parties []graph.Party) map[string]string {
	out := map[string]string{}
	for _, lang := range lexicon.Languages {
		var ns []string
		for _, p := range parties {
			if p.Institution != "" {
				in, _ := lexicon.InstitutionByKey(p.Institution)
				ns = append(ns, in.Names[lang])
				continue
			}
			c, _ := lexicon.CountryByCode(p.Country)
			ns = append(ns, c.ShortName(lang))
		}
		out[lang] = lexicon.AgreementName(lang, kind, ns)
	}
	return out
}

// anaphors returns the places in tokens u that refer back to an agreement ("the agreement",
// "l'accord", "cet accord"), except those followed by the name of another one ("l'accord de
// Paris").
func (d *doc) anaphors(u rng) []rng {
	var out []rng
	for _, mt := range lexicon.AgreementAnaphorMatcher().FindAll(d.toks[u.lo:u.hi]) {
		hi := u.lo + mt.Hi
		if f := d.fold(hi); (f == "de" || f == "of" || f == "d") && hi+1 < len(d.toks) && startsUpperTok(d, hi+1) {
			continue
		}
		out = append(out, rng{u.lo + mt.Lo, hi})
	}
	return out
}

func startsUpperTok(d *doc, i int) bool {
	if d.fold(i) == "'" {
		i++
	}
	if i >= len(d.toks) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(d.toks[i].Text)
	return unicode.IsUpper(r)
}

var (
	signWords   = set("signed", "signs", "sign", "signature", "signe", "signee", "signes", "signees", "signer")
	provisional = set("provisional", "provisionally", "provisoire", "provisoirement")
)

// agreementDates reads the signature and entry-into-force dates a sentence gives (see
// findAgreements).
func (d *doc) agreementDates(u rng) (signed, inForce graph.PartialDate) {
	dates := d.datesIn(u)
	if len(dates) == 0 {
		return
	}
	sign, force := -1, -1
	prov := false
	for i := u.lo; i < u.hi; i++ {
		f := d.toks[i].Fold
		switch {
		case signWords[f] && sign < 0:
			sign = i
		case f == "force" && d.fold(i-1) == "into" && force < 0:
			force = i
		case f == "vigueur" && d.fold(i-1) == "en" && force < 0:
			force = i
		case provisional[f]:
			prov = true
		}
	}
	// each date goes to the verb it is nearer, each verb takes the nearest of its dates
	dist := func(h dateHit, v int) int {
		if v < 0 {
			return 1 << 30
		}
		if h.toks.lo >= v {
			return h.toks.lo - v
		}
		return v - h.toks.hi + 1
	}
	bestS, bestF := 1<<30, 1<<30
	for _, h := range dates {
		ds, df := dist(h, sign), dist(h, force)
		switch {
		case sign >= 0 && ds <= df && ds < bestS:
			signed, bestS = h.date, ds
		case force >= 0 && df < ds && df < bestF:
			inForce, bestF = h.date, df
		}
	}
	if prov {
		inForce = graph.PartialDate{}
	}
	return
}

// agreementsOf returns the keys of the agreements a demand in tokens r is about: those it
// names by kind, or, when it names none but refers back to one ("review of the agreement",
// "tels que consacrés par l'accord"), the agreement referred to last before it (the first
// one when none comes before).
func (d *doc) agreementsOf(r rng, agreements []graph.Agreement) []string {
	if len(agreements) == 0 || r.empty() {
		return nil
	}
	var out []string
	for _, m := range d.agrs {
		if m.toks.lo >= r.lo && m.toks.hi <= r.hi && !slices.Contains(out, m.key) {
			out = append(out, m.key)
		}
	}
	if len(out) > 0 {
		return out
	}
	if len(d.anaphors(r)) == 0 {
		return nil
	}
	key := agreements[0].Key()
	for _, m := range d.agrs {
		if m.toks.lo < r.lo {
			key = m.key
		}
	}
	return []string{key}
}
