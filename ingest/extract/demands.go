package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/lexicon"
)

// verbClass says how a demand verb finds its addressees.
type verbClass uint8

const (
	// objTo: "urges X to", "asks X to", "invite X à", "exhorte X à" (the object), "X are
	// urged to", "X sont invités à" (the subject, in the passive), "urges that X ..." (the
	// subject of the clause).
	objTo verbClass = iota + 1
	// objDe: "prie X de", "X sont priés de".
	objDe
	// callOn: "calls on/upon X to", "calls for X to"; "calls for ..." otherwise names no
	// addressee.
	callOn
	// aDe: "demande à X de", "exige de X que", "recommande à X de"; "demande que X ...";
	// "demande la libération ..." names no addressee.
	aDe
	// appelle: "appelle X à"; "appelle à ..." names no addressee.
	appelle
	// that: "demands that X ...", "insists that X ...", "insiste pour que X ..."; otherwise
	// no addressee.
	that
	// modal: "X should", "X must", "X devraient", "X doit": a demand only when its subject X
	// is an addressee.
	modal
	// renewed: the noun of a renewed call, "Reiterates its call on X to", "Renews its
	// calls for …", « Réitère son appel aux autorités … à … » (see renewal).
	renewed
)

// demandVerb is a demand verb: its class, and whether it makes a demand even when no
// addressee follows ("urges the immediate release" does, "invited" alone does not).
type demandVerb struct {
	class  verbClass
	bareOK bool
}

// demandVerbs are the demand verbs of each language, folded.
var demandVerbs = map[string]map[string]demandVerb{"en": {}, "fr": {}}

func init() {
	add := func(lang string, c verbClass, bare bool, forms ...string) {
		for _, f := range forms {
			demandVerbs[lang][f] = demandVerb{class: c, bareOK: bare}
		}
	}
	add("en", callOn, true, "call", "calls", "called", "calling")
	add("en", objTo, true, "urge", "urges", "urged", "urging", "request", "requests", "requested",
		"exhort", "exhorts", "exhorted", "recommend", "recommends", "recommended")
	add("en", objTo, false, "ask", "asks", "asked", "invite", "invites", "invited", "encourage", "encourages",
		"encouraged")
	add("en", that, true, "demand", "demands", "demanded", "insist", "insists", "insisted")
	add("en", modal, false, "should", "must", "ought")
	add("fr", aDe, true, "demande", "demandent", "exige", "exigent", "recommande", "recommandent")
	add("fr", objTo, false, "invite", "invitent", "engage", "engagent", "encourage", "encouragent")
	add("fr", objTo, true, "exhorte", "exhortent")
	add("fr", objDe, true, "prie", "prient")
	add("fr", appelle, true, "appelle", "appellent", "appele")
	add("fr", that, true, "insiste", "insistent")
	add("fr", modal, false, "devrait", "devraient", "doit", "doivent", "devra", "devront")
}

// passiveClasses are the classes whose verbs take their addressee from the subject in the
// passive ("X sont invités à", "X are called on to").
var passiveClasses = map[verbClass]bool{objTo: true, objDe: true, callOn: true, appelle: true}

// verbAt returns the demand verb at token i. A French participle agreeing in gender or
// number with its subject (« invitée », « priés », « exhortées ») is the verb of its
// masculine singular form, which folds as the present does (« invite », « prie »), but
// only in the passive, after an auxiliary and any adverbs (« sont instamment priés de »):
// elsewhere « invites » or « demandes » are not these verbs.
func (d *doc) verbAt(i, lo int) (demandVerb, bool) {
	f := d.toks[i].Fold
	if v, ok := demandVerbs[d.lang][f]; ok {
		return v, true
	}
	if d.lang != "fr" {
		return demandVerb{}, false
	}
	base, ok := frenchMasculineSingular(f)
	if !ok {
		return demandVerb{}, false
	}
	v, ok := demandVerbs["fr"][base]
	if !ok || !passiveClasses[v.class] {
		return demandVerb{}, false
	}
	if p := d.skipAdverbsBack(i - 1); p < lo || !beAux[d.toks[p].Fold] {
		return demandVerb{}, false
	}
	return v, true
}

// frenchMasculineSingular returns the folded masculine singular of a folded French
// participle of the first group agreeing in the feminine or the plural: « invitees »,
// « invitee », « invites » give « invite ».
func frenchMasculineSingular(f string) (string, bool) {
	switch {
	case strings.HasSuffix(f, "ees"):
		return f[:len(f)-2], true
	case strings.HasSuffix(f, "ee"), strings.HasSuffix(f, "es"):
		return f[:len(f)-1], true
	}
	return "", false
}

// renewalVerbs renew an earlier call: after them, "its call(s)" / « son appel » heads a
// demand as the verb "calls" does.
var (
	renewalVerbs = set("reiterates", "reiterate", "reiterated", "repeats", "repeat", "repeated", "renews", "renew",
		"renewed", "reaffirms", "reaffirm", "reaffirmed", "restates", "restate", "restated",
		"reitere", "reiterent", "renouvelle", "renouvellent", "repete", "repetent", "reaffirme", "reaffirment")
	possessives = set("its", "their", "his", "her", "son", "sa", "ses", "leur", "leurs")
	callNouns   = map[string]map[string]bool{
		"en": set("call", "calls", "request", "requests", "demand", "demands", "appeal", "appeals"),
		"fr": set("appel", "appels", "demande", "demandes"),
	}
	// fillers may stand with adverbs between commas after a demand verb: "Calls, once
	// again, on …", « Demande, une nouvelle fois, à … ».
	fillers = set("once", "again", "in", "this", "regard", "respect", "context", "particular", "the", "meantime",
		"addition", "une", "nouvelle", "fois", "nouveau", "cet", "egard", "ce", "propos", "particulier", "outre", "a", "de")
)

// renewal returns the token of the renewal verb when the noun at token i is a renewed call
// ("Reiterates its call", "Renews its urgent calls", « Réitère son appel »), -1 otherwise.
func (d *doc) renewal(i, lo int) int {
	if !callNouns[d.lang][d.fold(i)] {
		return -1
	}
	p := i - 1
	if p > lo && !possessives[d.fold(p)] && d.plainWord(p) {
		p-- // an adjective: "its urgent call"
	}
	if p < lo || !possessives[d.fold(p)] {
		return -1
	}
	v := d.skipAdverbsBack(p - 1)
	if v < lo || !renewalVerbs[d.fold(v)] {
		return -1
	}
	return v
}

// skipParenthetical returns the token after a comma-enclosed phrase of adverbs and fillers
// starting at token j ("Calls, once again, on"), or j when there is none.
func (d *doc) skipParenthetical(j, hi int) int {
	if d.fold(j) != "," {
		return j
	}
	for k := j + 1; k < hi && k <= j+5; k++ {
		f := d.toks[k].Fold
		if f == "," {
			if k > j+1 {
				return d.skipAdverbs(k+1, hi)
			}
			return j
		}
		if !adverbs[f] && !fillers[f] {
			return j
		}
	}
	return j
}

// Small word classes, folded.
var (
	beAux = set("is", "are", "was", "were", "be", "been", "being", "est", "sont", "ete", "soit", "soient",
		"sera", "seront", "etait", "etaient")
	adverbs = set("strongly", "also", "further", "furthermore", "again", "once", "therefore", "moreover",
		"urgently", "repeatedly", "explicitly", "expressly", "firmly", "fully", "deeply", "gravely",
		"seriously", "extremely", "very", "particularly", "especially", "likewise", "equally", "finally",
		"lastly", "not", "only", "but", "then",
		"instamment", "vivement", "egalement", "aussi", "notamment", "donc", "fermement", "profondement",
		"particulierement", "encore", "en", "outre", "par", "ailleurs", "consequent", "neanmoins",
		"toutefois", "enfin", "pleinement")
	determiners = set("the", "a", "an", "its", "their", "his", "her", "our", "these", "those", "of",
		"for", "with", "to", "by", "on", "at", "from", "without", "such", "any", "no", "whose", "who", "which",
		"that", "should", "must", "would", "could", "may", "might", "will", "shall", "can", "cannot",
		"la", "le", "l", "les", "un", "une", "des", "du", "de", "d", "sa", "son", "ses", "leur", "leurs",
		"cette", "ce", "ces", "cet", "qui", "que", "qu", "dont", "pour", "sur", "ne", "devrait", "devraient",
		"doit", "doivent", "pourrait", "pourraient", "peut", "peuvent")
	coordinators = set("and", "but", "while", "whereas", ",", ";", "et", "mais", "tandis", "puis")
	relatives    = set("who", "which", "that", "whom", "qui", "dont", "lequel", "laquelle", "lesquels", "lesquelles")
	leadNouns    = set("demands", "requests", "recommendations", "calls", "demandes", "recommandations",
		"requetes", "appels", "exigences")
	subjectStops = set(";", ":", "that", "que", "whereas", "considerant", "where", "when", "if", "si",
		"lorsque", "quand", "which", "who", "qui")
	toWords = set("to")
	aWords  = set("a", "au", "aux")
	deWords = set("de", "d")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// trigger is a verb that heads a demand or a stance clause in a sentence.
type trigger struct {
	at     int              // token of the verb
	stance graph.StanceKind // "" for a demand
	addr   []string         // addressees of a demand
	subj   int              // first token of the subject of a subject-based demand (modal, passive); -1 otherwise
	after  bool             // the subject follows "that"/"que": the clause is the complement of what precedes
	inner  bool             // a verb of a relative clause ("those who criticised"): heads no clause
	renews int              // for a renewed call, the token of its renewal verb; -1 otherwise
}

// clause is a demand or a stance with the code points and tokens it covers.
type clause struct {
	span   graph.Span
	toks   rng
	stance graph.StanceKind // "" for a demand
	addr   []string
}

// skipAdverbs returns the first token from i on that is not an adverb of manner or time.
func (d *doc) skipAdverbs(i, hi int) int {
	for i < hi && adverbs[d.toks[i].Fold] {
		i++
	}
	return i
}

// skipAdverbsBack returns the last token from i back that is not an adverb; -1 if none.
func (d *doc) skipAdverbsBack(i int) int {
	for i >= 0 && adverbs[d.toks[i].Fold] {
		i--
	}
	return i
}

// nounOrInfinitive reports whether the token at p makes the verb after it a noun or an
// infinitive: a determiner, a preposition, "to", a modal, a relative pronoun, or the French
// "à" (but not "a", has).
func (d *doc) nounOrInfinitive(p int) bool {
	if p < 0 {
		return false
	}
	t := d.toks[p]
	if t.Fold == "a" {
		return d.lang == "en" || t.Text == "à" || t.Text == "À"
	}
	return determiners[t.Fold]
}

// find returns the first token in [from, hi) among words, stopping at ; : or a full stop;
// -1 when there is none. A French « a » written without its accent is the verb avoir
// (« comme l'a demandé le Conseil »), never the « à » of aWords.
func (d *doc) find(from, hi int, words map[string]bool) int {
	for i := from; i < hi && i < from+40; i++ {
		f := d.toks[i].Fold
		if words[f] && !(d.lang == "fr" && d.toks[i].Text == "a") {
			return i
		}
		if f == ";" || f == ":" || f == "." {
			return -1
		}
	}
	return -1
}

// subjectWindow returns the subject of a verb or modal at token at of a sentence starting
// at lo: the words before it back to a clause boundary (";", ":", "that", "que", a
// relative pronoun), then, of those, the last comma-separated part, extended over the
// parts before it that are themselves institutions ("the Commission, the Council and the
// Member States should"). Qualifying clauses (see qualifiers) and appositions that name no
// addressee (see appositions), with the commas around them, are stepped over: they end no
// subject and no part ("The authorities of Kazakhstan, as recommended by the UN Special
// Rapporteurs, should", « La Commission, conformément à ce qu'a demandé le Conseil, doit »,
// "The Commission, as the guardian of the Treaties, should"), and stay in the subject, where
// they name no addressee. A list link (see listLinks) joins institutions as "and" does and
// ends no subject (the « que » of « ainsi que »).
func (d *doc) subjectWindow(lo, at int) rng {
	skip := d.qualifierTokens(rng{lo, at})
	for _, a := range d.appositions(rng{lo, at}) {
		for i := a.lo - 1; i <= a.hi; i++ {
			skip[i] = true
		}
	}
	for i := lo; i < at; i++ {
		for j := i; j < min(i+d.phraseLen(i, listLinks), at); j++ {
			skip[j] = true
		}
	}
	s := lo
	for i := at - 1; i >= lo; i-- {
		f := d.toks[i].Fold
		if !skip[i] && (subjectStops[f] || f == "'" && d.fold(i-1) == "qu") {
			s = i + 1
			break
		}
	}
	// partStart returns the first token of the comma-separated part of the subject that ends
	// before token end.
	partStart := func(end int) int {
		for i := end - 1; i >= s; i-- {
			if d.toks[i].Fold == "," && !skip[i] {
				return i + 1
			}
		}
		return s
	}
	a := partStart(at)
	for a > s {
		b := partStart(a - 1) // the part before the comma at a-1
		if !d.onlyInstitutions(rng{b, a - 1}, skip) {
			break
		}
		a = b
	}
	return rng{a, at}
}

// qualifierTokens marks the tokens of the qualifying clauses among tokens w (see
// qualifiers) and the commas that open and close them.
func (d *doc) qualifierTokens(w rng) map[int]bool {
	marked := map[int]bool{}
	for _, q := range d.qualifiers(w) {
		lo, hi := q.lo, q.hi
		if lo > w.lo && d.fold(lo-1) == "," {
			lo--
		}
		if hi < w.hi && d.fold(hi) == "," {
			hi++
		}
		for i := lo; i < hi; i++ {
			marked[i] = true
		}
	}
	return marked
}

// listLinks join institutions in a list as "and" does: "the Commission, as well as the Member
// States,", « la Commission, ainsi que les États membres, ». Folded.
var listLinks = [][]string{
	{"as", "well", "as"}, {"together", "with"},
	{"ainsi", "que"}, {"de", "meme", "que"},
}

// appositionOpeners open an apposition that says what the subject before it is: "as the
// guardian of the Treaties", « en tant que gardienne des traités », « comme gardienne des
// traités ». Folded.
var appositionOpeners = [][]string{{"as"}, {"en", "tant", "que"}, {"en", "tant", "qu", "'"}, {"comme"}}

// appositions returns the appositions among tokens w that name no addressee, in order, each
// without the two commas that enclose it: a part of w between two commas that an apposition
// opener starts ("as" not in a comparison: see asComparatives), that holds no reporting verb
// (see reportingVerbAt) and in which addressees finds no one (", as the guardian of the
// Treaties,", « , en tant que gardienne des traités, »).
func (d *doc) appositions(w rng) []rng {
	var out []rng
	for k := w.lo + 1; k < w.hi; k++ {
		n := d.phraseLen(k, appositionOpeners)
		if n == 0 || d.fold(k-1) != "," || d.fold(k) == "as" && asComparatives[d.fold(k+1)] {
			continue
		}
		end := d.clauseEnd(k, w.hi)
		if end == w.hi || d.fold(end) != "," || k+n >= end {
			continue
		}
		part := rng{k, end}
		if d.reportsIn(k+n, end) || len(d.addressees(part)) > 0 {
			continue
		}
		out = append(out, part)
		k = end
	}
	return out
}

// reportsIn reports whether a token in [from, end) is a reporting verb (see reportingVerbAt)
// of a clause whose words start at from.
func (d *doc) reportsIn(from, end int) bool {
	for v := from; v < end; v++ {
		if d.reportingVerbAt(v, from) {
			return true
		}
	}
	return false
}

// listWords may stand between institutions in a list.
var listWords = set("the", "its", "their", "and", "et", "l", "'", "la", "le", "les", "ses", "son", "sa", "both", "all", "of", "other", "autres")

// onlyInstitutions reports whether tokens r name at least one institution and are otherwise
// institutions, countries, list words or tokens marked in skip only.
func (d *doc) onlyInstitutions(r rng, skip map[int]bool) bool {
	if r.empty() {
		return false
	}
	covered := make([]bool, r.hi-r.lo)
	mark := func(t rng) {
		for i := max(t.lo, r.lo); i < min(t.hi, r.hi); i++ {
			covered[i-r.lo] = true
		}
	}
	n := 0
	for _, h := range d.instsIn(r) {
		mark(h.toks)
		n++
	}
	for _, c := range d.countriesIn(r) {
		mark(c.toks)
	}
	for i := r.lo; i < r.hi; i++ {
		if !covered[i-r.lo] && !listWords[d.toks[i].Fold] && !skip[i] {
			return false
		}
	}
	return n > 0
}

// thatWindow returns the subject of a that-clause starting at token from: up to its modal,
// or twelve words.
func (d *doc) thatWindow(from, hi int) rng {
	end := min(hi, from+12)
	for i := from; i < end; i++ {
		if v, ok := demandVerbs[d.lang][d.toks[i].Fold]; ok && v.class == modal || beAux[d.toks[i].Fold] {
			return rng{from, i}
		}
	}
	return rng{from, end}
}

// demandAt reads the demand a demand verb at token i of sentence s makes, if it makes one.
func (d *doc) demandAt(s sentence, i int) (trigger, bool) {
	lo, hi := s.toks.lo, s.toks.hi
	v, ok := d.verbAt(i, lo)
	renews := d.renewal(i, lo)
	if renews >= 0 {
		v, ok = demandVerb{class: renewed, bareOK: true}, true
	}
	if !ok {
		return trigger{}, false
	}
	t := trigger{at: i, subj: -1, renews: renews}
	p := d.skipAdverbsBack(i - 1)
	if p < lo {
		p = -1
	}
	if v.class != modal && v.class != renewed && d.nounOrInfinitive(p) {
		return trigger{}, false // "a series of demands", "at the request of", "la demande"
	}
	if d.lang == "fr" && p >= 0 && (d.toks[p].Fold == "se" || d.toks[p].Fold == "'" && d.fold(p-1) == "s") {
		return trigger{}, false // "s'engage à", "s'appelle"
	}
	passive := p >= 0 && beAux[d.toks[p].Fold]
	j := d.skipParenthetical(d.skipAdverbs(i+1, hi), hi)
	subject := func(at int) {
		w := d.subjectWindow(lo, at)
		t.subj, t.addr = w.lo, d.addressees(w)
		t.after = w.lo > lo && (subjectStops[d.fold(w.lo-1)] || d.fold(w.lo-1) == "'")
	}
	object := func(from int, end map[string]bool) bool {
		e := d.find(from, hi, end)
		if e < 0 {
			return v.bareOK
		}
		t.addr = d.addressees(rng{from, e})
		return true
	}
	switch v.class {
	case renewed:
		// "its call on X to", "its request to X to", "its calls for X to", "son appel aux X à"
		end := toWords
		if d.lang == "fr" {
			end = set("a", "au", "aux", "pour", "afin")
		}
		switch f := d.fold(j); {
		case f == "on" || f == "upon" || f == "to" || aWords[f]:
			if e := d.find(j+1, hi, end); e > 0 {
				t.addr = d.addressees(rng{j + 1, e})
			}
		case f == "for":
			if e := d.find(j+1, hi, toWords); e > 0 {
				t.addr = d.addressees(rng{j + 1, e})
			}
		}
		return t, true
	case modal:
		subject(i)
		return t, len(t.addr) > 0
	case callOn:
		switch {
		case passive && (d.fold(j) == "on" || d.fold(j) == "upon"):
			subject(p)
			return t, true
		case d.fold(j) == "on" || d.fold(j) == "upon":
			return t, object(j+1, toWords)
		case d.fold(j) == "for":
			// "calls for the EU to cooperate" names the EU; "calls for the release of …" no one
			if e := d.find(j+1, hi, toWords); e > 0 {
				t.addr = d.addressees(rng{j + 1, e})
			}
			return t, true
		}
		return trigger{}, false
	case that:
		switch f := d.fold(j); {
		case f == "that" || f == "que" || f == "qu":
			t.addr = d.addressees(d.thatWindow(j+1, hi))
		case f == "pour" && (d.fold(j+1) == "que" || d.fold(j+1) == "qu"):
			t.addr = d.addressees(d.thatWindow(j+2, hi))
		}
		return t, true
	case aDe:
		switch f := d.fold(j); {
		case aWords[f]:
			return t, object(j, deWords)
		case f == "que" || f == "qu":
			t.addr = d.addressees(d.thatWindow(j+1, hi))
		case f == "de" || f == "d":
			// "exige de la Commission qu'elle ...": the object runs to que
			if e := d.find(j+1, hi, set("que", "qu")); e > 0 {
				t.addr = d.addressees(rng{j + 1, e})
			}
		}
		return t, true
	case appelle:
		if passive {
			subject(p)
			return t, true
		}
		if aWords[d.fold(j)] {
			return t, true
		}
		return t, object(j, aWords)
	case objTo, objDe:
		end := toWords
		if d.lang == "fr" {
			end = aWords
			if v.class == objDe {
				end = deWords
			}
		}
		if passive {
			subject(p)
			return t, true
		}
		if f := d.fold(j); f == "that" || f == "que" || f == "qu" {
			t.addr = d.addressees(d.thatWindow(j+1, hi))
			return t, true
		}
		if end[d.fold(j)] || d.fold(j) == "for" {
			return t, v.bareOK
		}
		return t, object(j, end)
	}
	return trigger{}, false
}

// qualifierOpeners open a clause that qualifies the demand or stance it is attached to
// instead of making one of its own: ", as recommended by the UN Special Rapporteurs",
// ", in line with what the Council requested", « , comme l'ont recommandé les rapporteurs
// spéciaux des Nations unies », « , conformément à ce qu'a demandé le Conseil ». Folded.
var qualifierOpeners = [][]string{
	{"as"}, {"in", "accordance", "with"}, {"in", "line", "with"}, {"in", "keeping", "with"},
	{"according", "to"}, {"consistent", "with"},
	{"comme"}, {"ainsi", "que"}, {"ainsi", "qu"}, {"conformement"}, {"selon"},
	{"tel", "que"}, {"telle", "que"}, {"tels", "que"}, {"telles", "que"},
	{"tel", "qu"}, {"telle", "qu"}, {"tels", "qu"}, {"telles", "qu"},
}

// asComparatives after "as" make a comparison, not a qualifier: "as well as", "as many …
// as possible", "as soon as".
var asComparatives = set("well", "many", "much", "soon", "long", "far")

// qualifierReach is how many tokens a qualifying clause's verb may stand after its opener:
// enough for "as the UN Special Rapporteurs have recommended", « comme l'ont recommandé ».
// qualifierLook is how far back from the verb the opener and the boundary before it may be:
// the reach, the longest opener (three tokens) and the boundary.
const (
	qualifierReach = 8
	qualifierLook  = qualifierReach + 4
)

// openerLen returns the number of tokens of the qualifier opener starting at token i, 0 when
// none starts there.
func (d *doc) openerLen(i int) int {
	if d.fold(i) == "as" && asComparatives[d.fold(i+1)] {
		return 0
	}
	return d.phraseLen(i, qualifierOpeners)
}

// phraseLen returns the number of tokens of the first of phrases (folded words) that starts
// at token i, 0 when none does.
func (d *doc) phraseLen(i int, phrases [][]string) int {
	for _, o := range phrases {
		if slices.EqualFunc(o, d.toks[i:min(i+len(o), len(d.toks))], func(w string, t lexicon.Token) bool { return w == t.Fold }) {
			return len(o)
		}
	}
	return 0
}

// inQualifier reports whether the verb at token i of sentence s belongs to a qualifying
// clause (see qualifierOpeners): a clause that a qualifier opener starts, at the start of
// the sentence or right after a coordinator (",", ";", "and", "et" …), a colon or an opening
// bracket, and that reaches token i within qualifierReach tokens after the opener with no
// coordinator between. Such a verb reports what someone else asked or said ("as recommended
// by", "comme l'a demandé le Conseil"): it heads no clause, and the qualifying clause stays in
// the clause before it. A verb after a coordinator of its own ("…, as recommended by the UN,
// and calls on the Council to …") is not in the qualifying clause.
func (d *doc) inQualifier(s sentence, i int) bool {
	for j := i - 1; j >= s.toks.lo-1 && j >= i-qualifierLook; j-- {
		if j >= s.toks.lo && !clauseBoundary(d.toks[j].Fold) {
			continue
		}
		start := j + 1 // the first token of the clause of token i
		n := d.openerLen(start)
		return n > 0 && start+n <= i && i-(start+n) <= qualifierReach
	}
	return false
}

// clauseBoundary reports whether a folded token ends the clause before it: a coordinator, a
// colon or an opening bracket.
func clauseBoundary(f string) bool { return coordinators[f] || f == ":" || f == "(" }

// reportingVerbs report what someone else asked or said, besides the demand verbs and the
// verbs of position: "as proposed by the Commission", « comme le préconise l'ONU ». Folded.
var reportingVerbs = set("proposed", "proposes", "suggested", "suggests", "advocated", "advocates", "said",
	"propose", "proposent", "suggere", "suggerent", "preconise", "preconisent", "reclame", "reclament",
	"souhaite", "souhaitent")

// objectClitics right after a qualifier opener are pronouns, not articles, when a verb
// follows: « comme le demande l'ONU », « ainsi que le recommandent les rapporteurs ».
var objectClitics = set("le", "la", "l", "les")

// qualifiers returns the qualifying clauses among tokens w, in order: each runs from a
// qualifier opener (see qualifierOpeners) to the first "," or ";" after it, or to the end of
// w, and has a reporting verb (see reportingVerbAt) within qualifierReach tokens after an
// opener that starts w or follows a clause boundary (see clauseBoundary) — ", as recommended
// by the UN Special Rapporteurs", « , comme l'a demandé le Conseil » — or right after an
// opener within a phrase ("the Commission as requested by the Council to"). That verb is
// what makes the clause a qualifier: with none, or with one in a relative clause or a
// participle phrase of its own (« ainsi que les États membres qui l'ont demandé », « ayant
// demandé une dérogation »), the opener introduces more names or examples of them ("as
// well as the Member States", « telles que la Commission »), and no qualifying clause starts
// there.
func (d *doc) qualifiers(w rng) []rng {
	var out []rng
	end := w.lo // the "," or ";" that closes the clause of token k, or w.hi
	for k := w.lo; k < w.hi; k++ {
		if k >= end {
			end = d.clauseEnd(k, w.hi)
		}
		if d.opensQualifier(k, end, k == w.lo || clauseBoundary(d.fold(k-1))) {
			out = append(out, rng{k, end})
			k = end
		}
	}
	return out
}

// clauseEnd returns the first "," or ";" in tokens [k, hi), or hi when there is none.
func (d *doc) clauseEnd(k, hi int) int {
	for k < hi && d.fold(k) != "," && d.fold(k) != ";" {
		k++
	}
	return k
}

// opensQualifier reports whether a qualifying clause (see qualifiers) opens at token k and
// runs to token end; atStart says whether k starts its clause.
func (d *doc) opensQualifier(k, end int, atStart bool) bool {
	n := d.openerLen(k)
	if n == 0 || k+n >= end {
		return false
	}
	from := k + n
	last := from + qualifierReach // the farthest its reporting verb may stand
	if !atStart {
		last = d.skipAdverbs(from, end)
	}
	for v := from; v < end && v <= last; v++ {
		if f := d.fold(v); relatives[f] || f == "ayant" || f == "having" {
			return false
		}
		if d.reportingVerbAt(v, from) {
			return true
		}
	}
	return false
}

// reportingVerbAt reports whether token v, in a clause whose words after its opener start at
// token from, is a verb that reports what someone else asked or said: a demand verb other
// than a modal, a verb of position, or one of reportingVerbs, read as a verb and not a noun
// (not after a determiner or a preposition: "with requests", « la demande »), unless it
// follows the opener directly or through an object pronoun ("as requested", « tel que
// recommandé », « comme le demande »).
func (d *doc) reportingVerbAt(v, from int) bool {
	f := d.fold(v)
	dv, demand := d.verbAt(v, from)
	_, stance := stanceVerbs[d.lang][f]
	if !(demand && dv.class != modal) && !stance && !reportingVerbs[f] {
		return false
	}
	p := d.skipAdverbsBack(v - 1)
	if p < from || p == from && objectClitics[d.fold(p)] {
		return true
	}
	return !d.nounOrInfinitive(p)
}

// triggers returns the demand and stance verbs of a sentence, in order, and the verbs of
// relative clauses (marked inner). Verbs of qualifying clauses (see inQualifier) are left out.
func (d *doc) triggers(s sentence) []trigger {
	var out []trigger
	for i := s.toks.lo; i < s.toks.hi; i++ {
		f := d.toks[i].Fold
		_, isDemand := d.verbAt(i, s.toks.lo)
		_, isStance := stanceVerbs[d.lang][f]
		if p := d.skipAdverbsBack(i - 1); (isDemand || isStance) && p >= s.toks.lo && relatives[d.toks[p].Fold] {
			out = append(out, trigger{at: i, subj: -1, inner: true, renews: -1})
			continue
		}
		if t, ok := d.demandAt(s, i); ok {
			if d.inQualifier(s, i) {
				continue
			}
			if n := len(out); t.renews >= 0 && n > 0 && out[n-1].at == t.renews {
				out[n-1] = t // "Reiterates its call on …": a demand, not the stance of "reiterates"
				continue
			}
			out = append(out, t)
			continue
		}
		if k, ok := d.stanceAt(i); ok && d.stanceHeadsClause(s, i) && !d.inQualifier(s, i) {
			out = append(out, trigger{at: i, stance: k, subj: -1, renews: -1})
		}
	}
	return out
}

// stanceHeadsClause reports whether a verb of position at token i is near enough the start
// of its clause to head it: within its sentence's first twelve words, or within seven
// words after a coordinator.
func (d *doc) stanceHeadsClause(s sentence, i int) bool {
	if i-s.toks.lo <= 12 {
		return true
	}
	for j := i - 1; j >= s.toks.lo && j >= i-7; j-- {
		if coordinators[d.toks[j].Fold] {
			return true
		}
	}
	return false
}

// coordinatorBefore returns the nearest coordinator within the seven tokens before i and
// after token after; -1 if none.
func (d *doc) coordinatorBefore(i, after int) int {
	for j := i - 1; j > after && j >= i-7; j-- {
		if coordinators[d.toks[j].Fold] {
			return j
		}
	}
	return -1
}

// sentenceClauses cuts a sentence into its demand and stance clauses. The first verb's
// clause starts with the sentence; a later verb starts a clause of its own when a
// coordinator ("and", ",", ";", "et", "mais") comes shortly before it (or before its
// subject); otherwise it lies inside the clause before it (its complement) and is ignored.
// Verbs of relative clauses ("those who criticised the regime") head no clause, nor do the
// verbs coordinated with them ("… and condemned the fraud"). A subject-based demand
// introduced by "that"/"que" right after a stance ("stressed that the Commission should
// ...") turns that stance's clause into a demand. Each clause ends where the next begins,
// coordinator excluded.
func (d *doc) sentenceClauses(s sentence) []clause {
	trigs := d.triggers(s)
	type kept struct {
		t         trigger
		start     int // first token
		endBefore int // the clause ends before this token (the next coordinator); -1: sentence end
	}
	var ks []kept
	lastAt, nested := -1, false
	for _, t := range trigs {
		if t.inner {
			nested, lastAt = true, t.at
			continue
		}
		if len(ks) == 0 && !nested {
			ks = append(ks, kept{t: t, start: s.toks.lo, endBefore: -1})
			lastAt = t.at
			continue
		}
		if t.subj >= 0 && t.after {
			if n := len(ks); n > 0 && ks[n-1].t.stance != "" && !nested && t.stance == "" && ks[n-1].t.at < t.subj {
				ks[n-1].t = t // "stressed that the Commission should": one demand
			} else {
				nested = true
			}
			lastAt = t.at
			continue
		}
		c, direct := -1, false
		if t.subj >= 0 {
			if t.subj-1 > lastAt && coordinators[d.fold(t.subj-1)] {
				c = t.subj - 1
			}
		} else {
			c = d.coordinatorBefore(t.at, lastAt)
			direct = c >= 0 && d.skipAdverbs(c+1, t.at) == t.at
		}
		lastAt = t.at
		switch {
		case c < 0:
			nested = true
			continue
		case nested && direct && d.toks[c].Fold != ";":
			continue // "who criticised the regime and condemned the fraud": same relative clause
		}
		nested = false
		if n := len(ks); n > 0 {
			ks[n-1].endBefore = c
		}
		ks = append(ks, kept{t: t, start: c + 1, endBefore: -1})
	}
	var out []clause
	for _, k := range ks {
		start, end := s.start, s.end
		if k.start > s.toks.lo {
			start = d.toks[k.start].Start
		}
		endTok := s.toks.hi
		if k.endBefore >= 0 {
			end = d.toks[k.endBefore].Start
			endTok = k.endBefore
		}
		if start >= end {
			continue
		}
		sp := d.clip(graph.Span{Start: start, End: end})
		if sp.Len() == 0 {
			continue
		}
		out = append(out, clause{span: sp, toks: rng{k.start, endTok}, stance: k.t.stance, addr: k.t.addr})
	}
	return out
}

// lead is what a paragraph ending in a colon announces for the bullets after it: demands to
// addressees, or stances of a kind.
type lead struct {
	stance graph.StanceKind // "" for demands
	addr   []string
}

// leadOf reads the lead a sentence ending a paragraph with a colon makes, returning the
// clauses of the sentence that stand on their own. A final demand clause ("Parliament
// urged the Council to:") or stance clause ("Parliament condemned:") is the lead; a
// sentence with no such verb but a noun announcing demands ("Le Parlement a adressé au
// gouvernement du Kazakhstan une série de demandes :") is a lead of demands to the
// institutions it names, the Parliament aside.
func (d *doc) leadOf(s sentence) ([]clause, *lead) {
	cl := d.sentenceClauses(s)
	if n := len(cl); n > 0 {
		last := cl[n-1]
		return cl[:n-1], &lead{stance: last.stance, addr: last.addr}
	}
	for i := s.toks.lo; i < s.toks.hi; i++ {
		if leadNouns[d.toks[i].Fold] {
			return nil, &lead{addr: d.addressees(s.toks, graph.CodeEP)}
		}
	}
	return nil, nil
}

// analyse returns the demand and stance clauses of the body, in text order. A paragraph
// ending with a colon and followed by bullets may be a lead (see leadOf): then each bullet
// up to the next paragraph that is not a bullet is one demand (or stance) of the lead,
// whatever it says, and a paragraph starting in lower case continues the bullet before it.
// Every other paragraph is read sentence by sentence (see sentenceClauses). Context
// paragraphs make no clause and end a lead's bullets.
func (d *doc) analyse() []clause {
	var out []clause
	var cur *lead
	for pi, p := range d.paras {
		if p.Context {
			cur = nil
			continue
		}
		if cur != nil {
			switch {
			case p.Bullet:
				sp := d.clip(p.Span)
				if sp.Len() > 0 {
					out = append(out, clause{span: sp, toks: p.toks, stance: cur.stance, addr: cur.addr})
				}
				continue
			case startsLower(p.Text) && len(out) > 0 && pi > 0 && d.paras[pi-1].Bullet:
				last := &out[len(out)-1]
				if sp := d.clip(p.Span); sp.Len() > 0 {
					last.span.End = sp.End
					last.toks.hi = p.toks.hi
				}
				continue
			}
			cur = nil
		}
		for k, si := range p.sents {
			s := d.sents[si]
			if k == len(p.sents)-1 && !p.Bullet && endsWithColon(p.Text) && pi+1 < len(d.paras) && d.paras[pi+1].Bullet && !d.paras[pi+1].Context {
				cl, l := d.leadOf(s)
				out = append(out, cl...)
				cur = l
				continue
			}
			out = append(out, d.sentenceClauses(s)...)
		}
	}
	return out
}

func endsWithColon(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	return strings.HasSuffix(s, ":")
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// demandsAndStances numbers the clauses into Demands and Stances, with each demand's topics
// and agreements.
func (d *doc) demandsAndStances(cls []clause, agreements []graph.Agreement) ([]graph.Demand, []graph.Stance) {
	var ds []graph.Demand
	var ss []graph.Stance
	for _, c := range cls {
		text := d.quote(c.span)
		if strings.TrimSpace(text) == "" {
			continue
		}
		if c.stance != "" {
			ss = append(ss, graph.Stance{Position: len(ss) + 1, Kind: c.stance, Text: text, Evidence: c.span})
			continue
		}
		ds = append(ds, graph.Demand{
			Position:   len(ds) + 1,
			Text:       text,
			Evidence:   c.span,
			Addressees: c.addr,
			Topics:     d.topicsIn(c.toks),
			Agreements: d.agreementsOf(c.toks, agreements),
		})
	}
	return ds, ss
}
