package ingest

import (
	"slices"

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
	doceo.KindReport:      graph.DocOther,
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
	keepInstitutions(doc)
	return &Parsed{Document: doc, Doceo: d}, nil
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
	doc.Institutions = nil
	for _, k := range keys {
		if in, ok := lexicon.InstitutionByKey(k); ok {
			doc.Institutions = append(doc.Institutions, institution(in))
		}
	}
}
