// Package markdown renders markdown for a terminal with glamour: one
// renderer, set up once and shared by the CLI and every TUI screen, built
// again only when the width or the background changes.
package markdown

import (
	"strings"
	"sync"
	"unicode/utf8"

	"charm.land/glamour/v2"

	"github.com/retrokata/retrokata/internal/frontmatter"
)

// Renderer renders markdown with glamour's standard dark or light style.
// It is safe for concurrent use: TUI commands render in goroutines.
type Renderer struct {
	mu    sync.Mutex
	r     *glamour.TermRenderer
	wrap  int
	dark  bool
	ready bool
}

// Render renders md word-wrapped at wrap cells, for a dark or light
// background. Its output holds no control character and no escape
// sequence but glamour's own colours (SGR): markdown can spell a control
// character as an HTML character reference (&#27;), which the renderer
// decodes, so sanitising the text before rendering is not enough.
func (g *Renderer) Render(md string, wrap int, dark bool) (string, error) {
	out, err := g.render(md, wrap, dark)
	if err != nil {
		return "", err
	}
	return OnlyColours(out), nil
}

func (g *Renderer) render(md string, wrap int, dark bool) (string, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.ready || g.wrap != wrap || g.dark != dark {
		style := "light"
		if dark {
			style = "dark"
		}
		r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(wrap))
		if err != nil {
			return "", err
		}
		g.r, g.wrap, g.dark, g.ready = r, wrap, dark, true
	}
	return g.r.Render(md)
}

// Body is a note's text without its front matter, with CRLF line endings
// and a byte order mark normalised; text with no front matter is returned
// whole.
func Body(text string) string {
	doc, err := frontmatter.Split([]byte(text))
	if err != nil {
		return string(frontmatter.Normalize([]byte(text)))
	}
	return string(doc.Body)
}

// OnlyColours removes from s every control character but newline and tab,
// and every escape sequence but SGR (ESC [ params m), which only sets
// colours and text attributes. OSC (window title, clipboard, hyperlinks),
// DCS, cursor movement and the C1 controls are dropped whole.
func OnlyColours(s string) string {
	if isColoursOnly(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b:
			n, keep := escapeLen(s[i:])
			if keep {
				b.WriteString(s[i : i+n])
			}
			i += n
			continue
		case r == 0x9b || r == 0x9d || r == 0x90 || r == 0x9e || r == 0x9f || r == 0x98:
			// C1 introducers of CSI, OSC, DCS, PM, APC, SOS: drop up to the end
			i += size + stringLen(s[i+size:], r == 0x9b)
			continue
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			i += size
			continue
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String()
}

// isColoursOnly reports whether s needs no change (the common case).
func isColoursOnly(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b:
			n, keep := escapeLen(s[i:])
			if !keep {
				return false
			}
			i += n
			continue
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return false
		}
		i += size
	}
	return true
}

// escapeLen measures the escape sequence at the start of s (which starts
// with ESC) and says whether it is an SGR sequence to keep.
func escapeLen(s string) (n int, sgr bool) {
	if len(s) < 2 {
		return len(s), false
	}
	switch s[1] {
	case '[': // CSI: parameters and intermediates, then a final byte
		j := 2
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x3f {
			j++
		}
		if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7e {
			return j + 1, s[j] == 'm' && isSGRParams(s[2:j])
		}
		return j, false
	case ']', 'P', 'X', '^', '_': // OSC, DCS, SOS, PM, APC: up to BEL or ST
		return 2 + stringLen(s[2:], false), false
	}
	// any other ESC: drop the ESC alone, the rest is printable text (or
	// the start of the renderer's own next sequence)
	return 1, false
}

// stringLen is the length of a control string's body up to and including
// its terminator (BEL, ESC \\ or ST); for a C1 CSI, up to its final byte.
func stringLen(s string, csi bool) int {
	for j := 0; j < len(s); j++ {
		c := s[j]
		if csi {
			if c >= 0x40 && c <= 0x7e {
				return j + 1
			}
			continue
		}
		switch {
		case c == 0x07:
			return j + 1
		case c == 0x1b && j+1 < len(s) && s[j+1] == '\\':
			return j + 2
		case c == 0xc2 && j+1 < len(s) && s[j+1] == 0x9c: // ST in UTF-8
			return j + 2
		}
	}
	return len(s)
}

func isSGRParams(p string) bool {
	for i := 0; i < len(p); i++ {
		if (p[i] < '0' || p[i] > '9') && p[i] != ';' && p[i] != ':' {
			return false
		}
	}
	return true
}
