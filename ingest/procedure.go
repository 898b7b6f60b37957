package ingest

import (
	"slices"
	"strings"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/lexicon"
	"github.com/eurel/eurel/ingest/procedure"
)

// SubjectTopicPrefix starts the key of the Topic an OEIL subject is: "oeil-subject:6.10.04".
const SubjectTopicPrefix = "oeil-subject:"

// fromProcedure reads an OEIL procedure file into what graph.Document holds of it: the
// resolution (reference, title; the date and name of its text adopted, when the
// documentation gateway lists one), the countries of its geographical area as the countries
// it concerns (the procedure file is the authority on them, EU Member States included), and
// its procedure type, and its known OEIL subjects as Topics (names as the page writes them,
// in English from the table of subjects too) that the resolution is about, the documents of
// its documentation gateway and its key events (see procedureDocuments). Its status, legal
// basis and related acts stay in the procedure.File.
func fromProcedure(raw []byte) (*Parsed, error) {
	f, err := procedure.Parse(raw)
	if err != nil {
		return nil, err
	}
	doc := &graph.Document{
		Source: graph.Source{
			Key:      "oeil-procedure/" + f.Reference,
			Kind:     graph.DocOEILProcedureFile,
			Format:   procedure.Format,
			Language: f.Language,
			Text:     f.Text,
		},
		Resolution: &graph.Resolution{Reference: f.Reference, Title: f.Title, ProcedureType: procedureTypeOf(f.Reference)},
	}
	for _, d := range f.Documents {
		if d.Institution == "European Parliament" && strings.HasPrefix(d.Kind, "Text adopted by Parliament") && !d.Date.IsZero() {
			doc.Resolution.Adopted, doc.Resolution.Stage, doc.Resolution.AdoptedBy = d.Date, d.Kind, graph.CodeEP
		}
	}
	if doc.Resolution.AdoptedBy != "" {
		ep, _ := lexicon.InstitutionByKey(graph.CodeEP)
		doc.Institutions = append(doc.Institutions, institution(ep))
	}
	for _, a := range f.Areas {
		for _, c := range a.Countries {
			if hasCountry(doc, c) {
				continue
			}
			if names := lexicon.NamesOf(c); names != nil {
				doc.Countries = append(doc.Countries, graph.CountryFact{Code: c, Names: names, Role: graph.RoleConcerns, Evidence: a.Span})
			}
		}
	}
	procedureDocuments(doc, f)
	for _, s := range f.Subjects {
		key := SubjectTopicPrefix + s.Code
		if !s.Known || slices.Contains(doc.Resolution.Subjects, key) {
			continue
		}
		names := map[string]string{f.Language: s.Name}
		if ls, ok := lexicon.SubjectByCode(s.Code); ok && names["en"] == "" {
			names["en"] = ls.Label
		}
		doc.Topics = append(doc.Topics, graph.Topic{Key: key, Names: names, Evidence: s.Span})
		doc.Resolution.Subjects = append(doc.Resolution.Subjects, key)
	}
	return &Parsed{Document: doc, Procedure: f}, nil
}

// procedureDocuments adds the documents of the gateway (references as OEIL writes them, each
// once, its first row winning) and the key events, each with the document it names; a document
// an event names that the gateway does not list is added with the event's line as evidence.
func procedureDocuments(doc *graph.Document, f *procedure.File) {
	index := map[string]int{}
	add := func(pd graph.ProcedureDocument) string {
		if _, ok := index[pd.Reference]; !ok {
			index[pd.Reference] = len(doc.ProcedureDocuments)
			doc.ProcedureDocuments = append(doc.ProcedureDocuments, pd)
		}
		return pd.Reference
	}
	for _, d := range f.Documents {
		ref, _ := graph.DocumentReference(d.Reference)
		if ref == "" {
			continue
		}
		add(graph.ProcedureDocument{Reference: ref, Kind: lexicon.DocumentKindOf(d.Kind, ref), Label: d.Kind,
			Author: d.Institution, Date: d.Date, URL: d.URL, Evidence: d.Span})
	}
	for _, e := range f.KeyEvents {
		if e.Name == "" || e.Date.IsZero() {
			continue
		}
		ev := graph.Event{Date: e.Date, Name: e.Name, Evidence: e.Span}
		if ref, kind := graph.DocumentReference(e.DocumentRef); ref != "" {
			ev.Document = add(graph.ProcedureDocument{Reference: ref, Kind: kind, Evidence: e.Span})
		}
		if !slices.ContainsFunc(doc.Events, func(x graph.Event) bool { return x.Date == ev.Date && x.Name == ev.Name }) {
			doc.Events = append(doc.Events, ev)
		}
	}
}

func hasCountry(doc *graph.Document, code string) bool {
	for _, c := range doc.Countries {
		if c.Code == code {
			return true
		}
	}
	return false
}

func institution(in lexicon.Institution) graph.Institution {
	return graph.Institution{Key: in.Key, Kind: in.Kind, Code: in.Code, Country: in.Country, Names: in.Names}
}

// procedureTypeOf is the procedure type a reference gives in its parenthesis: "RSP" for
// 2021/2540(RSP); "" when there is none or it is not upper-case letters.
func procedureTypeOf(reference string) string {
	i, j := strings.LastIndexByte(reference, '('), strings.LastIndexByte(reference, ')')
	if i < 0 || j != len(reference)-1 || j <= i+1 {
		return ""
	}
	t := reference[i+1 : j]
	for _, c := range t {
		if c < 'A' || c > 'Z' {
			return ""
		}
	}
	return t
}
