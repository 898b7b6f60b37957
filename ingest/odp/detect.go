package odp

import (
	"bytes"

	"github.com/eurel/eurel/ingest/internal/input"
)

// Detect reports whether raw looks like an Open Data Portal answer: JSON whose first
// kilobytes hold a "data" (or "@graph") list and an ELI id ("eli/dl/…"). It is cheap and
// validates nothing: Parse may still refuse what Detect accepts (JSON cut short, a record
// without an id), but whatever Parse accepts, Detect recognises.
func Detect(raw []byte) bool {
	if len(raw) > MaxSize || !input.LooksJSON(raw) {
		return false
	}
	head := input.Head(input.TrimBOM(raw), 4<<10)
	return bytes.Contains(head, []byte(`"eli/dl/`)) && (bytes.Contains(head, []byte(`"data"`)) || bytes.Contains(head, []byte(`"@graph"`)))
}
