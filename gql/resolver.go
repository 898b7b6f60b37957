package gql

import (
	"context"
	"log/slog"

	"github.com/eurel/eurel/gql/internal/generated"
	"github.com/eurel/eurel/graph"
)

// resolver is the root of the resolvers. Each GraphQL type's resolvers are the same struct
// under another name (queryResolver, resolutionResolver, ...), in a file named for the type.
// Resolvers stay thin: they turn IDs into records through the request's loaders and arguments
// into filters; the graph package does the rest.
type resolver struct {
	reader graph.Reader
	writer graph.Writer
	parse  func(ctx context.Context, raw []byte, name string) (*graph.Document, error)
	log    *slog.Logger

	satisfies map[string][]string // type conditions each object type meets (see lookahead)
}

var _ generated.ResolverRoot = (*resolver)(nil)

func (r *resolver) Query() generated.QueryResolver             { return (*queryResolver)(r) }
func (r *resolver) Mutation() generated.MutationResolver       { return (*mutationResolver)(r) }
func (r *resolver) Resolution() generated.ResolutionResolver   { return (*resolutionResolver)(r) }
func (r *resolver) Country() generated.CountryResolver         { return (*countryResolver)(r) }
func (r *resolver) Agreement() generated.AgreementResolver     { return (*agreementResolver)(r) }
func (r *resolver) Institution() generated.InstitutionResolver { return (*institutionResolver)(r) }
func (r *resolver) Demand() generated.DemandResolver           { return (*demandResolver)(r) }
func (r *resolver) Stance() generated.StanceResolver           { return (*stanceResolver)(r) }
func (r *resolver) Evidence() generated.EvidenceResolver       { return (*evidenceResolver)(r) }
func (r *resolver) Topic() generated.TopicResolver             { return (*topicResolver)(r) }
func (r *resolver) Document() generated.DocumentResolver       { return (*documentResolver)(r) }
func (r *resolver) Procedure() generated.ProcedureResolver     { return (*procedureResolver)(r) }
func (r *resolver) ProcedureDocument() generated.ProcedureDocumentResolver {
	return (*procedureDocumentResolver)(r)
}
func (r *resolver) Event() generated.EventResolver           { return (*eventResolver)(r) }
func (r *resolver) Subgraph() generated.SubgraphResolver     { return (*subgraphResolver)(r) }
func (r *resolver) GraphEdge() generated.GraphEdgeResolver   { return (*graphEdgeResolver)(r) }
func (r *resolver) Stats() generated.StatsResolver           { return (*statsResolver)(r) }
func (r *resolver) FacetCount() generated.FacetCountResolver { return (*facetCountResolver)(r) }
func (r *resolver) ResolutionConnection() generated.ResolutionConnectionResolver {
	return (*resolutionConnectionResolver)(r)
}
func (r *resolver) DemandConnection() generated.DemandConnectionResolver {
	return (*demandConnectionResolver)(r)
}
func (r *resolver) Claim() generated.ClaimResolver { return (*claimResolver)(r) }

// optional turns "" into null.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
