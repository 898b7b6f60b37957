package gql

import "github.com/eurel/eurel/graph"

// example is a query the explorer offers in its dropdown. The tests run every one of them.
type example struct {
	Name      string         `json:"name"`
	Query     string         `json:"query"`
	Variables map[string]any `json:"variables,omitempty"`
}

// examples are the explorer's ready-made queries, the first shown on load.
var examples = []example{
	{
		Name: "Kazakhstan: what Parliament asked of its government, with the sentences",
		Query: `# Which demands did the European Parliament address to the government of Kazakhstan
# in the resolution that refers to the EU–Kazakhstan Enhanced Partnership and Cooperation
# Agreement, with the sentence each demand was read from?
query Kazakhstan($government: ID!) {
  agreements(country: "KZ") {
    name
    kind
    signed
    inForce
    resolutions {
      reference
      title
      adopted
      demands {
        text
        addressees { name }
        evidence { quote start end document { id } }
      }
    }
  }
  demands(country: "KZ", addressee: $government) {
    totalCount
    nodes {
      text
      resolution { reference }
      evidence { quote }
    }
  }
}`,
		Variables: map[string]any{"government": graph.InstitutionID("GOVERNMENT:KZ")},
	},
	{
		Name: "Latest resolutions, a page at a time",
		Query: `# Pass pageInfo.endCursor as $after to get the next page.
query Latest($after: String) {
  resolutions(first: 10, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        reference
        title
        adopted
        concerns { code name }
      }
    }
  }
}`,
	},
	{
		Name: "A country page: Kazakhstan",
		Query: `{
  country(code: "KZ") {
    code
    name
    names { lang text }
    agreements { name kind signed inForce }
    institutions { key name kind }
    resolutions(first: 5) {
      totalCount
      nodes {
        reference
        title
        adopted
        stage
        vote { for against abstentions }
        tabledBy { code name }
      }
    }
  }
}`,
	},
	{
		Name: "A resolution with its evidence",
		Query: `{
  resolution(reference: "2021/2544(RSP)") {
    id
    reference
    title
    titles { lang text }
    adopted
    concerns { code name }
    mentions { code name }
    agreements {
      name
      parties {
        __typename
        ... on Country { code name }
        ... on Institution { key name }
      }
    }
    demands {
      position
      text
      addressees { key name }
      topics { name }
      evidence { quote }
    }
    stances { kind text }
    sources { id kind language name ingestedAt }
  }
}`,
	},
	{
		Name: "Any node by ID",
		Query: `query Node($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Institution { key name kind code country { code name } }
  }
}`,
		Variables: map[string]any{"id": graph.InstitutionID("GOVERNMENT:KZ")},
	},
	{
		Name: "Every country, named in French",
		Query: `{
  countries { code name(lang: "fr") }
}`,
	},
}
