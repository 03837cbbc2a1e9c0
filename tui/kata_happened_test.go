package tui

import (
	"strings"
	"testing"

	"github.com/retrokata/retrokata/notes"
)

// The reveal's "happened:" line gives the whole situation that followed a
// prediction, wrapped: never its first line cut with "…".
func TestKataRevealHappenedIsWhole(t *testing.T) {
	for _, w := range []int{80, 40} {
		m := newTestKata(t, w, 24, nil)
		playTo(t, m, "reveal")
		text := plain(m.revealText(w))
		i := strings.Index(text, "happened: ")
		if i < 0 {
			t.Fatalf("no happened line at %d columns:\n%s", w, text)
		}
		path := m.s.Path()
		next := -1
		for n, s := range path {
			if m.k.Stages[s].Predict != "" && n+1 < len(path) {
				next = path[n+1]
				break
			}
		}
		if next < 0 {
			t.Fatal("the path has no prediction followed by a stage")
		}
		flat := strings.Join(strings.Fields(text[i:]), " ")
		want := strings.Join(strings.Fields(notes.Sanitize(m.k.Stages[next].Situation)), " ")
		if !strings.Contains(flat, want) {
			t.Errorf("at %d columns happened: does not give the whole situation %q:\n%s", w, want, text[i:])
		}
		for _, l := range strings.Split(text, "\n") {
			if len([]rune(l)) > w {
				t.Errorf("line wider than %d: %q", w, l)
			}
		}
	}
}
