package graph

import (
	"strings"

	"github.com/cayleygraph/quad"
)

// NS is the namespace of eurel's RDF vocabulary. Every predicate the store writes is an IRI
// in it: edges use the Predicate name (https://eurel.eu/ns#CONCERNS), literal properties a
// lower-camel name (https://eurel.eu/ns#name). Nodes are urn:uuid:<ID> IRIs, and every quad
// carries the urn:uuid IRI of the document that stated it as its label.
const NS = "https://eurel.eu/ns#"

// IRI is the predicate IRI of an edge: <https://eurel.eu/ns#CONCERNS>.
func (p Predicate) IRI() quad.IRI { return quad.IRI(NS + string(p)) }

// IRI is the node's IRI: <urn:uuid:ID>.
func (id ID) IRI() quad.IRI { return quad.IRI(uuidPrefix + string(id)) }

const uuidPrefix = "urn:uuid:"

// idOfValue returns the ID of a node IRI, or "" when v is not a urn:uuid IRI.
func idOfValue(v quad.Value) ID {
	iri, ok := v.(quad.IRI)
	if !ok || !strings.HasPrefix(string(iri), uuidPrefix) {
		return ""
	}
	return ID(strings.TrimPrefix(string(iri), uuidPrefix))
}

// EdgeID identifies the edge from→to of a predicate. Evidence quads use it as their subject,
// so the same edge stated by two documents has one ID and an evidence quad per label and span
// (none where the evidence is implied: see lower). A node's own span in a document is the
// evidence of EdgeID(node, SOURCE, document).
func EdgeID(from ID, pred Predicate, to ID) ID {
	return idOf("edge", string(from)+" "+string(pred)+" "+string(to))
}

// Literal properties, as predicate IRIs in NS. Their objects are plain strings unless noted.
var (
	pKind            = quad.IRI(NS + "kind")            // NodeKind of every node
	pKey             = quad.IRI(NS + "key")             // natural key (institution, topic, agreement, document)
	pCode            = quad.IRI(NS + "code")            // ISO code of a country, public code of an institution
	pName            = quad.IRI(NS + "name")            // language-tagged name
	pTitle           = quad.IRI(NS + "title")           // language-tagged resolution title
	pReference       = quad.IRI(NS + "reference")       // procedure reference
	pAdopted         = quad.IRI(NS + "adopted")         // adoption date at its precision: 2021, 2021-12, 2021-12-16
	pStage           = quad.IRI(NS + "stage")           // procedure stage
	pProcedureType   = quad.IRI(NS + "procedureType")   // procedure type: RSP, INI, NLE, COD, ...
	pVotesFor        = quad.IRI(NS + "votesFor")        // xsd:integer
	pVotesAgainst    = quad.IRI(NS + "votesAgainst")    // xsd:integer
	pVotesAbstention = quad.IRI(NS + "votesAbstention") // xsd:integer
	pVoteEvidence    = quad.IRI(NS + "voteEvidence")    // "start:end" span of the vote figures
	pAgreementKind   = quad.IRI(NS + "agreementKind")   // AgreementKind
	pSigned          = quad.IRI(NS + "signed")          // date at its precision
	pInForce         = quad.IRI(NS + "inForce")         // date at its precision
	pInstitutionKind = quad.IRI(NS + "institutionKind") // InstitutionKind
	pStanceKind      = quad.IRI(NS + "stanceKind")      // StanceKind
	pText            = quad.IRI(NS + "text")            // demand or stance text; a document's normalised text
	pPosition        = quad.IRI(NS + "position")        // xsd:integer, 1-based order in the document
	pDocumentKind    = quad.IRI(NS + "documentKind")    // DocumentKind
	pFormat          = quad.IRI(NS + "format")          // input format
	pLanguage        = quad.IRI(NS + "language")        // ISO 639-1
	pSHA256          = quad.IRI(NS + "sha256")          // hex digest of the raw input
	pFileName        = quad.IRI(NS + "fileName")        // Source.Name: file name, URL or name given at ingest
	pIngestedAt      = quad.IRI(NS + "ingestedAt")      // xsd:dateTime, UTC
	pEvidence        = quad.IRI(NS + "evidence")        // on an edge IRI (EdgeID): "start:end" in the label's text
	pLabel           = quad.IRI(NS + "label")           // what a text calls a procedure document; an event's name
	pAuthor          = quad.IRI(NS + "author")          // the institution a procedure document comes from, as written
	pDate            = quad.IRI(NS + "date")            // a procedure document's or an event's date at its precision
	pELI             = quad.IRI(NS + "eli")             // Open Data Portal identifier: eli/dl/proc/2025-2691, eli/dl/doc/…
	pURL             = quad.IRI(NS + "url")             // a link the text gives to a procedure document
)
