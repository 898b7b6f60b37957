// Package odp reads records of the European Parliament's Open Data Portal
// (data.europarl.europa.eu, API v2): the JSON-LD answer describing one document (a motion, a
// joint motion, a report, a text adopted: an ELI "Work") or one procedure (an ELI "Process").
//
// Parse returns a Record: the record's identifiers (its ELI id such as
// eli/dl/doc/RC-10-2025-0249, its identifier and label), the procedure it belongs to, its
// date, titles in every language given, EuroVoc subjects, the links to other records
// (is_derivative_of, based_on, adopts, created_a_realization_of, …, inverse relations
// included), a procedure's events and the participants of either. Every fact is kept as the
// record states it; nothing is looked up. A normalised Text lays the facts out in English, so
// that a graph.Document can quote them.
//
// The answer is recognised from its content (see Detect). The package does no I/O and never
// panics; every refusal is an *Error that wraps graph.ErrBadInput and one of the Err* kinds.
package odp

import (
	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/internal/input"
)

// Format names the input format, as graph.Source.Format spells it.
const Format = "odp-jsonld"

// MaxSize is the largest answer Parse accepts, in bytes. Real records are under 250 kB;
// larger inputs are refused before they are looked at.
const MaxSize = 10 << 20

// Kind says what a record describes.
type Kind string

// Kinds of record.
const (
	KindDocument  Kind = "DOCUMENT"  // an ELI Work: eli/dl/doc/…
	KindProcedure Kind = "PROCEDURE" // an ELI Process: eli/dl/proc/…
	KindOther     Kind = "OTHER"     // anything else the portal describes (an event, a person, …)
)

// Record is one Open Data Portal record.
type Record struct {
	Kind       Kind
	ID         string // ELI id, relative to https://data.europarl.europa.eu/: eli/dl/doc/RC-10-2025-0249, eli/dl/proc/2025-2691
	Type       string // the record's type as written: "Work", "Process"
	Identifier string // "RC-10-2025-0249"; a procedure's process_id: "2025-2691"
	Label      string // "A9-0163/2024", "2025/2691(RSP)"; "" when the record has none
	WorkType   string // a document's type, the last segment of work_type: "RESOLUTION_MOTION_JOINT", "REPORT_PLENARY"
	Term       string // parliamentary term, the last segment of parliamentary_term: "ep-10"

	// Procedure is the reference of the procedure as OEIL writes it, 2025/2691(RSP): a
	// procedure's label (or its id and type); for a document, the reference its titles give.
	// "" when the record gives none. ProcedureType is a procedure's type ("RSP", from
	// process_type). ProcedureID is the ELI id of the procedure: a procedure's own, or the one
	// that created a document (inverse_created_a_realization_of).
	Procedure     string
	ProcedureType string
	ProcedureID   string

	Date   graph.PartialDate // a document's date (document_date); zero for a procedure
	Titles map[string]string // language (ISO 639-1) → title: title_dcterms or process_title, white space collapsed

	Subjects       []string // EuroVoc concepts the record is about (is_about): http://eurovoc.europa.eu/3916
	SubjectMatters []string // subject matters (isAboutSubjectMatter): …/subject-matter/PESC
	Languages      []string // the languages of the document's expressions (is_realized_by), sorted
	Links          []Link   // links to other records: by relation in alphabetical order, each relation's targets in the record's order
	Events         []Event  // a procedure's events (consists_of, was_scheduled_in), in the record's order
	Participants   []Participant

	// Text is the normalised text the Document quotes: the English title (or the first in
	// language order), then one line per fact. TitleSpan is where the title lies in it.
	Text      string
	TitleSpan graph.Span
}

// Link is a relation from the record to another one.
type Link struct {
	Relation string // the key of the record that states it: "is_derivative_of", "inverse_created_a_realization_of", …
	Target   string // the ELI id of the other record: eli/dl/doc/B-10-2025-0249
}

// Event is one event of a procedure.
type Event struct {
	ID           string            // eli/dl/event/2025-2691-DEC-DCPL-2025-05-08
	Type         string            // "Decision", "Activity", "ForeseenActivity"
	ActivityType string            // the last segment of had_activity_type: "PLENARY_DEBATE"; "" when none
	Date         graph.PartialDate // activity_date; zero when none
	Links        []Link            // the documents it decided on, was based on, recorded in, … (ordered as Record.Links)
}

// Participant is one participation in a document or procedure.
type Participant struct {
	Role         string // the last segment of participation_role: "AUTHOR", "RAPPORTEUR", "COMMITTEE_LEAD"
	Person       string // person/197445; "" for an organisation
	Organization string // org/AFCO; "" for a person
	Group        string // political group: org/RENEW; "" when none
	OnBehalfOf   string // participation_in_name_of: org/RENEW, org/AFCO, a corporate-body URI
}

// Error is a refusal of one answer; it wraps graph.ErrBadInput and one of the kinds below.
type Error = input.Error

// Kinds of refusal (see the package input for their meaning).
var (
	ErrEmpty       = input.ErrEmpty
	ErrBinary      = input.ErrBinary
	ErrTooLarge    = input.ErrTooLarge
	ErrWrongFormat = input.ErrWrongFormat
	ErrIncomplete  = input.ErrIncomplete
	ErrMalformed   = input.ErrMalformed
)
