package graph

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"
)

// cachedReads reads every record the cache keeps, of every node the view knows, through the
// cache (got) and afresh (want), and the evidence of every edge those records name, both
// whole and its first entry only.
type cachedReads struct {
	got, want map[string]any
}

func readEverything(t *testing.T, s *Store) cachedReads {
	t.Helper()
	ctx := context.Background()
	ids := map[NodeKind][]ID{}
	if err := s.viewRead(ctx, func(v *view) {
		for _, k := range []NodeKind{KindResolution, KindDemand, KindStance, KindProcedureDocument, KindEvent} {
			ids[k] = v.ids(v.ofKind(k))
		}
	}); err != nil {
		t.Fatal(err)
	}
	out := cachedReads{got: map[string]any{}, want: map[string]any{}}
	var edges []Edge
	both := func(kind NodeKind, cached func(context.Context, []ID) (any, error), fresh func(*reader, ID) any) {
		got, err := cached(ctx, ids[kind])
		if err != nil {
			t.Fatal(err)
		}
		want, err := batch(s, ctx, ids[kind], fresh)
		if err != nil {
			t.Fatal(err)
		}
		gv := reflect.ValueOf(got)
		for i, id := range ids[kind] {
			g := gv.Index(i).Interface()
			out.got[string(kind)+" "+string(id)] = g
			out.want[string(kind)+" "+string(id)] = want[i]
		}
	}
	both(KindResolution, func(ctx context.Context, ids []ID) (any, error) { return s.Resolutions(ctx, ids) },
		func(r *reader, id ID) any { return r.resolution(id) })
	both(KindDemand, func(ctx context.Context, ids []ID) (any, error) { return s.Demands(ctx, ids) },
		func(r *reader, id ID) any { return r.demand(id) })
	both(KindStance, func(ctx context.Context, ids []ID) (any, error) { return s.Stances(ctx, ids) },
		func(r *reader, id ID) any { return r.stance(id) })
	both(KindProcedureDocument, func(ctx context.Context, ids []ID) (any, error) { return s.ProcedureDocuments(ctx, ids) },
		func(r *reader, id ID) any { return r.procedureDocument(id) })
	both(KindEvent, func(ctx context.Context, ids []ID) (any, error) { return s.Events(ctx, ids) },
		func(r *reader, id ID) any { return r.event(id) })
	link := func(from ID, pred Predicate, tos []ID) {
		for _, to := range tos {
			edges = append(edges, Edge{From: from, Pred: pred, To: to})
		}
	}
	for _, v := range out.want {
		switch rec := v.(type) {
		case *ResolutionRecord:
			if rec != nil {
				link(rec.ID, Concerns, rec.Concerns)
				link(rec.ID, HasDemand, rec.Demands)
				link(rec.ID, SourcePred, rec.Sources)
			}
		case *DemandRecord:
			if rec != nil {
				link(rec.ID, AddressedTo, rec.Addressees)
				link(rec.ID, About, rec.Topics)
			}
		}
	}
	for _, first := range []int{-1, 1} {
		got, err := s.EvidenceOf(ctx, edges, first)
		if err != nil {
			t.Fatal(err)
		}
		want, err := batch(s, ctx, edges, func(r *reader, e Edge) EvidenceList { return r.edgeEvidence(e, first) })
		if err != nil {
			t.Fatal(err)
		}
		for i, e := range edges {
			k := fmt.Sprintf("evidence/%d %s %s %s", first, e.From, e.Pred, e.To)
			out.got[k], out.want[k] = got[i], want[i]
		}
	}
	return out
}

// check compares what the cache served with what reads afresh give.
func (c cachedReads) check(t *testing.T, after string) {
	t.Helper()
	for k, want := range c.want {
		if got := c.got[k]; !reflect.DeepEqual(got, want) {
			t.Errorf("after %s, %s from the cache:\n%+v\nread afresh:\n%+v", after, k, got, want)
		}
	}
}

func TestTheCacheServesWhatReadsAfreshGiveAfterEveryWrite(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := storeWith(t, b, kzFR(), mm(), rcProcedure(), rcJointMotion(), mmSummary(), synthDoc(1, 1), synthDoc(2, 1))
		readEverything(t, s).check(t, "the first documents")
		edited := changed(kzFR(), func(d *Document) {
			d.Source.Text += " "
			d.Demands[0].Text += " without delay"
		})
		steps := []struct {
			name  string
			write func() error
		}{
			{"a second document on the same resolution", func() error { _, err := s.Put(ctx, kzEN()); return err }},
			{"a document on another country", func() error { _, err := s.Put(ctx, synthDoc(3, 1)); return err }},
			{"an edited demand", func() error { _, err := s.Put(ctx, edited); return err }},
			{"a new version of a document", func() error { _, err := s.Put(ctx, synthDoc(1, 2)); return err }},
			{"a procedure file", func() error { _, err := s.Put(ctx, mmProcedure()); return err }},
			{"a procedure's dates", func() error { _, err := s.Put(ctx, mmDated()); return err }},
			{"a rival document", func() error { _, err := s.Put(ctx, rival()); return err }},
			{"deleting a joint motion", func() error { _, err := s.Delete(ctx, rcJointMotion().Source.ID()); return err }},
			{"deleting a document other documents restate", func() error { _, err := s.Delete(ctx, kzEN().Source.ID()); return err }},
			{"deleting a document", func() error { _, err := s.Delete(ctx, mm().Source.ID()); return err }},
			{"a document again", func() error { _, err := s.Put(ctx, mm()); return err }},
			{"a document giving a group another code", func() error {
				d := synthDoc(4, 1)
				d.Source.IngestedAt = t0.Add(24 * time.Hour) // the latest: its code is the one the view gives
				d.Institutions = append(d.Institutions, Institution{Key: "EPP", Kind: InstPoliticalGroup, Code: "TT"})
				_, err := s.Put(ctx, d)
				return err
			}},
			{"the dated document again", func() error { _, err := s.Put(ctx, mmDated()); return err }},
			{"a text citing a resolution by its date and title", func() error { _, err := s.Put(ctx, rcJointMotion()); return err }},
		}
		for _, st := range steps {
			if err := st.write(); err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			readEverything(t, s).check(t, st.name)
			readEverything(t, s).check(t, st.name+", read again")
		}
	})
}

func TestAWriteLeavesTheRecordsOfNodesItDoesNotNameInTheCache(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := storeWith(t, b, kzFR(), synthDoc(1, 1))
		kz := ResolutionID("2021/2544(RSP)")
		before := resolutionOf(t, s, kz)
		demands, err := s.Demands(ctx, before.Demands)
		if err != nil {
			t.Fatal(err)
		}
		put(t, s, synthDoc(2, 1)) // about another country, restating groups and topics
		if after := resolutionOf(t, s, kz); after != before {
			t.Error("a write about another resolution made the resolution's record be read again")
		}
		again, err := s.Demands(ctx, before.Demands)
		if err != nil {
			t.Fatal(err)
		}
		for i := range again {
			if again[i] != demands[i] {
				t.Errorf("a write about another resolution made demand %s be read again", before.Demands[i])
			}
		}
		put(t, s, kzEN()) // states the same resolution
		if after := resolutionOf(t, s, kz); after == before {
			t.Error("a write stating the resolution left its old record in the cache")
		}
	})
}
