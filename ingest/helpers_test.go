package ingest

import (
	"encoding/json"
	"io"

	"github.com/eurel/eurel/graph"
)

// encodeDoc writes a Document as JSON, for comparisons in tests.
func encodeDoc(w io.Writer, d *graph.Document) error {
	return json.NewEncoder(w).Encode(d)
}
