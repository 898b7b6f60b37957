package search

import (
	"context"
	"sort"
	"testing"

	"github.com/google/uuid"
)

// fixture is a small graph's worth of entries, in the words of EU resolutions (written for
// these tests), keyed by a short name that tests use instead of the node ID.
var fixture = map[string]Entry{
	"kz-resolution": {Kind: "Resolution", Texts: []Text{
		{"title", "en", "European Parliament resolution on the human rights situation in Kazakhstan, in particular the persecution of political prisoners"},
		{"title", "fr", "Résolution du Parlement européen sur la situation des droits de l'homme au Kazakhstan, notamment la persécution des prisonniers politiques"},
	}},
	"mm-resolution": {Kind: "Resolution", Texts: []Text{
		{"title", "en", "European Parliament resolution on the situation in Myanmar one year after the military coup"},
		{"title", "fr", "Résolution du Parlement européen sur la situation au Myanmar, un an après le coup d’État militaire"},
	}},
	"by-resolution": {Kind: "Resolution", Texts: []Text{
		{"title", "en", "European Parliament resolution on the presidential election in Belarus and the crackdown on peaceful protesters"},
	}},
	"kz-release-en": {Kind: "Demand", Texts: []Text{
		{"text", "en", "Calls on the Kazakh authorities to release immediately and unconditionally all those detained for their political views and to drop all charges against them."},
	}},
	"kz-release-fr": {Kind: "Demand", Texts: []Text{
		{"text", "fr", "Demande la libération immédiate et inconditionnelle de tout prisonnier politique détenu arbitrairement au Kazakhstan."},
	}},
	"kz-women-fr": {Kind: "Demand", Texts: []Text{
		{"text", "fr", "Exige que les autorités cessent de harceler les prisonnières détenues pour leurs opinions et leurs familles."},
	}},
	"mm-refugees-fr": {Kind: "Demand", Texts: []Text{
		{"text", "fr", "Invite la Commission à renforcer l’aide humanitaire destinée aux réfugiés rohingyas accueillis au Bangladesh."},
	}},
	"by-elections-en": {Kind: "Demand", Texts: []Text{
		{"text", "en", "Urges the Belarusian authorities to hold new, free and fair elections under international observation by the OSCE."},
	}},
	"by-crackdown-stance": {Kind: "Stance", Texts: []Text{
		{"text", "en", "Condemns in the strongest terms the violent crackdown on journalists, human rights defenders and peaceful protesters."},
	}},
	"ir-markup-demand": {Kind: "Demand", Texts: []Text{
		{"text", "en", `Calls for the release of Ms Narges Mohammadi & all women human rights defenders jailed under "<b>national security</b>" charges.`},
	}},
	"ru-sanctions-demand": {Kind: "Demand", Texts: []Text{
		{"text", "en", "Calls on the Council to adopt targeted sanctions under the EU Global Human Rights Sanctions Regime, the so-called European Magnitsky Act, " +
			"including asset freezes and visa bans, against the officials responsible for the arbitrary detention and torture of opposition politicians, " +
			"and against the oligarchs close to the regime who launder in the Union the proceeds of corruption."},
	}},
	"kz-country": {Kind: "Country", Texts: []Text{
		{"name", "en", "Kazakhstan"},
		{"name", "fr", "Kazakhstan"},
	}},
	"ci-country": {Kind: "Country", Texts: []Text{
		{"name", "", "Côte d'Ivoire"},
	}},
	"tr-country": {Kind: "Country", Texts: []Text{
		{"name", "en", "Türkiye"},
		{"name", "en", "Turkey"},
		{"name", "fr", "Turquie"},
	}},
	"kz-epca": {Kind: "Agreement", Texts: []Text{
		{"name", "en", "EU-Kazakhstan Enhanced Partnership and Cooperation Agreement"},
		{"name", "fr", "Accord de partenariat et de coopération renforcé entre l'Union européenne et le Kazakhstan"},
	}},
	"kz-government": {Kind: "Institution", Texts: []Text{
		{"name", "en", "Government of Kazakhstan"},
		{"name", "fr", "gouvernement du Kazakhstan"},
	}},
	"political-prisoners-topic": {Kind: "Topic", Texts: []Text{
		{"name", "en", "political prisoners"},
	}},
	"kz-summary": {Kind: "Document", Texts: []Text{
		{"title", "", "Document summary 2021/2544(RSP)"},
	}},
}

// id is the node ID of the fixture entry called name.
func id(name string) string {
	return uuid.NewSHA1(uuid.NameSpaceURL, []byte("eurel:test:"+name)).String()
}

// names maps node IDs back to fixture names.
var names = func() map[string]string {
	m := map[string]string{}
	for n := range fixture {
		m[id(n)] = n
	}
	return m
}()

func entries(ns ...string) []Entry {
	var es []Entry
	for _, n := range ns {
		e := fixture[n]
		e.ID = id(n)
		es = append(es, e)
	}
	return es
}

func allEntries() []Entry {
	var ns []string
	for n := range fixture {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return entries(ns...)
}

// openFixture is an in-memory index holding the whole fixture, closed at the end of t.
func openFixture(t testing.TB) *Index {
	t.Helper()
	ix := openMem(t)
	if err := ix.Put(allEntries()); err != nil {
		t.Fatal(err)
	}
	return ix
}

func openMem(t testing.TB) *Index {
	t.Helper()
	ix, created, err := Open("")
	if err != nil {
		t.Fatal(err)
	}
	if !created {
		t.Fatal("Open(\"\") says the in-memory index was not created")
	}
	t.Cleanup(func() { _ = ix.Close() })
	return ix
}

// hitNames is the fixture names of p's hits, in order.
func hitNames(p Page) []string {
	var ns []string
	for _, h := range p.Hits {
		n, ok := names[h.ID]
		if !ok {
			n = h.ID
		}
		ns = append(ns, n)
	}
	return ns
}

func mustSearch(t testing.TB, ix *Index, q Query) Page {
	t.Helper()
	p, err := ix.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return p
}
