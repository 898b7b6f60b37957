// Package doceo reads the European Parliament's document pages (the "doceo" register of
// www.europarl.europa.eu/doceo/document/...): motions for a resolution, joint motions,
// reports, texts adopted, in English or in French.
//
// Parse returns a Doc: the header of the page (kind, reference, date, procedure, the
// political groups and members who tabled it, the motions a joint motion replaces, the
// committee and rapporteurs of a report, the text adopted it led to), then the text of the
// resolution or decision it proposes or adopts, part by part: its heading, citations
// ("having regard to …" / « vu … ») with the earlier resolutions and international
// instruments they cite, recitals ("whereas …" / « considérant … ») with the countries and
// institutions they name, numbered operative paragraphs with their sub-items, and the
// recipients of the closing "Instructs its President to forward this resolution to …".
// Reading demands and stances out of the paragraphs is ingest/extract's job, not this
// package's. What follows the operative part (amendments, annexes, votes in committee) is
// left out.
//
// Every part has its span in the normalised Text. The page is recognised from its content
// (see Detect). The package does no I/O and never panics; every refusal is an *Error that
// wraps graph.ErrBadInput and one of the Err* kinds.
package doceo

import (
	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/internal/input"
)

// Format names the input format, as graph.Source.Format spells it.
const Format = "doceo-html"

// MaxSize is the largest page Parse accepts, in bytes. Real pages are under 200 kB; larger
// inputs are refused before they are looked at.
const MaxSize = 10 << 20

// Kind says what a document is.
type Kind string

// Kinds of document, named after the European Parliament's document types.
const (
	KindMotion      Kind = "MOTION_FOR_A_RESOLUTION"       // B10-0249/2025
	KindJointMotion Kind = "JOINT_MOTION_FOR_A_RESOLUTION" // RC-B10-0249/2025
	KindReport      Kind = "REPORT"                        // A9-0163/2024
	KindTextAdopted Kind = "TEXT_ADOPTED"                  // P10_TA(2025)0096
	KindOther       Kind = "OTHER"                         // a recommendation, an opinion, ...
)

// Doc is one document page.
type Doc struct {
	Language string // "en" or "fr", from the page's markup

	Kind      Kind
	KindLabel string            // the page's name of its kind: "Joint motion for a resolution" (from its header, else its title)
	Reference string            // the document's reference as the page writes it: RC-B10-0249/2025, A9-0163/2024
	Date      graph.PartialDate // the document's date (tabling date of a motion, adoption date of a text adopted)
	Procedure string            // procedure reference: 2025/2691(RSP); "" when the page gives none
	Title     string            // the page's main heading: "JOINT MOTION FOR A RESOLUTION on the return of …"

	Rules        string    // "pursuant to Rules 150(5) and 136(4) of the Rules of Procedure"; "" when not given
	Replaces     []Motion  // the motions a joint motion replaces, in page order
	TabledBy     []Tabling // the groups that tabled it, with their members, in page order
	OtherAuthors []string  // members named without a group (after the last "on behalf of")
	Committee    string    // a report's committee: "Committee on Constitutional Affairs"
	Rapporteurs  []string  // a report's rapporteurs
	TextAdopted  string    // the text adopted the document led to, when the page links it: P10_TA(2025)0096

	// Heading is the title of the resolution or decision the document proposes or adopts:
	// "European Parliament resolution on the return of …"; "" when the page has none.
	Heading    string
	Citations  []Citation
	Recitals   []Recital
	Paragraphs []Paragraph // the numbered operative paragraphs
	Recipients []Recipient // from the closing "Instructs its President to forward this … to …"

	// Text is the normalised text every span refers to: the title, the header (reference,
	// date and procedure; rules; replaced motions; members and groups), then the heading,
	// citations, recitals and paragraphs, one paragraph each, separated by blank lines;
	// citations written with their "– ", recitals with their letter, paragraphs with their
	// number, sub-items with their label. It is NFC, white space collapsed inside lines.
	Text        string
	TitleSpan   graph.Span
	HeadingSpan graph.Span // zero when there is no heading
}

// Motion is a motion for a resolution that a joint motion replaces.
type Motion struct {
	Reference string     // B10-0249/2025
	GroupName string     // as written: "Verts/ALE"
	Group     string     // reference-table code valid on the document's date: GREEN_EFA; "" when unknown
	Span      graph.Span // the motion's line in Text
}

// Tabling is one group that tabled a document, with the members who signed for it.
type Tabling struct {
	GroupName string     // as written: "PPE", "S&D", "Verts/ALE"
	Group     string     // reference-table code valid on the document's date: EPP, SD, GREEN_EFA; "" when unknown
	Members   []string   // in page order
	Span      graph.Span // where GroupName lies in Text
}

// CitationKind says what a citation cites.
type CitationKind string

// Kinds of citation. A citation naming several things takes the first kind that applies, in
// this order.
const (
	CiteResolutions CitationKind = "RESOLUTIONS" // earlier resolutions of the Parliament
	CiteInstruments CitationKind = "INSTRUMENTS" // international instruments (lexicon.Instruments)
	CiteAgreement   CitationKind = "AGREEMENT"   // an agreement of a kind lexicon.AgreementKinds names
	CiteRules       CitationKind = "RULES"       // the Rules of Procedure
	CiteOther       CitationKind = "OTHER"       // Council conclusions, statements, reports, ...
)

// Citation is one "having regard to …" of the preamble.
type Citation struct {
	Kind        CitationKind
	Text        string            // without its dash: "having regard to the UN Charter, …"
	Span        graph.Span        // where Text lies in the document's Text
	Resolutions []CitedResolution // the earlier resolutions of the Parliament it cites
	Instruments []string          // keys of the international instruments it names, in order, each once
}

// CitedResolution is an earlier resolution of the Parliament a citation names.
type CitedResolution struct {
	Date  graph.PartialDate // zero for "its previous resolutions on …"
	Title string            // "on Russia’s war of aggression against Ukraine"; "" when not given
	Span  graph.Span        // where the resolution is named in Text
}

// Recital is one "whereas …" of the preamble.
type Recital struct {
	Label        string     // "A", "B", … ("" when the page gives none)
	Text         string     // "whereas since February 2022 …"
	Span         graph.Span // where Text lies in the document's Text
	Countries    []string   // ISO codes of the countries it names, in order, each once
	Institutions []string   // keys of the institutions it names (lexicon.InstitutionByKey), in order, each once
}

// Paragraph is one numbered operative paragraph.
type Paragraph struct {
	Number string     // "1", "2a"
	Text   string     // without its number: "Strongly condemns …"
	Span   graph.Span // where Text lies in the document's Text
	Items  []Item     // sub-items ("(a) …", "– …") under it
}

// Item is a sub-item of an operative paragraph.
type Item struct {
	Label string     // "(a)", "–"
	Text  string     // without its label
	Span  graph.Span // where Text lies in the document's Text
}

// RecipientKind says what a recipient is.
type RecipientKind string

// Kinds of recipient.
const (
	RecipientInstitution RecipientKind = "INSTITUTION" // a body eurel knows: Institution is its key
	RecipientCountry     RecipientKind = "COUNTRY"     // a country as such ("the United States"): Country is its code
	RecipientOffice      RecipientKind = "OFFICE"      // a person's office ("the President of Ukraine"), with its Country
	RecipientOther       RecipientKind = "OTHER"       // anything else, as named
)

// Recipient is one addressee of the closing "Instructs its President to forward …".
type Recipient struct {
	Kind        RecipientKind
	Name        string     // as the text names it, determiners dropped and a shared complement restored: "Government of Ukraine"
	Institution string     // institution key (lexicon.InstitutionByKey): COUNCIL, COE, GOVERNMENT:UA, MEMBER_STATES; "" when none
	Country     string     // ISO code of the country it is or belongs to; "" when none
	Span        graph.Span // where the text names it (the shared complement aside)
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
