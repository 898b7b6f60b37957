package lexicon

import (
	"testing"

	"github.com/eurel/eurel/graph"
)

func TestDocumentReferencesOfEveryFormComeOutAsOEILWritesThem(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		kind     graph.DocumentKind
	}{
		{"B10-0249/2025", "B10-0249/2025", graph.DocMotion},
		{"RC-B10-0249/2025", "RC-B10-0249/2025", graph.DocJointMotion},
		{"A9-0163/2024", "A9-0163/2024", graph.DocReport},
		{"T9-0054/2021", "T9-0054/2021", graph.DocTextAdopted},
		{"P10_TA(2025)0096", "T10-0096/2025", graph.DocTextAdopted},
		{"eli/dl/doc/RC-10-2025-0249", "RC-B10-0249/2025", graph.DocJointMotion},
		{"B-10-2025-0249", "B10-0249/2025", graph.DocMotion},
		{"TA-9-2024-0183", "T9-0183/2024", graph.DocTextAdopted},
		{"A-9-2024-0163", "A9-0163/2024", graph.DocReport},
		{"AFCO-PR-759748", "PE759.748", graph.DocOther},
		{" COM(2022)0634 ", "COM(2022)0634", graph.DocOther},
		{"RC-10-2025-0249-AM-001-002", "RC-10-2025-0249-AM-001-002", graph.DocOther},
	} {
		got, kind := DocumentReference(tt.in)
		if got != tt.want || kind != tt.kind {
			t.Errorf("DocumentReference(%q) = %q, %s; want %q, %s", tt.in, got, kind, tt.want, tt.kind)
		}
	}
}

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
