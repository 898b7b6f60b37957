package doceo

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// words are the phrases of a page's language that the parser looks for.
type words struct {
	kinds       []kindPrefix   // title prefixes, longest first
	replacing   *regexp.Regexp // "replacing the following motions:"
	pursuant    *regexp.Regexp // "pursuant to Rule …"
	onBehalf    *regexp.Regexp // "on behalf of the PPE Group": the group's name
	committee   *regexp.Regexp // "Committee on Constitutional Affairs"
	rapporteur  *regexp.Regexp // "Rapporteur: Gabriele Bischoff": the names
	adopted     *regexp.Regexp // the "Texts adopted :" step of the document-stages card
	selected    *regexp.Regexp // "Document selected :"
	heading     *regexp.Regexp // the heading of the text proposed or adopted
	capsHeading *regexp.Regexp // a heading in capitals, completed by the next paragraph ("on …")
	preamble    *regexp.Regexp // "The European Parliament,"
	citation    *regexp.Regexp // "having regard to"
	recital     *regexp.Regexp // "whereas"
	forward     *regexp.Regexp // "Instructs its President to forward this resolution to": the list after it
	ownRes      *regexp.Regexp // "its (previous) resolution(s)": what follows
	dateOf      *regexp.Regexp // "of 17 January 2023": day, month, year
	titleOn     *regexp.Regexp // "on …" after a date
	months      map[string]int
	rules       []string // words that make a citation one of the Rules of Procedure
}

type kindPrefix struct {
	prefix string // upper case
	kind   Kind
}

var english = &words{
	kinds: []kindPrefix{
		{"JOINT MOTION FOR A RESOLUTION", KindJointMotion}, {"MOTION FOR A RESOLUTION", KindMotion},
		{"TEXTS ADOPTED", KindTextAdopted}, {"TEXT ADOPTED", KindTextAdopted}, {"REPORT", KindReport},
	},
	replacing:   regexp.MustCompile(`(?i)^replacing the following motions?\s*:?$`),
	pursuant:    regexp.MustCompile(`(?i)^pursuant to `),
	onBehalf:    regexp.MustCompile(`^on behalf of (?:the )?(.+?)\s+[Gg]roup$`),
	committee:   regexp.MustCompile(`^Committee (?:on|of|for) `),
	rapporteur:  regexp.MustCompile(`(?i)^(?:co-)?rapporteurs?\s*:\s*(.+)$`),
	adopted:     regexp.MustCompile(`(?i)^texts? adopted`),
	selected:    regexp.MustCompile(`(?i)^document selected`),
	heading:     regexp.MustCompile(`^European Parliament (?:legislative )?(?:resolution|decision|recommendation|position)\b`),
	capsHeading: regexp.MustCompile(`^(?:(?:MOTION|PROPOSAL|DRAFT) FOR AN? )?EUROPEAN PARLIAMENT (?:LEGISLATIVE )?(?:RESOLUTION|DECISION|RECOMMENDATION)$`),
	preamble:    regexp.MustCompile(`^The European Parliament\s*,?$`),
	citation:    regexp.MustCompile(`^[Hh]aving regard to\b`),
	recital:     regexp.MustCompile(`^[Ww]hereas\b`),
	forward:     regexp.MustCompile(`(?i)\binstructs its President to forward this (?:legislative )?(?:resolution|decision|position|recommendation)(?:,[^,]*,)? to (.+)$`),
	ownRes:      regexp.MustCompile(`\bits (?:(?:previous|earlier|recent|numerous|many|various|other|several) )*resolutions?\b`),
	dateOf:      regexp.MustCompile(`\bof (\d{1,2}) (\p{L}+) (\d{4})\b`),
	titleOn:     regexp.MustCompile(`^,?\s*on\s+`),
	months: map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
		"august": 8, "september": 9, "october": 10, "november": 11, "december": 12},
	rules: []string{"Rules of Procedure"},
}

var french = &words{
	kinds: []kindPrefix{
		{"PROPOSITION DE RÉSOLUTION COMMUNE", KindJointMotion}, {"PROPOSITION DE RÉSOLUTION", KindMotion},
		{"TEXTES ADOPTÉS", KindTextAdopted}, {"TEXTE ADOPTÉ", KindTextAdopted}, {"RAPPORT", KindReport},
	},
	replacing:   regexp.MustCompile(`(?i)^en remplacement des? propositions? de résolution suivantes?\s*:?$`),
	pursuant:    regexp.MustCompile(`(?i)^(?:déposée?s? )?conformément à `),
	onBehalf:    regexp.MustCompile(`^au nom du groupe (.+)$`),
	committee:   regexp.MustCompile(`^Commission (?:des|de la|de l'|de l’|du) `),
	rapporteur:  regexp.MustCompile(`(?i)^(?:co-)?rapporteure?s?\s*:\s*(.+)$`),
	adopted:     regexp.MustCompile(`(?i)^textes? adoptés?`),
	selected:    regexp.MustCompile(`(?i)^document sélectionné`),
	heading:     regexp.MustCompile(`^(?:Résolution|Décision|Recommandation|Position|Résolution législative) du Parlement européen\b`),
	capsHeading: regexp.MustCompile(`^(?:(?:PROPOSITION|PROJET) DE )?(?:RÉSOLUTION|DÉCISION|RECOMMANDATION)(?: LÉGISLATIVE)? DU PARLEMENT EUROPÉEN$`),
	preamble:    regexp.MustCompile(`^Le Parlement européen\s*,?$`),
	citation:    regexp.MustCompile(`^[Vv]u\b`),
	recital:     regexp.MustCompile(`^[Cc]onsidérant\b`),
	forward:     regexp.MustCompile(`(?i)\bcharge s(?:a|on) président(?:e)? de transmettre la présente (?:résolution|décision|position|recommandation)(?:,[^,]*,)?\s+(.+)$`),
	ownRes:      regexp.MustCompile(`\b(?:ses|sa) (?:(?:précédentes|anciennes|nombreuses|récentes|autres) )*résolutions?(?: (?:antérieures|précédentes))?\b`),
	dateOf:      regexp.MustCompile(`\bdu (\d{1,2})(?:er)? (\p{L}+) (\d{4})\b`),
	titleOn:     regexp.MustCompile(`^,?\s*sur\s+`),
	months: map[string]int{"janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
		"août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12},
	rules: []string{"règlement intérieur"},
}

// wordsOf returns the phrases of a language ("en" or "fr").
func wordsOf(lang string) *words {
	if lang == "fr" {
		return french
	}
	return english
}

// kindOf returns the kind a title's prefix names, the prefix as written, and ok.
func (w *words) kindOf(title string) (Kind, string, bool) {
	up := strings.ToUpper(title)
	for _, k := range w.kinds {
		if strings.HasPrefix(up, k.prefix) {
			rs := []rune(title)
			return k.kind, string(rs[:min(len(rs), utf8.RuneCountInString(k.prefix))]), true
		}
	}
	return "", "", false
}
