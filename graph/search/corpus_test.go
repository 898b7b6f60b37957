package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// A synthetic corpus for benchmarks, shaped like the graph: per resolution a title in
// English and French (~15 words each), ~10 demands and stances of ~40 words in one language,
// and a sprinkling of named nodes (countries, institutions, agreements, topics). Words are
// drawn from the vocabulary of resolutions with a Zipf law, so "human rights" is in a large
// share of texts as it is in the real ones, plus a long tail of rare names.

var enWords = strings.Fields(`human rights authorities calls on urges government release political prisoners
	immediately unconditionally detained arbitrarily freedom expression assembly association media journalists
	defenders activists civil society elections free fair transparent democratic opposition parties crackdown
	protesters peaceful violence torture ill-treatment detention trial judicial independence rule law
	corruption sanctions council commission member states vice-president high representative union european
	parliament delegation cooperation partnership agreement dialogue minorities ethnic religious women girls
	children refugees migrants asylum humanitarian aid access investigation accountability impunity death
	penalty executions abolition constitution reform electoral observation osce mission international
	criminal court united nations resolution situation condemns deplores regrets welcomes notes stresses
	reiterates expresses concern deep serious alarm safety security forces military police army coup
	junta regime conflict ceasefire dialogue negotiations border territorial integrity sovereignty
	occupation invasion war crimes humanity genocide displaced persons camps food water health education
	environment climate trade tariffs preferences gsp conditionality benchmarks monitoring report annual
	progress candidate accession visa liberalisation funding budget programme instrument neighbourhood
	development support capacity building training lawyers bloggers students teachers trade unions workers
	labour forced child lgbti discrimination hate speech internet shutdown surveillance spyware laws foreign
	agents ngos registration closure harassment intimidation travel bans asset freezes targeted individuals
	responsible officials leaders president prime minister ministry justice interior foreign affairs`)

var frWords = strings.Fields(`droits homme autorités invite demande exhorte gouvernement libération prisonniers
	politiques immédiate inconditionnelle détenus arbitrairement liberté expression réunion association médias
	journalistes défenseurs militants société civile élections libres équitables transparentes démocratiques
	opposition partis répression manifestants pacifiques violence torture mauvais traitements détention procès
	indépendance judiciaire état droit corruption sanctions conseil commission états membres vice-président
	haut représentant union européenne parlement délégation coopération partenariat accord dialogue minorités
	ethniques religieuses femmes filles enfants réfugiés migrants asile aide humanitaire accès enquête
	responsabilité impunité peine mort exécutions abolition constitution réforme électorale observation osce
	mission cour pénale internationale nations unies résolution situation condamne déplore regrette salue
	prend acte souligne réitère exprime préoccupation profonde grave sécurité forces militaires police armée
	coup état junte régime conflit cessez-le-feu négociations frontière intégrité territoriale souveraineté
	occupation invasion crimes guerre humanité génocide personnes déplacées camps alimentation eau santé
	éducation environnement climat commerce droits douane préférences conditionnalité critères suivi rapport
	annuel progrès candidat adhésion visas libéralisation financement budget programme instrument voisinage
	développement soutien renforcement capacités formation avocats blogueurs étudiants enseignants syndicats
	travailleurs travail forcé discrimination discours haine internet coupure surveillance logiciels espions
	lois agents étrangers ong enregistrement fermeture harcèlement intimidation interdictions voyager gel
	avoirs personnes ciblées responsables dirigeants président premier ministre justice intérieur affaires`)

var enGlue = strings.Fields("the of and to in for all on with by its their against")
var frGlue = strings.Fields("le la les de des du et à en pour sur avec par leur contre")

var kinds = []string{"Demand", "Demand", "Demand", "Demand", "Demand", "Demand", "Demand", "Stance", "Stance"}

// corpus generates entries deterministically from its seed.
type corpus struct {
	r        *rand.Rand
	enZipf   *rand.Zipf
	frZipf   *rand.Zipf
	tailZipf *rand.Zipf
	n        int
}

func newCorpus(seed uint64) *corpus {
	r := rand.New(rand.NewPCG(seed, 42))
	return &corpus{
		r:        r,
		enZipf:   rand.NewZipf(r, 1.1, 2, uint64(len(enWords)-1)),
		frZipf:   rand.NewZipf(r, 1.1, 2, uint64(len(frWords)-1)),
		tailZipf: rand.NewZipf(r, 1.05, 1, 199_999),
	}
}

// tail is a rare word: a made-up name such as "Varinokaz", one of 200,000.
func tail(i uint64) string {
	syl := []string{"ka", "ri", "no", "va", "za", "mo", "lu", "te", "shi", "ar", "ov", "en", "ba", "dri", "gul", "yev"}
	var b strings.Builder
	for range 3 {
		b.WriteString(syl[i%uint64(len(syl))])
		i /= uint64(len(syl))
	}
	fmt.Fprintf(&b, "%c", 'a'+rune(i%26))
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// sentence is n words in lang: vocabulary, glue words, and one rare name in eight.
func (c *corpus) sentence(lang string, n int) string {
	words, glue, z := enWords, enGlue, c.enZipf
	if lang == "fr" {
		words, glue, z = frWords, frGlue, c.frZipf
	}
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch x := c.r.IntN(8); {
		case x < 2:
			b.WriteString(glue[c.r.IntN(len(glue))])
		case x == 2 && c.r.IntN(3) == 0:
			b.WriteString(tail(c.tailZipf.Uint64()))
		default:
			b.WriteString(words[z.Uint64()])
		}
	}
	b.WriteByte('.')
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// next is the next entry: one resolution in twelve, one named node in twelve, the others
// demands and stances.
func (c *corpus) next() Entry {
	c.n++
	e := Entry{ID: fmt.Sprintf("%08x-0000-5000-8000-%012x", c.n, c.r.Uint64()&0xffffffffffff)}
	lang := "en"
	if c.r.IntN(2) == 0 {
		lang = "fr"
	}
	switch c.r.IntN(12) {
	case 0:
		e.Kind = "Resolution"
		e.Texts = []Text{{"title", "en", c.sentence("en", 15)}, {"title", "fr", c.sentence("fr", 15)}}
	case 1:
		e.Kind = []string{"Country", "Institution", "Agreement", "Topic"}[c.r.IntN(4)]
		e.Texts = []Text{{"name", "en", c.sentence("en", 2+c.r.IntN(6))}, {"name", "fr", c.sentence("fr", 2+c.r.IntN(6))}}
	default:
		e.Kind = kinds[c.r.IntN(len(kinds))]
		e.Texts = []Text{{"text", lang, c.sentence(lang, 30+c.r.IntN(20))}}
	}
	return e
}

func (c *corpus) batch(n int) []Entry {
	es := make([]Entry, n)
	for i := range es {
		es[i] = c.next()
	}
	return es
}

// benchQueries are two-word queries as users type them, from the most common words
// ("human rights") to rarer pairs and names, in both languages, some without accents.
var benchQueries = []string{
	"human rights", "political prisoners", "freedom expression", "death penalty",
	"prisonniers politiques", "droits homme", "refugies syriens", "liberte expression",
	"journalists detained", "elections transparentes", "torture detention", "sanctions officials",
	"peine mort", "défenseurs droits", "internet shutdown", "travail forcé",
	"spyware surveillance", tail(2) + " release", tail(7) + " libération", "women girls",
}
