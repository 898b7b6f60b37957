package lexicon

import "sync"

// Topic is a subject of human-rights and foreign-policy demands, with a stable key.
type Topic struct {
	Key   string
	Names map[string]string // language → name
	// Patterns are the words that make a text about the topic, in either language, matched
	// in any case and with plural and feminine endings ("prisonnier politique" matches
	// "prisonniers politiques").
	Patterns []string
}

// topics is eurel's topic lexicon. Keys are stable: they are the topics' natural keys in the
// graph.
var topics = []Topic{
	{Key: "human-rights", Names: names("human rights", "droits de l'homme"), Patterns: []string{
		"human rights", "fundamental freedoms", "fundamental rights", "droits de l'homme", "droits humains",
		"libertés fondamentales", "droits fondamentaux"}},
	{Key: "torture", Names: names("torture", "torture"), Patterns: []string{
		"torture", "tortured", "ill-treatment", "ill treatment", "mauvais traitement", "torturé", "traitements inhumains"}},
	{Key: "political-prisoners", Names: names("political prisoners", "prisonniers politiques"), Patterns: []string{
		"political prisoner", "prisoner of conscience", "prisoners of conscience", "political detainee",
		"prisonnier politique", "prisonnier d'opinion", "prisonniers d'opinion", "détenu politique"}},
	{Key: "arbitrary-detention", Names: names("arbitrary detention", "détention arbitraire"), Patterns: []string{
		"arbitrary detention", "arbitrarily detained", "arbitrary arrest", "illegally arrested", "unlawful detention",
		"détention arbitraire", "arrestation arbitraire", "détenu arbitrairement", "assignation à résidence",
		"house arrest", "détention préventive", "pre-trial detention"}},
	{Key: "data-protection", Names: names("data protection", "protection des données"), Patterns: []string{
		"data protection", "personal data", "privacy", "protection des données", "données personnelles",
		"données à caractère personnel", "vie privée"}},
	{Key: "surveillance", Names: names("surveillance", "surveillance"), Patterns: []string{
		"surveillance", "facial recognition", "reconnaissance des visages", "reconnaissance faciale"}},
	{Key: "violence-against-women", Names: names("violence against women", "violence à l'égard des femmes"), Patterns: []string{
		"violence against women", "gender-based violence", "domestic violence", "violence against girls",
		"violence à l'égard des femmes", "violence contre les femmes", "violence faite aux femmes",
		"violence domestique", "violence fondée sur le genre", "violence sexiste", "violence conjugale"}},
	{Key: "womens-rights", Names: names("women's rights", "droits des femmes"), Patterns: []string{
		"women's rights", "rights of women", "gender equality", "droits des femmes", "égalité entre les femmes et les hommes",
		"égalité des genres"}},
	{Key: "civil-society", Names: names("civil society", "société civile"), Patterns: []string{
		"civil society", "non-governmental organisation", "non-governmental organization", "NGO",
		"société civile", "organisation non gouvernementale", "ONG"}},
	{Key: "human-rights-defenders", Names: names("human rights defenders", "défenseurs des droits de l'homme"), Patterns: []string{
		"human rights defender", "human rights activist", "défenseur des droits de l'homme", "militant des droits de l'homme",
		"défenseur des droits humains", "activist", "militant"}},
	{Key: "freedom-of-expression", Names: names("freedom of expression", "liberté d'expression"), Patterns: []string{
		"freedom of expression", "freedom of speech", "free speech", "liberté d'expression", "exprimer librement",
		"express freely", "opinions politiques"}},
	{Key: "freedom-of-assembly", Names: names("freedom of assembly", "liberté de réunion"), Patterns: []string{
		"freedom of assembly", "freedom of peaceful assembly", "peaceful assembly", "expression and assembly",
		"right to assemble", "liberté de réunion", "réunion pacifique", "manifestant pacifique", "peaceful protester",
		"peaceful demonstrator"}},
	{Key: "freedom-of-association", Names: names("freedom of association", "liberté d'association"), Patterns: []string{
		"freedom of association", "liberté d'association", "droit d'association"}},
	{Key: "freedom-of-religion", Names: names("freedom of religion", "liberté de religion"), Patterns: []string{
		"freedom of religion", "religious freedom", "freedom of religion or belief", "liberté de religion",
		"liberté religieuse", "organisation religieuse", "religious organisation", "religious minorities"}},
	{Key: "media-freedom", Names: names("media freedom", "liberté des médias"), Patterns: []string{
		"media freedom", "freedom of the press", "press freedom", "freedom of the media", "journalist",
		"liberté des médias", "liberté de la presse", "journaliste", "social media", "médias sociaux", "internet"}},
	{Key: "democracy", Names: names("democracy", "démocratie"), Patterns: []string{
		"democracy", "democratic", "démocratie", "démocratique", "constitutional order", "multiparty", "multipartisme",
		"parlementarisme", "participation civique"}},
	{Key: "rule-of-law", Names: names("rule of law", "État de droit"), Patterns: []string{
		"rule of law", "État de droit", "independence of the judiciary", "indépendance de la justice"}},
	{Key: "elections", Names: names("elections", "élections"), Patterns: []string{
		"election", "electoral", "elected", "élection", "électoral", "élu"}},
	{Key: "political-opposition", Names: names("political opposition", "opposition politique"), Patterns: []string{
		"opposition", "opposition politique", "political opposition", "opposition activists"}},
	{Key: "minorities", Names: names("minorities", "minorités"), Patterns: []string{
		"minority", "minorities", "ethnic group", "ethnic groups", "minorité", "minoritaire", "ethnic", "ethnique",
		"Rohingya", "Uyghur", "Ouïghour"}},
	{Key: "refugees", Names: names("refugees and asylum", "réfugiés et asile"), Patterns: []string{
		"refugee", "asylum", "réfugié", "asile", "fled", "fui", "displaced persons", "personnes déplacées"}},
	{Key: "death-penalty", Names: names("death penalty", "peine de mort"), Patterns: []string{
		"death penalty", "capital punishment", "death sentence", "peine de mort", "peine capitale", "condamnation à mort"}},
	{Key: "accountability", Names: names("accountability", "obligation de rendre des comptes"), Patterns: []string{
		"impunity", "accountability", "brought to justice", "held accountable", "impunité", "traduits en justice",
		"rendre des comptes", "enquête approfondie", "thorough investigation"}},
	{Key: "corruption", Names: names("corruption", "corruption"), Patterns: []string{
		"corruption", "anti-corruption", "money laundering", "blanchiment de capitaux", "lutte contre la corruption"}},
	{Key: "sanctions", Names: names("sanctions", "sanctions"), Patterns: []string{
		"sanction", "targeted sanctions", "restrictive measures", "mesures restrictives", "asset freeze", "gel des avoirs"}},
	{Key: "arms-embargo", Names: names("arms embargo", "embargo sur les armes"), Patterns: []string{
		"arms embargo", "embargo on arms", "embargo sur les armes", "dual-use", "double usage"}},
	{Key: "humanitarian-aid", Names: names("humanitarian aid", "aide humanitaire"), Patterns: []string{
		"humanitarian aid", "humanitarian assistance", "humanitarian access", "aide humanitaire", "assistance humanitaire",
		"accès humanitaire"}},
	{Key: "financial-support", Names: names("financial support", "aide financière"), Patterns: []string{
		"financial assistance", "financial support", "funding", "aide financière", "soutien financier", "financement"}},
	{Key: "trade", Names: names("trade", "commerce"), Patterns: []string{
		"trade", "trade policy", "commerce", "politique commerciale", "exports", "exported", "exportations",
		"goods", "marchandises"}},
	{Key: "trade-unions", Names: names("trade unions", "syndicats"), Patterns: []string{
		"trade union", "syndicat", "labour rights", "droits des travailleurs"}},
	{Key: "taxation", Names: names("taxation", "fiscalité"), Patterns: []string{
		"tax", "taxation", "taxes", "fiscalité", "fiscal", "impôt", "tax incentives", "incitations fiscales"}},
	{Key: "coup", Names: names("military coup", "coup d'État militaire"), Patterns: []string{
		"coup", "coup d'état", "military takeover", "putsch"}},
	{Key: "natural-resources", Names: names("natural resources", "ressources naturelles"), Patterns: []string{
		"natural resources", "ressources naturelles", "illegal logging", "harvested wood"}},
	{Key: "public-health", Names: names("public health", "santé publique"), Patterns: []string{
		"COVID-19", "pandemic", "pandémie", "public health", "santé publique", "hygiène", "hygiene"}},
	{Key: "childrens-rights", Names: names("rights of the child", "droits de l'enfant"), Patterns: []string{
		"rights of the child", "children's rights", "child", "children", "droits de l'enfant", "enfant"}},
	{Key: "lgbti-rights", Names: names("LGBTI rights", "droits des personnes LGBTI"), Patterns: []string{
		"LGBTI", "LGBT", "LGBTIQ", "LGBTQI", "sexual orientation", "orientation sexuelle"}},
}

// topicBlockers are phrases containing a topic word that are not about the topic:
// "sanctions pénales" are criminal penalties, not restrictive measures.
var topicBlockers = []string{
	"sanctions pénales", "sanction pénale", "criminal sanctions", "criminal penalties", "tax authorities",
	"trade-off", "trade off", "child care",
}

// Topics returns the topic lexicon. The slice is shared: do not modify it.
func Topics() []Topic { return topics }

// TopicByKey returns the topic with a key.
func TopicByKey(key string) (Topic, bool) {
	for _, t := range topics {
		if t.Key == key {
			return t, true
		}
	}
	return Topic{}, false
}

// TopicMatcher finds topic words; values are topic keys, "" for a blocking phrase.
var TopicMatcher = sync.OnceValue(func() *Matcher[string] {
	m := NewMatcher[string]()
	for _, t := range topics {
		for _, p := range t.Patterns {
			mode := AnyCase
			if isAcronym(p) {
				mode = ExactCase
			}
			m.AddInflected(p, mode, t.Key)
		}
	}
	for _, b := range topicBlockers {
		m.AddInflected(b, AnyCase, "")
	}
	return m
})
