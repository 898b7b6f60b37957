package graph

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"testing"
	"time"
)

// snapshot is everything the Reader answers about a store: every list, and the record of
// every node the lists reach.
func snapshot(t *testing.T, s *Store) map[string]any {
	t.Helper()
	ctx := context.Background()
	out := map[string]any{}
	must := func(name string, v any, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = v
	}
	res, err := s.ListResolutions(ctx, ResolutionFilter{})
	must("resolutions", res, err)
	dem, err := s.ListDemands(ctx, DemandFilter{})
	must("demands", dem, err)
	agr, err := s.ListAgreements(ctx, AgreementFilter{})
	must("agreements", agr, err)
	ctr, err := s.ListCountries(ctx)
	must("countries", ctr, err)
	ins, err := s.ListInstitutions(ctx, InstitutionFilter{})
	must("institutions", ins, err)
	topics := []ID{TopicID("political-prisoners"), TopicID("torture")}
	for _, c := range benchCountries[:6] {
		l, err := s.ListDemands(ctx, DemandFilter{Country: c})
		must("demands of "+c, l, err)
		l, err = s.ListInstitutions(ctx, InstitutionFilter{Country: c})
		must("institutions of "+c, l, err)
		l, err = s.ListAgreements(ctx, AgreementFilter{Country: c})
		must("agreements of "+c, l, err)
		l, err = s.ListResolutions(ctx, ResolutionFilter{Country: c})
		must("resolutions on "+c, l, err)
	}
	for _, id := range ins {
		l, err := s.ListDemands(ctx, DemandFilter{Addressee: id})
		must("demands to "+string(id), l, err)
	}
	for _, id := range topics {
		l, err := s.ListDemands(ctx, DemandFilter{Topic: id})
		must("demands about "+string(id), l, err)
	}
	rr, err := s.Resolutions(ctx, res)
	must("resolution records", rr, err)
	var docs []ID
	for _, r := range rr {
		docs = append(docs, r.Sources...)
	}
	dr, err := s.Demands(ctx, dem)
	must("demand records", dr, err)
	ar, err := s.Agreements(ctx, agr)
	must("agreement records", ar, err)
	cr, err := s.Countries(ctx, ctr)
	must("country records", cr, err)
	ir, err := s.Institutions(ctx, ins)
	must("institution records", ir, err)
	tr, err := s.Topics(ctx, topics)
	must("topic records", tr, err)
	docr, err := s.Documents(ctx, docs)
	must("document records", docr, err)
	kinds, err := s.Kinds(ctx, slices.Concat(res, dem, agr, ctr, ins, topics, docs))
	must("kinds", kinds, err)
	for _, d := range dem[:min(5, len(dem))] {
		for _, a := range []ID{InstitutionID("GOVERNMENT:KZ"), InstitutionID("GOVERNMENT:CN")} {
			ev, err := s.EdgeEvidence(ctx, d, AddressedTo, a)
			must(fmt.Sprint("evidence ", d, a), ev, err)
		}
	}
	return out
}

// TestHubReadsAgreeAcrossBackends reads hubs (the EU, the Parliament, the groups, topics and
// countries named by dozens of documents, whose index lists on bolt are read value by value,
// not quad by quad) after replacements, deletions and a newer document disagreeing on a hub's
// name, and checks that bolt answers exactly what memory (which reads every quad) answers.
func TestHubReadsAgreeAcrossBackends(t *testing.T) {
	ctx := context.Background()
	mem := openStore(t, Config{Backend: BackendMemory})
	bolt := openStore(t, Config{Backend: BackendBolt, Path: t.TempDir()})
	both := func(step string, f func(s *Store) error) {
		t.Helper()
		for _, s := range []*Store{mem, bolt} {
			if err := f(s); err != nil {
				t.Fatalf("%s on %s: %v", step, s.Backend(), err)
			}
		}
		m, b := snapshot(t, mem), snapshot(t, bolt)
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if !reflect.DeepEqual(m[k], b[k]) {
				t.Errorf("%s: %s differ:\nmemory %+v\nbolt   %+v", step, k, m[k], b[k])
			}
		}
	}
	var docs []*Document
	for i := range 30 {
		docs = append(docs, synthDoc(i, 0))
	}
	both("30 documents", func(s *Store) error { _, err := s.PutBatch(ctx, docs); return err })

	// A newer document names the topic and a country differently: its names win.
	renaming := synthDoc(30, 0)
	renaming.Source.IngestedAt = t0.Add(1000 * time.Hour)
	renaming.Topics[0].Names = map[string]string{"en": "prisoners of conscience"}
	renaming.Countries[0].Names = map[string]string{"en": "Kazakhstan (renamed)", "fr": "Kazakhstan"}
	renaming.Institutions = append(renaming.Institutions, Institution{Key: CodeEU, Kind: InstEU, Code: CodeEU,
		Names: map[string]string{"en": "European Union", "fr": "Union européenne"}})
	both("a newer document renaming hubs", func(s *Store) error { _, err := s.Put(ctx, renaming); return err })
	tp, err := bolt.Topics(ctx, []ID{TopicID("political-prisoners")})
	if err != nil || tp[0] == nil || tp[0].Names["en"] != "prisoners of conscience" {
		t.Errorf("topic after the renaming document = %+v, %v; want its name", tp[0], err)
	}

	// Replacements and deletions leave dead quads in bolt's index lists, some of them between
	// nodes that stay (a group that no longer tables the resolution), some with values that
	// sort first (so that reading a dead one would show).
	replaced := func(i int) *Document {
		d := synthDoc(i, 1)
		r := *d.Resolution
		r.TabledBy = r.TabledBy[:2]
		r.Stage, r.Title = "A stage", "A title"
		r.Vote = &Vote{1, 1, 1}
		d.Resolution = &r
		d.Countries = d.Countries[:2]
		d.Demands = d.Demands[:2]
		d.Topics[0].Names = map[string]string{"en": "a prisoners topic"}
		return d
	}
	both("replacing and deleting", func(s *Store) error {
		for i := 0; i < 30; i += 3 {
			if _, err := s.Put(ctx, replaced(i)); err != nil {
				return err
			}
		}
		for i := 0; i < 30; i += 6 {
			if _, err := s.Put(ctx, synthDoc(i, 2)); err != nil {
				return err
			}
		}
		for i := 1; i < 30; i += 5 {
			if _, err := s.Delete(ctx, synthDoc(i, 0).Source.ID()); err != nil {
				return err
			}
		}
		return nil
	})
	both("deleting the renaming document", func(s *Store) error { _, err := s.Delete(ctx, renaming.Source.ID()); return err })
	tp, err = bolt.Topics(ctx, []ID{TopicID("political-prisoners")})
	if err != nil || tp[0] == nil || tp[0].Names["en"] != "political prisoners" {
		t.Errorf("topic after deleting the renaming document = %+v, %v; want the old name back", tp[0], err)
	}
	eu, err := bolt.Institutions(ctx, []ID{InstitutionID(CodeEU)})
	if err != nil || eu[0] == nil || len(eu[0].Names) != 0 || eu[0].Kind != InstEU {
		t.Errorf("EU after deleting the only document naming it = %+v, %v", eu[0], err)
	}
}

func TestStruckOffAnswersTheSameSortedOrNot(t *testing.T) {
	copies := [][]uint64{{2, 5, 9}, {3, 4, 10, 11}, {7}}
	ids := []uint64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	want := map[uint64]bool{2: true, 3: true, 4: true, 5: true, 7: true, 9: true, 10: true, 11: true}
	for _, tc := range []struct {
		name  string
		lists [][]uint64
	}{
		{"sorted copies", copies},
		{"an unsorted list of copies", [][]uint64{{2, 5, 9}, {10, 3, 11, 4}, {7}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := struckOff{sorted: true}
			for i, id := range ids {
				// Copies are added as the walk meets them, the way kvFacts does.
				if i == 1 {
					s.add(tc.lists[0])
				}
				if i == 2 {
					s.add(tc.lists[1])
					s.add(tc.lists[2])
				}
				if i >= 2 && s.has(id) != want[id] {
					t.Errorf("has(%d) = %v, want %v", id, !want[id], want[id])
				}
			}
		})
	}
}
