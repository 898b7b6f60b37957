package ingest

import (
	"strings"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/lexicon"
	"github.com/eurel/eurel/ingest/odp"
)

// fromODP reads an Open Data Portal record into what graph.Document holds of it: the
// resolution of the record's procedure, when it has one, with the procedure's English title
// (a procedure record) and its adoption date (the last decision on a text adopted, or the
// date of a text adopted); the record's text is the English layout odp.Record.Text. Its
// identifiers, links, events, subjects and titles in other languages stay in the odp.Record.
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
	if r.Procedure == "" {
		return &Parsed{Document: doc, ODP: r}, nil
	}
	res := &graph.Resolution{Reference: r.Procedure, ProcedureType: procedureTypeOf(r.Procedure)}
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
