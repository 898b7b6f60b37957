package graph

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// An initial load fills an empty bolt store without waiting for the disk at every commit.
//
// A commit of bbolt waits twice for the disk (fdatasync): for its pages, then for its meta
// page. A batch of 2,048 summaries rewrites most of Cayley's node buckets, hundreds of MB at
// 100,000 documents, and that wait was a third of a bulk load's time. While the store is
// loaded for the first time there is nothing older to protect, so the load writes with
// bbolt's NoSync and syncs once at its end.
//
// Without the waits, every commit still reaches the kernel before the next one begins: if the
// process dies (Ctrl-C, kill, out of memory), the kernel still writes everything committed
// and the store is whole. Only a stop of the machine itself (crash, power cut) can leave
// the file with a meta page newer than its pages. So the load leaves a mark in the store's
// directory, holding the kernel's boot ID, for as long as it runs: a store opened with a mark
// of the current boot is whole (it is synced and the mark removed); a mark of another boot
// means the machine stopped during the load, and Open refuses the store with
// ErrInterruptedLoad rather than read what may be damaged.

// initialLoadMark is the mark's file in the store's directory.
const initialLoadMark = "initial-load"

// ErrInterruptedLoad is returned (wrapped) by Open for a bolt store whose initial load did not
// wait for the disk and was under way when the machine stopped: the store may be damaged, and
// must be removed and loaded again.
var ErrInterruptedLoad = errors.New("the machine stopped during the store's initial load")

// BeginInitialLoad readies an empty bolt store to be loaded without waiting for the disk at
// every commit (see above). It returns ok false, and changes nothing, unless the store is
// bolt, holds no quad, and the kernel's boot ID can be read (Linux). Otherwise it marks the
// store and returns end, which syncs the file, ends the mode and removes the mark; call it
// once the load is done, whether it succeeded or not, before Close. Writes go on as usual
// meanwhile, from any goroutine; reads see them as they commit.
func (s *Store) BeginInitialLoad(ctx context.Context) (end func() error, ok bool, err error) {
	if s.kvdb == nil || s.kvdb.raw == nil || s.path == "" {
		return nil, false, nil
	}
	boot, known := bootID()
	if !known {
		return nil, false, nil
	}
	unlock, err := s.writeLock()
	if err != nil {
		return nil, false, err
	}
	defer unlock()
	empty := false
	if err := s.viewRead(ctx, func(v *view) { empty = v.quads == 0 }); err != nil || !empty {
		return nil, false, err
	}
	mark := filepath.Join(s.path, initialLoadMark)
	body := fmt.Sprintf("boot %s\nstarted %s\n", boot, time.Now().UTC().Format(time.RFC3339))
	if err := writeSynced(mark, []byte(body)); err != nil {
		return nil, false, fmt.Errorf("initial load: %w", err)
	}
	s.kvdb.raw.NoSync = true
	done := false
	return func() error {
		unlock, err := s.writeLock()
		if err != nil {
			return err
		}
		defer unlock()
		if done {
			return nil
		}
		done = true
		return s.endInitialLoad()
	}, true, nil
}

// endInitialLoad syncs the bolt file and removes the mark. The caller holds the write lock
// (or is opening the store).
func (s *Store) endInitialLoad() error {
	db := s.kvdb.raw
	db.NoSync = false
	if err := db.Sync(); err != nil {
		return fmt.Errorf("initial load: syncing the store: %w", err)
	}
	if err := os.Remove(filepath.Join(s.path, initialLoadMark)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("initial load: %w", err)
	}
	return syncDir(s.path)
}

// checkInitialLoad looks for the mark of an initial load in a bolt store just opened: a mark
// of this boot is a load whose process died, and the store is whole: synced, unmarked. A mark
// of another boot, or one that cannot be read, is an ErrInterruptedLoad.
func (s *Store) checkInitialLoad() error {
	b, err := os.ReadFile(filepath.Join(s.path, initialLoadMark))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("store %s: reading the mark of its initial load: %w", s.path, err)
	}
	marked, started := "", ""
	for line := range strings.Lines(string(b)) {
		if k, v, ok := strings.Cut(strings.TrimSpace(line), " "); ok {
			switch k {
			case "boot":
				marked = v
			case "started":
				started = v
			}
		}
	}
	if boot, known := bootID(); known && marked != "" && marked == boot {
		return s.endInitialLoad()
	}
	return fmt.Errorf("store %s: %w (it began %s and did not wait for the disk): it may be damaged; remove the directory and load the texts again",
		s.path, ErrInterruptedLoad, cmp.Or(started, "at an unknown time"))
}

// writeSynced writes a small file and waits for the disk to hold it and its directory entry.
func writeSynced(name string, b []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return syncDir(filepath.Dir(name))
}

// syncDir waits for the disk to hold a directory's entries.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
