package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

// Every entry home reaches by a key is listed, at every size (Trends was
// left out at 40x12 though t opened it), and ? shows help that fits.
func TestHomeListsEveryEntryWhenSmall(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			a, _ := homeWith(t, sz[0], sz[1], func(d string) {
				s := retro.New(testNow, "checkout", "Sprint 43", "", 3)
				data, err := retro.EncodeDraft(s, testNow.Add(-time.Hour))
				if err != nil {
					t.Fatal(err)
				}
				if err := notes.SaveDraft(filepath.Join(d, "retro.json"), data); err != nil {
					t.Fatal(err)
				}
			})
			v := a.screen()
			p := plain(v)
			for _, e := range a.home.entries() {
				if !strings.Contains(p, "["+e.key+"] ") {
					t.Errorf("[%s] %s is not listed:\n%s", e.key, e.label, p)
				}
			}
			if !strings.Contains(p, "[t] Trends") || !strings.Contains(p, "[R] Resume the retro") {
				t.Errorf("home lacks Trends or Resume:\n%s", p)
			}
			checkFits(t, v, sz[0], sz[1])
			golden.RequireEqual(t, []byte(p))
			send(a, "?")
			v = a.screen()
			checkFits(t, v, sz[0], sz[1])
			if p := plain(v); !strings.Contains(p, "letter open it") || strings.Contains(p, "…\n") && strings.Contains(p, "? more key") && !strings.Contains(p, "? more keys") {
				t.Errorf("? help is cut:\n%s", p)
			}
		})
	}
}
