package graph

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestNeighbourhoodWalksBothWaysToTheDepthAndLimitAsked(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := storeWith(t, b, kzFR(), kzEN(), mmDated())
		kz, res := CountryID("KZ"), ResolutionID("2021/2544(RSP)")

		sg, err := s.Neighbourhood(ctx, kz, 1, nil, 100)
		if err != nil {
			t.Fatal(err)
		}
		ids := nodeIDs(sg)
		for _, want := range []ID{kz, res, InstitutionID("GOVERNMENT:KZ"), InstitutionID("AUTHORITIES:KZ"), AgreementID(epca.Key())} {
			if !slices.Contains(ids, want) {
				t.Errorf("depth 1 around Kazakhstan lacks %s: %v", want, sg.Nodes)
			}
		}
		if slices.Contains(ids, DemandID(kzFR().Source.Key, 1)) {
			t.Error("a demand is two edges from Kazakhstan, not one")
		}
		if sg.Nodes[0].ID != kz || sg.Nodes[0].Depth != 0 || sg.Nodes[1].Depth != 1 {
			t.Errorf("nodes are not nearest first: %v", sg.Nodes)
		}
		if !slices.Contains(sg.Edges, Edge{res, Concerns, kz}) || !slices.Contains(sg.Edges, Edge{InstitutionID("GOVERNMENT:KZ"), BelongsTo, kz}) {
			t.Errorf("edges %v lack CONCERNS or BELONGS_TO", sg.Edges)
		}
		for _, e := range sg.Edges {
			if !slices.Contains(ids, e.From) || !slices.Contains(ids, e.To) {
				t.Errorf("edge %v leaves the subgraph", e)
			}
		}

		two, _ := s.Neighbourhood(ctx, kz, 2, nil, 100)
		if !slices.Contains(nodeIDs(two), DemandID(kzFR().Source.Key, 1)) || len(two.Nodes) <= len(sg.Nodes) {
			t.Errorf("depth 2 does not reach the demands: %v", two.Nodes)
		}
		only, _ := s.Neighbourhood(ctx, kz, 2, []Predicate{Concerns, HasDemand}, 100)
		for _, n := range only.Nodes {
			if n.Kind != KindCountry && n.Kind != KindResolution && n.Kind != KindDemand {
				t.Errorf("following CONCERNS and HAS_DEMAND only reached %v", n)
			}
		}
		cut, _ := s.Neighbourhood(ctx, kz, 2, nil, 3)
		if len(cut.Nodes) != 3 || !cut.Truncated {
			t.Errorf("limit 3 gave %d nodes, truncated %v", len(cut.Nodes), cut.Truncated)
		}
		if _, err := s.Neighbourhood(ctx, "no-such-node", 1, nil, 10); !errors.Is(err, ErrNotFound) {
			t.Errorf("an unknown node gave %v", err)
		}
	})
}

func TestPathFindsAShortestConnection(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := storeWith(t, b, kzFR(), kzEN(), mmDated(), rcProcedure(), rcJointMotion())
		agr, rc := AgreementID(epca.Key()), ResolutionID("2025/2691(RSP)")
		// The EPCA ← REFERS_TO the Kazakhstan resolution ← CITES the joint motion's resolution.
		sg, found, err := s.Path(ctx, agr, rc, 4, nil)
		if err != nil || !found {
			t.Fatalf("Path = %v, %v, %v", sg, found, err)
		}
		kzRes := ResolutionID("2021/2544(RSP)")
		if got := nodeIDs(sg); !slices.Equal(got, []ID{agr, kzRes, rc}) {
			t.Errorf("path %v, want the EPCA, the Kazakhstan resolution, the citing resolution", got)
		}
		if want := []Edge{{kzRes, RefersTo, agr}, {rc, Cites, kzRes}}; !slices.Equal(sg.Edges, want) {
			t.Errorf("edges %v, want %v (each in its own direction)", sg.Edges, want)
		}
		if _, found, _ := s.Path(ctx, agr, rc, 1, nil); found {
			t.Error("a path of two edges was found within one")
		}
		if _, found, _ := s.Path(ctx, agr, rc, 4, []Predicate{RefersTo}); found {
			t.Error("a path was found over REFERS_TO alone")
		}
		if _, _, err := s.Path(ctx, agr, "no-such-node", 4, nil); !errors.Is(err, ErrNotFound) {
			t.Errorf("an unknown end gave %v", err)
		}
	})
}

func nodeIDs(sg Subgraph) []ID {
	var out []ID
	for _, n := range sg.Nodes {
		out = append(out, n.ID)
	}
	return out
}

// TestABoundedWalkReadsTheFirstNodesOfEachPredicate checks around with a bound against its
// contract, computed here independently: for each predicate in order, the nodes joined to n
// by it (out and in), by ID, the first most of them. Hubs (the countries, the Parliament)
// have hundreds of neighbours here; the bounds cut them short and leave the small nodes whole.
func TestABoundedWalkReadsTheFirstNodesOfEachPredicate(t *testing.T) {
	v := newView()
	for i := range 300 {
		qs, err := lower(synthDoc(i, 0))
		if err != nil {
			t.Fatal(err)
		}
		v.add(qs)
	}
	want := func(n int32, preds []Predicate, most int) []ID {
		var out []ID
		for p := range Predicates {
			var ms []keyedNode
			for _, es := range [][]vedge{v.nodes[n].out, v.nodes[n].in} {
				for _, e := range es {
					if int(e.pred) == p && v.nodes[e.other].kind != 0 && wanted(preds, Predicates[p]) {
						ms = append(ms, keyedNode{v.nodes[e.other].key, e.other})
					}
				}
			}
			slices.SortStableFunc(ms, func(a, b keyedNode) int { return strings.Compare(string(v.nodes[a.n].id), string(v.nodes[b.n].id)) })
			if most >= 0 {
				ms = ms[:min(most, len(ms))]
			}
			for _, m := range ms {
				out = append(out, v.nodes[m.n].id)
			}
		}
		return out
	}
	hubs := 0
	for n := range v.nodes {
		if len(v.nodes[n].in) > 100 {
			hubs++
		}
		for _, preds := range [][]Predicate{nil, {Concerns, HasDemand}, {AddressedTo}} {
			for _, most := range []int{-1, 1, 3, 50, 201} {
				var got []ID
				for m := range v.around(int32(n), preds, most) {
					got = append(got, v.nodes[m].id)
				}
				if w := want(int32(n), preds, most); !slices.Equal(got, w) {
					t.Fatalf("around %s %v most %d:\n got %v\nwant %v", v.nodes[n].id, preds, most, got, w)
				}
			}
		}
	}
	if hubs == 0 {
		t.Fatal("no hub in the test graph: the bounds cut nothing")
	}
}
