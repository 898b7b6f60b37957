package graph

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

// dumpView writes everything a view holds as sorted lines, node indexes replaced by IDs, so
// that two views built differently can be compared.
func dumpView(v *view) string {
	v.mu.RLock()
	defer v.mu.RUnlock()
	var lines []string
	ids := func(ns []int32) string {
		out := make([]string, len(ns))
		for i, n := range ns {
			out[i] = string(v.nodes[n].id)
		}
		slices.Sort(out)
		return strings.Join(out, ",")
	}
	for i, nd := range v.nodes {
		if v.present(int32(i)) {
			lines = append(lines, fmt.Sprintf("node %s %s sources=%s", nd.id, v.kindOf(int32(i)), ids(v.sets.all(nd.sources))))
		}
		for _, e := range nd.out {
			lines = append(lines, fmt.Sprintf("edge %s %s %s by %s", nd.id, Predicates[e.pred], v.nodes[e.other].id, ids(v.sets.all(e.by))))
		}
		for _, e := range nd.in {
			lines = append(lines, fmt.Sprintf("in %s %s %s by %s", v.nodes[e.other].id, Predicates[e.pred], nd.id, ids(v.sets.all(e.by))))
		}
		for _, p := range trackedProps {
			if val := v.prop(int32(i), p); val != nil {
				lines = append(lines, fmt.Sprintf("prop %s %s %s", nd.id, p, quad.ToString(val)))
			}
		}
		if d, ok := v.docs[int32(i)]; ok && (len(d.stated) > 0 || !d.t.IsZero()) {
			lines = append(lines, fmt.Sprintf("doc %s at %s states %s", nd.id, d.t, ids(d.stated)))
		}
	}
	for k, n := range v.kindCount {
		if n != 0 {
			lines = append(lines, fmt.Sprintf("count %s %d", k, n))
		}
	}
	for p, n := range v.edgeCount {
		if n != 0 {
			lines = append(lines, fmt.Sprintf("edges %s %d", p, n))
		}
	}
	lines = append(lines, fmt.Sprintf("quads %d", v.quads))
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

func TestTheViewStaysInStepWithTheStore(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := storeWith(t, b)
		steps := []struct {
			name string
			do   func() error
		}{
			{"put the French summary", func() error { _, err := s.Put(ctx, kzFR()); return err }},
			{"put the English summary and Myanmar in one batch", func() error { _, err := s.PutBatch(ctx, []*Document{kzEN(), mmDated()}); return err }},
			{"replace the English summary", func() error {
				_, err := s.Put(ctx, changed(kzEN(), func(d *Document) { d.Resolution.Adopted = Day(2022, 2, 11) }))
				return err
			}},
			{"put the procedure file and the joint motion", func() error { _, err := s.PutBatch(ctx, []*Document{rcProcedure(), rcJointMotion()}); return err }},
			{"delete the French summary", func() error { _, err := s.Delete(ctx, kzFR().Source.ID()); return err }},
			{"delete the joint motion", func() error { _, err := s.Delete(ctx, rcJointMotion().Source.ID()); return err }},
			{"put the French summary again, as it was", func() error { _, err := s.Put(ctx, kzFR()); return err }},
			{"replace the French summary with a newer ingest of other facts", func() error {
				_, err := s.Put(ctx, changed(kzFR(), func(d *Document) { d.Demands = d.Demands[:1] }))
				return err
			}},
		}
		for _, step := range steps {
			if err := step.do(); err != nil {
				t.Fatalf("%s: %v", step.name, err)
			}
			fresh, err := s.buildView(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := dumpView(s.view), dumpView(fresh); got != want {
				t.Fatalf("after %q the view kept in step differs from one built afresh:\n%s", step.name, diffLines(got, want))
			}
		}
	})
}

func TestTheViewAnswersAsTheStoreReads(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := storeWith(t, b, kzFR(), kzEN(), mmDated(), rcProcedure(), rcJointMotion())
		res := ResolutionID("2021/2544(RSP)")
		recs, err := s.Resolutions(ctx, []ID{res})
		if err != nil {
			t.Fatal(err)
		}
		s.view.mu.RLock()
		n, _ := s.view.lookup(res, KindResolution)
		adopted, ref := date(s.view.prop(n, pAdopted)), s.view.propString(n, pReference)
		s.view.mu.RUnlock()
		if adopted != recs[0].Adopted || ref != recs[0].Reference {
			t.Errorf("the view says %s %s, the store %s %s", adopted, ref, recs[0].Adopted, recs[0].Reference)
		}
	})
}

func TestTheViewIsSavedAtCloseAndLoadedAtOpenOnlyWhileTheStoreIsUnchanged(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openStore(t, Config{Path: dir})
	put(t, s, kzFR())
	put(t, s, kzEN())
	put(t, s, rcJointMotion())
	s.Delete(ctx, kzEN().Source.ID())
	want := dumpView(s.view)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = openStore(t, Config{Path: dir})
	stamp, err := s.kvStamp(ctx)
	if err != nil {
		t.Fatal(err)
	}
	loaded, ok, err := loadView(dir, stamp)
	if err != nil || !ok {
		t.Fatalf("loadView = %v, %v: the snapshot of the closed store was not used", ok, err)
	}
	if got := dumpView(loaded); got != want {
		t.Errorf("the loaded view differs from the one saved:\n%s", diffLines(got, want))
	}
	if got := dumpView(s.view); got != want {
		t.Errorf("the view opened differs from the one saved:\n%s", diffLines(got, want))
	}

	// A snapshot a killed process left half written is removed at the next open.
	s.Close()
	leftover := filepath.Join(dir, viewSnapshotFile+".123456")
	if err := os.WriteFile(leftover, []byte("half a snapshot"), 0o600); err != nil {
		t.Fatal(err)
	}
	s = openStore(t, Config{Path: dir})
	if _, err := os.Stat(leftover); !os.IsNotExist(err) {
		t.Errorf("the leftover %s is still there after an open (%v)", leftover, err)
	}

	// A write the snapshot does not know (a crash before Close) makes it stale: ignored.
	put(t, s, mmDated())
	stamp, _ = s.kvStamp(ctx)
	if _, ok, _ := loadView(dir, stamp); ok {
		t.Error("a snapshot older than the store was loaded")
	}
	// A delete alone changes the stamp too.
	before := stamp
	s.Delete(ctx, mmDated().Source.ID())
	if after, _ := s.kvStamp(ctx); after == before {
		t.Errorf("a delete left the stamp %+v unchanged", after)
	}
	// A corrupt snapshot is an error for loadView, and Open builds the view instead.
	s.Close()
	if err := os.WriteFile(filepath.Join(dir, viewSnapshotFile), []byte("not a snapshot"), 0o600); err != nil {
		t.Fatal(err)
	}
	s = openStore(t, Config{Path: dir})
	fresh, err := s.buildView(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if dumpView(s.view) != dumpView(fresh) {
		t.Error("with a corrupt snapshot, the view opened is not the one the quads give")
	}
}

// snapshotOf is the view of some documents and its snapshot, stamped.
func snapshotOf(tb testing.TB, stamp storeStamp, docs ...*Document) (*view, []byte) {
	tb.Helper()
	v := newView()
	for _, d := range docs {
		qs, err := lower(d)
		if err != nil {
			tb.Fatal(err)
		}
		v.add(qs)
	}
	var buf bytes.Buffer
	w := &snapWriter{w: bufio.NewWriter(&buf)}
	if err := w.view(v, stamp); err != nil {
		tb.Fatal(err)
	}
	if err := w.w.Flush(); err != nil {
		tb.Fatal(err)
	}
	return v, buf.Bytes()
}

func TestASnapshotReadInPartsIsTheSnapshotReadWhole(t *testing.T) {
	stamp := storeStamp{Horizon: 7, Size: 9}
	v, snap := snapshotOf(t, stamp, kzFR(), kzEN(), mmDated(), rcProcedure(), rcJointMotion())
	want := dumpView(v)
	for _, parts := range []int{1, 2, 3, 7, len(v.nodes), len(v.nodes) + 5} {
		got, ok, err := decodeViewParts(snap, stamp, parts, 1)
		if !ok || err != nil {
			t.Fatalf("%d parts: %v %v", parts, ok, err)
		}
		if d := dumpView(got); d != want {
			t.Errorf("read in %d parts, the view differs:\n%s", parts, diffLines(d, want))
		}
	}
	// A record damaged in the second half is found whichever part reads it.
	data := bytes.Clone(snap)
	data[len(data)*3/4] ^= 0xff
	one, okOne, _ := decodeViewParts(data, stamp, 1, 1)
	three, okThree, _ := decodeViewParts(data, stamp, 3, 1)
	if okOne != okThree || okOne && dumpView(one) != dumpView(three) {
		t.Errorf("a damaged snapshot read whole (ok %v) and in parts (ok %v) differ", okOne, okThree)
	}
}

// FuzzViewSnapshot feeds the snapshot reader arbitrary bytes: it must refuse or accept them
// without panicking, and a view it accepts must be usable.
func FuzzViewSnapshot(f *testing.F) {
	stamp := storeStamp{Horizon: 7, Size: 9}
	v, good := snapshotOf(f, stamp, kzFR(), kzEN(), rcJointMotion())
	if got, ok, err := decodeView(good, stamp); !ok || err != nil || dumpView(got) != dumpView(v) {
		f.Fatalf("the seed snapshot does not read back: %v %v", ok, err)
	}
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte(snapshotMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		v, ok, _ := decodeViewParts(data, stamp, 1, 1)
		inParts, okParts, _ := decodeViewParts(data, stamp, 3, 1)
		if ok != okParts {
			t.Fatalf("read whole, the snapshot is accepted: %v; in three parts: %v", ok, okParts)
		}
		if !ok {
			return
		}
		if dumpView(v) != dumpView(inParts) {
			t.Fatal("the snapshot read in three parts differs from the snapshot read whole")
		}
		v.mu.RLock()
		defer v.mu.RUnlock()
		for _, k := range NodeKinds {
			for _, n := range v.ofKind(k) {
				v.prop(n, pAdopted)
				v.neighbours(n, Concerns, true)
			}
		}
	})
}
