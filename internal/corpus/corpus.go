// Package corpus locates the real corpus of European Parliament texts (README.md in it says
// what each folder holds) for tests, benchmarks and fuzz seeds.
//
// The corpus lives outside the repository: at $EUREL_CORPUS when that is set, otherwise at
// shared/corpus in the directory that holds the repository (for a checkout at /work/main,
// /work/shared/corpus). Tests never edit it.
package corpus

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Env names the environment variable that points at the corpus directory.
const Env = "EUREL_CORPUS"

// ErrNotFound is returned by Find when EUREL_CORPUS is unset and no shared/corpus directory
// lies next to the repository.
var ErrNotFound = errors.New("corpus not found: set " + Env + " or place it at <repo>/../shared/corpus")

// Find returns the corpus directory. When EUREL_CORPUS is set it must name a directory, or
// Find returns an error saying so (a mistyped path is not silently ignored). Otherwise Find
// walks up from the working directory, looking for shared/corpus in each directory up to
// the parent of the module root (the first directory holding go.mod), and returns
// ErrNotFound when there is none.
func Find() (string, error) {
	if dir, ok := os.LookupEnv(Env); ok && dir != "" {
		fi, err := os.Stat(dir)
		if err != nil {
			return "", fmt.Errorf("%s=%s: %w", Env, dir, err)
		}
		if !fi.IsDir() {
			return "", fmt.Errorf("%s=%s: not a directory", Env, dir)
		}
		return dir, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("finding the corpus: %w", err)
	}
	rootSeen := false
	for dir := wd; ; dir = filepath.Dir(dir) {
		cand := filepath.Join(dir, "shared", "corpus")
		if fi, err := os.Stat(cand); err == nil && fi.IsDir() {
			return cand, nil
		}
		if rootSeen || dir == filepath.Dir(dir) {
			return "", ErrNotFound
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			rootSeen = true // look once more, next to the repository, then stop
		}
	}
}

// Dir returns the corpus directory for a test. When there is no corpus and EUREL_CORPUS is
// unset it skips the test, saying what is skipped; when EUREL_CORPUS is set but unusable it
// fails the test.
func Dir(t testing.TB) string {
	t.Helper()
	dir, err := Find()
	switch {
	case errors.Is(err, ErrNotFound):
		t.Skipf("skipping %s, which reads the real corpus: %v", t.Name(), err)
	case err != nil:
		t.Fatal(err)
	}
	return dir
}
