package notes

import (
	"strings"
	"unicode/utf8"
)

// Sanitize removes terminal control sequences and control characters from
// text that comes from a note, so that a note cannot change the terminal's
// title, clear the screen or hide text: ESC sequences (CSI, OSC, DCS and
// the rest), C1 controls, C0 controls other than tab and newline, and the
// invisible bidi overrides and isolates (U+202A-202E, U+2066-2069), which
// make a terminal show text in another order than it is stored.
// Invalid UTF-8 becomes U+FFFD.
func Sanitize(s string) string {
	if isClean(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == 0x1b: // ESC
			i = skipEscape(rs, i)
		case r == 0x9b: // C1 CSI
			i = skipCSI(rs, i+1)
		case r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f: // C1 OSC, DCS, SOS, PM, APC
			i = skipString(rs, i+1)
		case r == '\t' || r == '\n':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || isBidiControl(r):
			// drop other controls, CR included
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isBidiControl reports the bidi embeddings, overrides and isolates.
func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f || c >= 0x80 {
			if c >= 0x80 {
				r, size := utf8.DecodeRuneInString(s[i:])
				if r == utf8.RuneError || (r >= 0x80 && r <= 0x9f) || isBidiControl(r) {
					return false
				}
				i += size - 1
				continue
			}
			return false
		}
	}
	return true
}

// skipEscape returns the index of the last rune of the escape sequence
// starting at rs[i] == ESC.
func skipEscape(rs []rune, i int) int {
	if i+1 >= len(rs) {
		return i
	}
	switch rs[i+1] {
	case '[':
		return skipCSI(rs, i+2)
	case ']', 'P', 'X', '^', '_':
		return skipString(rs, i+2)
	default:
		// two-character sequence, or intermediates then a final byte
		j := i + 1
		for j < len(rs) && rs[j] >= 0x20 && rs[j] <= 0x2f {
			j++
		}
		return min(j, len(rs)-1)
	}
}

// skipCSI skips parameters and intermediates up to the final byte.
func skipCSI(rs []rune, j int) int {
	for j < len(rs) {
		if rs[j] >= 0x40 && rs[j] <= 0x7e {
			return j
		}
		if rs[j] < 0x20 || rs[j] > 0x7e {
			return j - 1 // malformed: stop before it, it is handled on its own
		}
		j++
	}
	return len(rs) - 1
}

// skipString skips an OSC/DCS-like string up to BEL or ST (ESC \ or 0x9c).
func skipString(rs []rune, j int) int {
	for j < len(rs) {
		switch {
		case rs[j] == 0x07 || rs[j] == 0x9c:
			return j
		case rs[j] == 0x1b && j+1 < len(rs) && rs[j+1] == '\\':
			return j + 1
		}
		j++
	}
	return len(rs) - 1
}
