package synth

import (
	"math/rand/v2"
	"slices"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/lexicon"
)

// group is a political group with the short names texts give it.
type group struct {
	code   string
	weight float64           // how often it co-tables a joint resolution
	names  map[string]string // language → name as summaries write it: "S&D", "Verts/ALE"
	start  graph.PartialDate
	end    graph.PartialDate // zero while it sits
}

// Short names the summaries of each language use for groups whose short label in the
// reference table is the full name ("European People’s Party (Christian Democrats)").
var groupShortNames = map[string]map[string]string{
	"en": {"EPP_2009_0": "EPP", "EPP_1999_0": "EPP-ED", "PSE": "PES", "PSE_1993_0": "PES", "ALDE": "ALDE",
		"ELDR": "ELDR", "GUE_NGL_1995_0": "GUE/NGL", "EFD_2009_0": "EFD", "EFD": "EFDD", "ENF": "ENF",
		"ID": "ID", "IND_DEM": "IND/DEM", "UEN": "UEN", "GREEN_EFA": "Greens/EFA"},
	"fr": {"EPP_1999_0": "PPE-DE", "PSE": "PSE", "PSE_1993_0": "PSE", "ALDE": "ADLE", "ELDR": "ELDR",
		"IND_DEM": "IND/DEM", "UEN": "UEN", "ID": "ID", "EFD": "ELDD", "EFD_2009_0": "ELD", "ENF": "ENL"},
}

// groupWeights are how often each family of groups co-tables a joint resolution on a third
// country: the large groups nearly always, the Eurosceptic and far-right ones rarely.
var groupWeights = map[string]float64{
	"EPP": 0.95, "SOCIALISTS": 0.92, "LIBERALS": 0.9, "GREENS": 0.8, "ECR": 0.7, "LEFT": 0.4,
	"UEN": 0.3, "IND_DEM": 0.05, "EFD": 0.08, "NATIONS_FREEDOM": 0.03, "PFE": 0.05, "ESN": 0.02, "EDD": 0.05,
}

// buildGroups returns the groups that can table a resolution (the non-attached and the
// secretariats cannot), each with names the extractor resolves back to it on every day it
// sat; and the codes of the groups left out because it would not.
func buildGroups() (out []group, unread []string) {
	for _, g := range lexicon.Groups() {
		w, ok := groupWeights[g.Family]
		if !ok {
			continue
		}
		last := g.End
		if last.IsZero() {
			last = graph.Day(2099, 12, 31)
		}
		gr := group{code: g.Code, weight: w, names: map[string]string{}, start: g.Start, end: g.End}
		for _, lang := range lexicon.Languages {
			n := groupShortNames[lang][g.Code]
			if n == "" {
				n = g.NameIn(lang)
			}
			if !resolvesTo(n, g.Code, g.Start) || !resolvesTo(n, g.Code, last) {
				unread = append(unread, g.Code+" ("+lang+" "+n+")")
				continue
			}
			gr.names[lang] = n
		}
		if len(gr.names) == len(lexicon.Languages) {
			out = append(out, gr)
		}
	}
	return out, unread
}

// resolvesTo reports whether the extractor reads a group name, written on a date, as the
// group with a code.
func resolvesTo(name, code string, on graph.PartialDate) bool {
	toks := lexicon.TokenizeString(name)
	ms := lexicon.GroupMatcher().FindAll(toks)
	if len(ms) != 1 || ms[0].Lo != 0 || ms[0].Hi != len(toks) {
		return false
	}
	g, ok := lexicon.ResolveGroup(ms[0].Values, on)
	return ok && g.Code == code
}

// sitting returns the groups that sat on a date, in the order of the reference table.
func sitting(groups []group, on graph.PartialDate) []group {
	var out []group
	for _, g := range groups {
		if !on.Before(g.start) && (g.end.IsZero() || !g.end.Before(on)) {
			out = append(out, g)
		}
	}
	return out
}

// groupOrder is the order summaries list groups in: by size, largest first.
var groupOrder = []string{"EPP", "EPP_2009_0", "EPP_1999_0", "SD", "PSE", "PSE_1993_0", "RENEW", "ALDE", "ELDR",
	"GREEN_EFA", "ECR", "GUE_NGL", "GUE_NGL_1995_0", "UEN", "ID", "ENF", "PFE", "EFD", "EFD_2009_0", "IND_DEM", "ESN", "EDD"}

func orderGroups(gs []group) {
	rank := func(code string) int {
		if i := slices.Index(groupOrder, code); i >= 0 {
			return i
		}
		return len(groupOrder)
	}
	slices.SortStableFunc(gs, func(a, b group) int { return rank(a.code) - rank(b.code) })
}

// drawGroups draws the groups that tabled a resolution: usually a joint resolution of the
// large groups, sometimes one group's motion.
func drawGroups(r *rand.Rand, sat []group) []group {
	if len(sat) == 0 {
		return nil
	}
	if chance(r, 0.15) {
		w := make([]float64, len(sat))
		for k, g := range sat {
			w[k] = g.weight
		}
		return []group{sat[weighted(r, w)]}
	}
	var out []group
	for _, g := range sat {
		if chance(r, g.weight) {
			out = append(out, g)
		}
	}
	if len(out) < 2 {
		out = slices.Clone(sat)
		slices.SortStableFunc(out, func(a, b group) int {
			switch {
			case a.weight > b.weight:
				return -1
			case a.weight < b.weight:
				return 1
			}
			return 0
		})
		out = out[:min(len(out), 2)]
	}
	orderGroups(out)
	return out
}
