package oeil

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/eurel/eurel/ingest/internal/input"
)

// parseHTML reads the OEIL document-summary web page: the title in h1 .es_product-name, the
// reference and date in .es_product-subtitle (the text of its <time>: the datetime attribute
// of real pages holds a placeholder date), the body in .es_product-content, and the event
// name in the link of the .es_links-list that follows the body. Character references are
// decoded as HTML5 requires (&#146; is U+2019). Paragraphs are the page's block elements
// (<p>, <li>, ...); two <br> in a row also end one.
func parseHTML(b []byte) (*draft, error) {
	if !isSummaryPage(b) {
		return nil, fail(ErrNotSummary, 0, "an HTML page, but not an OEIL document summary: it has no .es_product-content")
	}
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil { // only read errors, and a bytes.Reader has none
		return nil, fail(ErrIncomplete, 0, "unreadable HTML: "+err.Error())
	}
	p := findParts(doc)
	hint := truncationHint(b)
	if p.title == nil {
		return nil, fail(ErrIncomplete, 0, "the page has no title (h1 .es_product-name)"+hint)
	}
	title := collapse(textOf(p.title))
	if title == "" {
		return nil, fail(ErrIncomplete, 0, "the page's title (h1 .es_product-name) is empty"+hint)
	}
	if p.subtitle == nil {
		return nil, fail(ErrNoReference, 0, "the page has no procedure reference: it has no .es_product-subtitle"+hint)
	}
	sub := collapse(textOf(p.subtitle))
	ref := refRe.FindStringSubmatch(sub)
	if ref == nil {
		return nil, fail(ErrNoReference, 0, "no procedure reference in the page's subtitle (.es_product-subtitle): "+excerpt(sub))
	}
	if reason := badRef(ref[1], ref[2], ref[3]); reason != "" {
		return nil, fail(ErrNoReference, 0, reason)
	}
	dateText := sub
	if t := input.Find(p.subtitle, func(n *html.Node) bool { return n.DataAtom == atom.Time }); t != nil {
		dateText = collapse(textOf(t))
	}
	dm := dateRe.FindStringSubmatch(dateText)
	if dm == nil {
		return nil, fail(ErrBadDate, 0, "no dd/mm/yyyy date in the page's subtitle (.es_product-subtitle): "+excerpt(sub))
	}
	date, err := input.Date(dm[0])
	if err != nil {
		return nil, fail(ErrBadDate, 0, err.Error())
	}
	if p.content == nil {
		return nil, fail(ErrIncomplete, 0, "the page has no summary content (.es_product-content)"+hint)
	}
	paras := htmlParagraphs(p.content)
	if len(paras) == 0 {
		return nil, fail(ErrNoBody, 0, "the page's summary content (.es_product-content) is empty"+hint)
	}
	if p.links == nil {
		return nil, fail(ErrIncomplete, 0, "the page has no event link (.es_links-list) after its summary"+hint)
	}
	link := input.Find(p.links, func(n *html.Node) bool { return n.DataAtom == atom.A })
	if link == nil {
		link = p.links
	}
	event := collapse(textOf(link))
	if event == "" {
		return nil, fail(ErrIncomplete, 0, "the page's event link (.es_links-list) is empty"+hint)
	}
	return &draft{
		format:    FormatHTML,
		title:     title,
		reference: normalRef(ref[1], ref[2], ref[3]),
		date:      date,
		event:     event,
		paras:     paras,
	}, nil
}

// parts are the elements of the page that hold the summary; nil when absent.
type parts struct {
	title    *html.Node // .es_product-name, inside an h1 if any is
	subtitle *html.Node // .es_product-subtitle
	content  *html.Node // .es_product-content
	links    *html.Node // the first .es_links-list inside or after the content
}

// findParts locates the parts of the page in one pass.
func findParts(doc *html.Node) parts {
	var p parts
	var anyTitle *html.Node
	h1 := 0
	input.Walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		if n.DataAtom == atom.H1 {
			h1++
		}
		switch {
		case input.HasClass(n, "es_product-name"):
			if anyTitle == nil {
				anyTitle = n
			}
			if p.title == nil && h1 > 0 {
				p.title = n
			}
		case p.subtitle == nil && input.HasClass(n, "es_product-subtitle"):
			p.subtitle = n
		case p.content == nil && input.HasClass(n, "es_product-content"):
			p.content = n
		case p.links == nil && p.content != nil && input.HasClass(n, "es_links-list"):
			p.links = n
		}
		return true
	}, func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.H1 {
			h1--
		}
	})
	if p.title == nil {
		p.title = anyTitle
	}
	return p
}

// htmlParagraphs collects the paragraphs of the summary content, white space collapsed,
// leaving out the event links and what is not text (scripts, styles, pictures).
func htmlParagraphs(content *html.Node) []para {
	var (
		paras      []para
		buf        strings.Builder
		li         int  // depth of <li> elements around the text
		brPending  bool // the last thing seen was a <br>
		started    bool // the paragraph being read has text that is not white space
		paraBullet bool // its text started inside a <li>
	)
	flush := func() {
		text := collapse(buf.String())
		buf.Reset()
		brPending, started = false, false
		if text == "" {
			return
		}
		m, rest := splitBullet(text)
		if m == "" && paraBullet {
			m = "-"
		}
		paras = append(paras, para{marker: m, text: rest})
	}
	input.Walk(content, func(n *html.Node) bool {
		switch n.Type {
		case html.TextNode:
			if !isBlank(n.Data) {
				if !started {
					started, paraBullet = true, li > 0
				}
				brPending = false
			}
			buf.WriteString(n.Data)
			return false
		case html.ElementNode:
			if input.Skipped(n) || input.HasClass(n, "es_links-list") {
				return false
			}
			switch {
			case n.DataAtom == atom.Br:
				if brPending {
					flush()
				} else {
					buf.WriteByte(' ')
					brPending = true
				}
			case input.IsBlock(n):
				flush()
				if n.DataAtom == atom.Li {
					li++
				}
			}
			return true
		}
		return n.Type == html.DocumentNode
	}, func(n *html.Node) {
		if n.Type == html.ElementNode && input.IsBlock(n) && !input.Skipped(n) && !input.HasClass(n, "es_links-list") {
			flush()
			if n.DataAtom == atom.Li {
				li--
			}
		}
	})
	flush()
	return paras
}

// textOf is the text of n and its descendants, as written (white space not collapsed),
// without scripts, styles and pictures; a <br> counts as a space.
func textOf(n *html.Node) string {
	var b strings.Builder
	input.Walk(n, func(c *html.Node) bool {
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
		case c.Type == html.ElementNode && c.DataAtom == atom.Br:
			b.WriteByte(' ')
		case c.Type == html.ElementNode && input.Skipped(c):
			return false
		}
		return true
	}, nil)
	return b.String()
}

// truncationHint adds to an error about a missing part of the page that the page seems cut
// short, when it does not end with </html>.
func truncationHint(b []byte) string {
	tail := b[max(0, len(b)-4096):]
	if bytes.Contains(bytes.ToLower(tail), []byte("</html")) {
		return ""
	}
	return "; the page stops before </html>: it looks cut short"
}
