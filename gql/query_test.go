package gql_test

import (
	"fmt"
	"net/http"
	"slices"
	"testing"

	"github.com/eurel/eurel/graph"
)

func TestNodeFindsEveryKindByID(t *testing.T) {
	eachStore(t, func(t *testing.T, newStore storeFactory) {
		srv := serve(t, newStore(t, fixtureDocs()...))
		doc := kzEN()
		cases := []struct {
			id       graph.ID
			typename string
		}{
			{graph.ResolutionID(kzRef), "Resolution"},
			{graph.CountryID("KZ"), "Country"},
			{epcaID, "Agreement"},
			{govKZ, "Institution"},
			{graph.DemandID(doc.Source.Key, 1), "Demand"},
			{graph.StanceID(doc.Source.Key, 1), "Stance"},
			{graph.TopicID("torture"), "Topic"},
			{doc.Source.ID(), "Document"},
		}
		for _, c := range cases {
			t.Run(c.typename+" by its ID", func(t *testing.T) {
				var got struct {
					Node struct {
						Typename string   `json:"__typename"`
						ID       graph.ID `json:"id"`
					}
				}
				srv.ok(t, `query($id: ID!) { node(id: $id) { __typename id } }`, map[string]any{"id": c.id}, &got)
				if got.Node.Typename != c.typename || got.Node.ID != c.id {
					t.Errorf("node(%s) = %+v, want a %s with that ID", c.id, got.Node, c.typename)
				}
			})
		}
		t.Run("an unknown ID is null, not an error", func(t *testing.T) {
			var got struct{ Node *struct{ ID string } }
			srv.ok(t, `{ node(id: "00000000-0000-0000-0000-000000000000") { id } }`, nil, &got)
			if got.Node != nil {
				t.Errorf("node = %+v, want null", got.Node)
			}
		})
	})
}

func TestResolutionByReference(t *testing.T) {
	eachStore(t, func(t *testing.T, newStore storeFactory) {
		srv := serve(t, newStore(t, fixtureDocs()...))
		var got struct {
			Resolution struct {
				ID        graph.ID
				Reference string
				Title     string
				TitleFR   string
				TitleDE   string
				Titles    []struct{ Lang, Text string }
				Adopted   string
				Stage     *string
				Vote      struct{ For, Against, Abstentions int }
				TabledBy  []struct{ Code string }
				AdoptedBy []struct{ Name string }
				Concerns  []struct{ Code, Name string }
				Mentions  []struct{ Code string }
				Demands   []struct {
					Position int
					Text     string
				}
				Stances []struct{ Kind, Text string }
				Sources []struct {
					Language   string
					Name       *string
					IngestedAt string
					Format     string
				}
			}
		}
		srv.ok(t, `{ resolution(reference: "2021/2544(RSP)") {
			id reference title titleFR: title(lang: "fr") titleDE: title(lang: "de") titles { lang text }
			adopted stage vote { for against abstentions } tabledBy { code } adoptedBy { name }
			concerns { code name } mentions { code } demands { position text } stances { kind text }
			sources { language name ingestedAt format } } }`, nil, &got)
		r := got.Resolution
		if r.ID != graph.ResolutionID(kzRef) || r.Reference != kzRef {
			t.Errorf("id, reference = %s, %s", r.ID, r.Reference)
		}
		if r.Title != "Human rights situation in Kazakhstan" || r.TitleDE != r.Title {
			t.Errorf("title = %q, title(lang: de) = %q: want the English title", r.Title, r.TitleDE)
		}
		if r.TitleFR != "Situation des droits de l'homme au Kazakhstan" {
			t.Errorf("title(lang: fr) = %q", r.TitleFR)
		}
		if len(r.Titles) != 2 || r.Titles[0].Lang != "en" || r.Titles[1].Lang != "fr" {
			t.Errorf("titles = %+v, want en and fr", r.Titles)
		}
		if r.Adopted != "2022-02-10" || r.Stage == nil || *r.Stage != "Procedure completed" {
			t.Errorf("adopted, stage = %q, %v", r.Adopted, r.Stage)
		}
		if r.Vote.For != 633 || r.Vote.Against != 12 || r.Vote.Abstentions != 40 {
			t.Errorf("vote = %+v", r.Vote)
		}
		if len(r.TabledBy) != 2 || len(r.AdoptedBy) != 1 || r.AdoptedBy[0].Name != "European Parliament" {
			t.Errorf("tabledBy = %+v, adoptedBy = %+v", r.TabledBy, r.AdoptedBy)
		}
		if len(r.Concerns) != 1 || r.Concerns[0].Code != "KZ" || r.Concerns[0].Name != "Kazakhstan" ||
			len(r.Mentions) != 1 || r.Mentions[0].Code != "CN" {
			t.Errorf("concerns = %+v, mentions = %+v", r.Concerns, r.Mentions)
		}
		if len(r.Demands) != 4 || r.Demands[0].Text != "release immediately all political prisoners" {
			t.Errorf("demands = %+v, want the 3 English ones then the French one", r.Demands)
		}
		if len(r.Stances) != 1 || r.Stances[0].Kind != "CONDEMNS" {
			t.Errorf("stances = %+v", r.Stances)
		}
		if len(r.Sources) != 2 || r.Sources[0].Language != "en" || *r.Sources[0].Name != "kz-en.txt" || r.Sources[1].Name != nil ||
			r.Sources[0].IngestedAt != "2024-03-01T10:00:00Z" || r.Sources[0].Format != "oeil-summary-text" {
			t.Errorf("sources = %+v", r.Sources)
		}

		t.Run("an unknown reference is null", func(t *testing.T) {
			var got struct{ Resolution *struct{ ID string } }
			srv.ok(t, `{ resolution(reference: "1999/0001(RSP)") { id } }`, nil, &got)
			if got.Resolution != nil {
				t.Errorf("resolution = %+v, want null", got.Resolution)
			}
		})
		t.Run("a resolution without a stage has a null stage", func(t *testing.T) {
			var got struct{ Resolution struct{ Stage *string } }
			srv.ok(t, `{ resolution(reference: "2021/2540(RSP)") { stage } }`, nil, &got)
			if got.Resolution.Stage != nil {
				t.Errorf("stage = %q, want null", *got.Resolution.Stage)
			}
		})
	})
}

func TestNamesFallBackAndAreNeverEmpty(t *testing.T) {
	eachStore(t, func(t *testing.T, newStore storeFactory) {
		srv := serve(t, newStore(t, fixtureDocs()...))
		cases := []struct {
			name, query, want string
		}{
			{"a country in the language asked", `{ x: country(code: "mm") { name(lang: "fr") } }`, "Myanmar (Birmanie)"},
			{"a country in English when the language is missing", `{ x: country(code: "KZ") { name(lang: "de") } }`, "Kazakhstan"},
			{"a language with a region", `{ x: country(code: "KZ") { name(lang: "fr-FR") } }`, "Kazakhstan"},
			{"an institution in French", `{ x: institution(key: "GOVERNMENT:KZ") { name(lang: "fr") } }`, "gouvernement du Kazakhstan"},
			{"an institution without names by its key", `{ x: institution(key: "ARMED_FORCES:MM") { name } }`, "ARMED_FORCES:MM"},
			{"an institution key in lower case", `{ x: institution(key: "government:kz") { name } }`, "Government of Kazakhstan"},
			{"a topic in English", `{ x: topic(key: "political-prisoners") { name } }`, "political prisoners"},
			{"an agreement by its English name", fmt.Sprintf(`{ x: agreement(id: %q) { name(lang: "fr") } }`, epcaID),
				"EU–Kazakhstan Enhanced Partnership and Cooperation Agreement"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				var got struct{ X struct{ Name string } }
				srv.ok(t, c.query, nil, &got)
				if got.X.Name != c.want {
					t.Errorf("name = %q, want %q", got.X.Name, c.want)
				}
			})
		}
		t.Run("an agreement with no name is named by its kind", func(t *testing.T) {
			doc := mm()
			doc.Agreements = []graph.Agreement{{Kind: graph.AgreementSAA, Parties: []graph.Party{{Institution: "EU"}, {Country: "MM"}}}}
			srv := serve(t, newStore(t, doc))
			var got struct{ Agreements []struct{ Name string } }
			srv.ok(t, `{ agreements { name } }`, nil, &got)
			if len(got.Agreements) != 1 || got.Agreements[0].Name != "Stabilisation and Association Agreement" {
				t.Errorf("agreements = %+v", got.Agreements)
			}
		})
		t.Run("a bad language code is BAD_INPUT", func(t *testing.T) {
			a := srv.post(t, `{ country(code: "KZ") { name(lang: "english!") } }`, nil)
			wantError(t, a, "BAD_INPUT", "lang", "english!")
		})
		t.Run("a bad country code is BAD_INPUT", func(t *testing.T) {
			a := srv.post(t, `{ country(code: "Kazakhstan") { name } }`, nil)
			wantError(t, a, "BAD_INPUT", "Kazakhstan", "ISO 3166-1")
		})
	})
}

func TestKazakhstanQuestion(t *testing.T) {
	eachStore(t, func(t *testing.T, newStore storeFactory) {
		st := newStore(t, fixtureDocs()...)
		srv := serve(t, st)
		var got struct {
			Agreements []struct {
				Name, Kind, Signed, InForce string
				Parties                     []struct {
					Typename string `json:"__typename"`
					Code     string
					Key      string
				}
				Resolutions []struct {
					Reference, Adopted string
					Demands            []struct {
						Text       string
						Addressees []struct{ ID graph.ID }
						Evidence   struct {
							Quote      string
							Start, End int
							Document   struct {
								ID   graph.ID
								Text string
							}
						}
					}
				}
			}
			Demands struct {
				TotalCount int
				Nodes      []struct{ Text string }
			}
		}
		srv.ok(t, `query($gov: ID!) {
			agreements(country: "KZ") {
				name kind signed inForce
				parties { __typename ... on Country { code } ... on Institution { key } }
				resolutions { reference adopted demands {
					text addressees { id }
					evidence { quote start end document { id text } } } }
			}
			demands(country: "KZ", addressee: $gov) { totalCount nodes { text } }
		}`, map[string]any{"gov": govKZ}, &got)

		if len(got.Agreements) != 1 {
			t.Fatalf("agreements(country: KZ) = %+v, want the EPCA", got.Agreements)
		}
		a := got.Agreements[0]
		if a.Name != "EU–Kazakhstan Enhanced Partnership and Cooperation Agreement" || a.Kind != "ENHANCED_PARTNERSHIP_AND_COOPERATION" ||
			a.Signed != "2015-12-21" || a.InForce != "2020-03" {
			t.Errorf("agreement = %s, %s, signed %s, in force %s", a.Name, a.Kind, a.Signed, a.InForce)
		}
		if len(a.Parties) != 2 || a.Parties[0].Typename != "Institution" || a.Parties[0].Key != "EU" ||
			a.Parties[1].Typename != "Country" || a.Parties[1].Code != "KZ" {
			t.Errorf("parties = %+v, want EU then KZ", a.Parties)
		}
		if len(a.Resolutions) != 1 || a.Resolutions[0].Reference != kzRef || a.Resolutions[0].Adopted != "2022-02-10" {
			t.Fatalf("resolutions = %+v", a.Resolutions)
		}
		var toGov []string
		for _, d := range a.Resolutions[0].Demands {
			q, err := graph.Quote(d.Evidence.Document.Text, graph.Span{Start: d.Evidence.Start, End: d.Evidence.End})
			if err != nil || q != d.Evidence.Quote {
				t.Errorf("demand %q: quote %q is not the document's text at [%d,%d) (%q, %v)", d.Text, d.Evidence.Quote, d.Evidence.Start, d.Evidence.End, q, err)
			}
			if slices.ContainsFunc(d.Addressees, func(x struct{ ID graph.ID }) bool { return x.ID == govKZ }) {
				toGov = append(toGov, d.Text)
			}
		}
		want := []string{"release immediately all political prisoners", "investigate all allegations of torture", "libérer immédiatement tous les prisonniers politiques"}
		if !slices.Equal(toGov, want) {
			t.Errorf("demands addressed to the government = %q, want %q", toGov, want)
		}
		var listed []string
		for _, n := range got.Demands.Nodes {
			listed = append(listed, n.Text)
		}
		if got.Demands.TotalCount != 3 || !slices.Equal(listed, want) {
			t.Errorf("demands(country: KZ, addressee: government) = %d %q, want %q", got.Demands.TotalCount, listed, want)
		}
	})
}

func TestResolutionsConnection(t *testing.T) {
	eachStore(t, func(t *testing.T, newStore storeFactory) {
		docs := append(fixtureDocs(), syntheticDocs(23, 2)...)
		srv := serve(t, newStore(t, docs...))
		type page struct {
			Resolutions struct {
				TotalCount int
				PageInfo   struct {
					HasNextPage, HasPreviousPage bool
					StartCursor, EndCursor       *string
				}
				Edges []struct {
					Cursor string
					Node   struct{ Reference string }
				}
				Nodes []struct{ Reference string }
			}
		}
		const q = `query($first: Int, $after: String, $country: String) {
			resolutions(first: $first, after: $after, country: $country) {
				totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
				edges { cursor node { reference } } nodes { reference } } }`

		t.Run("pages of 10 walk the whole list once, newest first", func(t *testing.T) {
			var all []string
			var after any
			for i := 0; ; i++ {
				var p page
				srv.ok(t, q, map[string]any{"first": 10, "after": after}, &p)
				r := p.Resolutions
				if r.TotalCount != 25 {
					t.Fatalf("totalCount = %d, want 25", r.TotalCount)
				}
				if r.PageInfo.HasPreviousPage != (i > 0) {
					t.Errorf("page %d: hasPreviousPage = %v", i, r.PageInfo.HasPreviousPage)
				}
				for j, e := range r.Edges {
					all = append(all, e.Node.Reference)
					if r.Nodes[j].Reference != e.Node.Reference {
						t.Errorf("nodes and edges differ at %d", j)
					}
				}
				if len(r.Edges) == 0 || *r.PageInfo.StartCursor != r.Edges[0].Cursor || *r.PageInfo.EndCursor != r.Edges[len(r.Edges)-1].Cursor {
					t.Fatalf("page %d: pageInfo cursors %+v do not match the edges", i, r.PageInfo)
				}
				if !r.PageInfo.HasNextPage {
					break
				}
				after = *r.PageInfo.EndCursor
			}
			if len(all) != 25 || all[0] != kzRef || all[1] != "2021/2540(RSP)" {
				t.Errorf("walked %d resolutions starting %q, want 25 starting with 2021/2544(RSP), 2021/2540(RSP)", len(all), all[:2])
			}
			if len(slices.Compact(slices.Sorted(slices.Values(all)))) != 25 {
				t.Errorf("a resolution was listed twice: %q", all)
			}
		})
		t.Run("first: 0 gives an empty page that knows more follow", func(t *testing.T) {
			var p page
			srv.ok(t, q, map[string]any{"first": 0}, &p)
			r := p.Resolutions
			if len(r.Edges) != 0 || !r.PageInfo.HasNextPage || r.PageInfo.EndCursor != nil || r.TotalCount != 25 {
				t.Errorf("first: 0 gave %+v", r)
			}
		})
		t.Run("the default page is 20", func(t *testing.T) {
			var p page
			srv.ok(t, `{ resolutions { totalCount edges { cursor node { reference } } } }`, nil, &p)
			if len(p.Resolutions.Edges) != 20 {
				t.Errorf("got %d edges, want 20", len(p.Resolutions.Edges))
			}
		})
		t.Run("country keeps the resolutions concerning it", func(t *testing.T) {
			var p page
			srv.ok(t, q, map[string]any{"country": "kz"}, &p)
			if p.Resolutions.TotalCount != 1 || p.Resolutions.Edges[0].Node.Reference != kzRef {
				t.Errorf("country: kz gave %+v", p.Resolutions)
			}
		})
		t.Run("agreement keeps the resolutions referring to it", func(t *testing.T) {
			var p page
			srv.ok(t, `query($a: ID) { resolutions(agreement: $a) { totalCount edges { cursor node { reference } } } }`, map[string]any{"a": epcaID}, &p)
			if p.Resolutions.TotalCount != 1 || p.Resolutions.Edges[0].Node.Reference != kzRef {
				t.Errorf("agreement: EPCA gave %+v", p.Resolutions)
			}
		})
		t.Run("Country.resolutions pages the same way", func(t *testing.T) {
			var got struct {
				Country struct {
					Resolutions struct {
						TotalCount int
						PageInfo   struct{ HasNextPage bool }
						Nodes      []struct{ Reference string }
					}
				}
			}
			srv.ok(t, `{ country(code: "AM") { resolutions(first: 2) { totalCount pageInfo { hasNextPage } nodes { reference } } } }`, nil, &got)
			r := got.Country.Resolutions
			if r.TotalCount != 3 || len(r.Nodes) != 2 || !r.PageInfo.HasNextPage {
				t.Errorf("country AM resolutions = %+v, want 2 of 3", r)
			}
		})

		bad := []struct {
			name string
			vars map[string]any
			code string
			msg  string
		}{
			{"first over 100 is BAD_INPUT", map[string]any{"first": 101}, "BAD_INPUT", "first must be between 0 and 100"},
			{"a negative first is BAD_INPUT", map[string]any{"first": -1}, "BAD_INPUT", "first must be between 0 and 100"},
			{"an unknown cursor is BAD_INPUT", map[string]any{"after": "bm90IGEgY3Vyc29y"}, "BAD_INPUT", "unknown cursor"},
			{"a cursor that is not base64 is BAD_INPUT", map[string]any{"after": "%%%"}, "BAD_INPUT", "unknown cursor"},
			{"a cursor of a filtered-out item is BAD_INPUT", map[string]any{"country": "MM", "after": "x"}, "BAD_INPUT", "unknown cursor"},
			{"a bad country is BAD_INPUT", map[string]any{"country": "KAZ"}, "BAD_INPUT", "country \"KAZ\""},
		}
		for _, c := range bad {
			t.Run(c.name, func(t *testing.T) {
				a := srv.post(t, q, c.vars)
				wantError(t, a, c.code, c.msg)
			})
		}
		t.Run("a demand cursor is not a resolution cursor", func(t *testing.T) {
			var d struct {
				Demands struct{ PageInfo struct{ EndCursor string } }
			}
			srv.ok(t, `{ demands(first: 1) { pageInfo { endCursor } } }`, nil, &d)
			a := srv.post(t, q, map[string]any{"after": d.Demands.PageInfo.EndCursor})
			wantError(t, a, "BAD_INPUT", "unknown cursor")
		})
		t.Run("an unknown agreement is NOT_FOUND", func(t *testing.T) {
			a := srv.post(t, `{ resolutions(agreement: "00000000-0000-0000-0000-000000000000") { totalCount } }`, nil)
			wantError(t, a, "NOT_FOUND", "no agreement")
		})
	})
}

func TestDemandsConnection(t *testing.T) {
	eachStore(t, func(t *testing.T, newStore storeFactory) {
		srv := serve(t, newStore(t, append(fixtureDocs(), syntheticDocs(3, 4)...)...))
		type demands struct {
			Demands struct {
				TotalCount int
				PageInfo   struct {
					HasNextPage bool
					EndCursor   string
				}
				Edges []struct {
					Node struct {
						Text       string
						Position   int
						Resolution struct{ Reference string }
					}
				}
			}
		}
		const q = `query($country: String, $addressee: ID, $agreement: ID, $first: Int, $after: String) {
			demands(country: $country, addressee: $addressee, agreement: $agreement, first: $first, after: $after) {
				totalCount pageInfo { hasNextPage endCursor } edges { node { text position resolution { reference } } } } }`
		cases := []struct {
			name  string
			vars  map[string]any
			total int
		}{
			{"every demand", nil, 5 + 3*4},
			{"by country: resolutions concerning it or demands to its institutions", map[string]any{"country": "KZ"}, 4},
			{"by addressee", map[string]any{"addressee": graph.InstitutionID(graph.CodeCommission)}, 1 + 3*4},
			{"by agreement", map[string]any{"agreement": epcaID}, 1},
			{"by country and addressee", map[string]any{"country": "KZ", "addressee": govKZ}, 3},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				var got demands
				srv.ok(t, q, c.vars, &got)
				if got.Demands.TotalCount != c.total {
					t.Errorf("totalCount = %d, want %d", got.Demands.TotalCount, c.total)
				}
			})
		}
		t.Run("the second page follows the first", func(t *testing.T) {
			var p1, p2 demands
			srv.ok(t, q, map[string]any{"first": 3}, &p1)
			srv.ok(t, q, map[string]any{"first": 3, "after": p1.Demands.PageInfo.EndCursor}, &p2)
			if !p1.Demands.PageInfo.HasNextPage || len(p2.Demands.Edges) != 3 {
				t.Fatalf("pages: %+v then %+v", p1.Demands, p2.Demands)
			}
			first := p1.Demands.Edges
			if first[0].Node.Resolution.Reference != kzRef || first[0].Node.Position != 1 || first[1].Node.Position != 2 {
				t.Errorf("first page = %+v, want 2021/2544(RSP)'s demands in order", first)
			}
			if p2.Demands.Edges[0].Node.Text != "libérer immédiatement tous les prisonniers politiques" {
				t.Errorf("second page starts with %q", p2.Demands.Edges[0].Node.Text)
			}
		})
		t.Run("an addressee that is not an institution is NOT_FOUND", func(t *testing.T) {
			a := srv.post(t, q, map[string]any{"addressee": graph.CountryID("KZ")})
			wantError(t, a, "NOT_FOUND", "no institution")
		})
	})
}

func TestListsAndWalks(t *testing.T) {
	eachStore(t, func(t *testing.T, newStore storeFactory) {
		srv := serve(t, newStore(t, fixtureDocs()...))
		var got struct {
			Countries []struct {
				Code         string
				Agreements   []struct{ Kind string }
				Institutions []struct {
					Key     string
					Kind    string
					Code    *string
					Country struct{ Code string }
					Demands []struct{ Text string }
				}
			}
			Topic struct {
				Names   []struct{ Lang, Text string }
				Demands []struct {
					Topics []struct{ Key string }
				}
			}
			EU struct {
				Code    *string
				Kind    string
				Country *struct{ Code string }
			}
		}
		srv.ok(t, `{
			countries { code agreements { kind } institutions { key kind code country { code } demands { text } } }
			topic(key: "political-prisoners") { names { lang text } demands { topics { key } } }
			EU: institution(key: "EU") { code kind country { code } }
		}`, nil, &got)
		var codes []string
		for _, c := range got.Countries {
			codes = append(codes, c.Code)
		}
		if !slices.Equal(codes, []string{"CN", "KZ", "MM"}) {
			t.Errorf("countries = %q", codes)
		}
		kz := got.Countries[1]
		if len(kz.Agreements) != 1 || len(kz.Institutions) != 1 || kz.Institutions[0].Code != nil ||
			kz.Institutions[0].Country.Code != "KZ" || len(kz.Institutions[0].Demands) != 3 || kz.Institutions[0].Kind != "GOVERNMENT" {
			t.Errorf("KZ = %+v", kz)
		}
		if len(got.Topic.Names) != 2 || len(got.Topic.Demands) != 2 {
			t.Errorf("topic = %+v", got.Topic)
		}
		if got.EU.Code == nil || *got.EU.Code != "EU" || got.EU.Kind != "EU" || got.EU.Country != nil {
			t.Errorf("EU = %+v", got.EU)
		}
		t.Run("a stance knows its resolution and evidence", func(t *testing.T) {
			var got struct {
				Node struct {
					Kind       string
					Position   int
					Resolution struct{ Reference string }
					Evidence   struct{ Quote string }
				}
			}
			srv.ok(t, `query($id: ID!) { node(id: $id) { ... on Stance { kind position resolution { reference } evidence { quote } } } }`,
				map[string]any{"id": graph.StanceID(kzEN().Source.Key, 1)}, &got)
			if got.Node.Resolution.Reference != kzRef || got.Node.Evidence.Quote != "It condemns the violent crackdown on protesters." {
				t.Errorf("stance = %+v", got.Node)
			}
		})
		t.Run("a document by ID with its text", func(t *testing.T) {
			var got struct {
				Document struct {
					Key, Kind, Language, Sha256, Text string
				}
			}
			srv.ok(t, `query($id: ID!) { document(id: $id) { key kind language sha256 text } }`, map[string]any{"id": mm().Source.ID()}, &got)
			if got.Document.Text != mmText || got.Document.Sha256 != digest(mmText) || got.Document.Kind != "OEIL_SUMMARY" {
				t.Errorf("document = %+v", got.Document)
			}
		})
	})
}

func TestGETAnswersQueriesOnly(t *testing.T) {
	eachStore(t, func(t *testing.T, newStore storeFactory) {
		srv := serve(t, newStore(t, fixtureDocs()...))
		a := srv.get(t, `query($c: String!) { country(code: $c) { name } }`, map[string]any{"c": "KZ"})
		if a.Status != http.StatusOK || len(a.Errors) > 0 || string(a.Data) != `{"country":{"name":"Kazakhstan"}}` {
			t.Errorf("GET: HTTP %d, data %s, errors %+v", a.Status, a.Data, a.Errors)
		}
		a = srv.get(t, `mutation { deleteDocument(id: "x") }`, nil)
		if len(a.Errors) == 0 || a.Errors[0].code() == "" {
			t.Errorf("a mutation over GET: HTTP %d, errors %+v: want a coded error", a.Status, a.Errors)
		}
	})
}

func TestAgreementResolutionPagesWalkItsResolutions(t *testing.T) {
	eachStore(t, func(t *testing.T, newStore storeFactory) {
		srv := serve(t, newStore(t, append(fixtureDocs(), syntheticDocs(23, 2)...)...))
		type ref struct{ Reference string }
		var all struct {
			Agreements []struct {
				ID          string
				Resolutions []ref
			}
		}
		srv.ok(t, `{ agreements { id resolutions { reference } } }`, nil, &all)
		walked := 0
		for _, ag := range all.Agreements {
			var got []string
			var after any
			for {
				var p struct {
					Agreement struct {
						ResolutionPage struct {
							TotalCount int
							Nodes      []ref
							PageInfo   struct {
								HasNextPage bool
								EndCursor   *string
							}
						}
					}
				}
				srv.ok(t, `query($id: ID!, $after: String) { agreement(id: $id) {
					resolutionPage(first: 1, after: $after) { totalCount nodes { reference } pageInfo { hasNextPage endCursor } } } }`,
					map[string]any{"id": ag.ID, "after": after}, &p)
				page := p.Agreement.ResolutionPage
				if page.TotalCount != len(ag.Resolutions) {
					t.Fatalf("agreement %s: totalCount %d, resolutions %d", ag.ID, page.TotalCount, len(ag.Resolutions))
				}
				for _, n := range page.Nodes {
					got = append(got, n.Reference)
				}
				if !page.PageInfo.HasNextPage {
					break
				}
				after = *page.PageInfo.EndCursor
			}
			want := make([]string, len(ag.Resolutions))
			for i, r := range ag.Resolutions {
				want[i] = r.Reference
			}
			if !slices.Equal(got, want) {
				t.Errorf("agreement %s: pages gave %q, resolutions %q", ag.ID, got, want)
			}
			walked += len(got)
		}
		if walked == 0 {
			t.Error("no agreement has a resolution: the test walked nothing")
		}
	})
}

func TestDemandPagesWalkTheDemandsOfAnInstitutionATopicAndAnAgreement(t *testing.T) {
	srv := serve(t, openGraphStore(t, append(fixtureDocs(), syntheticDocs(23, 2)...)...))
	var res struct {
		Resolutions struct {
			Nodes []struct {
				Demands []struct {
					Addressees, Topics, Agreements []struct{ ID string }
				}
			}
		}
	}
	srv.ok(t, `{ resolutions(first: 30) { nodes { demands { addressees { id } topics { id } agreements { id } } } } }`, nil, &res)
	ids := map[string]bool{}
	for _, r := range res.Resolutions.Nodes {
		for _, d := range r.Demands {
			for _, x := range slices.Concat(d.Addressees, d.Topics, d.Agreements) {
				ids[x.ID] = true
			}
		}
	}
	const fields = `demands { id } demandPage(first: 2, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } }`
	type page struct {
		Demands    []struct{ ID string }
		DemandPage struct {
			TotalCount int
			Nodes      []struct{ ID string }
			PageInfo   struct {
				HasNextPage bool
				EndCursor   *string
			}
		}
	}
	walked := 0
	for id := range ids {
		var got, want []string
		var after any
		for {
			var p struct{ Node page }
			srv.ok(t, `query($id: ID!, $after: String) { node(id: $id) {
				... on Institution { `+fields+` } ... on Topic { `+fields+` } ... on Agreement { `+fields+` } } }`,
				map[string]any{"id": id, "after": after}, &p)
			if want == nil {
				want = []string{}
				for _, d := range p.Node.Demands {
					want = append(want, d.ID)
				}
			}
			if p.Node.DemandPage.TotalCount != len(want) {
				t.Fatalf("%s: totalCount %d, demands %d", id, p.Node.DemandPage.TotalCount, len(want))
			}
			for _, n := range p.Node.DemandPage.Nodes {
				got = append(got, n.ID)
			}
			if !p.Node.DemandPage.PageInfo.HasNextPage {
				break
			}
			after = *p.Node.DemandPage.PageInfo.EndCursor
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: pages gave %q, demands %q", id, got, want)
		}
		walked += len(got)
	}
	if walked < 10 {
		t.Errorf("the pages walked %d demands: the test walked too little", walked)
	}
}
