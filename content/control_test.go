package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 14 item 4: content check calls a file with control characters
// clean. It must report each, with file:line, raw bytes and YAML escapes.
func TestCheckReportsControlCharacters(t *testing.T) {
	data, err := Builtin().read("cases/02-parameter-change.md")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "cases")
	os.MkdirAll(dir, 0o755)
	clean := filepath.Join(dir, "clean.md")
	os.WriteFile(clean, []byte(strings.ReplaceAll(string(data), "\n", "\r\n")), 0o644)
	if probs := controlProblems([]string{clean}); len(probs) != 0 {
		t.Errorf("a clean file with CRLF endings: %v", probs)
	}

	text := strings.Replace(string(data), "\ntitle: ", "\ntitle: \"Evil \\e]52;c;cHduZWQ=\\a case\"\nx-old-title: ", 1)
	text += "Body \x1b]0;pwned\x07 text\n"
	text += "Hidden\rline and \u009b31m C1\n"
	text += "Spelt &#27;]0;PWNED&#7; as references\n"
	text += "In hex &#x1B;]52;c;SGFja2Vk&#x07; too\n"
	text += "Fine: &#233;t&#xE9; and &amp;#27; are text\n"
	hostile := filepath.Join(dir, "02-parameter-change.md")
	os.WriteFile(hostile, []byte(text), 0o644)
	lines := strings.Split(text, "\n")
	lineOf := func(prefix string) int {
		for i, l := range lines {
			if strings.HasPrefix(l, prefix) {
				return i + 1
			}
		}
		t.Fatalf("no line %q", prefix)
		return 0
	}
	probs := Check(dir)
	want := map[int]string{
		lineOf("title: "): "U+001B",
		lineOf("Body "):   "U+001B",
		lineOf("Hidden"):  "U+000D",
		lineOf("Spelt "):  "written as &#27;,",
		lineOf("In hex "): "written as &#x1B;",
	}
	for line, what := range want {
		found := false
		for _, p := range probs {
			if p.Path == hostile && p.Line == line && strings.Contains(p.Msg, what) {
				found = true
			}
		}
		if !found {
			t.Errorf("no problem %s at %s:%d in %v", what, hostile, line, probs)
		}
	}
	for _, p := range probs {
		if p.Path == hostile && p.Line == lineOf("Fine: ") {
			t.Errorf("printable references reported: %v", p)
		}
		if p.Path == clean {
			t.Errorf("the clean file: %v", p)
		}
	}
}
