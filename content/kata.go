package content

import (
	"regexp"
	"sort"
	"strings"
)

// A kata's stages are numbered by position: stage n is the n-th "## Stage"
// section, and decisions and "### Next" name stages by that number.

// Following returns the index of the stage after stage i when the player
// chose option choice (ignored when the stage does not branch), or -1 when
// the kata ends there. A stage that branches and has no valid choice yet
// also gives -1: call Branches first.
func (k Kata) Following(i, choice int) int {
	if i < 0 || i >= len(k.Stages) {
		return -1
	}
	st := k.Stages[i]
	next := st.Next
	if len(st.Decide) > 0 {
		if choice < 0 || choice >= len(st.Decide) {
			return -1
		}
		next = st.Decide[choice].Next
	}
	switch {
	case next == End:
		return -1
	case next == 0:
		if i+1 < len(k.Stages) {
			return i + 1
		}
		return -1
	case next-1 > i && next-1 < len(k.Stages):
		return next - 1
	}
	return -1
}

// Branches reports whether stage i asks for a decision.
func (k Kata) Branches(i int) bool { return i >= 0 && i < len(k.Stages) && len(k.Stages[i].Decide) > 0 }

// DecisionPoints is the number of stages that ask for a decision.
func (k Kata) DecisionPoints() int {
	n := 0
	for i := range k.Stages {
		if k.Branches(i) {
			n++
		}
	}
	return n
}

// OnRequest is the number of items the player can look at, in all stages.
func (k Kata) OnRequest() int {
	n := 0
	for _, s := range k.Stages {
		n += len(s.Look)
	}
	return n
}

// Path is a way through a kata: the stage indexes visited and, for each
// stage that branches on the way, the option chosen (Choices[stage]).
type Path struct {
	Stages  []int
	Choices map[int]int
}

// Paths lists every way through the kata from stage 1, in option order. A
// kata that does not branch has one path.
func (k Kata) Paths() []Path {
	var out []Path
	var walk func(i int, stages []int, choices map[int]int)
	walk = func(i int, stages []int, choices map[int]int) {
		stages = append(append([]int(nil), stages...), i)
		if len(stages) > len(k.Stages) { // cannot happen in a valid kata: targets go forward
			return
		}
		if !k.Branches(i) {
			if n := k.Following(i, 0); n >= 0 {
				walk(n, stages, choices)
				return
			}
			out = append(out, Path{Stages: stages, Choices: choices})
			return
		}
		for c := range k.Stages[i].Decide {
			ch := map[int]int{i: c}
			for s, v := range choices {
				ch[s] = v
			}
			if n := k.Following(i, c); n >= 0 {
				walk(n, stages, ch)
			} else {
				out = append(out, Path{Stages: stages, Choices: ch})
			}
		}
	}
	if len(k.Stages) > 0 {
		walk(0, nil, map[int]int{})
	}
	return out
}

// placeholder is a "{{name}}" in a kata's body, filled by a variant.
var placeholder = regexp.MustCompile(`\{\{\s*([A-Za-z0-9_]+)\s*\}\}`)

// Placeholders lists the names used as {{name}} in s, sorted, once each.
func Placeholders(s string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	sort.Strings(out)
	return out
}

// fill replaces the placeholders of s with v's values; a name v lacks is
// left as written.
func fill(s string, v Variant) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	return placeholder.ReplaceAllStringFunc(s, func(m string) string {
		name := placeholder.FindStringSubmatch(m)[1]
		if val, ok := v[name]; ok {
			return val
		}
		return m
	})
}

// WithVariant returns the kata with variant n (0-based) filled into its
// body: stages, what can be looked at, options, references, the reference
// reaction, learnings and debrief. A kata without variants, or n out of
// range, is returned unchanged.
func (k Kata) WithVariant(n int) Kata {
	if n < 0 || n >= len(k.Variants) {
		return k
	}
	v := k.Variants[n]
	out := k
	out.Stages = make([]Stage, len(k.Stages))
	for i, s := range k.Stages {
		s.Title, s.Situation, s.Prompt = fill(s.Title, v), fill(s.Situation, v), fill(s.Prompt, v)
		s.Predict, s.Reference = fill(s.Predict, v), fill(s.Reference, v)
		look := make([]Look, len(s.Look))
		for j, l := range s.Look {
			look[j] = Look{Label: fill(l.Label, v), Minutes: l.Minutes, Text: fill(l.Text, v)}
		}
		s.Look = look
		s.LookFirst = fill(s.LookFirst, v)
		opts := make([]Option, len(s.Decide))
		for j, o := range s.Decide {
			opts[j] = Option{Text: fill(o.Text, v), Next: o.Next}
		}
		if len(s.Decide) == 0 {
			opts = nil
		}
		s.Decide = opts
		out.Stages[i] = s
	}
	out.Reaction, out.Debrief = fill(k.Reaction, v), fill(k.Debrief, v)
	out.Learnings = make([]string, len(k.Learnings))
	for i, l := range k.Learnings {
		out.Learnings[i] = fill(l, v)
	}
	return out
}
