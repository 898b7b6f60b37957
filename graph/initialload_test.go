package graph

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// needBootID skips a test of the unsynced initial load where the kernel's boot ID cannot be
// read (the load then waits for the disk like any write).
func needBootID(t *testing.T) string {
	t.Helper()
	boot, ok := bootID()
	if !ok {
		t.Skip("no boot ID on this system: initial loads wait for the disk")
	}
	return boot
}

func documentsIn(t *testing.T, s *Store) int64 {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st.Documents
}

func TestAnInitialLoadSyncsOnceAtItsEndAndLeavesNoMark(t *testing.T) {
	boot := needBootID(t)
	ctx := context.Background()
	dir := t.TempDir()
	s := openStore(t, Config{Path: dir})
	end, ok, err := s.BeginInitialLoad(ctx)
	if err != nil || !ok {
		t.Fatalf("BeginInitialLoad on an empty bolt store = %v, %v; want an initial load", ok, err)
	}
	mark, err := os.ReadFile(filepath.Join(dir, initialLoadMark))
	if err != nil || !strings.Contains(string(mark), "boot "+boot) {
		t.Fatalf("during the load the store should be marked with this boot: %q, %v", mark, err)
	}
	if !s.kvdb.raw.NoSync {
		t.Error("the load should not wait for the disk at every commit")
	}
	if _, err := s.PutBatch(ctx, []*Document{kzEN(), kzFR(), mm()}); err != nil {
		t.Fatal(err)
	}
	if err := end(); err != nil {
		t.Fatalf("ending the load: %v", err)
	}
	if err := end(); err != nil {
		t.Errorf("ending it again: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, initialLoadMark)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the mark should be gone once the load has ended: %v", err)
	}
	if s.kvdb.raw.NoSync {
		t.Error("writes after the load should wait for the disk again")
	}
	s.Close()
	again := openStore(t, Config{Path: dir})
	if n := documentsIn(t, again); n != 3 {
		t.Errorf("reopened after the load: %d documents, want 3", n)
	}
}

func TestOnlyAnEmptyBoltStoreIsLoadedWithoutWaitingForTheDisk(t *testing.T) {
	needBootID(t)
	ctx := context.Background()
	dir := t.TempDir()
	s := openStore(t, Config{Path: dir})
	if _, err := s.Put(ctx, kzEN()); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.BeginInitialLoad(ctx); ok || err != nil {
		t.Errorf("BeginInitialLoad on a store holding a document = %v, %v; want none", ok, err)
	}
	if _, err := os.Stat(filepath.Join(dir, initialLoadMark)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a store that is not loaded afresh should not be marked: %v", err)
	}
	mem := openStore(t, Config{Backend: BackendMemory})
	if _, ok, err := mem.BeginInitialLoad(ctx); ok || err != nil {
		t.Errorf("BeginInitialLoad on the memory store = %v, %v; want none", ok, err)
	}
}

func TestAStoreWhoseLoadingProcessDiedOpensWhole(t *testing.T) {
	needBootID(t)
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, Config{Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.BeginInitialLoad(ctx); !ok || err != nil {
		t.Fatalf("BeginInitialLoad = %v, %v", ok, err)
	}
	if _, err := s.PutBatch(ctx, []*Document{kzEN(), mm()}); err != nil {
		t.Fatal(err)
	}
	s.Close() // the load never ended: the mark stays, as when its process is killed

	again := openStore(t, Config{Path: dir})
	if n := documentsIn(t, again); n != 2 {
		t.Errorf("reopened: %d documents, want the 2 committed", n)
	}
	if _, err := os.Stat(filepath.Join(dir, initialLoadMark)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("opening in the same boot should sync the store and remove the mark: %v", err)
	}
}

func TestAStoreWhoseMachineStoppedDuringItsLoadIsRefused(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openStore(t, Config{Path: dir})
	if _, err := s.Put(ctx, kzEN()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, mark := range []string{
		"boot 00000000-0000-0000-0000-000000000000\nstarted 2026-11-27T10:00:00Z\n",
		"not a mark at all\x00",
	} {
		if err := os.WriteFile(filepath.Join(dir, initialLoadMark), []byte(mark), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Open(ctx, Config{Path: dir})
		if !errors.Is(err, ErrInterruptedLoad) {
			t.Fatalf("Open with the mark %q = %v, want ErrInterruptedLoad", mark, err)
		}
		if msg := err.Error(); !strings.Contains(msg, dir) || !strings.Contains(msg, "remove the directory") {
			t.Errorf("the error should name the store and say what to do: %q", msg)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, boltFile)); err != nil {
		t.Errorf("a refused store is left as it was: %v", err)
	}
}
