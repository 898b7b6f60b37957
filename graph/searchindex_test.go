package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func searchIDsOf(t *testing.T, s *Store, text string, kinds ...NodeKind) []ID {
	t.Helper()
	p, err := s.Search(context.Background(), SearchQuery{Text: text, Kinds: kinds, First: 100})
	if err != nil {
		t.Fatalf("Search(%q): %v", text, err)
	}
	var ids []ID
	for _, h := range p.Hits {
		ids = append(ids, h.ID)
		if h.Snippet == "" {
			t.Errorf("hit %s of %q has no snippet", h.ID, text)
		}
	}
	return ids
}

func TestTheSearchIndexFollowsIngestReingestAndDelete(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := storeWith(t, b, kzFR(), kzEN(), mmDated())
		d1 := DemandID(kzFR().Source.Key, 1)
		if got := searchIDsOf(t, s, "prisonnier politique", KindDemand); !slices.Contains(got, d1) {
			t.Errorf("French stemming: %v lacks the demand to free political prisoners %s", got, d1)
		}
		if got := searchIDsOf(t, s, "political prisoners"); !slices.Contains(got, DemandID(kzEN().Source.Key, 1)) {
			t.Errorf("English: %v", got)
		}
		if got := searchIDsOf(t, s, "Myanmar", KindCountry); !slices.Equal(got, []ID{CountryID("MM")}) {
			t.Errorf("a country by name, kinds kept to countries: %v", got)
		}
		if got := searchIDsOf(t, s, "situation Myanmar", KindResolution); !slices.Equal(got, []ID{ResolutionID("2021/2540(RSP)")}) {
			t.Errorf("a resolution by title: %v", got)
		}

		// Re-ingesting the French summary with another demand replaces what the index says.
		put(t, s, changed(kzFR(), func(d *Document) {
			d.Source.Text += " Il demande la fin de la censure."
			d.Demands[0].Text = "mettre fin à la censure"
		}))
		if got := searchIDsOf(t, s, "censure", KindDemand); !slices.Contains(got, d1) {
			t.Errorf("the replaced demand's new text is not found: %v", got)
		}
		if got := searchIDsOf(t, s, "libérer", KindDemand); slices.Contains(got, d1) {
			t.Errorf("the replaced demand's old text is still found: %v", got)
		}
		// Deleting it removes its demands and stances, not what another text says.
		if _, err := s.Delete(ctx, kzFR().Source.ID()); err != nil {
			t.Fatal(err)
		}
		if got := searchIDsOf(t, s, "censure"); len(got) != 0 {
			t.Errorf("a deleted document's demand is still found: %v", got)
		}
		if got := searchIDsOf(t, s, "Kazakhstan", KindCountry); len(got) != 1 {
			t.Errorf("Kazakhstan, still named by the English summary, is not found: %v", got)
		}

		// A text filter on lists goes through the index.
		ids, err := s.ListResolutions(ctx, ResolutionFilter{Text: "coup"})
		if err != nil || !slices.Equal(ids, []ID{ResolutionID("2021/2540(RSP)")}) {
			t.Errorf("resolutions whose demands mention the coup: %v, %v", ids, err)
		}
		if _, err := s.Search(ctx, SearchQuery{Text: "  "}); !errors.Is(err, ErrBadInput) {
			t.Errorf("an empty query gave %v, want bad input", err)
		}
	})
}

func TestTheSearchIndexIsRebuiltWhenMissingOrNotClosedWithTheStore(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, Config{Path: dir})
	put(t, s, kzEN())
	s.Close()
	if _, err := os.Stat(filepath.Join(dir, searchStampFile)); err != nil {
		t.Fatalf("no stamp after a clean close: %v", err)
	}
	if err := os.RemoveAll(filepath.Join(dir, searchDir)); err != nil {
		t.Fatal(err)
	}
	s = openStore(t, Config{Path: dir})
	if got := searchIDsOf(t, s, "political prisoners", KindDemand); len(got) != 1 {
		t.Errorf("after removing the index: %v", got)
	}
	// A store written while its index was not kept (no stamp) is reindexed at open.
	put(t, s, mmDated())
	s.Close()
	os.Remove(filepath.Join(dir, searchStampFile))
	s = openStore(t, Config{Path: dir})
	if got := searchIDsOf(t, s, "coup", KindDemand); len(got) != 1 {
		t.Errorf("after a close without stamp: %v", got)
	}
}

func TestANameInANewLanguageReachesTheIndexWhenOthersOnlyRestateOnes(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		s := storeWith(t, b, kzFR())
		if got := searchIDsOf(t, s, "Chine", KindCountry); len(got) != 1 {
			t.Fatalf("the French name: %v", got)
		}
		put(t, s, kzEN()) // restates Kazakhstan, adds nothing new for China
		if got := searchIDsOf(t, s, "China", KindCountry); len(got) != 0 {
			t.Fatalf("China has no English name yet: %v", got)
		}
		put(t, s, changed(kzEN(), func(d *Document) {
			d.Source.Text += " China."
			d.Countries = append(d.Countries, CountryFact{Code: "CN", Names: map[string]string{"en": "China"}, Role: RoleMentions,
				Evidence: spanOf(d.Source.Text, "China")})
		}))
		if got := searchIDsOf(t, s, "China", KindCountry); !slices.Equal(got, []ID{CountryID("CN")}) {
			t.Errorf("China's English name, added by a later text: %v", got)
		}
		if got := searchIDsOf(t, s, "Chine", KindCountry); len(got) != 1 {
			t.Errorf("the French name is lost: %v", got)
		}
	})
}

func TestASearchNamingATopicOrACountryFindsTheTextsOfTheOtherLanguage(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		s := storeWith(t, b, kzFR(), kzEN(), mmDated())
		fr, en := DemandID(kzFR().Source.Key, 1), DemandID(kzEN().Source.Key, 1)
		for _, text := range []string{"prisonniers politiques", "Prisonniers Politiques", "political prisoners"} {
			if got := searchIDsOf(t, s, text, KindDemand); !slices.Contains(got, fr) || !slices.Contains(got, en) {
				t.Errorf("%q: %v, want both the French %s and the English %s demand", text, got, fr, en)
			}
		}
		// The French words and nothing else the topic is named by: no translation.
		if got := searchIDsOf(t, s, "libérer immédiatement", KindDemand); !slices.Equal(got, []ID{fr}) {
			t.Errorf("libérer immédiatement: %v, want only the French demand", got)
		}
		// A text filter on lists says the query in each language too.
		if ids, err := s.ListDemands(context.Background(), DemandFilter{Text: "prisonniers politiques"}); err != nil || !slices.Contains(ids, en) {
			t.Errorf("demands(text: prisonniers politiques) = %v, %v; want the English demand %s among them", ids, err, en)
		}
		// A name learnt from a later document is used at once; CLDR's bracketed alternative
		// is a name of its own, and what it stands for is the name without the bracket.
		put(t, s, changed(mmDated(), func(d *Document) {
			d.Source.Key += "/fr"
			d.Source.Language = "fr"
			d.Countries[0].Names = map[string]string{"fr": "Myanmar (Birmanie)"}
		}))
		put(t, s, changed(mmDated(), func(d *Document) {
			d.Countries[0].Names = map[string]string{"en": "Myanmar (Burma)"}
		}))
		for _, text := range []string{"Birmanie", "Myanmar (Birmanie)", "birmanie"} {
			if got := searchIDsOf(t, s, text, KindResolution); !slices.Contains(got, ResolutionID("2021/2540(RSP)")) {
				t.Errorf("%s: %v, want the resolution on Myanmar, whose title names it in English", text, got)
			}
		}
	})
}

func TestAQueryIsSaidInEachLanguageOfTheNamesItHolds(t *testing.T) {
	ix := &nameIndex{byFirst: map[string][]namedNode{}, langs: []string{"en", "fr"}}
	for _, names := range []map[string]string{
		{"en": "political prisoners", "fr": "prisonniers politiques"},
		{"en": "Côte d’Ivoire", "fr": "Côte d’Ivoire"},
		{"en": "Chad", "fr": "Tchad"},
		{"en": "prisoners"},                // a shorter name inside a longer one
		{"en": "Myanmar", "fr": "Myanmar"}, // CLDR's "Myanmar (Burma)", "Myanmar (Birmanie)" without their brackets
	} {
		for _, name := range names {
			w := foldWords(name)
			ix.byFirst[w[0]] = append(ix.byFirst[w[0]], namedNode{w, names})
		}
	}
	for _, alt := range []string{"Burma", "Birmanie"} {
		w := foldWords(alt)
		ix.byFirst[w[0]] = append(ix.byFirst[w[0]], namedNode{w, map[string]string{"en": "Myanmar", "fr": "Myanmar"}})
	}
	if short, alt := splitBracket("Myanmar (Birmanie)"); short != "Myanmar" || alt != "Birmanie" {
		t.Errorf("splitBracket = %q, %q", short, alt)
	}
	if short, alt := splitBracket("Côte d’Ivoire"); short != "Côte d’Ivoire" || alt != "" {
		t.Errorf("splitBracket without a bracket = %q, %q", short, alt)
	}
	for _, tc := range []struct{ text, want string }{
		{"prisonniers politiques", "[{political prisoners en}]"},
		{"Political Prisoners in Tchad", "[{political prisoners in Chad en} {prisonniers politiques in Tchad fr}]"},
		{"prisonniers politiques, Chad", "[{political prisoners, Chad en} {prisonniers politiques, Tchad fr}]"},
		{"cote d'ivoire", "[{Côte d’Ivoire en} {Côte d’Ivoire fr}]"},
		{"Birmanie", "[{Myanmar en} {Myanmar fr}]"},
		{"death penalty", "[]"},
		{"", "[]"},
	} {
		if got := fmt.Sprint(ix.wordings(tc.text)); got != tc.want {
			t.Errorf("wordings(%q) = %s, want %s", tc.text, got, tc.want)
		}
	}
}
