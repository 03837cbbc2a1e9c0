package notes

import (
	"strings"
	"unicode"
)

// Text typed by people (a problem, a reaction, a kata answer) goes into a
// note through EscapeText, and comes back through UnescapeText, so that
//
//	UnescapeText(EscapeText(s)) == NormalizeText(s)
//
// for every s, and no typed text can change the note's structure, in the
// app's parsers or in any CommonMark/GFM renderer (GitHub, glamour): it
// cannot start a heading (ATX or setext), a code fence, an indented code
// block, an HTML block, a block quote, a list or task item, a table, a
// thematic break or a `---` fence, cannot end the paragraph it is in (so
// cannot end a section), and cannot start a line the parsers key on, such
// as "**What happened.**". The text stays readable in the file: only what
// would be markup changes.
//
// The rules, applied line by line after NormalizeText ("blank" is any
// Unicode space, as the app's parsers trim them):
//   - a line whose first non-blank character is one of  # > - + * = _ ~ ` | : [ \
//     gets a backslash before that character ("\# not a heading");
//   - a line starting with a number then "." or ")" gets one more backslash
//     before the "." or ")" ("1\. not a list");
//   - a blank line becomes its blanks then "\" (a hard line break), so the
//     text stays one paragraph;
//   - everywhere, "<" becomes "&lt;" (no raw HTML), and an "&" that would
//     start an entity ("&amp;", "&#35;") becomes "&amp;".
//
// UnescapeText undoes exactly these rules. Notes written before these
// rules ("\# heading") read back the same.

// lineStart holds the characters escaped at the start of a line.
const lineStart = "#>-+*=_~`|:[\\"

// NormalizeText is what EscapeText keeps of typed text: line endings
// (CRLF, CR) become LF, NUL bytes are dropped (a note holding one would be
// read as binary) and the surrounding blank space is trimmed.
func NormalizeText(s string) string {
	if strings.ContainsAny(s, "\r\x00") {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
		s = strings.ReplaceAll(s, "\x00", "")
	}
	return strings.TrimSpace(s)
}

// EscapeText turns typed text into markdown that reads back as the same
// text and cannot change the note's structure (see the rules above). The
// result has no blank line; it is "" for blank text.
func EscapeText(s string) string {
	s = NormalizeText(s)
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		escapeLine(&b, line)
	}
	return b.String()
}

func escapeLine(b *strings.Builder, line string) {
	rest := strings.TrimLeftFunc(line, unicode.IsSpace)
	b.WriteString(line[:len(line)-len(rest)])
	switch {
	case rest == "":
		b.WriteByte('\\')
		return
	case strings.IndexByte(lineStart, rest[0]) >= 0:
		b.WriteByte('\\')
	default:
		if n := orderedMarker(rest); n > 0 {
			b.WriteString(rest[:n])
			b.WriteByte('\\')
			rest = rest[n:]
		}
	}
	escapeInline(b, rest)
}

// orderedMarker returns the length of the digits of a line starting like
// an ordered list item ("12." or "3)", after any backslashes a previous
// escape added: "12\\."), or 0.
func orderedMarker(s string) int {
	n := 0
	for n < len(s) && n < 10 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 {
		return 0
	}
	k := n
	for k < len(s) && s[k] == '\\' {
		k++
	}
	if k < len(s) && (s[k] == '.' || s[k] == ')') {
		return n
	}
	return 0
}

func escapeInline(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '<':
			b.WriteString("&lt;")
		case c == '&' && entityAt(s[i:]):
			b.WriteString("&amp;")
		default:
			b.WriteByte(c)
		}
	}
}

// entityAt reports whether s starts with something a markdown renderer
// could read as an entity: "&name;" or "&#123;" or "&#x1F;".
func entityAt(s string) bool {
	i := 1
	for i < len(s) && i < 40 {
		c := s[i]
		switch {
		case c == ';':
			return i > 1
		case c == '#' && i == 1, c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
			i++
		default:
			return false
		}
	}
	return false
}

// UnescapeText reads back text written by EscapeText.
func UnescapeText(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(UnescapeLine(line))
	}
	return b.String()
}

// UnescapeLine reads back one line written by EscapeText.
func UnescapeLine(line string) string {
	rest := strings.TrimLeftFunc(line, unicode.IsSpace)
	lead := line[:len(line)-len(rest)]
	switch {
	case rest == "\\":
		return lead
	case len(rest) > 1 && rest[0] == '\\' && strings.IndexByte(lineStart, rest[1]) >= 0:
		return lead + unescapeInline(rest[1:])
	}
	if n := orderedMarker(rest); n > 0 && rest[n] == '\\' {
		return lead + rest[:n] + unescapeInline(rest[n+1:])
	}
	return lead + unescapeInline(rest)
}

func unescapeInline(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], "&lt;"):
			b.WriteByte('<')
			i += 3
		case strings.HasPrefix(s[i:], "&amp;"):
			b.WriteByte('&')
			i += 4
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
