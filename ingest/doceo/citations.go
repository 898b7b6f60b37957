package doceo

import (
	"slices"
	"strings"

	"github.com/eurel/eurel/ingest/lexicon"
)

// readCitation reads what a citation cites: the Parliament's own earlier resolutions ("its
// resolution of 15 December 2022 on …", "its previous resolutions on …"), the international
// instruments it names (lexicon.Instruments), and its kind.
func (p *parser) readCitation(c *Citation) {
	w := p.w
	toks := lexicon.TokenizeString(c.Text)
	for _, mt := range lexicon.InstrumentMatcher().FindAll(toks) {
		if k := mt.Values[0]; !slices.Contains(c.Instruments, k) {
			c.Instruments = append(c.Instruments, k)
		}
	}
	if loc := w.ownRes.FindStringIndex(c.Text); loc != nil {
		c.Resolutions = p.citedResolutions(c, loc[0], loc[1])
	}
	switch {
	case len(c.Resolutions) > 0:
		c.Kind = CiteResolutions
	case len(c.Instruments) > 0:
		c.Kind = CiteInstruments
	case len(lexicon.AgreementKindMatcher().FindAll(toks)) > 0:
		c.Kind = CiteAgreement
	case slices.ContainsFunc(w.rules, func(r string) bool { return strings.Contains(strings.ToLower(c.Text), strings.ToLower(r)) }):
		c.Kind = CiteRules
	default:
		c.Kind = CiteOther
	}
}

// citedResolutions reads the resolutions named after "its resolution(s)" (bytes [at, from)
// of the citation's text): each "of 17 January 2023 on …" is one, up to the next date or the
// end of the citation; with no date, "on …" names the previous resolutions on a subject.
func (p *parser) citedResolutions(c *Citation, at, from int) []CitedResolution {
	w := p.w
	rest := c.Text[from:]
	end := len(rest)
	// a later "having regard to"-like list item ends the resolutions: "…, and to the UN Charter"
	for _, stop := range []string{"; ", ", and to ", ", et à "} {
		if i := strings.Index(rest, stop); i >= 0 && i < end {
			end = i
		}
	}
	rest = rest[:end]
	dates := w.dateOf.FindAllStringSubmatchIndex(rest, -1)
	if len(dates) == 0 {
		title := w.titleOn.ReplaceAllString(rest, "")
		if title == rest && strings.TrimSpace(rest) != "" && !strings.HasPrefix(strings.TrimSpace(rest), ",") {
			title = "" // "its resolutions thereon": no subject
		}
		title = trimTitle(title)
		return []CitedResolution{{Title: title, Span: runeSpan(c.Text, c.Span.Start, at, from+len(strings.TrimRight(rest, " ,;.")))}}
	}
	var out []CitedResolution
	for i, m := range dates {
		tail := rest[m[1]:]
		if i+1 < len(dates) {
			tail = rest[m[1]:dates[i+1][0]]
		}
		r := CitedResolution{Date: w.date(rest[m[2]:m[3]], rest[m[4]:m[5]], rest[m[6]:m[7]])}
		if t := w.titleOn.ReplaceAllString(tail, ""); t != tail {
			r.Title = trimTitle(t)
		}
		start := from + m[0]
		if i == 0 {
			start = at
		}
		r.Span = runeSpan(c.Text, c.Span.Start, start, from+m[1]+len(strings.TrimRight(tail, " ,;.")))
		if r.Title != "" {
			r.Span = runeSpan(c.Text, c.Span.Start, start, from+m[1]+strings.Index(tail, r.Title)+len(r.Title))
		}
		out = append(out, r)
	}
	return out
}

// trimTitle drops what ends a title in a list: punctuation, "and", "et", a footnote number.
func trimTitle(t string) string {
	t = strings.TrimSpace(t)
	for {
		before := t
		t = strings.TrimRight(t, " ,;.")
		for _, c := range []string{" and", " et", " as well as"} {
			t = strings.TrimSuffix(t, c)
		}
		if t == before {
			return t
		}
	}
}
