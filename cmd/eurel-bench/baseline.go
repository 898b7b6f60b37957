package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/eurel/eurel/graph"
)

// The baseline: the suite's answers computed field by field straight from Cayley paths
// (graph.Naive), in process on the same store once the server has stopped, with the same
// arguments in the same turn. Each answer is also checked against the one eurel gave over
// HTTP for the same argument.

// baselineResult is how the naive implementation fared on one query.
type baselineResult struct {
	Latency latencies `json:"latency"`
	// TimedOut says that a run was cut at the budget: the query takes at least that long for
	// some argument, and the percentiles cover only the runs that finished.
	TimedOut bool   `json:"timed_out"`
	Error    string `json:"error,omitempty"`
	// Ratio is the baseline's p50 over eurel's (over the budget for a query that timed out
	// before any run finished: a lower bound).
	Ratio float64 `json:"ratio"`
	// Checked and Agree count the arguments whose answer was compared with eurel's, and those
	// that gave the same data.
	Checked  int    `json:"checked"`
	Agree    int    `json:"agree"`
	Mismatch string `json:"mismatch,omitempty"` // the first difference found
}

// naiveQuery computes the baseline's answer to one query for its k-th argument, in the shape
// of the GraphQL answer's data.
type naiveQuery func(ctx context.Context, nv *graph.Naive, k int) (any, error)

// naiveQueries are the suite's six queries, in the order of suiteQueries.
func naiveQueries(a *suiteArgs) []naiveQuery {
	from := graph.Day(2015, 1, 1)
	return []naiveQuery{
		func(ctx context.Context, nv *graph.Naive, k int) (any, error) {
			page, err := nv.CountryPage(ctx, a.Countries[k].Code, 20)
			return countryAnswer(page), err
		},
		func(ctx context.Context, nv *graph.Naive, k int) (any, error) {
			page, err := nv.AgreementPage(ctx, graph.ID(a.Agreements[k].ID), 20)
			return agreementAnswer(page), err
		},
		func(ctx context.Context, nv *graph.Naive, k int) (any, error) {
			sg, err := nv.Neighbourhood(ctx, graph.ID(a.Neighbourhood[k]), 2, 100, suiteEvidence)
			if err != nil { // a walk cut short has edges without their evidence
				return nil, err
			}
			return neighbourhoodAnswer(sg), nil
		},
		func(ctx context.Context, nv *graph.Naive, k int) (any, error) {
			sg, found, err := nv.Path(ctx, graph.ID(a.Paths[k][0]), graph.ID(a.Paths[k][1]), 4)
			return pathAnswer(sg, found), err
		},
		func(ctx context.Context, nv *graph.Naive, k int) (any, error) {
			page, err := nv.Search(ctx, a.Searches[k], 20)
			return page, err
		},
		func(ctx context.Context, nv *graph.Naive, k int) (any, error) {
			list, err := nv.ResolutionList(ctx, a.Countries[k].Code, from, 20)
			return listAnswer(list), err
		},
	}
}

// runBaseline opens the store in process and runs each query of the suite up to runs times,
// cycling through its arguments as the suite did, until the query has spent budget; a run is
// cut at the budget. It fills in the Baseline of each result and returns how long opening the
// store took.
func runBaseline(ctx context.Context, store string, a *suiteArgs, results []queryResult, runs int, budget time.Duration) (time.Duration, error) {
	start := time.Now()
	st, err := graph.Open(ctx, graph.Config{Backend: graph.BackendBolt, Path: store, OpenTimeout: 30 * time.Second})
	if err != nil {
		return 0, fmt.Errorf("opening the store for the baseline: %w", err)
	}
	defer st.Close()
	opened := time.Since(start)
	nv := st.Naive()
	for i, q := range naiveQueries(a) {
		r := &results[i]
		b := &baselineResult{}
		r.Baseline = b
		nargs := len(r.answers)
		if nargs == 0 {
			b.Error = "no arguments"
			continue
		}
		var lat []time.Duration
		spent := time.Duration(0)
		for run := 0; run < runs && spent < budget; run++ {
			k := run % nargs
			rctx, cancel := context.WithTimeout(ctx, budget-spent)
			t := time.Now()
			answer, err := q(rctx, nv, k)
			took := time.Since(t)
			cancel()
			spent += took
			if errors.Is(err, context.DeadlineExceeded) {
				b.TimedOut = true
				break
			}
			if ctx.Err() != nil {
				return opened, ctx.Err()
			}
			if err != nil && !errors.Is(err, graph.ErrNotFound) {
				b.Error = err.Error()
				break
			}
			lat = append(lat, took)
			if run < nargs && r.answers[k] != nil && r.Name != "search" {
				b.Checked++
				if diff := compareAnswers(r.Name, r.answers[k], answer); diff == "" {
					b.Agree++
				} else if b.Mismatch == "" {
					b.Mismatch = fmt.Sprintf("argument %d: %s", k, diff)
				}
			}
		}
		b.Latency = summarise(lat)
		switch {
		case r.Latency.P50 <= 0:
		case len(lat) > 0:
			b.Ratio = float64(b.Latency.P50) / float64(r.Latency.P50)
		case b.TimedOut:
			b.Ratio = float64(budget) / float64(r.Latency.P50)
		}
	}
	return opened, nil
}

// --- the GraphQL answers' shapes, for comparing eurel's answers with the baseline's ---

type gqCountry struct {
	Country *gqCountryPage `json:"country"`
}

type gqCountryPage struct {
	Name        string `json:"name"`
	Resolutions struct {
		TotalCount int            `json:"totalCount"`
		Nodes      []gqResolution `json:"nodes"`
	} `json:"resolutions"`
}

type gqResolution struct {
	Reference string     `json:"reference"`
	Title     string     `json:"title"`
	Adopted   *string    `json:"adopted"`
	Demands   []gqDemand `json:"demands,omitempty"`
}

type gqDemand struct {
	Text       string        `json:"text"`
	Addressees []gqAddressee `json:"addressees"`
	Evidence   *gqQuote      `json:"evidence,omitempty"`
}

type gqAddressee struct {
	Name string `json:"name"`
	Kind string `json:"kind,omitempty"`
}

type gqQuote struct {
	Quote string `json:"quote"`
}

type gqNode struct {
	ID       string `json:"id"`
	Typename string `json:"__typename"`
}

type gqEdge struct {
	From     string    `json:"from"`
	To       string    `json:"to"`
	Type     string    `json:"type"`
	Evidence []gqQuote `json:"evidence"`
}

type gqAgreement struct {
	Agreement *gqAgreementPage `json:"agreement"`
}

type gqAgreementPage struct {
	Name           string       `json:"name"`
	Parties        []gqTypename `json:"parties"`
	ResolutionPage struct {
		TotalCount int            `json:"totalCount"`
		Nodes      []gqResolution `json:"nodes"`
	} `json:"resolutionPage"`
}

type gqTypename struct {
	Typename string `json:"__typename"`
}

type gqSubgraph struct {
	Nodes     []gqNode `json:"nodes"`
	Edges     []gqEdge `json:"edges"`
	Truncated bool     `json:"truncated"`
}

type gqNeighbourhood struct {
	Neighbourhood gqSubgraph `json:"neighbourhood"`
}

// gqPath keeps of a path what any shortest path shares: its length (nodes) and its ends.
type gqPath struct {
	Path *struct {
		Nodes []struct {
			ID string `json:"id"`
		} `json:"nodes"`
	} `json:"path"`
}

type gqList struct {
	Resolutions struct {
		TotalCount int            `json:"totalCount"`
		Nodes      []gqResolution `json:"nodes"`
		Facets     struct {
			Countries      []gqFacet `json:"countries"`
			Years          []gqFacet `json:"years"`
			Topics         []gqFacet `json:"topics"`
			AddresseeKinds []gqFacet `json:"addresseeKinds"`
		} `json:"facets"`
	} `json:"resolutions"`
}

type gqFacet struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// compareAnswers says how the baseline's answer differs from eurel's ("" when they hold the
// same data): both are put in the query's shape and compared as JSON. Edges are compared as
// a set; paths by length and ends, since several paths may be as short.
func compareAnswers(name string, eurel json.RawMessage, naive any) string {
	var shape any
	switch name {
	case "country page":
		shape = &gqCountry{}
	case "agreement page":
		shape = &gqAgreement{}
	case "neighbourhood depth 2":
		shape = &gqNeighbourhood{}
	case "path":
		shape = &gqPath{}
	case "filtered list + facets":
		shape = &gqList{}
	default:
		return ""
	}
	if err := json.Unmarshal(eurel, shape); err != nil {
		return "eurel's answer: " + err.Error()
	}
	if n, ok := shape.(*gqNeighbourhood); ok {
		sortEdges(&n.Neighbourhood)
	}
	if p, ok := shape.(*gqPath); ok {
		shape = pathShape(p)
	}
	want, _ := json.Marshal(shape)
	got, _ := json.Marshal(naive)
	if bytes.Equal(want, got) {
		return ""
	}
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	lo := max(0, i-80)
	return fmt.Sprintf("eurel …%s… baseline …%s…", clip(want, lo, i+80), clip(got, lo, i+80))
}

func clip(b []byte, lo, hi int) string { return string(b[min(lo, len(b)):min(hi, len(b))]) }

func sortEdges(sg *gqSubgraph) {
	slices.SortFunc(sg.Edges, func(a, b gqEdge) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.Type, b.Type), cmp.Compare(a.To, b.To))
	})
}

// pathSummary is what two shortest paths between the same ends share.
type pathSummary struct {
	Found    bool   `json:"found"`
	Length   int    `json:"length"`
	From, To string `json:"-"`
}

func pathShape(p *gqPath) pathSummary {
	if p.Path == nil || len(p.Path.Nodes) == 0 {
		return pathSummary{}
	}
	return pathSummary{Found: true, Length: len(p.Path.Nodes) - 1}
}

func dateOrNil(d graph.PartialDate) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

func resolutionAnswer(r graph.NaiveResolution) gqResolution {
	out := gqResolution{Reference: r.Reference, Title: r.Title, Adopted: dateOrNil(r.Adopted)}
	for _, d := range r.Demands {
		gd := gqDemand{Text: d.Text}
		gd.Addressees = make([]gqAddressee, len(d.Addressees))
		for i, a := range d.Addressees {
			gd.Addressees[i] = gqAddressee{Name: a.Name, Kind: string(a.Kind)}
		}
		if d.Quote != "" {
			gd.Evidence = &gqQuote{d.Quote}
		}
		out.Demands = append(out.Demands, gd)
	}
	return out
}

func countryAnswer(p *graph.NaiveCountryPage) gqCountry {
	var out gqCountry
	if p == nil {
		return out
	}
	out.Country = &gqCountryPage{Name: p.Name}
	out.Country.Resolutions.TotalCount = p.TotalCount
	out.Country.Resolutions.Nodes = []gqResolution{}
	for _, r := range p.Resolutions {
		out.Country.Resolutions.Nodes = append(out.Country.Resolutions.Nodes, resolutionAnswer(r))
	}
	return out
}

func agreementAnswer(p *graph.NaiveAgreementPage) gqAgreement {
	var out gqAgreement
	if p == nil {
		return out
	}
	out.Agreement = &gqAgreementPage{Name: p.Name}
	out.Agreement.Parties = make([]gqTypename, len(p.Parties))
	for i, party := range p.Parties {
		out.Agreement.Parties[i].Typename = string(party.Kind)
	}
	out.Agreement.ResolutionPage.TotalCount = p.TotalCount
	out.Agreement.ResolutionPage.Nodes = []gqResolution{}
	for _, r := range p.Resolutions {
		out.Agreement.ResolutionPage.Nodes = append(out.Agreement.ResolutionPage.Nodes, resolutionAnswer(r))
	}
	return out
}

func neighbourhoodAnswer(sg graph.NaiveSubgraph) gqNeighbourhood {
	var out gqNeighbourhood
	n := &out.Neighbourhood
	n.Truncated = sg.Truncated
	n.Nodes = make([]gqNode, 0, len(sg.Nodes)) // [] rather than null, as GraphQL answers
	n.Edges = make([]gqEdge, 0, len(sg.Edges))
	for _, x := range sg.Nodes {
		n.Nodes = append(n.Nodes, gqNode{string(x.ID), string(x.Kind)})
	}
	for i, e := range sg.Edges {
		edge := gqEdge{From: string(e.From), To: string(e.To), Type: string(e.Pred), Evidence: make([]gqQuote, len(sg.Evidence[i]))}
		for j, q := range sg.Evidence[i] {
			edge.Evidence[j].Quote = q
		}
		n.Edges = append(n.Edges, edge)
	}
	sortEdges(n)
	return out
}

func pathAnswer(sg graph.Subgraph, found bool) pathSummary {
	if !found {
		return pathSummary{}
	}
	return pathSummary{Found: true, Length: len(sg.Nodes) - 1}
}

func listAnswer(l graph.NaiveResolutionList) gqList {
	var out gqList
	r := &out.Resolutions
	r.TotalCount = l.TotalCount
	r.Nodes = []gqResolution{}
	for _, x := range l.Resolutions {
		r.Nodes = append(r.Nodes, resolutionAnswer(x))
	}
	facets := func(fs []graph.FacetCount) []gqFacet {
		out := []gqFacet{}
		for _, f := range fs {
			out = append(out, gqFacet{f.Value, f.Count})
		}
		return out
	}
	r.Facets.Countries, r.Facets.Years = facets(l.Facets.Countries), facets(l.Facets.Years)
	r.Facets.Topics, r.Facets.AddresseeKinds = facets(l.Facets.Topics), facets(l.Facets.AddresseeKinds)
	return out
}
