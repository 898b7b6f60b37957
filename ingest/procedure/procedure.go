// Package procedure reads the procedure file of the European Parliament's Legislative
// Observatory (OEIL): the web page that describes one procedure, such as 2021/2540(RSP),
// with its title, type, subjects, geographical area, key events and the documents of the
// procedure (motions, joint motions, committee reports, texts adopted, ...).
//
// The page is recognised from its content (see Detect), never from a file name. Parse
// returns a File: every fact the page states that eurel uses, and a normalised Text in
// which the parts that serve as evidence (title, subjects, geographical areas, key events,
// documents) have their spans. The package does no I/O and never panics; every refusal is
// an *Error that wraps graph.ErrBadInput and one of the Err* kinds.
package procedure

import (
	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/internal/input"
)

// Format names the input format, as graph.Source.Format spells it.
const Format = "oeil-procedure-html"

// MaxSize is the largest page Parse accepts, in bytes. Real procedure files are under
// 250 kB; larger inputs are refused before they are looked at.
const MaxSize = 10 << 20

// File is one OEIL procedure file.
type File struct {
	Language string // "en": the language of the page's labels

	Reference  string // procedure reference as OEIL writes it: 2021/2540(RSP)
	Title      string // "Resolution on the situation in Myanmar"
	Type       string // procedure type, the reference's suffix: RSP, INI, NLE, COD, REG, ...
	TypeName   string // "Resolutions on topical subjects"
	Subtype    string // "Resolution on statement", "Annual report", ...; "" when the page gives none
	Instrument string // legislative instrument: "Regulation", "Decision"; "" when none
	Status     string // "Procedure completed", "Awaiting final decision", ...
	Stage      string // stage reached in procedure, from the technical information
	Dossier    string // committee dossier: "DEVE/9/02636"; "" when none

	// Subjects are the OEIL subjects of the procedure, codes and names as the page writes
	// them, in page order.
	Subjects []Subject
	// Areas are the lines of the "Geographical area" field, each with the countries it
	// names; Countries is their union in page order, each once (ISO 3166-1 alpha-2: Kosovo
	// is XK). A procedure about no country in particular has none.
	Areas     []Area
	Countries []string

	LegalBasis []string  // "Rules of Procedure EP 136-p2", "Treaty on the Functioning of the EU TFEU 218-p6", ...
	Related    []Related // acts the procedure amends or repeals, with their procedures

	KeyEvents []Event  // in page order (OEIL's chronological order)
	Documents []DocRef // the documentation gateway, institution by institution, in page order
	FinalAct  *FinalAct

	// Text is the normalised text every span refers to: the title, then one line per fact
	// (reference and type, subjects, geographical areas, status, key events, documents),
	// blocks separated by blank lines. It is NFC, white space collapsed inside lines.
	Text      string
	TitleSpan graph.Span
}

// Subject is one OEIL subject of a procedure.
type Subject struct {
	Code  string     // "6.10.04"
	Name  string     // as the page writes it: "Third-country political situation, local and regional conflicts"
	Known bool       // the code is in the table of OEIL subjects (lexicon.SubjectByCode)
	Span  graph.Span // where the line "code name" lies in Text
}

// Area is one line of the "Geographical area" field.
type Area struct {
	Name      string     // as written: "Kosovo under UNSCR 1244/1999"
	Countries []string   // the countries it names: XK; none for a region eurel cannot place
	Span      graph.Span // where Name lies in Text
}

// Event is one key event of the procedure.
type Event struct {
	Date        graph.PartialDate // day precision
	Name        string            // "Decision by Parliament", "Committee report tabled for plenary", ...
	DocumentRef string            // the first document reference given ("T9-0054/2021"); "" when none
	OtherRefs   []string          // further references in the same cell
	SummaryID   string            // id of the OEIL document summary of the event ("1651118"); "" when none
	Span        graph.Span        // the event's line in Text
}

// DocRef is one document of the documentation gateway.
type DocRef struct {
	Institution string            // the gateway section: "European Parliament", "Council of the EU", "European Commission", ...
	Kind        string            // "Motion for a resolution", "Joint motion for resolution", "Text adopted by Parliament, single reading", ...
	Body        string            // committee, chamber or body column: "ENVI", "ES_PARLIAMENT", "EESC"; "" when none
	Reference   string            // "B9-0116/2021", "RC-B9-0123/2021", "T9-0054/2021", "A9-0115/2021", "COM(2022)0634"
	Date        graph.PartialDate // day precision; zero when the row has none
	SummaryID   string            // id of the OEIL document summary, "" when none
	URL         string            // the link of the reference, "" when none
	Span        graph.Span        // the document's line in Text
}

// Related is an act the procedure amends or repeals.
type Related struct {
	Relation  string // as written: "Repealing Regulation 2018/1488"
	Procedure string // the procedure of that act: 2018/0003(NLE); "" when the page gives none
}

// FinalAct is the act a completed procedure produced.
type FinalAct struct {
	Title   string // "Decision 2023/1056"
	Journal string // "OJ L 142 01.06.2023, p. 0001"
	URL     string // the EUR-Lex link of the act, "" when none
}

// Error is a refusal of one page; it wraps graph.ErrBadInput and one of the kinds below.
type Error = input.Error

// Kinds of refusal (see the package input for their meaning).
var (
	ErrEmpty       = input.ErrEmpty
	ErrBinary      = input.ErrBinary
	ErrTooLarge    = input.ErrTooLarge
	ErrWrongFormat = input.ErrWrongFormat
	ErrIncomplete  = input.ErrIncomplete
	ErrMalformed   = input.ErrMalformed
	ErrLanguage    = input.ErrLanguage
)
