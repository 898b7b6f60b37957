package search

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bolterrors "go.etcd.io/bbolt/errors"
)

// ErrUnreadable is wrapped by Open's error when dir exists but holds no index this version
// can read (another program's files, a damaged index, or one built with another schema).
// The caller may remove dir and open it again to rebuild.
var ErrUnreadable = errors.New("not a readable search index")

// ErrInUse is wrapped by Open's error when another Index, in this process or another, holds
// dir: Open waits a second for it to close, then gives up.
var ErrInUse = errors.New("the search index is in use by another program")

// scorchConfig holds the settings of the scorch index, measured with BenchmarkPut and
// BenchmarkBuild (see the package doc):
//
//   - unsafe_batch stays false: Put returns once its batch is on disk. Unsafe batches cost
//     about 5% less CPU and Put returns 15–40% sooner, but only because it returns before
//     the batch is persisted: a crash, or even Close, could then lose batches the caller
//     believes indexed, with nothing telling it. Indexing is bound by the CPU (analysis,
//     then building each batch's segment), not by fsync, once batches hold thousands.
//   - The merge policy is scorch's default (tiers of at most 10 segments, merged in the
//     background); Compact merges to one segment after a rebuild.
//   - bolt_timeout: Open of a held dir fails (ErrInUse) instead of waiting for ever.
func scorchConfig() map[string]any {
	return map[string]any{"bolt_timeout": "1s"}
}

// Open opens the index in dir, creating it when dir is missing or empty; dir "" is an
// in-memory index, always created. created reports a new, empty index, which the caller
// rebuilds from the graph. Whether an existing index is still in step with the graph (a
// crash between a graph write and its Put, or during a rebuild, leaves it behind) is the
// caller's to know: the index only promises that what Put returned from is on disk.
//
// A dir that exists but is not a readable index is an error wrapping ErrUnreadable that
// names the dir; the caller may remove it and open again. Only one Index may hold a dir at
// a time: Open of a dir that is held fails with ErrInUse.
func Open(dir string) (ix *Index, created bool, err error) {
	return open(dir, scorchConfig())
}

// open is Open with the given scorch settings (benchmarks compare others).
func open(dir string, cfg map[string]any) (*Index, bool, error) {
	if dir == "" {
		return create(dir, cfg)
	}
	empty, err := isMissingOrEmpty(dir)
	if errors.Is(err, ErrUnreadable) {
		return nil, false, fmt.Errorf("search: %s is %w", dir, err)
	} else if err != nil {
		return nil, false, fmt.Errorf("search: %w", err) // os errors name the path
	}
	if empty {
		return create(dir, cfg)
	}
	bi, err := bleve.OpenUsing(dir, cfg)
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, false, fmt.Errorf("search: %s: %w", dir, ErrInUse)
	}
	if err != nil {
		return nil, false, fmt.Errorf("search: %s is %w: %w", dir, ErrUnreadable, err)
	}
	v, err := bi.GetInternal(schemaKey)
	if err != nil || string(v) != schemaVersion {
		_ = bi.Close()
		if err == nil {
			err = fmt.Errorf("it was built as %q, this program reads %q", v, schemaVersion)
		}
		return nil, false, fmt.Errorf("search: %s is %w: %w", dir, ErrUnreadable, err)
	}
	return &Index{bi: bi, dir: dir}, false, nil
}

// create makes a new index in dir (missing or empty) and records its schema version.
func create(dir string, cfg map[string]any) (*Index, bool, error) {
	m, err := newMapping()
	if err != nil {
		return nil, false, fmt.Errorf("search: index mapping: %w", err)
	}
	bi, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, cfg)
	if err != nil {
		return nil, false, fmt.Errorf("search: creating index in %q: %w", dir, err)
	}
	if err := bi.SetInternal(schemaKey, []byte(schemaVersion)); err != nil {
		_ = bi.Close()
		return nil, false, fmt.Errorf("search: creating index in %q: %w", dir, err)
	}
	return &Index{bi: bi, dir: dir}, true, nil
}

// isMissingOrEmpty reports whether dir does not exist or is an empty directory; a file
// that is not a directory is an error wrapping ErrUnreadable.
func isMissingOrEmpty(dir string) (bool, error) {
	fi, err := os.Stat(dir)
	if errors.Is(err, os.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	if !fi.IsDir() {
		return false, fmt.Errorf("%w: it is a file", ErrUnreadable)
	}
	des, err := os.ReadDir(dir)
	if err != nil {
		return false, err
	}
	return len(des) == 0, nil
}

// Compact merges the index's segments into one, while searches and puts go on: after a
// rebuild it makes searches faster. It returns when the merge is done or ctx is; the files
// of the merged segments are removed after the next batch. An in-memory index has nothing
// to compact.
func (ix *Index) Compact(ctx context.Context) error {
	if ix.dir == "" {
		return nil
	}
	adv, err := ix.bi.Advanced()
	if err != nil {
		return fmt.Errorf("search: compact: %w", err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return fmt.Errorf("search: compact: the index is a %T, not scorch", adv)
	}
	if err := s.ForceMerge(ctx, nil); err != nil {
		return fmt.Errorf("search: compact: %w", err)
	}
	return nil
}
