package graph

import (
	"context"
	"testing"
)

func TestARecordReadAgainAfterAWriteIsTheNewOne(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := storeWith(t, b, kzFR())
		res := ResolutionID("2021/2544(RSP)")
		first := resolutionOf(t, s, res)
		if again := resolutionOf(t, s, res); again != first {
			t.Error("a record read twice with no write between was built twice")
		}
		put(t, s, kzEN())
		after := resolutionOf(t, s, res)
		if after == first || after.Vote == nil || after.Vote.For != 634 || len(after.Sources) != 2 {
			t.Errorf("after a write, the record read is %+v", after)
		}
		if _, err := s.Delete(ctx, kzEN().Source.ID()); err != nil {
			t.Fatal(err)
		}
		if again := resolutionOf(t, s, res); again.Vote.For != 633 || len(again.Sources) != 1 {
			t.Errorf("after a delete, the record read is %+v", again)
		}
	})
}

func TestEvidenceReadAgainAfterAWriteIsTheNewOne(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := storeWith(t, b, kzFR())
		edge := []Edge{{From: ResolutionID("2021/2544(RSP)"), Pred: Concerns, To: CountryID("KZ")}}
		read := func() []Evidence {
			t.Helper()
			evs, err := s.EvidenceOf(ctx, edge, -1)
			if err != nil {
				t.Fatal(err)
			}
			if evs[0].Total != len(evs[0].Items) {
				t.Errorf("%d pieces of evidence, of %d in all", len(evs[0].Items), evs[0].Total)
			}
			return evs[0].Items
		}
		first := read()
		if len(first) != 1 || first[0].Document != kzFR().Source.ID() {
			t.Fatalf("evidence of one document: %+v", first)
		}
		if again := read(); &again[0] != &first[0] {
			t.Error("evidence read twice with no write between was built twice")
		}
		put(t, s, kzEN())
		if after := read(); len(after) != 2 {
			t.Errorf("after a second document stating the edge, evidence %+v", after)
		}
		if l, err := s.EvidenceOf(ctx, edge, 1); err != nil || len(l[0].Items) != 1 || l[0].Total != 2 || l[0].Items[0] != read()[0] {
			t.Errorf("the first piece of evidence of two: %+v, %v", l, err)
		}
		if _, err := s.Delete(ctx, kzEN().Source.ID()); err != nil {
			t.Fatal(err)
		}
		if again := read(); len(again) != 1 || again[0].Document != kzFR().Source.ID() {
			t.Errorf("after a delete, evidence %+v", again)
		}
	})
}
