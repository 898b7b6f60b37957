// Package inputtest holds the test scaffolding the parsers of ingest/doceo, ingest/odp and
// ingest/procedure share: reading their test inputs, checking how they refuse an input,
// seeding their fuzz tests and benchmarking them on the corpus. Only tests import it.
package inputtest

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/internal/input"
	"github.com/eurel/eurel/internal/corpus"
)

// ReadCorpus reads a file of the real corpus, skipping the test when there is no corpus.
func ReadCorpus(t testing.TB, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpus.Dir(t), rel))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// ReadTestdata reads an input written for the tests of a package, in its testdata directory.
func ReadTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Lit is an input given as a literal, for a table of inputs built by tests.
func Lit(s string) func(*testing.T) []byte {
	return func(*testing.T) []byte { return []byte(s) }
}

// Edited is an input read from testdata/name (see ReadTestdata) with each pair of strings
// (old, new) applied in turn: every occurrence of old becomes new. The test fails if an
// old string is not there, so an edit can never silently leave the input as it was.
func Edited(name string, pairs ...string) func(*testing.T) []byte {
	return func(t *testing.T) []byte {
		b := ReadTestdata(t, name)
		for i := 0; i+1 < len(pairs); i += 2 {
			if !bytes.Contains(b, []byte(pairs[i])) {
				t.Fatalf("testdata/%s has no %q", name, pairs[i])
			}
			b = bytes.ReplaceAll(b, []byte(pairs[i]), []byte(pairs[i+1]))
		}
		return b
	}
}

// CorpusFile is an input read from the corpus (see ReadCorpus), for a table of inputs.
func CorpusFile(rel string) func(*testing.T) []byte {
	return func(t *testing.T) []byte { return ReadCorpus(t, rel) }
}

// Refused checks that a parser refused an input (err, having returned got) with an
// *input.Error of a kind, wrapping graph.ErrBadInput, whose message says reason.
func Refused(t *testing.T, got any, err, kind error, reason string) {
	t.Helper()
	if err == nil {
		t.Fatalf("Parse accepted it: %+v", got)
	}
	var e *input.Error
	if !errors.As(err, &e) || !errors.Is(err, kind) || !errors.Is(err, graph.ErrBadInput) {
		t.Errorf("error %v (%T) is not an *Error of kind %v wrapping graph.ErrBadInput", err, err, kind)
	}
	if !strings.Contains(err.Error(), reason) {
		t.Errorf("reason %q, want it to say %q", err, reason)
	}
}

// RefusedBeforeLooking checks that parse refuses raw, an input over its 10 MiB limit of 50
// MiB, for its size alone, with the few allocations that building the message takes:
// processing the text would take many more.
func RefusedBeforeLooking(t *testing.T, raw []byte, parse func([]byte) error) {
	t.Helper()
	var err error
	allocs := testing.AllocsPerRun(5, func() { err = parse(raw) })
	if !errors.Is(err, input.ErrTooLarge) || err.Error() != "text of 52428800 bytes exceeds the 10 MiB limit" {
		t.Fatalf("error %v, want the size limit", err)
	}
	if allocs > 10 {
		t.Errorf("refusing it took %v allocations: it was processed", allocs)
	}
}

// CheckRefusal fails a fuzz test when a refusal is not an *input.Error with a kind and a
// reason wrapping graph.ErrBadInput.
func CheckRefusal(t *testing.T, err error) {
	t.Helper()
	var e *input.Error
	if !errors.As(err, &e) || e.Reason == "" || e.Kind == nil || !errors.Is(err, graph.ErrBadInput) {
		t.Fatalf("refusal %#v is not an *Error with a kind and a reason", err)
	}
}

// AddSeeds seeds a fuzz test with the inputs written for the tests (testdata files matching
// pattern) and, when the corpus is there, the files of its directory dir, each made small
// by small.
func AddSeeds(f *testing.F, pattern, dir string, small func([]byte) []byte) {
	f.Helper()
	seeds, _ := filepath.Glob(filepath.Join("testdata", pattern))
	switch root, err := corpus.Find(); {
	case err == nil:
		files, _ := filepath.Glob(filepath.Join(root, dir, "*"))
		seeds = append(seeds, files...)
	case !errors.Is(err, corpus.ErrNotFound):
		f.Fatal(err)
	}
	for _, name := range seeds {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(small(b))
	}
}

// Benchmark parses the files of the corpus directory dir in turn, reporting documents per
// second next to bytes per second; what names them in the failure when there is none.
func Benchmark(b *testing.B, dir, what string, parse func([]byte) error) {
	b.Helper()
	files, err := filepath.Glob(filepath.Join(corpus.Dir(b), dir, "*"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no %s in the corpus: %v", what, err)
	}
	var docs [][]byte
	size := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs, size = append(docs, raw), size+len(raw)
	}
	b.Run("all", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range docs {
				if err := parse(d); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "docs/s")
	})
}
