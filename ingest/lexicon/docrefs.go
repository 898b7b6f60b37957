package lexicon

import (
	"regexp"
	"strings"

	"github.com/eurel/eurel/graph"
)

// Forms of European Parliament document references, as OEIL, the document pages and the Open
// Data Portal write them.
var (
	oeilRef  = regexp.MustCompile(`^(RC-B|B|A|T)(\d{1,2})-(\d{4})/(\d{4})$`)              // B10-0249/2025, RC-B10-0249/2025, A9-0163/2024, T9-0054/2021
	doceoTA  = regexp.MustCompile(`^P(\d{1,2})_TA\((\d{4})\)(\d{4})$`)                    // P10_TA(2025)0096
	odpRef   = regexp.MustCompile(`^(RC|B|A|TA)-(\d{1,2})-(\d{4})-(\d{4})$`)              // RC-10-2025-0249, TA-10-2025-0096
	odpPE    = regexp.MustCompile(`^[A-Z]{2,6}-(?:PR|AM|AD|PA|AG|DT|CM)-(\d{3})(\d{3})$`) // AFCO-PR-759748 = PE759.748
	refKinds = map[string]graph.DocumentKind{
		"RC-B": graph.DocJointMotion, "B": graph.DocMotion, "A": graph.DocReport, "T": graph.DocTextAdopted,
	}
)

// DocumentReference returns the reference of a Parliament document in the form OEIL writes it
// — B10-0249/2025, RC-B10-0249/2025, A9-0163/2024, T10-0096/2025, PE759.748 — whichever form
// it is given in: that one, a document page's text adopted P10_TA(2025)0096, or an Open Data
// Portal identifier (RC-10-2025-0249, TA-10-2025-0096, AFCO-PR-759748, with or without its
// eli/dl/doc/ prefix). The kind is what the reference alone says (a B number is a motion, an
// RC-B number a joint motion, an A number a report, a T number a text adopted), else OTHER.
// References of other forms (COM(2022)0634, 15053/2022) come back trimmed, kind OTHER.
func DocumentReference(ref string) (string, graph.DocumentKind) {
	ref = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(ref), "eli/dl/doc/"))
	if m := oeilRef.FindStringSubmatch(ref); m != nil {
		return ref, refKinds[m[1]]
	}
	if m := doceoTA.FindStringSubmatch(ref); m != nil {
		return "T" + m[1] + "-" + m[3] + "/" + m[2], graph.DocTextAdopted
	}
	if m := odpRef.FindStringSubmatch(ref); m != nil {
		prefix := map[string]string{"RC": "RC-B", "B": "B", "A": "A", "TA": "T"}[m[1]]
		return prefix + m[2] + "-" + m[4] + "/" + m[3], refKinds[prefix]
	}
	if m := odpPE.FindStringSubmatch(ref); m != nil {
		return "PE" + m[1] + "." + m[2], graph.DocOther
	}
	return ref, graph.DocOther
}

// DocumentKindOf is the kind of a procedure document from what OEIL calls it ("Motion for a
// resolution", "Joint motion for resolution", "Committee report tabled for plenary, single
// reading", "Text adopted by Parliament, single reading"), else from its reference.
func DocumentKindOf(label, ref string) graph.DocumentKind {
	l := strings.ToLower(label)
	switch {
	case strings.HasPrefix(l, "joint motion"):
		return graph.DocJointMotion
	case strings.HasPrefix(l, "motion for a resolution"):
		return graph.DocMotion
	case strings.HasPrefix(l, "text adopted by parliament"):
		return graph.DocTextAdopted
	case strings.HasPrefix(l, "committee report tabled for plenary"):
		return graph.DocReport
	}
	_, kind := DocumentReference(ref)
	return kind
}
