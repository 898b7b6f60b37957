package synth

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// writeHTML writes a summary as an OEIL document-summary web page, in the structure of the
// corpus's pages (1651118.en.html): the title in h1 .es_product-name, the reference and the
// date in .es_product-subtitle (with the placeholder datetime real pages carry), the body
// in .es_product-content as Word-made paragraphs wrapped at about 60 columns, apostrophes as
// &#146;, bullets as "- " paragraphs (or, in some pages, a list), and the event in the link
// of the .es_links-list after it; around it the page's chrome (see chrome.go).
func writeHTML(b *bytes.Buffer, s *summary, ch *chrome, asList bool) {
	id := strconv.Itoa(s.docID)
	ch.writeHead(b, id)
	span := `<span lang="EN-GB">`
	if s.Language == "fr" {
		span = `<span lang="FR">`
	}
	b.WriteString(`<div class="container">
    <div class="row">
        <div class="offset-0 col-12 offset-md-1 col-md-10">
            <div class="es_product">
                <div class="row">
                    <div class="col">
                        <div class="es_product-header mb-2">
                            <div>
                                <h1 class="es_product-title es_title-h1 mb-0">
                                    <span class="es_product-name" >`)
	writeEscaped(b, s.Title)
	b.WriteString(`</span>
                                </h1>
                            </div>
                            <div>
                                <div class="mb-2 mb-md-0">
                                    <div class="small es_product-subtitle">
                                        <span>`)
	b.WriteString(s.Reference)
	b.WriteString(`</span>
                                        <span class="date">
                                            <time datetime="2018-07-01T20:00:00">`)
	b.WriteString(headerDate(s.Adopted))
	b.WriteString(`</time>
                                        </span>
                                    </div>
                                </div>
                            </div>
                        </div>
                    </div>

                </div>

                <div class="row">
                    <div class="col">
                        <div class="mb-3">
                            <div class="es_product-body">
                                <div class="es_product-content mb-3">
                                    <div>
`)
	inList := false
	for _, p := range s.paras {
		switch {
		case p.bullet && asList:
			if !inList {
				b.WriteString("<ul>\n")
				inList = true
			}
			b.WriteString("<li>")
			b.WriteString(span)
			writeWrapped(b, p.text)
			b.WriteString("</span></li>\n")
			continue
		case inList:
			b.WriteString("</ul>\n")
			inList = false
		}
		text := p.text
		if p.bullet {
			text = "- " + text
		}
		if p.split > 0 {
			at := p.split + len("- ")
			writePara(b, span, text[:at])
			text = text[at+1:]
		}
		writePara(b, span, text)
	}
	if inList {
		b.WriteString("</ul>\n")
	}
	b.WriteString(`</div>
                                    <div class="es_links-list mt-1">
                                        <ul>
                                            <li>
                                                <a href="/oeil/`)
	b.WriteString(s.Language)
	b.WriteString(`/procedure-document-summary/pdf?id=`)
	b.WriteString(id)
	b.WriteString(`" target="_blank">
                                                    <svg aria-hidden="true" class="es_icon es_icon-pdf mr-1">
                                                        <use xlink:href="#es_icon-pdf"></use>
                                                    </svg>
                                                    <span class="t-x">`)
	writeEscaped(b, s.Event)
	b.WriteString(`</span>
                                                </a>
                                            </li>
                                        </ul>
                                    </div>
                                </div>
                            </div>
                        </div>
                    </div>
                </div>
            </div>
        </div>
    </div>
</div>
`)
	ch.writeFoot(b, id)
}

// writePara writes one Word-made paragraph.
func writePara(b *bytes.Buffer, span, text string) {
	b.WriteString(`<p class="MsoNormal" style="text-align:justify">`)
	b.WriteString(span)
	writeWrapped(b, text)
	b.WriteString("</span></p>\n")
}

// wrapAt is the column past which a page's paragraphs break lines, as the corpus's do.
const wrapAt = 60

// writeWrapped writes text escaped, breaking lines at the first space past wrapAt columns.
func writeWrapped(b *bytes.Buffer, text string) {
	col := 0
	for len(text) > 0 {
		end := strings.IndexByte(text, ' ')
		if end < 0 {
			end = len(text)
		}
		word := text[:end]
		n := utf8.RuneCountInString(word)
		if col > 0 {
			if col+1+n > wrapAt {
				b.WriteByte('\n')
				col = 0
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		writeEscaped(b, word)
		col += n
		if end == len(text) {
			break
		}
		text = text[end+1:]
	}
}

// writeEscaped writes text with the characters markup needs escaped, and the typographic
// apostrophe as the Windows-1252 reference &#146; that OEIL's pages use (HTML5 reads it as
// U+2019).
func writeEscaped(b *bytes.Buffer, s string) {
	for {
		i := strings.IndexAny(s, "&<>’")
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		switch s[i] {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteString("&#146;")
			s = s[i+len("’"):]
			continue
		}
		s = s[i+1:]
	}
}
