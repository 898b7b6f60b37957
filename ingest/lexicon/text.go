package lexicon

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold maps one rune to the form names are compared in: lower case, without diacritics
// ("É" → "e", "ï" → "i"), with typographic apostrophes ("’", "ʼ", "‘", "`") turned into "'" and
// the no-break and thin spaces into " ". It maps every rune to exactly one rune, so a position
// in a folded text is the same position in the original text. Runes without a one-rune
// decomposition ("œ", "ß") are only lower-cased.
func Fold(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		if r == '`' {
			return '\''
		}
		return r
	}
	switch r {
	case '’', 'ʼ', '‘', '′', 'ʹ':
		return '\''
	case '\u00A0', '\u2007', '\u202F', '\u2009', '\u200A', '\u2002', '\u2003':
		return ' '
	}
	if r < foldTableLen {
		return foldTable[r]
	}
	return unicode.ToLower(r)
}

// FoldString folds every rune of s (see Fold).
func FoldString(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		out = append(out, Fold(r))
	}
	return string(out)
}

const foldTableLen = 0x2000

// foldTable holds Fold for the runes below foldTableLen (Latin, Greek, Cyrillic...): the
// first rune of the canonical decomposition of the lower-cased rune.
var foldTable = func() []rune {
	t := make([]rune, foldTableLen)
	for r := rune(0); r < foldTableLen; r++ {
		l := unicode.ToLower(r)
		t[r] = l
		if d := norm.NFD.String(string(l)); d != "" {
			if first, _ := utf8.DecodeRuneInString(d); first != utf8.RuneError && utf8.RuneLen(first) > 0 {
				t[r] = first
			}
		}
	}
	return t
}()

// Token is a word or a punctuation mark of a text. Start and End are code-point positions in
// the text ([Start, End)); Text is the token as written and Fold its folded form.
type Token struct {
	Start, End int
	Text       string
	Fold       string
}

// IsWord reports whether the token is a word (letters or digits) rather than punctuation.
func (t Token) IsWord() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return isWordRune(r)
}

// Upper reports whether the token starts with an upper-case letter.
func (t Token) Upper() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// IsDash reports whether r is a hyphen or dash. Tokenize drops dashes, so that "libre-échange"
// and "libre échange", "EU–Kazakhstan" and "EU Kazakhstan" give the same tokens.
func IsDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '―', '−':
		return true
	}
	return false
}

// Tokenize splits rs[lo:hi] into tokens whose positions are indexes into rs: words are
// maximal runs of letters, digits and combining marks; every other rune that is neither
// white space nor a dash is a token of its own. It never returns an empty token.
func Tokenize(rs []rune, lo, hi int) []Token {
	lo = max(lo, 0)
	hi = min(hi, len(rs))
	toks := make([]Token, 0, max(0, hi-lo)/5)
	for i := lo; i < hi; {
		r := rs[i]
		switch {
		case unicode.IsSpace(r) || IsDash(r) || r == '\u00AD' || unicode.Is(unicode.Cf, r):
			i++
		case isWordRune(r):
			j := i + 1
			for j < hi && isWordRune(rs[j]) {
				j++
			}
			toks = append(toks, makeToken(rs, i, j))
			i = j
		default:
			toks = append(toks, makeToken(rs, i, i+1))
			i++
		}
	}
	return toks
}

func makeToken(rs []rune, i, j int) Token {
	text := string(rs[i:j])
	same := true
	for k := i; k < j && same; k++ {
		same = Fold(rs[k]) == rs[k]
	}
	if same {
		return Token{Start: i, End: j, Text: text, Fold: text}
	}
	f := make([]rune, j-i)
	for k := i; k < j; k++ {
		f[k-i] = Fold(rs[k])
	}
	return Token{Start: i, End: j, Text: text, Fold: string(f)}
}

// TokenizeString tokenizes a whole string; positions are code points of s.
func TokenizeString(s string) []Token {
	rs := []rune(s)
	return Tokenize(rs, 0, len(rs))
}
