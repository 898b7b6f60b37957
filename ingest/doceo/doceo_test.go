package doceo

import (
	"slices"
	"strings"
	"testing"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/internal/input/inputtest"
	"github.com/eurel/eurel/ingest/lexicon"
)

func parseOK(t *testing.T, raw []byte) *Doc {
	t.Helper()
	d, err := Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	checkText(t, d)
	return d
}

// groupsOf lists the codes of the groups that tabled a document and how many members signed
// for each.
func groupsOf(d *Doc) (codes []string, members []int) {
	for _, g := range d.TabledBy {
		codes, members = append(codes, g.Group), append(members, len(g.Members))
	}
	return codes, members
}

func TestParseReadsTheHeaderOfTheJointMotion(t *testing.T) {
	d := parseOK(t, inputtest.ReadCorpus(t, "doceo/RC-10-2025-0249_EN.html"))
	if d.Language != "en" || d.Kind != KindJointMotion || d.KindLabel != "Joint motion for a resolution" || d.Reference != "RC-B10-0249/2025" {
		t.Errorf("language %s, kind %s %q, reference %s", d.Language, d.Kind, d.KindLabel, d.Reference)
	}
	if d.Date != graph.Day(2025, 5, 7) || d.Procedure != "2025/2691(RSP)" || d.TextAdopted != "P10_TA(2025)0096" {
		t.Errorf("date %s, procedure %s, text adopted %s", d.Date, d.Procedure, d.TextAdopted)
	}
	if d.Title != "JOINT MOTION FOR A RESOLUTION on the return of Ukrainian children forcibly transferred and deported by Russia" {
		t.Errorf("title %q", d.Title)
	}
	if d.Rules != "pursuant to Rules 150(5) and 136(4) of the Rules of Procedure" {
		t.Errorf("rules %q", d.Rules)
	}
	var replaced, replacedGroups []string
	for _, m := range d.Replaces {
		replaced, replacedGroups = append(replaced, m.Reference), append(replacedGroups, m.Group)
	}
	if !slices.Equal(replaced, []string{"B10-0249/2025", "B10-0250/2025", "B10-0252/2025", "B10-0255/2025", "B10-0258/2025"}) ||
		!slices.Equal(replacedGroups, []string{"GREEN_EFA", "SD", "RENEW", "EPP", "ECR"}) {
		t.Errorf("replaces %v of %v", replaced, replacedGroups)
	}
	codes, members := groupsOf(d)
	if !slices.Equal(codes, []string{"EPP", "SD", "ECR", "RENEW", "GREEN_EFA"}) || !slices.Equal(members, []int{33, 5, 19, 24, 1}) {
		t.Errorf("tabled by %v with %v members", codes, members)
	}
	if d.TabledBy[0].Members[0] != "Sebastião Bugalho" || !slices.Contains(d.TabledBy[3].Members, "Jan-Christoph Oetjen") {
		t.Errorf("members are named as written, non-breaking hyphens as hyphens: %q", d.TabledBy[3].Members)
	}
	if !slices.Equal(d.OtherAuthors, []string{"Hanna Gedin", "Jonas Sjöstedt", "Merja Kyllönen"}) {
		t.Errorf("members after the last group: %q", d.OtherAuthors)
	}
	if d.Committee != "" || d.Rapporteurs != nil {
		t.Errorf("a joint motion has no committee or rapporteur: %q %q", d.Committee, d.Rapporteurs)
	}
}

func TestParseReadsTheTextOfTheJointMotion(t *testing.T) {
	d := parseOK(t, inputtest.ReadCorpus(t, "doceo/RC-10-2025-0249_EN.html"))
	if d.Heading != "European Parliament resolution on the return of Ukrainian children forcibly transferred and deported by Russia" {
		t.Errorf("heading %q", d.Heading)
	}
	var kinds []CitationKind
	var instruments []string
	for _, c := range d.Citations {
		kinds = append(kinds, c.Kind)
		instruments = append(instruments, c.Instruments...)
	}
	if !slices.Equal(kinds, []CitationKind{CiteResolutions, CiteInstruments, CiteRules}) {
		t.Errorf("citations %v", kinds)
	}
	if r := d.Citations[0].Resolutions; len(r) != 1 || !r[0].Date.IsZero() || r[0].Title != "Russia’s war of aggression against Ukraine" {
		t.Errorf("previous resolutions %+v", r)
	}
	var cited []string
	for _, k := range instruments {
		in, _ := lexicon.InstrumentByKey(k)
		cited = append(cited, in.Names["en"])
	}
	want := []string{"UN Charter", "European Convention on Human Rights", "Geneva Conventions",
		"Rome Statute of the International Criminal Court", "UN Convention on the Rights of the Child", "Genocide Convention"}
	if !slices.Equal(cited, want) {
		t.Errorf("instruments %q, want %q", cited, want)
	}
	if len(d.Recitals) != 3 || d.Recitals[0].Label != "A" || !slices.Equal(d.Recitals[0].Countries, []string{"UA", "RU", "BY"}) ||
		!slices.Equal(d.Recitals[2].Institutions, []string{"ICC"}) {
		t.Errorf("recitals %+v", d.Recitals)
	}
	var numbers []string
	for _, p := range d.Paragraphs {
		numbers = append(numbers, p.Number)
	}
	if !slices.Equal(numbers, []string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}) || !strings.HasPrefix(d.Paragraphs[0].Text, "Strongly condemns") {
		t.Errorf("paragraphs %v, first %q", numbers, d.Paragraphs[0].Text)
	}
	checkRecipients(t, d, []Recipient{
		{Kind: RecipientInstitution, Name: "VP/HR", Institution: "VPHR"},
		{Kind: RecipientInstitution, Name: "Council", Institution: "COUNCIL"},
		{Kind: RecipientInstitution, Name: "Commission", Institution: "COMMISSION"},
		{Kind: RecipientInstitution, Name: "governments of the Member States", Institution: "MEMBER_STATES"},
		{Kind: RecipientInstitution, Name: "parliaments of the Member States", Institution: "MEMBER_STATES"},
		{Kind: RecipientInstitution, Name: "Council of Europe", Institution: "COE"},
		{Kind: RecipientInstitution, Name: "OSCE", Institution: "OSCE"},
		{Kind: RecipientOffice, Name: "President of Ukraine", Country: "UA"},
		{Kind: RecipientInstitution, Name: "Government of Ukraine", Institution: "GOVERNMENT:UA", Country: "UA"},
		{Kind: RecipientInstitution, Name: "parliament of Ukraine", Institution: "PARLIAMENT:UA", Country: "UA"},
		{Kind: RecipientCountry, Name: "United States", Country: "US"},
		{Kind: RecipientCountry, Name: "Russia", Country: "RU"},
		{Kind: RecipientCountry, Name: "Belarus", Country: "BY"},
	})
}

func checkRecipients(t *testing.T, d *Doc, want []Recipient) {
	t.Helper()
	got := slices.Clone(d.Recipients)
	for i := range got {
		got[i].Span = graph.Span{}
	}
	if !slices.Equal(got, want) {
		t.Errorf("recipients\n got %+v\nwant %+v", got, want)
	}
}

func TestParseReadsAReportAsWhatItIs(t *testing.T) {
	d := parseOK(t, inputtest.ReadCorpus(t, "doceo/A-9-2024-0163_EN.html"))
	if d.Kind != KindReport || d.Reference != "A9-0163/2024" || d.Date != graph.Day(2024, 4, 4) || d.Procedure != "2024/2006(REG)" {
		t.Errorf("kind %s, reference %s, date %s, procedure %s", d.Kind, d.Reference, d.Date, d.Procedure)
	}
	if d.Committee != "Committee on Constitutional Affairs" || !slices.Equal(d.Rapporteurs, []string{"Gabriele Bischoff"}) || d.TextAdopted != "P9_TA(2024)0315" {
		t.Errorf("committee %q, rapporteurs %q, text adopted %q", d.Committee, d.Rapporteurs, d.TextAdopted)
	}
	if d.TabledBy != nil || d.Replaces != nil || d.OtherAuthors != nil || d.Recitals != nil {
		t.Errorf("a report is tabled by a committee and has no recitals: %+v %+v %+v %+v", d.TabledBy, d.Replaces, d.OtherAuthors, d.Recitals)
	}
	if !strings.HasPrefix(d.Heading, "PROPOSAL FOR A EUROPEAN PARLIAMENT DECISION on amendments to Parliament’s Rules of Procedure") {
		t.Errorf("heading %q", d.Heading)
	}
	if len(d.Citations) != 2 || d.Citations[0].Kind != CiteRules || d.Citations[1].Kind != CiteOther || len(d.Paragraphs) != 3 {
		t.Errorf("%d citations %+v, %d paragraphs", len(d.Citations), d.Citations, len(d.Paragraphs))
	}
	checkRecipients(t, d, []Recipient{
		{Kind: RecipientInstitution, Name: "Council", Institution: "COUNCIL"},
		{Kind: RecipientInstitution, Name: "Commission", Institution: "COMMISSION"},
	})
	for _, s := range []string{"Amendment", "Present text", "Members present for the final vote"} {
		if strings.Contains(d.Text, s) {
			t.Errorf("the text goes on past the proposal: it holds %q", s)
		}
	}
}

func TestParseReadsAFrenchJointMotionWrittenForTheTests(t *testing.T) {
	d := parseOK(t, inputtest.ReadTestdata(t, "joint-motion-fr.html"))
	if d.Language != "fr" || d.Kind != KindJointMotion || d.Reference != "RC-B9-0001/2099" || d.Date != graph.Day(2099, 7, 1) ||
		d.Procedure != "2099/9999(RSP)" || d.TextAdopted != "P9_TA(2099)0001" {
		t.Errorf("%s %s %s %s %s %s", d.Language, d.Kind, d.Reference, d.Date, d.Procedure, d.TextAdopted)
	}
	if codes, members := groupsOf(d); !slices.Equal(codes, []string{"EPP", "GREEN_EFA"}) || !slices.Equal(members, []int{2, 1}) {
		t.Errorf("« au nom du groupe »: %v %v", codes, members)
	}
	if len(d.Replaces) != 2 || d.Replaces[0].Reference != "B9-0001/2099" || d.Replaces[1].Group != "GREEN_EFA" {
		t.Errorf("« en remplacement des propositions »: %+v", d.Replaces)
	}
	var kinds []CitationKind
	for _, c := range d.Citations {
		kinds = append(kinds, c.Kind)
	}
	if !slices.Equal(kinds, []CitationKind{CiteResolutions, CiteResolutions, CiteAgreement, CiteInstruments}) {
		t.Errorf("« vu »: %v", kinds)
	}
	res := d.Citations[1].Resolutions
	if len(res) != 2 || res[0].Date != graph.Day(2098, 12, 15) || res[0].Title != "l’état de droit dans les Balkans occidentaux" ||
		res[1].Date != graph.Day(2099, 3, 2) || res[1].Title != "la Serbie" {
		t.Errorf("two resolutions cited in one citation: %+v", res)
	}
	if len(d.Recitals) != 2 || !slices.Equal(d.Recitals[1].Countries, []string{"RU", "CN", "RS"}) || !slices.Equal(d.Recitals[0].Institutions, []string{"COE"}) {
		t.Errorf("« considérant »: %+v", d.Recitals)
	}
	if len(d.Paragraphs) != 4 || len(d.Paragraphs[1].Items) != 2 || d.Paragraphs[1].Items[0].Label != "a)" {
		t.Errorf("paragraphs and sub-items: %+v", d.Paragraphs)
	}
	checkRecipients(t, d, []Recipient{
		{Kind: RecipientInstitution, Name: "Conseil", Institution: "COUNCIL"},
		{Kind: RecipientInstitution, Name: "Commission", Institution: "COMMISSION"},
		{Kind: RecipientOffice, Name: "président de la République de Serbie", Country: "RS"},
		{Kind: RecipientInstitution, Name: "gouvernement de la République de Serbie", Institution: "GOVERNMENT:RS", Country: "RS"},
		{Kind: RecipientInstitution, Name: "parlement de la République de Serbie", Institution: "PARLIAMENT:RS", Country: "RS"},
		{Kind: RecipientCountry, Name: "États-Unis", Country: "US"},
	})
}

func TestParseReadsATextAdoptedWrittenForTheTests(t *testing.T) {
	d := parseOK(t, inputtest.ReadTestdata(t, "text-adopted-en.html"))
	if d.Kind != KindTextAdopted || d.KindLabel != "Texts adopted" || d.Reference != "P9_TA(2099)0001" || d.Date != graph.Day(2099, 7, 2) {
		t.Errorf("kind %s %q, reference %s, date %s (from the heading)", d.Kind, d.KindLabel, d.Reference, d.Date)
	}
	checkRecipients(t, d, []Recipient{
		{Kind: RecipientInstitution, Name: "Council", Institution: "COUNCIL"},
		{Kind: RecipientInstitution, Name: "Commission", Institution: "COMMISSION"},
		{Kind: RecipientInstitution, Name: "Vice-President of the Commission / High Representative of the Union for Foreign Affairs and Security Policy", Institution: "VPHR"},
		{Kind: RecipientInstitution, Name: "Government of Serbia", Institution: "GOVERNMENT:RS", Country: "RS"},
		{Kind: RecipientInstitution, Name: "National Assembly of Serbia", Institution: "PARLIAMENT:RS", Country: "RS"},
	})
	if len(d.Paragraphs) != 2 || len(d.Paragraphs[0].Items) != 2 || d.Paragraphs[0].Items[1].Text != "protect journalists;" {
		t.Errorf("paragraphs %+v: a subheading between them is skipped, the annex after them is left out", d.Paragraphs)
	}
	if strings.Contains(d.Text, "Freedom of the media") || strings.Contains(d.Text, "ANNEX") {
		t.Errorf("the subheading or the annex is in the text")
	}
}

// checkText checks that every span quotes what it stands for.
func checkText(t testing.TB, d *Doc) {
	t.Helper()
	quote := func(what string, s graph.Span, want string) {
		t.Helper()
		if q, err := graph.Quote(d.Text, s); err != nil || q != want {
			t.Errorf("%s: span %v quotes %q (%v), want %q", what, s, q, err, want)
		}
	}
	quote("title", d.TitleSpan, d.Title)
	if d.Heading != "" {
		quote("heading", d.HeadingSpan, d.Heading)
	}
	for _, m := range d.Replaces {
		if q, _ := graph.Quote(d.Text, m.Span); !strings.HasPrefix(q, m.Reference) {
			t.Errorf("motion %s: its span quotes %q", m.Reference, q)
		}
	}
	for _, g := range d.TabledBy {
		quote("group", g.Span, g.GroupName)
	}
	for _, c := range d.Citations {
		quote("citation", c.Span, c.Text)
		for _, r := range c.Resolutions {
			if q, err := graph.Quote(d.Text, r.Span); err != nil || !strings.Contains(q, r.Title) || r.Span.Start < c.Span.Start || r.Span.End > c.Span.End {
				t.Errorf("cited resolution %q: span %v quotes %q", r.Title, r.Span, q)
			}
		}
	}
	for _, r := range d.Recitals {
		quote("recital "+r.Label, r.Span, r.Text)
	}
	for _, p := range d.Paragraphs {
		quote("paragraph "+p.Number, p.Span, p.Text)
		for _, it := range p.Items {
			quote("item "+it.Label, it.Span, it.Text)
		}
	}
	for _, r := range d.Recipients {
		if q, err := graph.Quote(d.Text, r.Span); err != nil || q == "" || !strings.HasPrefix(r.Name, q) && !strings.HasPrefix(q, r.Name) {
			t.Errorf("recipient %q: span %v quotes %q", r.Name, r.Span, q)
		}
	}
}

func TestDetectRecognisesDocumentPagesFromTheirContent(t *testing.T) {
	tests := []struct {
		name string
		rel  string // corpus file, or testdata file when it starts with "testdata/"
		want bool
	}{
		{"the joint motion is one", "doceo/RC-10-2025-0249_EN.html", true},
		{"the report is one", "doceo/A-9-2024-0163_EN.html", true},
		{"a French page written for the tests is one", "testdata/joint-motion-fr.html", true},
		{"an OEIL procedure file, full of links to doceo, is not one", "oeil-procedure/2021-2540-rsp.en.html", false},
		{"an OEIL summary is not one", "oeil-summary/1651118.en.html", false},
		{"an Open Data Portal answer is not one", "odp/odp-document_rc-10-2025-0249.json", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var raw []byte
			if name, ok := strings.CutPrefix(tt.rel, "testdata/"); ok {
				raw = inputtest.ReadTestdata(t, name)
			} else {
				raw = inputtest.ReadCorpus(t, tt.rel)
			}
			if got := Detect(raw); got != tt.want {
				t.Errorf("Detect = %v, want %v", got, tt.want)
			}
			if tt.want && !Detect(raw[:len(raw)/8]) {
				t.Error("the first eighth of the page is not recognised")
			}
		})
	}
}
