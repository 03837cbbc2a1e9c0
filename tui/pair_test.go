package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/kata"
)

func pairTestKata() content.Kata {
	return content.Kata{
		Item: content.Item{Title: "Slow checkout"},
		ID:   "slow-checkout",
		Stages: []content.Stage{
			{Title: "alert", Situation: "Checkout latency doubled after lunch.", Prompt: "What now?",
				Look:      []content.Look{{Label: "deploy log", Minutes: 2, Text: "v42 deployed 10:02"}, {Label: "db graph", Minutes: 3, Text: "db cpu flat"}},
				Decide:    []content.Option{{Text: "Roll back v42", Next: 2}, {Text: "Scale up", Next: 2}},
				Reference: "Roll back the deploy first."},
			{Title: "after", Situation: "Latency is back to normal.", Reference: "Tell support."},
		},
	}
}

func noPoll() tea.Cmd { return nil }

// TestPairScreensGolden draws both ends of a pair kata at two sizes: the
// stage with one item handed out and an event, the decision, the debrief.
func TestPairScreensGolden(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {40, 12}} {
		w, h := sz[0], sz[1]
		for _, step := range []string{"stage", "decide", "debrief"} {
			t.Run(fmt.Sprintf("%dx%d/%s", w, h, step), func(t *testing.T) {
				p := kata.NewPair(pairTestKata(), testNow)
				// each end under its own root, as the program runs it
				gm, pl := aloneApp(testCommon(true)), aloneApp(testCommon(true))
				gm.active, gm.pairMaster = screenPairMaster, newPairMaster(gm.c, p, PairInfo{Join: "ssh -p 23234 host", Code: "k3fq7-x2mwa", Fingerprint: "SHA256:abc"}, &PairResult{}, noPoll)
				pl.active, pl.pairPlayer = screenPairPlayer, newPairPlayer(pl.c, p, noPoll)
				for _, m := range []tea.Model{gm, pl} {
					m.Update(tea.WindowSizeMsg{Width: w, Height: h})
				}
				for _, r := range "check deploys" {
					pl.Update(keyMsg(string(r)))
				}
				gm.Update(keyMsg("1"))
				gm.Update(keyMsg("e"))
				for _, r := range "pager" {
					gm.Update(keyMsg(string(r)))
				}
				gm.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
				if step != "stage" {
					gm.Update(tea.KeyPressMsg{Code: tea.KeyTab})
				}
				if step == "debrief" {
					gm.Update(keyMsg("a"))
					gm.Update(tea.KeyPressMsg{Code: tea.KeyTab})
					gm.Update(tea.KeyPressMsg{Code: tea.KeyTab})
				}
				pl.Update(pairTickMsg{})
				pv, gv := pl.View().Content, gm.View().Content
				checkFits(t, pv, w, h)
				checkFits(t, gv, w, h)
				if step != "debrief" && (strings.Contains(pv, "Roll back the deploy") || strings.Contains(pv, "db cpu")) {
					t.Errorf("the player sees hidden info:\n%s", plain(pv))
				}
				golden.RequireEqual(t, []byte(plain(pv)+"---- game master ----\n"+plain(gv)))
			})
		}
	}
}

// The game master's game lives only in memory until it is saved: one q
// never loses it.
func TestPairMasterAsksBeforeQuittingUnsaved(t *testing.T) {
	p := kata.NewPair(pairTestKata(), testNow)
	gm := aloneApp(testCommon(true))
	gm.active, gm.pairMaster = screenPairMaster, newPairMaster(gm.c, p, PairInfo{}, &PairResult{}, noPoll)
	if cmd := gm.pairMaster.update(keyMsg("q")); cmd != nil {
		t.Fatal("one q quit a game not saved")
	}
	if v := plain(gm.View().Content); !strings.Contains(v, "not saved. Press q again") {
		t.Errorf("no warning:\n%s", v)
	}
	if cmd := gm.pairMaster.update(keyMsg("q")); cmd == nil {
		t.Error("a second q does not quit")
	}
}
