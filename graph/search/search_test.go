package search

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestSearchFindsWhatTheUserMeant(t *testing.T) {
	ix := openFixture(t)
	tests := []struct {
		name    string
		text    string
		kinds   []string
		want    []string // among the hits
		notWant []string // not among them
	}{
		{
			name: "prisonniers politiques finds a French demand about a prisonnier politique",
			text: "prisonniers politiques",
			want: []string{"kz-release-fr", "kz-resolution"},
		},
		{
			name: "refugies typed without accents finds réfugiés",
			text: "refugies",
			want: []string{"mm-refugees-fr"},
		},
		{
			name: "réfugiés with accents finds réfugiés too",
			text: "réfugiés rohingyas",
			want: []string{"mm-refugees-fr"},
		},
		{
			name:    "political prisoner finds political prisoners",
			text:    "political prisoner",
			want:    []string{"political-prisoners-topic", "kz-resolution"},
			notWant: []string{"mm-resolution"},
		},
		{
			name: "elections finds the resolution on the presidential election",
			text: "elections",
			want: []string{"by-resolution", "by-elections-en"},
		},
		{
			name: "prisonnieres without accents finds prisonnières",
			text: "prisonnieres",
			want: []string{"kz-women-fr"},
		},
		{
			name: "prisonnières with accents also finds the masculine prisonnier",
			text: "prisonnières",
			want: []string{"kz-women-fr", "kz-release-fr"},
		},
		{
			name: "a name typed without its accent finds the country whose language is unknown",
			text: "cote d'ivoire",
			want: []string{"ci-country"},
		},
		{
			name: "an accent the name lacks is folded away too",
			text: "Türkey",
			want: []string{"tr-country"},
		},
		{
			name: "an elided French article does not get in the way",
			text: "coup d'état",
			want: []string{"mm-resolution"},
		},
		{
			name:    "every word must be in one field when some field has them all",
			text:    "crackdown protesters",
			want:    []string{"by-crackdown-stance", "by-resolution"},
			notWant: []string{"by-elections-en"},
		},
		{
			name: "when no field has every word, fields with any of them are found",
			text: "Kazakhstan Zimbabwe",
			want: []string{"kz-country", "kz-government", "kz-epca"},
		},
		{
			name:    "the kinds filter keeps only those kinds",
			text:    "Kazakhstan",
			kinds:   []string{"Country", "Institution"},
			want:    []string{"kz-country", "kz-government"},
			notWant: []string{"kz-resolution", "kz-epca", "kz-release-fr"},
		},
		{
			name: "no kinds means every kind",
			text: "Kazakhstan",
			want: []string{"kz-country", "kz-government", "kz-resolution", "kz-epca", "kz-release-fr"},
		},
		{
			name:    "an unknown kind matches nothing",
			text:    "Kazakhstan",
			kinds:   []string{"Planet"},
			notWant: []string{"kz-country"},
		},
		{
			name: "query syntax is only words: a plus, a colon and a quote find the words",
			text: `+kind:Country "Kazakhstan`,
			want: []string{"kz-country"},
		},
		{
			name: "a procedure reference is found in a document title",
			text: "2021/2544(RSP)",
			want: []string{"kz-summary"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := mustSearch(t, ix, Query{Text: tt.text, Kinds: tt.kinds, First: 100})
			got := hitNames(p)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("%q: hits %v lack %s", tt.text, got, w)
				}
			}
			for _, n := range tt.notWant {
				if slices.Contains(got, n) {
					t.Errorf("%q: hits %v include %s", tt.text, got, n)
				}
			}
			if p.Total != uint64(len(p.Hits)) {
				t.Errorf("%q: Total %d for %d hits on the only page", tt.text, p.Total, len(p.Hits))
			}
		})
	}
}

func TestSearchRanksTheCloserMatchFirst(t *testing.T) {
	ix := openFixture(t)
	tests := []struct {
		name, text, first string
	}{
		{"the short topic name outranks a long title with the same words", "political prisoners", "political-prisoners-topic"},
		{"the country named Kazakhstan outranks the texts that mention it", "Kazakhstan", "kz-country"},
		{"the node with both words outranks those with one when any word is enough", "Kazakhstan partnership Zimbabwe", "kz-epca"},
		{"a pasted sentence with a word no text has finds the text it was copied from first",
			"the Council should adopt targeted sanctions under the EU Global Human Rights Sanctions Regime, the so-called European Magnitsky Act, in Zanzibar",
			"ru-sanctions-demand"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := hitNames(mustSearch(t, ix, Query{Text: tt.text}))
			if len(got) == 0 || got[0] != tt.first {
				t.Errorf("%q: hits %v, want %s first", tt.text, got, tt.first)
			}
		})
	}
}

func TestSearchFillsEveryHit(t *testing.T) {
	ix := openFixture(t)
	p := mustSearch(t, ix, Query{Text: "Kazakhstan"})
	if len(p.Hits) == 0 {
		t.Fatal("no hits")
	}
	for i, h := range p.Hits {
		want := fixture[names[h.ID]]
		switch {
		case h.Kind != want.Kind:
			t.Errorf("hit %d (%s): Kind %q, want %q", i, names[h.ID], h.Kind, want.Kind)
		case h.Score <= 0:
			t.Errorf("hit %d (%s): Score %v", i, names[h.ID], h.Score)
		case !strings.Contains(h.Snippet, "<mark>Kazakhstan</mark>"):
			t.Errorf("hit %d (%s): Snippet %q does not mark Kazakhstan", i, names[h.ID], h.Snippet)
		case h.Cursor == "":
			t.Errorf("hit %d (%s): no Cursor", i, names[h.ID])
		case i > 0 && h.Score > p.Hits[i-1].Score:
			t.Errorf("hit %d (%s) scores %v, more than the hit before it (%v)", i, names[h.ID], h.Score, p.Hits[i-1].Score)
		}
	}
}

func TestSearchSaysWhichFieldTheSnippetComesFrom(t *testing.T) {
	ix := openFixture(t)
	tests := []struct {
		name, text, hit, field, snippet string
	}{
		{"a resolution's title", "presidential election", "by-resolution", "title",
			"European Parliament resolution on the <mark>presidential</mark> <mark>election</mark> in Belarus and the crackdown on peaceful protesters"},
		{"a demand's text, every form of the words marked", "prisonniers politiques", "kz-release-fr", "text",
			"Demande la libération immédiate et inconditionnelle de tout <mark>prisonnier</mark> <mark>politique</mark> détenu arbitrairement au Kazakhstan."},
		{"a country's name", "Turquie", "tr-country", "name", "<mark>Turquie</mark>"},
		{"a text of unknown language, found by its accent-less form; the elided article is marked with its word", "cote ivoire", "ci-country", "name", "<mark>Côte</mark> <mark>d&#39;Ivoire</mark>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := mustSearch(t, ix, Query{Text: tt.text, First: 100})
			for _, h := range p.Hits {
				if names[h.ID] != tt.hit {
					continue
				}
				if h.Field != tt.field || h.Snippet != tt.snippet {
					t.Errorf("%q: %s has Field %q, Snippet %q\nwant Field %q, Snippet %q", tt.text, tt.hit, h.Field, h.Snippet, tt.field, tt.snippet)
				}
				return
			}
			t.Errorf("%q: hits %v lack %s", tt.text, hitNames(p), tt.hit)
		})
	}
}

func TestSnippetsAreSafeHTML(t *testing.T) {
	ix := openFixture(t)
	p := mustSearch(t, ix, Query{Text: "national security charges"})
	if len(p.Hits) != 1 {
		t.Fatalf("hits %v, want ir-markup-demand alone", hitNames(p))
	}
	got := p.Hits[0].Snippet
	want := `Calls for the release of Ms Narges Mohammadi &amp; all women human rights defenders jailed under &#34;&lt;b&gt;<mark>national</mark> <mark>security</mark>&lt;/b&gt;&#34; <mark>charges</mark>.`
	if got != want {
		t.Errorf("Snippet\n %q\nwant\n %q", got, want)
	}
	if err := checkSnippet(got); err != nil {
		t.Error(err)
	}
}

// checkSnippet reports an error unless s is escaped text with <mark> elements only.
func checkSnippet(s string) error {
	rest := strings.ReplaceAll(strings.ReplaceAll(s, "<mark>", ""), "</mark>", "")
	if strings.ContainsAny(rest, `<>"'`) {
		return errors.New("snippet " + s + " has markup besides <mark>")
	}
	for i := 0; i < len(rest); i++ {
		if rest[i] != '&' {
			continue
		}
		end := strings.IndexByte(rest[i:], ';')
		if end < 0 || !slices.Contains([]string{"&amp;", "&lt;", "&gt;", "&#34;", "&#39;"}, rest[i:i+end+1]) {
			return errors.New("snippet " + s + " has a bare & or an unknown entity")
		}
	}
	if strings.Count(s, "<mark>") != strings.Count(s, "</mark>") {
		return errors.New("snippet " + s + " has unbalanced marks")
	}
	return nil
}

func TestSnippetsAreShortFragmentsOfLongTexts(t *testing.T) {
	ix := openFixture(t)
	tests := []struct {
		name, text, start, end string
	}{
		{"a match at the start is followed by an ellipsis", "Council adopt", "Calls on the <mark>Council</mark> to <mark>adopt</mark>", "…"},
		{"a match at the end is preceded by an ellipsis", "corruption oligarchs", "…", "proceeds of <mark>corruption</mark>."},
		{"a match in the middle is cut at both ends", "visa bans", "…", "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := mustSearch(t, ix, Query{Text: tt.text})
			if len(p.Hits) != 1 || names[p.Hits[0].ID] != "ru-sanctions-demand" {
				t.Fatalf("%q: hits %v, want ru-sanctions-demand alone", tt.text, hitNames(p))
			}
			s := p.Hits[0].Snippet
			plain := strings.NewReplacer("<mark>", "", "</mark>", "", "…", "").Replace(s)
			if n := utf8.RuneCountInString(plain); n > snippetRunes {
				t.Errorf("%q: snippet of %d characters, want at most %d: %q", tt.text, n, snippetRunes, s)
			}
			if !strings.HasPrefix(s, tt.start) || !strings.HasSuffix(s, tt.end) {
				t.Errorf("%q: snippet %q, want it to start with %q and end with %q", tt.text, s, tt.start, tt.end)
			}
			if err := checkSnippet(s); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestSearchFindsNothingWithoutAnError(t *testing.T) {
	ix := openFixture(t)
	tests := []struct{ name, text string }{
		{"a word that no text holds", "Atlantis"},
		{"English stop words only", "the of and"},
		{"French stop words only", "de la et les"},
		{"punctuation only", "?!…—«»"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := mustSearch(t, ix, Query{Text: tt.text})
			if len(p.Hits) != 0 || p.Total != 0 || p.HasNext {
				t.Errorf("%q: %+v, want an empty page", tt.text, p)
			}
		})
	}
}

func TestSearchRefusesQueriesTheUserMustFix(t *testing.T) {
	ix := openFixture(t)
	p := mustSearch(t, ix, Query{Text: "Kazakhstan", First: 1})
	cursor := p.Hits[0].Cursor
	tests := []struct {
		name string
		q    Query
		why  string
	}{
		{"an empty text", Query{Text: ""}, "empty"},
		{"a text of spaces", Query{Text: " \t\n "}, "empty"},
		{"a text over 500 characters", Query{Text: strings.Repeat("droits ", 72)}, "longer than 500"},
		{"a negative page size", Query{Text: "Kazakhstan", First: -1}, "page size"},
		{"a page over 100 hits", Query{Text: "Kazakhstan", First: 101}, "page size"},
		{"a cursor that is not base64", Query{Text: "Kazakhstan", After: "not a cursor!"}, "invalid cursor"},
		{"a cursor of base64 noise", Query{Text: "Kazakhstan", After: "aGVsbG8gd29ybGQ"}, "invalid cursor"},
		{"a cursor cut short", Query{Text: "Kazakhstan", After: cursor[:10]}, "invalid cursor"},
		{"a cursor from another text", Query{Text: "Myanmar", After: cursor}, "another query"},
		{"a cursor from other kinds", Query{Text: "Kazakhstan", Kinds: []string{"Country"}, After: cursor}, "another query"},
		{"a cursor far too long", Query{Text: "Kazakhstan", After: strings.Repeat("A", 2000)}, "too long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ix.Search(context.Background(), tt.q)
			if !errors.Is(err, ErrBadQuery) || !strings.Contains(err.Error(), tt.why) {
				t.Errorf("Search(%.40q…): error %v, want ErrBadQuery saying %q", tt.q.Text, err, tt.why)
			}
		})
	}
	t.Run("500 characters are allowed", func(t *testing.T) {
		mustSearch(t, ix, Query{Text: strings.Repeat("é", 500)})
	})
}

func TestSearchHonoursTheContext(t *testing.T) {
	ix := openFixture(t)
	tests := []struct {
		name string
		ctx  func() (context.Context, context.CancelFunc)
		want error
	}{
		{"a deadline already past", func() (context.Context, context.CancelFunc) {
			return context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
		}, context.DeadlineExceeded},
		{"a cancelled context", func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx, cancel
		}, context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := tt.ctx()
			defer cancel()
			_, err := ix.Search(ctx, Query{Text: "Kazakhstan"})
			if !errors.Is(err, tt.want) {
				t.Errorf("error %v, want %v", err, tt.want)
			}
		})
	}
}

func TestMatchGivesTheIDsSearchRanksWithoutDescribingThem(t *testing.T) {
	ix := openFixture(t)
	ctx := context.Background()
	for _, q := range []Query{{Text: "political prisoners", First: 100}, {Text: "prisonniers politiques", Kinds: []string{"Demand"}, First: 100}, {Text: "prisoners zzzzq", First: 100}} {
		p, err := ix.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, h := range p.Hits {
			want = append(want, h.ID)
		}
		got, err := ix.Match(ctx, q.Text, nil, q.Kinds, 100)
		if err != nil || !slices.Equal(got, want) || len(got) == 0 {
			t.Errorf("Match(%q) = %v, %v; Search gives %v", q.Text, got, err, want)
		}
	}
	if _, err := ix.Match(ctx, " ", nil, nil, 10); !errors.Is(err, ErrBadQuery) {
		t.Errorf("an empty text gave %v", err)
	}
}

func TestAnotherWordingOfTheQueryFindsTheTextsOfTheOtherLanguage(t *testing.T) {
	ix := openMem(t)
	if err := ix.Put([]Entry{
		{ID: "en", Kind: "Demand", Texts: []Text{{"text", "en", "Calls for the release of all political prisoners in Kazakhstan."}}},
		{ID: "fr", Kind: "Demand", Texts: []Text{{"text", "fr", "Demande la libération de tous les prisonniers politiques au Kazakhstan."}}},
		{ID: "other", Kind: "Demand", Texts: []Text{{"text", "en", "Calls for free and fair elections."}}},
	}); err != nil {
		t.Fatal(err)
	}
	ids := func(p Page) []string {
		var out []string
		for _, h := range p.Hits {
			out = append(out, h.ID)
		}
		slices.Sort(out)
		return out
	}
	alone := mustSearch(t, ix, Query{Text: "prisonniers politiques"})
	if got := ids(alone); !slices.Equal(got, []string{"fr"}) {
		t.Fatalf("the French words alone find %v, want [fr]", got)
	}
	both := mustSearch(t, ix, Query{Text: "prisonniers politiques", Also: []Wording{{"political prisoners", "en"}, {"prisonniers politiques", ""}, {" ", "fr"}}})
	if got := ids(both); !slices.Equal(got, []string{"en", "fr"}) || both.Total != 2 {
		t.Fatalf("with the English wording: %v (total %d), want [en fr]", got, both.Total)
	}
	for _, h := range both.Hits {
		if !strings.Contains(h.Snippet, "<mark>") {
			t.Errorf("%s: the snippet marks nothing: %q", h.ID, h.Snippet)
		}
	}
	// A cursor belongs to the wordings it was made with.
	first := mustSearch(t, ix, Query{Text: "prisonniers politiques", Also: []Wording{{"political prisoners", "en"}}, First: 1})
	if !first.HasNext {
		t.Fatal("a page of one of two hits should say another follows")
	}
	after := first.Hits[0].Cursor
	if _, err := ix.Search(context.Background(), Query{Text: "prisonniers politiques", After: after}); !errors.Is(err, ErrBadQuery) {
		t.Errorf("the cursor of a query with other wordings was taken for the query without: %v", err)
	}
	next := mustSearch(t, ix, Query{Text: "prisonniers politiques", Also: []Wording{{"political prisoners", "en"}}, First: 1, After: after})
	if len(next.Hits) != 1 || next.Hits[0].ID == first.Hits[0].ID {
		t.Errorf("the second page: %v after %v", ids(next), ids(first))
	}
	if _, err := ix.Search(context.Background(), Query{Text: "a", Also: []Wording{{"b", ""}, {"c", ""}, {"d", ""}, {"e", ""}, {"f", ""}}}); !errors.Is(err, ErrBadQuery) {
		t.Errorf("too many wordings: %v, want ErrBadQuery", err)
	}
	if _, err := ix.Search(context.Background(), Query{Text: "a", Also: []Wording{{"b", "de"}}}); !errors.Is(err, ErrBadQuery) {
		t.Errorf("a wording in German: %v, want ErrBadQuery", err)
	}
	// A wording is searched in its language's texts only.
	if got := ids(mustSearch(t, ix, Query{Text: "prisonniers politiques", Also: []Wording{{"political prisoners", "fr"}}})); !slices.Equal(got, []string{"fr"}) {
		t.Errorf("an English wording said to be French: %v, want [fr]", got)
	}
}
