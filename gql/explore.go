package gql

import (
	"context"
	"errors"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/eurel/eurel/gql/internal/model"
	"github.com/eurel/eurel/graph"
)

// Limits of the exploring queries, checked before they run.
const (
	maxNeighbourhoodLimit = 500
	defaultNeighbourhood  = 100
)

func (r *queryResolver) Neighbourhood(ctx context.Context, id graph.ID, depth *int, edges []graph.Predicate, limit *int) (*graph.Subgraph, error) {
	d, l := 1, defaultNeighbourhood
	if depth != nil {
		d = *depth
	}
	if limit != nil {
		l = *limit
	}
	if d < 0 || d > graph.MaxNeighbourhoodDepth {
		return nil, badInputf("depth %d: want 0 to %d", d, graph.MaxNeighbourhoodDepth)
	}
	if l < 1 || l > maxNeighbourhoodLimit {
		return nil, badInputf("limit %d: want 1 to %d", l, maxNeighbourhoodLimit)
	}
	sg, err := r.reader.Neighbourhood(ctx, id, d, edges, l)
	if errors.Is(err, graph.ErrNotFound) {
		return nil, notFoundf("no node %q", id)
	}
	return &sg, err
}

func (r *queryResolver) Path(ctx context.Context, from, to graph.ID, maxDepth *int, edges []graph.Predicate) (*graph.Subgraph, error) {
	d := 4
	if maxDepth != nil {
		d = *maxDepth
	}
	if d < 1 || d > graph.MaxPathDepth {
		return nil, badInputf("maxDepth %d: want 1 to %d", d, graph.MaxPathDepth)
	}
	sg, found, err := r.reader.Path(ctx, from, to, d, edges)
	if errors.Is(err, graph.ErrNotFound) {
		return nil, notFoundf("no node %q or %q", from, to)
	}
	if err != nil || !found {
		return nil, err
	}
	return &sg, nil
}

func (r *queryResolver) Search(ctx context.Context, query string, kinds []graph.NodeKind, first *int, after *string) (*model.SearchConnection, error) {
	q := graph.SearchQuery{Text: query, Kinds: kinds, First: defaultPageSize}
	if first != nil {
		if *first < 1 || *first > maxPageSize {
			return nil, badInputf("first %d: want 1 to %d", *first, maxPageSize)
		}
		q.First = *first
	}
	if after != nil {
		q.After = *after
	}
	page, err := r.reader.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	refs := make([]nodeRef, len(page.Hits))
	for i, h := range page.Hits {
		refs[i] = nodeRef{h.ID, h.Kind}
	}
	nodes, err := (*resolver)(r).loadNodes(ctx, refs)
	if err != nil {
		return nil, err
	}
	conn := &model.SearchConnection{TotalCount: page.Total, PageInfo: &model.PageInfo{HasNextPage: page.HasNext, HasPreviousPage: q.After != ""}}
	conn.Edges = make([]*model.SearchEdge, 0, len(page.Hits))
	for i, h := range page.Hits {
		if nodes[i] == nil {
			continue // removed since the index answered
		}
		conn.Edges = append(conn.Edges, &model.SearchEdge{Cursor: h.Cursor, Node: nodes[i], Score: h.Score, Field: h.Field, Snippet: h.Snippet})
	}
	if n := len(conn.Edges); n > 0 {
		conn.PageInfo.StartCursor, conn.PageInfo.EndCursor = &conn.Edges[0].Cursor, &conn.Edges[n-1].Cursor
	}
	return conn, nil
}

func (r *queryResolver) Stats(ctx context.Context) (*graph.Stats, error) {
	st, err := r.reader.Stats(ctx)
	return &st, err
}

// nodeRef is a node to load whose kind is known.
type nodeRef struct {
	id   graph.ID
	kind graph.NodeKind
}

// loadNodes loads nodes of any kinds through the request's loaders, all in one round: nil
// where the graph no longer holds a node.
func (r *resolver) loadNodes(ctx context.Context, refs []nodeRef) ([]model.Node, error) {
	l := r.loadersFrom(ctx)
	thunks := make([]func() (model.Node, error), len(refs))
	for i, ref := range refs {
		thunks[i] = nodeThunk(ctx, l, ref)
	}
	out := make([]model.Node, len(refs))
	for i, th := range thunks {
		n, err := th()
		if err != nil {
			return nil, firstError(err)
		}
		out[i] = n
	}
	return out, nil
}

// nodeThunk starts loading one node with its kind's loader and returns how to wait for it.
func nodeThunk(ctx context.Context, l *loaders, ref nodeRef) func() (model.Node, error) {
	switch ref.kind {
	case graph.KindResolution:
		return asNode(l.resolutions.LoadThunk(ctx, ref.id))
	case graph.KindCountry:
		return asNode(l.countries.LoadThunk(ctx, ref.id))
	case graph.KindAgreement:
		return asNode(l.agreements.LoadThunk(ctx, ref.id))
	case graph.KindInstitution:
		return asNode(l.institutions.LoadThunk(ctx, ref.id))
	case graph.KindDemand:
		return asNode(l.demands.LoadThunk(ctx, ref.id))
	case graph.KindStance:
		return asNode(l.stances.LoadThunk(ctx, ref.id))
	case graph.KindTopic:
		return asNode(l.topics.LoadThunk(ctx, ref.id))
	case graph.KindDocument:
		return asNode(l.documents.LoadThunk(ctx, ref.id))
	case graph.KindProcedureDocument:
		return asNode(l.procDocs.LoadThunk(ctx, ref.id))
	case graph.KindEvent:
		return asNode(l.events.LoadThunk(ctx, ref.id))
	}
	return func() (model.Node, error) { return nil, nil }
}

func asNode[T any](th func() (*T, error)) func() (model.Node, error) {
	return func() (model.Node, error) { return nodeOf(th()) }
}

type subgraphResolver resolver

// Nodes loads the subgraph's nodes, unless the query asks only for their id and __typename,
// which the subgraph already knows (a graph view's first request): then nothing is read.
func (r *subgraphResolver) Nodes(ctx context.Context, obj *graph.Subgraph) ([]model.Node, error) {
	refs := make([]nodeRef, len(obj.Nodes))
	for i, n := range obj.Nodes {
		refs[i] = nodeRef{n.ID, n.Kind}
	}
	if onlyIdentity(ctx) {
		out := make([]model.Node, 0, len(refs))
		for _, ref := range refs {
			if n := stubNode(ref); n != nil {
				out = append(out, n)
			}
		}
		return out, nil
	}
	nodes, err := (*resolver)(r).loadNodes(ctx, refs)
	if err != nil {
		return nil, err
	}
	out := make([]model.Node, 0, len(nodes))
	for _, n := range nodes {
		if n != nil {
			out = append(out, n)
		}
	}
	return out, nil
}

func (r *subgraphResolver) Edges(_ context.Context, obj *graph.Subgraph) ([]*graph.Edge, error) {
	out := make([]*graph.Edge, len(obj.Edges))
	for i := range obj.Edges {
		out[i] = &obj.Edges[i]
	}
	return out, nil
}

type graphEdgeResolver resolver

// GraphEdge.evidence gives defaultEvidence entries unless asked for more, up to maxEvidence.
const (
	defaultEvidence = 20
	maxEvidence     = 100
)

// Evidence is read for all the edges of a request in one batch: the first entries only, so
// that an edge thousands of texts state costs what the page shows.
func (r *graphEdgeResolver) Evidence(ctx context.Context, obj *graph.Edge, first *int) ([]*graph.Evidence, error) {
	n := defaultEvidence
	if first != nil {
		n = *first
	}
	if n < 0 || n > maxEvidence {
		return nil, badInputf("first must be between 0 and %d, not %d", maxEvidence, n)
	}
	l, err := (*resolver)(r).loadersFrom(ctx).evidence.Load(ctx, evidenceKey{*obj, n})
	if err != nil {
		return nil, firstError(err)
	}
	out := make([]*graph.Evidence, len(l.Items))
	for i := range l.Items {
		out[i] = &l.Items[i]
	}
	return out, nil
}

// EvidenceCount counts the edge's evidence; asked alone, it reads no quote.
func (r *graphEdgeResolver) EvidenceCount(ctx context.Context, obj *graph.Edge) (int, error) {
	l, err := (*resolver)(r).loadersFrom(ctx).evidence.Load(ctx, evidenceKey{*obj, 0})
	if err != nil {
		return 0, firstError(err)
	}
	return l.Total, nil
}

type statsResolver resolver

func (r *statsResolver) Documents(_ context.Context, obj *graph.Stats) (int, error) {
	return int(obj.Documents), nil
}
func (r *statsResolver) Quads(_ context.Context, obj *graph.Stats) (int, error) {
	return int(obj.Quads), nil
}

func (r *statsResolver) Nodes(_ context.Context, obj *graph.Stats) ([]*model.NodeKindCount, error) {
	out := make([]*model.NodeKindCount, 0, len(obj.Nodes))
	for _, k := range graph.NodeKinds {
		out = append(out, &model.NodeKindCount{Kind: k, Count: int(obj.Nodes[k])})
	}
	return out, nil
}

func (r *statsResolver) Edges(_ context.Context, obj *graph.Stats) ([]*model.EdgeTypeCount, error) {
	out := make([]*model.EdgeTypeCount, 0, len(graph.Predicates))
	for _, p := range graph.Predicates {
		out = append(out, &model.EdgeTypeCount{Type: p, Count: int(obj.Edges[p])})
	}
	return out, nil
}

func (r *statsResolver) LastIngest(_ context.Context, obj *graph.Stats) (*time.Time, error) {
	if obj.LastIngest.IsZero() {
		return nil, nil
	}
	return &obj.LastIngest, nil
}

type facetCountResolver resolver

// Node is the country or topic a facet value names.
func (r *facetCountResolver) Node(ctx context.Context, obj *graph.FacetCount) (model.Node, error) {
	if obj.Node == "" {
		return nil, nil
	}
	kind := graph.KindCountry
	if len(obj.Value) != 2 {
		kind = graph.KindTopic
	}
	nodes, err := (*resolver)(r).loadNodes(ctx, []nodeRef{{obj.Node, kind}})
	if err != nil {
		return nil, err
	}
	return nodes[0], nil
}

type resolutionConnectionResolver resolver

func (r *resolutionConnectionResolver) Facets(ctx context.Context, obj *model.ResolutionConnection) (*graph.Facets, error) {
	f, err := r.reader.ResolutionFacets(ctx, obj.Filter)
	return &f, err
}

type demandConnectionResolver resolver

func (r *demandConnectionResolver) Facets(ctx context.Context, obj *model.DemandConnection) (*graph.Facets, error) {
	f, err := r.reader.DemandFacets(ctx, obj.Filter)
	return &f, err
}

// onlyIdentity reports whether the field being resolved selects nothing but id and
// __typename (no fragment, no other field).
func onlyIdentity(ctx context.Context) bool {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return false
	}
	for _, sel := range fc.Field.Selections {
		f, ok := sel.(*ast.Field)
		if !ok || f.Name != "id" && f.Name != "__typename" {
			return false
		}
	}
	return true
}

// stubNode is a node of a known kind with nothing but its ID, for answers that need no more.
func stubNode(ref nodeRef) model.Node {
	switch ref.kind {
	case graph.KindResolution:
		return &graph.ResolutionRecord{ID: ref.id}
	case graph.KindCountry:
		return &graph.CountryRecord{ID: ref.id}
	case graph.KindAgreement:
		return &graph.AgreementRecord{ID: ref.id}
	case graph.KindInstitution:
		return &graph.InstitutionRecord{ID: ref.id}
	case graph.KindDemand:
		return &graph.DemandRecord{ID: ref.id}
	case graph.KindStance:
		return &graph.StanceRecord{ID: ref.id}
	case graph.KindTopic:
		return &graph.TopicRecord{ID: ref.id}
	case graph.KindDocument:
		return &graph.DocumentRecord{ID: ref.id}
	case graph.KindProcedureDocument:
		return &graph.ProcedureDocumentRecord{ID: ref.id}
	case graph.KindEvent:
		return &graph.EventRecord{ID: ref.id}
	}
	return nil
}
