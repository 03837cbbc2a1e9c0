package sshroom

import (
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/room"
	"github.com/retrokata/retrokata/tui"
)

func pairKata() content.Kata {
	return content.Kata{
		Item: content.Item{Title: "Slow checkout", Reconstruction: true, Sources: []string{"Ours"}},
		ID:   "slow-checkout",
		Stages: []content.Stage{
			{Title: "alert", Situation: "Checkout latency doubled.", Prompt: "What now?",
				Look:      []content.Look{{Label: "deploy log", Minutes: 2, Text: "v42 deployed 10:02"}, {Label: "db graph", Minutes: 3, Text: "db cpu flat"}},
				Decide:    []content.Option{{Text: "Roll back v42", Next: 2}, {Text: "Scale up", Next: 2}},
				Reference: "Roll back the deploy first."},
			{Title: "after", Situation: "Latency is back to normal.", Reference: "Tell support."},
		},
		KeyPoints: []string{"rollback"},
	}
}

// gm plays the game master's keys on the real screen, running the
// commands a key returns (the save) as the program would.
func gm(t *testing.T, m tea.Model, keys ...tea.KeyPressMsg) tea.Model {
	t.Helper()
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = m.Update(k)
		if cmd != nil && k.Text == "s" {
			m, _ = m.Update(cmd())
		}
	}
	return m
}

func press(s string) tea.KeyPressMsg {
	if s == "tab" {
		return tea.KeyPressMsg{Code: tea.KeyTab}
	}
	if s == "enter" {
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	}
	return tea.KeyPressMsg{Code: rune(s[0]), Text: s}
}

// A game master and a player over SSH play one pair kata to a saved note:
// the player sees only what is handed out and never the reference, the
// game master sees the answer as it is typed.
func TestPairKataOverSSH(t *testing.T) {
	p := kata.NewPair(pairKata(), time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC))
	f := start(t, func(c *Config) {
		c.MaxSessions = 1
		c.NewScreen = func(*room.Guest, string) tea.Model { return tui.NewPairPlayer(p, true) }
	})
	dir := t.TempDir()
	var res tui.PairResult
	var master tea.Model = tui.NewPairMaster(tui.Env{KataDir: dir, Now: func() time.Time { return time.Date(2026, 11, 23, 15, 30, 0, 0, time.UTC) }}, p, tui.PairInfo{Join: "ssh -p 1 h", Code: testCode}, &res)
	master, _ = master.Update(tea.WindowSizeMsg{Width: 100, Height: 40})

	pl := f.join(t, "player", 100, 30)
	scr := pl.waitFor("Checkout latency doubled.", "What now?")
	for _, hidden := range []string{"v42 deployed", "db cpu", "Roll back the deploy", "deploy log"} {
		if strings.Contains(scr, hidden) {
			t.Fatalf("the player sees %q before it is handed out:\n%s", hidden, scr)
		}
	}
	if second := f.join(t, "intruder", 80, 24); second.waitFor("full") == "" {
		t.Fatal("a second player got in")
	}

	pl.send("check the deploys")
	waitUntil(t, "the answer on the game master's screen", func() bool {
		return strings.Contains(master.View().Content, "check the deploys")
	})
	master = gm(t, master, press("1"), press("e"))
	master = gm(t, master, press("p"), press("a"), press("g"), press("e"), press("r"), press("enter"))
	scr = pl.waitFor("Handed out: deploy log", "v42 deployed 10:02", "Event: pager")
	if strings.Contains(scr, "db cpu") || strings.Contains(scr, "Roll back the deploy") {
		t.Fatalf("the player sees what was not handed out:\n%s", scr)
	}
	master = gm(t, master, press("tab"))
	pl.waitFor("Roll back v42", "Decide")
	master = gm(t, master, press("tab")) // no decision yet: stays
	if !strings.Contains(master.View().Content, "Pick the decision") {
		t.Fatalf("moved on without a decision:\n%s", master.View().Content)
	}
	master = gm(t, master, press("a"), press("tab"))
	pl.waitFor("Latency is back to normal.")
	pl.send("tell support")
	waitUntil(t, "the second answer", func() bool { return strings.Contains(master.View().Content, "tell support") })
	master = gm(t, master, press("tab"))
	pl.waitFor("Debrief", "Roll back the deploy first.")
	pl.send("alert on deploys")
	waitUntil(t, "the learning", func() bool { return strings.Contains(master.View().Content, "alert on deploys") })
	gm(t, master, press("s"))
	if res.Saved == "" {
		t.Fatal("no note saved")
	}
	data, err := os.ReadFile(res.Saved)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"check the deploys", "tell support", "deploy log", "Roll back v42", "pager", "alert on deploys"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the note misses %q:\n%s", want, data)
		}
	}
	if strings.Contains(string(data), "db graph") {
		t.Errorf("the note lists an item never handed out:\n%s", data)
	}
}
