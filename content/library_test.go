package content

import (
	"testing"
)

// TestBuiltinLibraryIsValid keeps shipped content from ever being broken.
func TestBuiltinLibraryIsValid(t *testing.T) {
	lib, probs := Load(Builtin())
	for _, p := range probs {
		t.Errorf("%s", p)
	}
	if got := len(lib.Tips); got != 7 {
		t.Errorf("%d tips, want 7", got)
	}
	if got := len(lib.Cases); got != 5 {
		t.Errorf("%d cases, want 5 (the talk's four and the department)", got)
	}
	if got := len(lib.Katas); got < 12 {
		t.Errorf("%d katas, want at least 12", got)
	}
	for _, c := range lib.Cases {
		if c.Kata != "" {
			if _, ok := lib.Kata(c.Kata); !ok {
				t.Errorf("case %s links to missing kata %s", c.ID, c.Kata)
			}
		}
		if len(c.Sources) == 0 {
			t.Errorf("case %s has no sources", c.ID)
		}
	}
	for _, k := range lib.Katas {
		if len(k.Stages) < 2 || len(k.Stages) > 4 {
			t.Errorf("kata %s has %d stages, want 2 to 4", k.ID, len(k.Stages))
		}
		if len(k.Tips) == 0 || len(k.Tags) == 0 || k.Reaction == "" || len(k.Learnings) == 0 {
			t.Errorf("kata %s lacks tips, tags, reaction or learnings", k.ID)
		}
		for _, s := range k.Stages {
			if s.Situation == "" || s.Prompt == "" {
				t.Errorf("kata %s has a stage without situation or prompt: %+v", k.ID, s)
			}
		}
	}
	for _, tp := range lib.Tips {
		if tp.Try == "" || tp.Body == "" {
			t.Errorf("tip %d lacks text or try", tp.Number)
		}
	}
}

// TestTalkCasesAreMarkedReconstructed: the slides were not available, so
// the talk's cases must say they are reconstructions.
func TestTalkCasesAreMarkedReconstructed(t *testing.T) {
	lib, _ := Load(Builtin())
	for _, id := range []string{"duplicate-import", "parameter-change", "blue-green-migration", "country-launch"} {
		c, ok := lib.Case(id)
		if !ok {
			t.Fatalf("case %s missing", id)
		}
		if !c.Reconstruction {
			t.Errorf("case %s is not marked reconstruction: true", id)
		}
	}
}
