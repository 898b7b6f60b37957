package gql

import (
	"errors"
	"fmt"
	"testing"

	"github.com/eurel/eurel/graph"
)

func TestPaginate(t *testing.T) {
	var all []graph.ID
	for i := range 7 {
		all = append(all, graph.ID(fmt.Sprintf("id-%d", i)))
	}
	ptr := func(n int) *int { return &n }
	cur := func(i int) *string { c := encodeCursor(graph.KindResolution, all[i]); return &c }
	cases := []struct {
		name             string
		first            *int
		after            *string
		want             []graph.ID
		hasNext, hasPrev bool
	}{
		{"the first page", ptr(3), nil, all[0:3], true, false},
		{"a middle page", ptr(3), cur(2), all[3:6], true, true},
		{"the last, short page", ptr(3), cur(5), all[6:7], false, true},
		{"after the last item", ptr(3), cur(6), []graph.ID{}, false, true},
		{"first: 0", ptr(0), nil, []graph.ID{}, true, false},
		{"the default size takes all seven", nil, nil, all, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := paginate(graph.KindResolution, all, c.first, c.after)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(p.ids) != fmt.Sprint(c.want) || p.info.HasNextPage != c.hasNext || p.info.HasPreviousPage != c.hasPrev || p.total != 7 {
				t.Errorf("got %v next=%v prev=%v total=%d", p.ids, p.info.HasNextPage, p.info.HasPreviousPage, p.total)
			}
			if len(p.ids) == 0 && (p.info.StartCursor != nil || p.info.EndCursor != nil) {
				t.Error("an empty page has cursors")
			}
			for i, id := range p.ids {
				if got, ok := decodeCursor(graph.KindResolution, p.cursors[i]); !ok || got != id {
					t.Errorf("cursor %d decodes to %q, %v", i, got, ok)
				}
			}
		})
	}
	bad := []struct {
		name  string
		first *int
		after *string
	}{
		{"first over the maximum", ptr(maxPageSize + 1), nil},
		{"a negative first", ptr(-1), nil},
		{"a cursor of another kind", nil, func() *string { c := encodeCursor(graph.KindDemand, all[1]); return &c }()},
		{"a cursor of an ID not in the list", nil, func() *string { c := encodeCursor(graph.KindResolution, "gone"); return &c }()},
		{"a cursor that is not base64", nil, func() *string { c := "!!"; return &c }()},
		{"an empty cursor", nil, func() *string { c := ""; return &c }()},
	}
	for _, c := range bad {
		t.Run(c.name+" is BAD_INPUT", func(t *testing.T) {
			_, err := paginate(graph.KindResolution, all, c.first, c.after)
			var coded *codedError
			if !errors.As(err, &coded) || coded.code != CodeBadInput {
				t.Errorf("err = %v, want a BAD_INPUT error", err)
			}
		})
	}
}

func TestPickName(t *testing.T) {
	names := map[string]string{"fr": "Kazakhstan (fr)", "de": "Kasachstan", "en": "Kazakhstan"}
	cases := []struct {
		name  string
		names map[string]string
		lang  string
		want  string
	}{
		{"the language asked", names, "de", "Kasachstan"},
		{"English when the language is missing", names, "it", "Kazakhstan"},
		{"the first language by code without English", map[string]string{"ru": "Казахстан", "fr": "Kazakhstan (fr)"}, "it", "Kazakhstan (fr)"},
		{"an empty name is skipped", map[string]string{"en": "", "ru": "Казахстан"}, "en", "Казахстан"},
		{"the fallback without names", nil, "en", "KZ"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := graph.PickName(c.names, c.lang, "KZ"); got != c.want {
				t.Errorf("pickName = %q, want %q", got, c.want)
			}
		})
	}
}

func TestLangArg(t *testing.T) {
	s := func(v string) *string { return &v }
	for in, want := range map[*string]string{nil: "en", s("FR"): "fr", s(" en-GB "): "en", s("pt_BR"): "pt", s("fil"): "fil"} {
		if got, err := langArg(in); err != nil || got != want {
			t.Errorf("langArg(%v) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "e", "english", "e1", "日本"} {
		if _, err := langArg(&in); err == nil {
			t.Errorf("langArg(%q) accepted", in)
		}
	}
}

func TestFormatBytes(t *testing.T) {
	for n, want := range map[int64]string{12 << 20: "12 MiB", 1 << 10: "1 KiB", 1500: "1500 bytes"} {
		if got := formatBytes(n); got != want {
			t.Errorf("formatBytes(%d) = %q, want %q", n, got, want)
		}
	}
}
