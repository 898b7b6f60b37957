package gql

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"net/http"
)

// explorerHTML is the explorer page: our own HTML, CSS and JavaScript, nothing fetched from
// elsewhere, so it works offline. Its examples are filled in from examples.go.
//
//go:embed explorer.html
var explorerHTML []byte

// explorerHandler serves the explorer page, built once.
func explorerHandler() http.Handler {
	ex, err := json.Marshal(examples) // escapes <, > and &: safe inside <script>
	if err != nil {
		panic("gql: explorer examples: " + err.Error())
	}
	page := bytes.Replace(explorerHTML, []byte(`"__EXAMPLES__"`), ex, 1)
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Cache-Control", "no-cache")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'")
		_, _ = w.Write(page)
	})
}
