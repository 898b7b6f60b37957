package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eurel/eurel/internal/corpus"
)

// eurel runs the command in-process and returns its exit code, stdout and stderr.
func eurel(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// export dumps the store as N-Quads, sorted, for comparing graphs.
func export(t *testing.T, store string) string {
	t.Helper()
	code, out, errOut := eurel(t, "", "export", "--store", store)
	if code != exitOK {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

func TestIngestTheCorpusSummariesThenAgainChangesNothing(t *testing.T) {
	summaries := filepath.Join(corpus.Dir(t), "oeil-summary")
	store := t.TempDir()
	code, out, errOut := eurel(t, "", "ingest", "--store", store, summaries)
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	for _, ref := range []string{"2021/2540(RSP) en", "2023/0321(CNS) en", "2021/2544(RSP) fr"} {
		if !strings.Contains(out, "added     "+ref) {
			t.Errorf("no 'added %s' line in:\n%s", ref, out)
		}
	}
	if !strings.Contains(errOut, "3 texts") || !strings.Contains(errOut, "3 added") {
		t.Errorf("summary line: %q", errOut)
	}
	// The first load into the empty store did not wait for the disk at each batch; it
	// synced at its end and left no mark.
	if marks, _ := filepath.Glob(filepath.Join(store, "initial-load*")); len(marks) > 0 {
		t.Errorf("the initial load left its mark: %v", marks)
	}
	before := export(t, store)
	if strings.Count(before, "\n") < 100 {
		t.Fatalf("export has only %d quads", strings.Count(before, "\n")+1)
	}

	code, out, _ = eurel(t, "", "ingest", "--store", store, summaries)
	if code != exitOK || strings.Count(out, "unchanged ") != 3 {
		t.Errorf("second ingest: exit %d\n%s", code, out)
	}
	if after := export(t, store); after != before {
		t.Error("ingesting the same texts again changed the graph")
	}
}

func TestIngestRefusesBadTextsNamingThemAndKeepsTheRest(t *testing.T) {
	dir := corpus.Dir(t)
	good := filepath.Join(dir, "oeil-summary", "2021-2544-RSP.fr.txt")
	page, err := os.ReadFile(filepath.Join(dir, "oeil-summary", "1651118.en.html"))
	if err != nil {
		t.Fatal(err)
	}
	in := t.TempDir()
	bad := map[string][]byte{
		"empty.txt":     nil,
		"binary.bin":    {0, 1, 2, 3, 0xff, 0xfe, 0, 0},
		"truncated.htm": page[:len(page)/2],
		"spanish.txt":   []byte("Resolución sobre la situación en Myanmar\n\n2021/2540(RSP) - 11/02/2021 - Texto aprobado por el Parlamento, lectura única\n\nEl Parlamento Europeo aprobó por 667 votos a favor, 1 en contra y 27 abstenciones una resolución sobre la situación en Myanmar. El Parlamento condena el golpe militar y pide a las fuerzas armadas que liberen a todos los detenidos.\n"),
		"title.txt":     []byte("Resolution on the situation in Myanmar\n"),
	}
	for name, b := range bad {
		if err := os.WriteFile(filepath.Join(in, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	alone := t.TempDir()
	if code, out, errOut := eurel(t, "", "ingest", "--store", alone, good); code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	store := t.TempDir()
	code, out, errOut := eurel(t, "", "ingest", "--store", store, good, in, filepath.Join(in, "missing.txt"))
	if code != exitFail {
		t.Errorf("exit %d, want %d", code, exitFail)
	}
	for name := range bad {
		if !strings.Contains(out, "refused   "+filepath.Join(in, name)+": ") {
			t.Errorf("%s is not reported as refused:\n%s", name, out)
		}
	}
	if !strings.Contains(out, "missing.txt: stat: no such file") {
		t.Errorf("the missing file is not reported:\n%s", out)
	}
	if !strings.Contains(errOut, "6 refused") || !strings.Contains(errOut, "1 added") {
		t.Errorf("summary line: %q", errOut)
	}
	if withoutIngestTimes(export(t, store)) != withoutIngestTimes(export(t, alone)) {
		t.Error("refused texts left something in the graph")
	}
}

func TestIngestJSONWritesOneObjectPerText(t *testing.T) {
	summaries := filepath.Join(corpus.Dir(t), "oeil-summary")
	code, out, _ := eurel(t, "", "ingest", "--json", "--store", t.TempDir(), summaries, filepath.Join(summaries, "..", "README.md"))
	if code != exitFail {
		t.Errorf("exit %d, want %d (README.md is refused)", code, exitFail)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines, want 4:\n%s", len(lines), out)
	}
	statuses := map[string]int{}
	for _, l := range lines {
		var r fileResult
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		statuses[r.Status]++
		if r.Status == "added" && (r.Reference == "" || r.Document == "" || r.Counts == nil || r.Counts.Quads == 0) {
			t.Errorf("incomplete result: %s", l)
		}
		if r.Status == "refused" && (r.Error == "" || !strings.HasSuffix(r.File, "README.md")) {
			t.Errorf("refusal without file or reason: %s", l)
		}
	}
	if statuses["added"] != 3 || statuses["refused"] != 1 {
		t.Errorf("statuses %v", statuses)
	}
}

func TestIngestReadsStandardInput(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(corpus.Dir(t), "oeil-summary", "2021-2544-RSP.fr.txt"))
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := eurel(t, string(raw), "ingest", "--store", t.TempDir(), "-")
	if code != exitOK || !strings.Contains(out, "added     2021/2544(RSP) fr -:") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{nil, {"frobnicate"}, {"ingest"}, {"ingest", "--no-such-flag", "x"}, {"serve", "extra"}} {
		if code, _, _ := eurel(t, "", args...); code != exitUsage {
			t.Errorf("eurel %v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

func TestIngestSaysSoWhenTheStoreIsInUse(t *testing.T) {
	store := t.TempDir()
	st, err := openStore(context.Background(), store)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	code, _, errOut := eurel(t, "", "ingest", "--store", store, "-")
	if code != exitFail || !strings.Contains(errOut, "in use") {
		t.Errorf("exit %d, stderr %q; want 1 and a message saying the store is in use", code, errOut)
	}
}

func TestExportThenImportGivesTheSameGraph(t *testing.T) {
	from, to := t.TempDir(), t.TempDir()
	if code, out, errOut := eurel(t, "", "ingest", "--store", from, filepath.Join(corpus.Dir(t), "oeil-summary")); code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	nquads := export(t, from)
	code, _, errOut := eurel(t, nquads+"\n", "import", "--store", to, "-")
	if code != exitOK || !strings.Contains(errOut, "of 3 documents") {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	if export(t, to) != nquads {
		t.Error("the imported graph differs from the exported one")
	}
	if code, _, _ := eurel(t, "", "import", "--store", to); code != exitUsage {
		t.Errorf("import without a file: exit %d, want %d", code, exitUsage)
	}
}
