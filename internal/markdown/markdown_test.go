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

// A note or a content file can spell a control character as an HTML
// character reference, which glamour decodes after the text was
// sanitised: the rendered output must still carry nothing but colours.
func TestRenderKeepsOnlyColours(t *testing.T) {
	var r Renderer
	md := "# Title\n\nBody &#27;]0;PWNED&#7; and &#27;]52;c;SGFja2Vk&#7; and &#x1b;[2J cleared, &#155;31m C1, &#127; del.\n\n" +
		"[link](file:///etc/passwd) and `code`\n"
	for _, dark := range []bool{true, false} {
		out, err := r.Render(md, 60, dark)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out, "\x1b]") || strings.Contains(out, "\x07") || strings.Contains(out, "\x1b[2J") ||
			strings.ContainsRune(out, 0x9b) || strings.ContainsRune(out, 0x7f) {
			t.Errorf("rendered output carries a control sequence: %q", out)
		}
		if !strings.Contains(out, "\x1b[") || !strings.Contains(out, "Body") || !strings.Contains(out, "cleared") || !strings.Contains(out, "Title") || strings.Contains(ansi.Strip(out), "[m") {
			t.Errorf("colours or text lost: %q", ansi.Strip(out))
		}
	}
}

func TestOnlyColours(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain\ttext\n", "plain\ttext\n"},
		{"\x1b[1;38;5;33mbold\x1b[0m", "\x1b[1;38;5;33mbold\x1b[0m"},
		{"a\x1b]0;title\x07b", "ab"},
		{"a\x1b]8;;file:///etc/passwd\x1b\\link\x1b]8;;\x1b\\b", "alinkb"},
		{"a\x1b[2Jb\x1b[10;1Hc", "abc"},
		{"a\x1bPq#0\x1b\\b", "ab"},
		{"a\u009b31mb\u009d0;x\u009cc", "abc"},
		{"a\rb\bc\x00d", "abcd"},
		{"cut \x1b]0;never ended", "cut "},
		{"wide 日本 😀", "wide 日本 😀"},
		{"a\x1b\x1b[1mb", "a\x1b[1mb"},
		{"a\x1bcb", "acb"},
	}
	for _, tt := range tests {
		if got := OnlyColours(tt.in); got != tt.want {
			t.Errorf("OnlyColours(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
