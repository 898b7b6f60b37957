package oeil

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/internal/corpus"
	"golang.org/x/text/unicode/norm"
)

// readCorpus reads a file of the real corpus, skipping the test when there is no corpus.
func readCorpus(t *testing.T, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpus.Dir(t), rel))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// readTestdata reads a text written for these tests.
func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// oracle is the part of a corpus/expected/*.json file that a summary parser can check.
type oracle struct {
	Source     string `json:"source"`
	Format     string `json:"format"`
	Language   string `json:"language"`
	Resolution struct {
		Reference string `json:"reference"`
		Title     string `json:"title"`
		Adopted   string `json:"adopted"`
		Stage     string `json:"stage"`
	} `json:"resolution"`
}

// oracleFormats maps the oracle's format names to ours.
var oracleFormats = map[string]Format{"oeil-summary": FormatText, "oeil-summary-html": FormatHTML}

// wantSummary is what a test expects of a parsed summary.
type wantSummary struct {
	format     Format
	language   string
	title      string
	reference  string
	date       string
	event      string
	stage      string
	paragraphs int
	bullets    []int // indexes of the bullet paragraphs
}

func TestParseReadsTheCorpusSummaries(t *testing.T) {
	tests := []struct {
		name   string
		file   string // in the corpus
		oracle string // in corpus/expected
		want   wantSummary
		check  func(t *testing.T, s *Summary)
	}{
		{
			name:   "the French plain-text summary of 2021/2544(RSP) has its nine bullet demands",
			file:   "oeil-summary/2021-2544-RSP.fr.txt",
			oracle: "expected/2021-2544-RSP.fr.json",
			want: wantSummary{
				format: FormatText, language: "fr",
				title:     "Résolution sur la situation des droits de l'homme au Kazakhstan",
				reference: "2021/2544(RSP)", date: "2021-02-11",
				event:      "Texte adopté du Parlement, lecture unique",
				stage:      "Text adopted by Parliament, single reading",
				paragraphs: 16,
				bullets:    []int{5, 6, 7, 8, 9, 10, 11, 12, 13},
			},
			check: func(t *testing.T, s *Summary) {
				if got := s.Paragraphs[4].Text; got != "Le Parlement a adressé au gouvernement du Kazakhstan une série de demandes :" {
					t.Errorf("the paragraph before the bullets is %q", got)
				}
				if got := s.Paragraphs[5].Text; !strings.HasPrefix(got, "respecter les droits de l'homme") {
					t.Errorf("the first bullet is %q, want it without its marker", got)
				}
			},
		},
		{
			name:   "the English web page of 1651118 joins the bullet split across two paragraphs",
			file:   "oeil-summary/1651118.en.html",
			oracle: "expected/1651118.en.json",
			want: wantSummary{
				format: FormatHTML, language: "en",
				title:     "Resolution on the situation in Myanmar",
				reference: "2021/2540(RSP)", date: "2021-02-11",
				event:      "Text adopted by Parliament, single reading",
				stage:      "Text adopted by Parliament, single reading",
				paragraphs: 15,
				bullets:    []int{9, 10, 11, 13, 14},
			},
			check: func(t *testing.T, s *Summary) {
				joined := s.Paragraphs[13].Text
				if !strings.HasPrefix(joined, "amend the mandate") || !strings.Contains(joined, "the coup and other legal entities directly owned") || !strings.HasSuffix(joined, "involved in the coup;") {
					t.Errorf("the split bullet came out as %q", joined)
				}
				if !strings.Contains(s.Text, "a coup d\u2019état") || !strings.Contains(s.Text, "the country\u2019s citizens") {
					t.Errorf("&#146; was not read as U+2019")
				}
				if got := s.Paragraphs[8].Text; got != "The EU and its Member States are urged to:" {
					t.Errorf("the paragraph before the first bullets is %q", got)
				}
			},
		},
		{
			name:   "the English web page of 1864147 keeps its headings and turns no-break spaces into spaces",
			file:   "oeil-summary/1864147.en.html",
			oracle: "expected/1864147.en.json",
			want: wantSummary{
				format: FormatHTML, language: "en",
				title:     "Business in Europe: Framework for Income Taxation (BEFIT)",
				reference: "2023/0321(CNS)", date: "2025-11-13",
				event:      "Text adopted by Parliament, 1st reading/single reading",
				stage:      "Text adopted by Parliament, 1st reading/single reading",
				paragraphs: 28,
			},
			check: func(t *testing.T, s *Summary) {
				if !strings.Contains(s.Text, "these companies pay their taxes in the jurisdictions where they make their profits through the provision") {
					t.Errorf("the no-break spaces around <b> did not become single spaces")
				}
				if got := s.Paragraphs[3].Text; got != "Significant presence" {
					t.Errorf("the first heading is %q", got)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse(readCorpus(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			checkSummary(t, s, tt.want)
			checkOracle(t, s, readCorpus(t, tt.oracle), tt.file)
			if tt.check != nil {
				tt.check(t, s)
			}
		})
	}
}

func TestParseReadsTextsWrittenForTheTests(t *testing.T) {
	tests := []struct {
		name  string
		file  string // in testdata
		crlf  bool   // convert line ends to \r\n first
		want  wantSummary
		texts []string // the paragraphs' texts, when checked
	}{
		{
			name: "an English text with a Markdown heading, a lower-case type, a short date and wrapped bullets",
			file: "en-summary.txt",
			want: wantSummary{
				format: FormatText, language: "en",
				title:     "Resolution on media freedom in the Western Balkans",
				reference: "2021/9999(RSP)", date: "2021-07-01",
				event:      "Text adopted by Parliament, single reading",
				stage:      "Text adopted by Parliament, single reading",
				paragraphs: 6,
				bullets:    []int{2, 3, 4},
			},
			texts: []string{
				"The European Parliament adopted a resolution on media freedom in the Western Balkans, by 500 votes to 100, with 50 abstentions.",
				"Parliament called on the governments of the region to:",
				"protect journalists from threats and attacks, and to investigate every attack without delay;",
				"ensure that public broadcasters are independent;",
				"end the concentration of media ownership, which harms pluralism.",
				"The Commission should report on the state of media freedom in each country of the region every year.",
			},
		},
		{
			name: "the same text with Windows line ends gives the same summary",
			file: "en-summary.txt",
			crlf: true,
			want: wantSummary{
				format: FormatText, language: "en",
				title:     "Resolution on media freedom in the Western Balkans",
				reference: "2021/9999(RSP)", date: "2021-07-01",
				event:      "Text adopted by Parliament, single reading",
				stage:      "Text adopted by Parliament, single reading",
				paragraphs: 6,
				bullets:    []int{2, 3, 4},
			},
		},
		{
			name: "a French web page with list items, two <br> between paragraphs, a script and a paragraph split in two",
			file: "page-fr.html",
			want: wantSummary{
				format: FormatHTML, language: "fr",
				title:     "Accord de partenariat avec le Viet Nam",
				reference: "2019/0119(NLE)", date: "2020-03-05",
				event:      "Texte adopté du Parlement, 1re lecture/lecture unique",
				stage:      "Text adopted by Parliament, 1st reading/single reading",
				paragraphs: 8,
				bullets:    []int{3, 4},
			},
			texts: []string{
				"Le Parlement européen a approuvé l\u2019accord par 401 voix pour, 192 contre et 40 abstentions.",
				"Objectifs",
				"L\u2019accord vise à :",
				"supprimer la quasi-totalité des droits de douane entre les parties ;",
				"protéger les indications géographiques européennes ;",
				"Le Parlement a demandé à la Commission de suivre la mise en œuvre de l\u2019accord et d\u2019en rendre compte chaque année.",
				"Il a rappelé l\u2019importance des droits des travailleurs.",
				"Les États membres devraient veiller au respect des normes sociales et environnementales.",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := readTestdata(t, tt.file)
			if tt.crlf {
				raw = []byte(strings.ReplaceAll(string(raw), "\n", "\r\n"))
			}
			s, err := Parse(raw)
			if err != nil {
				t.Fatal(err)
			}
			checkSummary(t, s, tt.want)
			if tt.texts != nil {
				var got []string
				for _, p := range s.Paragraphs {
					got = append(got, p.Text)
				}
				if !slices.Equal(got, tt.texts) {
					t.Errorf("paragraphs:\n%q\nwant\n%q", got, tt.texts)
				}
			}
		})
	}
}

// checkSummary compares a summary with what is wanted and checks the contract of its Text
// and spans.
func checkSummary(t *testing.T, s *Summary, want wantSummary) {
	t.Helper()
	got := wantSummary{
		format: s.Format, language: s.Language, title: s.Title, reference: s.Reference,
		date: s.Date.String(), event: s.Event, stage: s.Stage, paragraphs: len(s.Paragraphs),
	}
	for i, p := range s.Paragraphs {
		if p.Bullet {
			got.bullets = append(got.bullets, i)
		}
	}
	if got.format != want.format || got.language != want.language || got.title != want.title ||
		got.reference != want.reference || got.date != want.date || got.event != want.event ||
		got.stage != want.stage || got.paragraphs != want.paragraphs || !slices.Equal(got.bullets, want.bullets) {
		t.Errorf("summary:\n got %+v\nwant %+v", got, want)
	}
	if s.Date.Precision() != "day" {
		t.Errorf("date %v has precision %q, want day", s.Date, s.Date.Precision())
	}
	checkText(t, s)
}

// checkText checks the invariants of Summary.Text and of the spans into it.
func checkText(t testing.TB, s *Summary) {
	t.Helper()
	if q, err := graph.Quote(s.Text, s.TitleSpan); err != nil || q != s.Title {
		t.Errorf("title span %v quotes %q (%v), want %q", s.TitleSpan, q, err, s.Title)
	}
	header := s.Reference + " - " + fmtDate(s.Date) + " - " + s.Event
	if !strings.HasPrefix(s.Text, s.Title+"\n\n"+header+"\n\n") {
		t.Errorf("text does not start with the title and %q: %.200q", header, s.Text)
	}
	prev := -1
	for i, p := range s.Paragraphs {
		q, err := graph.Quote(s.Text, p.Span)
		if err != nil || q != p.Text {
			t.Errorf("paragraph %d: span %v quotes %q (%v), want %q", i, p.Span, q, err, p.Text)
		}
		if p.Span.Start <= prev || p.Span.Len() <= 0 {
			t.Errorf("paragraph %d: span %v is empty or not after the one before", i, p.Span)
		}
		prev = p.Span.End
		if strings.ContainsAny(p.Text, "\n\r") {
			t.Errorf("paragraph %d holds a line break: %q", i, p.Text)
		}
	}
	if !norm.NFC.IsNormalString(s.Text) {
		t.Errorf("text is not NFC")
	}
	if strings.Contains(s.Text, "\r") {
		t.Errorf("text holds \\r")
	}
	for n, line := range strings.Split(s.Text, "\n") {
		if strings.TrimFunc(line, unicode.IsSpace) != line {
			t.Errorf("line %d has white space at an end: %q", n+1, line)
		}
	}
	if n := utf8.RuneCountInString(s.Text); len(s.Paragraphs) > 0 && s.Paragraphs[len(s.Paragraphs)-1].Span.End != n {
		t.Errorf("the last paragraph does not end the text")
	}
}

func fmtDate(d graph.PartialDate) string {
	iso := d.String() // YYYY-MM-DD
	return iso[8:10] + "/" + iso[5:7] + "/" + iso[0:4]
}

// checkOracle compares a summary with the facts of its corpus/expected file.
func checkOracle(t *testing.T, s *Summary, raw []byte, file string) {
	t.Helper()
	var o oracle
	if err := json.Unmarshal(raw, &o); err != nil {
		t.Fatal(err)
	}
	if o.Source != file {
		t.Fatalf("the oracle is about %s, not %s", o.Source, file)
	}
	if f, ok := oracleFormats[o.Format]; !ok || f != s.Format {
		t.Errorf("format %s, the oracle says %s", s.Format, o.Format)
	}
	r := o.Resolution
	if s.Language != o.Language || s.Title != r.Title || s.Reference != r.Reference || s.Date.String() != r.Adopted {
		t.Errorf("got %s %q %s %s, the oracle says %s %q %s %s", s.Language, s.Title, s.Reference, s.Date, o.Language, r.Title, r.Reference, r.Adopted)
	}
	if r.Stage != "" && s.Stage != r.Stage {
		t.Errorf("stage %q, the oracle says %q", s.Stage, r.Stage)
	}
}

func TestDetectRecognisesTheFormatFromTheContent(t *testing.T) {
	tests := []struct {
		name   string
		raw    func(t *testing.T) []byte
		format Format
		ok     bool
	}{
		{"the French plain-text summary is text", corpusFile("oeil-summary/2021-2544-RSP.fr.txt"), FormatText, true},
		{"the summary page 1651118 is HTML", corpusFile("oeil-summary/1651118.en.html"), FormatHTML, true},
		{"the summary page 1864147 is HTML", corpusFile("oeil-summary/1864147.en.html"), FormatHTML, true},
		{"an OEIL procedure file is not a summary", corpusFile("oeil-procedure/2021-2540-rsp.en.html"), "", false},
		{"a joint motion on DOCEO is not a summary", corpusFile("doceo/RC-10-2025-0249_EN.html"), "", false},
		{"an Open Data Portal answer is not a summary", corpusFile("odp/odp-procedure_2018-2070.json"), "", false},
		{"a text written for the tests is text", testdataFile("en-summary.txt"), FormatText, true},
		{"a page written for the tests is HTML", testdataFile("page-fr.html"), FormatHTML, true},
		{"a text with a bad date still has the shape of a summary", testdataFile("bad-date.txt"), FormatText, true},
		{"a text without its reference line is not recognised", testdataFile("no-reference.txt"), "", false},
		{"a title alone is not recognised", testdataFile("title-only.txt"), "", false},
		{"a byte-order mark is skipped", literal("\xEF\xBB\xBFTitle\n2021/2544(RSP) - 11/02/2021 - Debate in Parliament\n"), FormatText, true},
		{"a reference line without a title before it is not recognised", literal("2021/2544(RSP) - 11/02/2021 - Debate in Parliament\nBody.\n"), "", false},
		{"nothing is nothing", literal(""), "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, ok := Detect(tt.raw(t))
			if f != tt.format || ok != tt.ok {
				t.Errorf("Detect = %q, %v; want %q, %v", f, ok, tt.format, tt.ok)
			}
		})
	}
}

func corpusFile(rel string) func(*testing.T) []byte {
	return func(t *testing.T) []byte { return readCorpus(t, rel) }
}

func testdataFile(name string) func(*testing.T) []byte {
	return func(t *testing.T) []byte { return readTestdata(t, name) }
}

func literal(s string) func(*testing.T) []byte {
	return func(*testing.T) []byte { return []byte(s) }
}
