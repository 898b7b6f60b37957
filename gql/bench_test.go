package gql_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/eurel/eurel/gql"
	"github.com/eurel/eurel/graph"
)

// benchQuery is what a resolutions page of the frontend asks: a page of 50 with their
// countries, groups, agreements and parties, and each demand with its addressees and evidence.
const benchQuery = `query Page($after: String) {
  resolutions(first: 50, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id reference title adopted stage vote { for against abstentions }
        concerns { code name }
        tabledBy { code name }
        agreements { name kind signed parties { __typename ... on Country { code } ... on Institution { key name } } }
        demands {
          position text
          addressees { name kind country { code } }
          topics { name }
          evidence { quote start end document { id language } }
        }
      }
    }
  }
}`

// BenchmarkQueryHTTP runs benchQuery over HTTP against 100 hand-made documents (each a
// resolution with 5 demands), as the frontend would: a POST, the JSON answer read in full. The
// query is heavier than the default cost limit lets through (it asks for everything at once),
// so the limit is raised: the benchmark measures execution, not refusal.
func BenchmarkQueryHTTP(b *testing.B) {
	docs := func() []*graph.Document { return append(fixtureDocs(), syntheticDocs(100, 5)...) }
	b.Run("graph.Store", func(b *testing.B) { benchQueryHTTP(b, openGraphStore(b, docs()...)) })
}

func benchQueryHTTP(b *testing.B, st store) {
	srv := serve(b, st, func(c *gql.Config) { c.ComplexityLimit = 1 << 20 }) // the query costs 17001
	body, _ := json.Marshal(map[string]any{"query": benchQuery})
	client := srv.Client()

	check := func() int {
		res, err := client.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		data, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil || res.StatusCode != http.StatusOK {
			b.Fatalf("HTTP %d: %v %.300s", res.StatusCode, err, data)
		}
		return len(data)
	}
	var a answer
	res, _ := client.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
	_ = json.NewDecoder(res.Body).Decode(&a)
	res.Body.Close()
	if len(a.Errors) > 0 {
		b.Fatalf("errors: %+v", a.Errors)
	}

	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		n = check()
	}
	b.ReportMetric(float64(n), "bytes/answer")
}
