package notes

import (
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

func TestEscapeTextExamples(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"plain text", "plain text"},
		{"```", "\\```"},
		{"a\n~~~go\nb", "a\n\\~~~go\nb"},
		{"a\n## Actions\n- [ ] x", "a\n\\## Actions\n\\- [ ] x"},
		{"title\n===", "title\n\\==="},
		{"a\n---", "a\n\\---"},
		{"a\n  > quote", "a\n  \\> quote"},
		{"a\n1. one\n2) two", "a\n1\\. one\n2\\) two"},
		{"a\n1\\. typed", "a\n1\\\\. typed"},
		{"a\n\nb", "a\n\\\nb"},
		{"a\n\\\nb", "a\n\\\\\nb"},
		{"a <script>x</script> & &amp;", "a &lt;script>x&lt;/script> & &amp;amp;"},
		{"a\n**Our reaction.** b", "a\n\\**Our reaction.** b"},
		{"a\n| x |\n|---|", "a\n\\| x |\n\\|---|"},
		{"  \r\nx\ry\x00\n\n", "x\ny"},
		{"   ", ""},
	} {
		got := EscapeText(tt.in)
		if got != tt.want {
			t.Errorf("EscapeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if back := UnescapeText(got); back != NormalizeText(tt.in) {
			t.Errorf("UnescapeText(%q) = %q, want %q", got, back, NormalizeText(tt.in))
		}
	}
	// notes written before these rules read back the same
	if got := UnescapeText("\\# heading"); got != "# heading" {
		t.Errorf("old escape reads back as %q", got)
	}
}

var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList))

// blockKinds parses markdown as GitHub would and returns the kinds of the
// top-level blocks and whether raw HTML appears anywhere.
func blockKinds(src []byte) (kinds []string, html bool) {
	doc := gfm.Parser().Parse(text.NewReader(src))
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		k := n.Kind().String()
		if h, ok := n.(*ast.Heading); ok {
			k += string(rune('0' + h.Level))
		}
		kinds = append(kinds, k)
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && (n.Kind() == ast.KindRawHTML || n.Kind() == ast.KindHTMLBlock) {
			html = true
		}
		return ast.WalkContinue, nil
	})
	return kinds, html
}

// Typed text rendered after a label and at the start of a section: it
// reads back exactly, and the note keeps its structure for GitHub's
// parser (no heading, fence, list, table, HTML, quote or break comes from
// the text, the section after it is still a section) and for the app's
// (the action after it is still the one action).
func FuzzEscapeText(f *testing.F) {
	for _, s := range []string{"```\n## Actions", "~~~", "a\n---\nb", "x\n===", "<div>\n\n# h", "    code", "a\n\n    code",
		"- [ ] task", "1. one", "> q", "| a |\n|---|", "[x]: http://e", "**What happened.** x", "&amp; &#35; <!--", "a\r# b", "\u00a0```", "\\", "a\n \n\tb", "<", "a\n-\nb", "* * *", "+ x", "[^1]: n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		esc := EscapeText(s)
		if back := UnescapeText(esc); back != NormalizeText(s) {
			t.Fatalf("round trip of %q: escaped %q, back %q", s, esc, back)
		}
		if esc == "" {
			return
		}
		if strings.Contains(esc, "\n\n") {
			t.Fatalf("escaped text %q has a blank line", esc)
		}
		want := "Heading1 Heading2 Paragraph Paragraph Heading2 List"
		body := "# T\n\n## Problems\n\n**What happened.** " + esc + "\n\n" + esc + "\n\n## Actions\n- [ ] a\n"
		kinds, html := blockKinds([]byte(body))
		if got := strings.Join(kinds, " "); got != want || html {
			t.Fatalf("typed %q changed the structure: %s (html %v)\n%s", s, got, html, body)
		}
		n, err := Parse(Render(Note{Meta: Meta{Type: TypeRetro, Title: "T", Date: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}, Body: body}))
		if err != nil || len(n.Actions) != 1 || n.Actions[0].Text != "a" {
			t.Fatalf("typed %q changed the actions: %v %+v", s, err, n.Actions)
		}
	})
}
