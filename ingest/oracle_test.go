package ingest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/internal/corpus"
)

// What the tests of the acceptance oracles (shared/corpus/expected/*.json) share, whatever
// the format of the sources they describe: expected_test.go checks the OEIL summaries,
// expected_doceo_test.go the document pages.

// loadOracles reads every oracle file of the corpus into a T, and returns them with the
// corpus directory their sources are relative to. It fails the test when there is none.
func loadOracles[T any](t *testing.T) (dir string, oracles []T) {
	t.Helper()
	dir = corpus.Dir(t)
	files, err := filepath.Glob(filepath.Join(dir, "expected", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no oracle files in %s/expected: %v", dir, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var o T
		if err := json.Unmarshal(b, &o); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		oracles = append(oracles, o)
	}
	return dir, oracles
}

// readSource reads the source an oracle describes.
func readSource(t *testing.T, dir, source string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, source))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// countryRoles returns the codes of the countries a document concerns and of those it
// mentions.
func countryRoles(doc *graph.Document) (concerns, mentions []string) {
	for _, c := range doc.Countries {
		switch c.Role {
		case graph.RoleConcerns:
			concerns = append(concerns, c.Code)
		case graph.RoleMentions:
			mentions = append(mentions, c.Code)
		}
	}
	return concerns, mentions
}

// checkMentionsAtLeast checks that every country of want is among those mentioned.
func checkMentionsAtLeast(t *testing.T, mentions, want []string) {
	t.Helper()
	for _, c := range want {
		if !slices.Contains(mentions, c) {
			t.Errorf("mentions %v, want it to include %s", mentions, c)
		}
	}
}

// demandsTo is the oracle's count of the demands addressed to one addressee: exactly Count,
// or at least CountAtLeast.
type demandsTo struct {
	Addressee    string `json:"addressee"`
	Country      string `json:"country"`
	Count        *int   `json:"count"`
	CountAtLeast *int   `json:"countAtLeast"`
}

// oracleAddressees are the oracle's descriptions of addressees that are not an institution's
// English name: the institution key each one means.
var oracleAddressees = map[string]string{
	"Russia (its federal and local authorities)": "AUTHORITIES:RU",
}

// checkDemandsTo counts, for each addressee of the oracle, the demands of doc addressed to
// an institution of that English name (or of the key oracleAddressees gives it), of its
// country when the oracle names one, and checks the count.
func checkDemandsTo(t *testing.T, doc *graph.Document, addressedTo []demandsTo) {
	t.Helper()
	insts := map[string]graph.Institution{}
	for _, in := range doc.Institutions {
		insts[in.Key] = in
	}
	for _, a := range addressedTo {
		n := 0
		for _, d := range doc.Demands {
			for _, k := range d.Addressees {
				in := insts[k]
				if (in.Names["en"] == a.Addressee || oracleAddressees[a.Addressee] == k) && (a.Country == "" || in.Country == a.Country) {
					n++
				}
			}
		}
		switch {
		case a.Count != nil && n != *a.Count:
			t.Errorf("%d demands addressed to %s, want exactly %d", n, a.Addressee, *a.Count)
		case a.CountAtLeast != nil && n < *a.CountAtLeast:
			t.Errorf("%d demands addressed to %s, want at least %d", n, a.Addressee, *a.CountAtLeast)
		}
	}
}

// checkEvidence asserts that every demand and stance quotes its own span of the stored text.
func checkEvidence(t *testing.T, doc *graph.Document) {
	t.Helper()
	for _, d := range doc.Demands {
		q, err := graph.Quote(doc.Source.Text, d.Evidence)
		if err != nil || q != d.Text {
			t.Errorf("demand %d: quote %q (%v) differs from its text %q", d.Position, q, err, d.Text)
		}
	}
	for _, s := range doc.Stances {
		q, err := graph.Quote(doc.Source.Text, s.Evidence)
		if err != nil || q != s.Text {
			t.Errorf("stance %d: quote %q (%v) differs from its text %q", s.Position, q, err, s.Text)
		}
	}
}

// sameSet reports whether a and b hold the same strings, and as many strings.
func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b)) && len(a) == len(b)
}
