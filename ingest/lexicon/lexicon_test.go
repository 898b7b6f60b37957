package lexicon

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/internal/corpus"
)

func TestTokenizeCountsCodePointsAndDropsDashes(t *testing.T) {
	toks := TokenizeString("L’UE–Kazakhstan : accord-cadre, 1er mars ; S&D, Verts/ALE.")
	var folds []string
	for _, tk := range toks {
		folds = append(folds, tk.Fold)
	}
	want := []string{"l", "'", "ue", "kazakhstan", ":", "accord", "cadre", ",", "1er", "mars", ";", "s", "&", "d", ",", "verts", "/", "ale", "."}
	if !slices.Equal(folds, want) {
		t.Fatalf("tokens %q, want %q", folds, want)
	}
	rs := []rune("L’UE–Kazakhstan : accord-cadre, 1er mars ; S&D, Verts/ALE.")
	for _, tk := range toks {
		if string(rs[tk.Start:tk.End]) != tk.Text {
			t.Errorf("token %q at [%d,%d) cuts %q", tk.Text, tk.Start, tk.End, string(rs[tk.Start:tk.End]))
		}
	}
}

func TestFoldKeepsOneRunePerRune(t *testing.T) {
	for in, want := range map[string]string{
		"Élections": "elections", "Biélorussie": "bielorussie", "Türkiye": "turkiye", "Bahreïn": "bahrein",
		"l’accord": "l'accord", "mise en œuvre": "mise en œuvre", "São Tomé": "sao tome", "1\u00a0000": "1 000",
	} {
		got := FoldString(in)
		if got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
		if len([]rune(got)) != len([]rune(in)) {
			t.Errorf("Fold(%q) changed the number of runes", in)
		}
	}
}

func TestMatcherFindsLeftmostLongestOnWordBoundaries(t *testing.T) {
	m := NewMatcher[string]()
	m.Add("Guinea", Capitalised, "GN")
	m.Add("Papua New Guinea", Capitalised, "PG")
	m.Add("Chad", Capitalised, "TD")
	m.Add("US", ExactCase, "US")
	m.AddInflected("prisonnier politique", AnyCase, "pp")
	m.Add("Latin American", AnyCase, "")
	find := func(s string) []string {
		var out []string
		for _, mt := range m.FindAll(TokenizeString(s)) {
			out = append(out, mt.Values...)
		}
		return out
	}
	cases := []struct {
		text string
		want []string
	}{
		{"Papua New Guinea and Guinea", []string{"PG", "GN"}},
		{"a chad of paper, Chad", []string{"TD"}},
		{"tell us about the US", []string{"US"}},
		{"Guineans", nil},
		{"les prisonniers politiques", []string{"pp"}},
		{"Latin American states", []string{""}},
	}
	for _, c := range cases {
		if got := find(c.text); !slices.Equal(got, c.want) {
			t.Errorf("%q: %v, want %v", c.text, got, c.want)
		}
	}
}

func TestCountriesComeFromCLDR(t *testing.T) {
	cs := Countries()
	if len(cs) != 250 {
		t.Errorf("%d countries, want the 249 of ISO 3166-1 and Kosovo", len(cs))
	}
	for code, want := range map[string][2]string{
		"KZ": {"Kazakhstan", "Kazakhstan"}, "CN": {"China", "Chine"}, "MM": {"Myanmar (Burma)", "Myanmar (Birmanie)"},
		"XK": {"Kosovo", "Kosovo"}, "US": {"United States", "États-Unis"},
	} {
		c, ok := CountryByCode(code)
		if !ok || c.Names["en"] != want[0] || c.Names["fr"] != want[1] {
			t.Errorf("%s: %v %v, want %v", code, ok, c.Names, want)
		}
	}
	for _, code := range []string{"EU", "UN", "EZ", "AC", "IC", "ZZ", "UK", "BU"} {
		if _, ok := CountryByCode(code); ok {
			t.Errorf("%s is not an ISO 3166-1 country", code)
		}
	}
	if c, _ := CountryByCode("MM"); c.ShortName("en") != "Myanmar" || c.ShortName("fr") != "Myanmar" {
		t.Errorf("short names of MM: %q %q", c.ShortName("en"), c.ShortName("fr"))
	}
}

// TestCountriesCoverReference checks the country table against the corpus reference table
// (reference/countries.json, from EU authority tables): every code in it is known, and its
// English label is recognised as that country.
func TestCountriesCoverReference(t *testing.T) {
	dir := corpus.Dir(t)
	b, err := os.ReadFile(filepath.Join(dir, "reference", "countries.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rows []struct {
		Code  string `json:"code"`
		Label string `json:"label"`
		Alt   string `json:"alt_label"`
		ISO2  string `json:"iso_alpha_2"`
	}
	if err := json.Unmarshal(b, &rows); err != nil {
		t.Fatal(err)
	}
	// not countries of ISO 3166-1: the EU itself; Clipperton, Sark and the Canary Islands
	// (exceptionally reserved codes)
	skip := map[string]bool{"EU": true, "CP": true, "CQ": true, "IC": true}
	m := CountryMatcher("en")
	for _, r := range rows {
		if skip[r.ISO2] || r.ISO2 == "" {
			continue
		}
		if _, ok := CountryByCode(r.ISO2); !ok {
			t.Errorf("%s (%s) is not in the table", r.ISO2, r.Label)
			continue
		}
		found := false
		for _, mt := range m.FindAll(TokenizeString(r.Label)) {
			found = found || mt.Values[0].Code == r.ISO2
		}
		if !found {
			t.Errorf("%q is not recognised as %s", r.Label, r.ISO2)
		}
	}
}

func TestCountryMatcherReadsAdjectivesAndAlternativeNames(t *testing.T) {
	cases := []struct {
		lang, text string
		want       []string
	}{
		{"fr", "des Kazakhs ethniques qui ont fui les camps de concentration chinois", []string{"KZ", "CN"}},
		{"fr", "la société civile kazakhe, les autorités chinoises, la Birmanie", []string{"KZ", "CN", "MM"}},
		{"en", "Myanmar’s military, the Burmese junta, Burma", []string{"MM", "MM", "MM"}},
		{"en", "Russia and Ukrainian and Belarusian forces; the United States and the US", []string{"RU", "UA", "BY", "US", "US"}},
		{"en", "Latin American countries in the Indian Ocean", nil},
		{"en", "the EU, the Member States and the European Union", nil},
		{"en", "Papua New Guinea, Guinea-Bissau, Equatorial Guinea", []string{"PG", "GW", "GQ"}},
		{"en", "a chad, to turkey, Jordan", []string{"JO"}},
		{"fr", "le Tchad, la Jordanie, la Géorgie, la Turquie", []string{"TD", "JO", "GE", "TR"}},
		{"en", "The Kosovo authorities", []string{"XK"}},
		// CLDR names Sint Maarten "Saint-Martin (partie néerlandaise)" in French: its bracket
		// is a qualifier, so "Saint-Martin" alone is the French collectivity only
		{"fr", "Saint-Martin, Sint-Maarten, Sint Maarten, Saint-Martin (partie néerlandaise)", []string{"MF", "SX", "SX", "SX"}},
		{"en", "St. Martin, Saint Martin, Sint Maarten", []string{"MF", "MF", "SX"}},
	}
	for _, c := range cases {
		var got []string
		for _, mt := range CountryMatcher(c.lang).FindAll(TokenizeString(c.text)) {
			if mt.Values[0].Code != "" {
				got = append(got, mt.Values[0].Code)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s %q: %v, want %v", c.lang, c.text, got, c.want)
		}
	}
}

// TestFrenchOf checks "de" with its article for every country: a table of known-correct
// forms (the names whose head decides against their ending, islands, plurals, names that
// carry their own article or take none, and a sample of others), and, for all, that the
// form is one French allows for the CLDR short name.
func TestFrenchOf(t *testing.T) {
	want := map[string]string{
		// the head decides: gender and number of the first word
		"CF": "de la République centrafricaine", "DO": "de la République dominicaine",
		"KP": "de la Corée du Nord", "KR": "de la Corée du Sud", "GW": "de la Guinée-Bissau",
		"GS": "de la Géorgie du Sud et îles Sandwich du Sud", "FM": "des États fédérés de Micronésie",
		"GB": "du Royaume-Uni", "IO": "du Territoire britannique de l’océan Indien",
		"SL": "de la Sierra Leone", "BA": "de la Bosnie-Herzégovine", "CG": "du Congo-Brazzaville",
		"ZA": "de l'Afrique du Sud", "GQ": "de la Guinée équatoriale", "VA": "de l'État de la Cité du Vatican",
		// plurals
		"US": "des États-Unis", "PH": "des Philippines", "NL": "des Pays-Bas", "AE": "des Émirats arabes unis",
		"AS": "des Samoa américaines", "PS": "des Territoires palestiniens", "FJ": "des Fidji",
		"LA": "du Laos", "HN": "du Honduras",
		// islands
		"CX": "de l'Île Christmas", "IM": "de l'Île de Man", "NF": "de l'Île Norfolk",
		"KY": "des Îles Caïmans", "CK": "des Îles Cook",
		// own article, no article
		"RE": "de La Réunion", "AI": "d'Anguilla", "CU": "de Cuba", "MG": "de Madagascar",
		"IL": "d'Israël", "MT": "de Malte", "SG": "de Singapour", "OM": "d'Oman",
		// others
		"KZ": "du Kazakhstan", "CN": "de la Chine", "IR": "de l'Iran", "MM": "du Myanmar",
		"UA": "de l'Ukraine", "BY": "de la Biélorussie", "RU": "de la Russie", "VE": "du Venezuela",
		"NI": "du Nicaragua", "AF": "de l'Afghanistan", "MX": "du Mexique", "HU": "de la Hongrie",
		"KH": "du Cambodge", "MZ": "du Mozambique", "ME": "du Monténégro", "CD": "du Congo-Kinshasa",
		"TR": "de la Turquie", "SY": "de la Syrie", "EG": "de l'Égypte", "IQ": "de l'Irak",
	}
	seen := 0
	for _, c := range Countries() {
		got := FrenchOf(c.Code)
		if w, ok := want[c.Code]; ok {
			seen++
			if got != w {
				t.Errorf("FrenchOf(%s) = %q, want %q", c.Code, got, w)
			}
		}
		n := c.ShortName("fr")
		f := FoldString(n)
		ok := false
		for _, art := range []string{"de ", "d'", "du ", "de la ", "de l'", "des "} {
			if got == art+n || art == "du " && strings.HasPrefix(f, "le ") && got == art+n[3:] || art == "des " && strings.HasPrefix(f, "les ") && got == art+n[4:] {
				ok = true
			}
		}
		elides := strings.HasPrefix(got, "d'") || strings.HasPrefix(got, "de l'")
		if !ok || elides != startsVowel(f) && !strings.HasPrefix(got, "des ") && !strings.HasPrefix(got, "de La ") {
			t.Errorf("FrenchOf(%s) = %q for %q", c.Code, got, n)
		}
	}
	if seen != len(want) {
		t.Errorf("%d countries of the table found, want %d", seen, len(want))
	}
}

func TestIsEUMember(t *testing.T) {
	cases := []struct {
		code string
		on   graph.PartialDate
		want bool
	}{
		{"FR", graph.PartialDate{}, true},
		{"GB", graph.Day(2019, 12, 1), true},
		{"GB", graph.Day(2020, 2, 1), false},
		{"GB", graph.PartialDate{}, false},
		{"HR", graph.PartialDate{Year: 2012}, false},
		{"HR", graph.Day(2013, 7, 1), true},
		{"KZ", graph.Day(2021, 2, 11), false},
	}
	for _, c := range cases {
		if got := IsEUMember(c.code, c.on); got != c.want {
			t.Errorf("IsEUMember(%s, %s) = %v, want %v", c.code, c.on, got, c.want)
		}
	}
}

// resolve resolves a group name as written on a date.
func resolve(t *testing.T, name string, on graph.PartialDate) string {
	t.Helper()
	toks := TokenizeString(name)
	mt, ok := GroupMatcher().At(toks, 0)
	if !ok || mt.Hi != len(toks) {
		t.Fatalf("%q is not a group name", name)
	}
	g, ok := ResolveGroup(mt.Values, on)
	if !ok {
		t.Fatalf("%q: no group", name)
	}
	return g.Code
}

func TestResolveGroupByDate(t *testing.T) {
	feb2021 := graph.Day(2021, 2, 11)
	cases := []struct {
		name string
		on   graph.PartialDate
		want string
	}{
		{"EPP", feb2021, "EPP"}, {"PPE", feb2021, "EPP"}, {"S&D", feb2021, "SD"}, {"Renew", feb2021, "RENEW"},
		{"Greens/EFA", feb2021, "GREEN_EFA"}, {"Verts/ALE", feb2021, "GREEN_EFA"}, {"ECR", feb2021, "ECR"},
		{"The Left", feb2021, "GUE_NGL"}, {"GUE/NGL", feb2021, "GUE_NGL"},
		{"PPE", graph.Day(2015, 3, 12), "EPP_2009_0"}, {"EPP", graph.Day(2015, 3, 12), "EPP_2009_0"},
		{"ALDE", graph.Day(2018, 5, 3), "ALDE"}, {"Renew", graph.Day(2018, 5, 3), "ALDE"},
		{"ALDE", graph.Day(2019, 6, 12), "RENEW"}, {"GUE/NGL", graph.Day(2020, 12, 31), "GUE_NGL_1995_0"},
		{"The Left", graph.PartialDate{Year: 2020}, "GUE_NGL_1995_0"}, {"GUE/NGL", graph.Day(2021, 1, 1), "GUE_NGL"},
		{"PfE", graph.Day(2025, 5, 7), "PFE"}, {"ID", graph.Day(2020, 1, 1), "ID"},
		{"EPP", graph.PartialDate{}, "EPP"},
	}
	for _, c := range cases {
		if got := resolve(t, c.name, c.on); got != c.want {
			t.Errorf("%q on %s = %s, want %s", c.name, c.on, got, c.want)
		}
	}
}

// TestGroupsAgreeWithReference checks the compiled groups against the corpus reference table
// (reference/groups.json): the same codes, labels, alternative labels and dates.
func TestGroupsAgreeWithReference(t *testing.T) {
	dir := corpus.Dir(t)
	b, err := os.ReadFile(filepath.Join(dir, "reference", "groups.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rows []struct {
		Code          string   `json:"code"`
		OfficialLabel string   `json:"official_label"`
		Label         string   `json:"label"`
		ShortLabel    string   `json:"short_label"`
		AltLabels     []string `json:"alt_labels"`
		StartDate     string   `json:"start_date"`
		EndDate       *string  `json:"end_date"`
	}
	if err := json.Unmarshal(b, &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(Groups()) {
		t.Errorf("%d groups compiled, %d in the reference", len(Groups()), len(rows))
	}
	for _, r := range rows {
		g, ok := GroupByCode(r.Code)
		if !ok {
			t.Errorf("%s: not compiled", r.Code)
			continue
		}
		end := ""
		if r.EndDate != nil {
			end = *r.EndDate
		}
		if g.OfficialLabel != r.OfficialLabel || g.Label != r.Label || g.ShortLabel != r.ShortLabel ||
			!slices.Equal(g.AltLabels, r.AltLabels) && len(g.AltLabels)+len(r.AltLabels) > 0 ||
			g.Start.String() != r.StartDate || g.End.String() != end {
			t.Errorf("%s: compiled %+v, reference %+v", r.Code, g, r)
		}
	}
}

func TestInstitutionNames(t *testing.T) {
	cases := []struct {
		key, en, fr, country string
		kind                 graph.InstitutionKind
	}{
		{"GOVERNMENT:KZ", "Government of Kazakhstan", "gouvernement du Kazakhstan", "KZ", graph.InstGovernment},
		{"ARMED_FORCES:MM", "Tatmadaw (military of Myanmar)", "Tatmadaw (armée du Myanmar)", "MM", graph.InstArmedForces},
		{"AUTHORITIES:CN", "Authorities of China", "autorités de la Chine", "CN", graph.InstAuthorities},
		{"PARLIAMENT:IR", "Parliament of Iran", "parlement de l'Iran", "IR", graph.InstParliament},
		{"VPHR", "VP/HR", "VP/HR", "", graph.InstEUInstitution},
		{"MEMBER_STATES", "Member States", "États membres", "", graph.InstMemberStates},
		{"GREEN_EFA", "Greens/EFA", "Verts/ALE", "", graph.InstPoliticalGroup},
	}
	for _, c := range cases {
		in, ok := InstitutionByKey(c.key)
		if !ok || in.Names["en"] != c.en || in.Names["fr"] != c.fr || in.Country != c.country || in.Kind != c.kind {
			t.Errorf("%s: %v %+v", c.key, ok, in)
		}
	}
	for _, k := range []string{"GOVERNMENT:ZZ", "NOPE", "GOVERNMENT:", "FOO:KZ"} {
		if _, ok := InstitutionByKey(k); ok {
			t.Errorf("%s should be unknown", k)
		}
	}
}

func TestAgreementName(t *testing.T) {
	if got := AgreementName("en", graph.AgreementSAA, []string{"EU", "Serbia"}); got != "EU–Serbia Stabilisation and Association Agreement" {
		t.Errorf("en: %q", got)
	}
	if got := AgreementName("fr", graph.AgreementAA, []string{"UE", "Ukraine"}); got != "accord d'association UE–Ukraine" {
		t.Errorf("fr: %q", got)
	}
}

func TestTopicsHaveNamesInBothLanguages(t *testing.T) {
	seen := map[string]bool{}
	for _, tp := range Topics() {
		if seen[tp.Key] || tp.Names["en"] == "" || tp.Names["fr"] == "" || len(tp.Patterns) == 0 {
			t.Errorf("topic %+v", tp)
		}
		seen[tp.Key] = true
	}
}
