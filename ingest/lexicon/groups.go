package lexicon

import (
	"slices"
	"sync"

	"github.com/eurel/eurel/graph"
)

// Group is a political group of the European Parliament as the reference table of groups
// describes it (corpus reference/groups.json, HowTheyVote's table), with the names eurel
// adds (OtherNames, FrenchName) and the lineage it belongs to (Family).
type Group struct {
	Code          string // reference-table code: EPP, SD, RENEW, GREEN_EFA, GUE_NGL, ...
	OfficialLabel string
	Label         string
	ShortLabel    string
	AltLabels     []string          // as the reference table gives them
	Start, End    graph.PartialDate // first and last day; End is zero for a group that still sits

	Family     string   // lineage: groups that succeeded one another under related names
	OtherNames []string // names texts use that the table lacks ("S&D", "Verts/ALE", "PPE", "GUE/NGL")
	FrenchName string   // short French name ("PPE", "Verts/ALE"); "" when the English one serves
}

// ValidOn reports whether the group existed on a date (a partial date counts from its first
// day).
func (g Group) ValidOn(d graph.PartialDate) bool {
	return !d.Before(g.Start) && (g.End.IsZero() || !g.End.Before(d))
}

// Names returns every name of the group: labels, alternative labels, other names; no
// duplicates.
func (g Group) Names() []string {
	var out []string
	for _, n := range append([]string{g.ShortLabel, g.Label, g.OfficialLabel, g.FrenchName}, append(g.AltLabels, g.OtherNames...)...) {
		if n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// NameIn is the group's short name in a language: ShortLabel in English ("S&D", "Renew",
// "Greens/EFA"), FrenchName in French when there is one.
func (g Group) NameIn(lang string) string {
	if lang == "fr" && g.FrenchName != "" {
		return g.FrenchName
	}
	return g.ShortLabel
}

// groupRows are the rows of the reference table of groups, copied as Go data so that eurel
// needs no file at run time. TestGroupsAgreeWithReference checks them against the corpus
// file: codes, labels, alternative labels and dates must all agree.
var groupRows = []Group{
	{Code: "ALDE", OfficialLabel: "Group of the Alliance of Liberals and Democrats for Europe", Label: "Alliance of Liberals and Democrats for Europe", ShortLabel: "Alliance of Liberals and Democrats for Europe",
		AltLabels: []string{"ALDE"}, Start: graph.Day(2004, 7, 20), End: graph.Day(2019, 6, 11)},
	{Code: "ARC", OfficialLabel: "Rainbow Group in the European Parliament", Label: "Rainbow Group in the European Parliament", ShortLabel: "Rainbow Group in the European Parliament",
		AltLabels: []string{"Rainbow in the European Parliament"}, Start: graph.Day(1989, 7, 25), End: graph.Day(1994, 7, 18)},
	{Code: "ARC_1984_0", OfficialLabel: "Rainbow Group: Federation of the Green-Alternative European Links, Agelev-Ecolo, the Danish People’s Movement against Membership of the European Community and the European Free Alliance in the European Parliament", Label: "Rainbow Group: Federation of the Green-Alternative European Links, Agelev-Ecolo, the Danish People’s Movement against Membership of the European Community and the European Free Alliance in the European Parliament", ShortLabel: "Rainbow Group: Federation of the Green-Alternative European Links, Agelev-Ecolo, the Danish People’s Movement against Membership of the European Community and the European Free Alliance in the European Parliament",
		AltLabels: []string{"Rainbow"}, Start: graph.Day(1984, 7, 24), End: graph.Day(1989, 7, 24)},
	{Code: "ARE", OfficialLabel: "Group of the European Radical Alliance", Label: "European Radical Alliance", ShortLabel: "European Radical Alliance",
		AltLabels: nil, Start: graph.Day(1994, 7, 19), End: graph.Day(1999, 7, 19)},
	{Code: "CDI", OfficialLabel: "Group for the Technical Coordination and Defence of Independent Groups and Members", Label: "Group for the Technical Coordination and Defence of Independent Groups and Members", ShortLabel: "Group for the Technical Coordination and Defence of Independent Groups and Members",
		AltLabels: []string{"Technical Coordination and Defence of Independent"}, Start: graph.Day(1979, 7, 17), End: graph.Day(1984, 7, 23)},
	{Code: "CHD", OfficialLabel: "Christian-Democratic Group (Group of the European People’s Party)", Label: "Christian-Democratic Group (Group of the European People’s Party)", ShortLabel: "Christian-Democratic Group (Group of the European People’s Party)",
		AltLabels: nil, Start: graph.Day(1978, 3, 14), End: graph.Day(1979, 7, 16)},
	{Code: "CHD_1953_0", OfficialLabel: "Christian-Democratic Group", Label: "Christian-Democratic", ShortLabel: "Christian-Democratic",
		AltLabels: []string{"Christian-Democratics"}, Start: graph.Day(1953, 6, 23), End: graph.Day(1978, 3, 13)},
	{Code: "COM", OfficialLabel: "Communist and Allies Group", Label: "Communist and Allies", ShortLabel: "Communist and Allies",
		AltLabels: []string{"Communists and Allies"}, Start: graph.Day(1979, 7, 17), End: graph.Day(1989, 7, 24)},
	{Code: "COM_1973_0", OfficialLabel: "Communist and Allies Group (SF, Ind. Sin.)", Label: "Communist and Allies Group (SF, Ind. Sin.)", ShortLabel: "Communist and Allies Group (SF, Ind. Sin.)",
		AltLabels: []string{"Communists and Allies (SF, Ind. Sin.)"}, Start: graph.Day(1973, 10, 16), End: graph.Day(1979, 7, 16)},
	{Code: "CTDI", OfficialLabel: "Technical Coordination and Defence of Independent Groups and Members", Label: "Technical Coordination and Defence of Independent Groups and Members", ShortLabel: "Technical Coordination and Defence of Independent Groups and Members",
		AltLabels: []string{"Technical Coordination and Defence of Independent"}, Start: graph.Day(1987, 9, 17), End: graph.Day(1987, 11, 17)},
	{Code: "DE", OfficialLabel: "European Democratic Union Group", Label: "European Democratic Union", ShortLabel: "European Democratic Union",
		AltLabels: nil, Start: graph.Day(1965, 1, 20), End: graph.Day(1973, 7, 1)},
	{Code: "DEP", OfficialLabel: "Group of European Progressive Democrats", Label: "Group of European Progressive Democrats", ShortLabel: "Group of European Progressive Democrats",
		AltLabels: []string{"European Progressive Democrats"}, Start: graph.Day(1973, 7, 2), End: graph.Day(1984, 7, 23)},
	{Code: "DR", OfficialLabel: "Technical Group of the European Right", Label: "Technical Group of the European Right", ShortLabel: "Technical Group of the European Right",
		AltLabels: nil, Start: graph.Day(1989, 7, 25), End: graph.Day(1994, 7, 18)},
	{Code: "DR_1984_0", OfficialLabel: "Group of the European Right", Label: "European Right", ShortLabel: "European Right",
		AltLabels: nil, Start: graph.Day(1984, 7, 24), End: graph.Day(1989, 7, 24)},
	{Code: "ECNS", OfficialLabel: "European Conservative Group", Label: "European Conservative", ShortLabel: "European Conservative",
		AltLabels: []string{"European Conservatives"}, Start: graph.Day(1973, 1, 16), End: graph.Day(1979, 7, 16)},
	{Code: "ECR", OfficialLabel: "European Conservatives and Reformists Group", Label: "European Conservatives and Reformists", ShortLabel: "ECR",
		AltLabels: nil, Start: graph.Day(2009, 7, 14), End: graph.PartialDate{}},
	{Code: "ED", OfficialLabel: "European Democratic Group", Label: "European Democratic", ShortLabel: "European Democratic",
		AltLabels: []string{"European Democratics"}, Start: graph.Day(1979, 7, 17), End: graph.Day(1992, 4, 30)},
	{Code: "EDD", OfficialLabel: "Group for a Europe of Democracies and Diversities", Label: "Group for a Europe of Democracies and Diversities", ShortLabel: "Group for a Europe of Democracies and Diversities",
		AltLabels: []string{"Europe of Democracies and Diversities"}, Start: graph.Day(1999, 7, 20), End: graph.Day(2004, 7, 19)},
	{Code: "EDN", OfficialLabel: "Europe of Nations Group (Coordination Group)", Label: "Europe of Nations Group (Coordination Group)", ShortLabel: "Europe of Nations Group (Coordination Group)",
		AltLabels: []string{"Europe of Nations"}, Start: graph.Day(1994, 7, 19), End: graph.Day(1996, 11, 10)},
	{Code: "EFD", OfficialLabel: "Europe of freedom and direct democracy Group", Label: "Europe of freedom and direct democracy", ShortLabel: "Europe of freedom and direct democracy",
		AltLabels: []string{"EFDD", "Europe of freedom and democracy Group"}, Start: graph.Day(2014, 7, 1), End: graph.Day(2019, 7, 1)},
	{Code: "EFD_2009_0", OfficialLabel: "Europe of freedom and democracy Group", Label: "Europe of freedom and democracy", ShortLabel: "Europe of freedom and democracy",
		AltLabels: nil, Start: graph.Day(2009, 7, 14), End: graph.Day(2014, 6, 30)},
	{Code: "ELDR", OfficialLabel: "Group of the European Liberal, Democrat and Reform Party", Label: "European Liberal, Democrat and Reform Party", ShortLabel: "European Liberal, Democrat and Reform Party",
		AltLabels: []string{"Liberal, Democrat and Reform Party"}, Start: graph.Day(1994, 7, 19), End: graph.Day(2004, 7, 19)},
	{Code: "ENF", OfficialLabel: "Europe of Nations and Freedom", Label: "Europe of Nations and Freedom", ShortLabel: "Europe of Nations and Freedom",
		AltLabels: []string{"ENF"}, Start: graph.Day(2015, 6, 15), End: graph.Day(2019, 7, 1)},
	{Code: "EPP", OfficialLabel: "Group of the European People’s Party", Label: "European People’s Party", ShortLabel: "EPP",
		AltLabels: []string{"Group of the European People’s Party (Christian Democrats)", "PPE"}, Start: graph.Day(2019, 7, 2), End: graph.PartialDate{}},
	{Code: "EPP_1979_0", OfficialLabel: "Group of the European People’s Party (Christian-Democratic Group)", Label: "European People’s Party (Christian-Democratic Group)", ShortLabel: "European People’s Party (Christian-Democratic Group)",
		AltLabels: []string{"European People’s Party"}, Start: graph.Day(1979, 7, 17), End: graph.Day(1999, 7, 19)},
	{Code: "EPP_1999_0", OfficialLabel: "Group of the European People’s Party (Christian Democrats) and European Democrats", Label: "European People’s Party (Christian Democrats) and European Democrats", ShortLabel: "European People’s Party (Christian Democrats) and European Democrats",
		AltLabels: []string{"European People’s Party"}, Start: graph.Day(1999, 7, 20), End: graph.Day(2009, 7, 13)},
	{Code: "EPP_2009_0", OfficialLabel: "Group of the European People’s Party (Christian Democrats)", Label: "European People’s Party (Christian Democrats)", ShortLabel: "European People’s Party (Christian Democrats)",
		AltLabels: []string{"European People’s Party", "PPE"}, Start: graph.Day(2009, 7, 14), End: graph.Day(2019, 7, 1)},
	{Code: "ESN", OfficialLabel: "Europe of Sovereign Nations Group", Label: "Europe of Sovereign Nations", ShortLabel: "ESN",
		AltLabels: nil, Start: graph.Day(2024, 7, 10), End: graph.PartialDate{}},
	{Code: "EUL", OfficialLabel: "Group for the European United Left", Label: "Group for the European United Left", ShortLabel: "Group for the European United Left",
		AltLabels: []string{"European United Left"}, Start: graph.Day(1989, 7, 20), End: graph.Day(1993, 1, 11)},
	{Code: "FE", OfficialLabel: "Forza Europa Group", Label: "Forza Europa", ShortLabel: "Forza Europa",
		AltLabels: nil, Start: graph.Day(1994, 7, 19), End: graph.Day(1995, 7, 4)},
	{Code: "GREEN", OfficialLabel: "The Green Group in the European Parliament", Label: "The Green Group in the European Parliament", ShortLabel: "The Green Group in the European Parliament",
		AltLabels: []string{"The Greens in the European Parliament"}, Start: graph.Day(1989, 7, 19), End: graph.Day(1999, 7, 19)},
	{Code: "GREEN_EFA", OfficialLabel: "Group of the Greens/European Free Alliance", Label: "Greens/European Free Alliance", ShortLabel: "Greens/EFA",
		AltLabels: []string{"Verts/ALE"}, Start: graph.Day(1999, 7, 20), End: graph.PartialDate{}},
	{Code: "GUE", OfficialLabel: "Confederal Group of the European United Left", Label: "Confederal Group of the European United Left", ShortLabel: "Confederal Group of the European United Left",
		AltLabels: []string{"European United Left"}, Start: graph.Day(1994, 7, 19), End: graph.Day(1995, 1, 5)},
	{Code: "GUE_NGL", OfficialLabel: "The Left group in the European Parliament", Label: "The Left in the European Parliament", ShortLabel: "The Left",
		AltLabels: []string{"The Left group in the European Parliament - GUE/NGL"}, Start: graph.Day(2021, 1, 1), End: graph.PartialDate{}},
	{Code: "GUE_NGL_1995_0", OfficialLabel: "Confederal Group of the European United Left – Nordic Green Left", Label: "Confederal Group of the European United Left – Nordic Green Left", ShortLabel: "Confederal Group of the European United Left – Nordic Green Left",
		AltLabels: []string{"European United Left – Nordic Green Left", "GUE/NGL"}, Start: graph.Day(1995, 1, 6), End: graph.Day(2020, 12, 31)},
	{Code: "ID", OfficialLabel: "Identity and Democracy Group", Label: "Identity and Democracy", ShortLabel: "Identity and Democracy",
		AltLabels: []string{"ID"}, Start: graph.Day(2019, 7, 2), End: graph.Day(2024, 7, 7)},
	{Code: "IEDN", OfficialLabel: "Group of Independents for a Europe of Nations", Label: "Group of Independents for a Europe of Nations", ShortLabel: "Group of Independents for a Europe of Nations",
		AltLabels: []string{"Independents/Europe of Nations"}, Start: graph.Day(1997, 1, 13), End: graph.Day(1999, 7, 19)},
	{Code: "IND_DEM", OfficialLabel: "Independence/Democracy Group", Label: "Independence/Democracy", ShortLabel: "Independence/Democracy",
		AltLabels: nil, Start: graph.Day(2004, 7, 20), End: graph.Day(2009, 7, 13)},
	{Code: "ITS", OfficialLabel: "Identity, Tradition and Sovereignty Group", Label: "Identity, Tradition and Sovereignty", ShortLabel: "Identity, Tradition and Sovereignty",
		AltLabels: []string{"Identity, Tradition, Sovereignty"}, Start: graph.Day(2007, 1, 15), End: graph.Day(2007, 11, 13)},
	{Code: "LD", OfficialLabel: "Liberal and Democratic Group", Label: "Liberal and Democratic", ShortLabel: "Liberal and Democratic",
		AltLabels: []string{"Liberals and Democratics"}, Start: graph.Day(1953, 6, 20), End: graph.Day(1985, 12, 12)},
	{Code: "LDR", OfficialLabel: "Liberal and Democratic Reformist Group", Label: "Liberal and Democratic Reformist", ShortLabel: "Liberal and Democratic Reformist",
		AltLabels: []string{"Liberals and Democratic Reformists"}, Start: graph.Day(1985, 12, 13), End: graph.Day(1994, 7, 18)},
	{Code: "LEFT", OfficialLabel: "Left Unity", Label: "Left Unity", ShortLabel: "Left Unity",
		AltLabels: nil, Start: graph.Day(1989, 7, 20), End: graph.Day(1994, 7, 18)},
	{Code: "NI", OfficialLabel: "Non-attached Members", Label: "Non-attached Members", ShortLabel: "Non-attached",
		AltLabels: []string{"NI"}, Start: graph.Day(2004, 7, 20), End: graph.PartialDate{}},
	{Code: "NI_1953_0", OfficialLabel: "Non-attached", Label: "Non-attached", ShortLabel: "Non-attached",
		AltLabels: nil, Start: graph.Day(1953, 6, 23), End: graph.Day(2004, 7, 19)},
	{Code: "PFE", OfficialLabel: "Patriots for Europe Group", Label: "Patriots for Europe", ShortLabel: "PfE",
		AltLabels: nil, Start: graph.Day(2024, 7, 8), End: graph.PartialDate{}},
	{Code: "PSE", OfficialLabel: "Socialist Group in the European Parliament", Label: "Socialist Group in the European Parliament", ShortLabel: "Socialist Group in the European Parliament",
		AltLabels: []string{"Socialist"}, Start: graph.Day(2004, 7, 20), End: graph.Day(2009, 7, 13)},
	{Code: "PSE_1953_0", OfficialLabel: "Socialist Group", Label: "Socialist", ShortLabel: "Socialist",
		AltLabels: []string{"Socialists"}, Start: graph.Day(1953, 6, 23), End: graph.Day(1993, 4, 20)},
	{Code: "PSE_1993_0", OfficialLabel: "Group of the Party of European Socialists", Label: "Party of European Socialists", ShortLabel: "Party of European Socialists",
		AltLabels: nil, Start: graph.Day(1993, 4, 21), End: graph.Day(2004, 7, 19)},
	{Code: "RDE", OfficialLabel: "Group of the European Democratic Alliance", Label: "European Democratic Alliance", ShortLabel: "European Democratic Alliance",
		AltLabels: nil, Start: graph.Day(1984, 7, 23), End: graph.Day(1995, 7, 4)},
	{Code: "RENEW", OfficialLabel: "Renew Europe Group", Label: "Renew Europe", ShortLabel: "Renew",
		AltLabels: nil, Start: graph.Day(2019, 6, 12), End: graph.PartialDate{}},
	{Code: "SD", OfficialLabel: "Group of the Progressive Alliance of Socialists and Democrats in the European Parliament", Label: "Progressive Alliance of Socialists and Democrats", ShortLabel: "S&D",
		AltLabels: []string{"Progressive Alliance of Socialists and Democrats in the European Parliament"}, Start: graph.Day(2009, 7, 14), End: graph.PartialDate{}},
	{Code: "SEC", OfficialLabel: "Political groups’ secretariats", Label: "Political groups’ secretariats", ShortLabel: "Political groups’ secretariats",
		AltLabels: nil, Start: graph.Day(1958, 3, 19), End: graph.PartialDate{}},
	{Code: "TDI", OfficialLabel: "Technical Group of Independent Members – mixed group", Label: "Technical Group of Independent Members – mixed group", ShortLabel: "Technical Group of Independent Members – mixed group",
		AltLabels: []string{"Technical Group of Independent Members"}, Start: graph.Day(1999, 7, 20), End: graph.Day(2001, 10, 2)},
	{Code: "UEN", OfficialLabel: "Union for Europe of the Nations Group", Label: "Union for Europe of the Nations", ShortLabel: "Union for Europe of the Nations",
		AltLabels: nil, Start: graph.Day(1999, 7, 20), End: graph.Day(2009, 7, 13)},
	{Code: "UPE", OfficialLabel: "Group Union for Europe", Label: "Group Union for Europe", ShortLabel: "Group Union for Europe",
		AltLabels: []string{"Union for Europe"}, Start: graph.Day(1995, 7, 5), End: graph.Day(1999, 7, 19)},
}

// groupFamilies puts successive groups of one political family in one lineage, so that a
// name resolves by date to the group of that family that sat then: "Renew" or "ALDE" is
// ALDE before 2019-06-12 and RENEW from then on; "The Left" or "GUE/NGL" is GUE_NGL_1995_0
// until 2020 and GUE_NGL from 2021; "PPE" or "EPP" is EPP_2009_0 until 2019-07-01 and EPP
// after. Groups not listed are a family of their own.
var groupFamilies = map[string]string{
	"EPP_1979_0": "EPP", "EPP_1999_0": "EPP", "EPP_2009_0": "EPP", "EPP": "EPP",
	"PSE_1953_0": "SOCIALISTS", "PSE_1993_0": "SOCIALISTS", "PSE": "SOCIALISTS", "SD": "SOCIALISTS",
	"LD": "LIBERALS", "LDR": "LIBERALS", "ELDR": "LIBERALS", "ALDE": "LIBERALS", "RENEW": "LIBERALS",
	"GREEN": "GREENS", "GREEN_EFA": "GREENS",
	"EUL": "LEFT", "GUE": "LEFT", "GUE_NGL_1995_0": "LEFT", "GUE_NGL": "LEFT",
	"EFD_2009_0": "EFD", "EFD": "EFD",
	"ENF": "NATIONS_FREEDOM", "ID": "NATIONS_FREEDOM",
	"NI_1953_0": "NI", "NI": "NI",
}

// groupOtherNames are the names texts give groups beyond the reference table: the acronyms
// in both languages and the short names of the whole family.
var groupOtherNames = map[string][]string{
	"EPP_1979_0":     {"EPP", "PPE"},
	"EPP_1999_0":     {"EPP", "PPE", "EPP-ED", "PPE-DE"},
	"EPP_2009_0":     {"EPP"},
	"EPP":            {"European People's Party"},
	"PSE_1993_0":     {"PES", "PSE"},
	"PSE":            {"PES", "PSE"},
	"SD":             {"S&D", "S-D"},
	"ELDR":           {"ELDR"},
	"ALDE":           {"ADLE", "Renew"},
	"RENEW":          {"Renew", "Renew Europe", "ALDE"},
	"GREEN_EFA":      {"Greens/EFA", "Verts/ALE", "Greens", "Verts", "Greens–EFA"},
	"GUE_NGL_1995_0": {"The Left", "GUE-NGL"},
	"GUE_NGL":        {"GUE/NGL", "GUE-NGL", "The Left", "La Gauche"},
	"ECR":            {"ECR", "CRE"},
	"EFD_2009_0":     {"EFD", "ELD"},
	"EFD":            {"EFDD", "ELDD"},
	"ENF":            {"ENL"},
	"ID":             {"ID"},
	"PFE":            {"PfE", "Patriots", "Patriotes pour l'Europe"},
	"ESN":            {"ESN", "Europe des nations souveraines"},
	"IND_DEM":        {"IND/DEM"},
	"UEN":            {"UEN"},
	"NI":             {"NI", "non-attached", "non-inscrits"},
}

// groupFrench are the short French names of groups whose French name differs.
var groupFrench = map[string]string{
	"EPP": "PPE", "EPP_2009_0": "PPE", "EPP_1999_0": "PPE-DE", "EPP_1979_0": "PPE",
	"GREEN_EFA": "Verts/ALE", "ECR": "CRE", "ALDE": "ADLE", "EFD": "ELDD", "EFD_2009_0": "ELD",
	"ENF": "ENL", "PFE": "PfE", "ESN": "ESN", "NI": "NI", "GUE_NGL": "The Left",
	"GUE_NGL_1995_0": "GUE/NGL", "PSE": "PSE", "PSE_1993_0": "PSE",
}

var groups = sync.OnceValue(func() []Group {
	out := slices.Clone(groupRows)
	for i := range out {
		g := &out[i]
		g.Family = groupFamilies[g.Code]
		if g.Family == "" {
			g.Family = g.Code
		}
		g.OtherNames = groupOtherNames[g.Code]
		g.FrenchName = groupFrench[g.Code]
	}
	return out
})

// Groups returns every political group, in the order of the reference table (by code). The
// slice is shared: do not modify it.
func Groups() []Group { return groups() }

// GroupByCode returns the group with a reference-table code.
func GroupByCode(code string) (Group, bool) {
	for _, g := range groups() {
		if g.Code == code {
			return g, true
		}
	}
	return Group{}, false
}

// GroupMatcher finds group names in a text; its values are indexes into Groups(). Names
// written in capitals ("EPP", "S&D", "ID") match in exact case only.
var GroupMatcher = sync.OnceValue(func() *Matcher[int] {
	m := NewMatcher[int]()
	for i, g := range groups() {
		for _, n := range g.Names() {
			mode := AnyCase
			if isAcronym(n) {
				mode = ExactCase
			}
			m.Add(n, mode, i)
		}
	}
	return m
})

// ResolveGroup returns the group a text of a given date means by a name, given as the
// indexes into Groups() of the groups having that name (as GroupMatcher returns them): a
// named group that sat on the date; otherwise the member of a named group's family that sat
// then; otherwise the named group whose dates are nearest. With a zero date, a group still
// sitting is preferred, then the latest.
func ResolveGroup(candidates []int, on graph.PartialDate) (Group, bool) {
	all := groups()
	var named []Group
	for _, i := range candidates {
		if i >= 0 && i < len(all) {
			named = append(named, all[i])
		}
	}
	if len(named) == 0 {
		return Group{}, false
	}
	if on.IsZero() {
		best := named[0]
		for _, g := range named[1:] {
			if g.End.IsZero() && !best.End.IsZero() || g.End.IsZero() == best.End.IsZero() && best.Start.Before(g.Start) {
				best = g
			}
		}
		return best, true
	}
	for _, g := range named {
		if g.ValidOn(on) {
			return g, true
		}
	}
	for _, n := range named {
		for _, g := range all {
			if g.Family == n.Family && g.ValidOn(on) {
				return g, true
			}
		}
	}
	best, bestGap := named[0], gap(named[0], on)
	for _, g := range named[1:] {
		if d := gap(g, on); d < bestGap {
			best, bestGap = g, d
		}
	}
	return best, true
}

// gap is how far, in days (roughly), a date lies outside a group's dates.
func gap(g Group, d graph.PartialDate) int {
	days := func(p graph.PartialDate) int { return p.Year*372 + p.Month*31 + p.Day }
	if d.Before(g.Start) {
		return days(g.Start) - days(d)
	}
	if !g.End.IsZero() && g.End.Before(d) {
		return days(d) - days(g.End)
	}
	return 0
}
