package content

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

const goodKata = `---
id: %ID%
title: %TITLE%
summary: A kata for tests.
difficulty: easy
tips: [1]
tags: [incident]
key_points: [one, two, three, four]
---
## Stage 1: first
Something happens.

> What now?

## Stage 2
It gets worse.

## Reference reaction
Do the right thing.

## Reference learnings
- Learn one.
- Learn two.
`

func kataFile(id, title string) string {
	return strings.NewReplacer("%ID%", id, "%TITLE%", title).Replace(goodKata)
}

func mapSource(origin Origin, label string, files map[string]string) Source {
	m := fstest.MapFS{}
	for name, data := range files {
		m[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return Source{Origin: origin, FS: m, Label: label}
}

func TestLoadMergesInOrderAndOverrides(t *testing.T) {
	user := mapSource(OriginUser, "user", map[string]string{
		"katas/mine.md":     kataFile("my-kata", "Mine"),
		"katas/override.md": kataFile("game-day", "User's game day"),
	})
	repo := mapSource(OriginRepo, "repo", map[string]string{
		"katas/override.md": kataFile("game-day", "Repo's game day"),
	})
	lib, probs := Load(Builtin(), user, repo)
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	mine, ok := lib.Kata("my-kata")
	if !ok || mine.Origin != OriginUser {
		t.Errorf("user kata: %+v ok=%v", mine.Item, ok)
	}
	gd, _ := lib.Kata("game-day")
	if gd.Title != "Repo's game day" || gd.Origin != OriginRepo {
		t.Errorf("game-day = %q from %s, want the repo's override", gd.Title, gd.Origin)
	}
	if s := gd.Stages[0]; s.Title != "first" || s.Prompt != "What now?" || s.Situation != "Something happens." {
		t.Errorf("stage 1 = %+v", s)
	}
	if p := gd.Stages[1].Prompt; p != DefaultPrompt {
		t.Errorf("stage 2 prompt = %q, want the default", p)
	}
	builtin, _ := Load(Builtin())
	if len(lib.Katas) != len(builtin.Katas)+1 {
		t.Errorf("%d katas, want built-in + 1", len(lib.Katas))
	}
}

func TestBrokenUserFileIsSkippedWithWarning(t *testing.T) {
	user := mapSource(OriginUser, "user", map[string]string{
		"katas/ok.md":     kataFile("fine", "Fine"),
		"katas/broken.md": "---\nid: broken\ntitle: [oops\n---\n",
	})
	lib, probs := Load(Builtin(), user)
	if _, ok := lib.Kata("fine"); !ok {
		t.Error("the good user kata did not load")
	}
	if _, ok := lib.Kata("broken"); ok {
		t.Error("the broken kata loaded")
	}
	if len(probs) != 1 || !strings.HasPrefix(probs[0].String(), filepath.Join("user", "katas", "broken.md")+":") {
		t.Errorf("problems = %v, want one naming user/katas/broken.md:line", probs)
	}
}

func TestValidatorRules(t *testing.T) {
	tests := []struct {
		name string
		file string // path under the content root
		data string
		want string // "file:line: message" must contain this
	}{
		{"unknown field", "katas/k.md", strings.Replace(kataFile("k", "K"), "difficulty: easy", "difficulty: easy\ncolour: red", 1), `k.md:6: unknown field "colour"`},
		{"missing required field", "katas/k.md", strings.Replace(kataFile("k", "K"), "summary: A kata for tests.\n", "", 1), `k.md:1: missing required field "summary"`},
		{"unknown tip", "katas/k.md", strings.Replace(kataFile("k", "K"), "tips: [1]", "tips: [1, 42]", 1), "k.md:6: tip 42 does not exist"},
		{"unknown case", "katas/k.md", strings.Replace(kataFile("k", "K"), "tips: [1]", "tips: [1]\ncase: nope", 1), `k.md:7: case "nope" does not exist`},
		{"unknown kata from a case", "cases/c.md", "---\nid: c\ntitle: C\nsummary: S\nkata: nope\n---\n## Context\nx\n## What happened\nx\n## Immediate reaction\nx\n## What we learnt\n- a\n- b\n", `c.md:5: kata "nope" does not exist`},
		{"one stage", "katas/k.md", strings.Replace(kataFile("k", "K"), "## Stage 2\nIt gets worse.\n", "", 1), "1 stages; a kata needs at least 2"},
		{"three key points", "katas/k.md", strings.Replace(kataFile("k", "K"), "[one, two, three, four]", "[one, two, three]", 1), "k.md:8: 3 key points; a kata has 4 to 6"},
		{"seven key points", "katas/k.md", strings.Replace(kataFile("k", "K"), "[one, two, three, four]", "[a, b, c, d, e, f, g]", 1), "7 key points"},
		{"bad difficulty", "katas/k.md", strings.Replace(kataFile("k", "K"), "difficulty: easy", "difficulty: brutal", 1), `k.md:5: difficulty "brutal" is not easy, medium or hard`},
		{"missing section", "katas/k.md", strings.Replace(kataFile("k", "K"), "## Reference reaction\nDo the right thing.\n", "", 1), "missing section '## Reference reaction'"},
		{"no front matter", "tips/t.md", "Just text", "t.md:1: no front matter"},
		{"tip without text", "tips/t.md", "---\nnumber: 9\ntitle: T\ntry: x\n---\n", "t.md:6: the tip has no text"},
		{"bad id", "katas/k.md", kataFile("Bad Id", "K"), `id "Bad Id" must be lowercase`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, filepath.FromSlash(tt.file))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}
			probs := Check(dir)
			var all []string
			for _, p := range probs {
				all = append(all, p.String())
			}
			if !strings.Contains(strings.Join(all, "\n"), tt.want) {
				t.Errorf("problems:\n%s\nwant one containing %q", strings.Join(all, "\n"), tt.want)
			}
			// The same file checked alone gives the same verdict.
			if len(Check(path)) == 0 {
				t.Errorf("checking %s alone found nothing", tt.file)
			}
		})
	}
}

func TestCheckDuplicateIDs(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "katas"), 0o755)
	os.WriteFile(filepath.Join(dir, "katas", "a.md"), []byte(kataFile("same", "A")), 0o644)
	os.WriteFile(filepath.Join(dir, "katas", "b.md"), []byte(kataFile("same", "B")), 0o644)
	probs := Check(dir)
	if len(probs) != 1 || !strings.Contains(probs[0].String(), `duplicate id "same"`) || !strings.Contains(probs[0].String(), "b.md:2:") {
		t.Errorf("problems = %v, want one duplicate on b.md:2", probs)
	}
}

func TestCheckCleanAndOverride(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "katas"), 0o755)
	os.WriteFile(filepath.Join(dir, "katas", "gd.md"), []byte(kataFile("game-day", "Mine")), 0o644)
	if probs := Check(dir, filepath.Join(dir, "katas")); len(probs) != 1 {
		// the same file given twice is a duplicate; given once it is clean
		t.Errorf("problems = %v", probs)
	}
	if probs := Check(dir); len(probs) != 0 {
		t.Errorf("overriding a built-in kata is allowed, got %v", probs)
	}
	if probs := Check(filepath.Join(dir, "nope")); len(probs) != 1 || !strings.Contains(probs[0].String(), "cannot read") {
		t.Errorf("missing path: %v", probs)
	}
}

func FuzzParseFile(f *testing.F) {
	f.Add([]byte(kataFile("k", "K")), 2)
	f.Add([]byte(v2Kata), 2)
	f.Add([]byte("---\nnumber: 1\ntitle: T\ntry: x\n---\ntext"), 1)
	f.Add([]byte("---\nid: c\n---\n## Context\n```\n## not a heading\n```\n"), 0)
	f.Add([]byte(sectionsHead+"Stage 1: x\n---\nA.\n\n    ```\n    ## Stage 3\n~~~\n```\n~~~\n## Stage 2\n### Next: 1\n"+sectionsTail), 2)
	f.Fuzz(func(t *testing.T, data []byte, k int) {
		checkSections(t, string(data))
		kinds := []kind{kindCase, kindTip, kindKata}
		p, probs := parseFile("f.md", data, kinds[(k%3+3)%3], OriginUser)
		if len(probs) == 0 && p.item() == nil {
			t.Fatal("no problems but no item")
		}
		if len(probs) > 0 || p.kata == nil {
			return
		}
		// A kata that passes the check can be played down every path, in
		// every variant, and leaves no placeholder unfilled.
		kt := *p.kata
		for _, path := range kt.Paths() {
			if len(path.Stages) == 0 || path.Stages[0] != 0 || len(path.Stages) > len(kt.Stages) {
				t.Fatalf("path %v of %d stages", path.Stages, len(kt.Stages))
			}
			for i := 1; i < len(path.Stages); i++ {
				if path.Stages[i] <= path.Stages[i-1] {
					t.Fatalf("path goes back: %v", path.Stages)
				}
			}
		}
		for v := range kt.Variants {
			kv := kt.WithVariant(v)
			for _, st := range kv.Stages {
				if len(Placeholders(st.Situation+st.Prompt+st.Reference)) > 0 {
					t.Fatalf("variant %d leaves a placeholder: %q", v+1, st.Situation)
				}
			}
		}
	})
}

// checkSections: every section and part is the body's own lines, from
// below its heading up to the next heading of its level or above.
func checkSections(t *testing.T, body string) {
	lines := strings.Split(body, "\n")
	check := func(ss []section, end int) {
		for i, s := range ss {
			e := end
			if i+1 < len(ss) {
				e = ss[i+1].line - 1
			}
			start := e - len(s.raw)
			if start <= s.line-1 || !slices.Equal(s.raw, lines[start:e]) {
				t.Fatalf("section %q on line %d: its %d lines are not lines %d..%d of the body", s.title, s.line, len(s.raw), start+1, e)
			}
		}
	}
	top := sections(body, 1)
	check(top, len(lines))
	for i, s := range top {
		end := len(lines)
		if i+1 < len(top) {
			end = top[i+1].line - 1
		}
		check(s.subs, end)
	}
}

func TestStageTitles(t *testing.T) {
	lib, _ := Load(Builtin())
	k, _ := lib.Kata("country-launch")
	want := []string{"08:50, launch day", "09:20", "09:00", "before country {{next}}"}
	for i, w := range want {
		if k.Stages[i].Title != w {
			t.Errorf("stage %d title %q, want %q", i+1, k.Stages[i].Title, w)
		}
	}
	oa, _ := lib.Kata("orphan-alert")
	if oa.Stages[0].Title != "03:04" || oa.Stages[1].Title != "03:30" {
		t.Errorf("titles made of digits are kept: got %q, %q", oa.Stages[0].Title, oa.Stages[1].Title)
	}
}
