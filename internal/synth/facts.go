package synth

import "github.com/eurel/eurel/graph"

// Facts is what one summary states, in the terms eurel's extractor reads it in: institution
// keys (GOVERNMENT:KZ, EU, COUNCIL, ...), group codes of the reference table (EPP, SD,
// RENEW, ...), ISO country codes, topic keys. The extractor must find every one of them; it
// may find more (a clause it reads as an extra demand, a topic a phrase also names).
type Facts struct {
	Name      string // file name: "2021-2544-RSP.fr.txt", "2019-0119-NLE.en.html"
	Reference string // procedure reference: "2021/2544(RSP)"
	Language  string // "en" or "fr"
	HTML      bool   // an OEIL web page rather than plain text
	Title     string
	Event     string // as the summary writes it: "Texte adopté du Parlement, lecture unique"
	Stage     string // the English OEIL name of the event
	Adopted   graph.PartialDate
	Country   string     // the country the resolution concerns (named in the title)
	Mentions  []string   // other countries the body names, in order, each once
	Vote      graph.Vote // for + against + abstentions ≤ 705
	TabledBy  []string   // groups that tabled the resolution, in the order named; none for a committee report
	Agreement *Agreement // the agreement between the EU and the country the summary names, if any
	Leads     []Lead     // paragraphs announcing bulleted demands
	Demands   []Demand   // demands made in a sentence of their own
	Stances   int        // sentences that take a stance (condemn, regret, welcome, ...)
	Topics    []string   // topics the demands are about, each once
}

// Agreement is an agreement between the EU and a country, with its dates at the precision
// the summary writes them; InForce is zero when the summary gives no entry into force (it
// had not happened on the adoption date).
type Agreement struct {
	Kind    graph.AgreementKind
	Country string
	Signed  graph.PartialDate
	InForce graph.PartialDate
}

// Lead is a paragraph announcing demands ("Parliament called on the Government of Myanmar
// to:") and the bullets that follow it: each bullet is one demand addressed to Addressees.
type Lead struct {
	Addressees []string // institution keys
	Bullets    []string // bullet texts, without their marker
}

// Demand is a demand made in a sentence of its own ("The Council should ...").
type Demand struct {
	Sentence   string   // the sentence
	Addressees []string // institution keys
	Agreement  bool     // it is about the agreement ("a full review of the agreement")
}
