package gql_test

import (
	"slices"
	"testing"

	"github.com/eurel/eurel/gql"
	"github.com/eurel/eurel/graph"
)

func TestNeighbourhoodGivesNodesAndEdgesWithEvidence(t *testing.T) {
	srv := serve(t, openGraphStore(t, fixtureDocs()...))
	kz := graph.CountryID("KZ")
	var got struct {
		Neighbourhood struct {
			Nodes []struct {
				Typename string `json:"__typename"`
				ID       graph.ID
			}
			Edges []struct {
				From, To graph.ID
				Type     string
				Evidence []struct{ Quote string }
			}
			Truncated bool
		}
	}
	srv.ok(t, `query($id: ID!) { neighbourhood(id: $id, depth: 1) { nodes { __typename id } edges { from to type evidence { quote } } truncated } }`,
		map[string]any{"id": kz}, &got)
	n := got.Neighbourhood
	if len(n.Nodes) == 0 || n.Nodes[0].ID != kz || n.Nodes[0].Typename != "Country" || n.Truncated {
		t.Fatalf("nodes %+v", n.Nodes)
	}
	res := graph.ResolutionID("2021/2544(RSP)")
	found := false
	for _, e := range n.Edges {
		if e.From == res && e.To == kz && e.Type == "CONCERNS" {
			found = len(e.Evidence) == 2 && e.Evidence[0].Quote == "Kazakhstan"
		}
	}
	if !found {
		t.Errorf("no CONCERNS edge with the two summaries' evidence among %+v", n.Edges)
	}

	// The first entries of an edge's evidence, and how many there are.
	var few struct {
		Neighbourhood struct {
			Edges []struct {
				From, To      graph.ID
				Evidence      []struct{ Document struct{ ID graph.ID } }
				EvidenceCount int
			}
		}
	}
	srv.ok(t, `query($id: ID!) { neighbourhood(id: $id, depth: 1, edges: [CONCERNS]) { edges { from to evidence(first: 1) { document { id } } evidenceCount } } }`,
		map[string]any{"id": kz}, &few)
	found = false
	for _, e := range few.Neighbourhood.Edges {
		if e.From == res {
			found = len(e.Evidence) == 1 && e.EvidenceCount == 2
		}
	}
	if !found {
		t.Errorf("evidence(first: 1) of an edge two summaries state: %+v", few.Neighbourhood.Edges)
	}
	a := srv.post(t, `query($id: ID!) { neighbourhood(id: $id, depth: 1) { edges { evidence(first: 101) { quote } } } }`, map[string]any{"id": kz})
	wantError(t, a, "BAD_INPUT", "first must be between 0 and 100")

	a = srv.post(t, `{ neighbourhood(id: "nothing-here") { truncated } }`, nil)
	wantError(t, a, "NOT_FOUND")
	a = srv.post(t, `{ neighbourhood(id: "x", depth: 9) { truncated } }`, nil)
	wantError(t, a, "BAD_INPUT", "depth 9")
}

func TestPathConnectsAnAgreementToADemand(t *testing.T) {
	srv := serve(t, openGraphStore(t, fixtureDocs()...))
	var got struct {
		Path *struct {
			Nodes []struct {
				Typename string `json:"__typename"`
			}
			Edges []struct{ Type string }
		}
	}
	gov := graph.InstitutionID("GOVERNMENT:KZ")
	srv.ok(t, `query($a: ID!, $b: ID!) { path(from: $a, to: $b) { nodes { __typename } edges { type } } }`,
		map[string]any{"a": graph.AgreementID(epca().Key()), "b": gov}, &got)
	if got.Path == nil {
		t.Fatal("no path from the EPCA to the government of Kazakhstan")
	}
	var kinds, types []string
	for _, n := range got.Path.Nodes {
		kinds = append(kinds, n.Typename)
	}
	for _, e := range got.Path.Edges {
		types = append(types, e.Type)
	}
	// EPCA ← PARTY_TO Kazakhstan ← BELONGS_TO its government: two edges.
	if !slices.Equal(kinds, []string{"Agreement", "Country", "Institution"}) || !slices.Equal(types, []string{"PARTY_TO", "BELONGS_TO"}) {
		t.Errorf("path %v over %v", kinds, types)
	}
	srv.ok(t, `query($a: ID!, $b: ID!) { path(from: $a, to: $b, maxDepth: 1) { nodes { __typename } } }`,
		map[string]any{"a": graph.AgreementID(epca().Key()), "b": gov}, &got)
	if got.Path != nil {
		t.Errorf("a path of two edges within one: %+v", got.Path)
	}
}

func TestStatsCountTheGraph(t *testing.T) {
	srv := serve(t, openGraphStore(t, fixtureDocs()...))
	var got struct {
		Stats struct {
			Documents, Quads int
			Nodes            []struct {
				Kind  string
				Count int
			}
			Edges []struct {
				Type  string
				Count int
			}
			LastIngest *string
		}
	}
	srv.ok(t, `{ stats { documents quads nodes { kind count } edges { type count } lastIngest } }`, nil, &got)
	st := got.Stats
	count := func(kind string) int {
		for _, n := range st.Nodes {
			if n.Kind == kind {
				return n.Count
			}
		}
		return -1
	}
	edges := func(typ string) int {
		for _, e := range st.Edges {
			if e.Type == typ {
				return e.Count
			}
		}
		return -1
	}
	if st.Documents != 3 || count("RESOLUTION") != 2 || count("DEMAND") != 5 || edges("CONCERNS") != 2 || edges("CITES") != 0 ||
		st.Quads == 0 || st.LastIngest == nil {
		t.Errorf("stats %+v", st)
	}
}

func TestFiltersAndFacets(t *testing.T) {
	srv := serve(t, openGraphStore(t, append(fixtureDocs(), syntheticDocs(12, 2)...)...))
	type facet struct {
		Value string
		Count int
	}
	var got struct {
		Resolutions struct {
			TotalCount int
			Nodes      []struct{ Reference string }
			Facets     struct{ Countries, Years, Topics, AddresseeKinds []facet }
		}
	}
	q := `query($c: String, $g: String, $from: Date, $to: Date, $lang: String, $topic: ID) {
	  resolutions(country: $c, group: $g, adoptedFrom: $from, adoptedTo: $to, language: $lang, topic: $topic, first: 100) {
	    totalCount nodes { reference }
	    facets { countries { value count } years { value count } topics { value count } addresseeKinds { value count } }
	  }
	}`
	srv.ok(t, q, nil, &got)
	r := got.Resolutions
	if r.TotalCount != 14 || len(r.Nodes) != 14 {
		t.Errorf("unfiltered: %d resolutions", r.TotalCount)
	}
	if !slices.Contains(r.Facets.Years, facet{"2020", 12}) || !slices.Contains(r.Facets.Years, facet{"2022", 1}) ||
		!slices.Contains(r.Facets.Countries, facet{"KZ", 1}) || !slices.Contains(r.Facets.AddresseeKinds, facet{"GOVERNMENT", 13}) ||
		!slices.Contains(r.Facets.Topics, facet{"matter", 12}) {
		t.Errorf("facets %+v", r.Facets)
	}
	srv.ok(t, q, map[string]any{"g": "epp", "from": "2020-06-01", "to": "2020-12-31"}, &got)
	if got.Resolutions.TotalCount != 7 { // synthetic ones adopted in months 6..12 of 2020, all tabled by the EPP
		t.Errorf("EPP, second half of 2020: %d resolutions %+v", got.Resolutions.TotalCount, got.Resolutions.Nodes)
	}
	srv.ok(t, q, map[string]any{"lang": "fr"}, &got)
	if got.Resolutions.TotalCount != 1 || got.Resolutions.Nodes[0].Reference != "2021/2544(RSP)" {
		t.Errorf("French sources: %+v", got.Resolutions.Nodes)
	}
	srv.ok(t, q, map[string]any{"topic": graph.TopicID("torture")}, &got)
	if got.Resolutions.TotalCount != 1 {
		t.Errorf("about torture: %+v", got.Resolutions.Nodes)
	}
	a := srv.post(t, q, map[string]any{"from": "2021-01-01", "to": "2020-01-01"})
	wantError(t, a, "BAD_INPUT", "before")

	var demands struct {
		Demands struct {
			TotalCount int
			Facets     struct{ AddresseeKinds []facet }
		}
	}
	srv.ok(t, `{ demands(group: "SD") { totalCount facets { addresseeKinds { value count } } } }`, nil, &demands)
	if demands.Demands.TotalCount != 4 || !slices.Contains(demands.Demands.Facets.AddresseeKinds, facet{"GOVERNMENT", 3}) {
		t.Errorf("demands of the resolution tabled by S&D (three in English, one in French): %+v", demands.Demands)
	}
}

func TestSearchFindsFrenchAndEnglishWithSnippets(t *testing.T) {
	srv := serve(t, openGraphStore(t, fixtureDocs()...))
	var got struct {
		Search struct {
			TotalCount int
			Edges      []struct {
				Snippet, Field, Cursor string
				Node                   struct {
					Typename string `json:"__typename"`
					Text     string
				}
			}
			PageInfo struct{ HasNextPage bool }
		}
	}
	srv.ok(t, `query($q: String!) { search(query: $q, kinds: [DEMAND]) { totalCount edges { snippet field cursor node { __typename ... on Demand { text } } } pageInfo { hasNextPage } } }`,
		map[string]any{"q": "prisonnier politique"}, &got)
	var texts []string
	for _, e := range got.Search.Edges {
		texts = append(texts, e.Node.Text)
		if e.Node.Typename != "Demand" || e.Field != "text" || e.Snippet == "" {
			t.Errorf("hit %+v", e)
		}
	}
	if got.Search.TotalCount != 1 || !slices.Equal(texts, []string{"libérer immédiatement tous les prisonniers politiques"}) {
		t.Errorf("\"prisonnier politique\" found %d demands: %q, want the French one (stemmed, plural)", got.Search.TotalCount, texts)
	}
	a := srv.post(t, `{ search(query: "") { totalCount } }`, nil)
	wantError(t, a, "BAD_INPUT")
	var filtered struct {
		Resolutions struct{ TotalCount int }
	}
	srv.ok(t, `{ resolutions(text: "torture") { totalCount } }`, nil, &filtered)
	if filtered.Resolutions.TotalCount != 1 {
		t.Errorf("resolutions whose demands mention torture: %d", filtered.Resolutions.TotalCount)
	}
}

func TestANeighbourhoodOfIDsAndTypesReadsNoRecord(t *testing.T) {
	st := openGraphStore(t, append(fixtureDocs(), syntheticDocs(20, 3)...)...)
	calls := countCalls(st)
	srv := serve(t, st, func(c *gql.Config) { c.Reader = calls })
	var got struct {
		Neighbourhood struct {
			Nodes []struct {
				Typename string `json:"__typename"`
				ID       graph.ID
			}
		}
	}
	srv.ok(t, `query($id: ID!) { neighbourhood(id: $id, depth: 2) { nodes { __typename id } } }`,
		map[string]any{"id": graph.InstitutionID(graph.CodeCommission)}, &got)
	if len(got.Neighbourhood.Nodes) < 20 || got.Neighbourhood.Nodes[0].Typename != "Institution" {
		t.Fatalf("nodes %+v", got.Neighbourhood.Nodes)
	}
	for method, n := range calls.snapshot() {
		if method != "Neighbourhood" {
			t.Errorf("%s called %d times: ids and types come from the subgraph", method, n)
		}
	}
}
