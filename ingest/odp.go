package ingest

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/lexicon"
	"github.com/eurel/eurel/ingest/odp"
)

// fromODP reads an Open Data Portal record into what graph.Document holds of it: the
// resolution of the record's procedure, when it has one, with the procedure's English title
// (a procedure record) and its adoption date (the last decision on a text adopted, or the
// date of a text adopted) and its ELI identifier, its EuroVoc subjects as Topics (keys
// eurovoc:3916; the portal gives no labels) that it is about, and the documents the record
// links (see odpDocuments); the record's text is the English layout odp.Record.Text. Its
// events, participants and titles in other languages stay in the odp.Record.
func fromODP(raw []byte) (*Parsed, error) {
	r, err := odp.Parse(raw)
	if err != nil {
		return nil, err
	}
	doc := &graph.Document{Source: graph.Source{
		Key:      "odp/" + r.ID,
		Kind:     graph.DocODPRecord,
		Format:   odp.Format,
		Language: "en",
		Text:     r.Text,
	}}
	odpDocuments(doc, r)
	if r.Procedure == "" {
		return &Parsed{Document: doc, ODP: r}, nil
	}
	res := &graph.Resolution{Reference: r.Procedure, ProcedureType: procedureTypeOf(r.Procedure), ELI: r.ProcedureID}
	for _, s := range r.Subjects {
		key := "eurovoc:" + lastSegment(s)
		if key == "eurovoc:" || slices.Contains(res.Subjects, key) {
			continue
		}
		doc.Topics = append(doc.Topics, graph.Topic{Key: key, Evidence: lineSpan(r.Text, "Subject: "+s)})
		res.Subjects = append(res.Subjects, key)
	}
	if r.Kind == odp.KindProcedure {
		res.Title = r.Titles["en"]
		for _, e := range r.Events {
			for _, l := range e.Links {
				if l.Relation == "decided_on_a_realization_of" && strings.HasPrefix(l.Target, "eli/dl/doc/TA-") && !e.Date.Before(res.Adopted) {
					res.Adopted = e.Date
				}
			}
		}
	}
	if r.Kind == odp.KindDocument && strings.HasPrefix(r.Identifier, "TA-") {
		res.Adopted = r.Date
	}
	if !res.Adopted.IsZero() {
		res.AdoptedBy = graph.CodeEP
		ep, _ := lexicon.InstitutionByKey(graph.CodeEP)
		doc.Institutions = append(doc.Institutions, institution(ep))
	}
	doc.Resolution = res
	return &Parsed{Document: doc, ODP: r}, nil
}

// odpWorkTypes maps the portal's document types to the graph's kinds of document.
var odpWorkTypes = map[string]graph.DocumentKind{
	"RESOLUTION_MOTION":       graph.DocMotion,
	"RESOLUTION_MOTION_JOINT": graph.DocJointMotion,
	"REPORT_PLENARY":          graph.DocReport,
	"TEXT_ADOPTED":            graph.DocTextAdopted,
}

// odpDocuments adds the procedure documents a record describes or links: a document record is
// itself one (Source.Document), replacing those it is_derivative_of (a joint motion's motions);
// a procedure record lists those it created_a_realization_of. References are written as OEIL
// writes them (graph.DocumentReference), with their ELI identifiers.
func odpDocuments(doc *graph.Document, r *odp.Record) {
	index := map[string]int{}
	add := func(pd graph.ProcedureDocument) {
		if i, ok := index[pd.Reference]; ok {
			if doc.ProcedureDocuments[i].ELI == "" {
				doc.ProcedureDocuments[i].ELI = pd.ELI
			}
			return
		}
		index[pd.Reference] = len(doc.ProcedureDocuments)
		doc.ProcedureDocuments = append(doc.ProcedureDocuments, pd)
	}
	linked := func(l odp.Link) graph.ProcedureDocument {
		ref, kind := graph.DocumentReference(l.Target)
		return graph.ProcedureDocument{Reference: ref, Kind: kind, ELI: l.Target, Evidence: lineSpan(r.Text, l.Relation+": "+l.Target)}
	}
	switch r.Kind {
	case odp.KindDocument:
		self, kind := graph.DocumentReference(r.Identifier)
		if self == "" {
			return
		}
		if k, ok := odpWorkTypes[r.WorkType]; ok {
			kind = k
		}
		own := graph.ProcedureDocument{Reference: self, Kind: kind, Label: r.WorkType, Author: "European Parliament",
			Date: r.Date, ELI: r.ID, Evidence: r.TitleSpan}
		var replaced []graph.ProcedureDocument
		for _, l := range r.Links {
			if l.Relation != "is_derivative_of" || !strings.HasPrefix(l.Target, "eli/dl/doc/") {
				continue
			}
			pd := linked(l)
			if pd.Reference != self && !slices.Contains(own.Replaces, pd.Reference) {
				own.Replaces = append(own.Replaces, pd.Reference)
				replaced = append(replaced, pd)
			}
		}
		add(own)
		for _, pd := range replaced {
			add(pd)
		}
		doc.Source.Document = self
	case odp.KindProcedure:
		for _, l := range r.Links {
			if l.Relation == "created_a_realization_of" && strings.HasPrefix(l.Target, "eli/dl/doc/") {
				add(linked(l))
			}
		}
	}
}

// lineSpan is where a line lies in text, in code points; zero when it is not there.
func lineSpan(text, line string) graph.Span {
	i := strings.Index(text, line)
	if i < 0 {
		return graph.Span{}
	}
	start := utf8.RuneCountInString(text[:i])
	return graph.Span{Start: start, End: start + utf8.RuneCountInString(line)}
}

func lastSegment(s string) string { return s[strings.LastIndexByte(s, '/')+1:] }
