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
	"doceo/A-9-2024-0163_EN.html":   {kind: graph.DocReport, key: "doceo/A9-0163/2024/en"},

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
		graph.DocReport:            p.Doceo != nil,
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
		name        string
		file        string
		countries   []string
		topics      []string
		adopted     string
		textAdopted string // the text adopted the gateway lists and the decision's key event names
		documents   int    // rows of the documentation gateway with a distinct reference
		events      int
	}{
		{"Myanmar is the country of 2021/2540(RSP), under subjects 6.10.04 and 6.10.08", "2021-2540-rsp.en.html",
			[]string{"MM"}, []string{"oeil-subject:6.10.04", "oeil-subject:6.10.08"}, "2021-02-11", "T9-0054/2021", 7, 3},
		{"Kosovo under UNSCR 1244/1999 is Kosovo", "2022-2201-ini.en.html", []string{"XK"}, []string{"oeil-subject:8.20"}, "2023-05-10", "T9-0193/2023", 5, 6},
		{"Bulgaria and Romania are two countries the Schengen resolution concerns", "2022-2852-rsp.en.html",
			[]string{"BG", "RO"}, []string{"oeil-subject:7.10.02"}, "2022-10-18", "T9-0364/2022", 4, 3},
		{"a rejected report concerns no country and was adopted never", "2020-2042-ini.en.html",
			nil, []string{"oeil-subject:3.70.03", "oeil-subject:6.30", "oeil-subject:6.40.12"}, "", "", 6, 5},
		{"the EU-Brazil agreement's consent procedure concerns Brazil", "2022-0377-nle.en.html",
			[]string{"BR"}, []string{"oeil-subject:6.20.03", "oeil-subject:6.20.04"}, "2023-05-09", "T9-0126/2023", 6, 9},
		{"an own-initiative report on the single market concerns no country", "2023-2019-ini.en.html",
			nil, []string{"oeil-subject:2", "oeil-subject:3.30.25", "oeil-subject:3.45.05", "oeil-subject:3.50.15", "oeil-subject:4.60.06"},
			"2023-12-13", "T9-0473/2023", 7, 6},
		{"macro-financial assistance to Moldova concerns Moldova", "2024-0258-cod.en.html",
			[]string{"MD"}, []string{"oeil-subject:6.30.02", "oeil-subject:6.40.02", "oeil-subject:8.20.01", "oeil-subject:8.20.04"},
			"2025-03-11", "T10-0022/2025", 11, 14},
		{"a change to the Rules of Procedure concerns no country", "2024-2006-reg.en.html",
			nil, []string{"oeil-subject:8.40.01.08"}, "2024-04-24", "T9-0315/2024", 4, 5},
		{"a procedure awaiting its final decision is adopted by Parliament", "2025-0229-nle.en.html",
			nil, []string{"oeil-subject:3.30.06", "oeil-subject:3.30.07", "oeil-subject:8.40.08"}, "2025-12-17", "T10-0333/2025", 5, 5},
	}
	files, err := filepath.Glob(filepath.Join(corpus.Dir(t), "oeil-procedure", "*.html"))
	if err != nil || len(files) != len(tests) {
		t.Fatalf("%d procedure files in the corpus, %d in the table (%v): every one must be asserted", len(files), len(tests), err)
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
			parts := strings.Split(strings.TrimSuffix(tt.file, ".en.html"), "-")
			if want := parts[0] + "/" + parts[1] + "(" + strings.ToUpper(parts[2]) + ")"; doc.Resolution.Reference != want {
				t.Errorf("reference %q, want %q", doc.Resolution.Reference, want)
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
			if want := strings.ToUpper(parts[2]); doc.Resolution.ProcedureType != want {
				t.Errorf("procedure type %q, want %q", doc.Resolution.ProcedureType, want)
			}
			for _, tp := range doc.Topics {
				if q, _ := graph.Quote(doc.Source.Text, tp.Evidence); !strings.Contains(q, strings.TrimPrefix(tp.Key, SubjectTopicPrefix)) || tp.Names["en"] == "" {
					t.Errorf("topic %s: evidence %q, names %v; want its line and an English name", tp.Key, q, tp.Names)
				}
			}
			checkKeyEventsAndDocuments(t, doc, tt.textAdopted, tt.documents, tt.events)
		})
	}
}

// checkKeyEventsAndDocuments: the procedure's documents and key events are there, each with
// its line as evidence, and the text adopted is a TEXT_ADOPTED document that the decision's
// key event names.
func checkKeyEventsAndDocuments(t *testing.T, doc *graph.Document, textAdopted string, documents, events int) {
	t.Helper()
	if len(doc.ProcedureDocuments) != documents || len(doc.Events) != events {
		t.Errorf("%d documents and %d key events, want %d and %d", len(doc.ProcedureDocuments), len(doc.Events), documents, events)
	}
	for _, pd := range doc.ProcedureDocuments {
		if q, _ := graph.Quote(doc.Source.Text, pd.Evidence); !strings.Contains(q, pd.Reference) {
			t.Errorf("document %s: evidence %q does not name it", pd.Reference, q)
		}
	}
	for _, e := range doc.Events {
		if q, _ := graph.Quote(doc.Source.Text, e.Evidence); !strings.Contains(q, e.Name) || e.Date.Day == 0 {
			t.Errorf("event %s %q: evidence %q", e.Date, e.Name, q)
		}
	}
	if textAdopted == "" {
		return
	}
	i := slices.IndexFunc(doc.ProcedureDocuments, func(pd graph.ProcedureDocument) bool { return pd.Reference == textAdopted })
	if i < 0 || doc.ProcedureDocuments[i].Kind != graph.DocTextAdopted {
		t.Errorf("no TEXT_ADOPTED %s among %+v", textAdopted, doc.ProcedureDocuments)
	}
	if !slices.ContainsFunc(doc.Events, func(e graph.Event) bool {
		return strings.HasPrefix(e.Name, "Decision by Parliament") && e.Document == textAdopted
	}) {
		t.Errorf("no key event \"Decision by Parliament\" names %s: %+v", textAdopted, doc.Events)
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

// TestODPRecordsKeepTheirIdentifiersAndLinks: every record gives its procedure's ELI
// identifier, the documents it describes or links as OEIL references with their own ELI
// identifiers, and a joint motion the motions it replaces (is_derivative_of).
func TestODPRecordsKeepTheirIdentifiersAndLinks(t *testing.T) {
	tests := []struct {
		file, self, procedureELI string
		documents                []string // in the record's order; the record's own first
		replaces                 []string
	}{
		{"odp-document_a-9-2024-0163.json", "A9-0163/2024", "eli/dl/proc/2024-2006", []string{"A9-0163/2024"}, nil},
		{"odp-document_rc-10-2025-0249.json", "RC-B10-0249/2025", "eli/dl/proc/2025-2691",
			[]string{"RC-B10-0249/2025", "B10-0249/2025", "B10-0250/2025", "B10-0258/2025", "B10-0252/2025", "B10-0255/2025"},
			[]string{"B10-0249/2025", "B10-0250/2025", "B10-0258/2025", "B10-0252/2025", "B10-0255/2025"}},
		{"odp-document_rc-9-2021-0068.json", "RC-B9-0068/2021", "",
			[]string{"RC-B9-0068/2021", "B9-0069/2021", "B9-0087/2021", "B9-0068/2021", "B9-0071/2021", "B9-0070/2021"},
			[]string{"B9-0069/2021", "B9-0087/2021", "B9-0068/2021", "B9-0071/2021", "B9-0070/2021"}},
		{"odp-procedure_2007-0181.json", "", "eli/dl/proc/2007-0181", []string{"T9-0147/2020", "A6-0458/2007", "A9-0005/2020"}, nil},
		{"odp-procedure_2016-0132.json", "", "eli/dl/proc/2016-0132", []string{"C-10-2024-0015", "PE759.020", "PE597.583",
			"C-9-2020-0313", "SP-2024-377-TA-9-2024-0183", "PE597.620", "A8-0212/2017", "T9-0183/2024"}, nil},
		{"odp-procedure_2018-2070.json", "", "eli/dl/proc/2018-2070", []string{"A9-0261/2020", "T9-0358/2020", "C-9-2020-0155"}, nil},
		{"odp-procedure_2024-2006.json", "", "eli/dl/proc/2024-2006", []string{"PE759.748", "A9-0163/2024", "T9-0315/2024"}, nil},
		{"odp-procedure_2025-0260.json", "", "eli/dl/proc/2025-0260",
			[]string{"PE779.298", "T10-0197/2026", "A10-0070/2026", "T10-0097/2026", "PE778.167", "PE789.020"}, nil},
		{"odp-procedure_2025-0581.json", "", "eli/dl/proc/2025-0581", []string{"PE784.421", "A10-0160/2026", "T10-0212/2026"}, nil},
		{"odp-procedure_2025-2691.json", "", "eli/dl/proc/2025-2691", []string{"B10-0247/2025", "RC-B10-0249/2025", "B10-0249/2025",
			"B10-0250/2025", "B10-0252/2025", "B10-0258/2025", "B10-0255/2025", "T10-0096/2025"}, nil},
	}
	files, err := filepath.Glob(filepath.Join(corpus.Dir(t), "odp", "*.json"))
	if err != nil || len(files) != len(tests) {
		t.Fatalf("%d ODP records in the corpus, %d in the table (%v): every one must be asserted", len(files), len(tests), err)
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(corpus.Dir(t), "odp", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			p, err := ParseFull(context.Background(), raw, tt.file, nil)
			if err != nil {
				t.Fatal(err)
			}
			doc := p.Document
			if doc.Source.Document != tt.self || doc.Resolution == nil || doc.Resolution.ELI != tt.procedureELI {
				t.Errorf("document %q, resolution %+v; want %q and procedure %q", doc.Source.Document, doc.Resolution, tt.self, tt.procedureELI)
			}
			var refs []string
			for _, pd := range doc.ProcedureDocuments {
				refs = append(refs, pd.Reference)
				if !strings.HasPrefix(pd.ELI, "eli/dl/doc/") {
					t.Errorf("%s has no ELI identifier: %q", pd.Reference, pd.ELI)
				}
				if q, _ := graph.Quote(doc.Source.Text, pd.Evidence); q == "" {
					t.Errorf("%s has no evidence", pd.Reference)
				}
			}
			if !slices.Equal(refs, tt.documents) {
				t.Errorf("documents %q, want %q", refs, tt.documents)
			}
			if tt.self != "" {
				own := doc.ProcedureDocuments[0]
				if own.ELI != "eli/dl/doc/"+p.ODP.Identifier || own.Date != p.ODP.Date || !slices.Equal(own.Replaces, tt.replaces) {
					t.Errorf("the record's own document %+v: want ELI %s, date %s, replacing %q", own, p.ODP.Identifier, p.ODP.Date, tt.replaces)
				}
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
