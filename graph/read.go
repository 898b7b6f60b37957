package graph

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
)

// Reads build each record from the node's own quads (one subject scan, labels included) and
// from in-edge scans of the predicates the record needs (object+predicate index: a hub such
// as a country is never scanned whole). When documents disagree on a single-valued property
// (a vote, a date, a stage, a title or name in one language), the value of the most recently
// ingested document wins; every value stays in the graph. ID lists hold no duplicates and are
// ordered as records.go says; lists whose order it leaves open are sorted by ID.

// Kinds returns the kind of each node, "" where there is none, from the view.
func (s *Store) Kinds(ctx context.Context, ids []ID) ([]NodeKind, error) {
	out := make([]NodeKind, len(ids))
	err := s.viewRead(ctx, func(v *view) {
		for i, id := range ids {
			if n, ok := v.lookup(id); ok {
				out[i] = v.kindOf(n)
			}
		}
	})
	return out, err
}

// Resolutions returns the resolutions with the given IDs; nil where there is none.
func (s *Store) Resolutions(ctx context.Context, ids []ID) ([]*ResolutionRecord, error) {
	return cachedBatch(s, ctx, cachedResolution, ids, (*reader).resolution)
}

// Countries returns the countries with the given IDs; nil where there is none.
func (s *Store) Countries(ctx context.Context, ids []ID) ([]*CountryRecord, error) {
	return viewRecords(s, ctx, ids, (*view).countryRecord, KindCountry)
}

// Agreements returns the agreements with the given IDs; nil where there is none.
func (s *Store) Agreements(ctx context.Context, ids []ID) ([]*AgreementRecord, error) {
	return viewRecords(s, ctx, ids, (*view).agreementRecord, KindAgreement)
}

// Institutions returns the institutions with the given IDs; nil where there is none.
func (s *Store) Institutions(ctx context.Context, ids []ID) ([]*InstitutionRecord, error) {
	return viewRecords(s, ctx, ids, (*view).institutionRecord, KindInstitution)
}

// Demands returns the demands with the given IDs; nil where there is none.
func (s *Store) Demands(ctx context.Context, ids []ID) ([]*DemandRecord, error) {
	return cachedBatch(s, ctx, cachedDemand, ids, (*reader).demand)
}

// Stances returns the stances with the given IDs; nil where there is none.
func (s *Store) Stances(ctx context.Context, ids []ID) ([]*StanceRecord, error) {
	return cachedBatch(s, ctx, cachedStance, ids, (*reader).stance)
}

// Topics returns the topics with the given IDs; nil where there is none.
func (s *Store) Topics(ctx context.Context, ids []ID) ([]*TopicRecord, error) {
	return viewRecords(s, ctx, ids, (*view).topicRecord, KindTopic)
}

// Documents returns the documents with the given IDs; nil where there is none. Documents
// carry their whole text and are not cached.
func (s *Store) Documents(ctx context.Context, ids []ID) ([]*DocumentRecord, error) {
	return batch(s, ctx, ids, (*reader).document)
}

// cachedBatch is batch through the record cache: records no write has touched since they
// were read are served from it, the others read and stored with the nodes they were read
// from (see recordCache). Records are shared between callers: they must not be modified.
func cachedBatch[T any](s *Store, ctx context.Context, kind byte, ids []ID, one func(*reader, ID) *T) ([]*T, error) {
	return cachedBatchOf(s, ctx, kind, ids, func(id ID) string { return string(id) }, one)
}

// cachedBatchOf is cachedBatch for records found by keys of any type; name gives the key
// under which a record is cached (distinct keys, distinct names). A nil record is not cached:
// absent nodes are what a write creates.
func cachedBatchOf[K comparable, T any](s *Store, ctx context.Context, kind byte, keys []K, name func(K) string, one func(*reader, K) *T) ([]*T, error) {
	gen := s.cache.generation()
	out := make([]*T, len(keys))
	var missing []K
	var at []int
	for i, k := range keys {
		if v, ok := s.cache.get(cacheKey{kind, name(k)}, gen); ok {
			out[i] = v.(*T)
			continue
		}
		missing = append(missing, k)
		at = append(at, i)
	}
	if len(missing) == 0 {
		return out, nil
	}
	got, deps, err := batchDeps(s, ctx, missing, one)
	if err != nil {
		return nil, err
	}
	cks := make([]cacheKey, 0, len(missing))
	vals := make([]any, 0, len(missing))
	ds := make([][]uint32, 0, len(missing))
	for j, k := range missing {
		out[at[j]] = got[j]
		if got[j] != nil {
			cks, vals, ds = append(cks, cacheKey{kind, name(k)}), append(vals, got[j]), append(ds, deps[j])
		}
	}
	s.cache.put(gen, cks, vals, ds)
	return out, nil
}

// batch runs one lookup per distinct key under one read lock, sharing what it learns about
// documents (ingest times, texts) between them; the zero key gives the zero record.
func batch[K comparable, T any](s *Store, ctx context.Context, ids []K, one func(*reader, K) T) ([]T, error) {
	out, _, err := batchDeps(s, ctx, ids, one)
	return out, err
}

// batchDeps is batch, and gives for each key the cache slots of the nodes its lookup read
// from (see recordCache), sorted, each once.
func batchDeps[K comparable, T any](s *Store, ctx context.Context, ids []K, one func(*reader, K) T) ([]T, [][]uint32, error) {
	unlock, err := s.readLock()
	if err != nil {
		return nil, nil, err
	}
	defer unlock()
	r := s.newReader(ctx)
	out := make([]T, len(ids))
	deps := make([][]uint32, len(ids))
	done := map[K]int{}
	var zero K
	for i, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		if j, ok := done[id]; ok {
			out[i], deps[i] = out[j], deps[j]
			continue
		}
		if id != zero {
			r.deps = r.deps[:0]
			out[i] = one(r, id)
			deps[i] = slices.Compact(slices.Sorted(slices.Values(r.deps)))
		}
		if r.err != nil {
			return nil, nil, r.err
		}
		done[id] = i
	}
	return out, deps, nil
}

// reader is one read call: it keeps the first error (later lookups then return nothing)
// and caches facts about documents.
type reader struct {
	s        *Store
	ctx      context.Context
	err      error
	docTimes map[quad.Value]time.Time
	docTexts map[ID]string
	labels   map[any]quad.Value // label references resolved so far
	// deps are the cache slots of the nodes the current lookup read from (see recordCache):
	// every read below notes the nodes its pattern names, whether the store answers it or
	// one of the maps above.
	deps []uint32
}

// dep notes that the current lookup read from the nodes vs (nil ones are skipped).
func (r *reader) dep(vs ...quad.Value) {
	for _, v := range vs {
		if v != nil {
			r.deps = append(r.deps, r.s.cache.slot(v))
		}
	}
}

// depOn notes the nodes a pattern names.
func (r *reader) depOn(pt pattern) { r.dep(pt.s, pt.o, pt.l) }

func (s *Store) newReader(ctx context.Context) *reader {
	return &reader{s: s, ctx: ctx, docTimes: map[quad.Value]time.Time{}, docTexts: map[ID]string{}, labels: map[any]quad.Value{}}
}

func (r *reader) match(pt pattern) []quad.Quad {
	r.depOn(pt)
	if r.err != nil {
		return nil
	}
	q, err := r.s.match(r.ctx, pt)
	r.err = err
	return q
}

// in returns the distinct subjects of the node's in-edges of a predicate.
func (r *reader) in(id ID, p Predicate) []ID {
	r.dep(id.IRI())
	if r.err != nil {
		return nil
	}
	ids, err := r.s.ids(r.ctx, pattern{o: id.IRI(), p: p.IRI()}, quad.Subject)
	r.err = err
	return ids
}

// out returns the node's facts: its quads with it as subject, grouped by predicate and object.
func (r *reader) out(id ID) []fact { return r.facts(pattern{s: id.IRI()}) }

// props returns the node's facts of some predicates only: for nodes with edges a record does
// not need (the EU is a party to every agreement), on kv stores it reads only those predicates'
// index lists. Elsewhere it filters out(id), one query.
func (r *reader) props(id ID, preds ...quad.IRI) []fact {
	r.dep(id.IRI())
	if r.err != nil {
		return nil
	}
	if !r.s.kvFast() {
		return slices.DeleteFunc(r.out(id), func(f fact) bool {
			return !slices.ContainsFunc(preds, func(p quad.IRI) bool { return f.p == p })
		})
	}
	vals := make([]quad.Value, len(preds))
	for i, p := range preds {
		vals[i] = p
	}
	fs, err := r.s.kvFacts(r.ctx, id.IRI(), vals)
	r.err = err
	return fs
}

func (r *reader) facts(pt pattern) []fact {
	r.depOn(pt)
	if r.err != nil {
		return nil
	}
	fs, err := r.s.facts(r.ctx, pt)
	r.err = err
	return fs
}

// labelsOf resolves (and caches) the labels of a fact.
func (r *reader) labelsOf(f fact) []quad.Value {
	labels := f.labels
	if f.more != nil && r.err == nil {
		if err := r.s.kvLoadLabels(r.ctx, f.more); err != nil {
			r.err = err
			return nil
		}
		labels = append(slices.Clip(labels), f.more.labels...)
	}
	var missing []refs.Ref
	for _, l := range labels {
		if _, ok := r.labels[l.Key()]; !ok {
			missing = append(missing, l)
		}
	}
	if len(missing) > 0 && r.err == nil {
		vals, err := cgraph.ValuesOf(r.ctx, r.s.qs, missing)
		if err != nil {
			r.err = err
			return nil
		}
		for i, l := range missing {
			r.labels[l.Key()] = vals[i]
		}
	}
	out := make([]quad.Value, 0, len(labels))
	for _, l := range labels {
		if v := r.labels[l.Key()]; v != nil {
			out = append(out, v)
		}
	}
	return out
}

// docTime is when the document named by a label was ingested (zero if unknown).
func (r *reader) docTime(label quad.Value) time.Time {
	if label == nil {
		return time.Time{}
	}
	r.dep(label)
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

// newerLabel orders the documents stating something: by ingest time, then by label, so that
// the choice among disagreeing documents is deterministic.
func (r *reader) newerLabel(a, b quad.Value) bool {
	ta, tb := r.docTime(a), r.docTime(b)
	if !ta.Equal(tb) {
		return ta.After(tb)
	}
	return quad.ToString(a) > quad.ToString(b)
}

// latestLabelled is the fact of a predicate stated by the most recently ingested document,
// and that document's label.
func (r *reader) latestLabelled(fs []fact, p quad.IRI) (fact, quad.Value, bool) {
	var (
		best      fact
		bestLabel quad.Value
		found     bool
	)
	for _, f := range fs {
		if f.p != p {
			continue
		}
		for _, l := range r.labelsOf(f) {
			if !found || r.newerLabel(l, bestLabel) ||
				l == bestLabel && quad.ToString(f.o) > quad.ToString(best.o) {
				best, bestLabel, found = f, l, true
			}
		}
	}
	return best, bestLabel, found
}

// latest is the value of a single-valued property: the only one when the documents agree
// (no document is looked at), else that of the most recently ingested document.
func (r *reader) latest(fs []fact, p quad.IRI) quad.Value {
	var only quad.Value
	n := 0
	for _, f := range fs {
		if f.p == p {
			only = f.o
			n++
		}
	}
	if n <= 1 {
		return only
	}
	f, _, _ := r.latestLabelled(fs, p)
	return f.o
}

// langMap gathers language-tagged values of a predicate: language → value, the most recent
// document winning within a language.
func (r *reader) langMap(fs []fact, p quad.IRI) map[string]string {
	byLang := map[string][]fact{}
	for _, f := range fs {
		if ls, ok := f.o.(quad.LangString); ok && f.p == p {
			byLang[ls.Lang] = append(byLang[ls.Lang], f)
		}
	}
	out := make(map[string]string, len(byLang))
	for lang, lfs := range byLang {
		out[lang] = str(r.latest(lfs, p))
	}
	return out
}

// objects returns the distinct node IDs the node's edges of a predicate point to.
func objects(fs []fact, p Predicate) []ID {
	iri := p.IRI()
	var out []ID
	for _, f := range fs {
		if f.p == iri {
			if id := idOfValue(f.o); id != "" && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}

func hasKind(fs []fact, k NodeKind) bool {
	for _, f := range fs {
		if f.p == pKind && str(f.o) == string(k) {
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
		ID:            id,
		Reference:     str(r.latest(qs, pReference)),
		Titles:        r.langMap(qs, pTitle),
		Adopted:       date(r.latest(qs, pAdopted)),
		Stage:         str(r.latest(qs, pStage)),
		ProcedureType: str(r.latest(qs, pProcedureType)),
		Vote:          r.vote(qs),
		TabledBy:      r.byCode(objects(qs, TabledBy)),
		AdoptedBy:     sortedIDs(objects(qs, AdoptedBy)),
		Concerns:      r.byCode(objects(qs, Concerns)),
		Mentions:      r.byCode(objects(qs, Mentions)),
		Agreements:    sortedIDs(objects(qs, RefersTo)),
		Topics:        r.byTopicKey(objects(qs, HasSubject)),
		Demands:       r.sourceOrder(objects(qs, HasDemand)),
		Stances:       r.sourceOrder(objects(qs, HasStance)),
		Sources:       r.byIngest(r.sources(qs)),
	}
	r.procedureParts(rec, qs)
	return rec
}

// sources are the documents stating a node: the labels of its kind quads.
func (r *reader) sources(fs []fact) []ID {
	var out []ID
	for _, f := range fs {
		if f.p == pKind {
			for _, l := range r.labelsOf(f) {
				if id := idOfValue(l); id != "" && !slices.Contains(out, id) {
					out = append(out, id)
				}
			}
		}
	}
	return out
}

// vote takes all three figures from the most recent document that gives a vote.
func (r *reader) vote(fs []fact) *Vote {
	_, label, ok := r.latestLabelled(fs, pVotesFor)
	if !ok {
		return nil
	}
	v := &Vote{}
	for _, f := range fs {
		if f.p != pVotesFor && f.p != pVotesAgainst && f.p != pVotesAbstention ||
			!slices.Contains(r.labelsOf(f), label) {
			continue
		}
		switch f.p {
		case pVotesFor:
			v.For = integer(f.o)
		case pVotesAgainst:
			v.Against = integer(f.o)
		case pVotesAbstention:
			v.Abstentions = integer(f.o)
		}
	}
	return v
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

// sourceEvidence is a node's own span in its most recent document.
func (r *reader) sourceEvidence(id ID, fs []fact) Evidence {
	_, label, ok := r.latestLabelled(fs, pKind)
	doc := idOfValue(label)
	if !ok || doc == "" {
		return Evidence{}
	}
	ev := Evidence{Document: doc, Span: r.nodeSpan(id, doc)}
	ev.Quote, _ = Quote(r.docText(doc), ev.Span)
	return ev
}

func (r *reader) document(id ID) *DocumentRecord {
	qs := r.out(id) // a document node's facts are all labelled with it
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
	rec.ProcedureDocument = first(sortedIDs(objects(qs, TextOf)))
	if t, ok := r.latest(qs, pIngestedAt).(quad.Time); ok {
		rec.IngestedAt = time.Time(t)
	}
	r.docTexts[id] = rec.Text
	return rec
}

// docText is a document's normalised text, for quotes.
func (r *reader) docText(id ID) string {
	r.dep(id.IRI())
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

// byCode sorts political groups or countries by their code, then ID.
func (r *reader) byCode(ids []ID) []ID { return r.byViewProp(ids, pCode) }

// byTopicKey sorts topics by key, then ID.
func (r *reader) byTopicKey(ids []ID) []ID { return r.byViewProp(ids, pKey) }

func (r *reader) anyValue(pt pattern, d quad.Direction) quad.Value {
	r.depOn(pt)
	if r.err != nil {
		return nil
	}
	v, err := r.s.anyValue(r.ctx, pt, d)
	r.err = err
	return v
}

// sortBy sorts ids by a string key, then ID.
func (r *reader) sortBy(ids []ID, key func(ID) string) []ID {
	return sortByKey(ids, key, cmp.Compare[string])
}

// sortByKey sorts ids by a key, then by ID (see sortKeyed).
func sortByKey[K any](ids []ID, key func(ID) K, compare func(a, b K) int) []ID {
	return sortKeyed(ids, key, compare, cmp.Compare[ID])
}

// sortKeyed sorts xs by a key, then by tie. The key of each element is computed once, before
// sorting: store reads and map lookups happen there, never in the comparator (which runs
// O(n log n) times).
func sortKeyed[E, K any](xs []E, key func(E) K, compare func(a, b K) int, tie func(a, b E) int) []E {
	type keyed struct {
		x E
		k K
	}
	items := make([]keyed, len(xs))
	for i, x := range xs {
		items[i] = keyed{x, key(x)}
	}
	slices.SortFunc(items, func(a, b keyed) int {
		if c := compare(a.k, b.k); c != 0 { // not cmp.Or, which would compute the tie every time
			return c
		}
		return tie(a.x, b.x)
	})
	for i := range items {
		xs[i] = items[i].x
	}
	return xs
}

// byIngest sorts documents by ingest time, oldest first, then ID.
func (r *reader) byIngest(ids []ID) []ID {
	return sortByKey(ids, func(id ID) time.Time { return r.docTime(id.IRI()) }, time.Time.Compare)
}

// sourceOrder sorts demands or stances by document (ingest time, then ID), then position.
func (r *reader) sourceOrder(ids []ID) []ID {
	type key struct {
		t   time.Time
		doc string
		pos int
	}
	return sortByKey(ids, func(id ID) key {
		if f, label, ok := r.latestLabelled(r.facts(pattern{s: id.IRI(), p: pPosition}), pPosition); ok {
			return key{r.docTime(label), quad.ToString(label), integer(f.o)}
		}
		return key{}
	}, func(a, b key) int {
		return cmp.Or(a.t.Compare(b.t), cmp.Compare(a.doc, b.doc), cmp.Compare(a.pos, b.pos))
	})
}

// newestFirst sorts resolutions by adoption date, newest first (unknown dates last), then
// by reference.
func (r *reader) newestFirst(ids []ID) []ID {
	type key struct {
		adopted PartialDate
		ref     string
	}
	return sortByKey(ids, func(id ID) key {
		qs := r.props(id, pAdopted, pReference)
		return key{date(r.latest(qs, pAdopted)), str(r.latest(qs, pReference))}
	}, func(a, b key) int {
		switch {
		case b.adopted.Before(a.adopted):
			return -1
		case a.adopted.Before(b.adopted):
			return 1
		}
		return cmp.Compare(a.ref, b.ref)
	})
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
