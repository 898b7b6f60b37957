// Package graph holds eurel's domain: the kinds of node and edge in the knowledge graph, their
// stable identifiers, the Document that one source text contributes, and the Store that keeps
// documents in Cayley and answers read queries.
//
// The package owns the vocabulary; ingest produces Documents from it and gql reads Records
// through it. Neither of them sees a quad.
package graph

// NodeKind names the type of a node.
type NodeKind string

// Node kinds, as DESIGN.md lists them, plus Stance (a position that is not a demand).
const (
	KindResolution  NodeKind = "Resolution"
	KindCountry     NodeKind = "Country"
	KindAgreement   NodeKind = "Agreement"
	KindInstitution NodeKind = "Institution"
	KindDemand      NodeKind = "Demand"
	KindStance      NodeKind = "Stance"
	KindTopic       NodeKind = "Topic"
	KindDocument    NodeKind = "Document"
	// KindProcedureDocument is a document of a procedure as the Parliament registers it (a
	// motion B10-0249/2025, a joint motion, a report, a text adopted, a Commission proposal),
	// whether or not eurel holds its text: a Document node is a text eurel read, a
	// ProcedureDocument the paper it is a version of.
	KindProcedureDocument NodeKind = "ProcedureDocument"
	// KindEvent is a key event of a procedure: a date, what happened, the document it concerns.
	KindEvent NodeKind = "Event"
)

// Predicate names a typed edge. In the store an edge is the quad <urn:uuid:FROM>
// <https://eurel.eu/ns#NAME> <urn:uuid:TO>, labelled with the document stating it; NS (iri.go)
// is the namespace of every predicate, edges and literal properties alike.
type Predicate string

// Edge predicates, as DESIGN.md lists them (HAS_STANCE keeps stances apart from demands).
const (
	Concerns    Predicate = "CONCERNS"     // Resolution → Country: its subject
	Mentions    Predicate = "MENTIONS"     // Resolution → Country: named but not its subject
	RefersTo    Predicate = "REFERS_TO"    // Resolution → Agreement
	PartyTo     Predicate = "PARTY_TO"     // Country | Institution → Agreement
	AdoptedBy   Predicate = "ADOPTED_BY"   // Resolution → Institution
	TabledBy    Predicate = "TABLED_BY"    // Resolution → Institution (political group)
	HasDemand   Predicate = "HAS_DEMAND"   // Resolution → Demand
	HasStance   Predicate = "HAS_STANCE"   // Resolution → Stance
	AddressedTo Predicate = "ADDRESSED_TO" // Demand → Institution
	About       Predicate = "ABOUT"        // Demand → Topic
	HasSubject  Predicate = "HAS_SUBJECT"  // Resolution → Topic: an OEIL subject of its procedure
	Targets     Predicate = "TARGETS"      // Demand → Agreement
	Cites       Predicate = "CITES"        // Resolution → Resolution
	BelongsTo   Predicate = "BELONGS_TO"   // Institution → Country
	// CitedAs links a resolution to the node a citation of it ("its resolution of 11 February
	// 2021 on the situation in Myanmar") creates when the citing text gives no procedure
	// reference: the resolution's adoption date and title give the same CitationKey. Reads
	// follow it, so a citation reaches the resolution whichever text was ingested first.
	CitedAs      Predicate = "CITED_AS"      // Resolution → Resolution (the node of a citation)
	ForwardedTo  Predicate = "FORWARDED_TO"  // Resolution → Institution | Country: "instructs its President to forward …"
	HasDocument  Predicate = "HAS_DOCUMENT"  // Resolution → ProcedureDocument: a document of its procedure
	HasEvent     Predicate = "HAS_EVENT"     // Resolution → Event: a key event of its procedure
	DocumentedBy Predicate = "DOCUMENTED_BY" // Event → ProcedureDocument: the document the event concerns
	Replaces     Predicate = "REPLACES"      // ProcedureDocument → ProcedureDocument: a joint motion replaces motions
	AdoptedAs    Predicate = "ADOPTED_AS"    // ProcedureDocument → ProcedureDocument: a motion or report → the text adopted
	TextOf       Predicate = "TEXT_OF"       // Document → ProcedureDocument: the text eurel read is a version of that document
	SourcePred   Predicate = "SOURCE"        // any node → Document it was read from (implied by labels: see lower)
)

// Predicates lists every edge predicate, in the order of the table above.
var Predicates = []Predicate{
	Concerns, Mentions, RefersTo, PartyTo, AdoptedBy, TabledBy, HasDemand, HasStance, AddressedTo,
	About, HasSubject, Targets, Cites, BelongsTo, CitedAs, ForwardedTo, HasDocument, HasEvent,
	DocumentedBy, Replaces, AdoptedAs, TextOf,
}

// Anchor is the endpoint of an edge whose own span, in the document stating the edge, is the
// edge's evidence unless the document gives it another (see lower): the country for CONCERNS
// and MENTIONS, the agreement for REFERS_TO and PARTY_TO, the topic for HAS_SUBJECT, the
// demand or stance for HAS_DEMAND, HAS_STANCE, ADDRESSED_TO, ABOUT and TARGETS, the procedure
// document for HAS_DOCUMENT, the event for HAS_EVENT and DOCUMENTED_BY, the node itself for
// SOURCE. Other predicates have none ("").
func (p Predicate) Anchor(from, to ID) ID {
	switch p {
	case Concerns, Mentions, RefersTo, PartyTo, HasDemand, HasStance, HasSubject, HasDocument, HasEvent:
		return to
	case AddressedTo, About, Targets, SourcePred, DocumentedBy:
		return from
	}
	return ""
}

// DocumentKind says what a source text is.
type DocumentKind string

// Document kinds, as the GraphQL enum spells them.
const (
	DocOEILSummary       DocumentKind = "OEIL_SUMMARY"
	DocOEILProcedureFile DocumentKind = "OEIL_PROCEDURE_FILE"
	DocMotion            DocumentKind = "MOTION"
	DocJointMotion       DocumentKind = "JOINT_MOTION"
	DocTextAdopted       DocumentKind = "TEXT_ADOPTED"
	DocReport            DocumentKind = "REPORT" // a committee report tabled for plenary: A9-0163/2024
	DocODPRecord         DocumentKind = "ODP_RECORD"
	DocOther             DocumentKind = "OTHER"
)

// AgreementKind classifies an international agreement.
type AgreementKind string

// Agreement kinds, as the GraphQL enum spells them.
const (
	AgreementPCA       AgreementKind = "PARTNERSHIP_AND_COOPERATION"
	AgreementEPCA      AgreementKind = "ENHANCED_PARTNERSHIP_AND_COOPERATION"
	AgreementAA        AgreementKind = "ASSOCIATION"
	AgreementSAA       AgreementKind = "STABILISATION_AND_ASSOCIATION"
	AgreementFTA       AgreementKind = "FREE_TRADE"
	AgreementEPA       AgreementKind = "ECONOMIC_PARTNERSHIP"
	AgreementFramework AgreementKind = "FRAMEWORK"
	AgreementOther     AgreementKind = "OTHER"
)

// InstitutionKind classifies an institution, body or collective addressee.
type InstitutionKind string

// Institution kinds, as the GraphQL enum spells them.
const (
	InstEU                     InstitutionKind = "EU"
	InstEUInstitution          InstitutionKind = "EU_INSTITUTION"
	InstMemberStates           InstitutionKind = "MEMBER_STATES"
	InstPoliticalGroup         InstitutionKind = "POLITICAL_GROUP"
	InstGovernment             InstitutionKind = "GOVERNMENT"
	InstParliament             InstitutionKind = "PARLIAMENT"
	InstArmedForces            InstitutionKind = "ARMED_FORCES"
	InstAuthorities            InstitutionKind = "AUTHORITIES"
	InstInternationalOrg       InstitutionKind = "INTERNATIONAL_ORGANISATION"
	InstInternationalCommunity InstitutionKind = "INTERNATIONAL_COMMUNITY"
	InstOther                  InstitutionKind = "OTHER"
)

// StanceKind classifies a position the resolution takes without asking anyone to act.
type StanceKind string

// Stance kinds, as the GraphQL enum spells them.
const (
	StanceCondemns   StanceKind = "CONDEMNS"
	StanceDeplores   StanceKind = "DEPLORES"
	StanceRegrets    StanceKind = "REGRETS"
	StanceCriticises StanceKind = "CRITICISES"
	StanceConcerned  StanceKind = "CONCERNED"
	StanceWelcomes   StanceKind = "WELCOMES"
	StanceSupports   StanceKind = "SUPPORTS"
	StanceStresses   StanceKind = "STRESSES"
	StanceOther      StanceKind = "OTHER"
)

// Institution codes of the EU side, as Institution.code exposes them. Political groups use
// their code from the reference table of groups (EPP, SD, RENEW, GREEN_EFA, ...).
const (
	CodeEU              = "EU"
	CodeEP              = "EP"
	CodeCommission      = "COMMISSION"
	CodeCouncil         = "COUNCIL"
	CodeEuropeanCouncil = "EUROPEAN_COUNCIL"
	CodeVPHR            = "VPHR"
	CodeEEAS            = "EEAS"
	CodeMemberStates    = "MEMBER_STATES"
)
