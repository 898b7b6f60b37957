package lexicon

import (
	"slices"
	"testing"
)

func TestInstrumentMatcherNamesTheInstrumentsCitations(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"having regard to the Charter of the United Nations, the European Convention for the Protection of Human Rights and Fundamental Freedoms and the Geneva Conventions,",
			[]string{"UN_CHARTER", "ECHR", "GENEVA_CONVENTIONS"}},
		{"having regard to the Rome Statute of the International Criminal Court (ICC), the UN Convention on the rights of the child and the Genocide Convention (CPPCG),",
			[]string{"ROME_STATUTE", "CRC", "GENOCIDE_CONVENTION", "GENOCIDE_CONVENTION"}},
		{"vu la déclaration universelle des droits de l'homme et le pacte international relatif aux droits civils et politiques,",
			[]string{"UDHR", "ICCPR"}},
		{"a genocide, a convention, the rome statute", []string{"ROME_STATUTE"}},
		{"the npt, the NPT", []string{"NPT"}},
	}
	for _, c := range cases {
		var got []string
		for _, mt := range InstrumentMatcher().FindAll(TokenizeString(c.text)) {
			got = append(got, mt.Values...)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: %v, want %v", c.text, got, c.want)
		}
	}
}

func TestInstrumentsHaveNamesInBothLanguages(t *testing.T) {
	seen := map[string]bool{}
	for _, in := range Instruments() {
		if seen[in.Key] || in.Names["en"] == "" || in.Names["fr"] == "" || len(in.Patterns) == 0 {
			t.Errorf("instrument %+v", in)
		}
		seen[in.Key] = true
		if _, ok := InstrumentByKey(in.Key); !ok {
			t.Errorf("%s is not found by its key", in.Key)
		}
	}
}
