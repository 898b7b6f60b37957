package gql

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/eurel/eurel/graph"
)

// loaderWait is how long a loader collects keys before it reads them in one batch. gqlgen
// resolves the items of a list concurrently, so the keys of one level of a query arrive within
// microseconds of each other; the wait is added at each level of nesting the lookahead did not
// prime. Reads are batched for the lock and the transaction, not for round trips: a level
// split into several batches costs little, a longer wait costs every query (at 2 ms, a page
// of 20 resolutions with their demands waited 12 ms of its 17).
const loaderWait = 20 * time.Microsecond

// loaders batch and cache one request's reads: one loader per kind of record, keyed by ID, and
// one per kind of list, keyed by filter (Country.resolutions, Agreement.demands,
// Institution.demands, ... ask for one list per parent: records carry no list that grows with
// the corpus). A request's loaders live in its context (see withLoaders); a write clears them.
type loaders struct {
	kinds        *dataloadgen.Loader[graph.ID, graph.NodeKind]
	resolutions  *dataloadgen.Loader[graph.ID, *graph.ResolutionRecord]
	countries    *dataloadgen.Loader[graph.ID, *graph.CountryRecord]
	agreements   *dataloadgen.Loader[graph.ID, *graph.AgreementRecord]
	institutions *dataloadgen.Loader[graph.ID, *graph.InstitutionRecord]
	demands      *dataloadgen.Loader[graph.ID, *graph.DemandRecord]
	stances      *dataloadgen.Loader[graph.ID, *graph.StanceRecord]
	topics       *dataloadgen.Loader[graph.ID, *graph.TopicRecord]
	documents    *dataloadgen.Loader[graph.ID, *graph.DocumentRecord]
	procDocs     *dataloadgen.Loader[graph.ID, *graph.ProcedureDocumentRecord]
	events       *dataloadgen.Loader[graph.ID, *graph.EventRecord]
	claims       *dataloadgen.Loader[graph.ID, []graph.Claim]
	evidence     *dataloadgen.Loader[evidenceKey, graph.EvidenceList]

	resolutionLists  *dataloadgen.Loader[graph.ResolutionFilter, []graph.ID]
	demandLists      *dataloadgen.Loader[graph.DemandFilter, []graph.ID]
	agreementLists   *dataloadgen.Loader[graph.AgreementFilter, []graph.ID]
	institutionLists *dataloadgen.Loader[graph.InstitutionFilter, []graph.ID]
}

func newLoaders(r graph.Reader) *loaders {
	wait := dataloadgen.WithWait(loaderWait)
	return &loaders{
		kinds:            dataloadgen.NewLoader(batch(r.Kinds), wait),
		resolutions:      dataloadgen.NewLoader(batch(r.Resolutions), wait),
		countries:        dataloadgen.NewLoader(batch(r.Countries), wait),
		agreements:       dataloadgen.NewLoader(batch(r.Agreements), wait),
		institutions:     dataloadgen.NewLoader(batch(r.Institutions), wait),
		demands:          dataloadgen.NewLoader(batch(r.Demands), wait),
		stances:          dataloadgen.NewLoader(batch(r.Stances), wait),
		topics:           dataloadgen.NewLoader(batch(r.Topics), wait),
		documents:        dataloadgen.NewLoader(batch(r.Documents), wait),
		procDocs:         dataloadgen.NewLoader(batch(r.ProcedureDocuments), wait),
		events:           dataloadgen.NewLoader(batch(r.Events), wait),
		claims:           dataloadgen.NewLoader(batch(r.Claims), wait),
		evidence:         dataloadgen.NewLoader(evidenceBatch(r.EvidenceOf), wait),
		resolutionLists:  dataloadgen.NewLoader(lists(r.ListResolutions), wait),
		demandLists:      dataloadgen.NewLoader(lists(r.ListDemands), wait),
		agreementLists:   dataloadgen.NewLoader(lists(r.ListAgreements), wait),
		institutionLists: dataloadgen.NewLoader(lists(r.ListInstitutions), wait),
	}
}

// lists adapts a List method of the Reader to a loader's fetch. The Reader lists one filter at
// a time; the loader still saves the repeats.
func lists[F any](list func(context.Context, F) ([]graph.ID, error)) func(context.Context, []F) ([][]graph.ID, []error) {
	return func(ctx context.Context, fs []F) ([][]graph.ID, []error) {
		out, errs := make([][]graph.ID, len(fs)), make([]error, len(fs))
		for i, f := range fs {
			out[i], errs[i] = list(ctx, f)
		}
		return out, errs
	}
}

// evidenceKey asks for the first entries of an edge's evidence.
type evidenceKey struct {
	edge  graph.Edge
	first int
}

// evidenceBatch adapts Reader.EvidenceOf to a loader's fetch: one call per distinct first
// (a request usually asks one).
func evidenceBatch(read func(context.Context, []graph.Edge, int) ([]graph.EvidenceList, error)) func(context.Context, []evidenceKey) ([]graph.EvidenceList, []error) {
	return func(ctx context.Context, keys []evidenceKey) ([]graph.EvidenceList, []error) {
		out := make([]graph.EvidenceList, len(keys))
		byFirst := map[int][]int{}
		for i, k := range keys {
			byFirst[k.first] = append(byFirst[k.first], i)
		}
		for first, at := range byFirst {
			edges := make([]graph.Edge, len(at))
			for j, i := range at {
				edges[j] = keys[i].edge
			}
			got, err := read(ctx, edges, first)
			if err == nil && len(got) != len(edges) {
				err = fmt.Errorf("graph reader returned %d results for %d edges", len(got), len(edges))
			}
			if err != nil {
				return nil, []error{err}
			}
			for j, i := range at {
				out[i] = got[j]
			}
		}
		return out, nil
	}
}

// batch adapts a batched Reader method to a loader's fetch: one error for the whole batch, and
// a Reader that breaks its contract (a result per ID) is an error rather than a panic.
func batch[T any](read func(context.Context, []graph.ID) ([]T, error)) func(context.Context, []graph.ID) ([]T, []error) {
	return func(ctx context.Context, ids []graph.ID) ([]T, []error) {
		got, err := read(ctx, ids)
		if err == nil && len(got) != len(ids) {
			err = fmt.Errorf("graph reader returned %d results for %d ids", len(got), len(ids))
		}
		if err != nil {
			return nil, []error{err}
		}
		return got, nil
	}
}

// clear forgets every cached read, so that what follows a write sees it.
func (l *loaders) clear() {
	l.kinds.ClearAll()
	l.resolutions.ClearAll()
	l.countries.ClearAll()
	l.agreements.ClearAll()
	l.institutions.ClearAll()
	l.demands.ClearAll()
	l.stances.ClearAll()
	l.topics.ClearAll()
	l.documents.ClearAll()
	l.procDocs.ClearAll()
	l.events.ClearAll()
	l.claims.ClearAll()
	l.evidence.ClearAll()
	l.resolutionLists.ClearAll()
	l.demandLists.ClearAll()
	l.agreementLists.ClearAll()
	l.institutionLists.ClearAll()
}

type loadersKey struct{}

// withLoaders is the middleware that gives each request its own loaders.
func withLoaders(r graph.Reader, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		ctx := context.WithValue(req.Context(), loadersKey{}, newLoaders(r))
		next.ServeHTTP(w, req.WithContext(ctx))
	})
}

// loadersFrom returns the request's loaders. Outside a request (which the handler never
// allows) it returns fresh ones, so a resolver is never without.
func (res *resolver) loadersFrom(ctx context.Context) *loaders {
	if l, ok := ctx.Value(loadersKey{}).(*loaders); ok {
		return l
	}
	return newLoaders(res.reader)
}

// readNow reads what a root field has every ID of straight from the Reader, in one call and
// without the loader's wait for a batch to fill (at the root there are no siblings to wait
// for: each level of nesting would otherwise add the wait), and primes the loader so that the
// fields below find it. The result is in the order of ids, nil (or "") where the graph holds
// none.
func readNow[V any](ctx context.Context, read func(context.Context, []graph.ID) ([]V, error), l *dataloadgen.Loader[graph.ID, V], ids []graph.ID) ([]V, error) {
	if len(ids) == 0 {
		return []V{}, nil
	}
	got, err := read(ctx, ids)
	if err == nil && len(got) != len(ids) {
		err = fmt.Errorf("graph reader returned %d results for %d ids", len(got), len(ids))
	}
	if err != nil {
		return nil, err
	}
	for i, v := range got {
		l.Prime(ids[i], v)
	}
	return got, nil
}

// oneNow is readNow for one ID: nil when the graph holds no such node of that kind.
func oneNow[T any](ctx context.Context, read func(context.Context, []graph.ID) ([]*T, error), l *dataloadgen.Loader[graph.ID, *T], id graph.ID) (*T, error) {
	if id == "" {
		return nil, nil
	}
	got, err := readNow(ctx, read, l, []graph.ID{id})
	if err != nil {
		return nil, err
	}
	return got[0], nil
}

// present leaves out the records the graph does not hold (a list field is non-null and so are
// its items).
func present[T any](recs []*T) []*T {
	out := make([]*T, 0, len(recs))
	for _, rec := range recs {
		if rec != nil {
			out = append(out, rec)
		}
	}
	return out
}

// loadOne loads one record; nil when the graph holds no such node of that kind.
func loadOne[T any](ctx context.Context, l *dataloadgen.Loader[graph.ID, *T], id graph.ID) (*T, error) {
	if id == "" {
		return nil, nil
	}
	v, err := l.Load(ctx, id)
	return v, firstError(err)
}

// loadList loads the records of the list a filter selects, in the list's order.
func loadList[F comparable, T any](ctx context.Context, lists *dataloadgen.Loader[F, []graph.ID], recs *dataloadgen.Loader[graph.ID, *T], f F) ([]*T, error) {
	ids, err := lists.Load(ctx, f)
	if err != nil {
		return nil, firstError(err)
	}
	return loadAll(ctx, recs, ids)
}

// loadAll loads records in the order of ids, leaving out the ones the graph does not hold (a
// list field is non-null and so are its items). It never returns a nil slice with a nil error.
func loadAll[T any](ctx context.Context, l *dataloadgen.Loader[graph.ID, *T], ids []graph.ID) ([]*T, error) {
	out := make([]*T, 0, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	vs, err := l.LoadAll(ctx, ids)
	if err != nil {
		return nil, firstError(err)
	}
	for _, v := range vs {
		if v != nil {
			out = append(out, v)
		}
	}
	return out, nil
}
