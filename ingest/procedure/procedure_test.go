package procedure

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/internal/input/inputtest"
	"github.com/eurel/eurel/internal/corpus"
)

// want is what a test expects of a procedure file, read off the page by a person.
type want struct {
	reference, typ, typeName, title string
	countries                       []string
	subjects                        []string // codes
	events                          int
	documents                       int
}

func TestParseReadsEveryProcedureFileOfTheCorpus(t *testing.T) {
	tests := []struct {
		name string
		file string
		want want
	}{
		{"an own-initiative report on climate change concerns no country", "2020-2042-ini.en.html", want{
			"2020/2042(INI)", "INI", "Own-initiative procedure", "The impacts of climate change on vulnerable populations in developing countries",
			nil, []string{"3.70.03", "6.30", "6.40.12"}, 5, 6}},
		{"the Myanmar resolution concerns Myanmar under two subjects", "2021-2540-rsp.en.html", want{
			"2021/2540(RSP)", "RSP", "Resolutions on topical subjects", "Resolution on the situation in Myanmar",
			[]string{"MM"}, []string{"6.10.04", "6.10.08"}, 3, 7}},
		{"the EU/Brazil tariff-quota decision concerns Brazil", "2022-0377-nle.en.html", want{
			"2022/0377(NLE)", "NLE", "Non-legislative enactments", "EU/Brazil Agreement: modification of concessions on all the tariff rate quotas included in the EU Schedule CLXXV as a consequence of the United Kingdom`s withdrawal from the European Union",
			[]string{"BR"}, []string{"6.20.03", "6.20.04"}, 9, 6}},
		{"the Kosovo report reads \"Kosovo under UNSCR 1244/1999\" as XK", "2022-2201-ini.en.html", want{
			"2022/2201(INI)", "INI", "Own-initiative procedure", "2022 Commission Report on Kosovo",
			[]string{"XK"}, []string{"8.20"}, 6, 5}},
		{"the Schengen resolution concerns two countries, Bulgaria and Romania", "2022-2852-rsp.en.html", want{
			"2022/2852(RSP)", "RSP", "Resolutions on topical subjects", "Resolution on the accession of Romania and Bulgaria to the Schengen area",
			[]string{"BG", "RO"}, []string{"7.10.02"}, 3, 4}},
		{"the geoblocking report has a top-level subject and no geographical area", "2023-2019-ini.en.html", want{
			"2023/2019(INI)", "INI", "Own-initiative procedure", "Implementation of the 2018 Geoblocking Regulation in the Digital Single Market",
			nil, []string{"2", "3.30.25", "3.45.05", "3.50.15", "4.60.06"}, 6, 7}},
		{"the Moldova facility is an ordinary legislative procedure concerning Moldova", "2024-0258-cod.en.html", want{
			"2024/0258(COD)", "COD", "Ordinary legislative procedure (ex-codecision procedure)", "Establishing the Reform and Growth Facility for Moldova",
			[]string{"MD"}, []string{"6.30.02", "6.40.02", "8.20.01", "8.20.04"}, 14, 12}},
		{"a change of the Rules of Procedure has a four-level subject", "2024-2006-reg.en.html", want{
			"2024/2006(REG)", "REG", "Parliament's Rules of Procedure", "EP Rules of Procedure: training on preventing conflict and harassment in the workplace and on good office management",
			nil, []string{"8.40.01.08"}, 5, 4}},
		{"the EuroHPC page of the newer template amends and repeals acts", "2025-0229-nle.en.html", want{
			"2025/0229(NLE)", "NLE", "Non-legislative enactments", "European High Performance Computing Joint Undertaking (EuroHPC)",
			nil, []string{"3.30.06", "3.30.07", "8.40.08"}, 5, 5}},
	}
	files, err := filepath.Glob(filepath.Join(corpus.Dir(t), "oeil-procedure", "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(tests) {
		t.Errorf("the corpus has %d procedure files, the test knows %d: every one must be in the table", len(files), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(inputtest.ReadCorpus(t, filepath.Join("oeil-procedure", tt.file)))
			if err != nil {
				t.Fatal(err)
			}
			checkFile(t, f, tt.want)
			for _, s := range f.Subjects {
				if !s.Known {
					t.Errorf("subject %s is not in the table of OEIL subjects", s.Code)
				}
			}
		})
	}
}

func checkFile(t *testing.T, f *File, w want) {
	t.Helper()
	var codes []string
	for _, s := range f.Subjects {
		codes = append(codes, s.Code)
	}
	if f.Reference != w.reference || f.Type != w.typ || f.TypeName != w.typeName || f.Title != w.title {
		t.Errorf("got %s %s %q %q, want %s %s %q %q", f.Reference, f.Type, f.TypeName, f.Title, w.reference, w.typ, w.typeName, w.title)
	}
	if !slices.Equal(f.Countries, w.countries) {
		t.Errorf("countries %v, want %v", f.Countries, w.countries)
	}
	if !slices.Equal(codes, w.subjects) {
		t.Errorf("subjects %v, want %v", codes, w.subjects)
	}
	if len(f.KeyEvents) != w.events || len(f.Documents) != w.documents {
		t.Errorf("%d key events and %d documents, want %d and %d", len(f.KeyEvents), len(f.Documents), w.events, w.documents)
	}
	checkText(t, f)
}

// checkText checks that every span quotes what it stands for and that Text is laid out as
// promised.
func checkText(t testing.TB, f *File) {
	t.Helper()
	quote := func(what string, s graph.Span, want string) {
		if q, err := graph.Quote(f.Text, s); err != nil || q != want {
			t.Errorf("%s: span %v quotes %q (%v), want %q", what, s, q, err, want)
		}
	}
	quote("title", f.TitleSpan, f.Title)
	for _, s := range f.Subjects {
		quote("subject "+s.Code, s.Span, s.Code+" "+s.Name)
	}
	for _, a := range f.Areas {
		quote("area", a.Span, a.Name)
	}
	for i, e := range f.KeyEvents {
		if q, _ := graph.Quote(f.Text, e.Span); !strings.Contains(q, e.Name) || !strings.Contains(q, e.DocumentRef) {
			t.Errorf("key event %d: its line %q does not name it", i, q)
		}
	}
	for i, d := range f.Documents {
		if q, _ := graph.Quote(f.Text, d.Span); !strings.Contains(q, d.Kind) || !strings.Contains(q, d.Reference) {
			t.Errorf("document %d: its line %q does not name it", i, q)
		}
	}
	if !utf8.ValidString(f.Text) || strings.Contains(f.Text, "\r") || strings.Contains(f.Text, "\n\n\n") {
		t.Errorf("text is not laid out as promised: %q", f.Text)
	}
}

func TestParseReadsTheDetailsOfTheMyanmarProcedure(t *testing.T) {
	f, err := Parse(inputtest.ReadCorpus(t, "oeil-procedure/2021-2540-rsp.en.html"))
	if err != nil {
		t.Fatal(err)
	}
	if f.Subjects[0].Name != "Third-country political situation, local and regional conflicts" {
		t.Errorf("subject name %q", f.Subjects[0].Name)
	}
	if f.Subtype != "Resolution on statement" || f.Status != "Procedure completed" || f.Stage != "Procedure completed" {
		t.Errorf("subtype %q, status %q, stage %q", f.Subtype, f.Status, f.Stage)
	}
	if !slices.Equal(f.LegalBasis, []string{"Rules of Procedure EP 136-p2"}) {
		t.Errorf("legal basis %q", f.LegalBasis)
	}
	dec := f.KeyEvents[1]
	if dec.Date != graph.Day(2021, 2, 11) || dec.Name != "Decision by Parliament" || dec.DocumentRef != "T9-0054/2021" || dec.SummaryID != "1651118" {
		t.Errorf("decision %+v", dec)
	}
	var motions []string
	for _, d := range f.Documents {
		if d.Kind == "Motion for a resolution" {
			motions = append(motions, d.Reference)
		}
	}
	if !slices.Equal(motions, []string{"B9-0116/2021", "B9-0117/2021", "B9-0120/2021", "B9-0122/2021", "B9-0125/2021", "B9-0128/2021"}) {
		t.Errorf("motions %v", motions)
	}
	ta := f.Documents[len(f.Documents)-1]
	if ta.Kind != "Text adopted by Parliament, single reading" || ta.Reference != "T9-0054/2021" || ta.Date != graph.Day(2021, 2, 11) ||
		ta.Institution != "European Parliament" || ta.SummaryID != "1651118" || !strings.HasSuffix(ta.URL, "TA-9-2021-0054_EN.html") {
		t.Errorf("text adopted %+v", ta)
	}
}

func TestParseReadsTheOtherInstitutionsAndTheFinalAct(t *testing.T) {
	f, err := Parse(inputtest.ReadCorpus(t, "oeil-procedure/2024-0258-cod.en.html"))
	if err != nil {
		t.Fatal(err)
	}
	var insts []string
	for _, d := range f.Documents {
		if !slices.Contains(insts, d.Institution) {
			insts = append(insts, d.Institution)
		}
	}
	if !slices.Equal(insts, []string{"European Parliament", "Council of the EU", "European Commission", "National parliaments"}) {
		t.Errorf("gateway sections %v", insts)
	}
	approval := f.KeyEvents[7]
	if approval.DocumentRef != "PE770.077" || !slices.Equal(approval.OtherRefs, []string{"GEDA/A/(2025)001013"}) {
		t.Errorf("two references in one cell: %q %q", approval.DocumentRef, approval.OtherRefs)
	}
	if f.FinalAct == nil || f.FinalAct.Title != "Regulation 2025/0535" || f.Instrument != "Regulation" {
		t.Errorf("final act %+v, instrument %q", f.FinalAct, f.Instrument)
	}
	f, err = Parse(inputtest.ReadCorpus(t, "oeil-procedure/2025-0229-nle.en.html"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Related{{"Repealing Regulation 2018/1488", "2018/0003(NLE)"}, {"Amending Regulation 2021/1173", "2020/0260(NLE)"}}
	if !slices.Equal(f.Related, want) {
		t.Errorf("related %+v, want %+v", f.Related, want)
	}
}

func TestParseReadsAPageWrittenForTheTests(t *testing.T) {
	f, err := Parse(inputtest.ReadTestdata(t, "written.html"))
	if err != nil {
		t.Fatal(err)
	}
	checkFile(t, f, want{"2099/9999(RSP)", "RSP", "Resolutions on topical subjects", "Resolution on media freedom in the Western Balkans",
		[]string{"RS", "MK"}, []string{"6.10.08", "6.10.99"}, 2, 2})
	if !f.Subjects[0].Known || f.Subjects[1].Known {
		t.Errorf("6.10.08 is an OEIL subject, 6.10.99 is not: %+v", f.Subjects)
	}
	if len(f.Areas) != 3 || f.Areas[2].Name != "Western Balkans" || f.Areas[2].Countries != nil {
		t.Errorf("a region that is no country keeps its name without a country: %+v", f.Areas)
	}
	if f.KeyEvents[1].DocumentRef != "T9-0001/2099" || f.KeyEvents[1].SummaryID != "42" {
		t.Errorf("a non-breaking hyphen in a reference is a hyphen: %+v", f.KeyEvents[1])
	}
	if f.Documents[0].Kind != "Joint motion for resolution" || f.Documents[0].Reference != "RC-B9-0001/2099" {
		t.Errorf("joint motion %+v", f.Documents[0])
	}
}

func TestDetectRecognisesProcedureFilesFromTheirContent(t *testing.T) {
	tests := []struct {
		name string
		raw  func(t *testing.T) []byte
		want bool
	}{
		{"every procedure file of the corpus is one", nil, true},
		{"a page written for the tests is one", func(t *testing.T) []byte { return inputtest.ReadTestdata(t, "written.html") }, true},
		{"an OEIL document summary is not one", inputtest.CorpusFile("oeil-summary/1651118.en.html"), false},
		{"a joint motion on DOCEO is not one", inputtest.CorpusFile("doceo/RC-10-2025-0249_EN.html"), false},
		{"an Open Data Portal answer is not one", inputtest.CorpusFile("odp/odp-procedure_2025-2691.json"), false},
		{"a plain-text summary is not one", inputtest.CorpusFile("oeil-summary/2021-2544-RSP.fr.txt"), false},
		{"nothing is nothing", func(*testing.T) []byte { return nil }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.raw == nil {
				files, _ := filepath.Glob(filepath.Join(corpus.Dir(t), "oeil-procedure", "*"))
				for _, f := range files {
					b, err := os.ReadFile(f)
					if err != nil {
						t.Fatal(err)
					}
					if !Detect(b) || !Detect(b[:len(b)/8]) {
						t.Errorf("%s (or its first eighth) is not recognised", f)
					}
				}
				return
			}
			if got := Detect(tt.raw(t)); got != tt.want {
				t.Errorf("Detect = %v, want %v", got, tt.want)
			}
		})
	}
}
