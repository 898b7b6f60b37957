package graph

import (
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"
)

// ID is a node's stable identifier: a UUID version 5 over the node's natural key, in
// canonical string form. The same text gives the same IDs on every machine and every
// re-ingest.
type ID string

// namespace is eurel's UUID namespace; changing it changes every ID.
var namespace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("urn:eurel:graph"))

func idOf(kind, key string) ID {
	return ID(uuid.NewSHA1(namespace, []byte(kind+":"+key)).String())
}

// ResolutionID identifies a resolution by its procedure reference, e.g. 2021/2544(RSP).
func ResolutionID(reference string) ID { return idOf("resolution", reference) }

// CountryID identifies a country by its ISO 3166-1 alpha-2 code.
func CountryID(code string) ID { return idOf("country", strings.ToUpper(code)) }

// InstitutionID identifies an institution by its natural key (Institution.Key).
func InstitutionID(key string) ID { return idOf("institution", key) }

// TopicID identifies a topic by its natural key.
func TopicID(key string) ID { return idOf("topic", key) }

// AgreementID identifies an agreement by its natural key (Agreement.Key).
func AgreementID(key string) ID { return idOf("agreement", key) }

// DocumentID identifies a source document by its Source.Key.
func DocumentID(sourceKey string) ID { return idOf("document", sourceKey) }

// DemandID identifies the demand at a position in a source document.
func DemandID(sourceKey string, position int) ID {
	return idOf("demand", sourceKey+"#"+strconv.Itoa(position))
}

// StanceID identifies the stance at a position in a source document.
func StanceID(sourceKey string, position int) ID {
	return idOf("stance", sourceKey+"#"+strconv.Itoa(position))
}

// ProcedureDocumentID identifies a procedure document by its reference (ProcedureDocument.Reference).
func ProcedureDocumentID(reference string) ID { return idOf("procedure-document", reference) }

// EventID identifies a key event of a procedure by the procedure's reference, the event's date
// and its name.
func EventID(procedure string, date PartialDate, name string) ID {
	return idOf("event", procedure+"|"+date.String()+"|"+name)
}

// CitationID identifies the node a citation of an earlier resolution stands for: the
// resolution itself when the citation gives its procedure reference, else the node of its
// CitationKey, which the resolution links to with CITED_AS once a text about it is ingested.
// It is "" when the citation says too little to identify one resolution (no reference, and no
// full date or no title).
func CitationID(c Citation) ID {
	if c.Reference != "" {
		return ResolutionID(c.Reference)
	}
	if k := CitationKey(c.Adopted, c.Title); k != "" {
		return idOf("cited-resolution", k)
	}
	return ""
}

// PartyID is the node ID of an agreement party.
func PartyID(p Party) ID {
	if p.Country != "" {
		return CountryID(p.Country)
	}
	return InstitutionID(p.Institution)
}

// AgreementKey is the natural key of an agreement of a kind between parties, whatever the
// order the parties are named in: "ENHANCED_PARTNERSHIP_AND_COOPERATION/country:KZ+institution:EU".
func AgreementKey(kind AgreementKind, parties []Party) string {
	keys := make([]string, 0, len(parties))
	for _, p := range parties {
		keys = append(keys, p.PartyKey())
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	return string(kind) + "/" + strings.Join(keys, "+")
}
