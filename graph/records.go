package graph

import (
	"context"
	"errors"
	"time"
)

// Records are what reads return: one node with its properties and the IDs of the neighbours
// that one text bounds (its own edges, and the few in-edges such as an agreement's parties or a
// demand's resolution), so that a GraphQL field is one batched read and reading a hub (the EU,
// the Commission, a country named by thousands of texts) costs what reading any node costs.
// What grows with the whole corpus (the demands addressed to an institution or about a topic,
// the resolutions referring to an agreement, a country's agreements and institutions) is not
// in a record: ask the List methods of Reader with a filter. Lists of IDs are sorted in the
// order documented on each field and hold no duplicates, however many documents state the
// same edge.

// ResolutionRecord is a resolution as the graph knows it from all its sources.
type ResolutionRecord struct {
	ID        ID
	Reference string
	Titles    map[string]string // language → title
	Adopted   PartialDate
	Stage     string
	// ProcedureType is RSP, INI, NLE, COD, ...; "" when no source gives it.
	ProcedureType string
	Vote          *Vote
	TabledBy      []ID // institutions (political groups), by code
	AdoptedBy     []ID // institutions
	Concerns      []ID // countries, by code
	Mentions      []ID // countries, by code
	Agreements    []ID // agreements it refers to
	Topics        []ID // topics it is about (OEIL subjects, HAS_SUBJECT), by topic key
	Demands       []ID // in source order (document, position)
	Stances       []ID // in source order (document, position)
	Sources       []ID // documents, by ingest time
	// ELI is the procedure's Open Data Portal identifier (eli/dl/proc/2025-2691); "" when no
	// source gives it.
	ELI string
	// Documents are the documents of its procedure, by date (undated last), then reference.
	Documents []ID
	// Events are the key events of its procedure, by date, then name.
	Events []ID
	// Cites are the earlier resolutions it cites, newest first: a resolution a citation
	// names without its reference is the resolution whose date and title match (CITED_AS),
	// else the node the citation created.
	Cites []ID
	// CitedBy are the resolutions citing it (by reference, or by its date and title), newest first.
	CitedBy []ID
	// Recipients are the institutions and countries it is forwarded to, by ID.
	Recipients []ID
}

// ProcedureDocumentRecord is a document of a procedure: a motion, a joint motion, a report,
// a text adopted, a Commission proposal, ...
type ProcedureDocumentRecord struct {
	ID        ID
	Reference string
	Kind      DocumentKind
	Label     string
	Author    string
	Date      PartialDate
	ELI       string
	URL       string
	// Resolutions are the resolutions whose procedure it belongs to (normally one), by ID.
	Resolutions []ID
	Replaces    []ID // documents it replaces (a joint motion's motions), by ID
	ReplacedBy  []ID // documents replacing it (the joint motion of a motion), by ID
	AdoptedAs   []ID // the text adopted it became, by ID
	AdoptedFrom []ID // the motions or reports that became this text adopted, by ID
	Texts       []ID // the stored texts that are versions of it (Document nodes), by ingest time
	Sources     []ID // documents naming it, by ingest time
	Evidence    Evidence
}

// EventRecord is a key event of a procedure.
type EventRecord struct {
	ID         ID
	Date       PartialDate
	Name       string
	Resolution ID
	Documents  []ID // procedure documents it concerns, by ID
	Evidence   Evidence
}

// Claim is one value one source document gives for a single-valued fact of a resolution.
// Documents may disagree; records show one value (the most recently ingested document's),
// claims show them all.
type Claim struct {
	Property string // "reference", "title", "adopted", "stage", "procedureType", "eli" or "vote"
	Lang     string // the title's language; "" for other properties
	Value    string // the value's lexical form; for a vote "for/against/abstentions"
	Vote     *Vote  // the vote, for Property "vote"
	Document ID
	Evidence *Span // where the document states it, when it records where (a vote's figures)
}

// CountryRecord is a country. Its agreements are ListAgreements(AgreementFilter{Country: Code}),
// its institutions ListInstitutions(InstitutionFilter{Country: Code}).
type CountryRecord struct {
	ID    ID
	Code  string
	Names map[string]string // language → name
}

// AgreementRecord is an international agreement. The resolutions referring to it are
// ListResolutions(ResolutionFilter{Agreement: ID}), the demands targeting it
// ListDemands(DemandFilter{Agreement: ID}).
type AgreementRecord struct {
	ID      ID
	Kind    AgreementKind
	Names   map[string]string
	Parties []ID // countries and institutions, by ID
	Signed  PartialDate
	InForce PartialDate
}

// InstitutionRecord is an institution. The demands addressed to it are
// ListDemands(DemandFilter{Addressee: ID}).
type InstitutionRecord struct {
	ID      ID
	Key     string
	Kind    InstitutionKind
	Code    string
	Names   map[string]string
	Country ID // "" when it belongs to no country
}

// DemandRecord is one request of a resolution.
type DemandRecord struct {
	ID         ID
	Text       string
	Position   int
	Resolution ID
	Addressees []ID
	Topics     []ID
	Agreements []ID
	Evidence   Evidence
}

// StanceRecord is one stance of a resolution.
type StanceRecord struct {
	ID         ID
	Kind       StanceKind
	Text       string
	Position   int
	Resolution ID
	Evidence   Evidence
}

// TopicRecord is a topic. The demands about it are ListDemands(DemandFilter{Topic: ID}).
type TopicRecord struct {
	ID    ID
	Key   string
	Names map[string]string
}

// DocumentRecord is a stored source text.
type DocumentRecord struct {
	ID         ID
	Key        string
	Kind       DocumentKind
	Format     string
	Language   string
	SHA256     string
	Name       string
	IngestedAt time.Time
	Text       string
	// ProcedureDocument is the procedure document the text is a version of (TEXT_OF); "" when none.
	ProcedureDocument ID
}

// Edge names a typed edge between two nodes.
type Edge struct {
	From ID
	Pred Predicate
	To   ID
}

// Evidence is where a fact was read: a document and a span of its normalised text.
type Evidence struct {
	Document ID
	Span     Span
	Quote    string
}

// ResolutionFilter selects resolutions; zero fields select all. Results are ordered newest
// adoption first, then by reference.
type ResolutionFilter struct {
	Country   string      // ISO code of a country the resolution concerns
	Agreement ID          // an agreement it refers to
	Topic     ID          // a topic it is about (an OEIL subject) or one of its demands is about
	Addressee ID          // an institution (or a country as such) one of its demands is addressed to
	Group     string      // code of a political group that tabled it: EPP, SD, RENEW, ...
	From, To  PartialDate // adopted within [From, To], bounds at their precision; either zero: open
	Language  string      // one of its sources is in this language (ISO 639-1)
	Text      string      // full-text query: its title, or one of its demands or stances, matches
}

// DemandFilter selects demands; zero fields select all. Results are ordered by resolution
// (newest first), then source order.
type DemandFilter struct {
	Country   string      // ISO code: demands of resolutions concerning it, or addressed to its institutions
	Addressee ID          // an institution the demand is addressed to
	Agreement ID          // an agreement the demand targets
	Topic     ID          // a topic the demand is about
	Group     string      // code of a political group that tabled the demand's resolution
	From, To  PartialDate // its resolution was adopted within [From, To] (see ResolutionFilter)
	Language  string      // its source is in this language
	Text      string      // full-text query its text matches
}

// AgreementFilter selects agreements; zero fields select all. Results are ordered by name
// (see ListAgreements).
type AgreementFilter struct {
	Country string // ISO code of a party
}

// InstitutionFilter selects institutions; zero fields select all. Results are ordered by key,
// then ID.
type InstitutionFilter struct {
	Country string // ISO code of the country the institutions belong to
}

// Reader is the read side of the graph. Batched lookups return a slice as long as ids, with
// nil (or "" for Kinds) where a node does not exist or is of another kind. Lists return every
// match (never nil), in the order their filter's documentation gives.
type Reader interface {
	Kinds(ctx context.Context, ids []ID) ([]NodeKind, error)
	Resolutions(ctx context.Context, ids []ID) ([]*ResolutionRecord, error)
	Countries(ctx context.Context, ids []ID) ([]*CountryRecord, error)
	Agreements(ctx context.Context, ids []ID) ([]*AgreementRecord, error)
	Institutions(ctx context.Context, ids []ID) ([]*InstitutionRecord, error)
	Demands(ctx context.Context, ids []ID) ([]*DemandRecord, error)
	Stances(ctx context.Context, ids []ID) ([]*StanceRecord, error)
	Topics(ctx context.Context, ids []ID) ([]*TopicRecord, error)
	Documents(ctx context.Context, ids []ID) ([]*DocumentRecord, error)
	ProcedureDocuments(ctx context.Context, ids []ID) ([]*ProcedureDocumentRecord, error)
	Events(ctx context.Context, ids []ID) ([]*EventRecord, error)
	// Claims returns, for each resolution, every value each source gives for its
	// single-valued facts, by property, language, then document ingest time.
	Claims(ctx context.Context, ids []ID) ([][]Claim, error)
	// EvidenceOf returns, for each edge, where it was read (as Store.EdgeEvidence does for
	// one): the first `first` entries (all when first < 0) and how many there are.
	EvidenceOf(ctx context.Context, edges []Edge, first int) ([]EvidenceList, error)

	ListResolutions(ctx context.Context, f ResolutionFilter) ([]ID, error)
	ListDemands(ctx context.Context, f DemandFilter) ([]ID, error)
	ListAgreements(ctx context.Context, f AgreementFilter) ([]ID, error)
	ListInstitutions(ctx context.Context, f InstitutionFilter) ([]ID, error)
	ListCountries(ctx context.Context) ([]ID, error) // countries present in the graph, by code
	ResolutionFacets(ctx context.Context, f ResolutionFilter) (Facets, error)
	DemandFacets(ctx context.Context, f DemandFilter) (Facets, error)

	Neighbourhood(ctx context.Context, id ID, depth int, preds []Predicate, limit int) (Subgraph, error)
	Path(ctx context.Context, from, to ID, maxDepth int, preds []Predicate) (Subgraph, bool, error)
	Search(ctx context.Context, q SearchQuery) (SearchPage, error)
	Stats(ctx context.Context) (Stats, error)
}

// PutStatus says what Put did.
type PutStatus string

// Put outcomes.
const (
	PutAdded     PutStatus = "added"     // the document was new
	PutReplaced  PutStatus = "replaced"  // an older version of the same source was replaced
	PutUnchanged PutStatus = "unchanged" // the same bytes were stored already: nothing written
)

// PutResult reports one document's write.
type PutResult struct {
	Document     ID
	Status       PutStatus
	QuadsAdded   int
	QuadsRemoved int
}

// Writer is the write side of the graph. Each call is one transaction: after an error the
// graph is as it was.
type Writer interface {
	// Put stores doc, replacing exactly what an earlier document with the same Source.Key
	// said. Storing the same bytes (same SHA256) with the same facts again writes nothing;
	// the same bytes read by a newer extractor replace what the older reading said.
	Put(ctx context.Context, doc *Document) (PutResult, error)
	// PutBatch stores many documents in one transaction, with the semantics of Put for each.
	PutBatch(ctx context.Context, docs []*Document) ([]PutResult, error)
	// Delete removes exactly the quads the document contributed; facts other documents also
	// state survive. It reports whether the document existed.
	Delete(ctx context.Context, doc ID) (bool, error)
}

// ErrStoreLocked is returned by Open when another process holds the embedded store.
var ErrStoreLocked = errors.New("the store is in use by another eurel process (a running server?)")
