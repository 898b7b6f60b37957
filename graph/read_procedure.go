package graph

import (
	"cmp"
	"context"
	"slices"
	"strconv"

	"github.com/cayleygraph/quad"
)

// ProcedureDocuments returns the procedure documents with the given IDs; nil where there is none.
func (s *Store) ProcedureDocuments(ctx context.Context, ids []ID) ([]*ProcedureDocumentRecord, error) {
	return cachedBatch(s, ctx, cachedProcedureDocument, ids, (*reader).procedureDocument)
}

// Events returns the key events with the given IDs; nil where there is none.
func (s *Store) Events(ctx context.Context, ids []ID) ([]*EventRecord, error) {
	return cachedBatch(s, ctx, cachedEvent, ids, (*reader).event)
}

// Claims returns every value each source gives for the single-valued facts of each
// resolution; nil where there is no resolution.
func (s *Store) Claims(ctx context.Context, ids []ID) ([][]Claim, error) {
	return batch(s, ctx, ids, (*reader).claims)
}

// EvidenceOf returns the evidence of each edge, as EdgeEvidence does for one, the first
// `first` entries of each (all when first < 0) and how many there are, under one read lock.
func (s *Store) EvidenceOf(ctx context.Context, edges []Edge, first int) ([]EvidenceList, error) {
	got, err := cachedBatchOf(s, ctx, cachedEvidence, edges,
		func(e Edge) string { return string(EdgeID(e.From, e.Pred, e.To)) + "/" + strconv.Itoa(first) },
		func(r *reader, e Edge) *EvidenceList {
			l := r.edgeEvidence(e, first)
			return &l
		})
	if err != nil {
		return nil, err
	}
	out := make([]EvidenceList, len(edges))
	for i, l := range got {
		if l != nil {
			out[i] = *l
		}
	}
	return out, nil
}

func (r *reader) procedureDocument(id ID) *ProcedureDocumentRecord {
	qs := r.out(id)
	if !hasKind(qs, KindProcedureDocument) {
		return nil
	}
	return &ProcedureDocumentRecord{
		ID:          id,
		Reference:   str(r.latest(qs, pReference)),
		Kind:        DocumentKind(str(r.latest(qs, pDocumentKind))),
		Label:       str(r.latest(qs, pLabel)),
		Author:      str(r.latest(qs, pAuthor)),
		Date:        date(r.latest(qs, pDate)),
		ELI:         str(r.latest(qs, pELI)),
		URL:         str(r.latest(qs, pURL)),
		Resolutions: sortedIDs(r.in(id, HasDocument)),
		Replaces:    sortedIDs(objects(qs, Replaces)),
		ReplacedBy:  sortedIDs(r.in(id, Replaces)),
		AdoptedAs:   sortedIDs(objects(qs, AdoptedAs)),
		AdoptedFrom: sortedIDs(r.in(id, AdoptedAs)),
		Texts:       r.byIngest(r.in(id, TextOf)),
		Sources:     r.byIngest(r.sources(qs)),
		Evidence:    r.sourceEvidence(id, qs),
	}
}

func (r *reader) event(id ID) *EventRecord {
	qs := r.out(id)
	if !hasKind(qs, KindEvent) {
		return nil
	}
	return &EventRecord{
		ID:         id,
		Date:       date(r.latest(qs, pDate)),
		Name:       str(r.latest(qs, pLabel)),
		Resolution: first(sortedIDs(r.in(id, HasEvent))),
		Documents:  sortedIDs(objects(qs, DocumentedBy)),
		Evidence:   r.sourceEvidence(id, qs),
	}
}

// procedureParts fills in what a resolution's record says of its procedure: its documents,
// key events, citations both ways and recipients.
func (r *reader) procedureParts(rec *ResolutionRecord, qs []fact) {
	rec.ELI = str(r.latest(qs, pELI))
	rec.Documents = r.byDateThen(objects(qs, HasDocument), pReference)
	rec.Events = r.byDateThen(objects(qs, HasEvent), pLabel)
	rec.Recipients = sortedIDs(objects(qs, ForwardedTo))
	var cites []ID
	for _, c := range objects(qs, Cites) {
		cites = append(cites, r.cited(c)...)
	}
	rec.Cites = r.newestFirst(distinct(cites))
	citers := r.in(rec.ID, Cites)
	for _, alias := range objects(qs, CitedAs) {
		citers = append(citers, r.in(alias, Cites)...)
	}
	rec.CitedBy = r.newestFirst(distinct(citers))
}

// cited is what a CITES edge to node c reaches: c itself when it is a resolution known by its
// reference; else the resolutions that are CITED_AS c; else c, the node the citation created.
func (r *reader) cited(c ID) []ID {
	if r.anyValue(pattern{s: c.IRI(), p: pReference}, quad.Object) != nil {
		return []ID{c}
	}
	if same := r.in(c, CitedAs); len(same) > 0 {
		return same
	}
	return []ID{c}
}

// byDateThen sorts procedure documents or events by date (undated last), then by a string
// property (reference, name), then ID.
func (r *reader) byDateThen(ids []ID, p quad.IRI) []ID {
	type key struct {
		d    PartialDate
		name string
	}
	return sortByKey(ids, func(id ID) key {
		qs := r.props(id, pDate, p)
		return key{date(r.latest(qs, pDate)), str(r.latest(qs, p))}
	}, func(a, b key) int {
		switch {
		case a.d.IsZero() != b.d.IsZero():
			if a.d.IsZero() {
				return 1
			}
			return -1
		case a.d.Before(b.d):
			return -1
		case b.d.Before(a.d):
			return 1
		}
		return cmp.Compare(a.name, b.name)
	})
}

// claimProps are the single-valued facts of a resolution that claims report, in order.
var claimProps = []struct {
	name string
	p    quad.IRI
}{
	{"reference", pReference}, {"title", pTitle}, {"adopted", pAdopted}, {"stage", pStage},
	{"procedureType", pProcedureType}, {"eli", pELI},
}

func (r *reader) claims(id ID) []Claim {
	qs := r.out(id)
	if !hasKind(qs, KindResolution) {
		return nil
	}
	var out []Claim
	for _, cp := range claimProps {
		for _, f := range qs {
			if f.p != cp.p {
				continue
			}
			lang := ""
			if ls, ok := f.o.(quad.LangString); ok {
				lang = ls.Lang
			}
			for _, l := range r.labelsOf(f) {
				if doc := idOfValue(l); doc != "" {
					out = append(out, Claim{Property: cp.name, Lang: lang, Value: str(f.o), Document: doc})
				}
			}
		}
	}
	out = append(out, r.voteClaims(qs)...)
	order := map[string]int{}
	for i, cp := range claimProps {
		order[cp.name] = i
	}
	order["vote"] = len(claimProps)
	slices.SortStableFunc(out, func(a, b Claim) int {
		return cmp.Or(cmp.Compare(order[a.Property], order[b.Property]), cmp.Compare(a.Lang, b.Lang),
			r.docTime(a.Document.IRI()).Compare(r.docTime(b.Document.IRI())), cmp.Compare(a.Document, b.Document),
			cmp.Compare(a.Value, b.Value))
	})
	return out
}

// voteClaims gives one claim per document that states a vote, with its figures and span.
func (r *reader) voteClaims(qs []fact) []Claim {
	votes := map[ID]*Vote{}
	spans := map[ID]Span{}
	var docs []ID
	for _, f := range qs {
		if f.p != pVotesFor && f.p != pVotesAgainst && f.p != pVotesAbstention && f.p != pVoteEvidence {
			continue
		}
		for _, l := range r.labelsOf(f) {
			doc := idOfValue(l)
			if doc == "" {
				continue
			}
			v, ok := votes[doc]
			if !ok {
				v = &Vote{}
				votes[doc] = v
				docs = append(docs, doc)
			}
			switch f.p {
			case pVotesFor:
				v.For = integer(f.o)
			case pVotesAgainst:
				v.Against = integer(f.o)
			case pVotesAbstention:
				v.Abstentions = integer(f.o)
			case pVoteEvidence:
				if sp, ok := parseSpan(f.o); ok {
					spans[doc] = sp
				}
			}
		}
	}
	out := make([]Claim, 0, len(docs))
	for _, doc := range docs {
		v := votes[doc]
		c := Claim{Property: "vote", Value: strconv.Itoa(v.For) + "/" + strconv.Itoa(v.Against) + "/" + strconv.Itoa(v.Abstentions), Vote: v, Document: doc}
		if sp, ok := spans[doc]; ok {
			c.Evidence = &sp
		}
		out = append(out, c)
	}
	return out
}

// distinct sorts ids and drops repeats; it is nil when there are none.
func distinct(ids []ID) []ID {
	if len(ids) == 0 {
		return nil
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}
