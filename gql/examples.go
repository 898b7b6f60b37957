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
# Agreement, with the sentence each demand was read from? (Pages: on the whole Observatory
# an agreement is referred to by hundreds of resolutions.)
query Kazakhstan($government: ID!) {
  agreements(country: "KZ") {
    name
    kind
    signed
    inForce
    resolutionPage(first: 5) {
      totalCount
      nodes {
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
  }
  demands(country: "KZ", addressee: $government, first: 20) {
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
		Name: "Around Kazakhstan: the graph two edges away",
		Query: `# The nodes within two edges of Kazakhstan and the edges between them, each with where it
# was read: the shape a graph view draws.
query Around($id: ID!) {
  neighbourhood(id: $id, depth: 2, limit: 60) {
    truncated
    nodes {
      __typename
      id
      ... on Resolution { reference title }
      ... on Institution { name }
      ... on Agreement { name }
      ... on Demand { text }
    }
    # the first statements of each edge, and how many texts state it
    edges { from to type evidence(first: 3) { quote } evidenceCount }
  }
}`,
		Variables: map[string]any{"id": graph.CountryID("KZ")},
	},
	{
		Name: "An agreement's resolutions, a page at a time, with their demands",
		Query: `query Agreement($id: ID!) {
  agreement(id: $id) {
    name
    signed
    inForce
    parties { __typename ... on Country { code } ... on Institution { key } }
    resolutionPage(first: 20) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        reference
        adopted
        demands { text addressees { name } }
      }
    }
  }
}`,
		Variables: map[string]any{
			"id": graph.AgreementID(graph.AgreementKey(graph.AgreementEPCA, []graph.Party{{Institution: graph.CodeEU}, {Country: "KZ"}})),
		},
	},
	{
		Name: "Demands addressed to the government of Kazakhstan, a page at a time",
		Query: `# An institution's, topic's or agreement's demands run to thousands in the whole
# Observatory: demandPage gives them a page at a time, with their count and facets.
query Addressed($id: ID!) {
  node(id: $id) {
    ... on Institution {
      name
      demandPage(first: 10) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { text resolution { reference adopted } }
        facets { years { value count } }
      }
    }
  }
}`,
		Variables: map[string]any{"id": graph.InstitutionID("GOVERNMENT:KZ")},
	},
	{
		Name: "How is the EU–Kazakhstan EPCA connected to the government of Kazakhstan?",
		Query: `query Path($from: ID!, $to: ID!) {
  path(from: $from, to: $to, maxDepth: 4) {
    nodes { __typename id }
    edges { from type to }
  }
}`,
		Variables: map[string]any{
			"from": graph.AgreementID(graph.AgreementKey(graph.AgreementEPCA, []graph.Party{{Institution: graph.CodeEU}, {Country: "KZ"}})),
			"to":   graph.InstitutionID("GOVERNMENT:KZ"),
		},
	},
	{
		Name: "Search, in French or English: prisonniers politiques",
		Query: `{
  search(query: "prisonniers politiques", first: 10) {
    totalCount
    edges {
      score
      field
      snippet
      node { __typename id ... on Demand { resolution { reference } } }
    }
  }
}`,
	},
	{
		Name: "Resolutions since 2020 with counts per country, year, topic and addressee",
		Query: `{
  resolutions(adoptedFrom: "2020-01-01", first: 10) {
    totalCount
    nodes { reference title adopted }
    facets {
      countries { value count }
      years { value count }
      topics { value count node { ... on Topic { name } } }
      addresseeKinds { value count }
    }
  }
}`,
	},
	{
		Name: "A procedure: key events, documents, and which text says what",
		Query: `{
  procedure(reference: "2021/2540(RSP)") {
    reference
    type
    title
    keyEvents { date name documents { reference kind } }
    documents { reference kind label date replaces { reference } adoptedAs { reference } texts { key } }
    resolution {
      cites { reference title adopted }
      citedBy { reference }
      recipients { __typename ... on Institution { name } ... on Country { name } }
      conflicts { property lang value document { key } }
    }
    sources { key kind language }
  }
}`,
	},
	{
		Name: "What the graph holds",
		Query: `{
  stats { documents quads lastIngest nodes { kind count } edges { type count } }
}`,
	},
	{
		Name: "Every country, named in French",
		Query: `{
  countries { code name(lang: "fr") }
}`,
	},
}
