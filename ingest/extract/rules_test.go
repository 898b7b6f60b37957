package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/eurel/eurel/graph"
)

var feb2021 = graph.Day(2021, 2, 11)

// mkInput builds an Input from a title and paragraphs ("- " starts a bullet), with a header
// line between them as summaries have.
func mkInput(lang string, adopted graph.PartialDate, title string, paras ...string) Input {
	var w inputBuilder
	w.title(title)
	w.header("2021/0000(RSP) - 11/02/2021 - Text adopted by Parliament, single reading")
	for _, p := range paras {
		if rest, ok := strings.CutPrefix(p, "- "); ok {
			w.para(rest, true)
			continue
		}
		w.para(p, false)
	}
	return w.input(lang, adopted)
}

func extractOK(t *testing.T, in Input) *graph.Document {
	t.Helper()
	doc, err := Extract(in)
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, in, doc)
	checkValid(t, in, doc, t.Name())
	return doc
}

func TestVote(t *testing.T) {
	cases := []struct {
		name, lang, text string
		want             *graph.Vote
		evidence         string
	}{
		{"English with abstentions", "en", "The European Parliament adopted by 667 votes to 1, with 27 abstentions, a resolution on Myanmar.",
			&graph.Vote{For: 667, Against: 1, Abstentions: 27}, "by 667 votes to 1, with 27 abstentions"},
		{"English with a bracket after", "en", "Parliament adopted by 370 votes to 160, with 107 abstentions (following a special legislative procedure), a legislative resolution.",
			&graph.Vote{For: 370, Against: 160, Abstentions: 107}, "by 370 votes to 160, with 107 abstentions"},
		{"English without abstentions", "en", "Parliament adopted by 500 votes to 12 a resolution.",
			&graph.Vote{For: 500, Against: 12}, "by 500 votes to 12"},
		{"English with no abstentions", "en", "Parliament adopted by 1\u202f000 votes to 2 with no abstentions a resolution.",
			&graph.Vote{For: 1000, Against: 2}, "by 1\u202f000 votes to 2 with no abstentions"},
		{"English in favour and against", "en", "It was adopted by 667 votes in favour, 1 against and 27 abstentions.",
			&graph.Vote{For: 667, Against: 1, Abstentions: 27}, "by 667 votes in favour, 1 against and 27 abstentions"},
		{"French for, against, abstentions", "fr", "Le Parlement européen a adopté par 598 voix pour, 43 contre et 52 abstentions, une résolution.",
			&graph.Vote{For: 598, Against: 43, Abstentions: 52}, "par 598 voix pour, 43 contre et 52 abstentions"},
		{"French votes against", "fr", "Le Parlement a adopté par 512 voix contre 37 et 31 abstentions une résolution.",
			&graph.Vote{For: 512, Against: 37, Abstentions: 31}, "par 512 voix contre 37 et 31 abstentions"},
		{"French with spaces in numbers", "fr", "adoptée par 1 012 voix pour, 3 voix contre, 5 abstentions.",
			&graph.Vote{For: 1012, Against: 3, Abstentions: 5}, "par 1 012 voix pour, 3 voix contre, 5 abstentions"},
		{"no figures", "en", "The European Parliament adopted a resolution on the situation in Myanmar.", nil, ""},
		{"half a result", "en", "Parliament adopted by 50 votes a resolution.", nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := mkInput(c.lang, feb2021, "Resolution", c.text)
			doc := extractOK(t, in)
			got := doc.Resolution.Vote
			if c.want == nil {
				if got != nil {
					t.Fatalf("vote %+v, want none", *got)
				}
				return
			}
			if got == nil || *got != *c.want {
				t.Fatalf("vote %+v, want %+v", got, *c.want)
			}
			if q := quoteOf(t, in.Text, doc.Resolution.VoteEvidence); q != c.evidence {
				t.Errorf("evidence %q, want %q", q, c.evidence)
			}
		})
	}
	t.Run("the header line is not read", func(t *testing.T) {
		var w inputBuilder
		w.title("Resolution")
		w.header("adopted by 10 votes to 2, with 1 abstention")
		w.para("A text without figures.", false)
		if doc := extractOK(t, w.input("en", feb2021)); doc.Resolution.Vote != nil {
			t.Errorf("vote %+v read from the header", *doc.Resolution.Vote)
		}
	})
}

func TestTabledByResolvesGroupsByDate(t *testing.T) {
	cases := []struct {
		name, lang string
		on         graph.PartialDate
		text       string
		want       []string
	}{
		{"English 2021", "en", feb2021,
			"The text adopted in plenary had been tabled as a joint resolution by the EPP, S&D, Renew, Greens/EFA, ECR groups and The Left.",
			[]string{"EPP", "SD", "RENEW", "GREEN_EFA", "ECR", "GUE_NGL"}},
		{"French 2021", "fr", feb2021,
			"Le texte adopté en plénière avait été déposé en tant que résolution commune par les groupes PPE, S&D, Renew, Verts/ALE, ECR et The Left.",
			[]string{"EPP", "SD", "RENEW", "GREEN_EFA", "ECR", "GUE_NGL"}},
		{"English 2018, before Renew and The Left", "en", graph.Day(2018, 3, 15),
			"The text had been tabled as a joint resolution by the EPP, S&D, ALDE, Greens/EFA, ECR and GUE/NGL groups.",
			[]string{"EPP_2009_0", "SD", "ALDE", "GREEN_EFA", "ECR", "GUE_NGL_1995_0"}},
		{"groups named without a tabling verb", "en", feb2021,
			"The EPP and S&D groups welcomed the text.", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := mkInput(c.lang, c.on, "Resolution", c.text)
			doc := extractOK(t, in)
			var got []string
			for _, g := range doc.Resolution.TabledBy {
				got = append(got, g.Code)
				q := quoteOf(t, in.Text, g.Evidence)
				if !strings.Contains(c.text, q) || q == "" {
					t.Errorf("%s: evidence %q", g.Code, q)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("tabled by %v, want %v", got, c.want)
			}
			for _, code := range c.want {
				if !slices.ContainsFunc(doc.Institutions, func(in graph.Institution) bool {
					return in.Key == code && in.Kind == graph.InstPoliticalGroup && in.Code == code
				}) {
					t.Errorf("institution %s missing", code)
				}
			}
		})
	}
}

func TestAdoptedBy(t *testing.T) {
	for text, want := range map[string]string{
		"The European Parliament adopted by 667 votes to 1 a resolution.": graph.CodeEP,
		"Le Parlement européen a adopté une résolution.":                  graph.CodeEP,
		"The Commission adopted a proposal.":                              "",
		"The text adopted in plenary had been tabled by the EPP group.":   "",
	} {
		doc := extractOK(t, mkInput("en", feb2021, "Resolution", text))
		if doc.Resolution.AdoptedBy != want {
			t.Errorf("%q: adopted by %q, want %q", text, doc.Resolution.AdoptedBy, want)
		}
	}
}

func roles(doc *graph.Document) (concerns, mentions []string) {
	for _, c := range doc.Countries {
		if c.Role == graph.RoleConcerns {
			concerns = append(concerns, c.Code)
		} else {
			mentions = append(mentions, c.Code)
		}
	}
	return
}

func TestCountriesConcernedAndMentioned(t *testing.T) {
	cases := []struct {
		name, lang, title string
		paras             []string
		concerns, mention []string
	}{
		{"the title names the subject", "en", "Resolution on the situation in Myanmar",
			[]string{"Myanmar’s military received arms from Russian and Chinese firms; the EU and the US reacted."},
			[]string{"MM"}, []string{"RU", "CN", "US"}},
		{"adjectives and demonyms in French", "fr", "Résolution sur la situation des droits de l'homme au Kazakhstan",
			[]string{"La société civile kazakhe et des Kazakhs ethniques ont fui les camps de concentration chinois."},
			[]string{"KZ"}, []string{"CN"}},
		{"the first sentence names the subject when the title does not", "en", "Human rights breaches",
			[]string{"The European Parliament adopted a resolution on the situation in Nicaragua. Cuba was also named."},
			[]string{"NI"}, []string{"CU"}},
		{"Member States are not mentions", "en", "Resolution on Belarus",
			[]string{"Poland and Lithuania host opposition leaders; Ukraine too."},
			[]string{"BY"}, []string{"UA"}},
		{"a Member State in the title is the subject", "en", "Resolution on the rule of law in Hungary",
			[]string{"Parliament compared Hungary with Poland and Turkey."},
			[]string{"HU"}, []string{"TR"}},
		{"common words and the EU are not countries", "en", "Taxation in the EU",
			[]string{"A chad of paper, a turkey and a jordan of wine: the EU, the Union and the Member States; Facebook and Twitter."},
			nil, nil},
		{"the longest name wins", "en", "Resolution on Papua New Guinea",
			[]string{"Guinea-Bissau and Equatorial Guinea, not Guinea, were named; Latin American states too."},
			[]string{"PG"}, []string{"GW", "GQ", "GN"}},
		{"Sint Maarten and Saint-Martin apart in French", "fr", "Résolution sur Sint-Maarten",
			[]string{"Saint-Martin et Saint-Martin (partie néerlandaise) partagent une île."},
			[]string{"SX"}, []string{"MF"}},
		{"French names need their capitals, adjectives do not", "fr", "Résolution sur le Tchad",
			[]string{"Les autorités tchadiennes et le gouvernement turc; un coup de niger."},
			[]string{"TD"}, []string{"TR"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := mkInput(c.lang, feb2021, c.title, c.paras...)
			doc := extractOK(t, in)
			concerns, mentions := roles(doc)
			if !slices.Equal(concerns, c.concerns) || !slices.Equal(mentions, c.mention) {
				t.Errorf("concerns %v mentions %v, want %v %v", concerns, mentions, c.concerns, c.mention)
			}
		})
	}
	t.Run("the evidence is the first mention and the names are CLDR's", func(t *testing.T) {
		in := mkInput("en", feb2021, "Resolution on Burma", "Burmese refugees fled Myanmar.")
		doc := extractOK(t, in)
		if len(doc.Countries) != 1 {
			t.Fatalf("countries %v", doc.Countries)
		}
		c := doc.Countries[0]
		if q := quoteOf(t, in.Text, c.Evidence); q != "Burma" || c.Evidence.Start != in.Title.Start+len("Resolution on ") {
			t.Errorf("evidence %q at %d", q, c.Evidence.Start)
		}
		if c.Names["en"] != "Myanmar (Burma)" || c.Names["fr"] != "Myanmar (Birmanie)" {
			t.Errorf("names %v", c.Names)
		}
	})
}

// demandsOf extracts and returns the demands' addressees and texts, and the stances' kinds
// and texts.
func demandsOf(t *testing.T, lang, title string, paras ...string) *graph.Document {
	t.Helper()
	return extractOK(t, mkInput(lang, feb2021, title, paras...))
}

// kazakhstanDemands extracts a resolution on Kazakhstan in lang whose only paragraph is text,
// and stops the test, listing what it found, unless it makes n demands.
func kazakhstanDemands(t *testing.T, lang, text string, n int) *graph.Document {
	t.Helper()
	title := "Resolution on Kazakhstan"
	if lang == "fr" {
		title = "Résolution sur le Kazakhstan"
	}
	doc := demandsOf(t, lang, title, text)
	if len(doc.Demands) != n {
		for _, dm := range doc.Demands {
			t.Logf("demand %d %v %q", dm.Position, dm.Addressees, dm.Text)
		}
		t.Fatalf("%d demands, want %d", len(doc.Demands), n)
	}
	return doc
}

// plainCase is a sentence whose one demand must be that of a plainer sentence: the same
// addressees and topics, its own whole text.
type plainCase struct {
	name, lang string
	text       string // the sentence as tested (with a clause, a link, an apposition…)
	plain      string // the same sentence written plainly
}

// checkLikeThePlainSentence checks each case's one demand against its plain sentence's, which
// must name an addressee.
func checkLikeThePlainSentence(t *testing.T, cases []plainCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ref := kazakhstanDemands(t, c.lang, c.plain, 1).Demands[0]
			if len(ref.Addressees) == 0 {
				t.Fatalf("%q names no addressee", c.plain)
			}
			doc := kazakhstanDemands(t, c.lang, c.text, 1)
			dm := doc.Demands[0]
			if text := strings.TrimSuffix(c.text, "."); dm.Text != text || !slices.Equal(dm.Addressees, ref.Addressees) || !slices.Equal(dm.Topics, ref.Topics) {
				t.Errorf("%v %v %q, want %v %v %q", dm.Addressees, dm.Topics, dm.Text, ref.Addressees, ref.Topics, text)
			}
			checkStances(t, doc, nil)
		})
	}
}

type wantDemand struct {
	addr []string
	text string // a prefix of the demand's text
}

func checkDemands(t *testing.T, doc *graph.Document, want []wantDemand) {
	t.Helper()
	if len(doc.Demands) != len(want) {
		for _, dm := range doc.Demands {
			t.Logf("demand %d %v %q", dm.Position, dm.Addressees, dm.Text)
		}
		t.Fatalf("%d demands, want %d", len(doc.Demands), len(want))
	}
	for i, dm := range doc.Demands {
		if !slices.Equal(dm.Addressees, want[i].addr) || !strings.HasPrefix(dm.Text, want[i].text) {
			t.Errorf("demand %d: %v %q, want %v %q…", i+1, dm.Addressees, dm.Text, want[i].addr, want[i].text)
		}
	}
}

func checkStanceTexts(t *testing.T, doc *graph.Document, kinds []graph.StanceKind, texts []string) {
	t.Helper()
	checkStances(t, doc, kinds)
	for i, s := range doc.Stances {
		if i < len(texts) && s.Text != texts[i] {
			t.Errorf("stance %d: %q, want %q", i+1, s.Text, texts[i])
		}
	}
}

func TestDemandsAndStances(t *testing.T) {
	t.Run("a stance and a demand in one sentence are split", func(t *testing.T) {
		doc := demandsOf(t, "en", "Resolution on the situation in Myanmar",
			"Parliament strongly condemns the military takeover and called on the Tatmadaw to immediately reinstate the civilian government.")
		checkDemands(t, doc, []wantDemand{{[]string{"ARMED_FORCES:MM"}, "called on the Tatmadaw to immediately reinstate the civilian government"}})
		checkStanceTexts(t, doc, []graph.StanceKind{graph.StanceCondemns}, []string{"Parliament strongly condemns the military takeover"})
	})
	t.Run("two stances joined by a coordinator are two", func(t *testing.T) {
		doc := demandsOf(t, "en", "Resolution on Myanmar",
			"The resolution strongly criticised the restrictions on the freedom of expression and assembly, and in this light also strongly condemned the curtailing of media freedom.")
		checkDemands(t, doc, nil)
		checkStanceTexts(t, doc, []graph.StanceKind{graph.StanceCriticises, graph.StanceCondemns}, []string{
			"The resolution strongly criticised the restrictions on the freedom of expression and assembly",
			"in this light also strongly condemned the curtailing of media freedom"})
	})
	t.Run("two demand verbs to two addressees are two demands", func(t *testing.T) {
		doc := demandsOf(t, "en", "Resolution on Belarus",
			"Parliament called on the Commission to propose sanctions and urged the Council to adopt them swiftly.")
		checkDemands(t, doc, []wantDemand{
			{[]string{"COMMISSION"}, "Parliament called on the Commission to propose sanctions"},
			{[]string{"COUNCIL"}, "urged the Council to adopt them swiftly"},
		})
		if doc.Demands[0].Text != "Parliament called on the Commission to propose sanctions" {
			t.Errorf("demand 1 is %q", doc.Demands[0].Text)
		}
	})
	t.Run("calls for names no addressee", func(t *testing.T) {
		doc := demandsOf(t, "en", "Resolution on Myanmar", "The resolution called for the immediate release of all political prisoners.")
		checkDemands(t, doc, []wantDemand{{nil, "The resolution called for the immediate release"}})
	})
	t.Run("a bare military is the concerned country's", func(t *testing.T) {
		doc := demandsOf(t, "en", "Resolution on Myanmar",
			"Parliament urged the military and the rightfully elected Government of Myanmar under President Win Myint to initiate a free process.")
		checkDemands(t, doc, []wantDemand{{[]string{"ARMED_FORCES:MM", "GOVERNMENT:MM"}, "Parliament urged"}})
	})
	t.Run("a bare military is nobody's when two countries are concerned", func(t *testing.T) {
		doc := demandsOf(t, "en", "Resolution on Russia and Belarus", "Parliament called on the military to withdraw.")
		checkDemands(t, doc, []wantDemand{{nil, "Parliament called on the military to withdraw"}})
	})
	t.Run("national bodies take their country from the words around them", func(t *testing.T) {
		doc := demandsOf(t, "en", "Resolution on Central Asia",
			"Parliament called on the Kazakh authorities to release the protesters.",
			"Parliament urged the Chinese Government to close the camps.",
			"Parliament asked Russia to withdraw.",
			"Parliament called on Myanmar’s military to stand down.",
			"Parliament called on the parliament of Kyrgyzstan to reject the bill.")
		checkDemands(t, doc, []wantDemand{
			{[]string{"AUTHORITIES:KZ"}, "Parliament called on the Kazakh authorities"},
			{[]string{"GOVERNMENT:CN"}, "Parliament urged the Chinese Government"},
			{[]string{"AUTHORITIES:RU"}, "Parliament asked Russia"},
			{[]string{"ARMED_FORCES:MM"}, "Parliament called on Myanmar’s military"},
			{[]string{"PARLIAMENT:KG"}, "Parliament called on the parliament of Kyrgyzstan"},
		})
	})
	t.Run("adjectives may stand between a country and its body", func(t *testing.T) {
		doc := demandsOf(t, "en", "Resolution on Ukrainian children", "Urges Russian federal and local authorities to grant access.",
			"Calls for the EU to closely cooperate with Ukraine. Instructs its President to forward this resolution to the Council.")
		checkDemands(t, doc, []wantDemand{
			{[]string{"AUTHORITIES:RU"}, "Urges Russian federal and local authorities"},
			{[]string{"EU"}, "Calls for the EU to closely cooperate"},
		})
		doc = demandsOf(t, "fr", "Résolution sur les enfants ukrainiens", "Le Parlement invite les autorités fédérales et locales russes à accorder l'accès.")
		checkDemands(t, doc, []wantDemand{{[]string{"AUTHORITIES:RU"}, "Le Parlement invite les autorités"}})
	})
	t.Run("French national bodies", func(t *testing.T) {
		doc := demandsOf(t, "fr", "Résolution sur la Chine",
			"Le Parlement demande aux autorités chinoises de libérer les militants.",
			"Le Parlement invite le gouvernement du Kazakhstan à respecter ses engagements.",
			"Le Parlement condamne fermement la répression et exhorte l'armée birmane à rendre le pouvoir.")
		checkDemands(t, doc, []wantDemand{
			{[]string{"AUTHORITIES:CN"}, "Le Parlement demande aux autorités chinoises de libérer"},
			{[]string{"GOVERNMENT:KZ"}, "Le Parlement invite le gouvernement du Kazakhstan"},
			{[]string{"ARMED_FORCES:MM"}, "exhorte l'armée birmane"},
		})
		checkStanceTexts(t, doc, []graph.StanceKind{graph.StanceCondemns}, []string{"Le Parlement condamne fermement la répression"})
	})
	t.Run("means and partners are not addressees", func(t *testing.T) {
		doc := demandsOf(t, "en", "Resolution on Myanmar",
			"Parliament called on the EU, in cooperation with the UN, to act through the Commission.",
			"Parliament called on the VP/HR, the Council and the Member States to act.",
			"Parliament called on the Council of Europe and the European Council to act.")
		checkDemands(t, doc, []wantDemand{
			{[]string{"EU"}, "Parliament called on the EU"},
			{[]string{"VPHR", "COUNCIL", "MEMBER_STATES"}, "Parliament called on the VP/HR"},
			{[]string{"COE", "EUROPEAN_COUNCIL"}, "Parliament called on the Council of Europe"},
		})
	})
	t.Run("should makes a demand only when its subject is an addressee", func(t *testing.T) {
		doc := demandsOf(t, "en", "Business taxation",
			"This directive should establish rules. A significant economic presence should be considered to exist in a Member State.",
			"Member States should refrain from offering output-based tax incentives.",
			"Before the end of the transition period, the Commission should present a legislative proposal.",
			"The Commission, the Council and the Member States must act.")
		checkDemands(t, doc, []wantDemand{
			{[]string{"MEMBER_STATES"}, "Member States should refrain"},
			{[]string{"COMMISSION"}, "Before the end of the transition period, the Commission should present"},
			{[]string{"COMMISSION", "COUNCIL", "MEMBER_STATES"}, "The Commission, the Council and the Member States must act"},
		})
		checkStances(t, doc, nil)
	})
	t.Run("stresses that an addressee should is one demand", func(t *testing.T) {
		doc := demandsOf(t, "en", "Resolution on Kazakhstan", "Parliament stressed that the Commission should suspend the talks.")
		checkDemands(t, doc, []wantDemand{{[]string{"COMMISSION"}, "Parliament stressed that the Commission should suspend the talks"}})
		checkStances(t, doc, nil)
	})
	t.Run("stresses that something else should is a stance", func(t *testing.T) {
		doc := demandsOf(t, "fr", "Résolution sur le Kazakhstan",
			"Enfin, le Parlement a souligné que les droits de l'homme devraient figurer en tête de l'engagement de l'UE en Asie centrale.")
		checkDemands(t, doc, nil)
		checkStances(t, doc, []graph.StanceKind{graph.StanceStresses})
	})
	t.Run("French modals take their subject, not the means", func(t *testing.T) {
		doc := demandsOf(t, "fr", "Résolution sur le Kazakhstan",
			"L'UE et ses États membres devraient soutenir la société civile par l'intermédiaire de la Commission.",
			"La Commission et le vice-président/haut représentant devraient procéder à un examen complet de l'accord.")
		checkDemands(t, doc, []wantDemand{
			{[]string{"EU", "MEMBER_STATES"}, "L'UE et ses États membres devraient soutenir"},
			{[]string{"COMMISSION", "VPHR"}, "La Commission et le vice-président/haut représentant"},
		})
	})
	t.Run("French demands without an addressee and reflexive verbs", func(t *testing.T) {
		doc := demandsOf(t, "fr", "Résolution sur le Kazakhstan",
			"Le Parlement demande la libération immédiate de tous les prisonniers politiques.",
			"Le Parlement s'engage à suivre la situation. La demande des manifestants a été entendue.")
		checkDemands(t, doc, []wantDemand{{nil, "Le Parlement demande la libération immédiate"}})
	})
	t.Run("nouns, passives and relative clauses are not verbs of position", func(t *testing.T) {
		doc := demandsOf(t, "en", "Resolution on Belarus",
			"The protesters made a series of demands. Activists were condemned to long prison terms.",
			"Parliament called on the authorities to release those who criticised the regime and condemned the fraud.",
			"Parliament expressed its solidarity with the people of Belarus.")
		checkDemands(t, doc, []wantDemand{{[]string{"AUTHORITIES:BY"}, "Parliament called on the authorities to release those who criticised"}})
		checkStances(t, doc, []graph.StanceKind{graph.StanceSupports})
	})
}

// TestQualifyingClausesStayInTheirDemand checks that a clause qualifying a demand ("…, as
// recommended by the UN Special Rapporteurs", « …, conformément aux normes internationales »)
// is part of the demand it follows, in its text and evidence, and makes no demand or stance
// of its own, while a clause with a demand verb of its own after a coordinator ("…, and urged the Council
// to …", « …, et invite le Conseil à … ») is still a demand of its own.
func TestQualifyingClausesStayInTheirDemand(t *testing.T) {
	type want struct {
		addr   []string
		topics []string
		text   string // the whole text of the demand
	}
	kz := []string{"AUTHORITIES:KZ"}
	pp := []string{"political-prisoners"}
	en := "Parliament called on the authorities of Kazakhstan to release all political prisoners"
	fr := "Le Parlement a invité les autorités du Kazakhstan à libérer tous les prisonniers politiques"
	cases := []struct {
		name, lang, text string
		want             []want
	}{
		{"as recommended by stays in the demand", "en", en + ", as recommended by the UN Special Rapporteurs.",
			[]want{{kz, pp, en + ", as recommended by the UN Special Rapporteurs"}}},
		{"in accordance with stays in the demand", "en", en + ", in accordance with international fair trial standards.",
			[]want{{kz, pp, en + ", in accordance with international fair trial standards"}}},
		{"in line with stays in a modal demand", "en", "The authorities of Kazakhstan should release all political prisoners, in line with the country’s international obligations.",
			[]want{{kz, pp, "The authorities of Kazakhstan should release all political prisoners, in line with the country’s international obligations"}}},
		{"as with a subject and an auxiliary stays in the demand", "en", en + ", as Parliament has repeatedly called for.",
			[]want{{kz, pp, en + ", as Parliament has repeatedly called for"}}},
		{"in line with what was requested stays in the demand", "en", en + ", in line with what was requested by the Council.",
			[]want{{kz, pp, en + ", in line with what was requested by the Council"}}},
		{"a qualifying clause opening the sentence belongs to the demand after it", "en", "As requested by the UN, Parliament called on the Commission to act.",
			[]want{{[]string{"COMMISSION"}, nil, "As requested by the UN, Parliament called on the Commission to act"}}},
		{"comme l'ont recommandé stays in the demand", "fr", fr + ", comme l'ont recommandé les rapporteurs spéciaux des Nations unies.",
			[]want{{kz, pp, fr + ", comme l'ont recommandé les rapporteurs spéciaux des Nations unies"}}},
		{"comme le recommandent stays in the demand", "fr", fr + ", comme le recommandent les rapporteurs spéciaux de l'ONU.",
			[]want{{kz, pp, fr + ", comme le recommandent les rapporteurs spéciaux de l'ONU"}}},
		{"comme demandé par stays in the demand", "fr", fr + ", comme demandé par le Conseil.",
			[]want{{kz, pp, fr + ", comme demandé par le Conseil"}}},
		{"conformément à stays in the demand", "fr", fr + ", conformément aux normes internationales en matière de procès équitable.",
			[]want{{kz, pp, fr + ", conformément aux normes internationales en matière de procès équitable"}}},
		{"a demand verb after a coordinator still splits after a qualifying clause", "en",
			en + ", as recommended by the UN Special Rapporteurs, and urged the Council to adopt sanctions.",
			[]want{{kz, pp, en + ", as recommended by the UN Special Rapporteurs"}, {[]string{"COUNCIL"}, []string{"sanctions"}, "urged the Council to adopt sanctions"}}},
		{"et invite still splits after a qualifying clause", "fr",
			fr + ", comme le Parlement l'a demandé, et invite le Conseil à adopter des sanctions.",
			[]want{{kz, pp, fr + ", comme le Parlement l'a demandé"}, {[]string{"COUNCIL"}, []string{"sanctions"}, "invite le Conseil à adopter des sanctions"}}},
		{"as in a comparison opens no qualifying clause", "en", en + " as soon as possible and urged the Council to adopt sanctions.",
			[]want{{kz, pp, en + " as soon as possible"}, {[]string{"COUNCIL"}, []string{"sanctions"}, "urged the Council to adopt sanctions"}}},
		{"a verb of position in a qualifying clause makes no stance", "en", en + ", as Parliament has repeatedly stressed.",
			[]want{{kz, pp, en + ", as Parliament has repeatedly stressed"}}},
		{"as inside a subject opens no qualifying clause", "en", "Parliament as a whole called on the Commission to act.",
			[]want{{[]string{"COMMISSION"}, nil, "Parliament as a whole called on the Commission to act"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := kazakhstanDemands(t, c.lang, c.text, len(c.want))
			for i, dm := range doc.Demands {
				w := c.want[i]
				if dm.Text != w.text || !slices.Equal(dm.Addressees, w.addr) || !slices.Equal(dm.Topics, w.topics) {
					t.Errorf("demand %d: %v %v %q, want %v %v %q", i+1, dm.Addressees, dm.Topics, dm.Text, w.addr, w.topics, w.text)
				}
			}
			checkStances(t, doc, nil)
		})
	}
}

// TestQualifyingClausesNameNoAddressee checks that an institution named only inside a clause
// qualifying a demand between its verb and its "to"/« à »/« de » (", as recommended by the
// UN Special Rapporteurs,", « , comme l'a demandé le Conseil, ») is not an addressee of the
// demand, while the institutions named outside the clause are, and that a clause with no
// reporting verb ("as well as the Member States", « ainsi que les États membres », « telles
// que la Commission »), or whose reporting verb belongs to a relative clause or participle
// phrase of its own (« ainsi que les États membres qui l'ont demandé ») or is a noun
// (« d'une demande »), lists addressees or examples of them. Each sentence is one demand,
// its whole text.
func TestQualifyingClausesNameNoAddressee(t *testing.T) {
	kz := []string{"AUTHORITIES:KZ"}
	com := []string{graph.CodeCommission}
	comMS := []string{graph.CodeCommission, graph.CodeMemberStates}
	comCouncil := []string{graph.CodeCommission, graph.CodeCouncil}
	cases := []struct {
		name, lang, text string
		addr             []string
	}{
		// A qualifying clause names no addressee.
		{"as recommended by between on and to names no addressee", "en",
			"Parliament called on the authorities of Kazakhstan, as recommended by the UN Special Rapporteurs, to release all political prisoners.", kz},
		{"as requested by between urged and to names no addressee", "en",
			"Parliament urged the Commission, as requested by the Council, to propose targeted sanctions.", com},
		{"as with a subject and an auxiliary names no addressee", "en",
			"Parliament called on the Commission, as the Council has repeatedly called for, to propose targeted sanctions.", com},
		{"in line with what was requested names no addressee", "en",
			"Parliament called on the Commission, in line with what was requested by the UN Human Rights Council, to propose targeted sanctions.", com},
		{"a qualifying clause in a renewed call names no addressee", "en",
			"Parliament reiterated its call on the Commission, as recommended by the OSCE, to propose targeted sanctions.", com},
		{"a qualifying clause without commas names no addressee", "en",
			"Parliament called on the Commission as requested by the Council to propose targeted sanctions.", com},
		{"an addressee after the qualifying clause stays", "en",
			"Parliament called on the Commission, as requested by the Council, and the Member States to propose targeted sanctions.", comMS},
		{"comme l'ont recommandé between invite and à names no addressee", "fr",
			"Le Parlement a invité les autorités du Kazakhstan, comme l'ont recommandé les rapporteurs spéciaux des Nations unies, à libérer tous les prisonniers politiques.", kz},
		{"comme le demande between exhorte and à names no addressee", "fr",
			"Le Parlement exhorte les autorités du Kazakhstan, comme le demande l'ONU, à libérer tous les prisonniers politiques.", kz},
		{"ainsi que l'a demandé between demande à and de names no addressee", "fr",
			"Le Parlement demande à la Commission, ainsi que l'a demandé le Conseil, de proposer des sanctions ciblées.", com},
		{"tel que recommandé between prie and de names no addressee", "fr",
			"Le Parlement prie la Commission, tel que recommandé par le Conseil, de proposer des sanctions ciblées.", com},
		{"comme demandé par between appelle and à names no addressee", "fr",
			"Le Parlement appelle la Commission, comme demandé par l'OSCE, à proposer des sanctions ciblées.", com},
		{"an addressee after the qualifying clause stays in French", "fr",
			"Le Parlement a invité la Commission, comme l'a demandé le Conseil, et les États membres à proposer des sanctions ciblées.", comMS},
		// A list or examples of addressees stay addressees.
		{"as well as lists an addressee", "en",
			"Parliament called on the Commission, as well as the Member States, to propose targeted sanctions.", comMS},
		{"such as gives examples of addressees", "en",
			"Parliament called on the EU institutions, such as the Commission and the Council, to propose targeted sanctions.", []string{graph.CodeEU, graph.CodeCommission, graph.CodeCouncil}},
		{"as with no reporting verb names the addressee it qualifies", "en",
			"Parliament called on the Commission, as the guardian of the Treaties, and the Council to propose targeted sanctions.", comCouncil},
		{"ainsi que without commas lists an addressee", "fr",
			"Le Parlement invite la Commission ainsi que les États membres à proposer des sanctions ciblées.", comMS},
		{"ainsi que between commas lists an addressee", "fr",
			"Le Parlement invite la Commission, ainsi que les États membres, à proposer des sanctions ciblées.", comMS},
		{"ainsi que with a reporting verb in a relative clause lists an addressee", "fr",
			"Le Parlement invite la Commission, ainsi que les États membres qui l'ont demandé, à proposer des sanctions ciblées.", comMS},
		{"ainsi que with a reporting verb in a participle phrase lists an addressee", "fr",
			"Le Parlement invite la Commission, ainsi que les États membres ayant demandé une dérogation, à proposer des sanctions ciblées.", comMS},
		{"ainsi que with a noun like a reporting verb lists an addressee", "fr",
			"Le Parlement invite la Commission, ainsi que les États membres saisis d'une demande d'extradition, à proposer des sanctions ciblées.", comMS},
		{"telles que gives examples of addressees", "fr",
			"Le Parlement invite les institutions de l'Union, telles que la Commission et le Conseil, à proposer des sanctions ciblées.", []string{graph.CodeEU, graph.CodeCommission, graph.CodeCouncil}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := kazakhstanDemands(t, c.lang, c.text, 1)
			dm := doc.Demands[0]
			if text := strings.TrimSuffix(c.text, "."); dm.Text != text || !slices.Equal(dm.Addressees, c.addr) {
				t.Errorf("%v %q, want %v %q", dm.Addressees, dm.Text, c.addr, text)
			}
			checkStances(t, doc, nil)
		})
	}
}

// TestQualifyingClausesInAModalSubject checks that a qualifying clause inside the subject of a
// modal or passive demand ("The authorities of Kazakhstan, as recommended by the UN Special
// Rapporteurs, should release …", « Les autorités du Kazakhstan, comme l'ont recommandé les
// rapporteurs spéciaux des Nations unies, devraient libérer … ») is stepped over when the verb
// looks back for its subject: the sentence makes one demand, its whole text, with the
// addressees and topics of the same sentence without the clause, which names at least one
// addressee; whoever only the clause names is not one.
func TestQualifyingClausesInAModalSubject(t *testing.T) {
	cases := []plainCase{
		{"as recommended by between a subject and should", "en",
			"The authorities of Kazakhstan, as recommended by the UN Special Rapporteurs, should release all political prisoners.",
			"The authorities of Kazakhstan should release all political prisoners."},
		{"in line with what was requested between a subject and must", "en",
			"The Commission, in line with what was requested by the UN Special Rapporteurs, must propose targeted sanctions.",
			"The Commission must propose targeted sanctions."},
		{"as requested by inside a list of subjects", "en",
			"The Commission, the Council, as requested by the UN, and the Member States should propose targeted sanctions.",
			"The Commission, the Council and the Member States should propose targeted sanctions."},
		{"as recommended by between a subject and its passive", "en",
			"The Member States, as recommended by the OSCE, are urged to adopt targeted sanctions.",
			"The Member States are urged to adopt targeted sanctions."},
		{"as recommended by opening the sentence before its subject", "en",
			"As recommended by the UN Special Rapporteurs, the authorities of Kazakhstan should release all political prisoners.",
			"The authorities of Kazakhstan should release all political prisoners."},
		{"comme l'ont recommandé between a subject and devraient", "fr",
			"Les autorités du Kazakhstan, comme l'ont recommandé les rapporteurs spéciaux des Nations unies, devraient libérer tous les prisonniers politiques.",
			"Les autorités du Kazakhstan devraient libérer tous les prisonniers politiques."},
		{"ainsi que l'a demandé between a subject and devrait", "fr",
			"La Commission, ainsi que l'a demandé le Conseil, devrait proposer des sanctions ciblées.",
			"La Commission devrait proposer des sanctions ciblées."},
		{"conformément à ce qu'ont demandé between a subject and doit", "fr",
			"La Commission, conformément à ce qu'ont demandé les rapporteurs spéciaux des Nations unies, doit proposer des sanctions ciblées.",
			"La Commission doit proposer des sanctions ciblées."},
	}
	checkLikeThePlainSentence(t, cases)
}

// TestListLinksAndAppositionsInAModalSubject checks that the subject of a modal demand is read
// across a list of institutions joined by "as well as", "together with", « ainsi que » or
// « de même que » between commas ("The Commission, as well as the Member States, should …"),
// and across an apposition that names no addressee ("The Commission, as the guardian of the
// Treaties, should …", « La Commission, en tant que gardienne des traités, devrait … »): the
// sentence makes one demand, its whole text (extractOK checks that its evidence quotes it),
// with the addressees and topics of the same sentence written without the commas, the link
// or the apposition.
func TestListLinksAndAppositionsInAModalSubject(t *testing.T) {
	cases := []plainCase{
		{"as well as between commas", "en",
			"The Commission, as well as the Member States, should step up humanitarian aid.",
			"The Commission and the Member States should step up humanitarian aid."},
		{"together with between commas", "en",
			"The Commission, together with the Member States, should step up humanitarian aid.",
			"The Commission and the Member States should step up humanitarian aid."},
		{"ainsi que between commas", "fr",
			"La Commission, ainsi que les États membres, devraient renforcer l'aide humanitaire.",
			"La Commission et les États membres devraient renforcer l'aide humanitaire."},
		{"ainsi que without commas", "fr",
			"La Commission ainsi que les États membres devraient renforcer l'aide humanitaire.",
			"La Commission et les États membres devraient renforcer l'aide humanitaire."},
		{"de même que between commas", "fr",
			"La Commission, de même que les États membres, devraient renforcer l'aide humanitaire.",
			"La Commission et les États membres devraient renforcer l'aide humanitaire."},
		{"an as-apposition before should", "en",
			"The Commission, as the guardian of the Treaties, should open infringement proceedings.",
			"The Commission should open infringement proceedings."},
		{"an en-tant-que apposition before devrait", "fr",
			"La Commission, en tant que gardienne des traités, devrait ouvrir des procédures d'infraction.",
			"La Commission devrait ouvrir des procédures d'infraction."},
		{"a comme apposition before devrait", "fr",
			"La Commission, comme gardienne des traités, devrait ouvrir des procédures d'infraction.",
			"La Commission devrait ouvrir des procédures d'infraction."},
	}
	checkLikeThePlainSentence(t, cases)
}

func TestListsUnderALead(t *testing.T) {
	t.Run("each bullet under an English lead is a demand to its addressees", func(t *testing.T) {
		doc := demandsOf(t, "en", "Resolution on Myanmar",
			"The EU and its Member States are urged to:",
			"- increase pressure on the Tatmadaw;",
			"- foster international coordination;",
			"- continue programmes that help the country’s citizens.",
			"Parliament urged the Council to:",
			"- amend the mandate of the current scheme of restrictive measures and other",
			"legal entities directly owned by those involved in the coup;",
			"- review the EU’s arms embargo on Myanmar.",
			"Parliament condemns the violence.")
		em := []string{"EU", "MEMBER_STATES"}
		checkDemands(t, doc, []wantDemand{
			{em, "increase pressure on the Tatmadaw"}, {em, "foster international coordination"},
			{em, "continue programmes"}, {[]string{"COUNCIL"}, "amend the mandate"}, {[]string{"COUNCIL"}, "review the EU’s arms embargo"},
		})
		if got := doc.Demands[3].Text; !strings.HasSuffix(got, "legal entities directly owned by those involved in the coup") {
			t.Errorf("the continued bullet is %q", got)
		}
		if got := doc.Demands[0].Text; got != "increase pressure on the Tatmadaw" {
			t.Errorf("a bullet's text keeps its final punctuation: %q", got)
		}
		checkStances(t, doc, []graph.StanceKind{graph.StanceCondemns})
	})
	t.Run("a French lead announcing demands gives its bullets to the body it names", func(t *testing.T) {
		doc := demandsOf(t, "fr", "Résolution sur le Kazakhstan",
			"Le Parlement a adressé au gouvernement du Kazakhstan une série de demandes :",
			"- respecter les droits de l'homme;",
			"- libérer immédiatement tous les prisonniers politiques;",
			"- assurer la sécurité des Kazakhs ethniques;",
			"- respecter ses promesses de tolérance zéro en matière de torture.",
			"L'UE devrait soutenir la société civile.")
		g := []string{"GOVERNMENT:KZ"}
		checkDemands(t, doc, []wantDemand{{g, "respecter les droits"}, {g, "libérer"}, {g, "assurer"}, {g, "respecter ses promesses"}, {[]string{"EU"}, "L'UE devrait"}})
	})
	t.Run("bullets under a stance lead are stances", func(t *testing.T) {
		doc := demandsOf(t, "en", "Resolution on Belarus", "Parliament condemned:", "- the fraud;", "- the arrests.")
		checkDemands(t, doc, nil)
		checkStanceTexts(t, doc, []graph.StanceKind{graph.StanceCondemns, graph.StanceCondemns}, []string{"the fraud", "the arrests"})
	})
	t.Run("bullets without a lead are read one by one", func(t *testing.T) {
		doc := demandsOf(t, "en", "Resolution on Belarus", "Parliament made several points.",
			"- Parliament condemns the fraud;", "- the Council should adopt sanctions.")
		checkDemands(t, doc, []wantDemand{{[]string{"COUNCIL"}, "the Council should adopt sanctions"}})
		checkStances(t, doc, []graph.StanceKind{graph.StanceCondemns})
	})
}

func TestAgreements(t *testing.T) {
	t.Run("English signature and entry into force in one sentence", func(t *testing.T) {
		doc := demandsOf(t, "en", "Resolution on Kazakhstan",
			"In December 2015, the EU and Kazakhstan signed an Enhanced Partnership and Cooperation Agreement, which entered into force on 1 March 2020.",
			"The Commission should review the agreement.")
		if len(doc.Agreements) != 1 {
			t.Fatalf("agreements %v", doc.Agreements)
		}
		a := doc.Agreements[0]
		if a.Key() != "ENHANCED_PARTNERSHIP_AND_COOPERATION/country:KZ+institution:EU" || a.Signed != (graph.PartialDate{Year: 2015, Month: 12}) || a.InForce != graph.Day(2020, 3, 1) {
			t.Errorf("agreement %s signed %s in force %s", a.Key(), a.Signed, a.InForce)
		}
		if a.Names["en"] != "EU–Kazakhstan Enhanced Partnership and Cooperation Agreement" {
			t.Errorf("name %q", a.Names["en"])
		}
		if len(doc.Demands) != 1 || !slices.Equal(doc.Demands[0].Agreements, []string{a.Key()}) {
			t.Errorf("the review demand does not target the agreement: %+v", doc.Demands)
		}
	})
	t.Run("dates in a later sentence that refers back", func(t *testing.T) {
		doc := demandsOf(t, "en", "Resolution on Ukraine",
			"The Association Agreement with Ukraine was signed in 2014. The agreement entered into force on 1 September 2017.")
		a := doc.Agreements[0]
		if a.Kind != graph.AgreementAA || a.Signed.String() != "2014" || a.InForce.String() != "2017-09-01" {
			t.Errorf("%s signed %s in force %s", a.Kind, a.Signed, a.InForce)
		}
	})
	t.Run("parties default to the concerned country; provisional application is not entry into force", func(t *testing.T) {
		doc := demandsOf(t, "fr", "Résolution sur la Géorgie",
			"L'accord d'association, signé le 27 juin 2014, est entré provisoirement en vigueur le 1er septembre 2014.")
		a := doc.Agreements[0]
		if a.Key() != "ASSOCIATION/country:GE+institution:EU" || a.Signed.String() != "2014-06-27" || !a.InForce.IsZero() {
			t.Errorf("%s signed %s in force %s", a.Key(), a.Signed, a.InForce)
		}
		if a.Names["fr"] != "accord d'association UE–Géorgie" {
			t.Errorf("name %q", a.Names["fr"])
		}
	})
	t.Run("no third country, no agreement", func(t *testing.T) {
		doc := demandsOf(t, "en", "Taxation", "The Framework Agreement applies to companies.")
		if len(doc.Agreements) != 0 {
			t.Errorf("agreements %v", doc.Agreements)
		}
	})
	t.Run("a named other agreement is not an anaphor", func(t *testing.T) {
		doc := demandsOf(t, "fr", "Résolution sur le Kazakhstan",
			"En 2015, l'UE et le Kazakhstan ont signé un accord de partenariat et de coopération renforcé.",
			"Le gouvernement devrait respecter l'accord de Paris.")
		if len(doc.Demands) != 1 || len(doc.Demands[0].Agreements) != 0 {
			t.Errorf("demands %+v", doc.Demands)
		}
	})
}

func TestTopicsOfDemands(t *testing.T) {
	doc := demandsOf(t, "fr", "Résolution sur le Kazakhstan",
		"Le Parlement a adressé au gouvernement du Kazakhstan une série de demandes :",
		"- libérer tous les prisonniers politiques;",
		"- lutter contre les violences à l'égard des femmes et garantir des sanctions pénales;",
		"- renforcer la protection des données.")
	want := [][]string{{"political-prisoners"}, {"violence-against-women"}, {"data-protection"}}
	for i, dm := range doc.Demands {
		if !slices.Equal(dm.Topics, want[i]) {
			t.Errorf("demand %d (%q): topics %v, want %v", i+1, dm.Text, dm.Topics, want[i])
		}
	}
	if len(doc.Topics) != 3 || doc.Topics[0].Names["en"] != "political prisoners" || doc.Topics[0].Names["fr"] != "prisonniers politiques" {
		t.Errorf("topics %v", doc.Topics)
	}
}

func TestRegions(t *testing.T) {
	cases := []struct {
		lang, text string
		want       []string
	}{
		{"fr", "Les droits de l'homme en Asie centrale et dans les Balkans occidentaux.", []string{"Central Asia", "Western Balkans"}},
		{"en", "Central Asia, the Sahel and the Middle East; Central Asia again.", []string{"Central Asia", "Sahel", "Middle East"}},
		{"en", "central asia in lower case, the middle of the east", nil},
	}
	for _, c := range cases {
		if got := Regions(mkInput(c.lang, feb2021, "Resolution", c.text)); !slices.Equal(got, c.want) {
			t.Errorf("%q: %v, want %v", c.text, got, c.want)
		}
	}
	if got := Regions(Input{Language: "de"}); got != nil {
		t.Errorf("regions of a refused input: %v", got)
	}
}

func TestSplitSentences(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"Mr. Smith met the U.S. envoy on 1 Feb. 2021. Then he left.", []string{"Mr. Smith met the U.S. envoy on 1 Feb. 2021.", "Then he left."}},
		{"The S&D and the VP/HR agreed (i.e. the EU). It entered into force on the 1er mars 2020! Why? 1.5 million.",
			[]string{"The S&D and the VP/HR agreed (i.e. the EU).", "It entered into force on the 1er mars 2020!", "Why?", "1.5 million."}},
		{"He said: “Go.” She left; then. lower case goes on", []string{"He said: “Go.”", "She left; then. lower case goes on"}},
		{"  ", nil},
	}
	for _, c := range cases {
		rs := []rune(c.text)
		var got []string
		for _, s := range splitSentences(rs, 0, len(rs)) {
			got = append(got, string(rs[s[0]:s[1]]))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q:\n got %q\nwant %q", c.text, got, c.want)
		}
	}
}

func TestExtractRefusesBrokenInput(t *testing.T) {
	good := mkInput("en", feb2021, "Title", "One paragraph.", "Two.")
	cases := map[string]func(in *Input){
		"an unsupported language":       func(in *Input) { in.Language = "de" },
		"a title outside the text":      func(in *Input) { in.Title = graph.Span{Start: 0, End: 10_000} },
		"a reversed span":               func(in *Input) { in.Paragraphs[0].Span = graph.Span{Start: 5, End: 2} },
		"a paragraph text off its span": func(in *Input) { in.Paragraphs[0].Text = "Another paragraph." },
		"paragraphs out of order":       func(in *Input) { in.Paragraphs[0], in.Paragraphs[1] = in.Paragraphs[1], in.Paragraphs[0] },
	}
	for name, breakIt := range cases {
		in := good
		in.Paragraphs = slices.Clone(good.Paragraphs)
		breakIt(&in)
		if _, err := Extract(in); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	for _, lang := range []string{"EN", "fr-FR", "fr"} {
		in := good
		in.Language = lang
		if _, err := Extract(in); err != nil {
			t.Errorf("language %q: %v", lang, err)
		}
	}
}

func TestDatesIn(t *testing.T) {
	cases := []struct {
		lang, text string
		want       []string
	}{
		{"en", "signed on 1 March 2020, in December 2015, on March 1, 2020 and in 2014", []string{"2020-03-01", "2015-12", "2020-03-01", "2014"}},
		{"fr", "le 1er mars 2020, en décembre 2015, le 31 février 2020 et en 1850", []string{"2020-03-01", "2015-12", "2020-02"}}, // an impossible day falls back to its month
		{"en", "it may 2020 be; COVID-19; EUR 1 000 000", []string{"2020"}},
	}
	for _, c := range cases {
		d, err := newDoc(mkInput(c.lang, feb2021, "Title", c.text))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range d.datesIn(d.paras[0].toks) {
			got = append(got, h.date.String())
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: %v, want %v", c.text, got, c.want)
		}
	}
}

// TestPassiveDemands checks that a passive demand verb takes its subject as addressee
// whatever the participle's gender and number and the adverbs before it, both in a lead
// whose bullets are its demands and in a plain sentence.
func TestPassiveDemands(t *testing.T) {
	em := []string{"EU", "MEMBER_STATES"}
	cases := []struct {
		lang, subject, verb string
		addr                []string
	}{
		{"fr", "Le Conseil", "est invité à", []string{"COUNCIL"}},
		{"fr", "La Commission", "est invitée à", []string{"COMMISSION"}},
		{"fr", "L'UE et ses États membres", "sont invités à", em},
		{"fr", "Les autorités kazakhes", "sont invitées à", []string{"AUTHORITIES:KZ"}},
		{"fr", "Le Conseil", "est prié de", []string{"COUNCIL"}},
		{"fr", "La Commission", "est priée de", []string{"COMMISSION"}},
		{"fr", "Les États membres", "sont instamment priés de", []string{"MEMBER_STATES"}},
		{"fr", "Les autorités kazakhes", "sont priées d'", []string{"AUTHORITIES:KZ"}},
		{"fr", "Le Conseil", "est exhorté à", []string{"COUNCIL"}},
		{"fr", "La Commission", "est vivement exhortée à", []string{"COMMISSION"}},
		{"fr", "Les États membres", "sont exhortés à", []string{"MEMBER_STATES"}},
		{"fr", "Les autorités kazakhes", "sont exhortées à", []string{"AUTHORITIES:KZ"}},
		{"fr", "Le Conseil", "est appelé à", []string{"COUNCIL"}},
		{"fr", "La Commission", "est appelée à", []string{"COMMISSION"}},
		{"fr", "Les États membres", "sont également appelés à", []string{"MEMBER_STATES"}},
		{"fr", "Les autorités", "sont appelées à", []string{"AUTHORITIES:KZ"}},
		{"fr", "Le Conseil", "est encouragé à", []string{"COUNCIL"}},
		{"fr", "La Commission", "est encouragée à", []string{"COMMISSION"}},
		{"fr", "L'UE et ses États membres", "sont encouragés à", em},
		{"fr", "Les autorités", "sont fermement encouragées à", []string{"AUTHORITIES:KZ"}},
		{"fr", "Les autorités kazakhes", "ont été invitées à", []string{"AUTHORITIES:KZ"}},
		{"en", "The EU and its Member States", "are urged to", em},
		{"en", "The Council", "is invited to", []string{"COUNCIL"}},
		{"en", "The Member States", "are strongly urged to", []string{"MEMBER_STATES"}},
		{"en", "The Kazakh authorities", "were asked to", []string{"AUTHORITIES:KZ"}},
		{"en", "The Commission", "is encouraged to", []string{"COMMISSION"}},
	}
	for _, c := range cases {
		title, bullets, rest := "Resolution on Kazakhstan", []string{"- act swiftly;", "- report back."}, "release the prisoners."
		if c.lang == "fr" {
			title, bullets, rest = "Résolution sur le Kazakhstan", []string{"- agir rapidement;", "- rendre compte."}, "libérer les prisonniers."
		}
		lead := c.subject + " " + c.verb
		t.Run(lead+" (lead)", func(t *testing.T) {
			colon := ":"
			if c.lang == "fr" {
				colon = " :"
			}
			doc := demandsOf(t, c.lang, title, append([]string{strings.TrimSuffix(lead, "'") + colon}, bullets...)...)
			checkDemands(t, doc, []wantDemand{{c.addr, bullets[0][2:4]}, {c.addr, bullets[1][2:4]}})
		})
		t.Run(lead+" (sentence)", func(t *testing.T) {
			sep := " "
			if strings.HasSuffix(lead, "'") {
				sep, rest = "", "établir les faits."
			}
			doc := demandsOf(t, c.lang, title, lead+sep+rest)
			checkDemands(t, doc, []wantDemand{{c.addr, c.subject + " " + c.verb}})
		})
	}
	t.Run("agreed forms are verbs only in the passive", func(t *testing.T) {
		doc := demandsOf(t, "fr", "Résolution sur le Kazakhstan",
			"Les invitées du Conseil ont parlé. Les demandes des manifestants ont été entendues.")
		checkDemands(t, doc, nil)
	})
}
