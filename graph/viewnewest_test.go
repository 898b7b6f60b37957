package graph

import (
	"context"
	"slices"
	"testing"
)

// checkNewestKeys checks the view's kept sort keys against what its properties give: an
// entry for every present resolution stating at most one date and one reference, equal to
// the key read from its properties, and no other entry.
func checkNewestKeys(t *testing.T, v *view, after string) {
	t.Helper()
	adopted, refer := propIndex[pAdopted], propIndex[pReference]
	want := 0
	for _, n := range v.byKind[KindResolution] {
		dates, refs := 0, 0
		for _, x := range v.nodes[n].props {
			switch x.p {
			case adopted:
				dates++
			case refer:
				refs++
			}
		}
		k, ok := v.newest[n]
		switch {
		case v.kindOf(n) != KindResolution || dates > 1 || refs > 1:
			if ok {
				t.Errorf("after %s, %s (%d dates, %d references) has a kept key %+v", after, v.nodes[n].id, dates, refs, k)
			}
		case !ok:
			t.Errorf("after %s, resolution %s has no kept key", after, v.nodes[n].id)
		default:
			want++
			if live := (newestKey{packDate(date(v.prop(n, pAdopted))), v.propString(n, pReference)}); k != live {
				t.Errorf("after %s, resolution %s's kept key %+v, its properties give %+v", after, v.nodes[n].id, k, live)
			}
		}
	}
	if len(v.newest) != want {
		t.Errorf("after %s, %d kept keys, want %d: some are of other nodes", after, len(v.newest), want)
	}
}

func TestTheViewKeepsTheKeysListsSortResolutionsBy(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := b.open(t)
		redated := changed(kzEN(), func(d *Document) { d.Resolution.Adopted = Day(2021, 2, 12) })
		steps := []struct {
			name  string
			write func() error
		}{
			{"a resolution", func() error { _, err := s.Put(ctx, kzFR()); return err }},
			{"a citation creating a resolution node", func() error { _, err := s.Put(ctx, rcJointMotion()); return err }},
			{"a second text giving another date", func() error { _, err := s.Put(ctx, redated); return err }},
			{"the procedure file", func() error { _, err := s.Put(ctx, rcProcedure()); return err }},
			{"the cited resolution, dated", func() error { _, err := s.Put(ctx, mmDated()); return err }},
			{"the second text gone", func() error { _, err := s.Delete(ctx, redated.Source.ID()); return err }},
			{"the first text gone", func() error { _, err := s.Delete(ctx, kzFR().Source.ID()); return err }},
			{"many more", func() error {
				for i := range 20 {
					if _, err := s.Put(ctx, synthDoc(i, 1)); err != nil {
						return err
					}
				}
				return nil
			}},
		}
		for _, st := range steps {
			if err := st.write(); err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			s.view.mu.RLock()
			checkNewestKeys(t, s.view, st.name)
			s.view.mu.RUnlock()
		}
		built, err := s.buildView(ctx)
		if err != nil {
			t.Fatal(err)
		}
		checkNewestKeys(t, built, "building the view from the quads")
	})
}

func TestTheKeysAreKeptWhateverOrderTheQuadsComeIn(t *testing.T) {
	v := newView()
	for _, d := range []*Document{kzFR(), mmDated(), rcJointMotion()} {
		qs, err := lower(d)
		if err != nil {
			t.Fatal(err)
		}
		slices.Reverse(qs) // properties before kinds
		v.add(qs)
	}
	checkNewestKeys(t, v, "quads in reverse order")
}

func TestASnapshotReadBackKeepsTheKeysListsSortResolutionsBy(t *testing.T) {
	redated := changed(kzEN(), func(d *Document) { d.Resolution.Adopted = Day(2021, 2, 12) })
	stamp := storeStamp{Horizon: 3, Size: 4}
	_, snap := snapshotOf(t, stamp, kzFR(), redated, mmDated(), rcProcedure(), rcJointMotion(), synthDoc(1, 1))
	for _, parts := range []int{1, 3} {
		v, ok, err := decodeViewParts(snap, stamp, parts, 1)
		if err != nil || !ok {
			t.Fatalf("decodeViewParts: %v, %v", ok, err)
		}
		checkNewestKeys(t, v, "reading a snapshot")
		n, found := v.find(ResolutionID("2021/2544(RSP)"))
		if _, kept := v.newest[n]; !found || kept {
			t.Errorf("the resolution two texts date differently: found %v, kept key %v", found, kept)
		}
	}
}
