package gql

import (
	"github.com/eurel/eurel/gql/internal/generated"
	"github.com/eurel/eurel/graph"
)

// Query cost. gqlgen counts 1 for every field plus the cost of what it selects; here a field
// that returns a list costs its selection times an estimate of the list's length, so that the
// cost grows the way the work does. With the default limit of 5000:
//
//   - the frontend's pages cost a few hundred to two thousand (the Kazakhstan question, with
//     agreements → resolutions → demands → addressees and the evidence of each, about 2000);
//   - any query nesting six lists is refused before it runs (5^6 > 5000), as is a
//     connection of 100 items each asking for several nested lists.
const (
	// textList estimates lists bounded by what one text says: a resolution's countries, groups,
	// agreements, demands and sources, an agreement's parties, a demand's addressees.
	textList = 5
	// corpusList estimates lists that grow with the whole corpus: every country, every
	// agreement, every demand addressed to the Commission or about a topic.
	corpusList = 20
)

func complexityRoot() generated.ComplexityRoot {
	var c generated.ComplexityRoot
	small, large := list(textList), list(corpusList)

	c.Query.Countries = large
	c.Query.Agreements = func(child int, country *string) int {
		if country != nil {
			return 1 + textList*child
		}
		return 1 + corpusList*child
	}
	c.Query.Resolutions = func(child int, _ *string, _, _, _ *graph.ID, _ *string, _, _ *graph.PartialDate, _, _ *string, first *int, _ *string) int {
		return connection(child, first)
	}
	c.Query.Demands = func(child int, _ *string, _, _, _ *graph.ID, _ *string, _, _ *graph.PartialDate, _, _ *string, first *int, _ *string) int {
		return connection(child, first)
	}
	c.Query.Neighbourhood = func(child int, _ graph.ID, _ *int, _ []graph.Predicate, limit *int) int {
		n := defaultNeighbourhood
		if limit != nil && *limit > 0 && *limit <= maxNeighbourhoodLimit {
			n = *limit
		}
		return 1 + child*max(n/defaultNeighbourhood, 1) // Subgraph's lists are costed at corpusList items each
	}
	c.Query.Path = func(child int, _, _ graph.ID, _ *int, _ []graph.Predicate) int {
		return 1 + child
	}
	c.Query.Search = func(child int, _ string, _ []graph.NodeKind, first *int, _ *string) int {
		return connection(child, first)
	}
	c.Subgraph.Nodes = large
	c.Subgraph.Edges = large
	c.GraphEdge.Evidence = func(child int, first *int) int { // most edges have one entry or a few
		if first != nil && *first > defaultEvidence {
			return 1 + textList**first/defaultEvidence*child
		}
		return 1 + textList*child
	}
	c.SearchConnection.Edges = func(child int) int { return child }
	c.ResolutionConnection.Facets = list(1)
	c.DemandConnection.Facets = list(1)

	c.Resolution.Documents = small
	c.Resolution.KeyEvents = small
	c.Resolution.Cites = small
	c.Resolution.CitedBy = small
	c.Resolution.Recipients = small
	c.Resolution.Claims = func(child int, _ *string) int { return 1 + textList*child }
	c.Resolution.Conflicts = small
	c.Procedure.KeyEvents = small
	c.Procedure.Documents = small
	c.Procedure.Sources = small
	c.ProcedureDocument.Replaces = small
	c.ProcedureDocument.ReplacedBy = small
	c.ProcedureDocument.AdoptedAs = small
	c.ProcedureDocument.AdoptedFrom = small
	c.ProcedureDocument.Texts = small
	c.ProcedureDocument.Sources = small
	c.ProcedureDocument.Resolutions = small
	c.Event.Documents = small

	c.Resolution.TabledBy = small
	c.Resolution.AdoptedBy = small
	c.Resolution.Concerns = small
	c.Resolution.Mentions = small
	c.Resolution.Agreements = small
	c.Resolution.Topics = small
	c.Resolution.Demands = small
	c.Resolution.Stances = small
	c.Resolution.Sources = small

	c.Country.Resolutions = func(child int, first *int, _ *string) int { return connection(child, first) }
	c.Country.Agreements = small
	c.Country.Institutions = small

	c.Agreement.Parties = small
	c.Agreement.Resolutions = small
	page := func(child int, first *int, _ *string) int { return connection(child, first) }
	c.Agreement.ResolutionPage = page
	c.Agreement.DemandPage = page
	c.Institution.DemandPage = page
	c.Topic.DemandPage = page
	c.Agreement.Demands = small

	c.Institution.Demands = large
	c.Topic.Demands = large

	c.Demand.Addressees = small
	c.Demand.Topics = small
	c.Demand.Agreements = small
	return c
}

// list is the cost of a list field of about n items.
func list(n int) func(child int) int {
	return func(child int) int { return 1 + n*child }
}

// connection is the cost of a page of first items (its pageInfo and totalCount are counted
// once per item too: a small overestimate).
func connection(child int, first *int) int {
	n := defaultPageSize
	if first != nil && *first >= 0 && *first <= maxPageSize {
		n = *first
	}
	if n == 0 {
		n = 1
	}
	return 1 + n*child
}
