package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eurel/eurel/internal/synth"
)

// TestRun writes a small corpus and says so on one line; the same flags write the same files.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	var out, errs bytes.Buffer
	args := []string{"--seed", "4", "--n", "1001", "--french", "0", "--html", "1", "--boilerplate", dir}
	if code := run(args, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if !strings.HasPrefix(out.String(), "eurel-synth: 1001 files, ") || strings.Count(out.String(), "\n") != 1 {
		t.Errorf("output %q, want one summary line", out.String())
	}
	g := synth.New(synth.Config{Seed: 4, N: 1001, FrenchShare: -1, HTMLShare: 1, PageBoilerplate: true})
	name, raw := g.Summary(1000)
	got, err := os.ReadFile(filepath.Join(dir, "001", name))
	if err != nil || !bytes.Equal(got, raw) {
		t.Errorf("%s: not what the generator makes (%v)", name, err)
	}
	if !strings.HasSuffix(name, ".en.html") || len(raw) < 45_000 {
		t.Errorf("%s of %d bytes: want an English page with boilerplate", name, len(raw))
	}
}

// TestUsage refuses bad command lines with status 2 and a reason.
func TestUsage(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"a", "b"},
		{"--n", "0", "dir"},
		{"--french", "2", "dir"},
		{"--html", "-1", "dir"},
		{"--from", "2020", "--to", "2019", "dir"},
		{"--n", "100000", "--from", "2024", "--to", "2024", "dir"},
		{"--nope", "dir"},
	} {
		var out, errs bytes.Buffer
		if code := run(args, &out, &errs); code != 2 || errs.Len() == 0 || out.Len() != 0 {
			t.Errorf("%q: exit %d, stderr %q, stdout %q; want 2 and a reason", args, code, errs.String(), out.String())
		}
	}
}
