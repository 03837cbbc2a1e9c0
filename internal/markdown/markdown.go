// Package markdown renders markdown for a terminal with glamour: one
// renderer, set up once and shared by the CLI and every TUI screen, built
// again only when the width or the background changes.
package markdown

import (
	"sync"

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
// background. The text must already be sanitised: it is shown as it is.
func (g *Renderer) Render(md string, wrap int, dark bool) (string, error) {
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
