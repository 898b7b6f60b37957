package extract

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/internal/corpus"
)

// The helpers here build an Input from the corpus files the way the format parser does,
// without depending on it: title, header line and body paragraphs separated by blank
// lines, bullets written with their "- " marker (excluded from the Paragraph).

// inputBuilder writes a normalised text and records the spans of its parts.
type inputBuilder struct {
	b  strings.Builder
	n  int // code points written
	in Input
}

func (w *inputBuilder) write(s string) graph.Span {
	if w.n > 0 {
		w.b.WriteString("\n\n")
		w.n += 2
	}
	start := w.n
	w.b.WriteString(s)
	w.n += utf8.RuneCountInString(s)
	return graph.Span{Start: start, End: w.n}
}

func (w *inputBuilder) title(s string)  { w.in.Title = w.write(s) }
func (w *inputBuilder) header(s string) { w.write(s) }

func (w *inputBuilder) para(s string, bullet bool) {
	if !bullet {
		w.in.Paragraphs = append(w.in.Paragraphs, Paragraph{Span: w.write(s), Text: s})
		return
	}
	sp := w.write("- " + s)
	sp.Start += 2
	w.in.Paragraphs = append(w.in.Paragraphs, Paragraph{Span: sp, Text: s, Bullet: true})
}

func (w *inputBuilder) input(lang string, adopted graph.PartialDate) Input {
	w.in.Language, w.in.Adopted, w.in.Text = lang, adopted, w.b.String()
	return w.in
}

var headerLine = regexp.MustCompile(`^(\d{4}/\d{4}\([A-Z]+\)) - (\d{2})/(\d{2})/(\d{4}) - (.+)$`)

func dateOf(t testing.TB, dd, mm, yyyy string) graph.PartialDate {
	t.Helper()
	d, _ := strconv.Atoi(dd)
	m, _ := strconv.Atoi(mm)
	y, _ := strconv.Atoi(yyyy)
	return graph.Day(y, m, d)
}

// textInput reads a plain-text OEIL summary: "# title", the "REF - DD/MM/YYYY - event" line,
// then paragraphs separated by blank lines, each "- " line a bullet of its own.
func textInput(t testing.TB, path, lang string) Input {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var blocks [][]string
	var cur []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" {
			if cur != nil {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if cur != nil {
		blocks = append(blocks, cur)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(blocks) < 3 {
		t.Fatalf("%s: want a title, a header line and a body", path)
	}
	var w inputBuilder
	w.title(strings.TrimSpace(strings.TrimPrefix(strings.Join(blocks[0], " "), "#")))
	h := strings.Join(blocks[1], " ")
	m := headerLine.FindStringSubmatch(h)
	if m == nil {
		t.Fatalf("%s: header line %q", path, h)
	}
	w.header(h)
	for _, b := range blocks[2:] {
		var text []string
		flush := func() {
			if text != nil {
				w.para(strings.Join(text, " "), false)
				text = nil
			}
		}
		for _, l := range b {
			if rest, ok := strings.CutPrefix(l, "- "); ok {
				flush()
				w.para(strings.TrimSpace(rest), true)
				continue
			}
			text = append(text, l)
		}
		flush()
	}
	return w.input(lang, dateOf(t, m[2], m[3], m[4]))
}

// htmlInput reads an OEIL document-summary page: the title (es_product-name), the reference
// and date (es_product-subtitle), the event (the link under the content), and the <p>
// paragraphs of es_product-content with their line breaks joined. A paragraph that starts
// in lower case after a bullet not ending a clause continues it (the page splits "… and
// other" / "legal entities …").
func htmlInput(t testing.TB, path, lang string) Input {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	root, err := html.Parse(strings.NewReader(string(raw)))
	if err != nil {
		t.Fatal(err)
	}
	var title, ref, date, event string
	var paras []string
	var walk func(n *html.Node, inContent bool)
	walk = func(n *html.Node, inContent bool) {
		if n.Type == html.ElementNode {
			cls := attr(n, "class")
			switch {
			case n.Data == "span" && hasClass(cls, "es_product-name"):
				title = collapse(textOf(n))
			case n.Data == "div" && hasClass(cls, "es_product-subtitle"):
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && c.Data == "span" {
						if hasClass(attr(c, "class"), "date") {
							date = collapse(textOf(c))
						} else if ref == "" {
							ref = collapse(textOf(c))
						}
					}
				}
			case n.Data == "span" && hasClass(cls, "t-x") && event == "":
				event = collapse(textOf(n))
			case n.Data == "div" && hasClass(cls, "es_product-content"):
				inContent = true
			case n.Data == "p" && inContent:
				if p := collapse(textOf(n)); p != "" {
					paras = append(paras, p)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inContent)
		}
	}
	walk(root, false)
	var w inputBuilder
	w.title(title)
	dm := strings.Split(date, "/")
	if len(dm) != 3 {
		t.Fatalf("%s: date %q", path, date)
	}
	w.header(ref + " - " + date + " - " + event)
	type p struct {
		text   string
		bullet bool
	}
	var ps []p
	for _, s := range paras {
		if rest, ok := strings.CutPrefix(s, "- "); ok {
			ps = append(ps, p{strings.TrimSpace(rest), true})
			continue
		}
		if n := len(ps); n > 0 && ps[n-1].bullet && startsLowerString(s) && !strings.ContainsAny(ps[n-1].text[len(ps[n-1].text)-1:], ".;:") {
			ps[n-1].text += " " + s
			continue
		}
		ps = append(ps, p{s, false})
	}
	for _, x := range ps {
		w.para(x.text, x.bullet)
	}
	return w.input(lang, dateOf(t, dm[0], dm[1], dm[2]))
}

func startsLowerString(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(cls, c string) bool {
	for _, f := range strings.Fields(cls) {
		if f == c {
			return true
		}
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var f func(*html.Node)
	f = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	f(n)
	return b.String()
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// corpusInput builds the Input of a corpus summary by its file name.
func corpusInput(t testing.TB, name string) Input {
	t.Helper()
	dir := corpus.Dir(t)
	path := filepath.Join(dir, "oeil-summary", name)
	lang := "en"
	if strings.Contains(name, ".fr.") {
		lang = "fr"
	}
	if strings.HasSuffix(name, ".html") {
		return htmlInput(t, path, lang)
	}
	return textInput(t, path, lang)
}
