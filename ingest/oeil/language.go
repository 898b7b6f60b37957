package oeil

import (
	"fmt"
	"strings"
	"unicode"
)

// languages are the languages the detector tells apart: the two eurel reads, then others
// common in EU texts, recognised only to be refused by name.
var languages = []string{"en", "fr", "es", "de", "it", "pt", "nl"}

// stopwords are frequent short words of each language (after splitting at apostrophes:
// "l'homme" gives "l" and "homme"). A word may belong to several languages.
var stopwords = map[string]string{
	"en": "a the of and to in is that for it with as was on be by this are which from have has its an not or were their should been would at also into",
	"fr": "le la les des du de et à en un une est que qui dans pour par sur au aux ce cette il ont sont pas ses leur leurs avec être a l d qu ne se",
	"es": "el la los las de del y en que un una por con para es se al lo su sus como más ha han sobre entre este esta",
	"de": "der die das und den dem des ist nicht ein eine zu mit von für auf sich im in auch es werden wird hat dass als bei",
	"it": "il la di che e le del della dei delle degli un una per con non è nel nella sono alla gli anche ha da si come più l",
	"pt": "o a os as de do da dos das e que em um uma para com não no na por se mais foi ao pelo pela são",
	"nl": "de het een en van in is dat op te zijn met voor niet die aan er ook om door worden wordt bij naar heeft",
}

// stopwordLangs maps each stopword to the bit set of the languages (indexes in languages)
// it belongs to.
var stopwordLangs = func() map[string]uint8 {
	m := make(map[string]uint8)
	for i, l := range languages {
		for _, w := range strings.Fields(stopwords[l]) {
			m[w] |= 1 << i
		}
	}
	return m
}()

const (
	minEvidence   = 3    // stopwords needed before a language is named
	maxLangTokens = 4000 // words read: enough to tell, bounded on huge texts
)

// detectLanguage names the language of texts, "en" or "fr", by counting the stopwords of
// each language. It refuses (ErrLanguage) a text that looks like another language, one with
// too few stopwords to tell, and one that looks as much like two languages.
func detectLanguage(texts []string) (string, error) {
	var counts [8]int
	tokens := 0
	count := func(word string) {
		tokens++
		bits, ok := stopwordLangs[word]
		if !ok {
			if lower := strings.ToLower(word); lower != word {
				bits = stopwordLangs[lower]
			}
		}
		for i := range languages {
			if bits&(1<<i) != 0 {
				counts[i]++
			}
		}
	}
	for _, t := range texts {
		word := -1 // start of the word being read; -1 between words
		for i, r := range t {
			if tokens >= maxLangTokens {
				break
			}
			if unicode.IsLetter(r) {
				if word < 0 {
					word = i
				}
				continue
			}
			if word >= 0 {
				count(t[word:i])
				word = -1
			}
		}
		if word >= 0 && tokens < maxLangTokens {
			count(t[word:])
		}
	}
	best, second := 0, -1
	for i := 1; i < len(languages); i++ {
		switch {
		case counts[i] > counts[best]:
			best, second = i, best
		case second < 0 || counts[i] > counts[second]:
			second = i
		}
	}
	switch {
	case counts[best] < minEvidence:
		return "", fail(ErrLanguage, 0, fmt.Sprintf("language not recognised: too few common words (%d) to tell; eurel reads English and French", counts[best]))
	case counts[best] == counts[second]:
		return "", fail(ErrLanguage, 0, fmt.Sprintf("language not recognised: the text looks as much like %s as like %s; eurel reads English and French", languages[best], languages[second]))
	case languages[best] != "en" && languages[best] != "fr":
		return "", fail(ErrLanguage, 0, fmt.Sprintf("language not supported: the text looks like %s; eurel reads English and French", languages[best]))
	}
	return languages[best], nil
}
