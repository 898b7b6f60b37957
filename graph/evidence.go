package graph

import (
	"cmp"
	"context"
	"slices"
	"time"
)

// EdgeEvidence returns where the edge from→to of a predicate was read: one Evidence per
// document and span stating it, ordered by the documents' ingest time (oldest first), then
// span. Quotes are cut from the stored document texts; a zero span ("the document as a
// whole") has an empty quote. It returns no evidence (and no error) for an edge no document
// states.
func (s *Store) EdgeEvidence(ctx context.Context, from ID, pred Predicate, to ID) ([]Evidence, error) {
	unlock, err := s.readLock()
	if err != nil {
		return nil, err
	}
	defer unlock()
	r := s.newReader(ctx)
	out := r.edgeEvidence(from, pred, to)
	return out, r.err
}

func (r *reader) edgeEvidence(from ID, pred Predicate, to ID) []Evidence {
	type dated struct {
		Evidence
		t time.Time // the document's ingest time, read once per piece of evidence
	}
	var ds []dated
	for _, q := range r.match(pattern{s: EdgeID(from, pred, to).IRI(), p: pEvidence}) {
		span, ok := parseSpan(q.Object)
		doc := idOfValue(q.Label)
		if !ok || doc == "" {
			continue
		}
		ev := Evidence{Document: doc, Span: span}
		ev.Quote, _ = Quote(r.docText(doc), span) // a span outside the text gives no quote
		ds = append(ds, dated{ev, r.docTime(q.Label)})
	}
	slices.SortFunc(ds, func(a, b dated) int {
		return cmp.Or(a.t.Compare(b.t), cmp.Compare(a.Document, b.Document),
			cmp.Compare(a.Span.Start, b.Span.Start), cmp.Compare(a.Span.End, b.Span.End))
	})
	var out []Evidence
	for _, d := range ds {
		out = append(out, d.Evidence)
	}
	return out
}
