package procedure

import (
	"bytes"

	"github.com/eurel/eurel/ingest/internal/input"
)

// Detect reports whether raw looks like an OEIL procedure file: a web page whose title says
// "Procedure File:" or that uses the procedure-file template (its .oeil-spy-section
// sections) without the template of OEIL document summaries. It is cheap and validates
// nothing: Parse may still refuse what Detect accepts (a page cut short, a bad reference),
// but whatever Parse accepts, Detect recognises.
func Detect(raw []byte) bool {
	if len(raw) > MaxSize || !input.LooksHTML(raw) {
		return false
	}
	if bytes.Contains(bytes.ToLower(input.Head(raw, 16<<10)), []byte("<title>procedure file:")) {
		return true
	}
	return bytes.Contains(raw, []byte("oeil-spy-section")) && !bytes.Contains(raw, []byte("es_product-content"))
}
