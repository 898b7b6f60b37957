package odp

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/internal/input/inputtest"
	"github.com/eurel/eurel/internal/corpus"
)

// wantRecord is what a test expects of a record, read off the answer by a person.
type wantRecord struct {
	kind                          Kind
	id, identifier, label         string
	procedure, procType, procID   string
	date                          string
	titleEN                       string
	links                         map[string][]string // relation → targets, in order
	events, participants, subject int
}

func TestParseReadsEveryRecordOfTheCorpus(t *testing.T) {
	tests := []struct {
		name string
		file string
		want wantRecord
	}{
		{"the report on the Rules of Procedure adopts its draft and belongs to 2024/2006(REG)", "odp-document_a-9-2024-0163.json", wantRecord{
			KindDocument, "eli/dl/doc/A-9-2024-0163", "A-9-2024-0163", "A9-0163/2024", "2024/2006(REG)", "", "eli/dl/proc/2024-2006", "2024-04-04",
			"REPORT on amendments to Parliament’s Rules of Procedure concerning the training on preventing conflict and harassment in the workplace and on good office management",
			map[string][]string{
				"adopts":                              {"eli/dl/doc/AFCO-PR-759748"},
				"inverse_based_on_a_realization_of":   {"eli/dl/event/2024-2006-DEPOT-2024-04-04", "eli/dl/event/MTG-PL-2024-04-24-OJ-ITM-V-148", "eli/dl/event/MTG-PL-2024-04-24-VOT-ITM-946131"},
				"inverse_created_a_realization_of":    {"eli/dl/proc/2024-2006"},
				"inverse_decided_on_a_realization_of": {"eli/dl/event/MTG-PL-2024-04-24-PVCRE-ITM-7-1"},
				"inverse_foresees_change_of":          {"eli/dl/doc/A-9-2024-0163-AM-001-005", "eli/dl/doc/A-9-2024-0163-AM-006-006", "eli/dl/doc/A-9-2024-0163-AM-007-011", "eli/dl/doc/A-9-2024-0163-AM-012-012"},
			}, 0, 2, 5}},
		{"the joint motion on Ukrainian children derives from five motions", "odp-document_rc-10-2025-0249.json", wantRecord{
			KindDocument, "eli/dl/doc/RC-10-2025-0249", "RC-10-2025-0249", "", "2025/2691(RSP)", "", "eli/dl/proc/2025-2691", "2025-05-07",
			"JOINT MOTION FOR A RESOLUTION on the return of Ukrainian children forcibly transferred and deported by Russia",
			map[string][]string{
				"based_on":                          {"eli/dl/doc/RULES-10-2025-01-20-ITM-A150"},
				"inverse_based_on_a_realization_of": {"eli/dl/event/MTG-PL-2025-05-07-OJ-ITM-D-99", "eli/dl/event/MTG-PL-2025-05-08-OJ-ITM-V-99"},
				"inverse_created_a_realization_of":  {"eli/dl/proc/2025-2691"},
				"inverse_foresees_change_of":        {"eli/dl/doc/RC-10-2025-0249-AM-001-002", "eli/dl/doc/RC-10-2025-0249-AM-003-003"},
				"is_derivative_of":                  {"eli/dl/doc/B-10-2025-0249", "eli/dl/doc/B-10-2025-0250", "eli/dl/doc/B-10-2025-0258", "eli/dl/doc/B-10-2025-0252", "eli/dl/doc/B-10-2025-0255"},
			}, 0, 85, 9}},
		{"the Hong Kong joint motion names its procedure only in its titles", "odp-document_rc-9-2021-0068.json", wantRecord{
			KindDocument, "eli/dl/doc/RC-9-2021-0068", "RC-9-2021-0068", "", "2021/2505(RSP)", "", "", "2021-01-20",
			"JOINT MOTION FOR A RESOLUTION on the crackdown on the democratic opposition in Hong Kong",
			map[string][]string{
				"based_on":                   {"eli/dl/doc/RULES-9-2021-01-18-ITM-A144"},
				"inverse_foresees_change_of": {"eli/dl/doc/RC-9-2021-0068-AM-001-003", "eli/dl/doc/RC-9-2021-0068-AM-004-010"},
				"is_derivative_of":           {"eli/dl/doc/B-9-2021-0069", "eli/dl/doc/B-9-2021-0087", "eli/dl/doc/B-9-2021-0068", "eli/dl/doc/B-9-2021-0071", "eli/dl/doc/B-9-2021-0070"},
			}, 0, 85, 14}},
		{"the Morocco aviation procedure created three documents", "odp-procedure_2007-0181.json", wantRecord{
			KindProcedure, "eli/dl/proc/2007-0181", "2007-0181", "2007/0181(NLE)", "2007/0181(NLE)", "NLE", "eli/dl/proc/2007-0181", "",
			"Amendment of the Euro-Mediterranean Aviation Agreement between the EC and Morocco, to take account of the accession of Bulgaria and Romania to the EU",
			map[string][]string{"created_a_realization_of": {"eli/dl/doc/TA-9-2020-0147", "eli/dl/doc/A-6-2007-0458", "eli/dl/doc/A-9-2020-0005"}}, 13, 0, 0}},
		{"the Eurodac recast created nine documents", "odp-procedure_2016-0132.json", wantRecord{
			KindProcedure, "eli/dl/proc/2016-0132", "2016-0132", "2016/0132(COD)", "2016/0132(COD)", "COD", "eli/dl/proc/2016-0132", "",
			"Establishment of 'Eurodac' for the comparison of fingerprints for the effective application of Regulation (EU) No 604/2013, for identifying an illegally staying third-country national or stateless person and on requests for the comparison with Eurodac data by Member States' law enforcement authorities and Europol for law enforcement purposes (recast)",
			map[string][]string{"created_a_realization_of": {"eli/dl/doc/C-10-2024-0015", "eli/dl/doc/LIBE-AG-759020", "eli/dl/doc/BUDG-AD-597583", "eli/dl/doc/BUDG-PA-597583", "eli/dl/doc/C-9-2020-0313", "eli/dl/doc/SP-2024-377-TA-9-2024-0183", "eli/dl/doc/LIBE-PR-597620", "eli/dl/doc/A-8-2017-0212", "eli/dl/doc/TA-9-2024-0183"}}, 22, 12, 0}},
		{"the budgetary-discipline agreement has an event given by its id alone", "odp-procedure_2018-2070.json", wantRecord{
			KindProcedure, "eli/dl/proc/2018-2070", "2018-2070", "2018/2070(ACI)", "2018/2070(ACI)", "ACI", "eli/dl/proc/2018-2070", "",
			"Proposal for an Interinstitutional Agreement between the European Parliament, the Council and the Commission on budgetary discipline, on cooperation in budgetary matters and on sound financial management",
			map[string][]string{"created_a_realization_of": {"eli/dl/doc/A-9-2020-0261", "eli/dl/doc/TA-9-2020-0358", "eli/dl/doc/C-9-2020-0155"}}, 9, 0, 0}},
		{"the Rules of Procedure procedure created the report and the text adopted", "odp-procedure_2024-2006.json", wantRecord{
			KindProcedure, "eli/dl/proc/2024-2006", "2024-2006", "2024/2006(REG)", "2024/2006(REG)", "REG", "eli/dl/proc/2024-2006", "",
			"Amendments to Parliament’s Rules of Procedure concerning the training on preventing conflict and harassment in the workplace and on good office management",
			map[string][]string{"created_a_realization_of": {"eli/dl/doc/AFCO-PR-759748", "eli/dl/doc/A-9-2024-0163", "eli/dl/doc/TA-9-2024-0315"}}, 8, 6, 0}},
		{"the customs-duties procedure created seven documents", "odp-procedure_2025-0260.json", wantRecord{
			KindProcedure, "eli/dl/proc/2025-0260", "2025-0260", "2025/0260(COD)", "2025/0260(COD)", "COD", "eli/dl/proc/2025-0260", "",
			"Non-application of customs duties on imports of certain goods",
			map[string][]string{"created_a_realization_of": {"eli/dl/doc/INTA-PR-779298", "eli/dl/doc/TA-10-2026-0197", "eli/dl/doc/A-10-2026-0070", "eli/dl/doc/TA-10-2026-0097", "eli/dl/doc/BUDG-PA-778167", "eli/dl/doc/BUDG-AD-778167", "eli/dl/doc/INTA-AG-789020"}}, 27, 19, 0}},
		{"the tobacco excise procedure is a consultation", "odp-procedure_2025-0581.json", wantRecord{
			KindProcedure, "eli/dl/proc/2025-0581", "2025-0581", "2025/0581(CNS)", "2025/0581(CNS)", "CNS", "eli/dl/proc/2025-0581", "",
			"Amending Directive (EU) 2020/262 as regards the general arrangements for excise duty in respect of tobacco and tobacco related products",
			map[string][]string{"created_a_realization_of": {"eli/dl/doc/ECON-PR-784421", "eli/dl/doc/A-10-2026-0160", "eli/dl/doc/TA-10-2026-0212"}}, 9, 9, 0}},
		{"the Ukrainian children procedure created the joint motion, six motions and the text adopted", "odp-procedure_2025-2691.json", wantRecord{
			KindProcedure, "eli/dl/proc/2025-2691", "2025-2691", "2025/2691(RSP)", "2025/2691(RSP)", "RSP", "eli/dl/proc/2025-2691", "",
			"Return of Ukrainian children forcibly transferred and deported by Russia",
			map[string][]string{"created_a_realization_of": {"eli/dl/doc/B-10-2025-0247", "eli/dl/doc/RC-10-2025-0249", "eli/dl/doc/B-10-2025-0249", "eli/dl/doc/B-10-2025-0250", "eli/dl/doc/B-10-2025-0252", "eli/dl/doc/B-10-2025-0258", "eli/dl/doc/B-10-2025-0255", "eli/dl/doc/TA-10-2025-0096"}}, 8, 0, 0}},
	}
	files, err := filepath.Glob(filepath.Join(corpus.Dir(t), "odp", "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(tests) {
		t.Errorf("the corpus has %d Open Data Portal records, the test knows %d: every one must be in the table", len(files), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse(inputtest.ReadCorpus(t, filepath.Join("odp", tt.file)))
			if err != nil {
				t.Fatal(err)
			}
			checkRecord(t, r, tt.want)
		})
	}
}

func checkRecord(t *testing.T, r *Record, w wantRecord) {
	t.Helper()
	got := wantRecord{r.Kind, r.ID, r.Identifier, r.Label, r.Procedure, r.ProcedureType, r.ProcedureID, r.Date.String(), r.Title("en"),
		nil, len(r.Events), len(r.Participants), len(r.Subjects)}
	want := w
	want.links = nil
	if !equalRecords(got, want) {
		t.Errorf("record\n got %+v\nwant %+v", got, want)
	}
	links := map[string][]string{}
	for _, l := range r.Links {
		links[l.Relation] = append(links[l.Relation], l.Target)
	}
	for rel, targets := range w.links {
		if !slices.Equal(links[rel], targets) {
			t.Errorf("%s: %v, want %v", rel, links[rel], targets)
		}
	}
	for rel := range links {
		if _, ok := w.links[rel]; !ok {
			t.Errorf("unexpected relation %s: %v", rel, links[rel])
		}
	}
	if q, err := graph.Quote(r.Text, r.TitleSpan); err != nil || q != r.Title("en") && r.Title("en") != "" {
		t.Errorf("title span quotes %q (%v)", q, err)
	}
	for _, l := range r.Links {
		if !strings.Contains(r.Text, l.Relation+": "+l.Target) {
			t.Errorf("the text does not state the link %s %s", l.Relation, l.Target)
		}
	}
}

func equalRecords(a, b wantRecord) bool {
	return a.kind == b.kind && a.id == b.id && a.identifier == b.identifier && a.label == b.label && a.procedure == b.procedure &&
		a.procType == b.procType && a.procID == b.procID && a.date == b.date && a.titleEN == b.titleEN &&
		a.events == b.events && a.participants == b.participants && a.subject == b.subject
}

func TestParseReadsTheDetailsOfRecords(t *testing.T) {
	t.Run("a procedure's events have their dates, types and documents", func(t *testing.T) {
		r, err := Parse(inputtest.ReadCorpus(t, "odp/odp-procedure_2025-2691.json"))
		if err != nil {
			t.Fatal(err)
		}
		dec := r.Events[0]
		if dec.Type != "Decision" || dec.Date != graph.Day(2025, 5, 8) || !slices.Equal(dec.Links, []Link{{"decided_on_a_realization_of", "eli/dl/doc/TA-10-2025-0096"}}) {
			t.Errorf("decision %+v", dec)
		}
		if len(r.Titles) != 24 || r.Titles["fr"] != "Retour des enfants ukrainiens transférés de force et déportés par la Russie" {
			t.Errorf("%d titles, French %q", len(r.Titles), r.Titles["fr"])
		}
	})
	t.Run("a document's expressions give its languages and its authors their groups", func(t *testing.T) {
		r, err := Parse(inputtest.ReadCorpus(t, "odp/odp-document_rc-10-2025-0249.json"))
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Languages) != 24 || !slices.Contains(r.Languages, "ga") || r.WorkType != "RESOLUTION_MOTION_JOINT" || r.Term != "ep-10" {
			t.Errorf("languages %v, work type %q, term %q", r.Languages, r.WorkType, r.Term)
		}
		p := r.Participants[0]
		if p.Role != "AUTHOR" || p.Person != "person/197445" || p.Group != "org/RENEW" || p.OnBehalfOf != "org/RENEW" {
			t.Errorf("first participant %+v", p)
		}
		if r.Subjects[0] != "http://eurovoc.europa.eu/3916" || len(r.SubjectMatters) != 2 {
			t.Errorf("subjects %v, subject matters %v", r.Subjects, r.SubjectMatters)
		}
	})
	t.Run("a record written for the tests", func(t *testing.T) {
		r, err := Parse(inputtest.ReadTestdata(t, "written.json"))
		if err != nil {
			t.Fatal(err)
		}
		checkRecord(t, r, wantRecord{KindDocument, "eli/dl/doc/RC-9-2099-0001", "RC-9-2099-0001", "", "2099/9999(RSP)", "", "eli/dl/proc/2099-9999", "2099-07-01",
			"JOINT MOTION FOR A RESOLUTION on media freedom in Serbia", map[string][]string{
				"based_on":                         {"eli/dl/doc/RULES-9-2099-ITM-A150"},
				"inverse_created_a_realization_of": {"eli/dl/proc/2099-9999"},
				"is_derivative_of":                 {"eli/dl/doc/B-9-2099-0001", "eli/dl/doc/B-9-2099-0002"},
			}, 0, 1, 1})
		if r.Titles["fr"] != "PROPOSITION DE RÉSOLUTION COMMUNE sur la liberté des médias en Serbie" || !slices.Equal(r.Languages, []string{"en", "fr"}) {
			t.Errorf("titles %q, languages %v", r.Titles, r.Languages)
		}
	})
}

func TestDetectRecognisesRecordsFromTheirContent(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus.Dir(t), "odp", "*"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !Detect(b) || !Detect(b[:len(b)/8]) {
			t.Errorf("%s (or its first eighth) is not recognised", f)
		}
	}
	for _, rel := range []string{"expected/RC-10-2025-0249_EN.json", "reference/groups.json", "oeil-summary/1651118.en.html", "doceo/RC-10-2025-0249_EN.html"} {
		if Detect(inputtest.ReadCorpus(t, rel)) {
			t.Errorf("%s is recognised as an Open Data Portal record", rel)
		}
	}
}
