package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/lexicon"
)

// para is one body paragraph of a summary.
type para struct {
	text   string
	bullet bool
	// split, when positive, is the byte offset of a space at which a web page breaks the
	// bullet into two paragraphs, as word processors do ("... involved in the coup and
	// other" / "legal entities directly owned ..."); the parser joins them back.
	split int
}

// summary is one composed summary: its facts and its body, before encoding.
type summary struct {
	Facts
	docID int // OEIL's document number, in the page's URLs
	paras []para
}

// Shapes of real summaries, measured on the corpus (shared/corpus/oeil-summary): normalised
// texts of 3,556 to 5,893 characters (median 4,385) in 15 to 28 paragraphs. The body is
// drawn to a length around medianLength, filled with background paragraphs.
const (
	medianLength = 4300
	lengthSigma  = 0.35 // of the log-normal draw
	minLength    = 1800
	maxLength    = 11000
)

// override forces some of a summary's draws, for tests that must cover every country,
// language or format: an empty field draws as usual.
type override struct {
	country string // ISO code of the country the summary is about
	lang    string // "en" or "fr"
	format  string // "text" or "html"
}

// slot returns the procedure year and number of summary i, and whether it is a consent
// procedure (NLE). Summary numbers are permuted (see permute), then dealt to the years of
// the range in turn: the p-th goes to year StartYear + p mod years, as its (p / years)-th
// procedure. One in ten procedures of a year is a consent, numbered from 0001; the others
// are numbered from 2001, as OEIL numbers own-initiative and topical procedures. Distinct
// summaries get distinct (year, number) pairs.
func (g *Generator) slot(i int) (year, number int, nle bool) {
	p := permute(g.cfg.Seed, i)
	years := g.cfg.EndYear - g.cfg.StartYear + 1
	year, k := g.cfg.StartYear+p%years, p/years
	if k%10 == 0 {
		return year, 1 + k/10, true
	}
	return year, 2001 + k - k/10 - 1, false
}

// compose draws summary i, forcing what o says.
func (g *Generator) compose(i int, o override) *summary {
	r := streamFor(g.cfg.Seed, i)
	year, number, nle := g.slot(i)
	kind := "NLE"
	if !nle {
		kind = "RSP"
		if chance(r, 0.25) {
			kind = "INI"
		}
	}
	lang := "en"
	if chance(r, g.cfg.FrenchShare) {
		lang = "fr"
	}
	html := chance(r, g.cfg.HTMLShare)
	if o.lang != "" {
		lang = o.lang
	}
	if o.format != "" {
		html = o.format == "html"
	}
	adoptYear := year
	if kind != "RSP" && year < g.cfg.EndYear && chance(r, 0.4) {
		adoptYear++
	}
	adopted := adoptionDate(r, adoptYear)

	// the country, and for a consent resolution (NLE) an agreement awaiting consent
	var c *country
	var ag *agreement
	awaiting := func(code string) *agreement {
		if a := g.agreements[code]; a != nil && a.signed.Before(adopted) && adopted.Before(a.inForce) && !lexicon.IsEUMember(code, adopted) {
			return a
		}
		return nil
	}
	switch {
	case o.country != "":
		c = g.byCode[o.country]
		if kind == "NLE" {
			if ag = awaiting(c.code); ag == nil {
				kind = "INI"
			}
		}
	case kind == "NLE":
		for range 400 {
			cand := g.countries[g.zipf.draw(r)]
			if ag = awaiting(cand.code); ag != nil {
				c = cand
				break
			}
		}
		if c == nil {
			kind, c = "INI", g.drawCountry(r, adopted)
		}
	default:
		c = g.drawCountry(r, adopted)
	}
	s := &summary{docID: 1_000_000 + permute(g.cfg.Seed, i)}
	f := &s.Facts
	f.Reference = fmt.Sprintf("%d/%04d(%s)", year, number, kind)
	ext := "txt"
	if html {
		ext = "html"
	}
	f.Name = fmt.Sprintf("%d-%04d-%s.%s.%s", year, number, kind, lang, ext)
	f.Language, f.HTML, f.Adopted, f.Country = lang, html, adopted, c.code
	f.Event, f.Stage = events(kind, lang)

	cp := &composer{r: r, b: banks[lang], s: s, x: &expander{lang: lang, x: c, adopted: adopted, r: r}}
	cp.titleAndVote(kind, ag)
	cp.tabling(kind, sitting(g.groups, adopted))
	if ag == nil {
		if a := g.agreements[c.code]; a != nil && a.signed.Before(adopted) && chance(r, 0.35) {
			ag = a
		}
	}
	if ag != nil {
		cp.agreement(kind, ag)
	}
	cp.body(g.drawMentions(r, c, adopted))
	return s
}

// composer writes the paragraphs of one summary, recording what they state in its Facts.
type composer struct {
	r      *rand.Rand
	b      *bank
	s      *summary
	x      *expander
	length int // of the paragraphs written, in characters
}

func (cp *composer) add(p para) {
	cp.s.paras = append(cp.s.paras, p)
	cp.length += utf8.RuneCountInString(p.text) + 2
}

// titleAndVote writes the title and the paragraph giving the vote.
func (cp *composer) titleAndVote(kind string, ag *agreement) {
	f, x, b, lang := &cp.s.Facts, cp.x, cp.b, cp.s.Language
	var subject string
	if kind == "NLE" {
		x.set("agr", kindNames[ag.kind][lang][1])
		subject = x.expand(b.nleTitle)
	} else {
		subject = x.expand(pick(cp.r, b.titles[kind]))
	}
	f.Title = capitalise(resolutionWord(lang) + subject)
	f.Vote = drawVote(cp.r, kind)
	tpl := pick(cp.r, b.vote)
	if f.Vote.Abstentions == 0 {
		tpl = b.voteNone
	}
	abst := strconv.Itoa(f.Vote.Abstentions) + " abstentions"
	if f.Vote.Abstentions == 1 {
		abst = "1 abstention"
	}
	x.set("for", strconv.Itoa(f.Vote.For))
	x.set("against", strconv.Itoa(f.Vote.Against))
	x.set("abst", abst)
	x.set("kind", resolutionKind(lang, kind))
	x.set("subject", subject)
	cp.add(para{text: x.expand(tpl)})
}

// tabling writes who tabled the text: the groups of a resolution on a topical subject
// (among those sitting), or, for half the reports, the committee.
func (cp *composer) tabling(kind string, sat []group) {
	f, x, b := &cp.s.Facts, cp.x, cp.b
	switch {
	case kind == "RSP":
		gs := drawGroups(cp.r, sat)
		names := make([]string, len(gs))
		for k, gr := range gs {
			f.TabledBy = append(f.TabledBy, gr.code)
			names[k] = gr.names[f.Language]
		}
		if len(gs) == 1 {
			x.set("group", names[0])
			cp.add(para{text: x.expand(b.single)})
		} else {
			x.set("groups", list(names, b.and))
			cp.add(para{text: x.expand(b.joint)})
		}
	case chance(cp.r, 0.5):
		cp.add(para{text: b.committee[min(len(b.committee)-1, boolInt(kind == "NLE"))]})
	}
}

// agreement writes when the EU and the country signed their agreement, at a drawn
// precision, and when it entered into force if it had by the adoption (never for a consent,
// which comes before).
func (cp *composer) agreement(kind string, ag *agreement) {
	f, x, b, lang := &cp.s.Facts, cp.x, cp.b, cp.s.Language
	prec := pick(cp.r, []string{"year", "year", "year", "month", "day"})
	signed := atPrecision(ag.signed, prec)
	fa := &Agreement{Kind: ag.kind, Country: f.Country, Signed: signed}
	x.set("when", strings.Replace(b.when[slices.Index([]string{"year", "month", "day"}, prec)], "{d}", writeDate(lang, signed), 1))
	x.set("agr", kindNames[ag.kind][lang][0])
	x.set("purpose", pick(cp.r, b.purposes))
	text := x.expand(pick(cp.r, b.signed))
	if ag.inForce.Before(f.Adopted) && kind != "NLE" {
		fa.InForce = ag.inForce
		x.set("date", writeDate(lang, ag.inForce))
		text += " " + x.expand(pick(cp.r, b.inForce))
	}
	f.Agreement = fa
	cp.add(para{text: text})
}

// events names the event a summary is attached to, as the summary writes it and in English.
func events(kind, lang string) (event, stage string) {
	stage = "Text adopted by Parliament, single reading"
	event = "Texte adopté du Parlement, lecture unique"
	if kind == "NLE" {
		stage = "Text adopted by Parliament, 1st reading/single reading"
		event = "Texte adopté du Parlement, 1ère lecture/lecture unique"
	}
	if lang == "en" {
		event = stage
	}
	return event, stage
}

// resolutionWord starts a title: "resolution on ", "résolution sur ".
func resolutionWord(lang string) string {
	if lang == "fr" {
		return "résolution sur "
	}
	return "resolution on "
}

// resolutionKind names the text in the vote sentence.
func resolutionKind(lang, kind string) string {
	switch {
	case kind == "NLE" && lang == "fr":
		return "résolution non législative"
	case kind == "NLE":
		return "non-legislative resolution"
	case lang == "fr":
		return "résolution"
	}
	return "resolution"
}

// drawVote draws a roll-call result of at most 705 members present that adopts the text:
// resolutions on topical subjects pass by large majorities, reports and consents more
// narrowly.
func drawVote(r *rand.Rand, kind string) graph.Vote {
	var v graph.Vote
	switch kind {
	case "RSP":
		v.Against = r.IntN(r.IntN(70) + 1)
		v.Abstentions = r.IntN(r.IntN(100) + 1)
	default:
		v.Against = between(r, 40, 200)
		v.Abstentions = between(r, 5, 110)
	}
	present := between(r, max(520, 2*v.Against+v.Abstentions+20), 705)
	v.For = present - v.Against - v.Abstentions
	return v
}

// list joins names as a sentence lists them: "A, B and C".
func list(names []string, and string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + and + names[len(names)-1]
}

// keysFor completes institution keys ending in ":" with a country code.
func keysFor(keys []string, code string) []string {
	out := make([]string, len(keys))
	for k, key := range keys {
		if strings.HasSuffix(key, ":") {
			key += code
		}
		out[k] = key
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
