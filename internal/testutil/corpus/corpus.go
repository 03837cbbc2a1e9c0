// Package corpus generates realistic notes for benchmarks and tests.
package corpus

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/retrokata/retrokata/notes"
)

var (
	teams  = []string{"checkout", "catalog", "platform", "search", "payments"}
	people = []string{"alice", "bob", "chen", "dana", "eve", "farid", "zoë"}
	katas  = []string{"duplicate-import", "parameter-change", "game-day", "orphan-alert", "friday-hotfix"}
)

// Note builds the i-th note of a corpus: 70% retros, 30% katas, about 2 KB.
func Note(r *rand.Rand, i int) notes.Note {
	date := time.Date(2024, 1, 1, 14, 0, 0, 0, time.UTC).Add(time.Duration(i) * 97 * time.Minute)
	if r.Intn(10) < 3 {
		score, max := r.Intn(6), 5
		var b strings.Builder
		fmt.Fprintf(&b, "# Kata %d\n\n## Situation\n%s\n\n## My answers\n%s\n\n## Self-assessment\n", i, lorem(r, 60), lorem(r, 120))
		for k := 0; k < max; k++ {
			mark := " "
			if k < score {
				mark = "x"
			}
			fmt.Fprintf(&b, "- [%s] Key point %d\n", mark, k+1)
		}
		return notes.Note{Meta: notes.Meta{Type: notes.TypeKata, Title: fmt.Sprintf("Kata %s %d", katas[i%len(katas)], i), Date: date,
			Kata: katas[i%len(katas)], Score: &score, MaxScore: &max, Duration: "8m12s", Tags: []string{"incident"}}, Body: b.String()}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Sprint %d retrospective\n\n## Previous actions\n", i)
	for k := 0; k < 2; k++ {
		text, done := lorem(r, 6), r.Intn(2) == 0
		owner, decision := people[r.Intn(len(people))], "Carried over"
		if done {
			decision = "Done"
		}
		fmt.Fprintf(&b, "- %s: %s (@%s) — [2020-01-01-sprint](2020-01-01-sprint.md)\n", decision, text, owner)
	}
	b.WriteString("\n## Problems\n")
	for p := 1; p <= 3; p++ {
		fmt.Fprintf(&b, "### %d. %s — %d votes\n**What happened.** %s\n**Our reaction.** %s\n**What we learnt.** %s\n\n", p, lorem(r, 5), r.Intn(6), lorem(r, 25), lorem(r, 15), lorem(r, 12))
	}
	b.WriteString("## Actions\n")
	for k := 0; k < 3; k++ {
		st := notes.StatusOpen
		if r.Intn(4) == 0 {
			st = notes.StatusDone
		}
		b.WriteString(notes.ActionLine(notes.Action{Text: lorem(r, 7), Status: st, Owner: people[r.Intn(len(people))],
			Due: date.AddDate(0, 0, 14).Format("2006-01-02")}) + "\n")
	}
	return notes.Note{Meta: notes.Meta{Type: notes.TypeRetro, Title: fmt.Sprintf("Sprint %d retrospective", i), Date: date,
		Team: teams[i%len(teams)], Facilitator: people[i%len(people)], Participants: people[:4], Tags: []string{"deploy", "config"}}, Body: b.String()}
}

// Write writes n notes into dir.
func Write(dir string, n int, seed int64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	r := rand.New(rand.NewSource(seed))
	for i := 0; i < n; i++ {
		nt := Note(r, i)
		name := filepath.Join(dir, notes.FileName(nt)+fmt.Sprintf("-%05d.md", i))
		if err := os.WriteFile(name, notes.Render(nt), 0o644); err != nil {
			return err
		}
		// notes written in a past session, as in a real repository
		if err := os.Chtimes(name, nt.Date, nt.Date); err != nil {
			return err
		}
	}
	return nil
}

var words = strings.Fields("deploy rollback cache timeout alert pipeline config database migration canary review incident runbook metric dashboard staging production import queue retry owner team practice shared goal")

func lorem(r *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = words[r.Intn(len(words))]
	}
	return strings.Join(w, " ")
}
