package doceo

import (
	"bytes"

	"github.com/eurel/eurel/ingest/internal/input"
)

// Detect reports whether raw looks like a European Parliament document page: a web page whose
// canonical address is on /doceo/document/, or that has the document-stages card
// (.doceo-ring) of those pages. It is cheap and validates nothing: Parse may still refuse
// what Detect accepts (a page cut short, a language eurel does not read), but whatever Parse
// accepts, Detect recognises.
func Detect(raw []byte) bool {
	if len(raw) > MaxSize || !input.LooksHTML(raw) {
		return false
	}
	head := input.Head(raw, 16<<10)
	if i := bytes.Index(head, []byte(`rel="canonical"`)); i >= 0 {
		j := bytes.LastIndexByte(head[:i], '<')
		end := bytes.IndexByte(head[i:], '>')
		if j >= 0 && end >= 0 && bytes.Contains(head[j:i+end], []byte("/doceo/document/")) {
			return true
		}
	}
	return bytes.Contains(raw, []byte("doceo-ring"))
}
