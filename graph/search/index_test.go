package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestOpenCreatesReopensAndRefuses(t *testing.T) {
	t.Run("a missing dir is created, and reopened it still holds the entries", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "search")
		ix, created, err := Open(dir)
		if err != nil || !created {
			t.Fatalf("Open(missing) = created %v, %v; want created", created, err)
		}
		if err := ix.Put(allEntries()); err != nil {
			t.Fatal(err)
		}
		if err := ix.Close(); err != nil {
			t.Fatal(err)
		}

		ix, created, err = Open(dir)
		if err != nil || created {
			t.Fatalf("Open(existing) = created %v, %v; want not created", created, err)
		}
		defer ix.Close()
		if n, err := ix.Count(); err != nil || n != uint64(len(fixture)) {
			t.Errorf("Count() = %d, %v; want %d", n, err, len(fixture))
		}
		got := hitNames(mustSearch(t, ix, Query{Text: "prisonniers politiques"}))
		if !slices.Contains(got, "kz-release-fr") {
			t.Errorf("reopened index: hits %v lack kz-release-fr", got)
		}
	})
	t.Run("an empty dir is created in place", func(t *testing.T) {
		dir := t.TempDir()
		ix, created, err := Open(dir)
		if err != nil || !created {
			t.Fatalf("Open(empty dir) = created %v, %v; want created", created, err)
		}
		ix.Close()
	})

	refusals := []struct {
		name string
		make func(t *testing.T) string
	}{
		{"a dir of other files", func(t *testing.T) string {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "notes.txt"), "not an index")
			return dir
		}},
		{"a file where the dir should be", func(t *testing.T) string {
			path := filepath.Join(t.TempDir(), "search")
			writeFile(t, path, "not an index")
			return path
		}},
		{"an index whose metadata is damaged", func(t *testing.T) string {
			dir := filepath.Join(t.TempDir(), "search")
			ix, _, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			ix.Close()
			writeFile(t, filepath.Join(dir, "index_meta.json"), "{")
			return dir
		}},
		{"an index built with another schema", func(t *testing.T) string {
			dir := filepath.Join(t.TempDir(), "search")
			ix, _, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			if err := ix.bi.SetInternal(schemaKey, []byte("eurel-search/0")); err != nil {
				t.Fatal(err)
			}
			ix.Close()
			return dir
		}},
	}
	for _, tt := range refusals {
		t.Run(tt.name+" is refused, naming the dir", func(t *testing.T) {
			dir := tt.make(t)
			ix, _, err := Open(dir)
			if err == nil {
				ix.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, ErrUnreadable) || !strings.Contains(err.Error(), dir) {
				t.Errorf("error %q, want ErrUnreadable naming %s", err, dir)
			}
		})
	}
}

func TestOpenRefusesADirThatIsInUse(t *testing.T) {
	dir := t.TempDir()
	ix, _, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	second, _, err := Open(dir)
	if err == nil {
		second.Close()
		t.Fatal("a second Open of the same dir succeeded")
	}
	if !errors.Is(err, ErrInUse) || errors.Is(err, ErrUnreadable) || !strings.Contains(err.Error(), dir) {
		t.Errorf("error %q, want ErrInUse (and not ErrUnreadable) naming %s", err, dir)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestPutReplacesAndDeleteRemoves(t *testing.T) {
	ix := openFixture(t)
	search := func(text string) []string { return hitNames(mustSearch(t, ix, Query{Text: text})) }

	t.Run("put again under the same ID replaces the old texts", func(t *testing.T) {
		e := entries("kz-release-en")[0]
		e.Texts = []Text{{"text", "en", "Calls for an independent investigation into the events of January 2022 in Almaty."}}
		if err := ix.Put([]Entry{e}); err != nil {
			t.Fatal(err)
		}
		if got := search("Almaty investigation"); !slices.Equal(got, []string{"kz-release-en"}) {
			t.Errorf("new text: hits %v", got)
		}
		if got := search("unconditionally"); len(got) != 0 {
			t.Errorf("old text: hits %v, want none", got)
		}
		if n, _ := ix.Count(); n != uint64(len(fixture)) {
			t.Errorf("Count() = %d after a replacement, want %d", n, len(fixture))
		}
	})
	t.Run("the last of two entries with one ID in a batch wins", func(t *testing.T) {
		a, b := entries("kz-country")[0], entries("kz-country")[0]
		a.Texts = []Text{{"name", "en", "Qazaqstan"}}
		b.Texts = []Text{{"name", "en", "Republic of Kazakhstan"}}
		if err := ix.Put([]Entry{a, b}); err != nil {
			t.Fatal(err)
		}
		if got := search("Qazaqstan"); len(got) != 0 {
			t.Errorf("hits %v, want none", got)
		}
		if got := search("republic"); !slices.Equal(got, []string{"kz-country"}) {
			t.Errorf("hits %v, want kz-country", got)
		}
	})
	t.Run("delete removes, ignoring unknown IDs", func(t *testing.T) {
		if err := ix.Delete([]string{id("mm-refugees-fr"), id("no-such-node"), ""}); err != nil {
			t.Fatal(err)
		}
		if got := search("refugies"); len(got) != 0 {
			t.Errorf("hits %v, want none", got)
		}
		if n, _ := ix.Count(); n != uint64(len(fixture)-1) {
			t.Errorf("Count() = %d, want %d", n, len(fixture)-1)
		}
	})
	t.Run("empty batches change nothing", func(t *testing.T) {
		if err := ix.Put(nil); err != nil {
			t.Error(err)
		}
		if err := ix.Delete(nil); err != nil {
			t.Error(err)
		}
	})
}

func TestPutRefusesAWrongBatchWhole(t *testing.T) {
	tests := []struct {
		name  string
		bad   Entry
		error string
	}{
		{"an entry without ID", Entry{Kind: "Topic", Texts: []Text{{"name", "en", "torture"}}}, "empty ID"},
		{"a text in another field", Entry{ID: id("x"), Kind: "Topic", Texts: []Text{{"summary", "en", "torture"}}}, `field "summary"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := openMem(t)
			err := ix.Put(append(entries("kz-country"), tt.bad))
			if err == nil || !strings.Contains(err.Error(), tt.error) {
				t.Fatalf("Put: error %v, want one saying %s", err, tt.error)
			}
			if n, _ := ix.Count(); n != 0 {
				t.Errorf("Count() = %d after a refused batch, want 0", n)
			}
		})
	}
}

func TestPutKeepsOddTextsSearchable(t *testing.T) {
	ix := openMem(t)
	es := []Entry{
		{ID: id("german"), Kind: "Topic", Texts: []Text{{"name", "de", "Pressefreiheit und Menschenrechtsverteidiger"}}},
		{ID: id("british"), Kind: "Topic", Texts: []Text{{"name", "en-GB", "Honour killings"}}},
		{ID: id("invalid-utf8"), Kind: "Demand", Texts: []Text{{"text", "en", "Calls for the release of \xff\xfe bloggers"}}},
		{ID: id("replacement-char"), Kind: "Demand", Texts: []Text{{"text", "en", "Calls for the release of \uFFFD journalists"}}},
		{ID: id("no-texts"), Kind: "Topic"},
		{ID: id("blank-text"), Kind: "Topic", Texts: []Text{{"name", "en", "  "}}},
	}
	if err := ix.Put(es); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.Count(); n != uint64(len(es)) {
		t.Errorf("Count() = %d, want %d", n, len(es))
	}
	for _, text := range []string{"bloggers", "journalists", "Pressefreiheit", "honour killing"} {
		p := mustSearch(t, ix, Query{Text: text})
		if len(p.Hits) != 1 || !strings.Contains(p.Hits[0].Snippet, "<mark>") {
			t.Errorf("%q: %+v, want one hit with a marked snippet", text, p)
		}
	}
}

func TestSearchRunsWhilePutDoes(t *testing.T) {
	ix := openFixture(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range 20 {
			var batch []Entry
			for j := range 50 {
				batch = append(batch, Entry{
					ID:   id(fmt.Sprintf("demand-%d-%d", i, j)),
					Kind: "Demand",
					Texts: []Text{{"text", "en", fmt.Sprintf(
						"Calls on the authorities to release human rights defender number %d of batch %d", j, i)}},
				})
			}
			if err := ix.Put(batch); err != nil {
				errs <- err
				return
			}
		}
	}()
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 25 {
				p, err := ix.Search(ctx, Query{Text: "human rights defenders", First: 10})
				if err != nil {
					errs <- err
					return
				}
				if len(p.Hits) == 0 {
					errs <- errors.New("no hits while putting")
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n, _ := ix.Count(); n != uint64(len(fixture)+20*50) {
		t.Errorf("Count() = %d, want %d", n, len(fixture)+20*50)
	}
}
