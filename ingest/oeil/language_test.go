package oeil

import (
	"errors"
	"testing"
)

func TestDetectLanguageTellsEnglishAndFrenchFromTheOthers(t *testing.T) {
	tests := []struct {
		name string
		text string
		lang string // "" when refused
	}{
		{"English is English", "The European Parliament adopted a resolution on the situation in the country and called on the Commission to act.", "en"},
		{"French is French", "Le Parlement européen a adopté une résolution sur la situation dans le pays et a demandé à la Commission d'agir.", "fr"},
		{"French with typographic apostrophes is French", "L\u2019Union et ses États membres devraient soutenir la société civile et l\u2019État de droit.", "fr"},
		{"Spanish is refused", "El Parlamento Europeo aprobó una resolución sobre la situación en el país y pidió a la Comisión que actúe.", ""},
		{"German is refused", "Das Europäische Parlament hat eine Entschließung zur Lage in dem Land angenommen und die Kommission aufgefordert, zu handeln.", ""},
		{"Italian is refused", "Il Parlamento europeo ha approvato una risoluzione sulla situazione nel paese e ha chiesto alla Commissione di agire.", ""},
		{"Portuguese is refused", "O Parlamento Europeu aprovou uma resolução sobre a situação no país e pediu à Comissão que atue com mais firmeza.", ""},
		{"Dutch is refused", "Het Europees Parlement heeft een resolutie over de situatie in het land aangenomen en de Commissie verzocht op te treden.", ""},
		{"two words are too few to tell", "Kazakhstan Myanmar", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lang, err := detectLanguage([]string{tt.text})
			if lang != tt.lang {
				t.Errorf("language %q (%v), want %q", lang, err, tt.lang)
			}
			if tt.lang == "" && !errors.Is(err, ErrLanguage) {
				t.Errorf("error %v is not ErrLanguage", err)
			}
		})
	}
}
