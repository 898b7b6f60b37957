package oeil

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/eurel/eurel/internal/corpus"
)

// FuzzParse feeds Parse arbitrary bytes, seeded with the texts written for the tests and,
// when the corpus is there, the real summaries. Parse must not panic; a refusal must be an
// *Error with a reason; an accepted summary must keep the contract of Summary.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
	switch dir, err := corpus.Find(); {
	case err == nil:
		files, _ := filepath.Glob(filepath.Join(dir, "oeil-summary", "*"))
		seeds = append(seeds, files...)
	case !errors.Is(err, corpus.ErrNotFound):
		f.Fatal(err) // EUREL_CORPUS names no directory
	}
	for _, name := range seeds {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("Title\n2021/2544(RSP) - 11/02/2021 - Debate in Parliament\n\n- the text of the summary, in a bullet\nand\n\nthe rest of it."))
	f.Add([]byte("<p class=es_product-content>x</p>"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		s, err := Parse(raw)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Reason == "" || e.Err == nil || e.Line < 0 {
				t.Fatalf("refusal %#v is not an *Error with a kind and a reason", err)
			}
			return
		}
		if s.Language != "en" && s.Language != "fr" {
			t.Errorf("language %q", s.Language)
		}
		if s.Reference == "" || !refRe.MatchString(s.Reference) {
			t.Errorf("reference %q", s.Reference)
		}
		if s.Title == "" || s.Event == "" {
			t.Errorf("title %q, event %q", s.Title, s.Event)
		}
		if err := s.Date.Validate(); err != nil || s.Date.Precision() != "day" {
			t.Errorf("date %v: %v", s.Date, err)
		}
		if len(s.Paragraphs) == 0 {
			t.Errorf("no paragraphs")
		}
		n := utf8.RuneCountInString(s.Text)
		for i, p := range s.Paragraphs {
			if p.Span.Start < 0 || p.Span.End > n || p.Span.Len() <= 0 {
				t.Errorf("paragraph %d: span %v outside a text of %d characters", i, p.Span, n)
			}
		}
		checkText(t, s)
		if format, ok := Detect(raw); !ok || format != s.Format {
			t.Errorf("Parse read it as %s, Detect says %q, %v", s.Format, format, ok)
		}
	})
}
