package gql_test

import (
	"context"
	"maps"
	"sync"
	"sync/atomic"

	"github.com/eurel/eurel/graph"
)

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
func (c *countingReader) ProcedureDocuments(ctx context.Context, ids []graph.ID) ([]*graph.ProcedureDocumentRecord, error) {
	c.count("ProcedureDocuments")
	return c.Reader.ProcedureDocuments(ctx, ids)
}
func (c *countingReader) Events(ctx context.Context, ids []graph.ID) ([]*graph.EventRecord, error) {
	c.count("Events")
	return c.Reader.Events(ctx, ids)
}
func (c *countingReader) Claims(ctx context.Context, ids []graph.ID) ([][]graph.Claim, error) {
	c.count("Claims")
	return c.Reader.Claims(ctx, ids)
}
func (c *countingReader) EvidenceOf(ctx context.Context, edges []graph.Edge, first int) ([]graph.EvidenceList, error) {
	c.count("EvidenceOf")
	return c.Reader.EvidenceOf(ctx, edges, first)
}
