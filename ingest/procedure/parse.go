package procedure

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/internal/input"
	"github.com/eurel/eurel/ingest/lexicon"
)

// Parse reads an OEIL procedure file. It refuses with an *Error any input that is empty,
// binary, larger than MaxSize, not such a page (ErrWrongFormat), cut short or without its
// reference, title or basic information (ErrIncomplete), with a reference that is not one or
// an impossible date (ErrMalformed), or whose labels are not in English (ErrLanguage).
//
// What the page says is kept as it says it (names of subjects, events and documents);
// subject codes are checked against lexicon.Subjects (Subject.Known) and geographical areas
// are read into ISO country codes with lexicon.CountryMatcher.
func Parse(raw []byte) (*File, error) {
	doc, err := input.Page{
		Max:     MaxSize,
		Detect:  Detect,
		JSON:    "JSON data, not an OEIL procedure file (a web page)",
		NotHTML: "not an HTML page: an OEIL procedure file is a web page",
		Other:   "an HTML page, but not an OEIL procedure file: it has neither the title \"Procedure File:\" nor the procedure-file sections",
	}.Parse(raw)
	if err != nil {
		return nil, err
	}
	f := &File{Language: "en"}
	if root := input.Find(doc, input.Is(atom.Html, "")); root != nil {
		if lang := strings.ToLower(input.Attr(root, "lang")); lang != "" && !strings.HasPrefix(lang, "en") {
			return nil, input.Fail(ErrLanguage, fmt.Sprintf("language not supported: the page is in %q; eurel reads OEIL procedure files in English", lang))
		}
	}
	if err := f.readHead(doc); err != nil {
		return nil, err
	}
	sections := input.FindAll(doc, input.WithClass("oeil-spy-section"))
	read := map[string]bool{}
	for _, s := range sections {
		h := input.Find(s, func(n *html.Node) bool { return n.DataAtom == atom.H2 })
		if h == nil {
			continue
		}
		name := input.TextOf(h)
		if read[name] {
			continue
		}
		read[name] = true
		switch name {
		case "Basic information":
			err = f.readBasic(s)
		case "Key events":
			err = f.readEvents(s)
		case "Technical information":
			f.readTechnical(s)
		case "Documentation gateway":
			err = f.readGateway(s)
		case "Final act":
			f.readFinalAct(s)
		}
		if err != nil {
			return nil, err
		}
	}
	if !read["Basic information"] {
		return nil, input.Fail(ErrIncomplete, "the page has no \"Basic information\" section")
	}
	f.layout()
	return f, nil
}

// readHead reads the reference (h2.es_title-h1) and the title (the first h2.es_title-h2
// outside the sections).
func (f *File) readHead(doc *html.Node) error {
	h1 := input.Find(doc, input.Is(atom.H2, "es_title-h1"))
	if h1 == nil {
		h1 = input.Find(doc, input.Is(atom.H1, "es_title-h1"))
	}
	if h1 == nil {
		return input.Fail(ErrIncomplete, "the page has no procedure reference (its .es_title-h1 heading)")
	}
	text := input.TextOf(h1)
	f.Reference = input.Procedure(text)
	if f.Reference == "" {
		return input.Fail(ErrMalformed, "the page's heading is not a procedure reference: "+input.Excerpt(text))
	}
	f.Type = f.Reference[strings.IndexByte(f.Reference, '(')+1 : len(f.Reference)-1]
	var title *html.Node
	input.Walk(doc, func(n *html.Node) bool {
		if title != nil || n.Type == html.ElementNode && input.HasClass(n, "oeil-spy-section") {
			return false
		}
		if n.DataAtom == atom.H2 && input.HasClass(n, "es_title-h2") {
			title = n
			return false
		}
		return true
	}, nil)
	if title == nil || input.TextOf(title) == "" {
		return input.Fail(ErrIncomplete, "the page has no title (the .es_title-h2 heading after the reference)")
	}
	f.Title = input.TextOf(title)
	return nil
}

var (
	subjectRe  = regexp.MustCompile(`^(\d{1,2}(?:\.\d{2}){0,3})\s+(\S.*)$`)
	typeLineRe = regexp.MustCompile(`^([A-Z]{3,4})\s+-\s+(.+)$`)
)

// readBasic reads the "Basic information" section: bold paragraphs are labels, the
// paragraph after each holds its values, one per line; what comes before the first label is
// the reference, the type line ("RSP - Resolutions on topical subjects"), the legislative
// instrument and the acts amended or repealed.
func (f *File) readBasic(s *html.Node) error {
	label := ""
	for _, p := range input.FindAll(s, input.Is(atom.P, "")) {
		lines := input.Lines(p)
		if len(lines) == 0 {
			continue
		}
		if input.HasClass(p, "font-weight-bold") {
			if label == "" && input.Procedure(lines[0]) == f.Reference {
				continue // the reference again
			}
			label = lines[0]
			continue
		}
		switch label {
		case "":
			f.readPreamble(lines)
		case "Subject":
			for _, l := range lines {
				if m := subjectRe.FindStringSubmatch(l); m != nil {
					_, known := lexicon.SubjectByCode(m[1])
					f.Subjects = append(f.Subjects, Subject{Code: m[1], Name: m[2], Known: known})
				}
			}
		case "Geographical area":
			for _, l := range lines {
				f.addArea(l)
			}
		case "Status":
			f.Status = strings.Join(lines, " ")
		}
	}
	if f.TypeName == "" {
		return input.Fail(ErrIncomplete, "the basic information gives no procedure type (a line such as \"RSP - Resolutions on topical subjects\")")
	}
	return nil
}

// readPreamble reads the lines before the first label of the basic information.
func (f *File) readPreamble(lines []string) {
	for _, l := range lines {
		if m := typeLineRe.FindStringSubmatch(l); m != nil && f.TypeName == "" && m[1] == f.Type {
			f.TypeName = m[2]
			continue
		}
		if ref := input.Procedure(l); ref != "" {
			f.addRelated(l, ref)
			continue
		}
		if f.TypeName != "" && f.Instrument == "" {
			f.Instrument = l
		}
	}
}

func (f *File) addRelated(line, ref string) {
	if slices.ContainsFunc(f.Related, func(r Related) bool { return r.Procedure == ref }) {
		return
	}
	rel := line
	if i := strings.Index(line, ref); i >= 0 {
		rel = strings.TrimSpace(line[:i])
	}
	f.Related = append(f.Related, Related{Relation: rel, Procedure: ref})
}

// addArea reads one line of the geographical area: the countries it names, by CLDR name or
// an alternative name ("Kosovo under UNSCR 1244/1999" names Kosovo).
func (f *File) addArea(line string) {
	a := Area{Name: line}
	for _, mt := range lexicon.CountryMatcher("en").FindAll(lexicon.TokenizeString(line)) {
		code := mt.Values[0].Code
		if code == "" || slices.ContainsFunc(mt.Values, func(v lexicon.CountryRef) bool { return v.Code != code }) {
			continue
		}
		if !slices.Contains(a.Countries, code) {
			a.Countries = append(a.Countries, code)
		}
		if !slices.Contains(f.Countries, code) {
			f.Countries = append(f.Countries, code)
		}
	}
	f.Areas = append(f.Areas, a)
}

// table is an HTML table read into its header names and rows of cells.
type table struct {
	head []string
	rows [][]*html.Node // the th and td cells of each body row
}

func readTable(t *html.Node) table {
	var out table
	for _, tr := range input.FindAll(t, input.Is(atom.Tr, "")) {
		var cells []*html.Node
		header := true
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
				cells = append(cells, c)
				header = header && c.DataAtom == atom.Th && input.Attr(c, "scope") != "row"
			}
		}
		if len(cells) == 0 {
			continue
		}
		if header && out.head == nil {
			for _, c := range cells {
				out.head = append(out.head, input.TextOf(c))
			}
			continue
		}
		out.rows = append(out.rows, cells)
	}
	return out
}

// cell returns the cell of a row under a header name, or nil.
func (t table) cell(row []*html.Node, name string) *html.Node {
	for i, h := range t.head {
		if h == name && i < len(row) {
			return row[i]
		}
	}
	return nil
}

func cellText(n *html.Node) string {
	if n == nil {
		return ""
	}
	return input.TextOf(n)
}

func cellLines(n *html.Node) []string {
	if n == nil {
		return nil
	}
	return input.Lines(n)
}

// summaryID returns the id of the OEIL document summary a cell links to, or "".
func summaryID(n *html.Node) string {
	if n == nil {
		return ""
	}
	for _, a := range input.FindAll(n, input.Is(atom.A, "")) {
		href := input.Attr(a, "href")
		if !strings.Contains(href, "document-summary") {
			continue
		}
		if u, err := url.Parse(href); err == nil {
			if id := u.Query().Get("id"); id != "" {
				return id
			}
		}
	}
	return ""
}

// date reads the date of a cell: zero for an empty cell, an error for one that is not a date.
func date(n *html.Node, what string) (graph.PartialDate, error) {
	s := cellText(n)
	if s == "" {
		return graph.PartialDate{}, nil
	}
	d, err := input.Date(s)
	if err != nil {
		return graph.PartialDate{}, input.Fail(ErrMalformed, what+": "+err.Error())
	}
	return d, nil
}

// readEvents reads the table of key events: Date, Event, Reference, Summary.
func (f *File) readEvents(s *html.Node) error {
	t := input.Find(s, input.Is(atom.Table, ""))
	if t == nil {
		return nil
	}
	tb := readTable(t)
	for i, row := range tb.rows {
		ev := Event{Name: cellText(tb.cell(row, "Event")), SummaryID: summaryID(tb.cell(row, "Summary"))}
		var err error
		if ev.Date, err = date(tb.cell(row, "Date"), fmt.Sprintf("key event %d (%s)", i+1, ev.Name)); err != nil {
			return err
		}
		if refs := references(cellLines(tb.cell(row, "Reference"))); len(refs) > 0 {
			ev.DocumentRef, ev.OtherRefs = refs[0], refs[1:]
		}
		if ev.Name == "" && ev.Date.IsZero() {
			continue
		}
		f.KeyEvents = append(f.KeyEvents, ev)
	}
	return nil
}

// references splits the lines of a reference cell into references: the words of a line
// when each holds a digit ("PE770.077 GEDA/A/(2025)001013" is two), the line otherwise.
func references(lines []string) []string {
	var out []string
	for _, l := range lines {
		l = input.Dashes(l)
		words := strings.Fields(l)
		if !slices.ContainsFunc(words, func(w string) bool { return !strings.ContainsAny(w, "0123456789") }) {
			out = append(out, words...)
			continue
		}
		out = append(out, l)
	}
	return out
}

// readTechnical reads the technical information: a table of labels (th) and values (td).
func (f *File) readTechnical(s *html.Node) {
	t := input.Find(s, input.Is(atom.Table, ""))
	if t == nil {
		return
	}
	for _, row := range readTable(t).rows {
		if len(row) < 2 {
			continue
		}
		values := input.Lines(row[1])
		value := strings.Join(values, " ")
		switch input.TextOf(row[0]) {
		case "Procedure subtype":
			f.Subtype = value
		case "Legislative instrument":
			if f.Instrument == "" {
				f.Instrument = value
			}
		case "Legal basis", "Other legal basis":
			f.LegalBasis = append(f.LegalBasis, values...)
		case "Stage reached in procedure":
			f.Stage = value
		case "Committee dossier":
			f.Dossier = value
		case "Procedure type":
			if m := typeLineRe.FindStringSubmatch(value); m != nil && f.TypeName == "" {
				f.TypeName = m[2]
			}
		case "Amendments and repeals":
			for _, l := range values {
				if ref := input.Procedure(l); ref != "" {
					f.addRelated(l, ref)
				}
			}
		}
	}
}

// readGateway reads the documentation gateway: one accordion item per institution, each
// with a table of documents.
func (f *File) readGateway(s *html.Node) error {
	for _, item := range input.FindAll(s, input.WithClass("es_accordion-item")) {
		inst := ""
		if title := input.Find(item, input.WithClass("es_accordion-item-title")); title != nil {
			inst = input.TextOf(title)
		}
		t := input.Find(item, input.Is(atom.Table, ""))
		if t == nil {
			continue
		}
		tb := readTable(t)
		for i, row := range tb.rows {
			d := DocRef{Institution: inst, Kind: cellText(tb.cell(row, "Document type")), SummaryID: summaryID(tb.cell(row, "Summary"))}
			for _, col := range []string{"Committee", "Parliament/Chamber", "Institution/body"} {
				if v := cellText(tb.cell(row, col)); v != "" {
					d.Body = v
				}
			}
			ref := tb.cell(row, "Reference")
			if refs := references(cellLines(ref)); len(refs) > 0 {
				d.Reference = refs[0]
			}
			if ref != nil {
				for _, a := range input.FindAll(ref, input.Is(atom.A, "")) {
					if input.TextOf(a) != "" {
						d.URL = input.Attr(a, "href")
						break
					}
				}
			}
			var err error
			if d.Date, err = date(tb.cell(row, "Date"), fmt.Sprintf("document %d of %s (%s)", i+1, inst, d.Kind)); err != nil {
				return err
			}
			if d.Kind == "" && d.Reference == "" {
				continue
			}
			f.Documents = append(f.Documents, d)
		}
	}
	return nil
}

// readFinalAct reads the final act: the act's link, then the Official Journal's.
func (f *File) readFinalAct(s *html.Node) {
	var texts, urls []string
	for _, a := range input.FindAll(s, input.Is(atom.A, "")) {
		href := input.Attr(a, "href")
		text := input.TextOf(a)
		if text == "" || strings.Contains(href, "procedure-file/pdf") || strings.Contains(href, "document-summary") {
			continue
		}
		texts, urls = append(texts, text), append(urls, href)
	}
	if len(texts) == 0 {
		return
	}
	f.FinalAct = &FinalAct{Title: texts[0], URL: urls[0]}
	if len(texts) > 1 {
		f.FinalAct.Journal = texts[1]
	}
}
