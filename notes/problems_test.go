package notes

import (
	"path/filepath"
	"reflect"
	"testing"
)

func TestProblemTitles(t *testing.T) {
	body := "# R\n\n## Problems\n\n### 1. Checkout broken — 4 votes\n**What happened.** x\n\n### 2. Flaky CI — 1 vote\r\n" +
		"### Written by hand\n```\n### 3. In a fence\n```\n## Actions\n### 4. Not a problem\n## problems\n### 5) Again - 0 votes\n"
	want := []string{"Checkout broken", "Flaky CI", "Written by hand", "Again"}
	if got := ProblemTitles(body); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Problem titles come back from the index exactly as from a full parse,
// and only when actions are asked for.
func TestIndexKeepsProblemTitles(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	n := testNote("Alpha")
	n.Body += "\n## Problems\n### 1. Slow deploys — 2 votes\n### 2. Noisy alerts — 0 votes\n"
	writeOld(t, filepath.Join(dir, "alpha.md"), Render(n))
	x := Lister{CacheDir: cacheDir}
	for _, step := range []string{"cold", "warm"} {
		l, err := x.List(dir, Filter{})
		if err != nil || len(l) != 1 {
			t.Fatal(err, l)
		}
		if want := []string{"Slow deploys", "Noisy alerts"}; !reflect.DeepEqual(l[0].Problems, want) {
			t.Errorf("%s: problems %q, want %q", step, l[0].Problems, want)
		}
	}
	if mp, _ := x.path(dir); !exists(mp) {
		t.Fatal("no index")
	}
	l, _ := Lister{CacheDir: cacheDir, SkipActions: true}.List(dir, Filter{})
	if l[0].Problems != nil {
		t.Errorf("SkipActions still decodes problems: %q", l[0].Problems)
	}
}
