package lexicon

import (
	"strings"

	"github.com/eurel/eurel/graph"
)

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
	_, kind := graph.DocumentReference(ref)
	return kind
}
