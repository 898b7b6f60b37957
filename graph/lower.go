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
//	<node> ns:kind "Resolution" | "Country" | ..., for every node the document describes or
//	       names (countries and institutions it only names as parties, owners or tabling groups
//	       included): the label of its kind quads is the list of its sources
//	<res>  ns:reference; ns:title "…"@lang; ns:adopted "2021-12-16" (at its precision);
//	       ns:stage; ns:procedureType "RSP";
//	       ns:votesFor/ns:votesAgainst/ns:votesAbstention xsd:integer; ns:voteEvidence "s:e"
//	<ctry> ns:code "KZ"; ns:name "…"@lang
//	<agr>  ns:key; ns:agreementKind; ns:name "…"@lang; ns:signed; ns:inForce
//	<inst> ns:key; ns:institutionKind; ns:code; ns:name "…"@lang
//	<topic> ns:key; ns:name "…"@lang
//	<dem>  ns:text; ns:position xsd:integer        <stance> ns:stanceKind; ns:text; ns:position
//	<pdoc> ns:reference; ns:documentKind; ns:label; ns:author; ns:date; ns:eli; ns:url
//	<event> ns:date; ns:label (the event's name)
//	<cited> a resolution a citation names without its reference: ns:adopted; ns:title "…"@lang
//	       (its ID is CitationID; the resolution itself links to it with CITED_AS)
//	edges  <from> ns:PRED <to>, as vocab.go lists them
//
// No SOURCE edge is written: that a node was read from the document is what the label of its
// kind quad says. Where the document names a node (a country's first mention, an agreement's
// name, a demand's or a stance's sentence), that span, the node's own evidence, is written as
// the evidence of its SOURCE edge, <urn:uuid:EdgeID(node, SOURCE, doc)> ns:evidence "start:end".
//
// Evidence of an edge <from> ns:PRED <to> is the quad <urn:uuid:EdgeID(from, PRED, to)>
// ns:evidence "start:end", labelled with the document whose text the span refers to, one per
// span stating it. It is left out when it says nothing the layout does not already say: when
// the only span is that of the edge's anchor (Predicate.Anchor: the country for CONCERNS and
// MENTIONS, the agreement for REFERS_TO and PARTY_TO, the topic for HAS_SUBJECT (its
// Topic.Evidence), the demand or stance for HAS_DEMAND, HAS_STANCE, ADDRESSED_TO, ABOUT and
// TARGETS), or, for an edge with no anchor or whose anchor
// has no span, when the only span is the zero span "0:0", "the document as a whole" (BELONGS_TO,
// ADOPTED_BY without a vote). EdgeEvidence puts the implied evidence back. So every edge has
// evidence, and no "0:0" is written unless it must override an anchor's span. The quote is cut
// from the document's stored text when read, never stored twice.
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
		spans: map[ID]Span{},
		edges: map[edgeKey]int{},
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
		l.node(id, KindTopic, t.Evidence)
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

	for _, pd := range doc.ProcedureDocuments {
		id := ProcedureDocumentID(pd.Reference)
		l.node(id, KindProcedureDocument, pd.Evidence)
		l.prop(id, pReference, quad.String(pd.Reference))
		l.prop(id, pDocumentKind, quad.String(pd.Kind))
		l.prop(id, pLabel, quad.String(pd.Label))
		l.prop(id, pAuthor, quad.String(pd.Author))
		l.prop(id, pDate, quad.String(pd.Date.String()))
		l.prop(id, pELI, quad.String(pd.ELI))
		l.prop(id, pURL, quad.String(pd.URL))
	}
	for _, pd := range doc.ProcedureDocuments {
		id := ProcedureDocumentID(pd.Reference)
		for _, ref := range pd.Replaces {
			l.edge(id, Replaces, ProcedureDocumentID(ref), pd.Evidence)
		}
		if pd.AdoptedAs != "" {
			l.edge(id, AdoptedAs, ProcedureDocumentID(pd.AdoptedAs), pd.Evidence)
		}
	}
	if src.Document != "" {
		l.edge(docID, TextOf, ProcedureDocumentID(src.Document), Span{})
	}

	r := doc.Resolution
	if r == nil {
		return l.finish(), nil
	}
	res := ResolutionID(r.Reference)
	l.node(res, KindResolution, Span{})
	l.prop(res, pReference, quad.String(r.Reference))
	if r.Title != "" {
		l.prop(res, pTitle, quad.LangString{Value: quad.String(r.Title), Lang: src.Language})
	}
	l.prop(res, pAdopted, quad.String(r.Adopted.String()))
	l.prop(res, pStage, quad.String(r.Stage))
	l.prop(res, pProcedureType, quad.String(r.ProcedureType))
	l.prop(res, pELI, quad.String(r.ELI))
	if id := CitationID(Citation{Adopted: r.Adopted, Title: r.Title}); id != "" {
		l.edge(res, CitedAs, id, Span{})
	}
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
	for _, k := range r.Subjects {
		id := TopicID(k)
		l.edge(res, HasSubject, id, l.spans[id])
	}
	for _, pd := range doc.ProcedureDocuments {
		l.edge(res, HasDocument, ProcedureDocumentID(pd.Reference), pd.Evidence)
	}
	for _, e := range doc.Events {
		id := EventID(r.Reference, e.Date, e.Name)
		l.node(id, KindEvent, e.Evidence)
		l.prop(id, pDate, quad.String(e.Date.String()))
		l.prop(id, pLabel, quad.String(e.Name))
		l.edge(res, HasEvent, id, e.Evidence)
		if e.Document != "" {
			l.edge(id, DocumentedBy, ProcedureDocumentID(e.Document), e.Evidence)
		}
	}
	for _, c := range doc.Citations {
		id := CitationID(c)
		if c.Reference != "" {
			l.node(id, KindResolution, Span{})
			l.prop(id, pReference, quad.String(c.Reference))
		} else {
			l.node(id, KindResolution, c.Evidence)
			l.prop(id, pAdopted, quad.String(c.Adopted.String()))
			l.prop(id, pTitle, quad.LangString{Value: quad.String(c.Title), Lang: src.Language})
		}
		l.edge(res, Cites, id, c.Evidence)
	}
	for _, rc := range doc.Recipients {
		to := InstitutionID(rc.Institution)
		if rc.Country != "" {
			to = l.country(rc.Country)
		}
		l.edge(res, ForwardedTo, to, rc.Evidence)
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
	return l.finish(), nil
}

type quadKey [3]string

type lowering struct {
	doc   ID
	label quad.IRI
	quads []quad.Quad
	seen  map[quadKey]struct{}
	nodes map[ID]bool // nodes that have their kind quad
	order []ID        // nodes in the order they were met
	spans map[ID]Span // each node's own span, where the document names it
	edges map[edgeKey]int
	evs   []edgeSpans // every edge, in the order met, with the spans stating it
}

type edgeKey struct {
	from ID
	pred Predicate
	to   ID
}

type edgeSpans struct {
	edgeKey
	spans []Span
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

// node gives a node its kind, once; the first span given is the node's own.
func (l *lowering) node(id ID, kind NodeKind, ev Span) {
	if l.nodes[id] {
		return
	}
	l.nodes[id] = true
	l.order = append(l.order, id)
	l.prop(id, pKind, quad.String(kind))
	if ev != (Span{}) {
		l.spans[id] = ev
	}
}

// edge adds an edge; its evidence quads are written by finish, once every node's span is known.
func (l *lowering) edge(from ID, pred Predicate, to ID, ev Span) {
	l.add(from.IRI(), pred.IRI(), to.IRI())
	k := edgeKey{from, pred, to}
	i, ok := l.edges[k]
	if !ok {
		i = len(l.evs)
		l.edges[k] = i
		l.evs = append(l.evs, edgeSpans{edgeKey: k})
	}
	if !slices.Contains(l.evs[i].spans, ev) {
		l.evs[i].spans = append(l.evs[i].spans, ev)
	}
}

// finish writes the evidence: each node's own span (as its SOURCE edge's), then the spans of
// the edges that the anchor's span (or the zero span) does not already give.
func (l *lowering) finish() []quad.Quad {
	for _, id := range l.order {
		if sp, ok := l.spans[id]; ok {
			l.add(EdgeID(id, SourcePred, l.doc).IRI(), pEvidence, spanValue(sp))
		}
	}
	for _, e := range l.evs {
		implied := l.spans[e.pred.Anchor(e.from, e.to)] // zero without an anchor or its span
		if len(e.spans) == 1 && e.spans[0] == implied {
			continue
		}
		for _, sp := range e.spans {
			l.add(EdgeID(e.from, e.pred, e.to).IRI(), pEvidence, spanValue(sp))
		}
	}
	return l.quads
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
