package gql_test

import (
	"cmp"
	"context"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/eurel/eurel/graph"
)

// memStore is a small graph.Reader and graph.Writer over hand-made Documents, for testing gql
// without Cayley. It keeps the documents and rebuilds every record from all of them after a
// write, so what it answers is what the documents say, by construction.
type memStore struct {
	mu   sync.Mutex
	docs map[string]*graph.Document // by Source.Key
	idx  *memIndex                  // nil after a write
}

type memIndex struct {
	kinds        map[graph.ID]graph.NodeKind
	resolutions  map[graph.ID]*graph.ResolutionRecord
	countries    map[graph.ID]*graph.CountryRecord
	agreements   map[graph.ID]*graph.AgreementRecord
	institutions map[graph.ID]*graph.InstitutionRecord
	demands      map[graph.ID]*graph.DemandRecord
	stances      map[graph.ID]*graph.StanceRecord
	topics       map[graph.ID]*graph.TopicRecord
	documents    map[graph.ID]*graph.DocumentRecord
}

var (
	_ graph.Reader = (*memStore)(nil)
	_ graph.Writer = (*memStore)(nil)
)

func newMemStore(docs ...*graph.Document) *memStore {
	s := &memStore{docs: map[string]*graph.Document{}}
	for _, d := range docs {
		if _, err := s.Put(context.Background(), d); err != nil {
			panic(err)
		}
	}
	return s
}

func (s *memStore) Put(_ context.Context, doc *graph.Document) (graph.PutResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	res := graph.PutResult{Document: doc.Source.ID(), Status: graph.PutAdded}
	if old, ok := s.docs[doc.Source.Key]; ok {
		if old.Source.SHA256 == doc.Source.SHA256 {
			res.Status = graph.PutUnchanged
			return res, nil
		}
		res.Status = graph.PutReplaced
	}
	s.docs[doc.Source.Key] = doc
	s.idx = nil
	return res, nil
}

func (s *memStore) PutBatch(ctx context.Context, docs []*graph.Document) ([]graph.PutResult, error) {
	out := make([]graph.PutResult, 0, len(docs))
	for _, d := range docs {
		r, err := s.Put(ctx, d)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

func (s *memStore) Delete(_ context.Context, id graph.ID) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, d := range s.docs {
		if d.Source.ID() == id {
			delete(s.docs, k)
			s.idx = nil
			return true, nil
		}
	}
	return false, nil
}

// keys lists the stored documents' keys and digests: a snapshot to compare before and after.
func (s *memStore) keys() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for k, d := range s.docs {
		out = append(out, k+" "+d.Source.SHA256)
	}
	slices.Sort(out)
	return out
}

func (s *memStore) index() *memIndex {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.idx == nil {
		s.idx = buildIndex(slices.Collect(maps.Values(s.docs)))
	}
	return s.idx
}

func buildIndex(docs []*graph.Document) *memIndex {
	slices.SortFunc(docs, func(a, b *graph.Document) int {
		return cmp.Or(a.Source.IngestedAt.Compare(b.Source.IngestedAt), cmp.Compare(a.Source.Key, b.Source.Key))
	})
	x := &memIndex{
		kinds:       map[graph.ID]graph.NodeKind{},
		resolutions: map[graph.ID]*graph.ResolutionRecord{}, countries: map[graph.ID]*graph.CountryRecord{},
		agreements: map[graph.ID]*graph.AgreementRecord{}, institutions: map[graph.ID]*graph.InstitutionRecord{},
		demands: map[graph.ID]*graph.DemandRecord{}, stances: map[graph.ID]*graph.StanceRecord{},
		topics: map[graph.ID]*graph.TopicRecord{}, documents: map[graph.ID]*graph.DocumentRecord{},
	}
	country := func(code string) *graph.CountryRecord {
		id := graph.CountryID(code)
		if x.countries[id] == nil {
			x.countries[id] = &graph.CountryRecord{ID: id, Code: code, Names: map[string]string{}}
			x.kinds[id] = graph.KindCountry
		}
		return x.countries[id]
	}
	for _, d := range docs {
		src := d.Source
		docID := src.ID()
		x.documents[docID] = &graph.DocumentRecord{ID: docID, Key: src.Key, Kind: src.Kind, Format: src.Format,
			Language: src.Language, SHA256: src.SHA256, Name: src.Name, IngestedAt: src.IngestedAt, Text: src.Text}
		x.kinds[docID] = graph.KindDocument

		var res *graph.ResolutionRecord
		if r := d.Resolution; r != nil {
			id := graph.ResolutionID(r.Reference)
			if x.resolutions[id] == nil {
				x.resolutions[id] = &graph.ResolutionRecord{ID: id, Reference: r.Reference, Titles: map[string]string{}}
				x.kinds[id] = graph.KindResolution
			}
			res = x.resolutions[id]
			if r.Title != "" {
				res.Titles[src.Language] = r.Title
			}
			if !r.Adopted.IsZero() {
				res.Adopted = r.Adopted
			}
			if r.Stage != "" {
				res.Stage = r.Stage
			}
			if r.ProcedureType != "" {
				res.ProcedureType = r.ProcedureType
			}
			if r.Vote != nil {
				v := *r.Vote
				res.Vote = &v
			}
			for _, g := range r.TabledBy {
				res.TabledBy = add(res.TabledBy, graph.InstitutionID(g.Code))
			}
			if r.AdoptedBy != "" {
				res.AdoptedBy = add(res.AdoptedBy, graph.InstitutionID(r.AdoptedBy))
			}
			res.Sources = add(res.Sources, docID)
		}
		for _, c := range d.Countries {
			rec := country(c.Code)
			maps.Copy(rec.Names, c.Names)
			if res != nil && c.Role == graph.RoleConcerns {
				res.Concerns = add(res.Concerns, rec.ID)
			} else if res != nil {
				res.Mentions = add(res.Mentions, rec.ID)
			}
		}
		for _, in := range d.Institutions {
			id := graph.InstitutionID(in.Key)
			if x.institutions[id] == nil {
				x.institutions[id] = &graph.InstitutionRecord{ID: id, Key: in.Key, Names: map[string]string{}}
				x.kinds[id] = graph.KindInstitution
			}
			rec := x.institutions[id]
			rec.Kind, rec.Code = in.Kind, in.Code
			maps.Copy(rec.Names, in.Names)
			if in.Country != "" {
				rec.Country = country(in.Country).ID
			}
		}
		for _, a := range d.Agreements {
			id := graph.AgreementID(a.Key())
			if x.agreements[id] == nil {
				x.agreements[id] = &graph.AgreementRecord{ID: id, Kind: a.Kind, Names: map[string]string{}}
				x.kinds[id] = graph.KindAgreement
			}
			rec := x.agreements[id]
			maps.Copy(rec.Names, a.Names)
			if !a.Signed.IsZero() {
				rec.Signed = a.Signed
			}
			if !a.InForce.IsZero() {
				rec.InForce = a.InForce
			}
			for _, p := range a.Parties {
				rec.Parties = add(rec.Parties, graph.PartyID(p))
				if p.Country != "" {
					country(p.Country)
				}
			}
			if res != nil {
				res.Agreements = add(res.Agreements, id)
			}
		}
		for _, t := range d.Topics {
			id := graph.TopicID(t.Key)
			if x.topics[id] == nil {
				x.topics[id] = &graph.TopicRecord{ID: id, Key: t.Key, Names: map[string]string{}}
				x.kinds[id] = graph.KindTopic
			}
			maps.Copy(x.topics[id].Names, t.Names)
		}
		if res != nil && len(d.Resolution.Subjects) > 0 {
			for _, k := range d.Resolution.Subjects {
				res.Topics = add(res.Topics, graph.TopicID(k))
			}
			slices.SortFunc(res.Topics, func(a, b graph.ID) int {
				return cmp.Or(cmp.Compare(x.topics[a].Key, x.topics[b].Key), cmp.Compare(a, b))
			})
		}
		if res == nil {
			continue
		}
		for _, dm := range d.Demands {
			id := graph.DemandID(src.Key, dm.Position)
			quote, _ := graph.Quote(src.Text, dm.Evidence)
			rec := &graph.DemandRecord{ID: id, Text: dm.Text, Position: dm.Position, Resolution: res.ID,
				Evidence: graph.Evidence{Document: docID, Span: dm.Evidence, Quote: quote}}
			for _, k := range dm.Addressees {
				rec.Addressees = add(rec.Addressees, graph.InstitutionID(k))
			}
			for _, k := range dm.Topics {
				rec.Topics = add(rec.Topics, graph.TopicID(k))
			}
			for _, k := range dm.Agreements {
				rec.Agreements = add(rec.Agreements, graph.AgreementID(k))
			}
			x.demands[id], x.kinds[id] = rec, graph.KindDemand
			res.Demands = add(res.Demands, id)
		}
		for _, st := range d.Stances {
			id := graph.StanceID(src.Key, st.Position)
			quote, _ := graph.Quote(src.Text, st.Evidence)
			x.stances[id] = &graph.StanceRecord{ID: id, Kind: st.Kind, Text: st.Text, Position: st.Position,
				Resolution: res.ID, Evidence: graph.Evidence{Document: docID, Span: st.Evidence, Quote: quote}}
			x.kinds[id] = graph.KindStance
			res.Stances = add(res.Stances, id)
		}
	}
	for _, a := range x.agreements {
		slices.Sort(a.Parties)
	}
	return x
}

func add(ids []graph.ID, id graph.ID) []graph.ID {
	if slices.Contains(ids, id) {
		return ids
	}
	return append(ids, id)
}

func lookup[T any](m map[graph.ID]*T, ids []graph.ID) []*T {
	out := make([]*T, len(ids))
	for i, id := range ids {
		out[i] = m[id]
	}
	return out
}

func (s *memStore) Kinds(_ context.Context, ids []graph.ID) ([]graph.NodeKind, error) {
	x := s.index()
	out := make([]graph.NodeKind, len(ids))
	for i, id := range ids {
		out[i] = x.kinds[id]
	}
	return out, nil
}

func (s *memStore) Resolutions(_ context.Context, ids []graph.ID) ([]*graph.ResolutionRecord, error) {
	return lookup(s.index().resolutions, ids), nil
}
func (s *memStore) Countries(_ context.Context, ids []graph.ID) ([]*graph.CountryRecord, error) {
	return lookup(s.index().countries, ids), nil
}
func (s *memStore) Agreements(_ context.Context, ids []graph.ID) ([]*graph.AgreementRecord, error) {
	return lookup(s.index().agreements, ids), nil
}
func (s *memStore) Institutions(_ context.Context, ids []graph.ID) ([]*graph.InstitutionRecord, error) {
	return lookup(s.index().institutions, ids), nil
}
func (s *memStore) Demands(_ context.Context, ids []graph.ID) ([]*graph.DemandRecord, error) {
	return lookup(s.index().demands, ids), nil
}
func (s *memStore) Stances(_ context.Context, ids []graph.ID) ([]*graph.StanceRecord, error) {
	return lookup(s.index().stances, ids), nil
}
func (s *memStore) Topics(_ context.Context, ids []graph.ID) ([]*graph.TopicRecord, error) {
	return lookup(s.index().topics, ids), nil
}
func (s *memStore) Documents(_ context.Context, ids []graph.ID) ([]*graph.DocumentRecord, error) {
	return lookup(s.index().documents, ids), nil
}

// ListResolutions orders newest adoption first, then by reference.
func (s *memStore) ListResolutions(_ context.Context, f graph.ResolutionFilter) ([]graph.ID, error) {
	x := s.index()
	var recs []*graph.ResolutionRecord
	for _, r := range x.resolutions {
		if f.Country != "" && !slices.Contains(r.Concerns, graph.CountryID(f.Country)) {
			continue
		}
		if f.Agreement != "" && !slices.Contains(r.Agreements, f.Agreement) {
			continue
		}
		recs = append(recs, r)
	}
	slices.SortFunc(recs, func(a, b *graph.ResolutionRecord) int {
		switch {
		case b.Adopted.Before(a.Adopted):
			return -1
		case a.Adopted.Before(b.Adopted):
			return 1
		}
		return cmp.Compare(a.Reference, b.Reference)
	})
	out := []graph.ID{}
	for _, r := range recs {
		out = append(out, r.ID)
	}
	return out, nil
}

// ListDemands orders by resolution as ListResolutions does, then source order.
func (s *memStore) ListDemands(ctx context.Context, f graph.DemandFilter) ([]graph.ID, error) {
	x := s.index()
	all, _ := s.ListResolutions(ctx, graph.ResolutionFilter{})
	out := []graph.ID{}
	for _, rid := range all {
		res := x.resolutions[rid]
		for _, did := range res.Demands {
			d := x.demands[did]
			if f.Addressee != "" && !slices.Contains(d.Addressees, f.Addressee) {
				continue
			}
			if f.Agreement != "" && !slices.Contains(d.Agreements, f.Agreement) {
				continue
			}
			if f.Topic != "" && !slices.Contains(d.Topics, f.Topic) {
				continue
			}
			if f.Country != "" {
				cid := graph.CountryID(f.Country)
				ok := slices.Contains(res.Concerns, cid)
				for _, a := range d.Addressees {
					if in := x.institutions[a]; in != nil && in.Country == cid {
						ok = true
					}
				}
				if !ok {
					continue
				}
			}
			out = append(out, did)
		}
	}
	return out, nil
}

// ListAgreements orders by English name, else the name in the first language by code, in
// lower case; then by ID.
func (s *memStore) ListAgreements(_ context.Context, f graph.AgreementFilter) ([]graph.ID, error) {
	x := s.index()
	var recs []*graph.AgreementRecord
	for _, a := range x.agreements {
		if f.Country == "" || slices.Contains(a.Parties, graph.CountryID(f.Country)) {
			recs = append(recs, a)
		}
	}
	name := func(a *graph.AgreementRecord) string {
		if n := a.Names["en"]; n != "" {
			return strings.ToLower(n)
		}
		for _, l := range slices.Sorted(maps.Keys(a.Names)) {
			return strings.ToLower(a.Names[l])
		}
		return ""
	}
	slices.SortFunc(recs, func(a, b *graph.AgreementRecord) int {
		return cmp.Or(cmp.Compare(name(a), name(b)), cmp.Compare(a.ID, b.ID))
	})
	out := []graph.ID{}
	for _, a := range recs {
		out = append(out, a.ID)
	}
	return out, nil
}

// ListInstitutions orders by key, then ID.
func (s *memStore) ListInstitutions(_ context.Context, f graph.InstitutionFilter) ([]graph.ID, error) {
	x := s.index()
	var recs []*graph.InstitutionRecord
	for _, in := range x.institutions {
		if f.Country == "" || in.Country == graph.CountryID(f.Country) {
			recs = append(recs, in)
		}
	}
	slices.SortFunc(recs, func(a, b *graph.InstitutionRecord) int {
		return cmp.Or(cmp.Compare(a.Key, b.Key), cmp.Compare(a.ID, b.ID))
	})
	out := []graph.ID{}
	for _, in := range recs {
		out = append(out, in.ID)
	}
	return out, nil
}

func (s *memStore) ListCountries(_ context.Context) ([]graph.ID, error) {
	x := s.index()
	recs := slices.SortedFunc(maps.Values(x.countries), func(a, b *graph.CountryRecord) int { return cmp.Compare(a.Code, b.Code) })
	out := []graph.ID{}
	for _, c := range recs {
		out = append(out, c.ID)
	}
	return out, nil
}

// countingReader counts the calls made to the Reader it wraps, by method.
type countingReader struct {
	graph.Reader
	mu    sync.Mutex
	calls map[string]int
	total atomic.Int64
}

func countCalls(r graph.Reader) *countingReader {
	return &countingReader{Reader: r, calls: map[string]int{}}
}

func (c *countingReader) count(method string) {
	c.mu.Lock()
	c.calls[method]++
	c.mu.Unlock()
	c.total.Add(1)
}

func (c *countingReader) snapshot() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return maps.Clone(c.calls)
}

func (c *countingReader) Kinds(ctx context.Context, ids []graph.ID) ([]graph.NodeKind, error) {
	c.count("Kinds")
	return c.Reader.Kinds(ctx, ids)
}
func (c *countingReader) Resolutions(ctx context.Context, ids []graph.ID) ([]*graph.ResolutionRecord, error) {
	c.count("Resolutions")
	return c.Reader.Resolutions(ctx, ids)
}
func (c *countingReader) Countries(ctx context.Context, ids []graph.ID) ([]*graph.CountryRecord, error) {
	c.count("Countries")
	return c.Reader.Countries(ctx, ids)
}
func (c *countingReader) Agreements(ctx context.Context, ids []graph.ID) ([]*graph.AgreementRecord, error) {
	c.count("Agreements")
	return c.Reader.Agreements(ctx, ids)
}
func (c *countingReader) Institutions(ctx context.Context, ids []graph.ID) ([]*graph.InstitutionRecord, error) {
	c.count("Institutions")
	return c.Reader.Institutions(ctx, ids)
}
func (c *countingReader) Demands(ctx context.Context, ids []graph.ID) ([]*graph.DemandRecord, error) {
	c.count("Demands")
	return c.Reader.Demands(ctx, ids)
}
func (c *countingReader) Stances(ctx context.Context, ids []graph.ID) ([]*graph.StanceRecord, error) {
	c.count("Stances")
	return c.Reader.Stances(ctx, ids)
}
func (c *countingReader) Topics(ctx context.Context, ids []graph.ID) ([]*graph.TopicRecord, error) {
	c.count("Topics")
	return c.Reader.Topics(ctx, ids)
}
func (c *countingReader) Documents(ctx context.Context, ids []graph.ID) ([]*graph.DocumentRecord, error) {
	c.count("Documents")
	return c.Reader.Documents(ctx, ids)
}
func (c *countingReader) ListResolutions(ctx context.Context, f graph.ResolutionFilter) ([]graph.ID, error) {
	c.count("ListResolutions")
	return c.Reader.ListResolutions(ctx, f)
}
func (c *countingReader) ListDemands(ctx context.Context, f graph.DemandFilter) ([]graph.ID, error) {
	c.count("ListDemands")
	return c.Reader.ListDemands(ctx, f)
}
func (c *countingReader) ListAgreements(ctx context.Context, f graph.AgreementFilter) ([]graph.ID, error) {
	c.count("ListAgreements")
	return c.Reader.ListAgreements(ctx, f)
}
func (c *countingReader) ListInstitutions(ctx context.Context, f graph.InstitutionFilter) ([]graph.ID, error) {
	c.count("ListInstitutions")
	return c.Reader.ListInstitutions(ctx, f)
}
func (c *countingReader) ListCountries(ctx context.Context) ([]graph.ID, error) {
	c.count("ListCountries")
	return c.Reader.ListCountries(ctx)
}
