package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/cayleygraph/quad"

	"github.com/eurel/eurel/graph/search"
)

// The full-text index (package search, on Bleve) holds one entry per node of the searchable
// kinds: a resolution's titles, a demand's or a stance's text, the names of countries,
// agreements, institutions and topics, each in its language. The store keeps it in step with
// the graph: every write reindexes the nodes whose texts it changed, after the graph's
// transaction commits, and removes the nodes no document states any more.
//
// On bolt the index lives in the store's directory (searchDir) and is trusted at Open only if
// the store closed cleanly since it was last written (searchStampFile holds the store's
// stamp, written at Close, removed at Open); otherwise — first open, a crash, an index
// removed or unreadable — it is rebuilt from the graph. Elsewhere it is in memory, built at Open.

const (
	searchDir       = "search"
	searchStampFile = "search.stamp"
	rebuildBatch    = 1000 // nodes per index batch when rebuilding
)

// searchKinds are the kinds of node the index holds.
var searchKinds = []NodeKind{KindResolution, KindDemand, KindStance, KindCountry, KindAgreement, KindInstitution, KindTopic}

// openSearch opens (or creates, or rebuilds) the store's index.
func (s *Store) openSearch(ctx context.Context) error {
	dir := ""
	if s.kvdb != nil && s.path != "" {
		dir = filepath.Join(s.path, searchDir)
	}
	ix, created, err := search.Open(dir)
	if errors.Is(err, search.ErrUnreadable) {
		if err := os.RemoveAll(dir); err != nil {
			return fmt.Errorf("removing the unreadable search index: %w", err)
		}
		ix, created, err = search.Open(dir)
	}
	if err != nil {
		return err
	}
	s.index.Store(ix)
	fresh := !created
	if dir != "" {
		stampPath := filepath.Join(s.path, searchStampFile)
		saved, _ := os.ReadFile(stampPath)
		stamp, err := s.kvStamp(ctx)
		if err != nil {
			return err
		}
		fresh = fresh && string(saved) == stampString(stamp)
		if err := os.Remove(stampPath); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	if fresh {
		return nil
	}
	return s.rebuildSearch(ctx)
}

func stampString(st storeStamp) string { return fmt.Sprintf("%d %d", st.Horizon, st.Size) }

// closeSearch closes the index and, on bolt, records that it matches the store as it is.
func (s *Store) closeSearch() error {
	ix := s.index.Load()
	if ix == nil {
		return nil
	}
	err := ix.Close()
	if err == nil && s.kvdb != nil && s.path != "" {
		var stamp storeStamp
		if stamp, err = s.kvStamp(context.Background()); err == nil {
			err = os.WriteFile(filepath.Join(s.path, searchStampFile), []byte(stampString(stamp)), 0o600)
		}
	}
	return err
}

// rebuildSearch indexes every searchable node of the graph afresh into the store's index.
func (s *Store) rebuildSearch(ctx context.Context) error {
	return s.indexAll(ctx, s.index.Load())
}

// indexAll indexes every searchable node of the graph into ix.
func (s *Store) indexAll(ctx context.Context, ix *search.Index) error {
	s.texts.reset()
	var all []ID
	if err := s.viewRead(ctx, func(v *view) {
		for _, k := range searchKinds {
			all = append(all, v.ids(v.ofKind(k))...)
		}
	}); err != nil {
		return err
	}
	for start := 0; start < len(all); start += rebuildBatch {
		if err := s.reindexNodes(ctx, ix, all[start:min(start+rebuildBatch, len(all))], nil); err != nil {
			return fmt.Errorf("rebuilding the search index: %w", err)
		}
	}
	return ix.Compact(ctx)
}

// searchFields names the index field of each text predicate.
var searchFields = map[quad.Value]string{pTitle: "title", pName: "name", pText: "text"}

// textPreds are the predicates whose change changes a node's entry.
var textPreds = map[quad.IRI]bool{pTitle: true, pName: true, pText: true, pKind: true}

// reindex brings the index in step with quads a write has just added or removed; the caller
// holds the write lock (so writes reach the index in the order they reach the graph). A
// demand's or a stance's text comes from one document only (their IDs derive from it): when
// the write added it, its entry is made from that quad, without reading the store back.
func (s *Store) reindex(ctx context.Context, added, removed []quad.Quad) error {
	ix := s.index.Load()
	if ix == nil {
		return nil
	}
	texts := map[ID]quad.Value{} // demand or stance texts the write added
	var ids []ID
	seen := map[ID]bool{}
	note := func(q quad.Quad) {
		p, _ := q.Predicate.(quad.IRI)
		if id := idOfValue(q.Subject); id != "" && textPreds[p] && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, q := range removed {
		note(q)
	}
	changed := map[ID]bool{} // nodes a removal, a kind or a text of a value not indexed yet changed
	for _, q := range removed {
		changed[idOfValue(q.Subject)] = true
	}
	for _, q := range added {
		note(q)
		id := idOfValue(q.Subject)
		switch {
		case q.Predicate == pText:
			texts[id] = q.Object
			changed[id] = true
		case q.Predicate == pKind && !s.texts.has(id) || !s.texts.known(id, q):
			changed[id] = true
		}
	}
	// A country, an institution, a topic or an agreement is named again by nearly every
	// document: when the write only adds another document's statement of a name it already
	// has, its entry stands (reading a hub's names back would read one quad per document).
	ids = slices.DeleteFunc(ids, func(id ID) bool { return !changed[id] })
	for start := 0; start < len(ids); start += rebuildBatch {
		if err := s.reindexNodes(ctx, ix, ids[start:min(start+rebuildBatch, len(ids))], texts); err != nil {
			return err
		}
	}
	return nil
}

// reindexNodes puts the entries of some nodes, their texts read from the store (a demand's or
// a stance's text taken from written when it is there); nodes the graph no longer holds, or
// that are not searched, are removed from the index. written is non-nil when the caller holds
// the write lock, which on memory already excludes every other read.
func (s *Store) reindexNodes(ctx context.Context, ix *search.Index, ids []ID, written map[ID]quad.Value) error {
	inWrite := written != nil
	type node struct {
		id    ID
		kind  NodeKind
		langs []string
		names []fact // from the view, for the kinds whose names it keeps
	}
	var nodes []node
	var gone []string
	if err := s.viewRead(ctx, func(v *view) {
		for _, id := range ids {
			n, ok := v.lookup(id, searchKinds...)
			if !ok {
				gone = append(gone, string(id))
				continue
			}
			nd := node{id: id, kind: v.kindOf(n)}
			switch nd.kind {
			case KindDemand, KindStance: // texts without a language tag
				nd.langs = v.languages(n)
			case KindCountry, KindInstitution, KindTopic, KindAgreement: // hubs in the store
				nd.names = v.names(n)
			}
			nodes = append(nodes, nd)
		}
	}); err != nil {
		return err
	}
	entries := make([]search.Entry, 0, len(nodes))
	unlock := func() {}
	if !inWrite || !s.lockReads {
		var err error
		if unlock, err = s.readLock(); err != nil {
			return err
		}
	}
	r := s.newReader(ctx)
	for _, n := range nodes {
		e := search.Entry{ID: string(n.id), Kind: string(n.kind)}
		var facts []fact
		switch {
		case n.names != nil:
			facts = n.names
		case written[n.id] != nil && (n.kind == KindDemand || n.kind == KindStance):
			facts = []fact{{p: pText, o: written[n.id]}}
		default:
			facts = r.props(n.id, pTitle, pName, pText)
		}
		for _, f := range facts {
			field := searchFields[f.p]
			lang := ""
			if ls, ok := f.o.(quad.LangString); ok {
				lang = ls.Lang
			} else if len(n.langs) == 1 {
				lang = n.langs[0]
			}
			t := search.Text{Field: field, Lang: lang, Value: str(f.o)}
			if strings.TrimSpace(t.Value) != "" && !slices.Contains(e.Texts, t) {
				e.Texts = append(e.Texts, t)
			}
		}
		entries = append(entries, e)
		s.texts.set(n.id, n.kind, e.Texts)
	}
	unlock()
	if r.err != nil {
		return r.err
	}
	if len(entries) > 0 {
		if err := ix.Put(entries); err != nil {
			return err
		}
	}
	if len(gone) > 0 {
		for _, id := range gone {
			s.texts.forget(ID(id))
		}
		return ix.Delete(gone)
	}
	return nil
}

// indexedTexts remembers the texts indexed for the nodes that nearly every document names
// again (countries, institutions, topics, agreements: a few thousand), so that a write
// restating one of them costs no read. Writers use it under the store's write lock; the
// rebuild at open before any write.
type indexedTexts struct {
	mu sync.Mutex
	m  map[ID]map[string]bool // node → "field\x00lang\x00value"
}

// vocabulary are the kinds indexedTexts remembers.
var vocabulary = []NodeKind{KindCountry, KindInstitution, KindTopic, KindAgreement}

func textKey(field, lang, value string) string { return field + "\x00" + lang + "\x00" + value }

// known reports whether a quad states a text already indexed for its node.
func (t *indexedTexts) known(id ID, q quad.Quad) bool {
	field, ok := searchFields[q.Predicate]
	if !ok {
		return true // not a text
	}
	lang := ""
	if ls, ok := q.Object.(quad.LangString); ok {
		lang = ls.Lang
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.m[id][textKey(field, lang, str(q.Object))]
}

// has reports whether the node's texts are remembered: it is indexed, and a write that
// restates its kind changes nothing.
func (t *indexedTexts) has(id ID) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	_, ok := t.m[id]
	return ok
}

func (t *indexedTexts) set(id ID, kind NodeKind, texts []search.Text) {
	if !slices.Contains(vocabulary, kind) {
		return
	}
	keys := make(map[string]bool, len(texts))
	for _, x := range texts {
		keys[textKey(x.Field, x.Lang, x.Value)] = true
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.m == nil {
		t.m = map[ID]map[string]bool{}
	}
	t.m[id] = keys
}

func (t *indexedTexts) reset() {
	t.mu.Lock()
	t.m = nil
	t.mu.Unlock()
}

func (t *indexedTexts) forget(id ID) {
	t.mu.Lock()
	delete(t.m, id)
	t.mu.Unlock()
}
