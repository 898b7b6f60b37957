package input

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Walk visits root and its descendants in document order without recursion (malformed pages
// nest deeply): enter is called on the way down and says whether to visit the node's
// children; leave, when not nil, is called on the way up for every entered node.
func Walk(root *html.Node, enter func(*html.Node) bool, leave func(*html.Node)) {
	if root == nil {
		return
	}
	n := root
	for {
		if enter(n) && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		if leave != nil {
			leave(n)
		}
		for n != root && n.NextSibling == nil {
			n = n.Parent
			if leave != nil {
				leave(n)
			}
		}
		if n == root {
			return
		}
		n = n.NextSibling
	}
}

// Find returns the first element under root (root included) for which match is true, or nil.
func Find(root *html.Node, match func(*html.Node) bool) *html.Node {
	var found *html.Node
	Walk(root, func(c *html.Node) bool {
		if found == nil && c.Type == html.ElementNode && match(c) {
			found = c
		}
		return found == nil
	}, nil)
	return found
}

// FindAll returns the elements under root (root included) for which match is true, in
// document order, without looking inside the elements it returns.
func FindAll(root *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	Walk(root, func(c *html.Node) bool {
		if c.Type == html.ElementNode && match(c) {
			out = append(out, c)
			return false
		}
		return true
	}, nil)
	return out
}

// Attr returns the value of an attribute of n, "" when it has none.
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// HasClass reports whether element n has class c.
func HasClass(n *html.Node, c string) bool {
	for f := range strings.FieldsSeq(Attr(n, "class")) {
		if f == c {
			return true
		}
	}
	return false
}

// Is returns a matcher of elements of an atom, with a class when class is not "".
func Is(a atom.Atom, class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.DataAtom == a && (class == "" || HasClass(n, class)) }
}

// WithClass returns a matcher of elements with a class.
func WithClass(class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return HasClass(n, class) }
}

// Skipped reports whether an element holds no text of a page: scripts, styles, pictures,
// the head.
func Skipped(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return n.Type == html.CommentNode
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Svg, atom.Template, atom.Noscript, atom.Iframe, atom.Object, atom.Head, atom.Title:
		return true
	}
	return n.Namespace == "svg" || n.Namespace == "math"
}

// TextOf is the text of n and its descendants, white space collapsed (see Collapse), without
// what Skipped leaves out; a <br> counts as a space.
func TextOf(n *html.Node) string {
	var b strings.Builder
	Walk(n, func(c *html.Node) bool {
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
		case c.Type == html.ElementNode && c.DataAtom == atom.Br:
			b.WriteByte(' ')
		case c != n && Skipped(c):
			return false
		}
		return true
	}, nil)
	return Collapse(b.String())
}

// Lines is the text of n cut into lines at every <br> and at the start and end of every
// block element (p, div, li, tr, td, ...), each line collapsed; blank lines are dropped.
func Lines(n *html.Node) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if s := Collapse(b.String()); s != "" {
			out = append(out, s)
		}
		b.Reset()
	}
	Walk(n, func(c *html.Node) bool {
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
		case c.Type == html.ElementNode && c.DataAtom == atom.Br:
			flush()
		case c != n && Skipped(c):
			return false
		case c.Type == html.ElementNode && IsBlock(c):
			flush()
		}
		return true
	}, func(c *html.Node) {
		if c.Type == html.ElementNode && IsBlock(c) {
			flush()
		}
	})
	flush()
	return out
}

// blocks are the elements that start and end a line of text.
var blocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Caption: true, atom.Dd: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Header: true, atom.Hr: true, atom.Li: true, atom.Main: true,
	atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Table: true, atom.Tbody: true, atom.Td: true, atom.Tfoot: true, atom.Th: true,
	atom.Thead: true, atom.Tr: true, atom.Ul: true,
}

// IsBlock reports whether an element starts and ends a line of text.
func IsBlock(n *html.Node) bool { return blocks[n.DataAtom] }

// Page is how a parser of one kind of web page refuses what is not such a page before
// reading it: the reasons it gives and how it recognises its pages.
type Page struct {
	Max     int               // the parser's MaxSize
	Detect  func([]byte) bool // whether a page is of the parser's kind (called after Check)
	JSON    string            // the reason for JSON data
	NotHTML string            // the reason for other text that is not an HTML page
	Other   string            // the reason for an HTML page Detect does not recognise
}

// Parse checks raw (see Check), refuses with ErrWrongFormat what is not an HTML page of the
// parser's kind and with ErrIncomplete a page that stops before </html>, and parses the page.
func (p Page) Parse(raw []byte) (*html.Node, error) {
	b, err := Check(raw, p.Max)
	if err != nil {
		return nil, err
	}
	if !LooksHTML(b) {
		if LooksJSON(b) {
			return nil, Fail(ErrWrongFormat, p.JSON)
		}
		return nil, Fail(ErrWrongFormat, p.NotHTML)
	}
	if !p.Detect(b) {
		return nil, Fail(ErrWrongFormat, p.Other)
	}
	if !EndsHTML(b) {
		return nil, Fail(ErrIncomplete, "the page stops before </html>: it looks cut short")
	}
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil { // only read errors, and a bytes.Reader has none
		return nil, Fail(ErrIncomplete, "unreadable HTML: "+err.Error())
	}
	return root, nil
}
