package synth

import "github.com/eurel/eurel/graph"

// phrase is a demand as a verb phrase ("release all political prisoners"), with the topics
// (lexicon topic keys) its words name.
type phrase struct {
	text   string
	topics []string
}

// frame is a sentence or lead built around an addressee, with the institution keys the
// extractor resolves it to. In a frame, {ofX} stands for "of" and the country the summary is
// about ("of Myanmar", "du Kazakhstan"), {vp} for a demand phrase.
type frame struct {
	text  string
	addr  []string
	side  side
	agree bool // a demand about the agreement
}

// side says whom a demand phrase suits: the third country's bodies, or the EU's.
type side uint8

const (
	countrySide side = iota
	euSide
)

// bank holds a language's phrases. Templates use {X} (the country, with its article), {X^}
// (the same, starting a sentence), {inX}, {ofX}, {Y}, {Y^}, {inY}, {ofY} (a country it
// mentions), {year} and {month} (a year, a month and year before the adoption).
type bank struct {
	titles     map[string][]string // procedure type → title subjects
	nleTitle   string              // NLE title subject: {agr} is the agreement's name with "the"
	vote       []string            // {for} {against} {abst} {subject}; the first one for no abstention
	voteNone   string              // the same with no abstentions
	joint      string              // {groups}: tabled as a joint resolution
	single     string              // {group}
	committee  []string            // tabled by a committee (own-initiative reports, consent)
	and        string              // the last link of a list
	signed     []string            // {when} {X} {agr}: the signature, at year, month or day precision ({when} is "In 2015", ...)
	when       [3]string           // "In {d}", "In {d}", "On {d}" (year, month, day)
	purposes   []string            // what the agreement is for, after its name
	inForce    []string            // {date}: the entry into force
	leads      map[string][]frame  // addressee set → lead frames
	demands    []frame             // free demand frames ({vp})
	review     frame               // the demand to review the agreement
	govPhrases []phrase            // demands to a third country's bodies
	euPhrases  []phrase            // demands to the EU's institutions
	manners    [2][]string         // by side: how or when, after a demand (", without delay")
	stances    []string            // one stance each
	closing    string              // a last stance ("Lastly, Parliament stressed that ...")
	openers    []string            // sentence openers of background sentences
	background []string            // background clauses (lower case)
	mentions   []string            // sentences naming another country, {Y}
	vowelDe    bool                // "de" elides before a vowel ("d'intensifier")
}

// Addressee sets of leads and the institution keys the extractor resolves them to; the
// national bodies are completed with the country code.
const (
	toGovernment  = "GOVERNMENT"
	toAuthorities = "AUTHORITIES"
	toArmedForces = "ARMED_FORCES"
	toEU          = "EU+MS"
	toCouncil     = "COUNCIL"
	toCommission  = "COMMISSION"
	toVPHR        = "VPHR"
	toComVPHR     = "COMMISSION+VPHR"
)

// leadKeys are the institution keys of each addressee set ("" is the country's code).
var leadKeys = map[string][]string{
	toGovernment:  {string(graph.InstGovernment) + ":"},
	toAuthorities: {string(graph.InstAuthorities) + ":"},
	toArmedForces: {string(graph.InstArmedForces) + ":"},
	toEU:          {graph.CodeEU, graph.CodeMemberStates},
	toCouncil:     {graph.CodeCouncil},
	toCommission:  {graph.CodeCommission},
	toVPHR:        {graph.CodeVPHR},
	toComVPHR:     {graph.CodeCommission, graph.CodeVPHR},
}

var (
	countryLeads = []string{toGovernment, toAuthorities, toArmedForces}
	countryLeadW = []float64{0.45, 0.4, 0.15}
	euLeads      = []string{toEU, toCouncil, toCommission, toVPHR, toComVPHR}
	euLeadW      = []float64{0.4, 0.25, 0.15, 0.1, 0.1}
)

var banks = map[string]*bank{"en": &english, "fr": &french}
