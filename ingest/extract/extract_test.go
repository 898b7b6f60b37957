package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/internal/corpus"
)

// expected is the acceptance oracle of one summary (corpus expected/*.json): facts, not a
// schema; count means exactly, countAtLeast a floor.
type expected struct {
	Source     string `json:"source"`
	Language   string `json:"language"`
	Resolution struct {
		Title           string   `json:"title"`
		Adopted         string   `json:"adopted"`
		Vote            *vote    `json:"vote"`
		JointlyTabledBy []string `json:"jointlyTabledBy"`
	} `json:"resolution"`
	Concerns   []string `json:"concerns"`
	Mentions   *[]string
	Regions    []string `json:"regions"`
	Agreements []struct {
		Kind    string   `json:"kind"`
		Parties []string `json:"parties"`
		Signed  string   `json:"signed"`
		InForce string   `json:"inForce"`
	} `json:"agreements"`
	Demands *struct {
		AddressedTo []struct {
			Addressee    string `json:"addressee"`
			Country      string `json:"country"`
			Count        *int   `json:"count"`
			CountAtLeast *int   `json:"countAtLeast"`
		} `json:"addressedTo"`
		TotalAtLeast      int `json:"totalAtLeast"`
		MustLinkAgreement int `json:"mustLinkAgreement"`
	} `json:"demands"`
	PositionsAtLeast []string `json:"positionsAtLeast"`
	TopicsAtLeast    []string `json:"topicsAtLeast"`
}

type vote struct {
	For         int `json:"for"`
	Against     int `json:"against"`
	Abstentions int `json:"abstentions"`
}

func (e *expected) UnmarshalJSON(b []byte) error {
	type plain expected
	var aux struct {
		plain
		Mentions *[]string `json:"mentions"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*e = expected(aux.plain)
	e.Mentions = aux.Mentions
	return nil
}

// corpusSummaries are the OEIL summaries of the corpus with their oracle. The doceo joint
// motion (RC-10-2025-0249_EN) is another format, read by another parser later.
var corpusSummaries = []string{"1651118.en.html", "1864147.en.html", "2021-2544-RSP.fr.txt"}

func loadExpected(t *testing.T, name string) expected {
	t.Helper()
	dir := corpus.Dir(t)
	oracle := strings.TrimSuffix(strings.TrimSuffix(name, ".html"), ".txt") + ".json"
	b, err := os.ReadFile(filepath.Join(dir, "expected", oracle))
	if err != nil {
		t.Fatal(err)
	}
	var e expected
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatalf("%s: %v", oracle, err)
	}
	return e
}

// TestExtractCorpus asserts every fact of the oracle of each OEIL summary of the corpus.
func TestExtractCorpus(t *testing.T) {
	for _, name := range corpusSummaries {
		t.Run(name, func(t *testing.T) {
			in := corpusInput(t, name)
			want := loadExpected(t, name)
			doc, err := Extract(in)
			if err != nil {
				t.Fatal(err)
			}
			checkSpans(t, in, doc)
			checkValid(t, in, doc, name)
			if got := quoteOf(t, in.Text, in.Title); got != want.Resolution.Title {
				t.Errorf("the test input's title is %q, want %q", got, want.Resolution.Title)
			}
			if in.Adopted.String() != want.Resolution.Adopted {
				t.Errorf("the test input's date is %s, want %s", in.Adopted, want.Resolution.Adopted)
			}

			t.Run("the vote is read with its figures", func(t *testing.T) {
				got := doc.Resolution.Vote
				w := want.Resolution.Vote
				if w == nil {
					if got != nil {
						t.Errorf("vote %+v, want none", *got)
					}
					return
				}
				if got == nil || got.For != w.For || got.Against != w.Against || got.Abstentions != w.Abstentions {
					t.Fatalf("vote %+v, want %+v", got, *w)
				}
				q := quoteOf(t, in.Text, doc.Resolution.VoteEvidence)
				for _, n := range []int{w.For, w.Against, w.Abstentions} {
					if !strings.Contains(q, itoa(n)) {
						t.Errorf("vote evidence %q lacks %d", q, n)
					}
				}
			})

			t.Run("the tabling groups resolve to their codes on the adoption date", func(t *testing.T) {
				var got []string
				for _, g := range doc.Resolution.TabledBy {
					got = append(got, g.Code)
				}
				if !slices.Equal(got, want.Resolution.JointlyTabledBy) {
					t.Errorf("tabled by %v, want %v", got, want.Resolution.JointlyTabledBy)
				}
				if doc.Resolution.AdoptedBy != graph.CodeEP {
					t.Errorf("adopted by %q, want %q", doc.Resolution.AdoptedBy, graph.CodeEP)
				}
			})

			t.Run("the concerned and mentioned countries are exactly the oracle's", func(t *testing.T) {
				var concerns, mentions []string
				for _, c := range doc.Countries {
					if c.Role == graph.RoleConcerns {
						concerns = append(concerns, c.Code)
					} else {
						mentions = append(mentions, c.Code)
					}
					if c.Names["en"] == "" || c.Names["fr"] == "" {
						t.Errorf("country %s has names %v, want en and fr", c.Code, c.Names)
					}
				}
				if !sameSet(concerns, want.Concerns) {
					t.Errorf("concerns %v, want %v", concerns, want.Concerns)
				}
				if want.Mentions != nil && !sameSet(mentions, *want.Mentions) {
					t.Errorf("mentions %v, want %v", mentions, *want.Mentions)
				}
			})

			t.Run("the agreements have their kind, parties and dates at their precision", func(t *testing.T) {
				if want.Agreements != nil && len(doc.Agreements) != len(want.Agreements) {
					t.Fatalf("%d agreements, want %d", len(doc.Agreements), len(want.Agreements))
				}
				for i, w := range want.Agreements {
					a := doc.Agreements[i]
					var parties []string
					for _, p := range a.Parties {
						parties = append(parties, p.Country+p.Institution)
					}
					if string(a.Kind) != w.Kind || !sameSet(parties, w.Parties) {
						t.Errorf("agreement %d: %s %v, want %s %v", i, a.Kind, parties, w.Kind, w.Parties)
					}
					if a.Signed.String() != w.Signed || a.InForce.String() != w.InForce {
						t.Errorf("agreement %d: signed %q in force %q, want %q %q", i, a.Signed, a.InForce, w.Signed, w.InForce)
					}
					if a.Names["en"] == "" || a.Names["fr"] == "" {
						t.Errorf("agreement %d: names %v", i, a.Names)
					}
				}
			})

			t.Run("the demands go to their addressees", func(t *testing.T) {
				if want.Demands == nil {
					return
				}
				if len(doc.Demands) < want.Demands.TotalAtLeast {
					t.Errorf("%d demands, want at least %d", len(doc.Demands), want.Demands.TotalAtLeast)
				}
				insts := map[string]graph.Institution{}
				for _, in := range doc.Institutions {
					insts[in.Key] = in
				}
				for _, w := range want.Demands.AddressedTo {
					n := 0
					for _, dm := range doc.Demands {
						for _, k := range dm.Addressees {
							in := insts[k]
							if in.Names["en"] == w.Addressee && (w.Country == "" || in.Country == w.Country) {
								n++
							}
						}
					}
					switch {
					case w.Count != nil && n != *w.Count:
						t.Errorf("%d demands to %q, want %d", n, w.Addressee, *w.Count)
					case w.CountAtLeast != nil && n < *w.CountAtLeast:
						t.Errorf("%d demands to %q, want at least %d", n, w.Addressee, *w.CountAtLeast)
					}
				}
				linked := 0
				for _, dm := range doc.Demands {
					if len(dm.Agreements) > 0 {
						linked++
					}
				}
				if linked < want.Demands.MustLinkAgreement {
					t.Errorf("%d demands linked to an agreement, want at least %d", linked, want.Demands.MustLinkAgreement)
				}
				if want.Demands.MustLinkAgreement > 0 {
					// the review of the agreement, addressed to the Commission and the VP/HR
					ok := false
					for _, dm := range doc.Demands {
						if slices.Contains(dm.Addressees, graph.CodeCommission) && slices.Contains(dm.Addressees, graph.CodeVPHR) &&
							len(dm.Agreements) == 1 && dm.Agreements[0] == doc.Agreements[0].Key() {
							ok = true
						}
					}
					if !ok {
						t.Errorf("no demand to the Commission and the VP/HR targets %s", doc.Agreements[0].Key())
					}
				}
			})

			t.Run("condemnations and criticism are stances", func(t *testing.T) {
				for _, w := range want.PositionsAtLeast {
					found := false
					for _, s := range doc.Stances {
						found = found || strings.Contains(s.Text, w)
					}
					if !found {
						t.Errorf("no stance says %q", w)
					}
					for _, dm := range doc.Demands {
						if strings.Contains(dm.Text, w) {
							t.Errorf("demand %d says %q, a stance", dm.Position, w)
						}
					}
				}
			})

			t.Run("the demands have their topics", func(t *testing.T) {
				var got []string
				for _, tp := range doc.Topics {
					got = append(got, tp.Names["en"])
				}
				for _, w := range want.TopicsAtLeast {
					if !slices.Contains(got, w) {
						t.Errorf("topics %v lack %q", got, w)
					}
				}
			})

			t.Run("the regions are named", func(t *testing.T) {
				got := Regions(in)
				for _, w := range want.Regions {
					if !slices.Contains(got, w) {
						t.Errorf("regions %v lack %q", got, w)
					}
				}
			})
		})
	}
}

// TestCorpusDetails pins what the oracle leaves open, as the rules decide it: the demands
// of each summary one by one, and the stances.
func TestCorpusDetails(t *testing.T) {
	t.Run("the Myanmar summary splits its stance and demand and reads its two lists", func(t *testing.T) {
		doc := mustExtract(t, corpusInput(t, "1651118.en.html"))
		wantAddr := [][]string{
			{"ARMED_FORCES:MM"}, nil, {"ARMED_FORCES:MM", "GOVERNMENT:MM"},
			{"EU", "INTERNATIONAL_FINANCIAL_INSTITUTIONS"},
			{"EU", "MEMBER_STATES"}, {"EU", "MEMBER_STATES"}, {"EU", "MEMBER_STATES"},
			{"COUNCIL"}, {"COUNCIL"},
		}
		checkAddressees(t, doc, wantAddr)
		if got := doc.Demands[0].Text; !strings.HasPrefix(got, "called on the Tatmadaw to immediately reinstate") {
			t.Errorf("demand 1 is %q", got)
		}
		if got := doc.Demands[7].Text; !strings.Contains(got, "and other legal entities directly owned") {
			t.Errorf("the bullet split across two paragraphs is not whole: %q", got)
		}
		wantStances := []graph.StanceKind{graph.StanceCondemns, graph.StanceCriticises, graph.StanceCondemns}
		checkStances(t, doc, wantStances)
		if doc.Stances[0].Text != "Parliament strongly condemns the military takeover" {
			t.Errorf("stance 1 is %q", doc.Stances[0].Text)
		}
	})
	t.Run("the Kazakhstan summary gives nine bullets to the government, one to the EU and one on the agreement", func(t *testing.T) {
		doc := mustExtract(t, corpusInput(t, "2021-2544-RSP.fr.txt"))
		g := []string{"GOVERNMENT:KZ"}
		checkAddressees(t, doc, [][]string{g, g, g, g, g, g, g, g, g, {"EU", "MEMBER_STATES"}, {"COMMISSION", "VPHR"}})
		key := doc.Agreements[0].Key()
		for i, dm := range doc.Demands {
			want := i == 0 || i == 10 // "tels que consacrés par l'accord"; the review
			if got := slices.Contains(dm.Agreements, key); got != want {
				t.Errorf("demand %d (%q) targets the agreement: %v, want %v", i+1, dm.Text, got, want)
			}
		}
		if got := doc.Demands[7].Text; got != "assurer la sécurité des Kazakhs ethniques et des autres groupes minoritaires qui ont fui les camps de concentration chinois" {
			t.Errorf("the bullet after a blank line is %q", got)
		}
		checkStances(t, doc, []graph.StanceKind{graph.StanceConcerned, graph.StanceStresses})
		a := doc.Agreements[0]
		if a.Names["en"] != "EU–Kazakhstan Enhanced Partnership and Cooperation Agreement" ||
			a.Names["fr"] != "accord de partenariat et de coopération renforcé UE–Kazakhstan" {
			t.Errorf("agreement names %v", a.Names)
		}
		if a.Signed.Precision() != "year" || a.InForce.Precision() != "day" {
			t.Errorf("signed at %s precision, in force at %s", a.Signed.Precision(), a.InForce.Precision())
		}
		for _, in := range doc.Institutions {
			if in.Key == "GOVERNMENT:KZ" && (in.Names["en"] != "Government of Kazakhstan" || in.Names["fr"] != "gouvernement du Kazakhstan" || in.Country != "KZ") {
				t.Errorf("government of Kazakhstan: %+v", in)
			}
		}
	})
	t.Run("the BEFIT summary concerns no country and has two legislative demands", func(t *testing.T) {
		doc := mustExtract(t, corpusInput(t, "1864147.en.html"))
		if len(doc.Countries) != 0 || len(doc.Agreements) != 0 {
			t.Errorf("countries %v, agreements %v: want none", doc.Countries, doc.Agreements)
		}
		checkAddressees(t, doc, [][]string{{"MEMBER_STATES"}, {"COMMISSION"}})
		if len(doc.Resolution.TabledBy) != 0 {
			t.Errorf("tabled by %v", doc.Resolution.TabledBy)
		}
	})
}

func mustExtract(t *testing.T, in Input) *graph.Document {
	t.Helper()
	doc, err := Extract(in)
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, in, doc)
	return doc
}

func checkAddressees(t *testing.T, doc *graph.Document, want [][]string) {
	t.Helper()
	if len(doc.Demands) != len(want) {
		for _, dm := range doc.Demands {
			t.Logf("demand %d %v %q", dm.Position, dm.Addressees, dm.Text)
		}
		t.Fatalf("%d demands, want %d", len(doc.Demands), len(want))
	}
	for i, dm := range doc.Demands {
		if !slices.Equal(dm.Addressees, want[i]) {
			t.Errorf("demand %d (%q): addressees %v, want %v", i+1, dm.Text, dm.Addressees, want[i])
		}
	}
}

func checkStances(t *testing.T, doc *graph.Document, want []graph.StanceKind) {
	t.Helper()
	var got []graph.StanceKind
	for _, s := range doc.Stances {
		got = append(got, s.Kind)
	}
	if !slices.Equal(got, want) {
		for _, s := range doc.Stances {
			t.Logf("stance %d %s %q", s.Position, s.Kind, s.Text)
		}
		t.Errorf("stances %v, want %v", got, want)
	}
}

// checkSpans asserts the contract on spans: each cuts a quote out of the text, and texts
// equal their quotes.
func checkSpans(t testing.TB, in Input, doc *graph.Document) {
	t.Helper()
	span := func(what string, s graph.Span) string {
		q, err := graph.Quote(in.Text, s)
		if err != nil {
			t.Errorf("%s: %v", what, err)
		}
		return q
	}
	if r := doc.Resolution; r != nil {
		if r.Vote != nil {
			span("vote", r.VoteEvidence)
		}
		for _, g := range r.TabledBy {
			if span("group "+g.Code, g.Evidence) == "" {
				t.Errorf("group %s: empty evidence", g.Code)
			}
		}
	}
	for _, c := range doc.Countries {
		if span("country "+c.Code, c.Evidence) == "" {
			t.Errorf("country %s: empty evidence", c.Code)
		}
	}
	for _, a := range doc.Agreements {
		span("agreement "+a.Key(), a.Evidence)
	}
	for _, dm := range doc.Demands {
		if q := span("demand", dm.Evidence); q != dm.Text || q == "" {
			t.Errorf("demand %d: text %q, quote %q", dm.Position, dm.Text, q)
		}
	}
	for _, s := range doc.Stances {
		if q := span("stance", s.Evidence); q != s.Text || q == "" {
			t.Errorf("stance %d: text %q, quote %q", s.Position, s.Text, q)
		}
	}
}

// checkValid completes the document as the glue does and runs the store's validation.
func checkValid(t testing.TB, in Input, doc *graph.Document, name string) {
	t.Helper()
	doc.Source = graph.Source{Key: "test/" + name, Kind: graph.DocOEILSummary, Format: "test", Language: in.Language,
		SHA256: "00", IngestedAt: time.Unix(0, 0), Text: in.Text}
	doc.Resolution.Reference = "2000/0000(RSP)"
	doc.Resolution.Adopted = in.Adopted
	if err := doc.Validate(); err != nil {
		t.Error(err)
	}
}

func quoteOf(t testing.TB, text string, s graph.Span) string {
	t.Helper()
	q, err := graph.Quote(text, s)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
