// Package gql serves eurel's knowledge graph over GraphQL: the schema (schema.graphqls, the
// contract the frontend is written against), thin resolvers over graph.Reader and graph.Writer,
// and an HTTP handler with the limits a public endpoint needs (body size, time, query cost).
//
// gql imports graph and nothing else of eurel. It never parses a text: the ingest mutation
// hands the text to Config.Parse, which cmd injects.
//
// Reads go through per-request dataloaders (one per kind of record), so a query over a list of
// a hundred resolutions and their countries costs a handful of Reader calls, not hundreds.
package gql

//go:generate go tool gqlgen generate --config gqlgen.yml
