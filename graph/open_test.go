package graph

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
)

func TestASecondOpenOfABoltStoreSaysItIsInUse(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	first := openStore(t, Config{Path: dir})

	start := time.Now()
	_, err := Open(ctx, Config{Backend: BackendBolt, Path: dir, OpenTimeout: 150 * time.Millisecond})
	if !errors.Is(err, ErrStoreLocked) {
		t.Fatalf("second Open = %v, want ErrStoreLocked", err)
	}
	if !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "in use") {
		t.Errorf("error %q should name the directory and say it is in use", err)
	}
	if waited := time.Since(start); waited > 5*time.Second {
		t.Errorf("waited %v for a 150ms timeout", waited)
	}

	first.Close()
	again, err := Open(ctx, Config{Path: dir})
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	again.Close()
}

func TestABoltStoreKeepsItsDocumentsAndLabelIndexAcrossReopen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openStore(t, Config{Path: dir})
	put(t, s, kzFR())
	put(t, s, kzEN())
	before := export(t, s)
	s.Close()

	s = openStore(t, Config{Path: dir})
	if got := export(t, s); got != before {
		t.Fatalf("graph changed across reopen:\n%s", diffLines(got, before))
	}
	// The label index answers "how many quads has this document" exactly, which Cayley
	// only does from a single-direction index on labels.
	want, _ := lower(kzFR())
	refs, err := s.refsOf(ctx, []quad.Value{kzFR().Source.ID().IRI()})
	if err != nil {
		t.Fatal(err)
	}
	size, err := s.qs.QuadIteratorSize(ctx, quad.Label, refs[0])
	if err != nil || !size.Exact || size.Value != int64(len(want)) {
		t.Errorf("label index size = %+v, %v; want exactly %d", size, err, len(want))
	}
	if res := put(t, s, kzFR()); res.Status != PutUnchanged {
		t.Errorf("Put after reopen = %s, want unchanged", res.Status)
	}
	if ok, err := s.Delete(ctx, kzFR().Source.ID()); !ok || err != nil {
		t.Fatalf("Delete after reopen = %v, %v", ok, err)
	}
	if got, want := export(t, s), export(t, storeWith(t, backends()[1], kzEN())); got != want {
		t.Errorf("after deleting fr:\n%s", diffLines(got, want))
	}
}

func TestOpenRefusesAKVStoreWithoutALabelIndex(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := hbolt.Open(filepath.Join(dir, boltFile), nil)
	if err != nil {
		t.Fatal(err)
	}
	useLabelledIndexes()
	saved := kv.DefaultQuadIndexes
	kv.DefaultQuadIndexes = []kv.QuadIndex{indexSP, indexOPS}
	err = kv.Init(db, kvOptions)
	kv.DefaultQuadIndexes = saved
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(ctx, Config{Path: dir})
	if err == nil || !strings.Contains(err.Error(), "index") {
		t.Errorf("Open of a store without a label index = %v, want an error about the index", err)
	}
}

func TestOpenRefusesWhatItCannotOpen(t *testing.T) {
	ctx := context.Background()
	if _, err := Open(ctx, Config{Backend: "mongo"}); err == nil {
		t.Error("unknown backend accepted")
	}
	if _, err := Open(ctx, Config{Backend: BackendBolt}); err == nil {
		t.Error("bolt without a directory accepted")
	}
	s := openStore(t, Config{Backend: BackendMemory})
	s.Close()
	if _, err := s.Put(ctx, kzFR()); !errors.Is(err, ErrClosed) {
		t.Errorf("Put on a closed store = %v", err)
	}
	if _, err := s.Resolutions(ctx, []ID{"x"}); !errors.Is(err, ErrClosed) {
		t.Errorf("read on a closed store = %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
}

// TestConcurrentWritesAndReads is for -race: writers and readers on one store.
func TestConcurrentWritesAndReads(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := b.open(t)
		put(t, s, kzFR())
		var wg sync.WaitGroup
		errs := make(chan error, 100)
		for w := 0; w < 2; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < 8; i++ {
					d := changed(kzEN(), func(d *Document) {
						d.Source.Key = fmt.Sprintf("%s/w%d", d.Source.Key, w)
						d.Source.Text += fmt.Sprintf(" %d", i)
					})
					if _, err := s.PutBatch(ctx, []*Document{d, mm()}); err != nil {
						errs <- err
					}
					if i%3 == 2 {
						if _, err := s.Delete(ctx, d.Source.ID()); err != nil {
							errs <- err
						}
					}
				}
			}()
		}
		for r := 0; r < 3; r++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < 15; i++ {
					recs, err := s.Resolutions(ctx, []ID{ResolutionID("2021/2544(RSP)")})
					if err != nil {
						errs <- err
					} else if recs[0] == nil || recs[0].Reference != "2021/2544(RSP)" {
						errs <- fmt.Errorf("resolution missing while fr is stored: %+v", recs[0])
					}
					if _, err := s.ListDemands(ctx, DemandFilter{Country: "KZ"}); err != nil {
						errs <- err
					}
					if _, err := s.Stats(ctx); err != nil {
						errs <- err
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
	})
}
