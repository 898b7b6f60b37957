package graph

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/quad"
)

// lower turns a Document into the quads that Store.Put writes, all labelled with the
// document's IRI. It is pure: the same Document gives the same quads in the same order, with
// no duplicates. It validates the document first.
//
// Layout (NS abbreviated "ns:", nodes <urn:uuid:ID>):
//
//	<doc>  ns:kind "Document"; ns:key; ns:documentKind; ns:format; ns:language; ns:sha256;
//	       ns:fileName; ns:ingestedAt xsd:dateTime (UTC); ns:text (the normalised text)
//	<node> ns:kind "Resolution" | "Country" | ...  and ns:SOURCE <doc>, for every node the
//	       document describes or names (countries and institutions it only names as parties,
//	       owners or tabling groups included)
//	<res>  ns:reference; ns:title "…"@lang; ns:adopted "2021-12-16" (at its precision);
//	       ns:stage; ns:votesFor/ns:votesAgainst/ns:votesAbstention xsd:integer; ns:voteEvidence "s:e"
//	<ctry> ns:code "KZ"; ns:name "…"@lang
//	<agr>  ns:key; ns:agreementKind; ns:name "…"@lang; ns:signed; ns:inForce
//	<inst> ns:key; ns:institutionKind; ns:code; ns:name "…"@lang
//	<topic> ns:key; ns:name "…"@lang
//	<dem>  ns:text; ns:position xsd:integer        <stance> ns:stanceKind; ns:text; ns:position
//	edges  <from> ns:PRED <to>, as vocab.go lists them
//
// Every edge <from> ns:PRED <to> comes with one evidence quad per span stating it,
// <urn:uuid:EdgeID(from, PRED, to)> ns:evidence "start:end", whose label is the document the
// span refers to. The quote is cut from the document's stored text when read, never stored
// twice. Spans of edges: CONCERNS/MENTIONS the country's; REFERS_TO and PARTY_TO the
// agreement's; TABLED_BY the group's; ADOPTED_BY the vote's (zero without a vote); HAS_DEMAND,
// ADDRESSED_TO, ABOUT, TARGETS the demand's; HAS_STANCE the stance's; SOURCE the node's own
// evidence (zero for resolutions, institutions, topics and nodes only named). The zero span
// "0:0" means "the document as a whole".
func lower(doc *Document) ([]quad.Quad, error) {
	if err := doc.Validate(); err != nil {
		return nil, err
	}
	src := doc.Source
	docID := src.ID()
	l := &lowering{
		doc:   docID,
		label: docID.IRI(),
		seen:  map[quadKey]struct{}{},
		nodes: map[ID]bool{docID: true},
	}

	// The document node: its own facts, labelled with itself.
	l.prop(docID, pKind, quad.String(KindDocument))
	l.prop(docID, pKey, quad.String(src.Key))
	l.prop(docID, pDocumentKind, quad.String(src.Kind))
	l.prop(docID, pFormat, quad.String(src.Format))
	l.prop(docID, pLanguage, quad.String(src.Language))
	l.prop(docID, pSHA256, quad.String(strings.ToLower(src.SHA256)))
	l.prop(docID, pFileName, quad.String(src.Name))
	if !src.IngestedAt.IsZero() {
		l.prop(docID, pIngestedAt, timeValue(src.IngestedAt))
	}
	l.prop(docID, pText, quad.String(src.Text))

	// Named things first, so that their own spans become their SOURCE evidence.
	for _, c := range doc.Countries {
		id := CountryID(c.Code)
		l.node(id, KindCountry, c.Evidence)
		l.prop(id, pCode, quad.String(c.Code))
		l.names(id, pName, c.Names)
	}
	for _, in := range doc.Institutions {
		id := InstitutionID(in.Key)
		l.node(id, KindInstitution, Span{})
		l.prop(id, pKey, quad.String(in.Key))
		l.prop(id, pInstitutionKind, quad.String(in.Kind))
		l.prop(id, pCode, quad.String(in.Code))
		l.names(id, pName, in.Names)
		if in.Country != "" {
			c := l.country(in.Country)
			l.edge(id, BelongsTo, c, Span{})
		}
	}
	for _, t := range doc.Topics {
		id := TopicID(t.Key)
		l.node(id, KindTopic, Span{})
		l.prop(id, pKey, quad.String(t.Key))
		l.names(id, pName, t.Names)
	}
	for _, a := range doc.Agreements {
		id := AgreementID(a.Key())
		l.node(id, KindAgreement, a.Evidence)
		l.prop(id, pKey, quad.String(a.Key()))
		l.prop(id, pAgreementKind, quad.String(a.Kind))
		l.names(id, pName, a.Names)
		l.prop(id, pSigned, quad.String(a.Signed.String()))
		l.prop(id, pInForce, quad.String(a.InForce.String()))
		for _, p := range a.Parties {
			var party ID
			if p.Country != "" {
				party = l.country(p.Country)
			} else {
				party = l.institution(p.Institution, "")
			}
			l.edge(party, PartyTo, id, a.Evidence)
		}
	}

	r := doc.Resolution
	if r == nil {
		return l.quads, nil
	}
	res := ResolutionID(r.Reference)
	l.node(res, KindResolution, Span{})
	l.prop(res, pReference, quad.String(r.Reference))
	if r.Title != "" {
		l.prop(res, pTitle, quad.LangString{Value: quad.String(r.Title), Lang: src.Language})
	}
	l.prop(res, pAdopted, quad.String(r.Adopted.String()))
	l.prop(res, pStage, quad.String(r.Stage))
	if r.Vote != nil {
		l.prop(res, pVotesFor, quad.Int(r.Vote.For))
		l.prop(res, pVotesAgainst, quad.Int(r.Vote.Against))
		l.prop(res, pVotesAbstention, quad.Int(r.Vote.Abstentions))
		l.prop(res, pVoteEvidence, spanValue(r.VoteEvidence))
	}
	if r.AdoptedBy != "" {
		var ev Span
		if r.Vote != nil {
			ev = r.VoteEvidence
		}
		l.edge(res, AdoptedBy, l.institution(r.AdoptedBy, ""), ev)
	}
	for _, g := range r.TabledBy {
		l.edge(res, TabledBy, l.institution(g.Code, InstPoliticalGroup), g.Evidence)
	}
	for _, c := range doc.Countries {
		l.edge(res, Predicate(c.Role), CountryID(c.Code), c.Evidence)
	}
	for _, a := range doc.Agreements {
		l.edge(res, RefersTo, AgreementID(a.Key()), a.Evidence)
	}
	for _, dm := range doc.Demands {
		id := DemandID(src.Key, dm.Position)
		l.node(id, KindDemand, dm.Evidence)
		l.prop(id, pText, quad.String(dm.Text))
		l.prop(id, pPosition, quad.Int(dm.Position))
		l.edge(res, HasDemand, id, dm.Evidence)
		for _, k := range dm.Addressees {
			l.edge(id, AddressedTo, InstitutionID(k), dm.Evidence)
		}
		for _, k := range dm.Topics {
			l.edge(id, About, TopicID(k), dm.Evidence)
		}
		for _, k := range dm.Agreements {
			l.edge(id, Targets, AgreementID(k), dm.Evidence)
		}
	}
	for _, st := range doc.Stances {
		id := StanceID(src.Key, st.Position)
		l.node(id, KindStance, st.Evidence)
		l.prop(id, pStanceKind, quad.String(st.Kind))
		l.prop(id, pText, quad.String(st.Text))
		l.prop(id, pPosition, quad.Int(st.Position))
		l.edge(res, HasStance, id, st.Evidence)
	}
	return l.quads, nil
}

type quadKey [3]string

type lowering struct {
	doc   ID
	label quad.IRI
	quads []quad.Quad
	seen  map[quadKey]struct{}
	nodes map[ID]bool // nodes that have their kind and SOURCE quads
}

func (l *lowering) add(s, p, o quad.Value) {
	k := quadKey{quad.ToString(s), quad.ToString(p), quad.ToString(o)}
	if _, dup := l.seen[k]; dup {
		return
	}
	l.seen[k] = struct{}{}
	l.quads = append(l.quads, quad.Quad{Subject: s, Predicate: p, Object: o, Label: l.label})
}

// prop adds a literal property; empty strings are facts nobody stated and are skipped.
func (l *lowering) prop(id ID, p quad.IRI, o quad.Value) {
	if s, ok := o.(quad.String); ok && s == "" {
		return
	}
	l.add(id.IRI(), p, o)
}

func (l *lowering) names(id ID, p quad.IRI, names map[string]string) {
	for _, lang := range sortedKeys(names) {
		l.add(id.IRI(), p, quad.LangString{Value: quad.String(names[lang]), Lang: lang})
	}
}

// node gives a node its kind and its SOURCE edge, once; the first span given is the SOURCE
// evidence.
func (l *lowering) node(id ID, kind NodeKind, ev Span) {
	if l.nodes[id] {
		return
	}
	l.nodes[id] = true
	l.prop(id, pKind, quad.String(kind))
	l.edge(id, SourcePred, l.doc, ev)
}

func (l *lowering) edge(from ID, pred Predicate, to ID, ev Span) {
	l.add(from.IRI(), pred.IRI(), to.IRI())
	l.add(EdgeID(from, pred, to).IRI(), pEvidence, spanValue(ev))
}

// country makes sure a country the document names only by code exists as a node.
func (l *lowering) country(code string) ID {
	id := CountryID(code)
	l.node(id, KindCountry, Span{})
	l.prop(id, pCode, quad.String(code))
	return id
}

// institution makes sure an institution the document names only by key (a party, the
// adopting body, a tabling group) exists as a node with what its key alone tells.
func (l *lowering) institution(key string, kind InstitutionKind) ID {
	id := InstitutionID(key)
	if l.nodes[id] {
		return id
	}
	l.node(id, KindInstitution, Span{})
	l.prop(id, pKey, quad.String(key))
	switch {
	case kind != "":
		l.prop(id, pInstitutionKind, quad.String(kind))
		l.prop(id, pCode, quad.String(key))
	case key == CodeEU:
		l.prop(id, pInstitutionKind, quad.String(InstEU))
		l.prop(id, pCode, quad.String(key))
	case key == CodeMemberStates:
		l.prop(id, pInstitutionKind, quad.String(InstMemberStates))
		l.prop(id, pCode, quad.String(key))
	case key == CodeEP || key == CodeCommission || key == CodeCouncil || key == CodeEuropeanCouncil ||
		key == CodeVPHR || key == CodeEEAS:
		l.prop(id, pInstitutionKind, quad.String(InstEUInstitution))
		l.prop(id, pCode, quad.String(key))
	}
	return id
}

// spanValue encodes a span as the literal "start:end".
func spanValue(s Span) quad.String {
	return quad.String(strconv.Itoa(s.Start) + ":" + strconv.Itoa(s.End))
}

// parseSpan reads a literal written by spanValue.
func parseSpan(v quad.Value) (Span, bool) {
	s, ok := v.(quad.String)
	if !ok {
		return Span{}, false
	}
	a, b, ok := strings.Cut(string(s), ":")
	if !ok {
		return Span{}, false
	}
	start, err1 := strconv.Atoi(a)
	end, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil {
		return Span{}, false
	}
	return Span{Start: start, End: end}, true
}

// timeValue stores times in UTC with no monotonic reading, so that what is read back from any
// backend prints, hashes and compares the same as what was written.
func timeValue(t time.Time) quad.Time { return quad.Time(t.UTC().Round(0)) }

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
