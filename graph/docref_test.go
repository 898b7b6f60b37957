package graph

import (
	"testing"
)

func TestDocumentReferencesOfEveryFormComeOutAsOEILWritesThem(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		kind     DocumentKind
	}{
		{"B10-0249/2025", "B10-0249/2025", DocMotion},
		{"RC-B10-0249/2025", "RC-B10-0249/2025", DocJointMotion},
		{"A9-0163/2024", "A9-0163/2024", DocReport},
		{"T9-0054/2021", "T9-0054/2021", DocTextAdopted},
		{"P10_TA(2025)0096", "T10-0096/2025", DocTextAdopted},
		{"eli/dl/doc/RC-10-2025-0249", "RC-B10-0249/2025", DocJointMotion},
		{"B-10-2025-0249", "B10-0249/2025", DocMotion},
		{"TA-9-2024-0183", "T9-0183/2024", DocTextAdopted},
		{"A-9-2024-0163", "A9-0163/2024", DocReport},
		{"AFCO-PR-759748", "PE759.748", DocOther},
		{" COM(2022)0634 ", "COM(2022)0634", DocOther},
		{"RC-10-2025-0249-AM-001-002", "RC-10-2025-0249-AM-001-002", DocOther},
	} {
		got, kind := DocumentReference(tt.in)
		if got != tt.want || kind != tt.kind {
			t.Errorf("DocumentReference(%q) = %q, %s; want %q, %s", tt.in, got, kind, tt.want, tt.kind)
		}
	}
}
