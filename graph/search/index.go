package search

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
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
	Lang  string // "en", "fr", or "" when unknown: indexed as both (so is any other language; "en-GB" is "en")
	Value string
}

// Index is a full-text index of graph nodes. Its methods are safe for concurrent use: Search
// may run while Put or Delete does, and sees each batch entirely or not at all. Open makes
// one; Close releases it.
type Index struct {
	bi  bleve.Index
	dir string
}

// Put indexes entries as one batch: each replaces whatever was indexed under its ID, and
// when an ID appears twice in entries the last one wins. An entry without texts is kept
// (it is counted) but no search finds it. A batch with an entry whose ID is empty, or a
// Text whose Field is not "title", "name" or "text", is refused whole and leaves the index
// as it was. Kind is stored and filtered on as given.
//
// Put returns once the batch is on disk. Each batch costs a segment and an fsync, so a
// rebuild should send batches of a few thousand entries (5,000 in the benchmarks), not
// one entry at a time. Puts may run concurrently (distinct IDs, then: which of two
// concurrent entries with one ID wins is not defined).
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

// document is the Bleve document for e: its kind, per language the list of its texts, and
// per node field and language the same lists (see newMapping).
func document(e *Entry) (map[string]any, error) {
	if e.ID == "" {
		return nil, errors.New("empty ID")
	}
	doc := map[string]any{kindField: e.Kind}
	for _, t := range e.Texts {
		if !isTextField(t.Field) {
			return nil, fmt.Errorf("text field %q is none of %s", t.Field, strings.Join(textFields, ", "))
		}
		ls := langs
		if l := baseLang(t.Lang); l == "en" || l == "fr" {
			ls = []string{l}
		}
		v := cleanText(t.Value)
		if strings.TrimSpace(v) == "" {
			continue
		}
		for _, l := range ls {
			for _, name := range []string{l, storedField(t.Field, l)} {
				vs, _ := doc[name].([]string)
				doc[name] = append(vs, v)
			}
		}
	}
	return doc, nil
}

// baseLang is the primary language subtag of a language tag, lower-cased: "en-GB" → "en".
func baseLang(tag string) string {
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return strings.ToLower(tag)
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
