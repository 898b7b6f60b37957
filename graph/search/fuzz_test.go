package search

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSearch searches the fixture for any text, page size and cursor: Search must not
// panic, must refuse only with ErrBadQuery, and must return valid, safe snippets and
// cursors that lead to the next page.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{
		"prisonniers politiques", "refugies", "political prisoner", "Kazakhstan Zimbabwe",
		`+kind:Country "Kazakhstan`, "field:text AND NOT (x OR y)~2^3", "*", "?", "/regexp.*/",
		"l'Union européenne", "d’une", "\xff\xfe", "\uFFFD", "<mark>", "&amp;", "\x00", "",
		strings.Repeat("é", 501), "2021/2544(RSP)", "œuvre ß ﬁ Ǆ",
	} {
		f.Add(s, uint8(0), "")
	}
	ix := openFixture(f)
	ctx := context.Background()
	p, err := ix.Search(ctx, Query{Text: "Kazakhstan", First: 1})
	if err != nil {
		f.Fatal(err)
	}
	f.Add("Kazakhstan", uint8(1), p.Hits[0].Cursor)
	f.Add("Kazakhstan", uint8(1), p.Hits[0].Cursor+"A")
	f.Fuzz(func(t *testing.T, text string, first uint8, after string) {
		q := Query{Text: text, First: int(first % 3), After: after}
		p, err := ix.Search(ctx, q)
		if err != nil {
			if !errors.Is(err, ErrBadQuery) {
				t.Fatalf("Search(%q): %v, not ErrBadQuery", text, err)
			}
			return
		}
		if uint64(len(p.Hits)) > p.Total {
			t.Fatalf("Search(%q): %d hits, Total %d", text, len(p.Hits), p.Total)
		}
		for _, h := range p.Hits {
			if !utf8.ValidString(h.Snippet) {
				t.Fatalf("Search(%q): snippet %q is not UTF-8", text, h.Snippet)
			}
			if err := checkSnippet(h.Snippet); err != nil {
				t.Fatalf("Search(%q): %v", text, err)
			}
		}
		if p.HasNext {
			q.After = p.Hits[len(p.Hits)-1].Cursor
			if _, err := ix.Search(ctx, q); err != nil {
				t.Fatalf("Search(%q) after its own cursor: %v", text, err)
			}
		}
	})
}
