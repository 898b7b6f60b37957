package ingest

import (
	"slices"
	"strings"
	"unicode"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/doceo"
	"github.com/eurel/eurel/ingest/extract"
	"github.com/eurel/eurel/ingest/lexicon"
)

// docKinds maps the kinds of document pages to the graph's kinds of document.
var docKinds = map[doceo.Kind]graph.DocumentKind{
	doceo.KindMotion:      graph.DocMotion,
	doceo.KindJointMotion: graph.DocJointMotion,
	doceo.KindTextAdopted: graph.DocTextAdopted,
	doceo.KindReport:      graph.DocReport,
	doceo.KindOther:       graph.DocOther,
}

// fromDoceo reads a European Parliament document page. The extractor reads the title (the
// countries it names are those the resolution concerns), the citations and recitals as
// context (the countries they name are mentioned; the agreements they name are referred to)
// and the operative paragraphs, their sub-items as bullets, for demands and stances. The
// page's header is the authority on the groups that tabled the text (with their evidence in
// the header); the resolution is the one of the page's procedure reference, titled with the
// heading of the text when it has one; only a text adopted gives it an adoption date and the
// Parliament as the body that adopted it. A page without a procedure reference describes no
// resolution: its Document keeps the agreements it names and nothing else.
func fromDoceo(raw []byte) (*Parsed, error) {
	d, err := doceo.Parse(raw)
	if err != nil {
		return nil, err
	}
	doc, err := extract.Extract(doceoInput(d))
	if err != nil {
		return nil, err
	}
	doc.Source = graph.Source{
		Key:      "doceo/" + d.Reference + "/" + d.Language,
		Kind:     docKinds[d.Kind],
		Format:   doceo.Format,
		Language: d.Language,
		Text:     d.Text,
	}
	if doc.Source.Kind == "" {
		doc.Source.Kind = graph.DocOther
	}
	doc.Source.Document = doceoDocuments(doc, d)
	if d.Procedure == "" {
		agreementsOnly(doc)
		return &Parsed{Document: doc, Doceo: d}, nil
	}
	r := doc.Resolution
	r.Reference, r.Title = d.Procedure, d.Title
	r.ProcedureType = procedureTypeOf(d.Procedure)
	if d.Heading != "" && d.Kind != doceo.KindReport {
		r.Title = d.Heading
	}
	r.TabledBy = nil
	for _, t := range d.TabledBy {
		if t.Group != "" && !slices.ContainsFunc(r.TabledBy, func(g graph.GroupRef) bool { return g.Code == t.Group }) {
			r.TabledBy = append(r.TabledBy, graph.GroupRef{Code: t.Group, Evidence: t.Span})
		}
	}
	r.AdoptedBy, r.Adopted = "", graph.PartialDate{}
	if d.Kind == doceo.KindTextAdopted {
		r.AdoptedBy, r.Adopted = graph.CodeEP, d.Date
	}
	doceoCitations(doc, d)
	recipients := doceoRecipients(doc, d)
	keepInstitutions(doc)
	doc.Institutions = append(doc.Institutions, recipients...)
	return &Parsed{Document: doc, Doceo: d}, nil
}

// doceoDocuments lists the page's own document (with the motions it replaces and the text
// adopted it became) and those documents, and returns the page's reference as OEIL writes it.
func doceoDocuments(doc *graph.Document, d *doceo.Doc) string {
	self, kind := graph.DocumentReference(d.Reference)
	if self == "" {
		return ""
	}
	if k := docKinds[d.Kind]; k != "" && k != graph.DocOther {
		kind = k
	}
	own := graph.ProcedureDocument{Reference: self, Kind: kind, Label: d.KindLabel, Author: "European Parliament",
		Date: d.Date, Evidence: d.TitleSpan}
	var others []graph.ProcedureDocument
	for _, m := range d.Replaces {
		ref, k := graph.DocumentReference(m.Reference)
		if ref == "" || ref == self || slices.Contains(own.Replaces, ref) {
			continue
		}
		own.Replaces = append(own.Replaces, ref)
		others = append(others, graph.ProcedureDocument{Reference: ref, Kind: k, Author: "European Parliament", Evidence: m.Span})
	}
	if ta, k := graph.DocumentReference(d.TextAdopted); ta != "" && ta != self && !slices.Contains(own.Replaces, ta) {
		own.AdoptedAs = ta
		others = append(others, graph.ProcedureDocument{Reference: ta, Kind: k, Author: "European Parliament"})
	}
	doc.ProcedureDocuments = append([]graph.ProcedureDocument{own}, others...)
	return self
}

// doceoCitations keeps the earlier resolutions the citations name that can be told apart:
// those with a date and a title ("its resolution of 11 February 2021 on …"). "Its previous
// resolutions on …" names a series, not one resolution, and is left out.
func doceoCitations(doc *graph.Document, d *doceo.Doc) {
	for _, c := range d.Citations {
		for _, r := range c.Resolutions {
			cit := graph.Citation{Adopted: r.Date, Title: r.Title, Evidence: r.Span}
			if graph.CitationID(cit) != "" && !slices.ContainsFunc(doc.Citations, func(x graph.Citation) bool { return graph.CitationID(x) == graph.CitationID(cit) }) {
				doc.Citations = append(doc.Citations, cit)
			}
		}
	}
}

// doceoRecipients sets the Recipients of the closing "instructs its President to forward …":
// institutions eurel knows by their key, countries as such, and offices and other bodies as
// institutions of their own (key OFFICE:UA:president-of-ukraine, OTHER:…), which it returns
// for the caller to add to Institutions.
func doceoRecipients(doc *graph.Document, d *doceo.Doc) []graph.Institution {
	var made []graph.Institution
	seen := map[string]bool{}
	for _, r := range d.Recipients {
		var rc graph.Recipient
		switch r.Kind {
		case doceo.RecipientInstitution:
			rc.Institution = r.Institution
		case doceo.RecipientCountry:
			rc.Country = r.Country
		default:
			prefix := "OTHER:"
			if r.Kind == doceo.RecipientOffice && r.Country != "" {
				prefix = "OFFICE:" + r.Country + ":"
			}
			rc.Institution = prefix + slug(r.Name)
			if !seen[rc.Institution] {
				made = append(made, graph.Institution{Key: rc.Institution, Kind: graph.InstOther, Country: r.Country,
					Names: map[string]string{d.Language: r.Name}})
			}
		}
		key := rc.Institution + "|" + rc.Country
		if rc.Institution == "" && rc.Country == "" || seen[key] {
			continue
		}
		seen[key], seen[rc.Institution] = true, true
		rc.Evidence = r.Span
		doc.Recipients = append(doc.Recipients, rc)
	}
	return made
}

// slug is a name as a key part: lower case, words joined by hyphens.
func slug(name string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), "-")
}

// doceoInput hands the text of a document page to the extractor.
func doceoInput(d *doceo.Doc) extract.Input {
	in := extract.Input{Language: d.Language, Adopted: d.Date, Text: d.Text, Title: d.TitleSpan}
	for _, c := range d.Citations {
		in.Paragraphs = append(in.Paragraphs, extract.Paragraph{Span: c.Span, Text: c.Text, Context: true})
	}
	for _, r := range d.Recitals {
		in.Paragraphs = append(in.Paragraphs, extract.Paragraph{Span: r.Span, Text: r.Text, Context: true})
	}
	for _, p := range d.Paragraphs {
		in.Paragraphs = append(in.Paragraphs, extract.Paragraph{Span: p.Span, Text: p.Text})
		for _, it := range p.Items {
			in.Paragraphs = append(in.Paragraphs, extract.Paragraph{Span: it.Span, Text: it.Text, Bullet: true})
		}
	}
	return in
}

// agreementsOnly drops from a Document everything that needs a resolution.
func agreementsOnly(doc *graph.Document) {
	doc.Resolution, doc.Countries, doc.Demands, doc.Stances, doc.Topics = nil, nil, nil, nil, nil
	keepInstitutions(doc)
}

// keepInstitutions makes Institutions hold exactly the institutions the Document refers to:
// addressees, agreement parties, tabling groups and the adopting body.
func keepInstitutions(doc *graph.Document) {
	var keys []string
	use := func(k string) {
		if k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	if r := doc.Resolution; r != nil {
		use(r.AdoptedBy)
		for _, g := range r.TabledBy {
			use(g.Code)
		}
	}
	for _, a := range doc.Agreements {
		for _, p := range a.Parties {
			use(p.Institution)
		}
	}
	for _, dm := range doc.Demands {
		for _, k := range dm.Addressees {
			use(k)
		}
	}
	for _, r := range doc.Recipients {
		if _, known := lexicon.InstitutionByKey(r.Institution); known {
			use(r.Institution)
		}
	}
	doc.Institutions = nil
	for _, k := range keys {
		if in, ok := lexicon.InstitutionByKey(k); ok {
			doc.Institutions = append(doc.Institutions, institution(in))
		}
	}
}
