package markdown

import (
	"strings"
	"sync"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestBodyDropsFrontMatter(t *testing.T) {
	for name, in := range map[string]string{
		"lf":   "---\ntitle: x\n---\n# Hello\n",
		"crlf": "---\r\ntitle: x\r\n---\r\n# Hello\r\n",
		"bom":  "\xef\xbb\xbf---\ntitle: x\n---\n# Hello\n",
	} {
		if got := Body(in); got != "# Hello\n" {
			t.Errorf("%s: %q", name, got)
		}
	}
	if got := Body("# No front matter\r\n"); got != "# No front matter\n" {
		t.Errorf("no front matter: %q", got)
	}
}

// One renderer serves several widths and backgrounds, from several
// goroutines, and each render is the one asked for.
func TestRendererWidthsAndConcurrency(t *testing.T) {
	var g Renderer
	md := strings.Repeat("word ", 40)
	var wg sync.WaitGroup
	for _, w := range []int{20, 40, 60} {
		for _, dark := range []bool{true, false} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				out, err := g.Render(md, w, dark)
				if err != nil {
					t.Error(err)
					return
				}
				for _, l := range strings.Split(out, "\n") {
					if n := ansi.StringWidth(l); n > w {
						t.Errorf("wrap %d: a line is %d wide", w, n)
					}
				}
			}()
		}
	}
	wg.Wait()
}
