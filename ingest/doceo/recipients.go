package doceo

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/lexicon"
)

// readRecipients reads the recipients of the last operative paragraph that forwards the text
// ("Instructs its President to forward this resolution to the VP/HR, the Council, …, the
// President, Government and parliament of Ukraine, and to the United States, Russia and
// Belarus." / « Charge sa présidente de transmettre la présente résolution au Conseil, … »).
//
// The list is cut at commas, semicolons and "and"/"et", except inside a name eurel knows
// ("Bosnia and Herzegovina", "High Representative of the Union for Foreign Affairs and
// Security Policy"), and at "as well as" / « ainsi que »; determiners and prepositions are dropped; a bare body or office noun
// ("Government", "the President") takes the complement of the first noun after it that has
// one ("parliament of Ukraine"), so "the President, Government and parliament of Ukraine"
// is three recipients of Ukraine. Each recipient is then an institution eurel knows
// (COUNCIL, GOVERNMENT:UA, MEMBER_STATES for "the governments and parliaments of the Member
// States"), a country as such, an office of a country, or, failing all, named as written.
func (p *parser) readRecipients() {
	d := p.doc
	for i := len(d.Paragraphs) - 1; i >= 0; i-- {
		par := d.Paragraphs[i]
		m := p.w.forward.FindStringSubmatchIndex(par.Text)
		if m == nil {
			continue
		}
		list := par.Text[m[2]:m[3]]
		start := par.Span.Start + utf8.RuneCountInString(par.Text[:m[2]])
		d.Recipients = p.recipients(list, start)
		return
	}
}

// segment is one item of the list of recipients: tokens [lo, hi) of the list.
type segment struct {
	lo, hi     int
	noun       graph.InstitutionKind // the body noun it starts with, "" for none
	office     bool                  // it starts with an office noun ("President")
	complement int                   // token where its complement ("of Ukraine") starts; -1 for none
	borrowed   []lexicon.Token       // the complement it takes from a later item
}

var (
	listDrop = set("and", "to", "the", "et", "a", "au", "aux", "la", "le", "les", "l", "'", "its", "ses", "sa", "son", "leur", "leurs",
		"as", "well", "ainsi", "que", "qu")
	ofWords  = set("of", "de", "du", "des", "d")
	bodyNoun = map[string]graph.InstitutionKind{
		"government": graph.InstGovernment, "governments": graph.InstGovernment,
		"gouvernement": graph.InstGovernment, "gouvernements": graph.InstGovernment,
		"parliament": graph.InstParliament, "parliaments": graph.InstParliament,
		"parlement": graph.InstParliament, "parlements": graph.InstParliament,
		"authorities": graph.InstAuthorities, "autorites": graph.InstAuthorities,
	}
	officeNoun = set("president", "presidents", "president", "presidente", "prime", "premier", "speaker", "king", "queen",
		"roi", "reine", "secretary", "secretaire", "head", "heads", "chef", "chefs", "minister", "ministre", "ministers", "ministres")
	endPhrases = []string{", for information", ", pour information", " for information", " pour information"}
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// recipients reads a list of recipients starting at code point start of Text.
func (p *parser) recipients(list string, start int) []Recipient {
	list = strings.TrimRight(list, " .;")
	for _, e := range endPhrases {
		list = strings.TrimSuffix(list, e)
	}
	toks := lexicon.TokenizeString(list)
	protected := make([]bool, len(toks))
	protect := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			protected[i] = true
		}
	}
	for _, mt := range lexicon.InstitutionMatcher().FindAll(toks) {
		if institutionKey(mt.Values) != "" {
			protect(mt.Lo, mt.Hi)
		}
	}
	for _, mt := range lexicon.CountryMatcher(p.doc.Language).FindAll(toks) {
		if mt.Values[0].Code != "" {
			protect(mt.Lo, mt.Hi)
		}
	}
	var segs []segment
	lo := 0
	cut := func(hi int) {
		for lo < hi && listDrop[toks[lo].Fold] {
			lo++
		}
		if lo < hi {
			segs = append(segs, p.segment(toks, lo, hi))
		}
	}
	for i, t := range toks {
		if protected[i] {
			continue
		}
		switch {
		case t.Fold == "," || t.Fold == ";" || t.Fold == "and" || t.Fold == "et",
			t.Fold == "ainsi" && (next(toks, i) == "que" || next(toks, i) == "qu"),
			t.Fold == "as" && next(toks, i) == "well":
			cut(i)
			lo = i + 1
		}
	}
	cut(len(toks))
	// a bare noun takes the complement of the first noun after it that has one
	for i := len(segs) - 1; i >= 0; i-- {
		s := &segs[i]
		if s.complement >= 0 || s.noun == "" && !s.office || s.hi-s.lo > 2 {
			continue
		}
		for j := i + 1; j < len(segs); j++ {
			n := segs[j]
			if n.noun == "" && !n.office {
				break
			}
			if n.complement >= 0 {
				s.borrowed = toks[n.complement:n.hi]
				break
			}
			if n.borrowed != nil {
				s.borrowed = n.borrowed
				break
			}
		}
	}
	var out []Recipient
	for _, s := range segs {
		r := p.resolveRecipient(list, toks, s)
		r.Span = graph.Span{Start: start + toks[s.lo].Start, End: start + toks[s.hi-1].End}
		if !slices.ContainsFunc(out, func(o Recipient) bool { return o.Name == r.Name }) {
			out = append(out, r)
		}
	}
	return out
}

// next returns the folded token after i, or "".
func next(toks []lexicon.Token, i int) string {
	if i+1 < len(toks) {
		return toks[i+1].Fold
	}
	return ""
}

// segment describes tokens [lo, hi) of a list of recipients.
func (p *parser) segment(toks []lexicon.Token, lo, hi int) segment {
	s := segment{lo: lo, hi: hi, complement: -1}
	f := toks[lo].Fold
	if k, ok := bodyNoun[f]; ok {
		s.noun = k
	}
	if f2 := next(toks, lo); f == "national" && f2 == "assembly" || f == "assemblee" && f2 == "nationale" {
		s.noun = graph.InstParliament
	}
	s.office = officeNoun[f]
	for i := lo + 1; i < hi; i++ {
		if ofWords[toks[i].Fold] {
			s.complement = i
			break
		}
	}
	return s
}

// resolveRecipient says what a segment of the list is.
func (p *parser) resolveRecipient(list string, toks []lexicon.Token, s segment) Recipient {
	rs := []rune(list)
	name := string(rs[toks[s.lo].Start:toks[s.hi-1].End])
	own := toks[s.lo:s.hi]
	all := own
	if s.borrowed != nil {
		bs := string(rs[s.borrowed[0].Start:s.borrowed[len(s.borrowed)-1].End])
		name += " " + bs
		all = append(slices.Clone(own), s.borrowed...)
	}
	r := Recipient{Kind: RecipientOther, Name: name}
	whole := func(m lexicon.Match[lexicon.InstitutionRef]) bool { return m.Lo == 0 && m.Hi == len(all) }
	insts := lexicon.InstitutionMatcher().FindAll(all)
	for _, mt := range insts {
		if key := institutionKey(mt.Values); key != "" && whole(mt) {
			return Recipient{Kind: RecipientInstitution, Name: name, Institution: key, Country: countryOfKey(key)}
		}
	}
	country, inComplement := "", false
	for _, mt := range lexicon.CountryMatcher(p.doc.Language).FindAll(all) {
		if c := mt.Values[0].Code; c != "" && country == "" {
			country = c
			inComplement = mt.Lo > 0
			if mt.Lo == 0 && mt.Hi == len(all) {
				return Recipient{Kind: RecipientCountry, Name: name, Country: c}
			}
		}
	}
	memberStates := slices.ContainsFunc(insts, func(m lexicon.Match[lexicon.InstitutionRef]) bool {
		return institutionKey(m.Values) == graph.CodeMemberStates && m.Lo > 0
	})
	switch {
	case s.noun != "" && memberStates:
		return Recipient{Kind: RecipientInstitution, Name: name, Institution: graph.CodeMemberStates}
	case s.noun != "" && country != "" && inComplement:
		return Recipient{Kind: RecipientInstitution, Name: name, Institution: string(s.noun) + ":" + country, Country: country}
	case s.office && country != "" && inComplement:
		return Recipient{Kind: RecipientOffice, Name: name, Country: country}
	}
	for _, mt := range insts {
		if key := institutionKey(mt.Values); key != "" {
			r.Institution = key
			if s.office {
				r.Kind = RecipientOffice
			}
			break
		}
	}
	r.Country = country
	return r
}

// countryOfKey returns the country of a national body's key ("GOVERNMENT:UA" → UA).
func countryOfKey(key string) string {
	if _, c, ok := strings.Cut(key, ":"); ok {
		return c
	}
	return ""
}
