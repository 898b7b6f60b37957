// Package input holds what the parsers of ingest/procedure, ingest/doceo and ingest/odp
// share: the refusal type and its kinds, the checks every raw input passes first (size,
// emptiness, binary data, UTF-8), HTML walking, white-space collapsing, the layout of a
// normalised text with code-point spans, and the European Parliament's reference and date
// notations.
//
// It is internal to ingest: the parsers re-export Error and the kinds they use, so that their
// callers never import this package.
package input
