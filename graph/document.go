package graph

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Span locates evidence in a source's normalised text: [Start, End) in Unicode code points
// (not bytes) of Source.Text, so that a quote can be cut out the same way in any language.
type Span struct {
	Start, End int
}

// Len is the span's length in code points.
func (s Span) Len() int { return s.End - s.Start }

// Vote is the outcome of a roll-call vote in plenary.
type Vote struct {
	For, Against, Abstentions int
}

// Document is everything one source text says, as plain data ready to be stored in one
// transaction. ingest produces it; Store.Put writes it, replacing whatever the same source
// (same Source.Key) said before.
//
// Facts refer to each other by natural key (a procedure reference, an ISO country code, an
// institution key, a topic key, an agreement's Key); Store derives the node IDs from them.
type Document struct {
	Source       Source
	Resolution   *Resolution // nil when the text describes no resolution
	Countries    []CountryFact
	Agreements   []Agreement
	Institutions []Institution
	Topics       []Topic
	Demands      []Demand
	Stances      []Stance

	// ProcedureDocuments are the documents of the resolution's procedure the text names (its
	// motions, joint motion, report, text adopted, ...), the one the text itself is a version
	// of (Source.Document) included.
	ProcedureDocuments []ProcedureDocument
	Events             []Event     // key events of the procedure; need a Resolution
	Citations          []Citation  // earlier resolutions the text cites; need a Resolution
	Recipients         []Recipient // whom the resolution is forwarded to; need a Resolution
}

// Source describes the text itself. Its Key is the document's identity: stable across
// updates of the same text (a new version of the French summary of 2021/2544(RSP) has the
// same Key and replaces the old one), distinct between texts that say different things.
type Source struct {
	Key        string       // e.g. "oeil-summary/2021/2544(RSP)/fr"
	Kind       DocumentKind // OEIL_SUMMARY, ...
	Format     string       // "oeil-summary-text", "oeil-summary-html", ...
	Language   string       // ISO 639-1: "en", "fr"
	SHA256     string       // hex digest of the raw input bytes
	Name       string       // file name, URL or name given at ingest; may be empty
	IngestedAt time.Time
	Text       string // normalised text; every Span refers to it
	// Document is the reference of the procedure document this text is a version of
	// (RC-B10-0249/2025 for the English page of that joint motion), an entry of
	// Document.ProcedureDocuments; "" when the text is no such document (an OEIL summary).
	Document string
}

// ID is the document node's identifier.
func (s Source) ID() ID { return DocumentID(s.Key) }

// Resolution is what a document says about the resolution it reports on.
type Resolution struct {
	Reference    string      // procedure reference as OEIL writes it: 2021/2544(RSP)
	Title        string      // in the document's language
	Adopted      PartialDate // zero when the text gives no date
	Stage        string      // English OEIL event name: "Text adopted by Parliament, single reading"
	Vote         *Vote       // nil when the text gives no figures
	VoteEvidence Span
	TabledBy     []GroupRef // political groups that tabled it, by reference-table code
	AdoptedBy    string     // institution key of the adopting body (normally CodeEP); "" if unknown
	// ProcedureType is the procedure type, the reference's parenthesis: RSP, INI, NLE, COD, ...
	// (upper-case letters); "" when unknown.
	ProcedureType string
	// ELI is the procedure's identifier in the Parliament's Open Data Portal, relative to
	// https://data.europarl.europa.eu/: eli/dl/proc/2025-2691; "" when the text gives none.
	ELI string
	// Subjects are the keys of the Document's Topics that the resolution is about (OEIL
	// subjects: "oeil-subject:6.10.04"), stored as HAS_SUBJECT edges whose evidence is the
	// topic's own span (Topic.Evidence), else the document as a whole.
	Subjects []string
}

// GroupRef is a political group that tabled a text, with the span that names it.
type GroupRef struct {
	Code     string // reference-table code valid on the adoption date: EPP, SD, RENEW, ...
	Evidence Span
}

// CountryRole says how a resolution relates to a country.
type CountryRole string

// Country roles: the resolution's subject, or a country it only mentions.
const (
	RoleConcerns CountryRole = "CONCERNS"
	RoleMentions CountryRole = "MENTIONS"
)

// CountryFact is a country a document's resolution concerns or mentions.
type CountryFact struct {
	Code     string            // ISO 3166-1 alpha-2 (XK for Kosovo)
	Names    map[string]string // language → name, as CLDR gives it
	Role     CountryRole
	Evidence Span // first place the country is named
}

// Party is one party to an agreement: a country (ISO code) or an institution (key such as EU).
// Exactly one field is set.
type Party struct {
	Country     string
	Institution string
}

// PartyKey is the party's natural key: "country:KZ" or "institution:EU".
func (p Party) PartyKey() string {
	if p.Country != "" {
		return "country:" + p.Country
	}
	return "institution:" + p.Institution
}

// Agreement is an international agreement a document refers to.
type Agreement struct {
	Kind     AgreementKind
	Parties  []Party
	Names    map[string]string // language → name, e.g. "en": "EU–Kazakhstan Enhanced Partnership and Cooperation Agreement"
	Signed   PartialDate       // zero when unknown
	InForce  PartialDate       // zero when unknown
	Evidence Span              // where the text names it
}

// Key is the agreement's natural key: kind and sorted party keys. The same agreement named in
// two texts or two languages has the same Key.
func (a Agreement) Key() string { return AgreementKey(a.Kind, a.Parties) }

// Institution is a body, group or collective that a document names as an addressee, a party
// or an actor.
type Institution struct {
	Key     string // natural key: "EP", "COMMISSION", "EPP", "GOVERNMENT:KZ", "ARMED_FORCES:MM", "OSCE", ...
	Kind    InstitutionKind
	Code    string            // public code (EU side and political groups); "" for others
	Country string            // ISO code of the country it belongs to; "" for none
	Names   map[string]string // language → name
}

// Topic is a subject a demand or a resolution is about.
type Topic struct {
	Key      string            // natural key: "political-prisoners", "torture", "oeil-subject:6.10.04", ...
	Names    map[string]string // language → name
	Evidence Span              // where the text names it; zero when it names it nowhere in particular
}

// Demand is one request the resolution makes.
type Demand struct {
	Position   int      // 1-based order of the demand in the document
	Text       string   // the demand as the text states it (a bullet, or the sentence)
	Evidence   Span     // span of Text in Source.Text
	Addressees []string // institution keys
	Topics     []string // topic keys
	Agreements []string // agreement keys (Agreement.Key) the demand is about
}

// Stance is a position the resolution takes without asking anyone to act: it condemns,
// regrets, welcomes, ...
type Stance struct {
	Position int // 1-based order of the stance in the document
	Kind     StanceKind
	Text     string
	Evidence Span
}

// ProcedureDocument is a document of a procedure as the Parliament registers it.
type ProcedureDocument struct {
	// Reference is the document's reference in the form OEIL writes it: B10-0249/2025,
	// RC-B10-0249/2025, A9-0163/2024, T10-0096/2025 (a text adopted, whatever form the text
	// gives: P10_TA(2025)0096, TA-10-2025-0096), PE759.748, COM(2022)0634. It is the natural key.
	Reference string
	Kind      DocumentKind // MOTION, JOINT_MOTION, REPORT, TEXT_ADOPTED or OTHER
	Label     string       // what the text calls it: "Motion for a resolution"; "" when it does not say
	Author    string       // the institution it comes from as written: "European Parliament", "European Commission"; "" when unknown
	Date      PartialDate  // zero when the text gives none
	ELI       string       // Open Data Portal identifier: eli/dl/doc/RC-10-2025-0249; "" when unknown
	URL       string       // where the text gives a link to it; "" when none
	Replaces  []string     // references of the documents it replaces (a joint motion's motions), entries of Document.ProcedureDocuments
	AdoptedAs string       // reference of the text adopted it became, an entry of Document.ProcedureDocuments; "" when unknown
	Evidence  Span         // where the text names it
}

// Event is a key event of a procedure.
type Event struct {
	Date     PartialDate // day precision
	Name     string      // as OEIL names it in English: "Decision by Parliament"
	Document string      // reference of the procedure document it concerns, an entry of Document.ProcedureDocuments; "" when none
	Evidence Span        // the event's line in the text
}

// Citation is an earlier resolution of the Parliament that a text cites ("having regard to
// its resolution of 11 February 2021 on the situation in Myanmar").
type Citation struct {
	Reference string      // procedure reference when the text gives it; usually ""
	Adopted   PartialDate // adoption date of the cited resolution; zero when not given
	Title     string      // as cited: "on the situation in Myanmar"; "" when not given
	Evidence  Span
}

// Recipient is one addressee of the closing "instructs its President to forward this
// resolution to …": an institution (by key, an entry of Document.Institutions) or a country
// as such (ISO code). Exactly one of Institution and Country is set.
type Recipient struct {
	Institution string
	Country     string
	Evidence    Span
}

// Quote cuts the span out of text, in code points, as a copy: records and caches keep quotes,
// and a quote sharing its document's text would keep the whole text in memory. It returns an
// error when the span does not lie within text.
func Quote(text string, s Span) (string, error) {
	if s.Start < 0 || s.End < s.Start {
		return "", fmt.Errorf("span [%d,%d) is not a valid range", s.Start, s.End)
	}
	i, start, end := 0, -1, -1
	for off := range text {
		if i == s.Start {
			start = off
		}
		if i == s.End {
			end = off
			break
		}
		i++
	}
	n := utf8.RuneCountInString(text)
	if start < 0 && s.Start == n {
		start = len(text)
	}
	if end < 0 && s.End == n {
		end = len(text)
	}
	if start < 0 || end < 0 {
		return "", fmt.Errorf("span [%d,%d) lies outside a text of %d characters", s.Start, s.End, n)
	}
	return strings.Clone(text[start:end]), nil
}

// ErrBadInput marks an error about the text given, not about eurel: an empty, binary, huge,
// malformed or unsupported text. Parsers wrap it (errors.Is(err, ErrBadInput)) so that callers
// can answer "your input" (exit code, GraphQL extensions.code BAD_INPUT) rather than "our fault".
var ErrBadInput = errors.New("bad input")
