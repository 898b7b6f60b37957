package doceo

import (
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/internal/input"
	"github.com/eurel/eurel/ingest/lexicon"
)

// Parse reads a European Parliament document page. It refuses with an *Error any input that
// is empty, binary, larger than MaxSize, not such a page (ErrWrongFormat), cut short or
// without its title or reference (ErrIncomplete), with an impossible date (ErrMalformed), or
// in a language other than English or French (ErrLanguage).
//
// A page that is not a resolution (a report on the Rules of Procedure) is read as what it
// is: its Kind, header and whatever citations and numbered paragraphs its proposal has;
// nothing is made up for what it lacks.
func Parse(raw []byte) (*Doc, error) {
	root, err := input.Page{
		Max:     MaxSize,
		Detect:  Detect,
		JSON:    "JSON data, not a European Parliament document page",
		NotHTML: "not an HTML page: eurel reads European Parliament documents as their web pages",
		Other:   "an HTML page, but not a European Parliament document page: no /doceo/document/ address and no document-stages card",
	}.Parse(raw)
	if err != nil {
		return nil, err
	}
	d := &Doc{}
	if d.Language, err = language(root); err != nil {
		return nil, err
	}
	p := &parser{doc: d, w: wordsOf(d.Language)}
	if err := p.readHead(root); err != nil {
		return nil, err
	}
	p.readRing(root)
	if d.Reference == "" {
		return nil, input.Fail(ErrIncomplete, "the page names no document reference (neither its document-stages card nor its header)")
	}
	if d.Kind == "" {
		d.Kind = kindOfReference(d.Reference)
	}
	p.readBody(root)
	p.layout()
	return d, nil
}

// parser holds what is being read.
type parser struct {
	doc    *Doc
	w      *words
	header []string // the header lines after the title block
	body   []block  // the text of the resolution, part by part
}

// language returns the language of the page ("en" or "fr") from its html element or its
// language meta tag.
func language(root *html.Node) (string, error) {
	lang := ""
	if h := input.Find(root, input.Is(atom.Html, "")); h != nil {
		lang = input.Attr(h, "lang")
	}
	if lang == "" {
		if m := input.Find(root, func(n *html.Node) bool {
			return n.DataAtom == atom.Meta && strings.EqualFold(input.Attr(n, "name"), "language")
		}); m != nil {
			lang = input.Attr(m, "content")
		}
	}
	lang = strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(lang, "-_"); i > 0 {
		lang = lang[:i]
	}
	switch lang {
	case "en", "fr":
		return lang, nil
	case "":
		return "", input.Fail(ErrLanguage, "language not recognised: the page does not say its language (html lang); eurel reads English and French")
	}
	return "", input.Fail(ErrLanguage, fmt.Sprintf("language not supported: the page is in %q; eurel reads English and French", lang))
}

var (
	dottedDateRe = regexp.MustCompile(`\b(\d{1,2}\.\d{1,2}\.\d{4})\b`)
	referenceRe  = regexp.MustCompile(`\b((?:RC-)?[A-C]\d{1,2}-\d{4}/\d{4}|P\d{1,2}_TA(?:-PROV)?\(\d{4}\)\d{4}|TA-\d{1,2}-\d{4}-\d{4})\b`)
)

// readHead reads the title block (h1, then the date and procedure line), the kind, and the
// header lines that follow the title block.
func (p *parser) readHead(root *html.Node) error {
	d := p.doc
	h1 := input.Find(root, input.Is(atom.H1, "es_title-h1"))
	if h1 == nil {
		h1 = input.Find(root, input.Is(atom.H1, ""))
	}
	if h1 == nil || input.TextOf(h1) == "" {
		return input.Fail(ErrIncomplete, "the page has no title (its h1 heading)")
	}
	d.Title = input.Dashes(input.TextOf(h1))
	block := h1.Parent
	if block == nil || block.DataAtom != atom.Div {
		block = h1
	}
	for n := h1.NextSibling; n != nil; n = n.NextSibling {
		if n.Type != html.ElementNode {
			continue
		}
		line := input.TextOf(n)
		if m := dottedDateRe.FindStringSubmatch(line); m != nil && d.Date.IsZero() {
			date, err := input.Date(m[1])
			if err != nil {
				return input.Fail(ErrMalformed, "the document's date: "+err.Error())
			}
			d.Date = date
		}
		if ref := input.Procedure(line); ref != "" && d.Procedure == "" {
			d.Procedure = ref
		}
	}
	if kind, label, ok := p.w.kindOf(d.Title); ok {
		d.Kind, d.KindLabel = kind, label
	}
	if t := input.Find(root, input.WithClass("es_header-website-title-main")); t != nil {
		lines := input.Lines(t)
		if len(lines) > 0 {
			label, _, _ := strings.Cut(lines[0], " - ")
			d.KindLabel = strings.TrimSpace(label) // the page's own spelling: "Joint motion for a resolution"
			if k, _, ok := p.w.kindOf(d.KindLabel); ok && d.Kind == "" {
				d.Kind = k
			}
		}
		for _, l := range lines {
			if m := referenceRe.FindString(input.Dashes(l)); m != "" && d.Reference == "" {
				d.Reference = m
			}
		}
	}
	p.header = headerLines(block)
	p.readHeader()
	return nil
}

// headerLines returns the lines that follow the title block up to the next division (the
// amendments card, the document-stages card, the text): text and inline elements cut at
// <br>, block elements line by line.
func headerLines(block *html.Node) []string {
	var lines []string
	var b strings.Builder
	flush := func() {
		if s := input.Dashes(input.Collapse(b.String())); s != "" {
			lines = append(lines, s)
		}
		b.Reset()
	}
	for n := block.NextSibling; n != nil; n = n.NextSibling {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type != html.ElementNode || input.Skipped(n):
		case n.DataAtom == atom.Div || n.DataAtom == atom.Table || n.DataAtom == atom.H2:
			flush()
			return lines
		case n.DataAtom == atom.Br:
			flush()
		case input.IsBlock(n):
			flush()
			for _, l := range input.Lines(n) {
				lines = append(lines, input.Dashes(l))
			}
		default:
			b.WriteString(" " + input.TextOf(n) + " ")
		}
	}
	flush()
	return lines
}

var motionLineRe = regexp.MustCompile(`^([A-C]\d{1,2}-\d{4}/\d{4})\s*(?:\((.+)\))?$`)

// readHeader reads the header lines: the rules the document is tabled under, the motions it
// replaces, the members and the groups they sign for, a report's committee and rapporteurs.
func (p *parser) readHeader() {
	d, w := p.doc, p.w
	var pending []string // member lines not yet closed by "on behalf of"
	replacing := false
	for _, l := range p.header {
		if replacing {
			if m := motionLineRe.FindStringSubmatch(l); m != nil {
				d.Replaces = append(d.Replaces, Motion{Reference: m[1], GroupName: m[2], Group: p.group(m[2])})
				continue
			}
			replacing = false
		}
		switch {
		case w.replacing.MatchString(l):
			replacing = true
		case w.pursuant.MatchString(l) && d.Rules == "":
			d.Rules = l
		case w.committee.MatchString(l) && d.Committee == "":
			d.Committee = l
		case w.rapporteur.MatchString(l):
			d.Rapporteurs = append(d.Rapporteurs, splitNames(w.rapporteur.FindStringSubmatch(l)[1])...)
		case w.onBehalf.MatchString(l):
			name := w.onBehalf.FindStringSubmatch(l)[1]
			d.TabledBy = append(d.TabledBy, Tabling{GroupName: name, Group: p.group(name), Members: splitNames(strings.Join(pending, ", "))})
			pending = nil
		default:
			pending = append(pending, l)
		}
	}
	if len(pending) > 0 && (len(d.TabledBy) > 0 || d.Kind == KindMotion || d.Kind == KindJointMotion) {
		d.OtherAuthors = splitNames(strings.Join(pending, ", "))
	}
}

// splitNames splits a list of names at its commas.
func splitNames(s string) []string {
	var out []string
	for n := range strings.SplitSeq(s, ",") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// group resolves a group's name as written to its reference-table code on the document's
// date, "" when the name is no group's.
func (p *parser) group(name string) string {
	toks := lexicon.TokenizeString(name)
	mt, ok := lexicon.GroupMatcher().At(toks, 0)
	if !ok || mt.Hi != len(toks) {
		return ""
	}
	g, ok := lexicon.ResolveGroup(mt.Values, p.doc.Date)
	if !ok {
		return ""
	}
	return g.Code
}

// readRing reads the document-stages card: the procedure, the document selected and the
// texts adopted.
func (p *parser) readRing(root *html.Node) {
	d, w := p.doc, p.w
	ring := input.Find(root, input.WithClass("doceo-ring"))
	if ring == nil {
		return
	}
	if h := input.Find(ring, input.WithClass("card-header")); h != nil && d.Procedure == "" {
		d.Procedure = input.Procedure(input.TextOf(h))
	}
	for _, l := range input.Lines(ring) {
		if w.selected.MatchString(l) {
			continue
		}
		if m := referenceRe.FindString(input.Dashes(l)); m != "" && !strings.HasPrefix(m, "P") && !strings.HasPrefix(m, "TA-") {
			if d.Reference == "" {
				d.Reference = m
			}
			break
		}
	}
	for _, step := range input.FindAll(ring, input.WithClass("doceo-ring-steps-step")) {
		label := input.Find(step, input.WithClass("doceo-ring-steps-step-label"))
		if label == nil || !w.adopted.MatchString(input.TextOf(label)) {
			continue
		}
		if details := input.Find(step, input.WithClass("doceo-ring-steps-step-details")); details != nil {
			if lines := input.Lines(details); len(lines) > 0 && d.TextAdopted == "" {
				d.TextAdopted = input.Dashes(lines[0])
			}
		}
	}
}

// kindOfReference tells the kind of a document from its reference when the page's title
// does not: RC- joint motions, B motions, A reports, texts adopted.
func kindOfReference(ref string) Kind {
	switch {
	case strings.HasPrefix(ref, "RC-"):
		return KindJointMotion
	case strings.HasPrefix(ref, "B"):
		return KindMotion
	case strings.HasPrefix(ref, "A"):
		return KindReport
	case strings.HasPrefix(ref, "P") || strings.HasPrefix(ref, "TA-"):
		return KindTextAdopted
	}
	return KindOther
}

// date reads a date written with the month in words ("17 January 2023", "1er mars 2020"), or
// returns the zero date.
func (w *words) date(day, month, year string) graph.PartialDate {
	m := w.months[strings.ToLower(month)]
	if m == 0 {
		return graph.PartialDate{}
	}
	d, err := input.Date(day + "/" + fmt.Sprint(m) + "/" + year)
	if err != nil {
		return graph.PartialDate{}
	}
	return d
}
