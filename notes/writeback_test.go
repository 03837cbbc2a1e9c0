package notes

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

const sourceNote = "---\r\ntype: retro\r\ntitle: Sprint 43\r\nzk-id: keep-me\r\n---\r\n# Sprint 43\r\n\r\n## Actions\r\n" +
	"- [ ] Add a canary stage (@alice, due 2026-12-01)\r\n" +
	"  * [ ] Write the runbook (due 2026-11-20, @chen) <!-- hand-written -->\r\n" +
	"- [ ] Ship the smoke test (@bob)\r\n" +
	"- [ ] Untouched (@dana)\r\n" +
	"- [x] Already done\r\n"

func TestSetStatusesChangesOnlyTheDecidedLines(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "2026-11-16-sprint-43.md")
	os.MkdirAll(filepath.Dir(real), 0o755)
	if err := os.WriteFile(real, []byte(sourceNote), 0o600); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "2026-11-16-sprint-43.md")
	if err := os.Symlink(real, p); err != nil {
		p = real // no symlinks here: test the rest
	}
	e, _ := ReadEntry(p)
	acts := e.Actions
	// someone adds a line above the actions after the retro read the note
	data, _ := os.ReadFile(real)
	os.WriteFile(real, []byte(strings.Replace(string(data), "## Actions\r\n", "## Actions\r\nWe keep these short.\r\n", 1)), 0o600)

	errs, err := SetStatuses(p, []Change{
		{Action: acts[0], Status: StatusCarried, To: "2026-11-23-sprint-44.md"},
		{Action: acts[1], Status: StatusDropped, On: "2026-11-23"},
		{Action: acts[2], Status: StatusDone},
		{Action: acts[4], Status: StatusDone},
		{Action: Action{Text: "Not there", N: 9, Line: 3}, Status: StatusDone},
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"", "", "", "", "changed or moved"} { // done already: nothing to write
		if (want == "") != (errs[i] == nil) || (errs[i] != nil && !strings.Contains(errs[i].Error(), want)) {
			t.Errorf("change %d: %v, want %q", i, errs[i], want)
		}
	}
	got, _ := os.ReadFile(real)
	want := strings.NewReplacer(
		"## Actions\r\n", "## Actions\r\nWe keep these short.\r\n",
		"- [ ] Add a canary stage (@alice, due 2026-12-01)\r\n",
		"- [x] ~~Add a canary stage~~ (@alice, due 2026-12-01) — carried over to [2026-11-23-sprint-44](2026-11-23-sprint-44.md)\r\n",
		"  * [ ] Write the runbook (due 2026-11-20, @chen) <!-- hand-written -->\r\n",
		"  * [x] ~~Write the runbook (due 2026-11-20, @chen) <!-- hand-written -->~~ — dropped 2026-11-23\r\n",
		"- [ ] Ship the smoke test (@bob)\r\n", "- [x] Ship the smoke test (@bob)\r\n",
	).Replace(sourceNote)
	if string(got) != want {
		t.Errorf("note after write-back:\n%q\nwant\n%q", got, want)
	}
	if info, _ := os.Stat(real); runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 kept", info.Mode().Perm())
	}
	if info, _ := os.Lstat(p); p != real && info.Mode()&os.ModeSymlink == 0 {
		t.Error("the symlink was replaced by a copy")
	}
	// the same decisions again (a save resumed after a kill) change nothing
	again := []Change{{Action: acts[0], Status: StatusCarried, To: "2026-11-23-sprint-44.md"}, {Action: acts[2], Status: StatusDone}}
	if errs, err := SetStatuses(p, again); err != nil || errs[0] != nil || errs[1] != nil {
		t.Errorf("twice: %v %v", errs, err)
	}
	// another decision on an action decided meanwhile is refused
	if errs, _ := SetStatuses(p, []Change{{Action: acts[2], Status: StatusDropped}}); errs[0] == nil || !strings.Contains(errs[0].Error(), "is done already") {
		t.Errorf("decided meanwhile: %v", errs)
	}
	if after, _ := os.ReadFile(real); string(after) != string(got) {
		t.Error("refused or repeated decisions changed the note")
	}
	n, _ := Parse(got)
	var st []Status
	for _, a := range n.Actions {
		st = append(st, a.Status)
	}
	if strings.Join(statusStrings(st), " ") != "carried dropped done open done" {
		t.Errorf("statuses read back: %v", st)
	}
}

func statusStrings(l []Status) []string {
	var out []string
	for _, s := range l {
		out = append(out, string(s))
	}
	return out
}

func TestSetStatusesRefusesAnUnreadableNote(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.md")
	errs, err := SetStatuses(p, []Change{{Action: Action{Text: "a", N: 1, Line: 5}, Status: StatusDone}})
	if err == nil || errs[0] == nil || errors.Is(err, ErrChanged) {
		t.Errorf("missing note: %v %v", errs, err)
	}
}
