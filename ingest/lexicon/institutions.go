package lexicon

import (
	"strings"
	"sync"

	"github.com/eurel/eurel/graph"
)

// Institution describes a body, group or collective: EU institutions, the Member States,
// international organisations, national bodies of a country.
type Institution struct {
	Key     string // natural key: "EU", "COMMISSION", "OSCE", "GOVERNMENT:KZ", "ARMED_FORCES:MM"
	Kind    graph.InstitutionKind
	Code    string            // public code for the EU side; "" for others
	Country string            // ISO code of the country a national body belongs to
	Names   map[string]string // language → name
}

// InstitutionRef is what an institution pattern stands for: a fixed institution (Key), or a
// national body of a kind (Body) whose country the text around it gives, or, for a body
// known by its own name ("Tatmadaw"), both Body and Country. An empty InstitutionRef blocks
// a phrase that contains an institution word but names none ("Election Commission").
type InstitutionRef struct {
	Key     string
	Body    graph.InstitutionKind
	Country string
}

// IsBlock reports whether the reference is a blocking pattern.
func (r InstitutionRef) IsBlock() bool { return r.Key == "" && r.Body == "" }

// fixedInstitutions are the institutions with a key of their own. English names are the
// short names the EU uses in its texts ("Council", "VP/HR").
var fixedInstitutions = []Institution{
	{Key: graph.CodeEU, Kind: graph.InstEU, Code: graph.CodeEU, Names: names("EU", "UE")},
	{Key: graph.CodeMemberStates, Kind: graph.InstMemberStates, Code: graph.CodeMemberStates, Names: names("Member States", "États membres")},
	{Key: graph.CodeEP, Kind: graph.InstEUInstitution, Code: graph.CodeEP, Names: names("European Parliament", "Parlement européen")},
	{Key: graph.CodeCommission, Kind: graph.InstEUInstitution, Code: graph.CodeCommission, Names: names("Commission", "Commission")},
	{Key: graph.CodeCouncil, Kind: graph.InstEUInstitution, Code: graph.CodeCouncil, Names: names("Council", "Conseil")},
	{Key: graph.CodeEuropeanCouncil, Kind: graph.InstEUInstitution, Code: graph.CodeEuropeanCouncil, Names: names("European Council", "Conseil européen")},
	{Key: graph.CodeVPHR, Kind: graph.InstEUInstitution, Code: graph.CodeVPHR, Names: names("VP/HR", "VP/HR")},
	{Key: graph.CodeEEAS, Kind: graph.InstEUInstitution, Code: graph.CodeEEAS, Names: names("EEAS", "SEAE")},
	{Key: "EIB", Kind: graph.InstEUInstitution, Code: "EIB", Names: names("European Investment Bank", "Banque européenne d'investissement")},
	{Key: "CJEU", Kind: graph.InstEUInstitution, Code: "CJEU", Names: names("Court of Justice of the European Union", "Cour de justice de l'Union européenne")},
	{Key: "UN", Kind: graph.InstInternationalOrg, Names: names("United Nations", "Nations unies")},
	{Key: "UNSC", Kind: graph.InstInternationalOrg, Names: names("UN Security Council", "Conseil de sécurité des Nations unies")},
	{Key: "UNHRC", Kind: graph.InstInternationalOrg, Names: names("UN Human Rights Council", "Conseil des droits de l'homme des Nations unies")},
	{Key: "OHCHR", Kind: graph.InstInternationalOrg, Names: names("UN High Commissioner for Human Rights", "Haut-Commissariat des Nations unies aux droits de l'homme")},
	{Key: "UNHCR", Kind: graph.InstInternationalOrg, Names: names("UNHCR", "HCR")},
	{Key: "OSCE", Kind: graph.InstInternationalOrg, Names: names("OSCE", "OSCE")},
	{Key: "ODIHR", Kind: graph.InstInternationalOrg, Names: names("OSCE/ODIHR", "OSCE/BIDDH")},
	{Key: "COE", Kind: graph.InstInternationalOrg, Names: names("Council of Europe", "Conseil de l'Europe")},
	{Key: "VENICE_COMMISSION", Kind: graph.InstInternationalOrg, Names: names("Venice Commission", "Commission de Venise")},
	{Key: "ECHR", Kind: graph.InstInternationalOrg, Names: names("European Court of Human Rights", "Cour européenne des droits de l'homme")},
	{Key: "OECD", Kind: graph.InstInternationalOrg, Names: names("OECD", "OCDE")},
	{Key: "G20", Kind: graph.InstInternationalOrg, Names: names("G20", "G20")},
	{Key: "G7", Kind: graph.InstInternationalOrg, Names: names("G7", "G7")},
	{Key: "NATO", Kind: graph.InstInternationalOrg, Names: names("NATO", "OTAN")},
	{Key: "WTO", Kind: graph.InstInternationalOrg, Names: names("WTO", "OMC")},
	{Key: "IMF", Kind: graph.InstInternationalOrg, Names: names("IMF", "FMI")},
	{Key: "WORLD_BANK", Kind: graph.InstInternationalOrg, Names: names("World Bank", "Banque mondiale")},
	{Key: "ASEAN", Kind: graph.InstInternationalOrg, Names: names("ASEAN", "ANASE")},
	{Key: "AU", Kind: graph.InstInternationalOrg, Names: names("African Union", "Union africaine")},
	{Key: "ILO", Kind: graph.InstInternationalOrg, Names: names("ILO", "OIT")},
	{Key: "ICC", Kind: graph.InstInternationalOrg, Names: names("International Criminal Court", "Cour pénale internationale")},
	{Key: "ICJ", Kind: graph.InstInternationalOrg, Names: names("International Court of Justice", "Cour internationale de justice")},
	{Key: "INTERNATIONAL_FINANCIAL_INSTITUTIONS", Kind: graph.InstInternationalOrg, Names: names("International financial institutions", "Institutions financières internationales")},
	{Key: "INTERNATIONAL_COMMUNITY", Kind: graph.InstInternationalCommunity, Names: names("international community", "communauté internationale")},
}

func names(en, fr string) map[string]string { return map[string]string{"en": en, "fr": fr} }

// institutionPatterns name the fixed institutions. Capitalised patterns need their capitals
// ("Commission", not "commission électorale"); acronyms their exact case.
var institutionPatterns = map[string][]string{
	graph.CodeEU: {"EU", "UE", "European Union", "Union européenne", "the Union", "l'Union", "EU institutions",
		"institutions de l'UE", "institutions de l'Union", "institutions européennes", "European institutions"},
	graph.CodeMemberStates: {"Member States", "Member State", "EU Member States", "Member States of the EU",
		"Member States of the Union", "États membres", "État membre", "États membres de l'UE", "États membres de l'Union",
		"EU countries", "pays de l'UE"},
	graph.CodeEP:         {"European Parliament", "Parliament", "Parlement européen", "Parlement", "EP"},
	graph.CodeCommission: {"Commission", "European Commission", "Commission européenne", "Commission's"},
	graph.CodeCouncil: {"Council", "Council of the EU", "Council of the European Union", "Conseil", "Conseil de l'UE",
		"Conseil de l'Union européenne", "Foreign Affairs Council", "Conseil des affaires étrangères"},
	graph.CodeEuropeanCouncil: {"European Council", "Conseil européen"},
	graph.CodeVPHR: {"VP/HR", "HR/VP", "High Representative", "Vice-President/High Representative",
		"Vice-President of the Commission/High Representative", "High Representative/Vice-President",
		"Vice-President of the Commission/High Representative of the Union for Foreign Affairs and Security Policy",
		"High Representative of the Union for Foreign Affairs and Security Policy",
		"vice-président/haut représentant", "haut représentant/vice-président", "haut représentant", "VP/HR",
		"vice-président de la Commission/haut représentant",
		"vice-président de la Commission/haut représentant de l'Union pour les affaires étrangères et la politique de sécurité",
		"haut représentant de l'Union pour les affaires étrangères et la politique de sécurité"},
	graph.CodeEEAS: {"EEAS", "European External Action Service", "SEAE", "Service européen pour l'action extérieure"},
	"EIB":          {"EIB", "European Investment Bank", "BEI", "Banque européenne d'investissement"},
	"CJEU":         {"CJEU", "Court of Justice of the European Union", "CJUE", "Cour de justice de l'Union européenne"},
	"UN": {"UN", "United Nations", "ONU", "Nations unies", "Organisation des Nations unies", "UN Secretary-General",
		"Secretary-General of the United Nations", "secrétaire général des Nations unies"},
	"UNSC": {"UN Security Council", "Security Council", "United Nations Security Council", "Conseil de sécurité",
		"Conseil de sécurité des Nations unies", "Conseil de sécurité de l'ONU"},
	"UNHRC": {"UN Human Rights Council", "Human Rights Council", "UNHRC", "United Nations Human Rights Council",
		"Conseil des droits de l'homme", "Conseil des droits de l'homme des Nations unies", "CDH"},
	"OHCHR": {"OHCHR", "UN High Commissioner for Human Rights", "High Commissioner for Human Rights",
		"Office of the High Commissioner for Human Rights", "HCDH", "Haut-Commissariat aux droits de l'homme",
		"haut-commissaire aux droits de l'homme", "Haut-Commissariat des Nations unies aux droits de l'homme"},
	"UNHCR": {"UNHCR", "HCR", "UN Refugee Agency", "Haut-Commissariat des Nations unies pour les réfugiés"},
	"OSCE": {"OSCE", "Organization for Security and Co-operation in Europe", "Organisation for Security and Co-operation in Europe",
		"Organization for Security and Cooperation in Europe", "Organisation pour la sécurité et la coopération en Europe"},
	"ODIHR": {"ODIHR", "OSCE/ODIHR", "BIDDH", "OSCE/BIDDH", "Office for Democratic Institutions and Human Rights",
		"Bureau des institutions démocratiques et des droits de l'homme"},
	"COE":               {"Council of Europe", "Conseil de l'Europe"},
	"VENICE_COMMISSION": {"Venice Commission", "Commission de Venise"},
	"ECHR":              {"European Court of Human Rights", "ECtHR", "Cour européenne des droits de l'homme", "CEDH", "Cour EDH"},
	"OECD":              {"OECD", "OCDE", "Organisation for Economic Co-operation and Development", "Organisation de coopération et de développement économiques"},
	"G20":               {"G20"},
	"G7":                {"G7"},
	"NATO":              {"NATO", "OTAN", "North Atlantic Treaty Organization", "Organisation du traité de l'Atlantique Nord"},
	"WTO":               {"WTO", "OMC", "World Trade Organization", "Organisation mondiale du commerce"},
	"IMF":               {"IMF", "FMI", "International Monetary Fund", "Fonds monétaire international"},
	"WORLD_BANK":        {"World Bank", "Banque mondiale"},
	"ASEAN":             {"ASEAN", "ANASE", "Association of Southeast Asian Nations", "Association des nations de l'Asie du Sud-Est"},
	"AU":                {"African Union", "Union africaine"},
	"ILO":               {"ILO", "OIT", "International Labour Organization", "Organisation internationale du travail"},
	"ICC":               {"ICC", "International Criminal Court", "CPI", "Cour pénale internationale"},
	"ICJ":               {"ICJ", "International Court of Justice", "CIJ", "Cour internationale de justice"},
	"INTERNATIONAL_FINANCIAL_INSTITUTIONS": {"international financial institutions", "international financial organisations",
		"international financial organizations", "institutions financières internationales", "organisations financières internationales"},
	"INTERNATIONAL_COMMUNITY": {"international community", "communauté internationale"},
}

// lowerCaseKeys are fixed institutions whose patterns match whatever the case (collective
// nouns, and the VP/HR whom French writes in lower case).
var lowerCaseKeys = map[string]bool{"INTERNATIONAL_FINANCIAL_INSTITUTIONS": true, "INTERNATIONAL_COMMUNITY": true, graph.CodeVPHR: true}

// bodyPatterns are the nouns of national bodies; the country comes from the words around
// them ("Government of Myanmar", "Kazakh authorities", "gouvernement du Kazakhstan",
// "autorités chinoises") or, for a bare noun, from the country the text concerns.
var bodyPatterns = map[graph.InstitutionKind][]string{
	graph.InstGovernment: {"government", "governments", "regime", "gouvernement", "gouvernements", "régime"},
	graph.InstAuthorities: {"authorities", "authority", "autorités", "autorité", "security forces", "police",
		"forces de sécurité", "forces de l'ordre", "judiciary", "judicial authorities", "autorités judiciaires"},
	graph.InstArmedForces: {"military", "armed forces", "army", "junta", "military junta", "forces armées",
		"armée", "junte", "junte militaire", "militaires"},
	graph.InstParliament: {"parliament", "parlement", "national assembly", "assemblée nationale"},
}

// namedBodies are national bodies known by a name of their own.
var namedBodies = []struct {
	Pattern string
	Body    graph.InstitutionKind
	Country string
}{
	{"Tatmadaw", graph.InstArmedForces, "MM"},
	{"Knesset", graph.InstParliament, "IL"},
	{"State Duma", graph.InstParliament, "RU"},
	{"Duma", graph.InstParliament, "RU"},
	{"Douma", graph.InstParliament, "RU"},
	{"Verkhovna Rada", graph.InstParliament, "UA"},
	{"Kremlin", graph.InstGovernment, "RU"},
	{"Mazhilis", graph.InstParliament, "KZ"},
	{"Majilis", graph.InstParliament, "KZ"},
}

// namedBodyNames are the names of national bodies known by a name of their own; the key is
// Kind:Country.
var namedBodyNames = map[string]map[string]string{
	"ARMED_FORCES:MM": names("Tatmadaw (military of Myanmar)", "Tatmadaw (armée du Myanmar)"),
	"PARLIAMENT:IL":   names("Knesset (Parliament of Israel)", "Knesset (parlement d'Israël)"),
	"PARLIAMENT:RU":   names("Federal Assembly of Russia", "Assemblée fédérale de Russie"),
	"PARLIAMENT:UA":   names("Verkhovna Rada (Parliament of Ukraine)", "Verkhovna Rada (parlement de l'Ukraine)"),
}

// institutionBlockers contain an institution word but name no institution eurel knows.
var institutionBlockers = []string{
	"Election Commission", "Electoral Commission", "Central Election Commission", "commission électorale",
	"Association Council", "Cooperation Council", "Conseil d'association", "Conseil de coopération",
	"State Counsellor", "Council directive", "Council Directive", "Council regulation", "Council Regulation",
	"Council decision", "Council Decision", "Commission proposal", "Commission's proposal",
	"proposition de la Commission", "directive du Conseil", "règlement du Conseil", "décision du Conseil",
	"President of the Commission", "président de la Commission", "President of the European Parliament",
	"President of the European Council", "président du Parlement européen",
}

var fixedIndex = sync.OnceValue(func() map[string]Institution {
	m := make(map[string]Institution, len(fixedInstitutions))
	for _, in := range fixedInstitutions {
		m[in.Key] = in
	}
	return m
})

// InstitutionByKey returns a fixed institution (EU, COMMISSION, OSCE, ...), a political
// group (by code), or a national body ("GOVERNMENT:KZ"), with fresh Names.
func InstitutionByKey(key string) (Institution, bool) {
	if in, ok := fixedIndex()[key]; ok {
		in.Names = clone(in.Names)
		return in, true
	}
	if kind, country, ok := strings.Cut(key, ":"); ok {
		switch k := graph.InstitutionKind(kind); k {
		case graph.InstGovernment, graph.InstAuthorities, graph.InstArmedForces, graph.InstParliament:
			if _, ok := CountryByCode(country); ok {
				return NationalBody(k, country), true
			}
		}
		return Institution{}, false
	}
	if g, ok := GroupByCode(key); ok {
		return Institution{Key: g.Code, Kind: graph.InstPoliticalGroup, Code: g.Code,
			Names: map[string]string{"en": g.NameIn("en"), "fr": g.NameIn("fr")}}, true
	}
	return Institution{}, false
}

// NationalBody returns the body of a kind of a country: Key "KIND:CC", names such as
// "Government of Kazakhstan" / "gouvernement du Kazakhstan", or the body's own name
// ("Tatmadaw (military of Myanmar)").
func NationalBody(kind graph.InstitutionKind, country string) Institution {
	key := string(kind) + ":" + country
	in := Institution{Key: key, Kind: kind, Country: country}
	if n, ok := namedBodyNames[key]; ok {
		in.Names = clone(n)
		return in
	}
	c, _ := CountryByCode(country)
	en := c.ShortName("en")
	if en == "" {
		en = country
	}
	of := FrenchOf(country)
	switch kind {
	case graph.InstGovernment:
		in.Names = names("Government of "+en, "gouvernement "+of)
	case graph.InstAuthorities:
		in.Names = names("Authorities of "+en, "autorités "+of)
	case graph.InstArmedForces:
		in.Names = names("Armed forces of "+en, "forces armées "+of)
	case graph.InstParliament:
		in.Names = names("Parliament of "+en, "parlement "+of)
	default:
		in.Names = names(string(kind)+" of "+en, string(kind)+" "+of)
	}
	return in
}

func clone(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// InstitutionMatcher finds institutions: fixed ones, national-body nouns, bodies known by
// name; and blocks phrases that name none.
var InstitutionMatcher = sync.OnceValue(func() *Matcher[InstitutionRef] {
	m := NewMatcher[InstitutionRef]()
	for key, pats := range institutionPatterns {
		for _, p := range pats {
			mode := Capitalised
			switch {
			case isAcronym(p):
				mode = ExactCase
			case lowerCaseKeys[key]:
				mode = AnyCase
			}
			m.Add(p, mode, InstitutionRef{Key: key})
		}
	}
	for kind, pats := range bodyPatterns {
		for _, p := range pats {
			m.Add(p, AnyCase, InstitutionRef{Body: kind})
		}
	}
	for _, b := range namedBodies {
		m.Add(b.Pattern, Capitalised, InstitutionRef{Body: b.Body, Country: b.Country})
	}
	for _, b := range institutionBlockers {
		m.Add(b, AnyCase, InstitutionRef{})
	}
	return m
})
