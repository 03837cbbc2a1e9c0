package kata

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/retrokata/retrokata/notes"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM))

// blocks lists the kinds of a body's top-level blocks, as GitHub reads it.
func blocks(body string) string {
	doc := gfm.Parser().Parse(text.NewReader([]byte(body)))
	var kinds []string
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		kinds = append(kinds, n.Kind().String())
	}
	return strings.Join(kinds, " ")
}

// typedIn reads back, from a kata note's body, the answers and the
// reflection (one learning a line) typed during the practice.
func typedIn(body string) (answers, reflection []string) {
	lines := strings.Split(body, "\n")
	for i := 0; i < len(lines); i++ {
		if first, ok := strings.CutPrefix(lines[i], "**My answer.** "); ok {
			para := []string{first}
			for i+1 < len(lines) && lines[i+1] != "" {
				i++
				para = append(para, lines[i])
			}
			a := strings.Join(para, "\n")
			if a == "_(no answer)_" {
				a = ""
			}
			answers = append(answers, notes.UnescapeText(a))
		}
		if lines[i] == "## "+SectionReflection && i+2 < len(lines) {
			for i += 2; i < len(lines) && lines[i] != ""; i++ {
				if l, ok := strings.CutPrefix(lines[i], "- "); ok {
					reflection = append(reflection, notes.UnescapeLine(l))
				}
			}
		}
	}
	return answers, reflection
}

// Whatever is typed as an answer or a reflection reads back exactly from
// the kata note and leaves its structure as it is.
func FuzzKataNoteKeepsAnswers(f *testing.F) {
	f.Add("```\n## Self-assessment", "- [x] talk", "    code\n\n# heading")
	f.Add("_(no answer)_", "<div>", "_(nothing written)_")
	k := testKata()
	plain := NewSession(k, day(3), 0)
	plain.Answers = []string{"a", "b"}
	plain.Reflection = "r"
	want := blocks(plain.ToNote(k, nil).Body)
	plain.Reflection = ""
	wantEmpty := blocks(plain.ToNote(k, nil).Body) // "_(nothing written)_"
	f.Fuzz(func(t *testing.T, a0, a1, r string) {
		want := want
		s := NewSession(k, day(3), 0)
		s.Answers = []string{a0, a1}
		s.Reflection = r
		s.AddTime(time.Minute)
		data := notes.Render(s.ToNote(k, nil))
		n, err := notes.Parse(data)
		if err != nil || len(n.Actions) != 0 {
			t.Fatalf("the note does not parse back: %v %+v\n%s", err, n.Actions, data)
		}
		answers, reflection := typedIn(n.Body)
		wantA := []string{notes.NormalizeText(a0), notes.NormalizeText(a1)}
		wantR := learningLines(notes.NormalizeText(r))
		if !reflect.DeepEqual(answers, wantA) || !reflect.DeepEqual(reflection, wantR) {
			t.Fatalf("read back %q, %q; want %q, %q\n%s", answers, reflection, wantA, wantR, data)
		}
		if len(wantR) == 0 {
			want = wantEmpty
		}
		if got := blocks(n.Body); got != want {
			t.Fatalf("the structure changed:\n%s\nwant\n%s\n%s", got, want, data)
		}
	})
}
