package graph

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/cayleygraph/quad"
)

// EdgeEvidence returns where the edge from→to of a predicate was read: one Evidence per
// document and span stating it, ordered by the documents' ingest time (oldest first), then
// span. Quotes are cut from the stored document texts; a zero span ("the document as a
// whole") has an empty quote. A document that stated the edge without a span of its own gave
// it its anchor's span (see lower), or the zero span. For SOURCE (from a node to a document),
// it is the node's own span in that document. It returns no evidence (and no error) for an
// edge no document states.
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
	add := func(doc ID, span Span) {
		ev := Evidence{Document: doc, Span: span}
		ev.Quote, _ = Quote(r.docText(doc), span) // a span outside the text gives no quote
		ds = append(ds, dated{ev, r.docTime(doc.IRI())})
	}
	explicit := map[ID]bool{}
	for _, q := range r.match(pattern{s: EdgeID(from, pred, to).IRI(), p: pEvidence}) {
		span, ok := parseSpan(q.Object)
		doc := idOfValue(q.Label)
		if !ok || doc == "" {
			continue
		}
		explicit[doc] = true
		add(doc, span)
	}
	for _, doc := range r.edgeDocs(from, pred, to) {
		if !explicit[doc] {
			add(doc, r.nodeSpan(pred.Anchor(from, to), doc))
		}
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

// edgeDocs lists the documents stating an edge: the labels of its quads; for SOURCE, the
// document if it states the node at all (the labels of the node's kind quads).
func (r *reader) edgeDocs(from ID, pred Predicate, to ID) []ID {
	pt := pattern{s: from.IRI(), p: pred.IRI(), o: to.IRI()}
	if pred == SourcePred {
		pt = pattern{s: from.IRI(), p: pKind, l: to.IRI()}
	}
	if r.err != nil {
		return nil
	}
	ids, err := r.s.ids(r.ctx, pt, quad.Label)
	r.err = err
	return ids
}

// nodeSpan is a node's own span in a document (the evidence of its implied SOURCE edge); zero
// when the document gives it none, or for no node ("").
func (r *reader) nodeSpan(node, doc ID) Span {
	if node == "" {
		return Span{}
	}
	for _, q := range r.match(pattern{s: EdgeID(node, SourcePred, doc).IRI(), p: pEvidence, l: doc.IRI()}) {
		if sp, ok := parseSpan(q.Object); ok {
			return sp
		}
	}
	return Span{}
}
