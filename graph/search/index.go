package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bolterrors "go.etcd.io/bbolt/errors"
)

// Entry is everything searchable about one graph node; Put replaces the node's previous entry.
type Entry struct {
	ID    string // node ID (a UUID string); must not be empty
	Kind  string // node kind: "Resolution", "Demand", "Stance", "Country", "Agreement", "Institution", "Topic", "Document"
	Texts []Text
}

// Text is one text on a node. A node may have several texts with the same Field and Lang
// (a country's names, say); each is searched and highlighted on its own.
type Text struct {
	Field string // "title", "name" or "text": what the text is on the node
	Lang  string // "en", "fr", or "" when unknown (then it is indexed as both)
	Value string
}

// ErrUnreadable is wrapped by Open's error when dir exists but holds no index this version
// can read (another program's files, a damaged index, or one built with an older schema).
// The caller may remove dir and open it again to rebuild.
var ErrUnreadable = errors.New("not a readable search index")

// ErrInUse is wrapped by Open's error when another Index, in this process or another, holds
// dir: Open waits a second for it to close, then gives up.
var ErrInUse = errors.New("the search index is in use by another program")

// Index is a full-text index of graph nodes. Its methods are safe for concurrent use: Search
// may run while Put or Delete does, and sees each batch entirely or not at all.
type Index struct {
	bi  bleve.Index
	dir string
}

// scorchConfig holds the settings of the scorch index (measured in bench_test.go, figures in
// the package doc):
//
//   - unsafe_batch is left false: Put returns once its batch is on disk. With true, Put would
//     return before the batch is persisted, and a crash could lose batches that the caller
//     believes indexed, with nothing telling it to rebuild. A safe batch costs an fsync, so
//     callers should send batches of about a thousand entries, not one at a time.
//   - The merge policy is scorch's default (tiers of at most 10 segments, merged in the
//     background); Compact merges to one segment after a bulk rebuild, which makes searches
//     faster and the index smaller.
func scorchConfig() map[string]any {
	return map[string]any{
		"bolt_timeout": "1s", // Open of a held dir fails (ErrInUse) instead of waiting for ever
	}
}

// Open opens the index in dir, creating it when dir is missing or an empty directory
// (created reports that, so the caller rebuilds it from the graph); dir "" is an in-memory
// index, always created. A dir that exists but is not a readable index is an error wrapping
// ErrUnreadable that names the dir; the caller may remove it and open again.
// Only one Index may hold a dir at a time: Open of a dir that is held fails with ErrInUse.
func Open(dir string) (ix *Index, created bool, err error) {
	return open(dir, scorchConfig())
}

// open is Open with the given scorch settings (benchmarks compare others).
func open(dir string, cfg map[string]any) (ix *Index, created bool, err error) {
	m, err := newMapping()
	if err != nil {
		return nil, false, fmt.Errorf("search: index mapping: %w", err)
	}
	if dir == "" {
		bi, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, cfg)
		if err != nil {
			return nil, false, fmt.Errorf("search: in-memory index: %w", err)
		}
		return newIndex(bi, dir)
	}
	empty, err := isMissingOrEmpty(dir)
	if errors.Is(err, ErrUnreadable) {
		return nil, false, fmt.Errorf("search: %s is %w", dir, err)
	} else if err != nil {
		return nil, false, fmt.Errorf("search: %w", err) // os errors name the path
	}
	if empty {
		if err := os.RemoveAll(dir); err != nil { // bleve wants to create the directory itself
			return nil, false, fmt.Errorf("search: %s: %w", dir, err)
		}
		bi, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, cfg)
		if err != nil {
			return nil, false, fmt.Errorf("search: creating index in %s: %w", dir, err)
		}
		return newIndex(bi, dir)
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

// newIndex records the schema version in a freshly created index.
func newIndex(bi bleve.Index, dir string) (*Index, bool, error) {
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

// Put indexes entries as one batch: each replaces whatever was indexed under its ID, and
// when an ID appears twice in entries the last one wins. An entry without texts is kept
// (it is counted) but no search finds it. A batch with an entry whose ID is empty, or a
// Text whose Field is not "title", "name" or "text" or whose Lang is not "en", "fr" or "",
// is refused whole and leaves the index as it was.
// Put returns once the batch is on disk; batches of about a thousand entries index fastest.
func (ix *Index) Put(entries []Entry) error {
	b := ix.bi.NewBatch()
	for i := range entries {
		e := &entries[i]
		doc, err := document(e)
		if err != nil {
			return fmt.Errorf("search: entry %d (%q): %w", i, e.ID, err)
		}
		if err := b.Index(e.ID, doc); err != nil {
			return fmt.Errorf("search: entry %d (%q): %w", i, e.ID, err)
		}
	}
	if b.Size() == 0 {
		return nil
	}
	if err := ix.bi.Batch(b); err != nil {
		return fmt.Errorf("search: put %d entries: %w", len(entries), err)
	}
	return nil
}

// document is the Bleve document for e: its kind and, per field and language, the list of
// its texts.
func document(e *Entry) (map[string]any, error) {
	if e.ID == "" {
		return nil, errors.New("empty ID")
	}
	doc := map[string]any{kindField: e.Kind}
	for _, t := range e.Texts {
		if !isTextField(t.Field) {
			return nil, fmt.Errorf("text field %q is none of %s", t.Field, strings.Join(textFields, ", "))
		}
		var ls []string
		switch t.Lang {
		case "en", "fr":
			ls = []string{t.Lang}
		case "":
			ls = langs
		default:
			return nil, fmt.Errorf("text language %q is none of en, fr or \"\"", t.Lang)
		}
		v := cleanText(t.Value)
		if strings.TrimSpace(v) == "" {
			continue
		}
		for _, l := range ls {
			name := indexField(t.Field, l)
			vs, _ := doc[name].([]string)
			doc[name] = append(vs, v)
		}
	}
	return doc, nil
}

func isTextField(f string) bool {
	for _, tf := range textFields {
		if f == tf {
			return true
		}
	}
	return false
}

// cleanText replaces invalid UTF-8 and U+FFFD with spaces: Bleve's fragmenter gives up on a
// text at the first U+FFFD, and a snippet must be valid UTF-8.
func cleanText(s string) string {
	if utf8.ValidString(s) && !strings.ContainsRune(s, utf8.RuneError) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == utf8.RuneError {
			return ' '
		}
		return r
	}, s)
}

// Delete removes the entries with these IDs as one batch; IDs that are not indexed are
// ignored.
func (ix *Index) Delete(ids []string) error {
	b := ix.bi.NewBatch()
	for _, id := range ids {
		if id != "" {
			b.Delete(id)
		}
	}
	if b.Size() == 0 {
		return nil
	}
	if err := ix.bi.Batch(b); err != nil {
		return fmt.Errorf("search: delete %d entries: %w", len(ids), err)
	}
	return nil
}

// Count is the number of entries in the index.
func (ix *Index) Count() (uint64, error) {
	n, err := ix.bi.DocCount()
	if err != nil {
		return 0, fmt.Errorf("search: count: %w", err)
	}
	return n, nil
}

// Close flushes and closes the index. Any use of ix after Close returns an error.
func (ix *Index) Close() error {
	if err := ix.bi.Close(); err != nil {
		return fmt.Errorf("search: close: %w", err)
	}
	return nil
}

// Compact merges the index's segments into one, in the background of searches and puts:
// after a bulk rebuild it makes searches faster and the index smaller. It returns when the
// merge is done or ctx is; an in-memory index has nothing to compact.
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
