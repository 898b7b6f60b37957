package graph

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestAnExportImportsIntoAnEqualGraph(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		src := storeWith(t, b, kzFR(), kzEN(), mm())
		var buf bytes.Buffer
		if err := src.ExportNQuads(ctx, &buf); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
			if !strings.HasSuffix(line, "> .") || !strings.Contains(line, "<urn:uuid:") {
				t.Fatalf("not an N-Quad with a document label: %s", line)
			}
		}
		if !strings.Contains(buf.String(), `<https://eurel.eu/ns#name> "Kazakhstan"@fr`) {
			t.Errorf("names are not language-tagged literals")
		}

		dst := b.open(t)
		put(t, dst, kzFR()) // imported documents replace what the store holds under their labels
		docs, quads, err := dst.ImportNQuads(ctx, bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if docs != 3 || quads != strings.Count(buf.String(), "\n") {
			t.Errorf("ImportNQuads = %d docs, %d quads", docs, quads)
		}
		sameGraph(t, dst, src)
		if res := put(t, dst, kzEN()); res.Status != PutUnchanged {
			t.Errorf("Put of an imported document = %s, want unchanged", res.Status)
		}
		// Importing again changes nothing.
		if _, _, err := dst.ImportNQuads(ctx, bytes.NewReader(buf.Bytes())); err != nil {
			t.Fatal(err)
		}
		sameGraph(t, dst, src)
		recs, err := dst.Resolutions(ctx, []ID{ResolutionID("2021/2544(RSP)")})
		if err != nil || recs[0] == nil || recs[0].Vote.For != 634 {
			t.Errorf("imported resolution = %+v, %v", recs[0], err)
		}
	})
}

func TestImportRefusesQuadsWithoutADocumentLabel(t *testing.T) {
	s := openStore(t, Config{Backend: BackendMemory})
	in := "<urn:uuid:1> <https://eurel.eu/ns#kind> \"Country\" .\n"
	if _, _, err := s.ImportNQuads(context.Background(), strings.NewReader(in)); err == nil {
		t.Error("a quad without a label was imported")
	}
	if export(t, s) != "" {
		t.Error("a failed import wrote something")
	}
}
