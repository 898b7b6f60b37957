package lexicon

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eurel/eurel/internal/corpus"
)

// TestSubjectsAgreeWithReference checks the compiled OEIL subjects against the corpus
// reference table (reference/oeil_subjects.json): the same codes in the same order, the same
// labels (trailing spaces aside) and parents.
func TestSubjectsAgreeWithReference(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(corpus.Dir(t), "reference", "oeil_subjects.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rows []struct {
		Code   string `json:"code"`
		Label  string `json:"label"`
		Parent string `json:"parent_code"`
	}
	if err := json.Unmarshal(b, &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(Subjects()) {
		t.Errorf("%d subjects compiled, %d in the reference", len(Subjects()), len(rows))
	}
	for i, r := range rows {
		s, ok := SubjectByCode(r.Code)
		if !ok {
			t.Errorf("%s: not compiled", r.Code)
			continue
		}
		if s.Label != strings.TrimSpace(r.Label) || s.Parent != r.Parent {
			t.Errorf("%s: compiled %+v, reference %+v", r.Code, s, r)
		}
		if i < len(Subjects()) && Subjects()[i].Code != r.Code {
			t.Errorf("row %d is %s, the reference has %s", i, Subjects()[i].Code, r.Code)
		}
	}
}

func TestSubjectsFormATree(t *testing.T) {
	for _, s := range Subjects() {
		if s.Parent == "" {
			if strings.Contains(s.Code, ".") {
				t.Errorf("%s has no parent", s.Code)
			}
			continue
		}
		p, ok := SubjectByCode(s.Parent)
		if !ok || !strings.HasPrefix(s.Code, p.Code+".") {
			t.Errorf("%s: parent %q is not a known prefix of it", s.Code, s.Parent)
		}
	}
	if s, ok := SubjectByCode(" 6.10.04 "); !ok || s.Label != "Third-country political situation, local and regional conflicts" {
		t.Errorf("6.10.04: %v %+v", ok, s)
	}
	if _, ok := SubjectByCode("6.10.99"); ok {
		t.Error("6.10.99 is not an OEIL subject")
	}
}
