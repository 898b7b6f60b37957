package ingest

import (
	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/extract"
	"github.com/eurel/eurel/ingest/oeil"
)

// fromSummary reads an OEIL document summary: the extractor reads its body; the summary's
// header gives the resolution's reference, title, date and stage.
func fromSummary(raw []byte) (*Parsed, error) {
	s, err := oeil.Parse(raw)
	if err != nil {
		return nil, err
	}
	doc, err := extract.Extract(inputOf(s))
	if err != nil {
		return nil, err
	}
	doc.Source = graph.Source{
		Key:      "oeil-summary/" + s.Reference + "/" + s.Stage + "/" + s.Language,
		Kind:     graph.DocOEILSummary,
		Format:   string(s.Format),
		Language: s.Language,
		Text:     s.Text,
	}
	if doc.Resolution == nil {
		doc.Resolution = &graph.Resolution{}
	}
	doc.Resolution.Reference = s.Reference
	doc.Resolution.Title = s.Title
	doc.Resolution.Adopted = s.Date
	doc.Resolution.Stage = s.Stage
	doc.Resolution.ProcedureType = procedureTypeOf(s.Reference)
	return &Parsed{Document: doc, Summary: s}, nil
}

// inputOf hands the parsed summary to the extractor.
func inputOf(s *oeil.Summary) extract.Input {
	in := extract.Input{Language: s.Language, Adopted: s.Date, Text: s.Text, Title: s.TitleSpan}
	in.Paragraphs = make([]extract.Paragraph, len(s.Paragraphs))
	for i, p := range s.Paragraphs {
		in.Paragraphs[i] = extract.Paragraph{Span: p.Span, Text: p.Text, Bullet: p.Bullet}
	}
	return in
}
