package graph

import (
	"regexp"
	"strings"
)

// Forms of European Parliament document references, as OEIL, the document pages and the Open
// Data Portal write them.
var (
	oeilRef  = regexp.MustCompile(`^(RC-B|B|A|T)(\d{1,2})-(\d{4})/(\d{4})$`)              // B10-0249/2025, RC-B10-0249/2025, A9-0163/2024, T9-0054/2021
	doceoTA  = regexp.MustCompile(`^P(\d{1,2})_TA\((\d{4})\)(\d{4})$`)                    // P10_TA(2025)0096
	odpRef   = regexp.MustCompile(`^(RC|B|A|TA)-(\d{1,2})-(\d{4})-(\d{4})$`)              // RC-10-2025-0249, TA-10-2025-0096
	odpPE    = regexp.MustCompile(`^[A-Z]{2,6}-(?:PR|AM|AD|PA|AG|DT|CM)-(\d{3})(\d{3})$`) // AFCO-PR-759748 = PE759.748
	refKinds = map[string]DocumentKind{
		"RC-B": DocJointMotion, "B": DocMotion, "A": DocReport, "T": DocTextAdopted,
	}
)

// DocumentReference returns the reference of a Parliament document in the form OEIL writes it
// — B10-0249/2025, RC-B10-0249/2025, A9-0163/2024, T10-0096/2025, PE759.748 — whichever form
// it is given in: that one, a document page's text adopted P10_TA(2025)0096, or an Open Data
// Portal identifier (RC-10-2025-0249, TA-10-2025-0096, AFCO-PR-759748, with or without its
// eli/dl/doc/ prefix). The kind is what the reference alone says (a B number is a motion, an
// RC-B number a joint motion, an A number a report, a T number a text adopted), else OTHER.
// References of other forms (COM(2022)0634, 15053/2022) come back trimmed, kind OTHER. The
// reference it returns is the natural key of a ProcedureDocument.
func DocumentReference(ref string) (string, DocumentKind) {
	ref = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(ref), "eli/dl/doc/"))
	if m := oeilRef.FindStringSubmatch(ref); m != nil {
		return ref, refKinds[m[1]]
	}
	if m := doceoTA.FindStringSubmatch(ref); m != nil {
		return "T" + m[1] + "-" + m[3] + "/" + m[2], DocTextAdopted
	}
	if m := odpRef.FindStringSubmatch(ref); m != nil {
		prefix := map[string]string{"RC": "RC-B", "B": "B", "A": "A", "TA": "T"}[m[1]]
		return prefix + m[2] + "-" + m[4] + "/" + m[3], refKinds[prefix]
	}
	if m := odpPE.FindStringSubmatch(ref); m != nil {
		return "PE" + m[1] + "." + m[2], DocOther
	}
	return ref, DocOther
}
