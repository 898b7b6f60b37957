package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// The frontend suite: six queries a frontend asks, each run with arguments taken from the
// data (through GraphQL itself), in turn.

const (
	qCountry = `query Country($code: String!) {
  country(code: $code) { name resolutions(first: 20) { totalCount nodes { reference title adopted
    demands { text addressees { name kind } evidence { quote } } } } } }`
	qAgreement = `query Agreement($id: ID!) {
  agreement(id: $id) { name parties { __typename } resolutionPage(first: 20) { totalCount nodes { reference title adopted
    demands { text addressees { name kind } evidence { quote } } } } } }`
	qNeighbourhood = `query Neighbourhood($id: ID!) {
  neighbourhood(id: $id, depth: 2, limit: 100) { nodes { id __typename } edges { from to type evidence { quote } } truncated } }`
	qPath = `query Path($from: ID!, $to: ID!) {
  path(from: $from, to: $to, maxDepth: 4) { nodes { id __typename } edges { type } } }`
	qSearch = `query Search($q: String!) {
  search(query: $q, first: 20) { totalCount edges { snippet field node { id __typename } } } }`
	qList = `query List($country: String!) {
  resolutions(country: $country, adoptedFrom: "2015-01-01", first: 20) { totalCount nodes { reference title adopted }
    facets { countries { value count } years { value count } topics { value count } addresseeKinds { value count } } } }`
)

// suiteEvidence is how many evidence entries the neighbourhood query gets per edge:
// GraphEdge.evidence's default, which the baseline gives too.
const suiteEvidence = 20

// searches are the two-word queries of the search query, in English and French, words the
// synthetic summaries use.
var searches = []string{
	"political prisoners", "death penalty", "humanitarian access", "independent journalists",
	"prisonniers politiques", "religious minorities", "fair elections", "peine mort",
}

// suiteArgs are the arguments the suite's queries take in turn.
type suiteArgs struct {
	Countries     []countryArg   `json:"countries"`      // country page and filtered list
	Agreements    []agreementArg `json:"agreements"`     // agreement page
	Neighbourhood []string       `json:"neighbourhoods"` // countries and resolutions, alternately
	Paths         [][2]string    `json:"paths"`          // from an agreement to a demand or an institution
	Searches      []string       `json:"searches"`
}

type countryArg struct {
	Code        string `json:"code"`
	ID          string `json:"id"`
	Resolutions int    `json:"resolutions"`
}

type agreementArg struct {
	ID          string `json:"id"`
	Country     string `json:"country"`
	Resolutions int    `json:"resolutions"`
}

// argsPerQuery is how many different arguments each query cycles through.
const argsPerQuery = 8

// pickArgs chooses the suite's arguments from the data, through GraphQL: the countries with
// the most resolutions, the agreements most referred to, resolutions of those countries, and for each agreement a demand
// of its country's newest resolution and the country's government as path ends.
func pickArgs(ctx context.Context, c *http.Client, endpoint string) (*suiteArgs, error) {
	var a suiteArgs
	ask := func(q string, vars map[string]any, into any) error {
		data, _, _, err := graphql(ctx, c, endpoint, q, vars)
		if err != nil {
			return fmt.Errorf("choosing the suite's arguments: %s: %w", strings.Fields(q)[1], err)
		}
		return json.Unmarshal(data, into)
	}

	var countries struct {
		Countries []struct {
			Code        string
			ID          string
			Resolutions struct{ TotalCount int }
		}
	}
	if err := ask(`query Countries { countries { id code resolutions(first: 0) { totalCount } } }`, nil, &countries); err != nil {
		return nil, err
	}
	for _, c := range countries.Countries {
		if c.Resolutions.TotalCount > 0 {
			a.Countries = append(a.Countries, countryArg{c.Code, c.ID, c.Resolutions.TotalCount})
		}
	}
	slices.SortFunc(a.Countries, func(x, y countryArg) int {
		return cmp.Or(cmp.Compare(y.Resolutions, x.Resolutions), cmp.Compare(x.Code, y.Code))
	})
	if len(a.Countries) == 0 {
		return nil, fmt.Errorf("the store holds no resolution about any country")
	}
	a.Countries = a.Countries[:min(argsPerQuery, len(a.Countries))]

	var agreements struct {
		Agreements []struct {
			ID      string
			Parties []struct{ Code string }
		}
	}
	if err := ask(`query Agreements { agreements { id parties { ... on Country { code } } } }`, nil, &agreements); err != nil {
		return nil, err
	}
	var all []agreementArg
	for _, ag := range agreements.Agreements {
		var n struct{ Resolutions struct{ TotalCount int } }
		if err := ask(`query AgreementSize($id: ID!) { resolutions(agreement: $id, first: 0) { totalCount } }`, map[string]any{"id": ag.ID}, &n); err != nil {
			return nil, err
		}
		country := ""
		for _, p := range ag.Parties {
			if p.Code != "" {
				country = p.Code
			}
		}
		if n.Resolutions.TotalCount > 0 && country != "" {
			all = append(all, agreementArg{ag.ID, country, n.Resolutions.TotalCount})
		}
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("no agreement in the store has resolutions")
	}
	slices.SortFunc(all, func(x, y agreementArg) int {
		return cmp.Or(cmp.Compare(y.Resolutions, x.Resolutions), cmp.Compare(x.ID, y.ID))
	})
	a.Agreements = all[:min(argsPerQuery, len(all))]

	for i, c := range a.Countries {
		var page struct {
			Country struct {
				Resolutions struct {
					Nodes []struct {
						ID      string
						Demands []struct{ ID string }
					}
				}
			}
		}
		if err := ask(`query Newest($code: String!) { country(code: $code) { resolutions(first: 1) { nodes { id demands { id } } } } }`,
			map[string]any{"code": c.Code}, &page); err != nil {
			return nil, err
		}
		a.Neighbourhood = append(a.Neighbourhood, c.ID)
		if nodes := page.Country.Resolutions.Nodes; len(nodes) > 0 && i%2 == 1 {
			a.Neighbourhood[i] = nodes[0].ID // every other start is a resolution
		}
	}
	for i, ag := range a.Agreements {
		var ends struct {
			Country struct {
				Resolutions struct {
					Nodes []struct{ Demands []struct{ ID string } }
				}
			}
			Institution *struct{ ID string }
		}
		if err := ask(`query PathEnds($code: String!, $gov: String!) {
			country(code: $code) { resolutions(first: 1) { nodes { demands { id } } } }
			institution(key: $gov) { id } }`, map[string]any{"code": ag.Country, "gov": "GOVERNMENT:" + ag.Country}, &ends); err != nil {
			return nil, err
		}
		to := ""
		if nodes := ends.Country.Resolutions.Nodes; len(nodes) > 0 && len(nodes[0].Demands) > 0 {
			to = nodes[0].Demands[len(nodes[0].Demands)-1].ID
		}
		if ends.Institution != nil && (i%2 == 1 || to == "") {
			to = ends.Institution.ID
		}
		if to != "" {
			a.Paths = append(a.Paths, [2]string{ag.ID, to})
		}
	}
	a.Searches = searches
	return &a, nil
}

// query is one query of the suite with the variables of each of its arguments.
type query struct {
	Name string
	Text string
	Vars []map[string]any
}

// suiteQueries are the six queries with their arguments.
func suiteQueries(a *suiteArgs) []query {
	qs := []query{
		{Name: "country page", Text: qCountry},
		{Name: "agreement page", Text: qAgreement},
		{Name: "neighbourhood depth 2", Text: qNeighbourhood},
		{Name: "path", Text: qPath},
		{Name: "search", Text: qSearch},
		{Name: "filtered list + facets", Text: qList},
	}
	for _, c := range a.Countries {
		qs[0].Vars = append(qs[0].Vars, map[string]any{"code": c.Code})
		qs[5].Vars = append(qs[5].Vars, map[string]any{"country": c.Code})
	}
	for _, ag := range a.Agreements {
		qs[1].Vars = append(qs[1].Vars, map[string]any{"id": ag.ID})
	}
	for _, id := range a.Neighbourhood {
		qs[2].Vars = append(qs[2].Vars, map[string]any{"id": id})
	}
	for _, p := range a.Paths {
		qs[3].Vars = append(qs[3].Vars, map[string]any{"from": p[0], "to": p[1]})
	}
	for _, s := range a.Searches {
		qs[4].Vars = append(qs[4].Vars, map[string]any{"q": s})
	}
	return qs
}

// queryResult is how one query of the suite fared.
type queryResult struct {
	Name      string    `json:"name"`
	Latency   latencies `json:"latency"`
	Failed    int       `json:"failed"`          // runs answered with an error
	Error     string    `json:"error,omitempty"` // the first error
	MeanBytes int       `json:"mean_bytes"`      // size of an answer
	// answers are the data of the first answer for each argument, to check the baseline's.
	answers []json.RawMessage
	// Baseline is the naive implementation's timing of the same query (see baseline.go).
	Baseline *baselineResult `json:"baseline,omitempty"`
}

// runSuite runs each query warmup times unmeasured, then runs times measured, cycling
// through its arguments. A query answered with errors is measured all the same and reported
// as failed, with the first error's message.
func runSuite(ctx context.Context, c *http.Client, endpoint string, queries []query, warmup, runs int, logf func(string, ...any)) []queryResult {
	var out []queryResult
	for _, q := range queries {
		logf("  %s", q.Name)
		r := queryResult{Name: q.Name, answers: make([]json.RawMessage, len(q.Vars))}
		if len(q.Vars) == 0 {
			r.Error, r.Failed = "no arguments found in the data", runs
			out = append(out, r)
			continue
		}
		for i := range warmup {
			graphql(ctx, c, endpoint, q.Text, q.Vars[i%len(q.Vars)])
		}
		var lat []time.Duration
		bytes := 0
		for i := range runs {
			k := i % len(q.Vars)
			data, n, took, err := graphql(ctx, c, endpoint, q.Text, q.Vars[k])
			if ctx.Err() != nil {
				break
			}
			lat = append(lat, took)
			bytes += n
			if err != nil {
				r.Failed++
				if r.Error == "" {
					r.Error = err.Error()
				}
			} else if r.answers[k] == nil {
				r.answers[k] = data
			}
		}
		r.Latency = summarise(lat)
		if len(lat) > 0 {
			r.MeanBytes = bytes / len(lat)
		}
		out = append(out, r)
	}
	return out
}

// mutationResult is how the ingest mutation fared.
type mutationResult struct {
	Latency  latencies      `json:"latency"`
	Statuses map[string]int `json:"statuses"`
	Failed   int            `json:"failed"`
	Error    string         `json:"error,omitempty"`
	Offset   int            `json:"offset"` // the extra summaries were numbers N+offset onwards
	// Delete is the time of deleteDocument for each document the mutations added, run
	// afterwards so that the store holds the corpus alone again.
	Delete latencies `json:"delete_latency"`
	// AfterWrite is the time of the suite's country page asked right after each mutation
	// (the countries in turn): a page no answer cached before the write can give.
	AfterWrite latencies `json:"after_write_latency"`
}

const (
	qIngest = `mutation Ingest($text: String!, $name: String) {
  ingest(input: {text: $text, name: $name}) { status document { id } resolution { reference } warnings } }`
	qDelete = `mutation Delete($id: ID!) { deleteDocument(id: $id) }`
	qHas    = `query Has($ref: String!) { resolution(reference: $ref) { id } }`
)

// runMutations times m ingest mutations of summaries the store does not hold, one after
// the other, then deletes what they added.
// After each mutation, it asks page (the country page, with each of its arguments in turn)
// and times it.
func runMutations(ctx context.Context, c *http.Client, endpoint string, n, m int, page query) mutationResult {
	res := mutationResult{Statuses: map[string]int{}}
	// Find extra summaries the store does not hold (an interrupted earlier run may have left
	// some): a block of m numbers after the corpus whose first is absent.
	for offset := 0; ; offset += m {
		extra := newExtraSummaries(n, offset, 1)
		_, _, ref := extra.summary(0)
		var has struct{ Resolution *struct{ ID string } }
		data, _, _, err := graphql(ctx, c, endpoint, qHas, map[string]any{"ref": ref})
		if err == nil {
			err = json.Unmarshal(data, &has)
		}
		if err != nil {
			res.Error, res.Failed = err.Error(), m
			return res
		}
		if has.Resolution == nil || offset >= 100*m {
			res.Offset = offset
			break
		}
	}
	extra := newExtraSummaries(n, res.Offset, m)
	var lat, after []time.Duration
	var added []string
	for k := range m {
		name, raw, _ := extra.summary(k)
		data, _, took, err := graphql(ctx, c, endpoint, qIngest, map[string]any{"text": string(raw), "name": name})
		if ctx.Err() != nil {
			break
		}
		lat = append(lat, took)
		var answer struct {
			Ingest struct {
				Status   string
				Document struct{ ID string }
			}
		}
		if err == nil {
			err = json.Unmarshal(data, &answer)
		}
		if err != nil {
			res.Failed++
			if res.Error == "" {
				res.Error = err.Error()
			}
			continue
		}
		res.Statuses[answer.Ingest.Status]++
		if answer.Ingest.Status == "ADDED" {
			added = append(added, answer.Ingest.Document.ID)
		}
		if len(page.Vars) > 0 {
			if _, _, took, err := graphql(ctx, c, endpoint, page.Text, page.Vars[k%len(page.Vars)]); err == nil {
				after = append(after, took)
			}
		}
	}
	res.Latency = summarise(lat)
	res.AfterWrite = summarise(after)
	var del []time.Duration
	for _, id := range added {
		_, _, took, err := graphql(ctx, c, endpoint, qDelete, map[string]any{"id": id})
		if err != nil {
			if res.Error == "" {
				res.Error = "deleteDocument: " + err.Error()
			}
			continue
		}
		del = append(del, took)
	}
	res.Delete = summarise(del)
	return res
}
