package gql_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/eurel/eurel/gql"
	"github.com/eurel/eurel/graph"
)

func TestHealthz(t *testing.T) {
	srv := serve(t, openGraphStore(t))
	res, err := srv.Client().Get(srv.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body map[string]string
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/json" || body["status"] != "ok" {
		t.Errorf("GET /healthz: %d %s %v", res.StatusCode, res.Header.Get("Content-Type"), body)
	}
}

func TestExplorerPage(t *testing.T) {
	srv := serve(t, openGraphStore(t))
	res, err := srv.Client().Get(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	page := string(b)
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("GET /: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	for _, want := range []string{"<title>eurel", `id="query"`, `id="variables"`, `id="run"`, `id="ingest-text"`, `id="schema"`,
		"Kazakhstan", string(govKZ)} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	for _, bad := range []string{"__EXAMPLES__", "<script src", "<link", "http://", "https://", "@import"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q: it must be self-contained", bad)
		}
	}
	t.Run("other paths are a JSON 404", func(t *testing.T) {
		a := srv.raw(t, http.MethodGet, "/nothing-here", "", nil)
		if a.Status != http.StatusNotFound {
			t.Errorf("HTTP %d", a.Status)
		}
		wantError(t, a, "NOT_FOUND", "/nothing-here")
	})
}

// TestExplorerExamplesRun runs every query the explorer offers, as the page sends it.
func TestExplorerExamplesRun(t *testing.T) {
	eachStore(t, func(t *testing.T, newStore storeFactory) {
		srv := serve(t, newStore(t, append(fixtureDocs(), syntheticDocs(30, 5)...)...))
		res, err := srv.Client().Get(srv.URL + "/")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		page := string(b)
		start := strings.Index(page, `<script id="examples-data" type="application/json">`)
		end := strings.Index(page[start:], "</script>")
		raw := page[start+len(`<script id="examples-data" type="application/json">`) : start+end]
		var examples []struct {
			Name      string
			Query     string
			Variables map[string]any
		}
		if err := json.Unmarshal([]byte(raw), &examples); err != nil {
			t.Fatalf("the page's examples are not JSON: %v", err)
		}
		if len(examples) < 3 {
			t.Fatalf("%d examples", len(examples))
		}
		for _, ex := range examples {
			t.Run(ex.Name, func(t *testing.T) {
				a := srv.post(t, ex.Query, ex.Variables)
				if a.Status != http.StatusOK || len(a.Errors) > 0 {
					t.Fatalf("HTTP %d, errors %+v", a.Status, a.Errors)
				}
				if strings.Contains(string(a.Data), "null") && !strings.Contains(ex.Query, "node(") {
					t.Logf("data holds a null: %.500s", a.Data)
				}
			})
		}
		t.Run("the Kazakhstan example finds the government's demands", func(t *testing.T) {
			a := srv.post(t, examples[0].Query, examples[0].Variables)
			if !strings.Contains(string(a.Data), "release immediately all political prisoners") ||
				!strings.Contains(string(a.Data), `"totalCount":3`) {
				t.Errorf("data = %s", a.Data)
			}
		})
	})
}

func TestBodyLimit(t *testing.T) {
	srv := serve(t, openGraphStore(t), func(c *gql.Config) { c.MaxBodyBytes = 1 << 10 })
	big := `{"query":"{ countries { code } }","variables":{"pad":"` + strings.Repeat("x", 2<<10) + `"}}`
	t.Run("with a Content-Length over the limit", func(t *testing.T) {
		a := srv.raw(t, http.MethodPost, "/graphql", "application/json", strings.NewReader(big))
		if a.Status != http.StatusRequestEntityTooLarge {
			t.Errorf("HTTP %d, want 413", a.Status)
		}
		wantError(t, a, "BAD_INPUT", "larger than the limit of 1 KiB")
	})
	t.Run("streamed without a Content-Length", func(t *testing.T) {
		a := srv.raw(t, http.MethodPost, "/graphql", "application/json", io.MultiReader(strings.NewReader(big)))
		if a.Status != http.StatusRequestEntityTooLarge {
			t.Errorf("HTTP %d, want 413", a.Status)
		}
		wantError(t, a, "BAD_INPUT", "larger than the limit")
	})
	t.Run("a body under the limit passes", func(t *testing.T) {
		a := srv.post(t, `{ countries { code } }`, nil)
		if a.Status != http.StatusOK || len(a.Errors) > 0 {
			t.Errorf("HTTP %d %+v", a.Status, a.Errors)
		}
	})
}

// TestEveryErrorHasACode sends requests that go wrong at each stage: transport, parsing,
// validation, variables, arguments, resolvers.
func TestEveryErrorHasACode(t *testing.T) {
	srv := serve(t, openGraphStore(t, fixtureDocs()...))
	cases := []struct {
		name, method, path, contentType, body string
		status                                int
		code                                  string
	}{
		{"a body that is not JSON", "POST", "/graphql", "application/json", "{query:", 400, "BAD_INPUT"},
		{"a body of the wrong shape", "POST", "/graphql", "application/json", `{"query": 42}`, 400, "BAD_INPUT"},
		{"a form instead of JSON", "POST", "/graphql", "application/x-www-form-urlencoded", "query=x", 415, "BAD_INPUT"},
		{"a PUT", "PUT", "/graphql", "application/json", `{"query":"{ countries { code } }"}`, 405, "BAD_INPUT"},
		{"no query", "POST", "/graphql", "application/json", `{}`, 422, "GRAPHQL_VALIDATION_FAILED"},
		{"a syntax error", "POST", "/graphql", "application/json", `{"query":"{ countries { code }"}`, 422, "GRAPHQL_PARSE_FAILED"},
		{"an unknown field", "POST", "/graphql", "application/json", `{"query":"{ countries { iso } }"}`, 422, "GRAPHQL_VALIDATION_FAILED"},
		{"a variable of the wrong type", "POST", "/graphql", "application/json",
			`{"query":"query($n: Int) { resolutions(first: $n) { totalCount } }","variables":{"n":"many"}}`, 422, "GRAPHQL_VALIDATION_FAILED"},
		{"a missing argument", "POST", "/graphql", "application/json", `{"query":"{ country { code } }"}`, 422, "GRAPHQL_VALIDATION_FAILED"},
		{"an empty reference", "POST", "/graphql", "application/json", `{"query":"{ resolution(reference: \" \") { id } }"}`, 200, "BAD_INPUT"},
		{"GET variables that are not JSON", "GET", "/graphql?query=%7B__typename%7D&variables=%7Bx", "", "", 400, "BAD_INPUT"},
		{"a mutation over GET", "GET", "/graphql?query=mutation%7BdeleteDocument(id%3A%22x%22)%7D", "", "", 422, "BAD_INPUT"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var body io.Reader
			if c.body != "" {
				body = strings.NewReader(c.body)
			}
			a := srv.raw(t, c.method, c.path, c.contentType, body)
			if a.Status != c.status {
				t.Errorf("HTTP %d, want %d", a.Status, c.status)
			}
			if len(a.Errors) == 0 {
				t.Fatal("no error")
			}
			for _, e := range a.Errors {
				if e.code() != c.code {
					t.Errorf("error %q has code %q, want %q", e.Message, e.code(), c.code)
				}
			}
		})
	}
}

func TestComplexityLimit(t *testing.T) {
	eachStore(t, func(t *testing.T, newStore storeFactory) {
		st := newStore(t, fixtureDocs()...)
		calls := countCalls(st)
		srv := serve(t, st, func(c *gql.Config) { c.Reader = calls })
		cases := []struct{ name, query string }{
			{"six nested lists", `{ countries { agreements { resolutions { demands { addressees { demands { text } } } } } } }`},
			{"six nested lists under one resolution", `{ resolution(reference: "2021/2544(RSP)") {
				concerns { agreements { resolutions { concerns { agreements { resolutions { reference } } } } } } } }`},
			{"a full page with deep lists", `{ resolutions(first: 100) { nodes { demands { addressees { demands { addressees { name } } } } } } }`},
		}
		for _, c := range cases {
			t.Run(c.name+" is refused before it runs", func(t *testing.T) {
				before := calls.total.Load()
				a := srv.post(t, c.query, nil)
				wantError(t, a, "COMPLEXITY_LIMIT_EXCEEDED", "exceeds the limit of 5000")
				if a.Status != http.StatusUnprocessableEntity {
					t.Errorf("HTTP %d, want 422", a.Status)
				}
				if n := calls.total.Load() - before; n != 0 {
					t.Errorf("the refused query read the graph %d times", n)
				}
			})
		}
		t.Run("the limit is configurable", func(t *testing.T) {
			srv := serve(t, newStore(t), func(c *gql.Config) { c.ComplexityLimit = 3 })
			wantError(t, srv.post(t, `{ countries { code name } }`, nil), "COMPLEXITY_LIMIT_EXCEEDED", "limit of 3")
		})
	})
}

// TestReaderCallsAreBatched checks the dataloaders: 100 resolutions with their countries,
// groups, agreements and parties, demands and addressees, evidence documents, take one Reader
// call per kind and level, not one per item.
func TestReaderCallsAreBatched(t *testing.T) {
	eachStore(t, func(t *testing.T, newStore storeFactory) {
		st := newStore(t, syntheticDocs(100, 3)...)
		calls := countCalls(st)
		srv := serve(t, st, func(c *gql.Config) { c.Reader = calls; c.ComplexityLimit = 1 << 20 })
		var got struct {
			Resolutions struct {
				Nodes []struct {
					Concerns   []struct{ Code, Name string }
					TabledBy   []struct{ Code string }
					Agreements []struct {
						Parties []struct {
							Typename string `json:"__typename"`
						}
					}
					Demands []struct {
						Addressees []struct{ Name string }
						Evidence   struct{ Document struct{ ID string } }
					}
				}
			}
		}
		srv.ok(t, `{ resolutions(first: 100) { nodes {
			reference title adopted
			concerns { code name }
			tabledBy { code name }
			agreements { name parties { __typename ... on Country { code } ... on Institution { key } } }
			demands { text addressees { name country { code } } evidence { quote document { id language } } }
		} } }`, nil, &got)
		if n := len(got.Resolutions.Nodes); n != 100 {
			t.Fatalf("%d resolutions, want 100", n)
		}
		if r := got.Resolutions.Nodes[0]; len(r.Concerns) != 1 || len(r.Demands) != 3 || len(r.Agreements[0].Parties) != 2 {
			t.Fatalf("first resolution = %+v", r)
		}
		// One list, then one call per kind and level (see lookahead.go): the page of resolutions;
		// their countries, groups, agreements and demands; the agreements' parties (as countries
		// and as institutions), the demands' addressees and documents; the addressees' countries.
		total := calls.total.Load()
		t.Logf("Reader calls: %d %v", total, calls.snapshot())
		if total > 10 {
			t.Errorf("%d Reader calls for 100 resolutions (%v), want at most 10", total, calls.snapshot())
		}
		for method, n := range calls.snapshot() {
			if n > 2 {
				t.Errorf("%d calls of %s, want at most 2 (one per level it is needed at)", n, method)
			}
		}

		t.Run("fields not selected are not read", func(t *testing.T) {
			before := calls.total.Load()
			srv.ok(t, `{ resolutions(first: 100) { totalCount nodes { reference title vote { for } } } }`, nil, nil)
			if n := calls.total.Load() - before; n != 2 {
				t.Errorf("%d Reader calls, want 2 (the list and the page)", n)
			}
		})
		t.Run("lists a filter selects, under a list", func(t *testing.T) {
			before := calls.snapshot()
			var got struct {
				Agreements []struct {
					Resolutions []struct {
						Demands []struct{ Addressees []struct{ Name string } }
					}
					Demands []struct{ Text string }
				}
			}
			srv.ok(t, `{ agreements { resolutions { reference demands { addressees { name } } } demands { text } } }`, nil, &got)
			if len(got.Agreements) != len(synthCountries) || len(got.Agreements[0].Resolutions) != 10 ||
				len(got.Agreements[0].Resolutions[0].Demands[0].Addressees) != 2 || len(got.Agreements[0].Demands) != 10 {
				t.Fatalf("agreements = %+v", got.Agreements)
			}
			// One list per agreement and field (the Reader lists one filter at a time), then one
			// call per kind of record and level: the agreements' demands are read with their
			// resolutions, the resolutions' demands one level below.
			after := calls.snapshot()
			want := map[string]int{"ListAgreements": 1, "Agreements": 1, "ListResolutions": len(synthCountries),
				"ListDemands": len(synthCountries), "Resolutions": 1, "Demands": 2, "Institutions": 1}
			for method, n := range want {
				if d := after[method] - before[method]; d != n {
					t.Errorf("%d calls of %s, want %d", d, method, n)
				}
			}
		})
		t.Run("countries with their resolution pages", func(t *testing.T) {
			before := calls.total.Load()
			srv.ok(t, `{ countries { code resolutions(first: 3) { nodes { reference concerns { code } } } } }`, nil, nil)
			// The list of countries, their records, one list of resolutions per country (the
			// Reader lists one filter at a time), then records batched by the loaders.
			if n := calls.total.Load() - before; n > int64(2+len(synthCountries)+6) {
				t.Errorf("%d Reader calls", n)
			}
		})
	})
}

// blockingReader waits for the request's end on every read.
type blockingReader struct{ graph.Reader }

func (b blockingReader) ListCountries(ctx context.Context) ([]graph.ID, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

func TestTimeout(t *testing.T) {
	eachStore(t, func(t *testing.T, newStore storeFactory) {
		st := newStore(t, fixtureDocs()...)
		srv := serve(t, st, func(c *gql.Config) { c.Reader = blockingReader{st}; c.Timeout = 50 * time.Millisecond })
		start := time.Now()
		a := srv.post(t, `{ countries { code } }`, nil)
		if a.Status != http.StatusServiceUnavailable || a.Header.Get("Content-Type") != "application/json" {
			t.Errorf("HTTP %d %s, want 503 application/json", a.Status, a.Header.Get("Content-Type"))
		}
		wantError(t, a, "TIMEOUT", "50ms")
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("the answer took %s", d)
		}
	})
}

// panickyReader panics when asked for countries.
type panickyReader struct{ graph.Reader }

func (panickyReader) Countries(context.Context, []graph.ID) ([]*graph.CountryRecord, error) {
	panic("store corrupted at /secret/path")
}

func TestPanicsAreInternalErrors(t *testing.T) {
	eachStore(t, func(t *testing.T, newStore storeFactory) {
		st := newStore(t, fixtureDocs()...)
		srv := serve(t, st, func(c *gql.Config) { c.Reader = panickyReader{st} })
		a := srv.post(t, `{ country(code: "KZ") { code } agreements(country: "KZ") { kind } }`, nil)
		wantError(t, a, "INTERNAL", "internal error (ref ")
		if strings.Contains(a.Errors[0].Message, "secret") {
			t.Errorf("the error leaks the panic: %q", a.Errors[0].Message)
		}
		if !strings.Contains(string(a.Data), `"agreements":[{"kind":"ENHANCED_PARTNERSHIP_AND_COOPERATION"}]`) {
			t.Errorf("the rest of the query did not run: %s", a.Data)
		}
		if !strings.Contains(srv.log.String(), "store corrupted at /secret/path") {
			t.Errorf("the panic is not logged:\n%s", srv.log.String())
		}
	})
}
