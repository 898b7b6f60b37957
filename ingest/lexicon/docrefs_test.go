package lexicon

import (
	"testing"

	"github.com/eurel/eurel/graph"
)

func TestDocumentKindsComeFromOEILsLabelsElseTheReference(t *testing.T) {
	for _, tt := range []struct {
		label, ref string
		want       graph.DocumentKind
	}{
		{"Joint motion for resolution", "RC-B9-0123/2021", graph.DocJointMotion},
		{"Motion for a resolution", "B9-0116/2021", graph.DocMotion},
		{"Text adopted by Parliament, 1st reading/single reading", "T9-0126/2023", graph.DocTextAdopted},
		{"Committee report tabled for plenary, single reading", "A9-0115/2021", graph.DocReport},
		{"Committee draft report", "PE650.537", graph.DocOther},
		{"", "A9-0115/2021", graph.DocReport},
	} {
		if got := DocumentKindOf(tt.label, tt.ref); got != tt.want {
			t.Errorf("DocumentKindOf(%q, %q) = %s, want %s", tt.label, tt.ref, got, tt.want)
		}
	}
}
