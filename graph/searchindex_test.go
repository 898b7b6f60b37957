package graph

import (
	"context"
	"errors"
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
