package lexicon

import "sync"

// Instrument is an international instrument European Parliament resolutions cite ("having
// regard to the UN Charter, the European Convention on Human Rights, ..."): a treaty, a
// convention, a declaration or a charter that is not an agreement between the EU and a
// third country. Key is stable; Names are the short names texts use; Patterns name it in
// texts, in either language, in any case (acronyms in exact case).
type Instrument struct {
	Key      string
	Names    map[string]string // language → name: "UN Charter", "Charte des Nations unies"
	Patterns []string
}

// instruments is written by hand from the citations of the Parliament's resolutions. English
// names are the short forms citations use.
var instruments = []Instrument{
	{Key: "UN_CHARTER", Names: names("UN Charter", "Charte des Nations unies"), Patterns: []string{
		"UN Charter", "Charter of the United Nations", "United Nations Charter", "Charte des Nations unies",
		"Charte de l'ONU", "Charte des Nations Unies"}},
	{Key: "UDHR", Names: names("Universal Declaration of Human Rights", "Déclaration universelle des droits de l'homme"), Patterns: []string{
		"Universal Declaration of Human Rights", "UDHR", "Déclaration universelle des droits de l'homme",
		"Déclaration universelle des droits de l'homme de 1948", "DUDH"}},
	{Key: "ECHR", Names: names("European Convention on Human Rights", "Convention européenne des droits de l'homme"), Patterns: []string{
		"European Convention on Human Rights", "Convention for the Protection of Human Rights and Fundamental Freedoms",
		"European Convention for the Protection of Human Rights and Fundamental Freedoms",
		"Convention européenne des droits de l'homme", "Convention de sauvegarde des droits de l'homme et des libertés fondamentales",
		"Convention européenne de sauvegarde des droits de l'homme et des libertés fondamentales"}},
	{Key: "EU_CHARTER", Names: names("Charter of Fundamental Rights of the European Union", "Charte des droits fondamentaux de l'Union européenne"), Patterns: []string{
		"Charter of Fundamental Rights of the European Union", "Charter of Fundamental Rights of the EU",
		"EU Charter of Fundamental Rights", "Charte des droits fondamentaux de l'Union européenne",
		"Charte des droits fondamentaux de l'UE"}},
	{Key: "GENEVA_CONVENTIONS", Names: names("Geneva Conventions", "conventions de Genève"), Patterns: []string{
		"Geneva Conventions", "Geneva Convention", "Geneva Conventions of 1949", "conventions de Genève",
		"convention de Genève", "conventions de Genève de 1949"}},
	{Key: "REFUGEE_CONVENTION", Names: names("Refugee Convention", "convention relative au statut des réfugiés"), Patterns: []string{
		"Refugee Convention", "Convention relating to the Status of Refugees", "1951 Refugee Convention",
		"UN Convention relating to the Status of Refugees", "convention relative au statut des réfugiés"}},
	{Key: "ROME_STATUTE", Names: names("Rome Statute of the International Criminal Court", "statut de Rome de la Cour pénale internationale"), Patterns: []string{
		"Rome Statute of the International Criminal Court", "Rome Statute", "Rome Statute of the ICC",
		"statut de Rome de la Cour pénale internationale", "statut de Rome", "statut de Rome de la CPI"}},
	{Key: "CRC", Names: names("UN Convention on the Rights of the Child", "convention des Nations unies relative aux droits de l'enfant"), Patterns: []string{
		"UN Convention on the Rights of the Child", "United Nations Convention on the Rights of the Child",
		"Convention on the Rights of the Child", "UNCRC", "convention relative aux droits de l'enfant",
		"convention des Nations unies relative aux droits de l'enfant", "CIDE"}},
	{Key: "GENOCIDE_CONVENTION", Names: names("Genocide Convention", "convention sur le génocide"), Patterns: []string{
		"Genocide Convention", "Convention on the Prevention and Punishment of the Crime of Genocide",
		"CPPCG", "convention sur le génocide", "convention pour la prévention et la répression du crime de génocide"}},
	{Key: "ICCPR", Names: names("International Covenant on Civil and Political Rights", "pacte international relatif aux droits civils et politiques"), Patterns: []string{
		"International Covenant on Civil and Political Rights", "ICCPR",
		"pacte international relatif aux droits civils et politiques", "PIDCP"}},
	{Key: "ICESCR", Names: names("International Covenant on Economic, Social and Cultural Rights", "pacte international relatif aux droits économiques, sociaux et culturels"), Patterns: []string{
		"International Covenant on Economic, Social and Cultural Rights", "ICESCR",
		"pacte international relatif aux droits économiques, sociaux et culturels", "PIDESC"}},
	{Key: "CAT", Names: names("UN Convention against Torture", "convention des Nations unies contre la torture"), Patterns: []string{
		"UN Convention against Torture", "Convention against Torture",
		"Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
		"UN Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
		"convention contre la torture", "convention des Nations unies contre la torture",
		"convention contre la torture et autres peines ou traitements cruels, inhumains ou dégradants"}},
	{Key: "CEDAW", Names: names("Convention on the Elimination of All Forms of Discrimination against Women", "convention sur l'élimination de toutes les formes de discrimination à l'égard des femmes"), Patterns: []string{
		"Convention on the Elimination of All Forms of Discrimination against Women", "CEDAW",
		"convention sur l'élimination de toutes les formes de discrimination à l'égard des femmes"}},
	{Key: "ISTANBUL_CONVENTION", Names: names("Istanbul Convention", "convention d'Istanbul"), Patterns: []string{
		"Istanbul Convention", "Council of Europe Convention on preventing and combating violence against women and domestic violence",
		"convention d'Istanbul"}},
	{Key: "UN_DEFENDERS_DECLARATION", Names: names("UN Declaration on Human Rights Defenders", "déclaration des Nations unies sur les défenseurs des droits de l'homme"), Patterns: []string{
		"UN Declaration on Human Rights Defenders", "Declaration on Human Rights Defenders",
		"déclaration des Nations unies sur les défenseurs des droits de l'homme",
		"déclaration sur les défenseurs des droits de l'homme"}},
	{Key: "UNDRIP", Names: names("UN Declaration on the Rights of Indigenous Peoples", "déclaration des Nations unies sur les droits des peuples autochtones"), Patterns: []string{
		"UN Declaration on the Rights of Indigenous Peoples", "United Nations Declaration on the Rights of Indigenous Peoples",
		"UNDRIP", "déclaration des Nations unies sur les droits des peuples autochtones"}},
	{Key: "UNGP_BHR", Names: names("UN Guiding Principles on Business and Human Rights", "principes directeurs des Nations unies relatifs aux entreprises et aux droits de l'homme"), Patterns: []string{
		"UN Guiding Principles on Business and Human Rights", "Guiding Principles on Business and Human Rights",
		"principes directeurs des Nations unies relatifs aux entreprises et aux droits de l'homme"}},
	{Key: "VCDR", Names: names("Vienna Convention on Diplomatic Relations", "convention de Vienne sur les relations diplomatiques"), Patterns: []string{
		"Vienna Convention on Diplomatic Relations", "convention de Vienne sur les relations diplomatiques"}},
	{Key: "VCCR", Names: names("Vienna Convention on Consular Relations", "convention de Vienne sur les relations consulaires"), Patterns: []string{
		"Vienna Convention on Consular Relations", "convention de Vienne sur les relations consulaires"}},
	{Key: "UNCLOS", Names: names("UN Convention on the Law of the Sea", "convention des Nations unies sur le droit de la mer"), Patterns: []string{
		"UN Convention on the Law of the Sea", "United Nations Convention on the Law of the Sea", "UNCLOS",
		"convention des Nations unies sur le droit de la mer", "CNUDM"}},
	{Key: "HELSINKI_FINAL_ACT", Names: names("Helsinki Final Act", "acte final d'Helsinki"), Patterns: []string{
		"Helsinki Final Act", "Final Act of the Conference on Security and Cooperation in Europe", "acte final d'Helsinki"}},
	{Key: "BUDAPEST_MEMORANDUM", Names: names("Budapest Memorandum", "mémorandum de Budapest"), Patterns: []string{
		"Budapest Memorandum", "Budapest Memorandum on Security Assurances", "mémorandum de Budapest"}},
	{Key: "PARIS_AGREEMENT", Names: names("Paris Agreement", "accord de Paris"), Patterns: []string{
		"Paris Agreement", "Paris Climate Agreement", "accord de Paris"}},
	{Key: "ARMS_TRADE_TREATY", Names: names("Arms Trade Treaty", "traité sur le commerce des armes"), Patterns: []string{
		"Arms Trade Treaty", "traité sur le commerce des armes"}},
	{Key: "NPT", Names: names("Treaty on the Non-Proliferation of Nuclear Weapons", "traité sur la non-prolifération des armes nucléaires"), Patterns: []string{
		"Treaty on the Non-Proliferation of Nuclear Weapons", "Non-Proliferation Treaty", "NPT",
		"traité sur la non-prolifération des armes nucléaires", "TNP"}},
	{Key: "ILO_CONVENTIONS", Names: names("ILO conventions", "conventions de l'OIT"), Patterns: []string{
		"ILO conventions", "ILO convention", "ILO fundamental conventions", "conventions de l'OIT",
		"conventions fondamentales de l'OIT"}},
	{Key: "COTONOU_AGREEMENT", Names: names("Cotonou Agreement", "accord de Cotonou"), Patterns: []string{
		"Cotonou Agreement", "Cotonou Partnership Agreement", "accord de Cotonou"}},
	{Key: "UN_MINORITIES_DECLARATION", Names: names("UN Declaration on the Rights of Persons Belonging to National or Ethnic, Religious and Linguistic Minorities", "déclaration des Nations unies sur les droits des personnes appartenant à des minorités nationales ou ethniques, religieuses et linguistiques"), Patterns: []string{
		"UN Declaration on the Rights of Persons Belonging to National or Ethnic, Religious and Linguistic Minorities",
		"Declaration on the Rights of Persons Belonging to National or Ethnic, Religious and Linguistic Minorities",
		"déclaration des Nations unies sur les droits des personnes appartenant à des minorités nationales ou ethniques, religieuses et linguistiques"}},
	{Key: "UNSC_RESOLUTIONS", Names: names("UN Security Council resolutions", "résolutions du Conseil de sécurité des Nations unies"), Patterns: []string{
		"UN Security Council resolution", "UN Security Council resolutions", "UNSC resolution", "UNSC resolutions",
		"United Nations Security Council resolution", "United Nations Security Council resolutions",
		"résolution du Conseil de sécurité des Nations unies", "résolutions du Conseil de sécurité des Nations unies",
		"résolution du Conseil de sécurité de l'ONU", "résolutions du Conseil de sécurité de l'ONU"}},
}

// Instruments returns the international instruments eurel recognises in citations. The
// slice is shared: do not modify it.
func Instruments() []Instrument { return instruments }

// InstrumentByKey returns the instrument with a key.
func InstrumentByKey(key string) (Instrument, bool) {
	for _, in := range instruments {
		if in.Key == key {
			return in, true
		}
	}
	return Instrument{}, false
}

// InstrumentMatcher finds the names of international instruments; values are keys. Longest
// match wins: "Rome Statute of the International Criminal Court" is one instrument, not the
// Rome Statute followed by the Court.
var InstrumentMatcher = sync.OnceValue(func() *Matcher[string] {
	m := NewMatcher[string]()
	for _, in := range instruments {
		for _, p := range in.Patterns {
			mode := AnyCase
			if isAcronym(p) {
				mode = ExactCase
			}
			m.Add(p, mode, in.Key)
		}
	}
	return m
})
