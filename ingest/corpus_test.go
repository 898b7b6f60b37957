package ingest

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/internal/corpus"
)

// corpusFate is what becomes of one file of the corpus: a Document of a kind under a key, or
// a refusal whose reason contains refused.
type corpusFate struct {
	kind    graph.DocumentKind
	key     string
	refused string
}

// corpusFates lists every file of the corpus. A file the corpus gains must be added here: no
// file is silently skipped.
var corpusFates = map[string]corpusFate{
	"README.md": {refused: "no `reference - date - event` line after the title"},

	"oeil-summary/1651118.en.html":      {kind: graph.DocOEILSummary, key: "oeil-summary/2021/2540(RSP)/Text adopted by Parliament, single reading/en"},
	"oeil-summary/1864147.en.html":      {kind: graph.DocOEILSummary, key: "oeil-summary/2023/0321(CNS)/Text adopted by Parliament, 1st reading/single reading/en"},
	"oeil-summary/2021-2544-RSP.fr.txt": {kind: graph.DocOEILSummary, key: "oeil-summary/2021/2544(RSP)/Text adopted by Parliament, single reading/fr"},

	"oeil-procedure/2020-2042-ini.en.html": {kind: graph.DocOEILProcedureFile, key: "oeil-procedure/2020/2042(INI)"},
	"oeil-procedure/2021-2540-rsp.en.html": {kind: graph.DocOEILProcedureFile, key: "oeil-procedure/2021/2540(RSP)"},
	"oeil-procedure/2022-0377-nle.en.html": {kind: graph.DocOEILProcedureFile, key: "oeil-procedure/2022/0377(NLE)"},
	"oeil-procedure/2022-2201-ini.en.html": {kind: graph.DocOEILProcedureFile, key: "oeil-procedure/2022/2201(INI)"},
	"oeil-procedure/2022-2852-rsp.en.html": {kind: graph.DocOEILProcedureFile, key: "oeil-procedure/2022/2852(RSP)"},
	"oeil-procedure/2023-2019-ini.en.html": {kind: graph.DocOEILProcedureFile, key: "oeil-procedure/2023/2019(INI)"},
	"oeil-procedure/2024-0258-cod.en.html": {kind: graph.DocOEILProcedureFile, key: "oeil-procedure/2024/0258(COD)"},
	"oeil-procedure/2024-2006-reg.en.html": {kind: graph.DocOEILProcedureFile, key: "oeil-procedure/2024/2006(REG)"},
	"oeil-procedure/2025-0229-nle.en.html": {kind: graph.DocOEILProcedureFile, key: "oeil-procedure/2025/0229(NLE)"},

	"doceo/RC-10-2025-0249_EN.html": {kind: graph.DocJointMotion, key: "doceo/RC-B10-0249/2025/en"},
	"doceo/A-9-2024-0163_EN.html":   {kind: graph.DocOther, key: "doceo/A9-0163/2024/en"},

	"odp/odp-document_a-9-2024-0163.json":   {kind: graph.DocODPRecord, key: "odp/eli/dl/doc/A-9-2024-0163"},
	"odp/odp-document_rc-10-2025-0249.json": {kind: graph.DocODPRecord, key: "odp/eli/dl/doc/RC-10-2025-0249"},
	"odp/odp-document_rc-9-2021-0068.json":  {kind: graph.DocODPRecord, key: "odp/eli/dl/doc/RC-9-2021-0068"},
	"odp/odp-procedure_2007-0181.json":      {kind: graph.DocODPRecord, key: "odp/eli/dl/proc/2007-0181"},
	"odp/odp-procedure_2016-0132.json":      {kind: graph.DocODPRecord, key: "odp/eli/dl/proc/2016-0132"},
	"odp/odp-procedure_2018-2070.json":      {kind: graph.DocODPRecord, key: "odp/eli/dl/proc/2018-2070"},
	"odp/odp-procedure_2024-2006.json":      {kind: graph.DocODPRecord, key: "odp/eli/dl/proc/2024-2006"},
	"odp/odp-procedure_2025-0260.json":      {kind: graph.DocODPRecord, key: "odp/eli/dl/proc/2025-0260"},
	"odp/odp-procedure_2025-0581.json":      {kind: graph.DocODPRecord, key: "odp/eli/dl/proc/2025-0581"},
	"odp/odp-procedure_2025-2691.json":      {kind: graph.DocODPRecord, key: "odp/eli/dl/proc/2025-2691"},

	"expected/1651118.en.json":         {refused: notODP},
	"expected/1864147.en.json":         {refused: notODP},
	"expected/2021-2544-RSP.fr.json":   {refused: notODP},
	"expected/RC-10-2025-0249_EN.json": {refused: notODP},
	"reference/countries.json":         {refused: notODP},
	"reference/groups.json":            {refused: notODP},
	"reference/oeil_subjects.json":     {refused: notODP},
}

const notODP = "JSON data, but not a European Parliament Open Data Portal record"

// TestEveryCorpusFileIsIngestedOrRefusedWithAReason reads every file of the corpus: each is
// either a valid Document of its kind under its key, or refused with the reason the table
// says.
func TestEveryCorpusFileIsIngestedOrRefusedWithAReason(t *testing.T) {
	dir := corpus.Dir(t)
	seen := map[string]bool{}
	keys := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		rel = filepath.ToSlash(rel)
		seen[rel] = true
		want, ok := corpusFates[rel]
		if !ok {
			t.Errorf("%s: the corpus holds a file the test does not know; say in corpusFates what becomes of it", rel)
			return nil
		}
		t.Run(rel, func(t *testing.T) {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			p, err := ParseFull(context.Background(), raw, rel, nil)
			if want.refused != "" {
				var ie *Error
				if !errors.As(err, &ie) || !errors.Is(err, graph.ErrBadInput) || ie.Name != rel || !strings.Contains(ie.Reason, want.refused) {
					t.Fatalf("error %v, want a refusal of %s saying %q", err, rel, want.refused)
				}
				return
			}
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			doc := p.Document
			if doc.Source.Kind != want.kind || doc.Source.Key != want.key {
				t.Errorf("kind %s, key %q; want %s, %q", doc.Source.Kind, doc.Source.Key, want.kind, want.key)
			}
			if err := doc.Validate(); err != nil {
				t.Errorf("the store would refuse it: %v", err)
			}
			if doc.Source.Name != rel || len(doc.Source.SHA256) != 64 || doc.Source.IngestedAt.IsZero() {
				t.Errorf("source not described: %+v", doc.Source)
			}
			checkEvidence(t, doc)
			checkParsed(t, p)
			if r := doc.Resolution; r != nil {
				_, suffix, _ := strings.Cut(r.Reference, "(")
				if want := strings.TrimSuffix(suffix, ")"); r.ProcedureType != want || want == "" {
					t.Errorf("procedure type %q, want %q from the reference %s", r.ProcedureType, want, r.Reference)
				}
			}
			if other, dup := keys[doc.Source.Key]; dup {
				t.Errorf("%s has the key of %s", rel, other)
			}
			keys[doc.Source.Key] = rel
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for rel := range corpusFates {
		if !seen[rel] {
			t.Errorf("%s is in the table but not in the corpus", rel)
		}
	}
}

// checkParsed checks that ParseFull returns the parser's record of the text's format, and
// only that one.
func checkParsed(t *testing.T, p *Parsed) {
	t.Helper()
	set := 0
	for _, ok := range []bool{p.Summary != nil, p.Procedure != nil, p.Doceo != nil, p.ODP != nil} {
		if ok {
			set++
		}
	}
	want := map[graph.DocumentKind]bool{
		graph.DocOEILSummary:       p.Summary != nil,
		graph.DocOEILProcedureFile: p.Procedure != nil,
		graph.DocJointMotion:       p.Doceo != nil,
		graph.DocMotion:            p.Doceo != nil,
		graph.DocTextAdopted:       p.Doceo != nil,
		graph.DocOther:             p.Doceo != nil,
		graph.DocODPRecord:         p.ODP != nil,
	}
	if set != 1 || !want[p.Document.Source.Kind] {
		t.Errorf("a %s gave %d parser records: %+v", p.Document.Source.Kind, set, p)
	}
}

// TestProcedureFilesGiveTheirCountriesAndSubjects: the procedure file is the authority on
// the countries a resolution concerns (EU Member States included) and on its OEIL subjects.
func TestProcedureFilesGiveTheirCountriesAndSubjects(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		countries []string
		topics    []string
		adopted   string
	}{
		{"Myanmar is the country of 2021/2540(RSP), under subjects 6.10.04 and 6.10.08", "2021-2540-rsp.en.html",
			[]string{"MM"}, []string{"oeil-subject:6.10.04", "oeil-subject:6.10.08"}, "2021-02-11"},
		{"Kosovo under UNSCR 1244/1999 is Kosovo", "2022-2201-ini.en.html", []string{"XK"}, []string{"oeil-subject:8.20"}, "2023-05-10"},
		{"Bulgaria and Romania are two countries the Schengen resolution concerns", "2022-2852-rsp.en.html",
			[]string{"BG", "RO"}, []string{"oeil-subject:7.10.02"}, "2022-10-18"},
		{"a rejected report concerns no country and was adopted never", "2020-2042-ini.en.html",
			nil, []string{"oeil-subject:3.70.03", "oeil-subject:6.30", "oeil-subject:6.40.12"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(corpus.Dir(t), "oeil-procedure", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(context.Background(), raw, tt.file, nil)
			if err != nil {
				t.Fatal(err)
			}
			var countries, topics []string
			for _, c := range doc.Countries {
				if c.Role != graph.RoleConcerns {
					t.Errorf("%s is %s, want CONCERNS", c.Code, c.Role)
				}
				if q, _ := graph.Quote(doc.Source.Text, c.Evidence); q == "" {
					t.Errorf("%s has no evidence", c.Code)
				}
				countries = append(countries, c.Code)
			}
			for _, tp := range doc.Topics {
				topics = append(topics, tp.Key)
			}
			if !slices.Equal(countries, tt.countries) || !slices.Equal(topics, tt.topics) || doc.Resolution.Adopted.String() != tt.adopted {
				t.Errorf("countries %v, topics %v, adopted %q; want %v, %v, %q", countries, topics, doc.Resolution.Adopted, tt.countries, tt.topics, tt.adopted)
			}
			if !slices.Equal(doc.Resolution.Subjects, tt.topics) {
				t.Errorf("resolution subjects %v, want %v", doc.Resolution.Subjects, tt.topics)
			}
			if want := strings.ToUpper(strings.Split(strings.TrimSuffix(tt.file, ".en.html"), "-")[2]); doc.Resolution.ProcedureType != want {
				t.Errorf("procedure type %q, want %q", doc.Resolution.ProcedureType, want)
			}
			for _, tp := range doc.Topics {
				if q, _ := graph.Quote(doc.Source.Text, tp.Evidence); !strings.Contains(q, strings.TrimPrefix(tp.Key, SubjectTopicPrefix)) || tp.Names["en"] == "" {
					t.Errorf("topic %s: evidence %q, names %v; want its line and an English name", tp.Key, q, tp.Names)
				}
			}
		})
	}
}

// TestTheMyanmarSummaryAndProcedureFileDescribeOneResolution: both texts name the same
// procedure and country, so that the store can merge them into one resolution with two
// sources; they are two documents.
func TestTheMyanmarSummaryAndProcedureFileDescribeOneResolution(t *testing.T) {
	dir := corpus.Dir(t)
	var docs []*graph.Document
	for _, f := range []string{"oeil-summary/1651118.en.html", "oeil-procedure/2021-2540-rsp.en.html"} {
		raw, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Parse(context.Background(), raw, f, nil)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	s, p := docs[0], docs[1]
	if s.Resolution.Reference != p.Resolution.Reference || s.Resolution.Adopted != p.Resolution.Adopted || s.Resolution.Title != p.Resolution.Title {
		t.Errorf("summary %+v, procedure file %+v", s.Resolution, p.Resolution)
	}
	if s.Source.Key == p.Source.Key {
		t.Error("two texts share a key")
	}
	for _, d := range docs {
		if len(d.Countries) != 1 || d.Countries[0].Code != "MM" || d.Countries[0].Role != graph.RoleConcerns {
			t.Errorf("%s: countries %+v", d.Source.Key, d.Countries)
		}
	}
}

// TestODPRecordsNameTheirProcedure: a record of a document or procedure is about the
// resolution of its procedure; a procedure record gives its English title and the date of
// its last decision on a text adopted.
func TestODPRecordsNameTheirProcedure(t *testing.T) {
	tests := []struct {
		file, reference, title, adopted string
	}{
		{"odp-procedure_2025-2691.json", "2025/2691(RSP)", "Return of Ukrainian children forcibly transferred and deported by Russia", "2025-05-08"},
		{"odp-procedure_2025-0260.json", "2025/0260(COD)", "Non-application of customs duties on imports of certain goods", "2026-06-16"},
		{"odp-procedure_2007-0181.json", "2007/0181(NLE)", "Amendment of the Euro-Mediterranean Aviation Agreement between the EC and Morocco, to take account of the accession of Bulgaria and Romania to the EU", ""},
		{"odp-document_rc-10-2025-0249.json", "2025/2691(RSP)", "", ""},
		{"odp-document_rc-9-2021-0068.json", "2021/2505(RSP)", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(corpus.Dir(t), "odp", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(context.Background(), raw, tt.file, nil)
			if err != nil {
				t.Fatal(err)
			}
			r := doc.Resolution
			if r == nil || r.Reference != tt.reference || r.Title != tt.title || r.Adopted.String() != tt.adopted {
				t.Errorf("resolution %+v, want %s %q adopted %q", r, tt.reference, tt.title, tt.adopted)
			}
		})
	}
}

// TestTextsOfNoFormatAreRefusedWithAReason: web pages and JSON that none of the formats is,
// and pages or records cut short, are refused naming the text.
func TestTextsOfNoFormatAreRefusedWithAReason(t *testing.T) {
	dir := corpus.Dir(t)
	half := func(rel string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		return b[:len(b)/2]
	}
	tests := []struct {
		name string
		raw  []byte
		says string
	}{
		{"a web page of another site", []byte("<!doctype html><html><head><title>Weather</title></head><body><p>Sunny.</p></body></html>"), "an HTML page, but none eurel reads"},
		{"JSON of another kind", []byte(`{"temperature": 21}`), notODP},
		{"a procedure file cut in half", half("oeil-procedure/2021-2540-rsp.en.html"), "the page stops before </html>: it looks cut short"},
		{"a joint motion cut in half", half("doceo/RC-10-2025-0249_EN.html"), "the page stops before </html>: it looks cut short"},
		{"an Open Data Portal record cut in half", half("odp/odp-procedure_2025-2691.json"), "the JSON stops before its end: it looks cut short"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(context.Background(), tt.raw, "input", nil)
			var ie *Error
			if !errors.As(err, &ie) || !errors.Is(err, graph.ErrBadInput) || ie.Name != "input" || !strings.Contains(ie.Reason, tt.says) {
				t.Errorf("error %v, want a refusal of input saying %q", err, tt.says)
			}
		})
	}
}
