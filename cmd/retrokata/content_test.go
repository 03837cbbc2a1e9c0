package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

func TestContentCommandsGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"cases", []string{"cases"}},
		{"case", []string{"cases", "parameter-change"}},
		{"tips", []string{"tips"}},
		{"tip", []string{"tips", "4"}},
		{"kata_list_json", []string{"kata", "list", "--json"}},
		{"kata_list_easy", []string{"kata", "list", "--difficulty", "easy"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, nil, tt.args...)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr: %s", code, stderr)
			}
			golden.RequireEqual(t, stdout)
		})
	}
}

func TestUnknownContentIDIsUsageError(t *testing.T) {
	for _, a := range [][]string{{"cases", "nope"}, {"tips", "99"}, {"tips", "x"}, {"kata", "nope"}, {"kata", "list", "--difficulty", "brutal"}} {
		_, stderr, code := runCLI(t, nil, a...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2", a, code)
		}
		if !strings.Contains(stderr, "Valid") && !strings.Contains(stderr, "easy, medium or hard") {
			t.Errorf("%v: stderr does not list valid values: %s", a, stderr)
		}
	}
}

func TestUserKataShowsUpAsUser(t *testing.T) {
	cfg := t.TempDir()
	dir := filepath.Join(cfg, "retrokata", "content", "katas")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	kata := "---\nid: my-own\ntitle: My own kata\nsummary: Mine.\ndifficulty: easy\ntags: [culture]\ntips: [1]\nkey_points: [a, b, c, d]\n---\n" +
		"## Stage 1\nOne.\n## Stage 2\nTwo.\n## Reference reaction\nR.\n## Reference learnings\n- L.\n"
	os.WriteFile(filepath.Join(dir, "my-own.md"), []byte(kata), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.md"), []byte("---\nid: broken\n"), 0o644)
	stdout, stderr, code := runCLIWith(t, func(e *env) { e.xdg.ConfigHome = cfg }, "kata", "list", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got []kataJSON
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, k := range got {
		if k.ID == "my-own" {
			found = k.Source == "user" && k.Stages == 2 && k.KeyPoints == 4
		}
	}
	if !found {
		t.Errorf("user kata missing or wrong in %s", stdout)
	}
	if !strings.Contains(stderr, filepath.Join(dir, "broken.md")+":1: front matter is not closed") {
		t.Errorf("stderr does not warn about broken.md with file:line: %s", stderr)
	}

	// content check with no argument checks the user dir and fails on broken.md.
	out, _, code := runCLIWith(t, func(e *env) { e.xdg.ConfigHome = cfg }, "content", "check")
	if code != 1 || !strings.Contains(out, "broken.md:1:") {
		t.Errorf("content check: exit %d, out %s", code, out)
	}
	os.Remove(filepath.Join(dir, "broken.md"))
	_, errOut, code := runCLIWith(t, func(e *env) { e.xdg.ConfigHome = cfg }, "content", "check")
	if code != 0 || !strings.Contains(errOut, "no problems") {
		t.Errorf("clean content check: exit %d, stderr %s", code, errOut)
	}
}
