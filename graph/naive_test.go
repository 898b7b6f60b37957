package graph

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The benchmark baseline (naive.go) must answer the same data as the Store's Reader, or its
// ratio to eurel compares different work. These tests build each answer from Reader calls, as
// the GraphQL resolvers do, and compare.

// naiveStore holds every fixture: two summaries of the Kazakhstan resolution that disagree
// on the vote, the Myanmar resolution, and the procedure file and joint motion of a third
// resolution that cites both.
func naiveStore(t *testing.T, b backend) *Store {
	return storeWith(t, b, kzFR(), kzEN(), mmDated(), rcProcedure(), rcJointMotion())
}

// readerResolution is what the suite's resolution fields give through the Reader.
func readerResolution(t *testing.T, s *Store, id ID, f fields) NaiveResolution {
	t.Helper()
	ctx := context.Background()
	recs, err := s.Resolutions(ctx, []ID{id})
	if err != nil || recs[0] == nil {
		t.Fatalf("Resolutions(%s) = %v, %v", id, recs, err)
	}
	rec := recs[0]
	res := NaiveResolution{ID: id, Reference: rec.Reference, Title: PickName(rec.Titles, "en", rec.Reference), Adopted: rec.Adopted}
	if !f.demands {
		return res
	}
	res.Demands = []NaiveDemand{}
	demands, err := s.Demands(ctx, rec.Demands)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range demands {
		if d == nil {
			continue
		}
		nd := NaiveDemand{ID: d.ID, Text: d.Text, Addressees: []NaiveAddressee{}}
		if f.evidence {
			nd.Quote = d.Evidence.Quote
		}
		insts, err := s.Institutions(ctx, d.Addressees)
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range insts {
			if in == nil {
				continue
			}
			a := NaiveAddressee{ID: in.ID, Name: PickName(in.Names, "en", in.Key)}
			if f.addresseeKind {
				a.Kind = in.Kind
			}
			nd.Addressees = append(nd.Addressees, a)
		}
		res.Demands = append(res.Demands, nd)
	}
	return res
}

func TestNaiveCountryPageAndListAgreeWithTheReader(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := naiveStore(t, b)
		for _, code := range []string{"KZ", "MM"} {
			got, err := s.Naive().CountryPage(ctx, code, 20)
			if err != nil || got == nil {
				t.Fatalf("CountryPage(%s) = %v, %v", code, got, err)
			}
			cs, err := s.Countries(ctx, []ID{CountryID(code)})
			if err != nil {
				t.Fatal(err)
			}
			ids, err := s.ListResolutions(ctx, ResolutionFilter{Country: code})
			if err != nil {
				t.Fatal(err)
			}
			want := &NaiveCountryPage{ID: CountryID(code), Code: code, Name: PickName(cs[0].Names, "en", code), TotalCount: len(ids)}
			for _, id := range ids {
				want.Resolutions = append(want.Resolutions, readerResolution(t, s, id, fields{demands: true, addresseeKind: true, evidence: true}))
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("country page of %s:\n got %+v\nwant %+v", code, got, want)
			}
			if code == "KZ" && (len(got.Resolutions) != 1 || len(got.Resolutions[0].Demands) != 3 || got.Resolutions[0].Demands[0].Quote == "") {
				t.Errorf("the Kazakhstan page lacks its three demands with evidence: %+v", got)
			}
		}
		if page, err := s.Naive().CountryPage(ctx, "FR", 20); page != nil || err != nil {
			t.Errorf("a country the graph lacks gave %v, %v", page, err)
		}

		from := Day(2015, 1, 1)
		for _, code := range []string{"KZ", "MM", "US"} {
			got, err := s.Naive().ResolutionList(ctx, code, from, 20)
			if err != nil {
				t.Fatal(err)
			}
			f := ResolutionFilter{Country: code, From: from}
			ids, err := s.ListResolutions(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			facets, err := s.ResolutionFacets(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			want := NaiveResolutionList{TotalCount: len(ids), Facets: facets}
			for _, id := range ids {
				want.Resolutions = append(want.Resolutions, readerResolution(t, s, id, fields{}))
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("list of %s:\n got %+v\nwant %+v", code, got, want)
			}
		}
		kz, _ := s.Naive().ResolutionList(ctx, "KZ", from, 20)
		if len(kz.Facets.Topics) == 0 || len(kz.Facets.AddresseeKinds) < 3 || len(kz.Facets.Years) != 1 {
			t.Errorf("the Kazakhstan facets count too little: %+v", kz.Facets)
		}
	})
}

func TestNaiveAgreementPageAgreesWithTheReader(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := naiveStore(t, b)
		id := AgreementID(epca.Key())
		got, err := s.Naive().AgreementPage(ctx, id, 20)
		if err != nil || got == nil {
			t.Fatalf("AgreementPage = %v, %v", got, err)
		}
		recs, err := s.Agreements(ctx, []ID{id})
		if err != nil {
			t.Fatal(err)
		}
		want := &NaiveAgreementPage{ID: id, Name: PickName(recs[0].Names, "en", string(recs[0].Kind))}
		kinds, err := s.Kinds(ctx, recs[0].Parties)
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range recs[0].Parties {
			want.Parties = append(want.Parties, SubgraphNode{ID: p, Kind: kinds[i]})
		}
		ids, err := s.ListResolutions(ctx, ResolutionFilter{Agreement: id})
		if err != nil {
			t.Fatal(err)
		}
		want.TotalCount = len(ids)
		for _, r := range ids[:min(20, len(ids))] {
			want.Resolutions = append(want.Resolutions, readerResolution(t, s, r, fields{demands: true, addresseeKind: true, evidence: true}))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("agreement page:\n got %+v\nwant %+v", got, want)
		}
		if len(got.Parties) != 2 || len(got.Resolutions) != 1 {
			t.Errorf("the EPCA page lacks its two parties or its resolution: %+v", got)
		}
		if page, err := s.Naive().AgreementPage(ctx, CountryID("KZ"), 20); page != nil || err != nil {
			t.Errorf("a country asked as an agreement gave %v, %v", page, err)
		}
	})
}

func TestNaiveNeighbourhoodAndPathAgreeWithTheReader(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := naiveStore(t, b)
		for _, start := range []ID{CountryID("KZ"), ResolutionID("2021/2544(RSP)"), ResolutionID("2025/2691(RSP)")} {
			for _, limit := range []int{100, 5} {
				got, err := s.Naive().Neighbourhood(ctx, start, 2, limit, -1)
				if err != nil {
					t.Fatal(err)
				}
				want, err := s.Neighbourhood(ctx, start, 2, nil, limit)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got.Nodes, want.Nodes) || got.Truncated != want.Truncated {
					t.Errorf("neighbourhood of %s, limit %d:\n got %v %v\nwant %v %v", start, limit, got.Nodes, got.Truncated, want.Nodes, want.Truncated)
				}
				evs, err := s.EvidenceOf(ctx, want.Edges, -1)
				if err != nil {
					t.Fatal(err)
				}
				wantEdges, gotEdges := map[Edge][]string{}, map[Edge][]string{}
				for i, e := range want.Edges {
					wantEdges[e] = []string{}
					for _, ev := range evs[i].Items {
						wantEdges[e] = append(wantEdges[e], ev.Quote)
					}
				}
				for i, e := range got.Edges {
					gotEdges[e] = got.Evidence[i]
				}
				if !reflect.DeepEqual(gotEdges, wantEdges) {
					t.Errorf("neighbourhood of %s, limit %d: edges and evidence\n got %v\nwant %v", start, limit, gotEdges, wantEdges)
				}
			}
		}
		if _, err := s.Naive().Neighbourhood(ctx, "no-such-node", 2, 10, -1); err != ErrNotFound {
			t.Errorf("an unknown node gave %v", err)
		}

		agr := AgreementID(epca.Key())
		for _, to := range []ID{ResolutionID("2025/2691(RSP)"), DemandID(kzFR().Source.Key, 1), InstitutionID("GOVERNMENT:KZ"), InstitutionID("ARMED_FORCES:MM")} {
			for _, depth := range []int{1, 4} {
				got, gotFound, err := s.Naive().Path(ctx, agr, to, depth)
				if err != nil {
					t.Fatal(err)
				}
				want, wantFound, err := s.Path(ctx, agr, to, depth, nil)
				if err != nil {
					t.Fatal(err)
				}
				if gotFound != wantFound || !reflect.DeepEqual(got, want) {
					t.Errorf("path to %s within %d:\n got %v %v\nwant %v %v", to, depth, gotFound, got, wantFound, want)
				}
			}
		}
		if _, _, err := s.Naive().Path(ctx, agr, "no-such-node", 4); err != ErrNotFound {
			t.Errorf("an unknown end gave %v", err)
		}
	})
}

func TestNaiveSearchScansTitlesAndDemandTexts(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := naiveStore(t, b)
		page, err := s.Naive().Search(ctx, "Political PRISONERS", 20)
		if err != nil {
			t.Fatal(err)
		}
		want := []ID{DemandID(kzEN().Source.Key, 1)}
		var got []ID
		for _, h := range page.Hits {
			got = append(got, h.ID)
			if h.Kind != KindDemand || h.Field != "text" || !strings.Contains(h.Snippet, "<mark>political</mark>") {
				t.Errorf("hit %+v", h)
			}
		}
		if page.TotalCount != 1 || !slices.Equal(got, want) {
			t.Errorf("search found %d: %v, want %v", page.TotalCount, got, want)
		}
		titles, err := s.Naive().Search(ctx, "situation myanmar", 20)
		if err != nil {
			t.Fatal(err)
		}
		// the Myanmar resolution, and the node its citation by date and title made
		if titles.TotalCount != 2 || !slices.ContainsFunc(titles.Hits, func(h NaiveSearchHit) bool {
			return h.ID == ResolutionID("2021/2540(RSP)") && h.Field == "title" && h.Kind == KindResolution
		}) {
			t.Errorf("a title search gave %+v", titles)
		}
		ctx, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := s.Naive().CountryPage(ctx, "KZ", 20); err == nil {
			t.Error("a cancelled query answered")
		}
	})
}
