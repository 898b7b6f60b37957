// Package extract reads the facts of a graph.Document out of the normalised text of one
// European Parliament summary, in English or French: the vote, the groups that tabled the
// resolution and the body that adopted it, the countries it concerns and mentions, the
// agreements it refers to, its demands (with addressees, topics and agreements) and its
// stances. It is the step after format parsing (ingest/oeil) and before the store: plain
// data in, plain data out, no I/O.
//
// The pipeline, one file per step:
//
//	text.go          tokens (lexicon.Tokenize) and sentences with code-point spans
//	vote.go          "by 667 votes to 1, with 27 abstentions" / "par 598 voix pour, 43 contre et 52 abstentions"
//	groups.go        the tabling groups, resolved by date; the adopting body
//	countries.go     country names, adjectives and demonyms; concerns vs mentions
//	institutions.go  EU institutions, international bodies, national bodies, addressee windows
//	agreements.go    agreements with kind, parties, dates; dates.go reads the dates
//	demands.go       demand verbs, clauses, bullet lists under a lead
//	stances.go       condemnations, criticism, concern, welcomes, stresses...
//	topics.go        topics of demands
//	regions.go       world regions (Regions)
//
// Names come from package lexicon. The rules are stated on each step; the main choices:
//
//   - Concerns vs mentions: the countries named in the title (by name, adjective or demonym)
//     are those the resolution concerns; when the title names none, those named after
//     "resolution" in the first sentence of the body that contains the word. Every other
//     country named is mentioned. An EU Member State counts only when it is a concerned
//     country: a Member State named elsewhere is neither concerned nor mentioned, the graph
//     being about the EU's relations with third countries.
//   - Demand vs stance: a clause built on a demand verb ("calls on", "urged", "is urged to",
//     "asks", "demande à", "invite", "exhorte", "prie") or on "should"/"must"/"devrait"/"doit"
//     whose subject is an addressee is a demand; a clause on a verb of position
//     ("condemns", "criticised", "regrets", "welcomes", "stresses", "a souligné") is a
//     stance. "Stresses that X should" with X an addressee is one demand; with a subject that
//     is not one ("les droits de l'homme devraient figurer…") it is a stance (STRESSES). Two
//     verbs joined by a coordinator ("condemns the takeover and called on the Tatmadaw to …",
//     "called on the Commission to … and urged the Council to …") make two clauses, each with
//     its own addressees; a verb inside a complement or a relative clause heads none, nor
//     does a verb in a clause that qualifies the one before it (", as recommended by the UN
//     Special Rapporteurs", « , comme l'ont recommandé les rapporteurs spéciaux »): that
//     clause stays in the demand it qualifies. Each
//     bullet under a lead that makes demands ("The EU and its Member States are urged to:",
//     "Le Parlement a adressé au gouvernement du Kazakhstan une série de demandes :") is one
//     demand addressed to the lead's addressees.
//   - Addressees: the object of "calls on X to", "urged X to", "demande à X de"; the subject
//     of "X should", "X are urged to"; the institutions named in a lead that announces
//     demands, the Parliament aside. Means ("through the Commission", "par l'intermédiaire
//     de la Commission") are not addressees, nor is a body named only in a clause that
//     qualifies the demand ("calls on the authorities, as recommended by the UN, to …",
//     « invite la Commission, comme l'a demandé le Conseil, à … », "The authorities, as
//     recommended by the UN, should …", whose subject is read across the clause): a clause
//     opened by "as", "in line with", « comme », « ainsi que », « tel que »… qualifies only
//     with a verb that reports what someone asked or said; without one it names more
//     addressees or examples of them ("as well as the Member States", « telles que la
//     Commission »). The subject of "X should" is read across such a list ("The Commission,
//     as well as the Member States, should", « La Commission, ainsi que les États membres,
//     devraient ») and across an apposition that names no one ("The Commission, as the
//     guardian of the Treaties, should", « en tant que gardienne des traités »). A bare "the
//     military", "the government", "the authorities" is the body of the country the
//     resolution concerns when it concerns exactly one; a bare country name as addressee
//     means its authorities. A demand with no addressee in its sentence
//     ("The resolution called for the immediate release…") gets none: eurel does not guess
//     whom it is addressed to.
package extract

import (
	"slices"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/lexicon"
)

// Paragraph is one body paragraph of the text. Span locates it in Input.Text, in code
// points; for a bullet, Text and Span exclude the "- " marker.
//
// A Context paragraph is read for the names it holds — countries (mentioned ones), agreements
// with their parties and dates, regions — but never for demands, stances, a vote, tabling
// groups or the adopting body, and never to decide which countries the resolution concerns:
// the citations ("having regard to …") and recitals ("whereas …") of a resolution's
// preamble are context.
type Paragraph struct {
	Span    graph.Span
	Text    string
	Bullet  bool
	Context bool
}

// Input is one summary's normalised text, as the format parser gives it.
type Input struct {
	Language   string            // "en" | "fr"
	Adopted    graph.PartialDate // the date of the text (event date), used to resolve political group codes
	Text       string            // the whole normalised text (title, header line, body paragraphs separated by "\n\n")
	Title      graph.Span        // span of the title in Text
	Paragraphs []Paragraph       // body paragraphs in order
}

// Extract fills everything but Source: Resolution.{Vote, VoteEvidence, TabledBy, AdoptedBy},
// Countries, Agreements, Institutions, Topics, Demands, Stances. The caller sets Source and
// Resolution.{Reference, Title, Adopted, Stage}. Resolution is never nil.
//
// Only the title and the paragraphs are read, never the rest of Text (the header line).
// Every Span cuts out of Input.Text exactly the quote it stands for; Demand.Text and
// Stance.Text equal the quote at their Evidence. Every addressee, topic and agreement a
// demand refers to is among the Document's Institutions, Topics and Agreements.
//
// Extract returns an error only for an Input that breaks its contract: a language other
// than English or French, a Text that is not UTF-8, a span outside Text, paragraphs out of
// order, a paragraph Text that is not what its span cuts out. It never panics.
func Extract(in Input) (*graph.Document, error) {
	d, err := newDoc(in)
	if err != nil {
		return nil, err
	}
	out := &graph.Document{Resolution: &graph.Resolution{}}
	res := out.Resolution
	res.Vote, res.VoteEvidence = d.vote()
	res.TabledBy = d.tabledBy()
	out.Countries = d.findCountries()
	d.findInstitutions()
	res.AdoptedBy = d.adoptedBy()
	out.Agreements = d.findAgreements()

	units := d.analyse()
	out.Demands, out.Stances = d.demandsAndStances(units, out.Agreements)

	var keys []string
	use := func(k string) {
		if k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	use(res.AdoptedBy)
	for _, g := range res.TabledBy {
		use(g.Code)
	}
	for _, a := range out.Agreements {
		for _, p := range a.Parties {
			use(p.Institution)
		}
	}
	var topics []string
	for _, dm := range out.Demands {
		for _, k := range dm.Addressees {
			use(k)
		}
		for _, t := range dm.Topics {
			if !slices.Contains(topics, t) {
				topics = append(topics, t)
			}
		}
	}
	for _, k := range keys {
		if in, ok := lexicon.InstitutionByKey(k); ok {
			out.Institutions = append(out.Institutions, graph.Institution{
				Key: in.Key, Kind: in.Kind, Code: in.Code, Country: in.Country, Names: in.Names,
			})
		}
	}
	for _, k := range topics {
		if t, ok := lexicon.TopicByKey(k); ok {
			out.Topics = append(out.Topics, graph.Topic{Key: t.Key, Names: clone(t.Names)})
		}
	}
	return out, nil
}

func clone(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
