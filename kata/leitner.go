package kata

import (
	"fmt"
	"sort"
	"time"

	"github.com/retrokata/retrokata/notes"
)

// Leitner boxes, exactly as documented so users can predict them: a kata
// never practised is in box 0 and due now; an attempt scoring at least 80%
// of max_score moves it up one box (at most 5), a lower one sends it to
// box 1; the next due date is the last attempt's date plus Intervals[box-1]
// days.
const (
	MaxBox    = 5
	PassShare = 0.8
)

// Intervals are the days until a kata in box 1..5 is due again.
func Intervals() [MaxBox]int { return [MaxBox]int{1, 3, 7, 14, 30} }

// Attempt is one practice of a kata, read from a kata note.
type Attempt struct {
	Kata     string
	Date     time.Time
	Score    int
	MaxScore int
	Variant  int // the variant played, from 1; 0 when the note names none
	Path     string
}

// Progress is where a kata stands after replaying its attempts.
type Progress struct {
	Kata      string
	Attempts  int
	LastScore int
	BestScore int
	MaxScore  int
	Box       int
	Last      time.Time // date of the last attempt
	NextDue   time.Time // a date (midnight, in Last's location); zero when never practised
}

// Due reports whether the kata should be practised on the day of today.
func (p Progress) Due(today time.Time) bool {
	if p.Attempts == 0 {
		return true
	}
	y, m, d := today.In(p.NextDue.Location()).Date()
	return !time.Date(y, m, d, 0, 0, 0, 0, p.NextDue.Location()).Before(p.NextDue)
}

// Passed reports whether a score moves the kata up a box.
func Passed(score, maxScore int) bool {
	return maxScore > 0 && float64(score) >= PassShare*float64(maxScore)
}

// Replay computes a kata's progress from its attempts, in date order
// whatever order they are given in.
func Replay(id string, attempts []Attempt) Progress {
	a := append([]Attempt(nil), attempts...)
	sort.SliceStable(a, func(i, j int) bool { return a[i].Date.Before(a[j].Date) })
	p := Progress{Kata: id}
	for _, at := range a {
		p.Attempts++
		p.LastScore, p.MaxScore, p.Last = at.Score, at.MaxScore, at.Date
		if p.Attempts == 1 || at.Score > p.BestScore {
			p.BestScore = at.Score
		}
		if Passed(at.Score, at.MaxScore) {
			p.Box = min(MaxBox, p.Box+1)
		} else {
			p.Box = 1
		}
	}
	if p.Attempts > 0 {
		y, m, d := p.Last.Date()
		p.NextDue = time.Date(y, m, d+Intervals()[p.Box-1], 0, 0, 0, 0, p.Last.Location())
	}
	return p
}

// Attempts reads the kata attempts from notes. A kata note without a
// usable score is returned as a problem, never counted and never fatal.
func Attempts(entries []notes.Entry) (map[string][]Attempt, []error) {
	out := map[string][]Attempt{}
	var probs []error
	for _, e := range entries {
		if e.Broken() || e.Meta.Type != notes.TypeKata {
			continue
		}
		m := e.Meta
		switch {
		case m.Kata == "":
			probs = append(probs, fmt.Errorf("%s: kata note without 'kata:'", e.Path))
		case m.Score == nil || m.MaxScore == nil:
			probs = append(probs, fmt.Errorf("%s: kata note without score and max_score", e.Path))
		case *m.Score < 0 || *m.Score > *m.MaxScore:
			probs = append(probs, fmt.Errorf("%s: score %d is outside 0..%d", e.Path, *m.Score, *m.MaxScore))
		default:
			out[m.Kata] = append(out[m.Kata], Attempt{Kata: m.Kata, Date: m.Date, Score: *m.Score, MaxScore: *m.MaxScore, Variant: m.Variant, Path: e.Path})
		}
	}
	return out, probs
}

// Streak counts consecutive days, ending today or yesterday, with at
// least one attempt.
func Streak(all map[string][]Attempt, today time.Time) int {
	days := map[string]bool{}
	for _, l := range all {
		for _, a := range l {
			days[a.Date.In(today.Location()).Format("2006-01-02")] = true
		}
	}
	y, m, d := today.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, today.Location())
	if !days[day.Format("2006-01-02")] {
		day = day.AddDate(0, 0, -1)
	}
	n := 0
	for days[day.Format("2006-01-02")] {
		n++
		day = day.AddDate(0, 0, -1)
	}
	return n
}

// Board is the progress of every kata in ids, from the attempts read from
// the notes, ordered for practice: due katas first, then by next due date
// (a kata never practised is due since forever); ties keep the order of ids.
func Board(ids []string, all map[string][]Attempt, today time.Time) []Progress {
	out := make([]Progress, len(ids))
	for i, id := range ids {
		out[i] = Replay(id, all[id])
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		da, db := a.Due(today), b.Due(today)
		if da != db {
			return da
		}
		return a.NextDue.Before(b.NextDue)
	})
	return out
}

// VariantsSeen lists the variants of a kata's attempts in date order, for
// PickVariant.
func VariantsSeen(attempts []Attempt) []int {
	a := append([]Attempt(nil), attempts...)
	sort.SliceStable(a, func(i, j int) bool { return a[i].Date.Before(a[j].Date) })
	out := make([]int, len(a))
	for i, at := range a {
		out[i] = at.Variant
	}
	return out
}
