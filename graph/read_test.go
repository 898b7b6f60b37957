package graph

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
)

func TestReadsReturnRecordsAndFilteredLists(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := storeWith(t, b, kzFR(), mm(), kzEN())
		fr, en := kzFR().Source.ID(), kzEN().Source.ID()
		res := ResolutionID("2021/2544(RSP)")
		kz, cn := CountryID("KZ"), CountryID("CN")
		agr := AgreementID(epca.Key())
		gov, auth, com := InstitutionID("GOVERNMENT:KZ"), InstitutionID("AUTHORITIES:KZ"), InstitutionID(CodeCommission)
		d1, d2, dEN := DemandID(kzFR().Source.Key, 1), DemandID(kzFR().Source.Key, 2), DemandID(kzEN().Source.Key, 1)
		prisoners := TopicID("political-prisoners")

		t.Run("resolution", func(t *testing.T) {
			recs, err := s.Resolutions(ctx, []ID{res, kz, "", res})
			if err != nil {
				t.Fatal(err)
			}
			if recs[1] != nil || recs[2] != nil {
				t.Errorf("a country or an empty ID gave a resolution: %+v %+v", recs[1], recs[2])
			}
			r := recs[0]
			if r == nil || recs[3] == nil {
				t.Fatalf("resolution not found: %+v", recs)
			}
			want := &ResolutionRecord{
				ID: res, Reference: "2021/2544(RSP)",
				Titles:  map[string]string{"fr": "Kazakhstan", "en": "Kazakhstan"},
				Adopted: Day(2022, 2, 10), Stage: "Text adopted by Parliament, single reading",
				Vote:       &Vote{For: 634, Against: 12, Abstentions: 40}, // en, ingested last, wins
				TabledBy:   []ID{InstitutionID("EPP"), InstitutionID("SD")},
				AdoptedBy:  []ID{InstitutionID(CodeEP)},
				Concerns:   []ID{kz},
				Mentions:   []ID{cn},
				Agreements: []ID{agr},
				Demands:    []ID{d1, d2, dEN}, // fr (older) first, then by position
				Stances:    []ID{StanceID(kzFR().Source.Key, 1)},
				Sources:    []ID{fr, en},
			}
			if !reflect.DeepEqual(r, want) {
				t.Errorf("resolution record\n got %+v\nwant %+v", r, want)
			}
		})

		t.Run("country", func(t *testing.T) {
			recs, err := s.Countries(ctx, []ID{kz, res})
			if err != nil {
				t.Fatal(err)
			}
			if recs[1] != nil {
				t.Errorf("a resolution read as a country")
			}
			want := &CountryRecord{ID: kz, Code: "KZ", Names: map[string]string{"fr": "Kazakhstan", "en": "Kazakhstan"}}
			if !reflect.DeepEqual(recs[0], want) {
				t.Errorf("country\n got %+v\nwant %+v", recs[0], want)
			}
		})

		t.Run("agreement", func(t *testing.T) {
			recs, err := s.Agreements(ctx, []ID{agr})
			if err != nil {
				t.Fatal(err)
			}
			want := &AgreementRecord{ID: agr, Kind: AgreementEPCA, Names: epca.Names,
				Parties: sortedIDs([]ID{kz, InstitutionID(CodeEU)}), Signed: Day(2015, 12, 21), InForce: PartialDate{Year: 2020, Month: 3}}
			if !reflect.DeepEqual(recs[0], want) {
				t.Errorf("agreement\n got %+v\nwant %+v", recs[0], want)
			}
		})

		t.Run("institutions", func(t *testing.T) {
			recs, err := s.Institutions(ctx, []ID{gov, InstitutionID(CodeEU), InstitutionID("EPP")})
			if err != nil {
				t.Fatal(err)
			}
			want := &InstitutionRecord{ID: gov, Key: "GOVERNMENT:KZ", Kind: InstGovernment,
				Names: map[string]string{"fr": "gouvernement du Kazakhstan"}, Country: kz}
			if !reflect.DeepEqual(recs[0], want) {
				t.Errorf("institution\n got %+v\nwant %+v", recs[0], want)
			}
			if eu := recs[1]; eu == nil || eu.Kind != InstEU || eu.Code != CodeEU {
				t.Errorf("the EU, named only as a party: %+v", eu)
			}
			if epp := recs[2]; epp == nil || epp.Kind != InstPoliticalGroup || epp.Code != "EPP" {
				t.Errorf("EPP, named only as a tabling group: %+v", epp)
			}
		})

		t.Run("demand", func(t *testing.T) {
			recs, err := s.Demands(ctx, []ID{d1, res})
			if err != nil {
				t.Fatal(err)
			}
			if recs[1] != nil {
				t.Errorf("a resolution read as a demand")
			}
			ev := kzFR().Demands[0].Evidence
			want := &DemandRecord{ID: d1, Text: "libérer immédiatement tous les prisonniers politiques", Position: 1,
				Resolution: res, Addressees: []ID{gov}, Topics: []ID{prisoners},
				Evidence: Evidence{Document: fr, Span: ev,
					Quote: "Il demande au gouvernement du Kazakhstan de libérer immédiatement tous les prisonniers politiques."}}
			if !reflect.DeepEqual(recs[0], want) {
				t.Errorf("demand\n got %+v\nwant %+v", recs[0], want)
			}
		})

		t.Run("stance, topic, document, kinds", func(t *testing.T) {
			st, err := s.Stances(ctx, []ID{StanceID(kzFR().Source.Key, 1)})
			if err != nil || st[0] == nil || st[0].Kind != StanceCondemns || st[0].Resolution != res ||
				st[0].Evidence.Quote != "Il condamne la torture." {
				t.Errorf("stance = %+v, %v", st[0], err)
			}
			tp, err := s.Topics(ctx, []ID{prisoners})
			if err != nil || tp[0] == nil || !reflect.DeepEqual(tp[0].Names, map[string]string{"fr": "prisonniers politiques", "en": "political prisoners"}) {
				t.Errorf("topic = %+v, %v", tp[0], err)
			}
			docs, err := s.Documents(ctx, []ID{fr, res})
			want := &DocumentRecord{ID: fr, Key: kzFR().Source.Key, Kind: DocOEILSummary, Format: "oeil-summary-text",
				Language: "fr", SHA256: digest(kzTextFR), Name: "kz-fr.txt", IngestedAt: t0, Text: kzTextFR}
			if err != nil || docs[1] != nil || !docs[0].IngestedAt.Equal(t0) {
				t.Fatalf("documents = %+v, %v", docs, err)
			}
			docs[0].IngestedAt = t0
			if !reflect.DeepEqual(docs[0], want) {
				t.Errorf("document\n got %+v\nwant %+v", docs[0], want)
			}
			kinds, err := s.Kinds(ctx, []ID{res, kz, agr, gov, d1, prisoners, fr, "nope"})
			wantKinds := []NodeKind{KindResolution, KindCountry, KindAgreement, KindInstitution, KindDemand, KindTopic, KindDocument, ""}
			if err != nil || !slices.Equal(kinds, wantKinds) {
				t.Errorf("Kinds = %v, %v; want %v", kinds, err, wantKinds)
			}
		})

		t.Run("lists", func(t *testing.T) {
			mmRes := ResolutionID("2021/2540(RSP)")
			check := func(name string, got []ID, err error, want ...ID) {
				t.Helper()
				if err != nil || !slices.Equal(got, want) {
					t.Errorf("%s = %v, %v; want %v", name, got, err, want)
				}
			}
			got, err := s.ListResolutions(ctx, ResolutionFilter{})
			check("all resolutions", got, err, res, mmRes) // 2022-02-10 before 2021
			got, err = s.ListResolutions(ctx, ResolutionFilter{Country: "KZ"})
			check("resolutions on KZ", got, err, res)
			got, err = s.ListResolutions(ctx, ResolutionFilter{Country: "CN"})
			check("resolutions on CN (only mentioned)", got, err)
			got, err = s.ListResolutions(ctx, ResolutionFilter{Country: "KZ", Agreement: agr})
			check("resolutions on KZ referring to the EPCA", got, err, res)
			got, err = s.ListResolutions(ctx, ResolutionFilter{Country: "MM", Agreement: agr})
			check("resolutions on MM referring to the EPCA", got, err)

			dMM := DemandID(mm().Source.Key, 1)
			got, err = s.ListDemands(ctx, DemandFilter{})
			check("all demands", got, err, d1, d2, dEN, dMM)
			got, err = s.ListDemands(ctx, DemandFilter{Country: "MM"})
			check("demands on MM", got, err, dMM)
			got, err = s.ListDemands(ctx, DemandFilter{Country: "KZ", Addressee: com})
			check("demands on KZ to the Commission", got, err, d2)
			got, err = s.ListDemands(ctx, DemandFilter{Agreement: agr})
			check("demands about the EPCA", got, err, d2)
			got, err = s.ListDemands(ctx, DemandFilter{Addressee: gov})
			check("demands to the government of KZ", got, err, d1)
			got, err = s.ListDemands(ctx, DemandFilter{Topic: prisoners})
			check("demands about political prisoners", got, err, d1, dEN) // fr (older) first
			got, err = s.ListDemands(ctx, DemandFilter{Topic: prisoners, Addressee: auth})
			check("demands about political prisoners to the Kazakh authorities", got, err, dEN)
			got, err = s.ListResolutions(ctx, ResolutionFilter{Agreement: agr})
			check("resolutions referring to the EPCA", got, err, res)

			got, err = s.ListAgreements(ctx, AgreementFilter{Country: "KZ"})
			check("agreements of KZ", got, err, agr)
			got, err = s.ListAgreements(ctx, AgreementFilter{Country: "MM"})
			check("agreements of MM", got, err)

			got, err = s.ListInstitutions(ctx, InstitutionFilter{Country: "KZ"})
			check("institutions of KZ", got, err, auth, gov) // AUTHORITIES:KZ, GOVERNMENT:KZ
			got, err = s.ListInstitutions(ctx, InstitutionFilter{Country: "CN"})
			check("institutions of CN", got, err)
			got, err = s.ListInstitutions(ctx, InstitutionFilter{})
			check("all institutions", got, err, InstitutionID("ARMED_FORCES:MM"), auth, com, InstitutionID(CodeEP),
				InstitutionID("EPP"), InstitutionID(CodeEU), gov, InstitutionID("SD"))

			got, err = s.ListCountries(ctx)
			check("countries", got, err, CountryID("CN"), kz, CountryID("MM"))
		})

		t.Run("edge evidence", func(t *testing.T) {
			ev, err := s.EdgeEvidence(ctx, res, Concerns, kz)
			if err != nil || len(ev) != 2 {
				t.Fatalf("EdgeEvidence = %+v, %v", ev, err)
			}
			if ev[0].Document != fr || ev[1].Document != en || ev[0].Quote != "Kazakhstan" || ev[1].Quote != "Kazakhstan" {
				t.Errorf("evidence not fr then en quoting Kazakhstan: %+v", ev)
			}
			ev, err = s.EdgeEvidence(ctx, res, Concerns, cn)
			if err != nil || len(ev) != 0 {
				t.Errorf("evidence for an edge nobody states: %+v, %v", ev, err)
			}
			for _, e := range []struct {
				from ID
				pred Predicate
				to   ID
				want string
			}{
				{res, TabledBy, InstitutionID("SD"), "S&D"},
				{res, AdoptedBy, InstitutionID(CodeEP), "633 voix pour, 12 contre et 40 abstentions"},
				{res, RefersTo, agr, "l'accord de partenariat et de coopération renforcé UE-Kazakhstan"},
				{kz, PartyTo, agr, "l'accord de partenariat et de coopération renforcé UE-Kazakhstan"},
				{d2, Targets, agr, "Il invite la Commission à réexaminer l'accord."},
				{gov, BelongsTo, kz, ""}, // the document as a whole
			} {
				ev, err := s.EdgeEvidence(ctx, e.from, e.pred, e.to)
				if err != nil || len(ev) == 0 || ev[0].Document != fr || ev[0].Quote != e.want {
					t.Errorf("%s evidence = %+v, %v; want a quote %q from fr", e.pred, ev, err, e.want)
				}
			}
		})
	})
}

func TestTheMostRecentlyIngestedDocumentWinsAndBothValuesAreKept(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		older := kzEN()
		newer := changed(kzEN(), func(d *Document) {
			d.Source.Key += "/v2"
			d.Source.Text += " Corrected."
			r := *d.Resolution
			r.Vote = &Vote{For: 600, Against: 1, Abstentions: 2}
			r.Adopted = PartialDate{Year: 2022, Month: 2}
			r.Stage = "Corrigendum"
			r.Title = "Kazakhstan (corrected)"
			d.Resolution = &r
			d.Source.IngestedAt = t0.Add(72 * time.Hour)
		})
		for _, order := range [][]*Document{{older, newer}, {newer, older}} {
			s := storeWith(t, b, order...)
			recs, err := s.Resolutions(ctx, []ID{ResolutionID("2021/2544(RSP)")})
			if err != nil {
				t.Fatal(err)
			}
			r := recs[0]
			if *r.Vote != (Vote{600, 1, 2}) || r.Adopted != (PartialDate{2022, 2, 0}) || r.Stage != "Corrigendum" ||
				r.Titles["en"] != "Kazakhstan (corrected)" {
				t.Errorf("put in order %s, %s: got vote %+v, adopted %v, stage %q, titles %v; want the newer document's",
					order[0].Source.Key, order[1].Source.Key, r.Vote, r.Adopted, r.Stage, r.Titles)
			}
			if !slices.Equal(r.Sources, []ID{older.Source.ID(), newer.Source.ID()}) {
				t.Errorf("sources = %v, want older then newer", r.Sources)
			}
			// Both votes stay in the graph.
			n := 0
			for _, q := range mustMatch(t, s, pattern{s: r.ID.IRI(), p: pVotesFor}) {
				_ = q
				n++
			}
			if n != 2 {
				t.Errorf("%d votesFor quads, want both documents' (2)", n)
			}
		}
	})
}

func mustMatch(t *testing.T, s *Store, pt pattern) []quad.Quad {
	t.Helper()
	q, err := s.match(context.Background(), pt)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func TestReadsOfAnEmptyStoreFindNothing(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := b.open(t)
		recs, err := s.Resolutions(ctx, []ID{ResolutionID("x")})
		if err != nil || len(recs) != 1 || recs[0] != nil {
			t.Errorf("Resolutions = %v, %v", recs, err)
		}
		ids, err := s.ListResolutions(ctx, ResolutionFilter{})
		if err != nil || ids == nil || len(ids) != 0 {
			t.Errorf("ListResolutions = %#v, %v; want an empty, non-nil list", ids, err)
		}
		st, err := s.Stats(ctx)
		if err != nil || st.Quads != 0 || st.Documents != 0 || !slices.Equal(slices.Sorted(maps.Keys(st.Nodes)), slices.Sorted(slices.Values(NodeKinds))) {
			t.Errorf("Stats = %+v, %v", st, err)
		}
	})
}

// statedEvidence is, from the Document alone, every edge it states with the spans that state
// it, as DESIGN.md and lower's documentation give them: CONCERNS/MENTIONS the country's span,
// REFERS_TO and PARTY_TO the agreement's, TABLED_BY the group's, ADOPTED_BY the vote's (zero
// without a vote), HAS_DEMAND, ADDRESSED_TO, ABOUT, TARGETS the demand's, HAS_STANCE the
// stance's, BELONGS_TO zero; SOURCE of each node its own span (zero where it has none).
func statedEvidence(doc *Document) map[edgeKey][]Span {
	out := map[edgeKey][]Span{}
	add := func(from ID, p Predicate, to ID, sp Span) {
		k := edgeKey{from, p, to}
		if !slices.Contains(out[k], sp) {
			out[k] = append(out[k], sp)
		}
	}
	src := doc.Source.ID()
	source := func(id ID, sp Span) {
		k := edgeKey{id, SourcePred, src}
		if _, ok := out[k]; !ok {
			out[k] = []Span{sp}
		}
	}
	for _, c := range doc.Countries {
		source(CountryID(c.Code), c.Evidence)
	}
	for _, in := range doc.Institutions {
		source(InstitutionID(in.Key), Span{})
		if in.Country != "" {
			source(CountryID(in.Country), Span{})
			add(InstitutionID(in.Key), BelongsTo, CountryID(in.Country), Span{})
		}
	}
	for _, tp := range doc.Topics {
		source(TopicID(tp.Key), Span{})
	}
	for _, a := range doc.Agreements {
		source(AgreementID(a.Key()), a.Evidence)
		for _, p := range a.Parties {
			source(PartyID(p), Span{})
			add(PartyID(p), PartyTo, AgreementID(a.Key()), a.Evidence)
		}
	}
	for _, pd := range doc.ProcedureDocuments {
		id := ProcedureDocumentID(pd.Reference)
		source(id, pd.Evidence)
		for _, ref := range pd.Replaces {
			add(id, Replaces, ProcedureDocumentID(ref), pd.Evidence)
		}
		if pd.AdoptedAs != "" {
			add(id, AdoptedAs, ProcedureDocumentID(pd.AdoptedAs), pd.Evidence)
		}
	}
	if doc.Source.Document != "" {
		add(src, TextOf, ProcedureDocumentID(doc.Source.Document), Span{})
	}
	r := doc.Resolution
	if r == nil {
		return out
	}
	res := ResolutionID(r.Reference)
	source(res, Span{})
	if alias := CitationID(Citation{Adopted: r.Adopted, Title: r.Title}); alias != "" {
		add(res, CitedAs, alias, Span{})
	}
	for _, pd := range doc.ProcedureDocuments {
		add(res, HasDocument, ProcedureDocumentID(pd.Reference), pd.Evidence)
	}
	for _, e := range doc.Events {
		id := EventID(r.Reference, e.Date, e.Name)
		source(id, e.Evidence)
		add(res, HasEvent, id, e.Evidence)
		if e.Document != "" {
			add(id, DocumentedBy, ProcedureDocumentID(e.Document), e.Evidence)
		}
	}
	for _, c := range doc.Citations {
		if c.Reference != "" {
			source(CitationID(c), Span{})
		} else {
			source(CitationID(c), c.Evidence)
		}
		add(res, Cites, CitationID(c), c.Evidence)
	}
	for _, rc := range doc.Recipients {
		to := InstitutionID(rc.Institution)
		if rc.Country != "" {
			to = CountryID(rc.Country)
			source(to, Span{})
		}
		add(res, ForwardedTo, to, rc.Evidence)
	}
	if r.AdoptedBy != "" {
		var sp Span
		if r.Vote != nil {
			sp = r.VoteEvidence
		}
		source(InstitutionID(r.AdoptedBy), Span{})
		add(res, AdoptedBy, InstitutionID(r.AdoptedBy), sp)
	}
	for _, g := range r.TabledBy {
		source(InstitutionID(g.Code), Span{})
		add(res, TabledBy, InstitutionID(g.Code), g.Evidence)
	}
	for _, c := range doc.Countries {
		add(res, Predicate(c.Role), CountryID(c.Code), c.Evidence)
	}
	for _, a := range doc.Agreements {
		add(res, RefersTo, AgreementID(a.Key()), a.Evidence)
	}
	for _, dm := range doc.Demands {
		id := DemandID(doc.Source.Key, dm.Position)
		source(id, dm.Evidence)
		add(res, HasDemand, id, dm.Evidence)
		for _, k := range dm.Addressees {
			add(id, AddressedTo, InstitutionID(k), dm.Evidence)
		}
		for _, k := range dm.Topics {
			add(id, About, TopicID(k), dm.Evidence)
		}
		for _, k := range dm.Agreements {
			add(id, Targets, AgreementID(k), dm.Evidence)
		}
	}
	for _, st := range doc.Stances {
		id := StanceID(doc.Source.Key, st.Position)
		source(id, st.Evidence)
		add(res, HasStance, id, st.Evidence)
	}
	return out
}

func TestEveryEdgeHasTheEvidenceItsDocumentsGive(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		docs := []*Document{kzFR(), mm(), kzEN(),
			// A document naming a country and an agreement without a resolution: their spans
			// are their own evidence, with no edge from a resolution to carry them.
			changed(kzEN(), func(d *Document) {
				d.Source.Key += "/no-resolution"
				d.Resolution, d.Demands, d.Stances = nil, nil, nil
				agr := epca
				agr.Evidence = spanOf(d.Source.Text, "political prisoners")
				d.Agreements = []Agreement{agr}
			})}
		s := storeWith(t, b, docs...)
		want := map[edgeKey][]Evidence{}
		for _, d := range docs {
			for k, spans := range statedEvidence(d) {
				for _, sp := range spans {
					q, _ := Quote(d.Source.Text, sp)
					want[k] = append(want[k], Evidence{Document: d.Source.ID(), Span: sp, Quote: q})
				}
			}
		}
		for k, w := range want {
			got, err := s.EdgeEvidence(ctx, k.from, k.pred, k.to)
			if err != nil {
				t.Fatal(err)
			}
			key := func(e Evidence) string { return fmt.Sprint(e.Document, e.Span, e.Quote) }
			g, ws := slices.Sorted(slices.Values(mapKeys(got, key))), slices.Sorted(slices.Values(mapKeys(w, key)))
			if !slices.Equal(g, ws) {
				t.Errorf("%s %s %s: evidence\n got %v\nwant %v", k.from, k.pred, k.to, g, ws)
			}
		}
		// And no edge is stored that the documents do not state.
		for _, line := range strings.Split(export(t, s), "\n") {
			f := strings.Fields(line)
			from, to := idOfValue(quad.IRI(strings.Trim(f[0], "<>"))), idOfValue(quad.IRI(strings.Trim(f[2], "<>")))
			pred := Predicate(strings.TrimPrefix(strings.Trim(f[1], "<>"), NS))
			if from == "" || to == "" {
				continue
			}
			if _, ok := want[edgeKey{from, pred, to}]; !ok {
				t.Errorf("stored edge no document states: %s", line)
			}
		}
	})
}

func mapKeys[T any](xs []T, key func(T) string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, key(x))
	}
	return out
}
