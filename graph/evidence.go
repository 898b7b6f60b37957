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
// document ID, then span. Quotes are cut from the stored document texts; a zero span ("the
// document as a whole") has an empty quote. A document that stated the edge without a span
// of its own gave it its anchor's span (see lower), or the zero span. For SOURCE (from a node
// to a document), it is the node's own span in that document. It returns no evidence (and no
// error) for an edge no document states.
func (s *Store) EdgeEvidence(ctx context.Context, from ID, pred Predicate, to ID) ([]Evidence, error) {
	unlock, err := s.readLock()
	if err != nil {
		return nil, err
	}
	defer unlock()
	r := s.newReader(ctx)
	out := r.edgeEvidence(Edge{from, pred, to}, -1)
	return out.Items, r.err
}

// EvidenceList is the evidence of an edge, or the first of it.
type EvidenceList struct {
	Items []Evidence // in EdgeEvidence's order
	Total int        // how many there are in all
}

// edgeEvidence is EdgeEvidence, the first `first` entries only (all when first < 0). An edge
// every document about a country states (a government belonging to its country) has
// thousands: their documents are ordered by the ingest times the view keeps, and only the
// entries returned have their anchor's span looked up and their quote cut from the text.
func (r *reader) edgeEvidence(e Edge, first int) EvidenceList {
	type entry struct {
		doc     ID
		t       time.Time // the document's ingest time
		span    Span
		implied bool // the anchor's span, looked up once the entry is kept
	}
	var es []entry
	explicit := map[ID]bool{}
	for _, q := range r.match(pattern{s: EdgeID(e.From, e.Pred, e.To).IRI(), p: pEvidence}) {
		span, ok := parseSpan(q.Object)
		doc := idOfValue(q.Label)
		if !ok || doc == "" {
			continue
		}
		explicit[doc] = true
		es = append(es, entry{doc: doc, span: span})
	}
	for _, doc := range r.edgeDocs(e.From, e.Pred, e.To) {
		if !explicit[doc] {
			es = append(es, entry{doc: doc, implied: true})
		}
	}
	docs := make([]ID, len(es))
	for i, x := range es {
		docs[i] = x.doc
	}
	r.primeDocTimes(docs)
	for i := range es {
		es[i].t = r.docTime(es[i].doc.IRI())
	}
	// A document with an implied entry has no other: spans only order a document's explicit
	// entries, which have theirs.
	slices.SortFunc(es, func(a, b entry) int {
		return cmp.Or(a.t.Compare(b.t), cmp.Compare(a.doc, b.doc),
			cmp.Compare(a.span.Start, b.span.Start), cmp.Compare(a.span.End, b.span.End))
	})
	list := EvidenceList{Total: len(es)}
	if first >= 0 && first < len(es) {
		es = es[:first]
	}
	for _, x := range es {
		if x.implied {
			x.span = r.nodeSpan(e.Pred.Anchor(e.From, e.To), x.doc)
		}
		ev := Evidence{Document: x.doc, Span: x.span}
		ev.Quote, _ = Quote(r.docText(x.doc), x.span) // a span outside the text gives no quote
		list.Items = append(list.Items, ev)
	}
	return list
}

// primeDocTimes puts in the reader's cache of ingest times (see docTime) those of many
// documents at once, from the view, which keeps them: one lock instead of a read of the
// quads each. Documents the view does not know are left for docTime to read.
func (r *reader) primeDocTimes(docs []ID) {
	for _, d := range docs {
		r.dep(d.IRI())
	}
	if r.err != nil {
		return
	}
	r.err = r.s.viewRead(r.ctx, func(v *view) {
		for _, d := range docs {
			if n, ok := v.lookup(d); ok {
				if vd, ok := v.docs[n]; ok {
					r.docTimes[d.IRI()] = vd.t
				}
			}
		}
	})
}

// edgeDocs lists the documents stating an edge: the labels of its quads; for SOURCE, the
// document if it states the node at all (the labels of the node's kind quads).
func (r *reader) edgeDocs(from ID, pred Predicate, to ID) []ID {
	pt := pattern{s: from.IRI(), p: pred.IRI(), o: to.IRI()}
	if pred == SourcePred {
		pt = pattern{s: from.IRI(), p: pKind, l: to.IRI()}
	}
	r.depOn(pt)
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
