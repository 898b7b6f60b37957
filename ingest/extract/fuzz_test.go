package extract

import (
	"strings"
	"testing"
)

// FuzzExtract feeds random text as paragraphs ("- " lines are bullets) under a random title:
// Extract must not panic; when it accepts the input, every span must cut its quote out of
// the text, demand and stance texts must equal their quotes, and the document must pass the
// store's validation.
func FuzzExtract(f *testing.F) {
	// Seeds are the corpus paragraphs, one by one or a lead with its first bullet: small
	// inputs keep each execution, and the minimisation of each new input, short.
	for _, name := range corpusSummaries {
		in := corpusInput(f, name)
		title, _ := quoteSafe(in.Text, in.Title.Start, in.Title.End)
		for i, p := range in.Paragraphs {
			text := p.Text
			if p.Bullet {
				text = "- " + text
			}
			if i+1 < len(in.Paragraphs) && in.Paragraphs[i+1].Bullet && !p.Bullet {
				text += "\n- " + in.Paragraphs[i+1].Text
			}
			f.Add(in.Language == "fr", title, text)
		}
	}
	f.Add(false, "Resolution on Chad", "Parliament urged the Council to:\n- act;\n- act again.\nThe EU should, by 1 000 votes to 2, act.")
	f.Add(true, "Résolution sur la Chine", "Le Parlement a adressé au gouvernement une série de demandes :\n- libérer\n\nCet accord est entré en vigueur le 1er mars 2020.")
	f.Add(false, "", "called on to: - ; and , should . . Mr. U.S. EU–Kazakhstan signed in May 2015")
	f.Fuzz(func(t *testing.T, fr bool, title, body string) {
		lang := "en"
		if fr {
			lang = "fr"
		}
		build := func(title string, lines []string) Input {
			var w inputBuilder
			w.title(title)
			w.header("2021/2544(RSP) - 11/02/2021 - Text adopted by Parliament, single reading")
			for _, l := range lines {
				if rest, ok := strings.CutPrefix(l, "- "); ok {
					w.para(rest, true)
				} else {
					w.para(l, false)
				}
			}
			return w.input(lang, feb2021)
		}
		// as given (possibly not UTF-8): no panic
		_, _ = Extract(build(title, strings.Split(body, "\n")))
		_ = Regions(build(title, strings.Split(body, "\n")))

		// made valid: accepted, and every invariant holds
		in := build(strings.ToValidUTF8(title, "?"), strings.Split(strings.ToValidUTF8(body, "?"), "\n"))
		doc, err := Extract(in)
		if err != nil {
			t.Fatalf("valid input refused: %v", err)
		}
		checkSpans(t, in, doc)
		checkValid(t, in, doc, "fuzz")
	})
}

func quoteSafe(s string, a, b int) (string, bool) {
	rs := []rune(s)
	if a < 0 || b > len(rs) || a > b {
		return "", false
	}
	return string(rs[a:b]), true
}
