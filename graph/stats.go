package graph

import (
	"context"
	"time"
)

// Stats are counts over the whole graph.
type Stats struct {
	Documents  int64               // stored source documents
	Nodes      map[NodeKind]int64  // distinct nodes of each kind (documents included), every kind present
	Edges      map[Predicate]int64 // distinct edges of each predicate (however many documents state one), every predicate present
	Quads      int64               // stored quads, labels making quads distinct
	LastIngest time.Time           // the latest ingest time of any document written since the store opened or stored then; zero for none
}

// NodeKinds lists every node kind, in the order of the GraphQL NodeKind enum.
var NodeKinds = []NodeKind{KindResolution, KindCountry, KindAgreement, KindInstitution, KindDemand, KindStance,
	KindTopic, KindDocument, KindProcedureDocument, KindEvent}

// Stats returns the counts, from the view: they cost nothing however large the graph.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.viewRead(ctx, func(v *view) {
		st = Stats{Nodes: map[NodeKind]int64{}, Edges: map[Predicate]int64{}, Quads: v.quads, LastIngest: v.last}
		for _, k := range NodeKinds {
			st.Nodes[k] = v.kindCount[k]
		}
		for _, p := range Predicates {
			st.Edges[p] = v.edgeCount[p]
		}
		st.Documents = st.Nodes[KindDocument]
	})
	return st, err
}
