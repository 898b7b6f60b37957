package oeil

import "testing"

func TestStageNamesTheEventInEnglish(t *testing.T) {
	tests := []struct {
		name, event, lang, stage string
	}{
		{"the French single reading of the corpus", "Texte adopté du Parlement, lecture unique", "fr", "Text adopted by Parliament, single reading"},
		{"an English event is its own stage", "Text adopted by Parliament, single reading", "en", "Text adopted by Parliament, single reading"},
		{"case, spaces and a final full stop do not matter", "text adopted by parliament,  SINGLE reading.", "en", "Text adopted by Parliament, single reading"},
		{"\"1re\" and \"1ère\" are the same reading", "Texte adopté du Parlement, 1re lecture/lecture unique", "fr", "Text adopted by Parliament, 1st reading/single reading"},
		{"\"première\" is the first reading", "Décision du Parlement, première lecture", "fr", "Decision by Parliament, 1st reading"},
		{"accents may be missing", "Debat en pleniere", "fr", "Debate in Parliament"},
		{"the second reading is not the first", "Texte adopté du Parlement, 2e lecture", "fr", "Text adopted by Parliament, 2nd reading"},
		{"an unknown English event is kept as written", "Joint text approved by Conciliation Committee co-chairs", "en", "Joint text approved by Conciliation Committee co-chairs"},
		{"an unknown French event has no stage", "Texte commun approuvé par le comité de conciliation", "fr", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stageOf(tt.event, tt.lang); got != tt.stage {
				t.Errorf("stageOf(%q) = %q, want %q", tt.event, got, tt.stage)
			}
		})
	}
}

func TestNoTwoEventsFoldToTheSameKey(t *testing.T) {
	seen := map[string]string{}
	for _, e := range events {
		for _, name := range []string{e.en, e.fr} {
			k := foldEvent(name)
			if other, ok := seen[k]; ok && other != e.en {
				t.Errorf("%q and %q both fold to %q", other, e.en, k)
			}
			seen[k] = e.en
		}
	}
}
