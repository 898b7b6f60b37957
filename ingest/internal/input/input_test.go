package input

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/eurel/eurel/graph"
)

func TestCheckRefusesWhatIsNotText(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		kind error
	}{
		{"nothing is empty", "", ErrEmpty},
		{"blanks are empty", " \n\u00a0\t", ErrEmpty},
		{"a NUL byte is binary", "a\x00b", ErrBinary},
		{"a control character is binary", "a\x07b", ErrBinary},
		{"Latin-1 is binary", "R\xe9solution", ErrBinary},
		{"UTF-16 is binary", "\xff\xfea\x00", ErrBinary},
		{"a C1 control character is binary", "a\u0085b", ErrBinary},
		{"a text cut inside a character is incomplete", "Ré \xc3", ErrIncomplete},
		{"more than the limit is too large", strings.Repeat("a", 11), ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Check([]byte(tt.raw), 10)
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, tt.kind) || !errors.Is(err, graph.ErrBadInput) || e.Reason == "" {
				t.Errorf("error %v, want an *Error of kind %v wrapping graph.ErrBadInput", err, tt.kind)
			}
		})
	}
	if _, line, r := CheckLine([]byte("a\r\nb\n\x00"), 10); r.Kind != ErrBinary || line != 3 {
		t.Errorf("CheckLine: line %d, kind %v; want line 3, binary", line, r.Kind)
	}
	if b, line, r := CheckLine([]byte("a\nb"), 10); r.Kind != nil || line != 0 || string(b) != "a\nb" {
		t.Errorf("CheckLine accepts a text: %q, %d, %v", b, line, r)
	}
	if b, err := Check([]byte("\xEF\xBB\xBF<p>"), 10); err != nil || string(b) != "<p>" {
		t.Errorf("a byte-order mark is dropped: %q, %v", b, err)
	}
}

func TestNotations(t *testing.T) {
	for in, want := range map[string]string{
		"(2021/2540(RSP))": "2021/2540(RSP)", "2021 / 12 ( rsp )": "2021/0012(RSP)", "1949/0001(RSP)": "",
		"2021/0000(RSP)": "", "see 2018/0003(NLE) and 2020/0260(NLE)": "2018/0003(NLE)",
	} {
		if got := Procedure(in); got != want {
			t.Errorf("Procedure(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"11/02/2021": "2021-02-11", "7.5.2025": "2025-05-07", "2025-05-08T11:08:05+02:00": "2025-05-08", "31/02/2021": "", "May 2021": "",
	} {
		d, err := Date(in)
		if d.String() != want || (err == nil) != (want != "") {
			t.Errorf("Date(%q) = %v, %v; want %q", in, d, err, want)
		}
	}
	if got := Dashes("B10\u20110249/2025"); got != "B10-0249/2025" {
		t.Errorf("Dashes: %q", got)
	}
	if got := Collapse(" a\u00a0\n b\u00adc\t"); got != "a bc" {
		t.Errorf("Collapse: %q", got)
	}
}

func TestLinesCutAtBreaksAndBlocks(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<div>one<br>two <b>bold</b><p>three</p><script>no</script> four</div>`))
	if err != nil {
		t.Fatal(err)
	}
	if got := Lines(Find(doc, func(n *html.Node) bool { return n.Data == "div" })); !slices.Equal(got, []string{"one", "two bold", "three", "four"}) {
		t.Errorf("Lines = %q", got)
	}
	if !EndsHTML([]byte("<html></HTML>\n")) || EndsHTML([]byte("<html><p>")) {
		t.Error("EndsHTML")
	}
}

func TestBuilderSpansAreCodePoints(t *testing.T) {
	var w Builder
	w.Para("Résolution")
	s := w.Para("État de droit")
	if q, _ := graph.Quote(w.String(), s); q != "État de droit" || w.Len() != 25 {
		t.Errorf("span %v quotes %q, length %d", s, q, w.Len())
	}
	if sub, ok := Sub(w.String(), s, "droit"); !ok || sub.Start != s.Start+8 {
		t.Errorf("Sub = %v %v", sub, ok)
	}
}

func TestPageRefusesWhatIsNotItsKindOfPage(t *testing.T) {
	p := Page{Max: 100, Detect: func(b []byte) bool { return strings.Contains(string(b), "mine") }, JSON: "json", NotHTML: "text", Other: "other"}
	for raw, want := range map[string]string{
		`{"a": 1}`:                 "json",
		"plain":                    "text",
		"<html>yours</html>":       "other",
		"<html>mine":               "the page stops before </html>: it looks cut short",
		strings.Repeat("<p>", 100): "text of 300 bytes exceeds the 0 MiB limit",
	} {
		if _, err := p.Parse([]byte(raw)); err == nil || err.Error() != want {
			t.Errorf("Parse(%.20q): %v, want %q", raw, err, want)
		}
	}
	if root, err := p.Parse([]byte("<html><p>mine</p></html>")); err != nil || Find(root, Is(atom.P, "")) == nil {
		t.Errorf("Parse of a page of the kind: %v", err)
	}
}
