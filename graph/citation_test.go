package graph

import "testing"

func TestCitationKeyMatchesATitleAndTheWayLaterTextsCiteIt(t *testing.T) {
	day := PartialDate{Year: 2021, Month: 2, Day: 11}
	want := "2021-02-11|situation in myanmar"
	for _, title := range []string{
		"Resolution on the situation in Myanmar",
		"European Parliament resolution of 11 February 2021 on the situation in Myanmar (2021/2540(RSP))",
		"Situation in Myanmar",
		"on the situation in Myanmar",
		"its resolution of 11 February 2021 on the situation in  Myanmar,",
	} {
		if got := CitationKey(day, title); got != want {
			t.Errorf("CitationKey(%q) = %q, want %q", title, got, want)
		}
	}
	fr := CitationKey(day, "Résolution sur la situation au Myanmar")
	if fr != "2021-02-11|situation au myanmar" || fr != CitationKey(day, "sa résolution du 11 février 2021 sur la situation au Myanmar") {
		t.Errorf("French keys differ: %q", fr)
	}
	if CitationKey(PartialDate{Year: 2021, Month: 2}, "on Myanmar") != "" || CitationKey(day, " ") != "" {
		t.Error("a month or an empty title identifies no resolution")
	}
	if CitationKey(day, "on Russia’s war") != CitationKey(day, "on Russia's war") {
		t.Error("curly and straight apostrophes differ")
	}
}
