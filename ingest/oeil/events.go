package oeil

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// events are the OEIL key events and document types a summary is attached to, by their
// English name and the name OEIL's French pages give them. The English names are those of
// OEIL's procedure files (the corpus's oeil-procedure pages use them); only "Texte adopté du
// Parlement, lecture unique" of the French names is attested in the corpus, the others are
// OEIL's French labels as the French interface writes them. Matching ignores case,
// accents, punctuation and the spelling of ordinals ("1ère", "1re", "première", "1st").
var events = []struct{ en, fr string }{
	{"Text adopted by Parliament, single reading", "Texte adopté du Parlement, lecture unique"},
	{"Text adopted by Parliament, 1st reading/single reading", "Texte adopté du Parlement, 1ère lecture/lecture unique"},
	{"Text adopted by Parliament, 1st reading", "Texte adopté du Parlement, 1ère lecture"},
	{"Text adopted by Parliament, 2nd reading", "Texte adopté du Parlement, 2ème lecture"},
	{"Text adopted by Parliament, partial vote at 1st reading/single reading", "Texte adopté du Parlement, vote partiel en 1ère lecture/lecture unique"},
	{"Decision by Parliament, 1st reading/single reading", "Décision du Parlement, 1ère lecture/lecture unique"},
	{"Decision by Parliament, 1st reading", "Décision du Parlement, 1ère lecture"},
	{"Decision by Parliament, 2nd reading", "Décision du Parlement, 2ème lecture"},
	{"Decision by Parliament, 3rd reading", "Décision du Parlement, 3ème lecture"},
	{"Decision by Parliament", "Décision du Parlement"},
	{"Results of vote in Parliament", "Résultat du vote au parlement"},
	{"Debate in Parliament", "Débat en plénière"},
	{"Committee report tabled for plenary, single reading", "Dépôt du rapport de la commission, lecture unique"},
	{"Committee report tabled for plenary, 1st reading/single reading", "Dépôt du rapport de la commission, 1ère lecture/lecture unique"},
	{"Committee report tabled for plenary, 1st reading", "Dépôt du rapport de la commission, 1ère lecture"},
	{"Committee report tabled for plenary", "Dépôt du rapport de la commission"},
	{"Committee recommendation tabled for plenary, 2nd reading", "Dépôt de la recommandation de la commission, 2ème lecture"},
	{"Committee recommendation tabled for plenary", "Dépôt de la recommandation de la commission"},
	{"Committee draft report", "Projet de rapport de la commission"},
	{"Amendments tabled in committee", "Amendements déposés en commission"},
	{"Committee opinion", "Avis de la commission"},
	{"Vote in committee, 1st reading/single reading", "Vote en commission, 1ère lecture/lecture unique"},
	{"Vote in committee, 1st reading", "Vote en commission, 1ère lecture"},
	{"Vote in committee, 2nd reading", "Vote en commission, 2ème lecture"},
	{"Vote in committee", "Vote en commission"},
	{"Committee referral announced in Parliament, 1st reading", "Annonce en plénière de la saisine de la commission, 1ère lecture"},
	{"Committee referral announced in Parliament", "Annonce en plénière de la saisine de la commission"},
	{"End of procedure in Parliament", "Fin de la procédure au Parlement"},
	{"Legislative proposal published", "Publication de la proposition législative"},
	{"Legislative proposal", "Proposition législative"},
	{"Modified legislative proposal", "Proposition législative modifiée"},
	{"Non-legislative basic document published", "Publication du document de base non législatif"},
	{"Non-legislative basic document", "Document de base non législatif"},
	{"Preparatory document", "Document préparatoire"},
	{"Document attached to the procedure", "Document annexé à la procédure"},
	{"Motion for a resolution", "Proposition de résolution"},
	{"Joint motion for resolution", "Proposition de résolution commune"},
	{"Commission response to text adopted in plenary", "Réponse de la Commission au texte adopté en plénière"},
	{"Council position published", "Publication de la position du Conseil"},
	{"Commission communication on Council's position", "Communication de la Commission sur la position du Conseil"},
	{"Debate in Council", "Débat au Conseil"},
	{"Act adopted by Council after consultation of Parliament", "Acte adopté par le Conseil après consultation du Parlement"},
	{"Final act signed", "Signature de l'acte final"},
	{"Final act published in Official Journal", "Publication de l'acte final au Journal officiel"},
}

// stages maps the folded English and French name of every known event to its English name.
var stages = func() map[string]string {
	m := make(map[string]string, 2*len(events))
	for _, e := range events {
		m[foldEvent(e.en)] = e.en
		m[foldEvent(e.fr)] = e.en
	}
	return m
}()

// stageOf is the English OEIL name of an event written in a summary of language lang: the
// table's name when the event is known in English or French, the event itself when it is
// unknown but the summary is English, and "" otherwise.
func stageOf(event, lang string) string {
	if en, ok := stages[foldEvent(event)]; ok {
		return en
	}
	if lang == "en" {
		return event
	}
	return ""
}

// ordinals spell the ordinals of readings the same way in both languages.
var ordinals = map[string]string{
	"1st": "1", "first": "1", "1ere": "1", "1re": "1", "1er": "1", "1e": "1", "premiere": "1",
	"2nd": "2", "second": "2", "2eme": "2", "2e": "2", "2nde": "2", "seconde": "2", "deuxieme": "2",
	"3rd": "3", "third": "3", "3eme": "3", "3e": "3", "troisieme": "3",
}

// foldEvent reduces an event name to a lookup key: lower case, no accents, words separated
// by single spaces, "/" kept as a word, punctuation dropped, ordinals as digits.
func foldEvent(s string) string {
	var words []string
	var w strings.Builder
	end := func() {
		if w.Len() > 0 {
			word := w.String()
			if o, ok := ordinals[word]; ok {
				word = o
			}
			words = append(words, word)
			w.Reset()
		}
	}
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			w.WriteRune(unicode.ToLower(r))
		case r == '/':
			end()
			words = append(words, "/")
		default:
			end()
		}
	}
	end()
	return strings.Join(words, " ")
}
