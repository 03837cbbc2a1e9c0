package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retrokata/retrokata/notes"
)

// writeNotes creates a notes dir holding two notes with the same slug on
// different days, one other note, a README without front matter, and a
// kata note.
func writeNotes(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"2026-11-16-sprint-43.md": "---\ntype: retro\ntitle: Sprint 43\ndate: 2026-11-16T14:00:00+01:00\nteam: pay\nparticipants: [Ann, Bo]\n---\n# Sprint 43\n\nBody of 43.\n",
		"2026-11-23-sprint-44.md": "---\ntype: retro\ntitle: Sprint 44\ndate: 2026-11-23T14:00:00+01:00\nteam: pay\n---\n# Sprint 44\n\nBody of 44.\n",
		"2026-11-24-sprint-44.md": "---\ntype: retro\ntitle: Sprint 44 again\ndate: 2026-11-24T14:00:00+01:00\nteam: ops\n---\n# Again\n",
		"2026-11-17-kata-one.md":  "---\ntype: kata\ntitle: Kata one\ndate: 2026-11-17T09:00:00+01:00\nkata: duplicate-import\nscore: 3\nmax_score: 5\n---\n# Kata one\n",
		"README.md":               "# Our retros\n\nThis folder holds our retros.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestShowBySlugAndTitle(t *testing.T) {
	dir := writeNotes(t)
	tests := []struct {
		name, arg, want string
		code            int
	}{
		{"slug without date", "sprint-43", "Body of 43.", 0},
		{"slug with .md", "sprint-43.md", "Body of 43.", 0},
		{"title", "Sprint 43", "Body of 43.", 0},
		{"title in another case", "sprint 43", "Body of 43.", 0},
		{"ambiguous slug lists the candidates", "sprint-44", "", 2},
		{"start of a slug lists the candidates", "sprint", "", 2},
		{"start of a unique slug", "kata-o", "Kata one", 0},
		{"unknown", "sprint-99", "", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, nil, "show", tt.arg, "--dir", dir)
			if code != tt.code || !strings.Contains(out, tt.want) {
				t.Fatalf("show %q: exit %d (want %d)\nstdout: %s\nstderr: %s", tt.arg, code, tt.code, out, errOut)
			}
			if tt.arg == "sprint-44" && !strings.Contains(errOut, "2026-11-23-sprint-44.md, 2026-11-24-sprint-44.md") {
				t.Errorf("ambiguous: the candidates are not named: %s", errOut)
			}
		})
	}
}

func TestNoteHeader(t *testing.T) {
	dir := writeNotes(t)
	data, _ := os.ReadFile(filepath.Join(dir, "2026-11-16-sprint-43.md"))
	n := mustParse(t, data)
	if got, want := noteHeader(n.Meta), "retro · pay · Mon 16 Nov 2026 14:00 · Ann, Bo"; got != want {
		t.Errorf("header = %q, want %q", got, want)
	}
}

func TestReadCommandsOnMissingDir(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope")
	for _, cmd := range [][]string{{"list"}, {"list", "--json"}, {"actions"}, {"stats"}, {"retro", "inbox"}, {"trends"}, {"check"}} {
		_, errOut, code := runCLI(t, nil, append(cmd, "--dir", missing)...)
		if code != 1 || !strings.Contains(errOut, missing+" does not exist") {
			t.Errorf("%v on a missing dir: exit %d, stderr %q", cmd, code, errOut)
		}
	}
	// RETROKATA_DIR is the user's own choice too
	_, errOut, code := runCLI(t, map[string]string{"RETROKATA_DIR": missing}, "list")
	if code != 1 || !strings.Contains(errOut, "from RETROKATA_DIR") {
		t.Errorf("RETROKATA_DIR missing: exit %d, stderr %q", code, errOut)
	}
}

func TestNonNotesAreSkippedQuietly(t *testing.T) {
	dir := writeNotes(t)
	out, errOut, code := runCLI(t, nil, "list", "--dir", dir)
	if code != 0 || errOut != "" || strings.Contains(out, "README") {
		t.Fatalf("list: exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	for _, cmd := range []string{"actions", "stats"} {
		if _, errOut, _ := runCLI(t, nil, cmd, "--dir", dir); errOut != "" {
			t.Errorf("%s warns about a README: %s", cmd, errOut)
		}
	}
	_, errOut, code = runCLI(t, nil, "list", "--verbose", "--dir", dir)
	if code != 0 || !strings.Contains(errOut, "not a note (no front matter), skipped: "+filepath.Join(dir, "README.md")) {
		t.Errorf("list --verbose does not name the README: exit %d, stderr %q", code, errOut)
	}
}

func TestListJSONHasEveryKeyInEveryObject(t *testing.T) {
	dir := writeNotes(t)
	os.WriteFile(filepath.Join(dir, "2026-11-18-broken.md"), []byte("---\ntype: retro\ntitle: [\n---\n"), 0o644)
	out, _, code := runCLI(t, nil, "list", "--json", "--dir", dir)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var objs []map[string]any
	if err := json.Unmarshal([]byte(out), &objs); err != nil {
		t.Fatal(err)
	}
	want := []string{"path", "type", "title", "date", "team", "tags", "open_actions", "done_actions", "kata", "score", "max_score", "error"}
	for _, o := range objs {
		for _, k := range want {
			if _, ok := o[k]; !ok {
				t.Errorf("%v lacks %q", o["path"], k)
			}
		}
	}
	if len(objs) != 5 {
		t.Errorf("%d objects, want 4 notes and 1 broken one", len(objs))
	}
}

func TestUsageErrorsSayWhatIsWrong(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"stats", "extra"}, `retrokata: stats takes no arguments (got "extra")`},
		{[]string{"kata", "duplicate-import", "--timed", "abc"}, `retrokata: --timed wants a whole number, not "abc"`},
		{[]string{"completion", "nosh"}, `retrokata: completion: unknown shell "nosh"`},
	}
	for _, tt := range tests {
		out, errOut, code := runCLI(t, nil, tt.args...)
		first, _, _ := strings.Cut(errOut, "\n")
		if code != 2 || out != "" || first != tt.want {
			t.Errorf("%v: exit %d, stdout %q, stderr first line %q (want exit 2, nothing on stdout, %q)", tt.args, code, out, first, tt.want)
		}
		if strings.Contains(errOut, "strconv") || strings.Contains(errOut, "unknown command") {
			t.Errorf("%v: Go or cobra wording reaches the user: %q", tt.args, errOut)
		}
	}
}

func TestHelpHasNoTrailingSpacesAndListsMan(t *testing.T) {
	out, _, code := runCLI(t, nil, "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for i, line := range strings.Split(out, "\n") {
		if strings.HasSuffix(line, " ") {
			t.Fatalf("line %d ends with spaces: %q", i+1, line)
		}
	}
	if !strings.Contains(out, "man ") {
		t.Errorf("--help does not list man:\n%s", out)
	}
}

func TestManKeepsParagraphsWhole(t *testing.T) {
	out, _, code := runCLI(t, nil, "man")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	// the root's description is wrapped over four source lines: one paragraph
	if !strings.Contains(out, `talk "Dev rencontre Ops, 1 an après" (problem, immediate reaction, what we learnt, actions), lets you`) {
		t.Errorf("the description is cut into paragraphs:\n%s", out[:min(len(out), 800)])
	}
}

func TestDynamicCompletion(t *testing.T) {
	dir := writeNotes(t)
	vars := map[string]string{"RETROKATA_DIR": dir}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"__complete", "kata", ""}, "duplicate-import\t"},
		{[]string{"__complete", "show", ""}, "2026-11-16-sprint-43\tSprint 43"},
		{[]string{"__complete", "tips", ""}, "1\t"},
		{[]string{"__complete", "cases", ""}, "parameter-change\t"},
		{[]string{"__complete", "retro", "--template", ""}, "parameter-change\t"},
		{[]string{"__complete", "retro", "--team", ""}, "pay\n"},
		{[]string{"__complete", "list", "--team", ""}, "ops\n"},
	}
	for _, tt := range tests {
		out, _, _ := runCLI(t, vars, tt.args...)
		if !strings.Contains(out, tt.want) {
			t.Errorf("%v: no %q in\n%s", tt.args, tt.want, out)
		}
	}
}

func TestInitSaysWhetherToCommit(t *testing.T) {
	wd := t.TempDir()
	out, _, code := runCLIWith(t, func(e *env) { e.wd = wd }, "init")
	if code != 0 || strings.Contains(out, "Commit it") || !strings.Contains(out, "not in a git repository") {
		t.Errorf("init outside git: exit %d, %q", code, out)
	}
	repo := t.TempDir()
	os.Mkdir(filepath.Join(repo, ".git"), 0o755)
	sub := filepath.Join(repo, "svc")
	os.Mkdir(sub, 0o755)
	out, _, code = runCLIWith(t, func(e *env) { e.wd = sub }, "init")
	if code != 0 || !strings.Contains(out, "Commit it") {
		t.Errorf("init inside git: exit %d, %q", code, out)
	}
}

func TestStatsNamesDueKatasNeverPractised(t *testing.T) {
	dir := writeNotes(t)
	out, _, _ := runCLI(t, nil, "stats", "--dir", dir)
	if !strings.Contains(out, "Never practised: parameter-change,") || strings.Contains(out, "Never practised: duplicate-import") {
		t.Errorf("stats does not name the due katas never practised (duplicate-import was):\n%s", out)
	}
}

func mustParse(t *testing.T, data []byte) notes.Note {
	t.Helper()
	n, err := notes.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestTrendsForAnUnknownTeamNamesTheTeams(t *testing.T) {
	dir := writeNotes(t)
	out, _, code := runCLI(t, nil, "trends", "--team", "nope", "--dir", dir)
	if code != 0 || !strings.Contains(out, `No retros for team "nope". Teams with retros: `) || !strings.Contains(out, "pay") {
		t.Errorf("trends --team nope: exit %d, %q", code, out)
	}
}
