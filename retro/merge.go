package retro

import "strings"

// MergeProblems folds problem from into problem into (duplicates written
// by two people): into keeps its title, gains from's text, reaction,
// learnings, tips and votes, and from is removed. It reports false for a
// bad index.
func (s *Session) MergeProblems(into, from int) bool {
	if into == from || into < 0 || from < 0 || into >= len(s.Problems) || from >= len(s.Problems) {
		return false
	}
	a, b := &s.Problems[into], s.Problems[from]
	join := func(x, y string) string {
		x, y = strings.TrimSpace(x), strings.TrimSpace(y)
		switch {
		case y == "" || y == x:
			return x
		case x == "":
			return y
		}
		return x + "\n\n" + y
	}
	if t := strings.TrimSpace(b.Title); t != "" && !strings.EqualFold(t, strings.TrimSpace(a.Title)) {
		if w := strings.TrimSpace(b.What); w != "" {
			t += ": " + w
		}
		a.What = join(a.What, t)
	} else {
		a.What = join(a.What, b.What)
	}
	a.Reaction = join(a.Reaction, b.Reaction)
	a.Learnings = append(a.Learnings, b.Learnings...)
	a.Votes += b.Votes
	for _, t := range b.Tips {
		has := false
		for _, u := range a.Tips {
			has = has || u == t
		}
		if !has {
			s.ToggleTip(into, t)
		}
	}
	s.DeleteProblem(from)
	return true
}
