package tui

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

// A draft is never lost to one key: d on the resume prompt asks, saying
// what goes, and only y discards it; any other key keeps it.
func TestRetroResumePromptAsksBeforeDiscarding(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			s := retro.New(testNow, "checkout", "Sprint 43", "", 3)
			for _, title := range []string{"Flaky deploys", "Slow CI", "Pager noise"} {
				s.Problems[s.AddProblem()].Title = title
			}
			d := retro.Draft{Version: 1, Saved: testNow, Session: s}
			m := newTestRetro(t, sz[0], sz[1], func(_ *common, o *RetroOptions) { o.Draft = &d })
			if err := notes.SaveDraft(m.draftPath, m.draftData()); err != nil {
				t.Fatal(err)
			}
			m, cmd := press(m, "d")
			runCmd(cmd)
			v := m.view()
			if m.mode != modeAskResume || !strings.Contains(plain(v), "Discard the draft with 3 problems") {
				t.Fatalf("d must ask first:\n%s", plain(v))
			}
			if _, err := os.Stat(m.draftPath); err != nil {
				t.Fatalf("asking removed the draft: %v", err)
			}
			checkFits(t, v, sz[0], sz[1])
			golden.RequireEqual(t, []byte(plain(v)))

			m, cmd = press(m, "n")
			runCmd(cmd)
			if m.mode != modeAskResume || m.opt.Draft == nil {
				t.Fatal("n keeps the draft and the prompt")
			}
			if _, err := os.Stat(m.draftPath); err != nil {
				t.Fatalf("n removed the draft: %v", err)
			}
			m, cmd = press(m, "d", "y")
			runCmd(cmd)
			if m.mode == modeAskResume || len(m.s.Problems) == 3 {
				t.Fatal("d then y starts afresh")
			}
			if _, err := os.Stat(m.draftPath); !os.IsNotExist(err) {
				t.Errorf("d then y removes the draft: %v", err)
			}
		})
	}
}

func TestKataResumePromptAsksBeforeDiscarding(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := newTestKata(t, 80, 24, nil)
			kpress(m, "type:duplicate", "enter", "type:half typed")
			for _, msg := range runCmd(m.update(tickMsg(testNow))) {
				m.update(msg)
			}
			d, ok, err := kata.LoadDraft(m.draftPath)
			if !ok || err != nil {
				t.Fatalf("autosave: %v %v", ok, err)
			}
			m2 := newTestKata(t, sz[0], sz[1], func(c *common, o *KataOptions) { o.Draft, c.draftsDir = &d, m.c.draftsDir })
			runCmd(kpress(m2, "d"))
			v := m2.view()
			if m2.mode != kataAskResume || !strings.Contains(plain(v), "with 1 answer? y/N") {
				t.Fatalf("d must ask first:\n%s", plain(v))
			}
			checkFits(t, v, sz[0], sz[1])
			golden.RequireEqual(t, []byte(plain(v)))
			runCmd(kpress(m2, "esc"))
			if m2.mode != kataAskResume {
				t.Fatal("esc keeps the prompt")
			}
			if _, err := os.Stat(m2.draftPath); err != nil {
				t.Fatalf("esc removed the draft: %v", err)
			}
			runCmd(kpress(m2, "d", "y"))
			if m2.mode == kataAskResume {
				t.Fatal("d then y discards")
			}
			if _, err := os.Stat(m2.draftPath); !os.IsNotExist(err) {
				t.Errorf("d then y removes the draft: %v", err)
			}
		})
	}
}
