package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/internal/corpus"
)

// FuzzParse runs the whole pipeline, format detection to extraction, on arbitrary bytes: it
// must never panic, must refuse with a bad-input error naming the text, and whatever it
// accepts must be a Document the store would accept.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("oeil", "testdata", "*"))
	for _, pkg := range []string{"procedure", "doceo", "odp"} { // pages written for the tests of each format: small seeds
		more, _ := filepath.Glob(filepath.Join(pkg, "testdata", "*.*"))
		seeds = append(seeds, more...)
	}
	if dir, err := corpus.Find(); err == nil {
		more, _ := filepath.Glob(filepath.Join(dir, "oeil-summary", "*"))
		seeds = append(seeds, more...)
	}
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("Title\n\n2021/2544(RSP) - 11/02/2021 - Text adopted by Parliament, single reading\n\nThe European Parliament calls on the Council to act.\n"))
	at := func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }
	f.Fuzz(func(t *testing.T, raw []byte) {
		doc, err := Parse(context.Background(), raw, "fuzz.txt", at)
		if err != nil {
			var ie *Error
			if !errors.As(err, &ie) || !errors.Is(err, graph.ErrBadInput) || ie.Name != "fuzz.txt" || ie.Reason == "" {
				t.Fatalf("refusal %v is not a named bad-input error", err)
			}
			return
		}
		if err := doc.Validate(); err != nil {
			t.Fatalf("accepted a document the store refuses: %v", err)
		}
	})
}
