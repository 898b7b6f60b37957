package graph

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"time"

	"github.com/cayleygraph/quad"
)

// Reads build each record from the node's own quads (one subject scan, labels included) and
// from in-edge scans of the predicates the record needs (object+predicate index: a hub such
// as a country is never scanned whole). When documents disagree on a single-valued property
// (a vote, a date, a stage, a title or name in one language), the value of the most recently
// ingested document wins; every value stays in the graph. ID lists hold no duplicates and are
// ordered as records.go says; lists whose order it leaves open are sorted by ID.

// Kinds returns the kind of each node, "" where there is none.
func (s *Store) Kinds(ctx context.Context, ids []ID) ([]NodeKind, error) {
	return batch(s, ctx, ids, func(r *reader, id ID) NodeKind {
		vals := r.values(pattern{s: id.IRI(), p: pKind}, quad.Object)
		if len(vals) == 0 {
			return ""
		}
		kinds := make([]string, len(vals))
		for i, v := range vals {
			kinds[i] = str(v)
		}
		return NodeKind(slices.Min(kinds))
	})
}

// Resolutions returns the resolutions with the given IDs; nil where there is none.
func (s *Store) Resolutions(ctx context.Context, ids []ID) ([]*ResolutionRecord, error) {
	return batch(s, ctx, ids, (*reader).resolution)
}

// Countries returns the countries with the given IDs; nil where there is none.
func (s *Store) Countries(ctx context.Context, ids []ID) ([]*CountryRecord, error) {
	return batch(s, ctx, ids, (*reader).country)
}

// Agreements returns the agreements with the given IDs; nil where there is none.
func (s *Store) Agreements(ctx context.Context, ids []ID) ([]*AgreementRecord, error) {
	return batch(s, ctx, ids, (*reader).agreement)
}

// Institutions returns the institutions with the given IDs; nil where there is none.
func (s *Store) Institutions(ctx context.Context, ids []ID) ([]*InstitutionRecord, error) {
	return batch(s, ctx, ids, (*reader).institution)
}

// Demands returns the demands with the given IDs; nil where there is none.
func (s *Store) Demands(ctx context.Context, ids []ID) ([]*DemandRecord, error) {
	return batch(s, ctx, ids, (*reader).demand)
}

// Stances returns the stances with the given IDs; nil where there is none.
func (s *Store) Stances(ctx context.Context, ids []ID) ([]*StanceRecord, error) {
	return batch(s, ctx, ids, (*reader).stance)
}

// Topics returns the topics with the given IDs; nil where there is none.
func (s *Store) Topics(ctx context.Context, ids []ID) ([]*TopicRecord, error) {
	return batch(s, ctx, ids, (*reader).topic)
}

// Documents returns the documents with the given IDs; nil where there is none.
func (s *Store) Documents(ctx context.Context, ids []ID) ([]*DocumentRecord, error) {
	return batch(s, ctx, ids, (*reader).document)
}

// batch runs one lookup per distinct ID under one read lock, sharing what it learns about
// documents (ingest times, texts) between them.
func batch[T any](s *Store, ctx context.Context, ids []ID, one func(*reader, ID) T) ([]T, error) {
	unlock, err := s.readLock()
	if err != nil {
		return nil, err
	}
	defer unlock()
	r := s.newReader(ctx)
	out := make([]T, len(ids))
	done := map[ID]int{}
	for i, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if j, ok := done[id]; ok {
			out[i] = out[j]
			continue
		}
		if id != "" {
			out[i] = one(r, id)
		}
		if r.err != nil {
			return nil, r.err
		}
		done[id] = i
	}
	return out, nil
}

// reader is one read call: it keeps the first error (later lookups then return nothing)
// and caches facts about documents.
type reader struct {
	s        *Store
	ctx      context.Context
	err      error
	docTimes map[quad.Value]time.Time
	docTexts map[ID]string
}

func (s *Store) newReader(ctx context.Context) *reader {
	return &reader{s: s, ctx: ctx, docTimes: map[quad.Value]time.Time{}, docTexts: map[ID]string{}}
}

func (r *reader) match(pt pattern) []quad.Quad {
	if r.err != nil {
		return nil
	}
	q, err := r.s.match(r.ctx, pt)
	r.err = err
	return q
}

func (r *reader) values(pt pattern, d quad.Direction) []quad.Value {
	if r.err != nil {
		return nil
	}
	v, err := r.s.values(r.ctx, pt, d)
	r.err = err
	return v
}

// in returns the distinct subjects of the node's in-edges of a predicate.
func (r *reader) in(id ID, p Predicate) []ID {
	if r.err != nil {
		return nil
	}
	ids, err := r.s.ids(r.ctx, pattern{o: id.IRI(), p: p.IRI()}, quad.Subject)
	r.err = err
	return ids
}

// out returns the node's quads with it as subject, labels included.
func (r *reader) out(id ID) []quad.Quad { return r.match(pattern{s: id.IRI()}) }

// docTime is when the document named by a label was ingested (zero if unknown).
func (r *reader) docTime(label quad.Value) time.Time {
	if label == nil {
		return time.Time{}
	}
	if t, ok := r.docTimes[label]; ok {
		return t
	}
	var t time.Time
	for _, q := range r.match(pattern{s: label, p: pIngestedAt}) {
		if v, ok := q.Object.(quad.Time); ok && time.Time(v).After(t) {
			t = time.Time(v)
		}
	}
	r.docTimes[label] = t
	return t
}

// newer orders quads by the ingest time of their documents, then by label, then by value,
// so that the choice among disagreeing documents is deterministic.
func (r *reader) newer(a, b quad.Quad) bool {
	ta, tb := r.docTime(a.Label), r.docTime(b.Label)
	if !ta.Equal(tb) {
		return ta.After(tb)
	}
	if la, lb := quad.ToString(a.Label), quad.ToString(b.Label); la != lb {
		return la > lb
	}
	return quad.ToString(a.Object) > quad.ToString(b.Object)
}

// latestQuad is the quad of a predicate from the most recently ingested document.
func (r *reader) latestQuad(qs []quad.Quad, p quad.IRI) (quad.Quad, bool) {
	var best quad.Quad
	found := false
	for _, q := range qs {
		if q.Predicate == p && (!found || r.newer(q, best)) {
			best, found = q, true
		}
	}
	return best, found
}

func (r *reader) latest(qs []quad.Quad, p quad.IRI) quad.Value {
	q, _ := r.latestQuad(qs, p)
	return q.Object
}

// langMap gathers language-tagged values of a predicate: language → value, the most recent
// document winning within a language.
func (r *reader) langMap(qs []quad.Quad, p quad.IRI) map[string]string {
	best := map[string]quad.Quad{}
	for _, q := range qs {
		ls, ok := q.Object.(quad.LangString)
		if !ok || q.Predicate != p {
			continue
		}
		if b, ok := best[ls.Lang]; !ok || r.newer(q, b) {
			best[ls.Lang] = q
		}
	}
	out := make(map[string]string, len(best))
	for lang, q := range best {
		out[lang] = str(q.Object)
	}
	return out
}

// objects returns the distinct node IDs the node's edges of a predicate point to.
func objects(qs []quad.Quad, p Predicate) []ID {
	iri := p.IRI()
	var out []ID
	for _, q := range qs {
		if q.Predicate == iri {
			if id := idOfValue(q.Object); id != "" && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}

func hasKind(qs []quad.Quad, k NodeKind) bool {
	for _, q := range qs {
		if q.Predicate == pKind && str(q.Object) == string(k) {
			return true
		}
	}
	return false
}

func (r *reader) resolution(id ID) *ResolutionRecord {
	qs := r.out(id)
	if !hasKind(qs, KindResolution) {
		return nil
	}
	rec := &ResolutionRecord{
		ID:         id,
		Reference:  str(r.latest(qs, pReference)),
		Titles:     r.langMap(qs, pTitle),
		Adopted:    date(r.latest(qs, pAdopted)),
		Stage:      str(r.latest(qs, pStage)),
		Vote:       r.vote(qs),
		TabledBy:   r.byCode(objects(qs, TabledBy)),
		AdoptedBy:  sortedIDs(objects(qs, AdoptedBy)),
		Concerns:   r.byCode(objects(qs, Concerns)),
		Mentions:   r.byCode(objects(qs, Mentions)),
		Agreements: sortedIDs(objects(qs, RefersTo)),
		Demands:    r.sourceOrder(objects(qs, HasDemand)),
		Stances:    r.sourceOrder(objects(qs, HasStance)),
		Sources:    r.byIngest(objects(qs, SourcePred)),
	}
	return rec
}

// vote takes all three figures from the most recent document that gives a vote.
func (r *reader) vote(qs []quad.Quad) *Vote {
	q, ok := r.latestQuad(qs, pVotesFor)
	if !ok {
		return nil
	}
	v := &Vote{}
	for _, o := range qs {
		if o.Label != q.Label {
			continue
		}
		switch o.Predicate {
		case pVotesFor:
			v.For = integer(o.Object)
		case pVotesAgainst:
			v.Against = integer(o.Object)
		case pVotesAbstention:
			v.Abstentions = integer(o.Object)
		}
	}
	return v
}

func (r *reader) country(id ID) *CountryRecord {
	qs := r.out(id)
	if !hasKind(qs, KindCountry) {
		return nil
	}
	return &CountryRecord{
		ID:           id,
		Code:         str(r.latest(qs, pCode)),
		Names:        r.langMap(qs, pName),
		Agreements:   sortedIDs(objects(qs, PartyTo)),
		Institutions: sortedIDs(r.in(id, BelongsTo)),
	}
}

func (r *reader) agreement(id ID) *AgreementRecord {
	qs := r.out(id)
	if !hasKind(qs, KindAgreement) {
		return nil
	}
	return &AgreementRecord{
		ID:          id,
		Kind:        AgreementKind(str(r.latest(qs, pAgreementKind))),
		Names:       r.langMap(qs, pName),
		Parties:     sortedIDs(r.in(id, PartyTo)),
		Signed:      date(r.latest(qs, pSigned)),
		InForce:     date(r.latest(qs, pInForce)),
		Resolutions: r.newestFirst(r.in(id, RefersTo)),
		Demands:     sortedIDs(r.in(id, Targets)),
	}
}

func (r *reader) institution(id ID) *InstitutionRecord {
	qs := r.out(id)
	if !hasKind(qs, KindInstitution) {
		return nil
	}
	rec := &InstitutionRecord{
		ID:      id,
		Key:     str(r.latest(qs, pKey)),
		Kind:    InstitutionKind(str(r.latest(qs, pInstitutionKind))),
		Code:    str(r.latest(qs, pCode)),
		Names:   r.langMap(qs, pName),
		Demands: sortedIDs(r.in(id, AddressedTo)),
	}
	if q, ok := r.latestQuad(qs, BelongsTo.IRI()); ok {
		rec.Country = idOfValue(q.Object)
	}
	return rec
}

func (r *reader) demand(id ID) *DemandRecord {
	qs := r.out(id)
	if !hasKind(qs, KindDemand) {
		return nil
	}
	return &DemandRecord{
		ID:         id,
		Text:       str(r.latest(qs, pText)),
		Position:   integer(r.latest(qs, pPosition)),
		Resolution: first(sortedIDs(r.in(id, HasDemand))),
		Addressees: sortedIDs(objects(qs, AddressedTo)),
		Topics:     sortedIDs(objects(qs, About)),
		Agreements: sortedIDs(objects(qs, Targets)),
		Evidence:   r.sourceEvidence(id, qs),
	}
}

func (r *reader) stance(id ID) *StanceRecord {
	qs := r.out(id)
	if !hasKind(qs, KindStance) {
		return nil
	}
	return &StanceRecord{
		ID:         id,
		Kind:       StanceKind(str(r.latest(qs, pStanceKind))),
		Text:       str(r.latest(qs, pText)),
		Position:   integer(r.latest(qs, pPosition)),
		Resolution: first(sortedIDs(r.in(id, HasStance))),
		Evidence:   r.sourceEvidence(id, qs),
	}
}

// sourceEvidence is the evidence of a node's SOURCE edge to its most recent document.
func (r *reader) sourceEvidence(id ID, qs []quad.Quad) Evidence {
	q, ok := r.latestQuad(qs, SourcePred.IRI())
	if !ok {
		return Evidence{}
	}
	doc := idOfValue(q.Object)
	for _, ev := range r.edgeEvidence(id, SourcePred, doc) {
		if ev.Document == doc {
			return ev
		}
	}
	return Evidence{Document: doc}
}

func (r *reader) topic(id ID) *TopicRecord {
	qs := r.out(id)
	if !hasKind(qs, KindTopic) {
		return nil
	}
	return &TopicRecord{
		ID:      id,
		Key:     str(r.latest(qs, pKey)),
		Names:   r.langMap(qs, pName),
		Demands: sortedIDs(r.in(id, About)),
	}
}

func (r *reader) document(id ID) *DocumentRecord {
	label := id.IRI()
	var qs []quad.Quad
	for _, q := range r.out(id) {
		if q.Label == label { // a document's own facts are labelled with it
			qs = append(qs, q)
		}
	}
	if !hasKind(qs, KindDocument) {
		return nil
	}
	rec := &DocumentRecord{
		ID:       id,
		Key:      str(r.latest(qs, pKey)),
		Kind:     DocumentKind(str(r.latest(qs, pDocumentKind))),
		Format:   str(r.latest(qs, pFormat)),
		Language: str(r.latest(qs, pLanguage)),
		SHA256:   str(r.latest(qs, pSHA256)),
		Name:     str(r.latest(qs, pFileName)),
		Text:     str(r.latest(qs, pText)),
	}
	if t, ok := r.latest(qs, pIngestedAt).(quad.Time); ok {
		rec.IngestedAt = time.Time(t)
	}
	r.docTexts[id] = rec.Text
	return rec
}

// docText is a document's normalised text, for quotes.
func (r *reader) docText(id ID) string {
	if t, ok := r.docTexts[id]; ok {
		return t
	}
	var text string
	for _, q := range r.match(pattern{s: id.IRI(), p: pText, l: id.IRI()}) {
		text = str(q.Object)
	}
	r.docTexts[id] = text
	return text
}

// --- orders ---

// byCode sorts nodes by their code (countries, political groups), then ID.
func (r *reader) byCode(ids []ID) []ID {
	return r.sortBy(ids, func(id ID) string {
		return str(r.latest(r.match(pattern{s: id.IRI(), p: pCode}), pCode))
	})
}

func (r *reader) sortBy(ids []ID, key func(ID) string) []ID {
	keys := make(map[ID]string, len(ids))
	for _, id := range ids {
		keys[id] = key(id)
	}
	slices.SortFunc(ids, func(a, b ID) int {
		return cmp.Or(cmp.Compare(keys[a], keys[b]), cmp.Compare(a, b))
	})
	return ids
}

// byIngest sorts documents by ingest time, oldest first, then ID.
func (r *reader) byIngest(ids []ID) []ID {
	slices.SortFunc(ids, func(a, b ID) int {
		return cmp.Or(r.docTime(a.IRI()).Compare(r.docTime(b.IRI())), cmp.Compare(a, b))
	})
	return ids
}

// sourceOrder sorts demands or stances by document (ingest time, then ID), then position.
func (r *reader) sourceOrder(ids []ID) []ID {
	type key struct {
		t   time.Time
		doc string
		pos int
	}
	keys := make(map[ID]key, len(ids))
	for _, id := range ids {
		if q, ok := r.latestQuad(r.match(pattern{s: id.IRI(), p: pPosition}), pPosition); ok {
			keys[id] = key{r.docTime(q.Label), quad.ToString(q.Label), integer(q.Object)}
		}
	}
	slices.SortFunc(ids, func(a, b ID) int {
		ka, kb := keys[a], keys[b]
		return cmp.Or(ka.t.Compare(kb.t), cmp.Compare(ka.doc, kb.doc), cmp.Compare(ka.pos, kb.pos), cmp.Compare(a, b))
	})
	return ids
}

// newestFirst sorts resolutions by adoption date, newest first (unknown dates last), then
// by reference.
func (r *reader) newestFirst(ids []ID) []ID {
	type key struct {
		adopted PartialDate
		ref     string
	}
	keys := make(map[ID]key, len(ids))
	for _, id := range ids {
		qs := r.match(pattern{s: id.IRI(), p: pAdopted})
		qs = append(qs, r.match(pattern{s: id.IRI(), p: pReference})...)
		keys[id] = key{date(r.latest(qs, pAdopted)), str(r.latest(qs, pReference))}
	}
	slices.SortFunc(ids, func(a, b ID) int {
		ka, kb := keys[a], keys[b]
		switch {
		case kb.adopted.Before(ka.adopted):
			return -1
		case ka.adopted.Before(kb.adopted):
			return 1
		}
		return cmp.Or(cmp.Compare(ka.ref, kb.ref), cmp.Compare(a, b))
	})
	return ids
}

func sortedIDs(ids []ID) []ID {
	slices.Sort(ids)
	return ids
}

func first(ids []ID) ID {
	if len(ids) == 0 {
		return ""
	}
	return ids[0]
}

// --- literals ---

// str is the lexical form of a literal, without quotes, language or type.
func str(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.String:
		return string(v)
	case quad.LangString:
		return string(v.Value)
	case quad.TypedString:
		return string(v.Value)
	case quad.IRI:
		return string(v)
	case quad.Int:
		return strconv.FormatInt(int64(v), 10)
	}
	return v.String()
}

func integer(v quad.Value) int {
	switch v := v.(type) {
	case quad.Int:
		return int(v)
	case nil:
		return 0
	}
	n, _ := strconv.Atoi(str(v))
	return n
}

func date(v quad.Value) PartialDate {
	d, err := ParsePartialDate(str(v))
	if err != nil {
		return PartialDate{}
	}
	return d
}
