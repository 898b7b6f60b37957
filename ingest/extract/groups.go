package extract

import (
	"slices"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/lexicon"
)

// tablingVerbs introduce the groups that tabled a text: "tabled as a joint resolution by the
// EPP, S&D, ... groups", "déposé en tant que résolution commune par les groupes PPE, ...".
var tablingVerbs = map[string]bool{
	"tabled": true, "tabling": true, "submitted": true, "deposited": true, "table": true,
	"depose": true, "deposee": true, "deposes": true, "deposees": true, "presente": true, "presentee": true,
}

// tabledBy returns the political groups named after a tabling verb, in the order named, each
// once, by the reference-table code valid on Input.Adopted (see lexicon.ResolveGroup): the
// evidence is the name as written.
func (d *doc) tabledBy() []graph.GroupRef {
	var out []graph.GroupRef
	m := lexicon.GroupMatcher()
	for _, s := range d.sents {
		if d.context(s) {
			continue
		}
		from := -1
		for i := s.toks.lo; i < s.toks.hi; i++ {
			if tablingVerbs[d.toks[i].Fold] {
				from = i + 1
				break
			}
		}
		if from < 0 {
			continue
		}
		for _, mt := range m.FindAll(d.toks[from:s.toks.hi]) {
			g, ok := lexicon.ResolveGroup(mt.Values, d.in.Adopted)
			if !ok || slices.ContainsFunc(out, func(r graph.GroupRef) bool { return r.Code == g.Code }) {
				continue
			}
			out = append(out, graph.GroupRef{Code: g.Code, Evidence: d.span(rng{from + mt.Lo, from + mt.Hi})})
		}
		if len(out) > 0 {
			return out
		}
	}
	return out
}

// adoptionVerbs say that a body adopted or approved the text.
var adoptionVerbs = map[string]bool{
	"adopted": true, "adopts": true, "adopt": true, "approved": true, "approves": true,
	"adopte": true, "adoptee": true, "approuve": true, "approuvee": true,
}

// adoptedBy returns graph.CodeEP when a body sentence has the Parliament adopt or approve
// the text ("The European Parliament adopted by ...", "Le Parlement européen a adopté ..."),
// "" otherwise.
func (d *doc) adoptedBy() string {
	for _, s := range d.sents {
		if d.context(s) {
			continue
		}
		for _, h := range d.instsIn(s.toks) {
			if h.key != graph.CodeEP {
				continue
			}
			for i := h.toks.hi; i < s.toks.hi && i < h.toks.hi+4; i++ {
				if adoptionVerbs[d.toks[i].Fold] {
					return graph.CodeEP
				}
			}
		}
	}
	return ""
}
