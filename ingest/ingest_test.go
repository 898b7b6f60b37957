package ingest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/internal/corpus"
)

// TestEverySummaryIngests parses every file of the corpus's OEIL summaries.
func TestEverySummaryIngests(t *testing.T) {
	dir := filepath.Join(corpus.Dir(t), "oeil-summary")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Run(e.Name(), func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(context.Background(), raw, e.Name(), nil)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if doc.Resolution == nil || doc.Resolution.Reference == "" || doc.Source.Key == "" {
				t.Fatalf("no resolution or source key: %+v", doc.Resolution)
			}
			if doc.Source.Name != e.Name() || len(doc.Source.SHA256) != 64 || doc.Source.IngestedAt.IsZero() {
				t.Errorf("source not described: %+v", doc.Source)
			}
		})
	}
}

// TestParseIsDeterministic: the same bytes give the same Document, but for the ingest time.
func TestParseIsDeterministic(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(corpus.Dir(t), "oeil-summary", "2021-2544-RSP.fr.txt"))
	if err != nil {
		t.Fatal(err)
	}
	at := func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }
	a, err := Parse(context.Background(), raw, "a", at)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse(context.Background(), raw, "a", at)
	if err != nil {
		t.Fatal(err)
	}
	if !equalDocs(a, b) {
		t.Error("two parses of the same text differ")
	}
}

// TestBadInputIsRefused: each kind of bad text is refused with an error that names the text
// and says what is wrong, wrapping graph.ErrBadInput.
func TestBadInputIsRefused(t *testing.T) {
	huge := bytes.Repeat([]byte("The European Parliament adopted a resolution. "), 50<<20/46+1)
	cases := []struct {
		name string
		text []byte
		says string
	}{
		{"an empty text", nil, "empty"},
		{"a text of blanks", []byte(" \n\t\n "), "empty"},
		{"binary data", []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d, 0xff, 0xfe}, "binary"},
		{"a 50 MB text", huge, "limit"},
		{"a title alone", []byte("Resolution on the situation in Myanmar\n"), "reference"},
		{"a summary without its reference line", []byte("Resolution on the situation in Myanmar\n\nThe European Parliament adopted by 667 votes to 1, with 27 abstentions, a resolution on the situation in Myanmar.\n"), "reference"},
		{"a Spanish summary", []byte("Resolución sobre la situación en Myanmar\n\n2021/2540(RSP) - 11/02/2021 - Texto aprobado por el Parlamento, lectura única\n\nEl Parlamento Europeo aprobó por 667 votos a favor, 1 en contra y 27 abstenciones una resolución sobre la situación en Myanmar. El Parlamento condena el golpe militar y pide a las fuerzas armadas que liberen a todos los detenidos y que respeten el resultado de las elecciones.\n"), "language"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Parse(context.Background(), c.text, "input.txt", nil)
			if err == nil {
				t.Fatalf("accepted: %+v", doc.Resolution)
			}
			if !errors.Is(err, graph.ErrBadInput) {
				t.Errorf("error %v does not wrap ErrBadInput", err)
			}
			if msg := err.Error(); !strings.Contains(msg, "input.txt") || !strings.Contains(strings.ToLower(msg), c.says) {
				t.Errorf("error %q should name input.txt and say %q", msg, c.says)
			}
		})
	}
}

// TestTruncatedPageIsRefused cuts a real OEIL page in half.
func TestTruncatedPageIsRefused(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(corpus.Dir(t), "oeil-summary", "1651118.en.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, cut := range []int{len(raw) / 8, len(raw) / 2} {
		_, err := Parse(context.Background(), raw[:cut], "page.html", nil)
		if !errors.Is(err, graph.ErrBadInput) || !strings.Contains(err.Error(), "cut short") {
			t.Errorf("page cut at %d bytes: error %v, want a refusal saying it looks cut short", cut, err)
		}
	}
}

func equalDocs(a, b *graph.Document) bool {
	var ba, bb bytes.Buffer
	for _, p := range []struct {
		d *graph.Document
		w *bytes.Buffer
	}{{a, &ba}, {b, &bb}} {
		if err := encodeDoc(p.w, p.d); err != nil {
			return false
		}
	}
	return ba.String() == bb.String()
}
