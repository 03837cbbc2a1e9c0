package content

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/retrokata/retrokata/internal/frontmatter"
	"go.yaml.in/yaml/v3"
)

var (
	// stageNumber is the "Stage 2: " before a stage's own title.
	stageNumber = regexp.MustCompile(`^Stage\s*(\d*)\s*[:.]?\s*`)
	// lookHeading is "Look at: label (5 min)".
	lookHeading = regexp.MustCompile(`^(?i:look at)\s*:?\s*(.*?)\s*\(\s*(\d+)\s*(?i:min|mins|minutes?)\s*\)\s*$`)
	// optionLine is "text → 3", "text -> 3" or "text → end".
	optionLine = regexp.MustCompile(`^(.*?)\s*(?:→|->)\s*(?i:stage\s*)?(\d+|(?i:end))\s*$`)
	// nextHeading is "Next: 3" or "Next: stage 3".
	nextHeading = regexp.MustCompile(`^(?i:next)\s*:?\s*(?i:stage\s*)?(\d+)\s*$`)
)

// parseStage reads a "## Stage" section: the situation and its final "> "
// question, then its "### " subsections (Look at, Decide, Predict, Next,
// End, Reference).
func parseStage(s section, path string) (Stage, []Problem) {
	var probs []Problem
	add := func(line int, format string, a ...any) {
		probs = append(probs, Problem{Path: path, Line: line, Msg: fmt.Sprintf(format, a...)})
	}
	st := Stage{Line: s.line}
	if m := stageNumber.FindStringSubmatch(s.title); m != nil && m[1] != "" {
		st.Number, _ = strconv.Atoi(m[1])
	}
	st.Title = stageNumber.ReplaceAllString(s.title, "")
	subs := s.subs
	st.Situation, st.Prompt = situationAndPrompt(s.lead)
	if st.Situation == "" {
		add(s.line, "the stage has no situation: write what the player sees before any '### ' part")
	}
	seen := map[string]int{}
	once := func(sub section, name string) bool {
		if first, dup := seen[name]; dup {
			add(sub.line, "a second '### %s' in this stage (the first is on line %d)", name, first)
			return false
		}
		seen[name] = sub.line
		return true
	}
	for _, sub := range subs {
		switch t := sub.title; {
		case lookHeading.MatchString(t):
			m := lookHeading.FindStringSubmatch(t)
			n, _ := strconv.Atoi(m[2])
			l := Look{Label: strings.TrimSpace(m[1]), Minutes: n, Text: sub.text}
			switch {
			case l.Label == "":
				add(sub.line, "'### Look at' needs a label: '### Look at: the import log (3 min)'")
			case n > maxLookMin:
				add(sub.line, "%d minutes to look at %q: at most %d", n, l.Label, maxLookMin)
			case l.Text == "":
				add(sub.line, "%q has nothing to show: write what the player sees when they open it", l.Label)
			}
			for _, o := range st.Look {
				if strings.EqualFold(o.Label, l.Label) {
					add(sub.line, "two things to look at are called %q in this stage", l.Label)
				}
			}
			st.Look = append(st.Look, l)
		case strings.HasPrefix(strings.ToLower(t), strings.ToLower(subLook)):
			add(sub.line, "write its cost: '### Look at: %s (3 min)'", strings.TrimSpace(t[len(subLook):]))
		case strings.EqualFold(t, subDecide):
			if !once(sub, subDecide) {
				continue
			}
			st.Decide = parseOptions(sub, add)
		case strings.EqualFold(t, subPredict):
			if once(sub, subPredict) {
				st.Predict = sub.text
				if st.Predict == "" {
					add(sub.line, "'### Predict' is empty: ask what the player expects to happen next")
				}
			}
		case strings.EqualFold(t, subEnd):
			if once(sub, "Next/End") {
				st.Next = End
			}
		case nextHeading.MatchString(t):
			if once(sub, "Next/End") {
				st.Next, _ = strconv.Atoi(nextHeading.FindStringSubmatch(t)[1])
				if st.Next < 1 {
					add(sub.line, "'### Next' names a stage number, 1 or more")
				}
			}
		case strings.EqualFold(t, subReference):
			if once(sub, subReference) {
				st.Reference, st.LookFirst = referenceAndLookFirst(sub.text)
				if st.Reference == "" {
					add(sub.line, "'### Reference' is empty: write this stage's reference answer")
				}
			}
		default:
			add(sub.line, "unknown part '### %s' in a stage (use Look at: label (N min), Decide, Predict, Next: N, End, Reference)", t)
		}
	}
	if len(st.Decide) > 0 && st.Next != 0 {
		add(seen["Next/End"], "a stage that asks to decide goes where the option points: remove '### Next'/'### End'")
	}
	if st.LookFirst != "" && !hasLook(st, st.LookFirst) {
		add(seen[subReference], "'Look first: %s' names nothing this stage offers to look at", st.LookFirst)
	}
	return st, probs
}

// situationAndPrompt splits a stage's text into its situation and its
// question: the final "> " quote, or DefaultPrompt.
func situationAndPrompt(text string) (string, string) {
	lines := strings.Split(text, "\n")
	end := len(lines)
	for end > 0 && strings.HasPrefix(strings.TrimSpace(lines[end-1]), ">") {
		end--
	}
	prompt := DefaultPrompt
	if end < len(lines) {
		var q []string
		for _, l := range lines[end:] {
			q = append(q, strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), ">")))
		}
		if p := strings.TrimSpace(strings.Join(q, " ")); p != "" {
			prompt = p
		}
	}
	return strings.TrimSpace(strings.Join(lines[:end], "\n")), prompt
}

// parseOptions reads a Decide list: "- text → N" per option.
func parseOptions(sub section, add func(int, string, ...any)) []Option {
	var opts []Option
	for i, l := range sub.raw {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		line := sub.line + 1 + i
		if !strings.HasPrefix(t, "- ") && !strings.HasPrefix(t, "* ") {
			add(line, "a decision lists its options as '- option → stage number'")
			continue
		}
		m := optionLine.FindStringSubmatch(strings.TrimSpace(t[2:]))
		if m == nil || strings.TrimSpace(m[1]) == "" {
			add(line, "an option ends with '→ N' (the stage it leads to) or '→ end'")
			continue
		}
		o := Option{Text: strings.TrimSpace(m[1]), Next: End}
		if !strings.EqualFold(m[2], "end") {
			o.Next, _ = strconv.Atoi(m[2])
		}
		opts = append(opts, o)
	}
	if n := len(opts); n < minOptions || n > maxOptions {
		add(sub.line, "%d options; a decision has %d or %d", n, minOptions, maxOptions)
	}
	return opts
}

// referenceAndLookFirst takes the "Look first: label" line out of a stage
// reference.
func referenceAndLookFirst(text string) (string, string) {
	var keep []string
	first := ""
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimSpace(l)
		if len(t) >= len(lookFirst) && strings.EqualFold(t[:len(lookFirst)], lookFirst) {
			first = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(t[len(lookFirst):]), "."))
			continue
		}
		keep = append(keep, l)
	}
	return strings.TrimSpace(strings.Join(keep, "\n")), first
}

func hasLook(st Stage, label string) bool {
	for _, l := range st.Look {
		if strings.EqualFold(l.Label, label) {
			return true
		}
	}
	return false
}

// checkStages validates the way through a kata: decisions and "### Next"
// name stages that exist, further on (so there is no loop), every stage can
// be reached from stage 1, and a prediction has a next stage to compare
// with.
func checkStages(k *Kata, path string) []Problem {
	var probs []Problem
	add := func(line int, format string, a ...any) {
		probs = append(probs, Problem{Path: path, Line: line, Msg: fmt.Sprintf(format, a...)})
	}
	branching := false
	for _, s := range k.Stages {
		if len(s.Decide) > 0 || s.Next != 0 {
			branching = true
		}
	}
	if !branching {
		return nil
	}
	n := len(k.Stages)
	for i, s := range k.Stages {
		if s.Number != 0 && s.Number != i+1 {
			add(s.Line, "this is stage %d of the file but is numbered %d: decisions name stages by their place", i+1, s.Number)
		}
		targets := []int{s.Next}
		for _, o := range s.Decide {
			targets = append(targets, o.Next)
		}
		distinct := map[int]bool{}
		for _, t := range targets {
			if t == 0 || t == End {
				continue
			}
			if t > n {
				add(s.Line, "stage %d leads to stage %d, and there are %d", i+1, t, n)
			} else if t <= i+1 {
				add(s.Line, "stage %d leads back to stage %d: a kata only goes forward", i+1, t)
			}
		}
		for _, o := range s.Decide {
			distinct[o.Next] = true
		}
		if len(s.Decide) >= minOptions && len(distinct) == 1 {
			add(s.Line, "every option of stage %d leads to the same place: use '### Next' instead of '### Decide'", i+1)
		}
	}
	if len(probs) > 0 {
		return probs
	}
	reach := make([]bool, n)
	for _, p := range k.Paths() {
		for _, i := range p.Stages {
			reach[i] = true
		}
	}
	for i, ok := range reach {
		if !ok {
			add(k.Stages[i].Line, "no decision or '### Next' leads to stage %d", i+1)
		}
	}
	for i, s := range k.Stages {
		if s.Predict == "" {
			continue
		}
		ends := k.Following(i, 0) < 0
		if k.Branches(i) {
			ends = false
			for c := range s.Decide {
				if k.Following(i, c) < 0 {
					ends = true
				}
			}
		}
		if ends {
			add(s.Line, "stage %d asks for a prediction but the kata can end there: predict only before a next stage", i+1)
		}
	}
	return probs
}

// checkVariants checks that every {{name}} in the body is filled by every
// variant, that a variant fills nothing unused, and that front matter has
// no placeholders (titles and key points are shown before a variant is
// picked).
func checkVariants(k *Kata, doc frontmatter.Document, node *yaml.Node, body, path string) []Problem {
	var probs []Problem
	add := func(line int, format string, a ...any) {
		probs = append(probs, Problem{Path: path, Line: line, Msg: fmt.Sprintf(format, a...)})
	}
	used := map[string]bool{}
	for i, l := range strings.Split(body, "\n") {
		for _, name := range Placeholders(l) {
			used[name] = true
			if len(k.Variants) == 0 {
				add(doc.BodyLine+i, "{{%s}} needs a value: add 'variants:' to the front matter", name)
				continue
			}
			for j, v := range k.Variants {
				if _, ok := v[name]; !ok {
					add(doc.BodyLine+i, "{{%s}} is not set by variant %d", name, j+1)
				}
			}
		}
	}
	for i := 0; i+1 < len(node.Content); i += 2 {
		if key := node.Content[i].Value; key != "variants" {
			if names := Placeholders(nodeText(node.Content[i+1])); len(names) > 0 {
				add(doc.FileLine(node.Content[i].Line), "{{%s}} in %q: placeholders go in the body only", names[0], key)
			}
		}
	}
	var items []*yaml.Node
	if v, ok := valueOf(node, "variants"); ok && v.Kind == yaml.SequenceNode {
		items = v.Content
	}
	for j, v := range k.Variants {
		line := 0
		if j < len(items) {
			line = doc.FileLine(items[j].Line)
		}
		if len(v) == 0 {
			add(line, "variant %d is empty: give the values of its placeholders", j+1)
		}
		for name, val := range v {
			switch {
			case !used[name]:
				add(line, "variant %d sets %q, which the body never uses as {{%s}}", j+1, name, name)
			case strings.TrimSpace(val) == "":
				add(line, "variant %d leaves %q empty", j+1, name)
			}
		}
	}
	return sortProblems(probs)
}

// nodeText is every scalar under n, joined.
func nodeText(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return n.Value
	}
	var b strings.Builder
	for _, c := range n.Content {
		b.WriteString(nodeText(c) + "\n")
	}
	return b.String()
}

// sortProblems orders problems by line, then message, so map iteration
// never changes the output.
func sortProblems(p []Problem) []Problem {
	for i := 1; i < len(p); i++ {
		for j := i; j > 0 && (p[j].Line < p[j-1].Line || p[j].Line == p[j-1].Line && p[j].Msg < p[j-1].Msg); j-- {
			p[j], p[j-1] = p[j-1], p[j]
		}
	}
	return p
}

// standard checks what the built-in library promises beyond the format:
// reconstruction and sources on every item; for a kata, at least two
// variants, something to look at, and an anchor on every key point.
// `content check --strict` applies it.
func standard(p parsed) []Problem {
	it := p.item()
	var probs []Problem
	add := func(line int, format string, a ...any) {
		probs = append(probs, Problem{Path: it.Path, Line: line, Msg: fmt.Sprintf(format, a...)})
	}
	if _, ok := p.keyLine["reconstruction"]; !ok {
		add(1, "set 'reconstruction: true' (details are ours) or 'false' (all reported by the sources)")
	}
	if len(it.Sources) == 0 {
		add(1, "add 'sources:': where each fact comes from, quoting the source sentence")
	}
	for _, s := range it.Sources {
		if strings.TrimSpace(s) == "" {
			add(p.keyLine["sources"], "a source is empty")
		}
	}
	if p.kind != kindKata {
		return probs
	}
	k := p.kata
	if len(k.Variants) < minVariants {
		add(1, "%d variant(s); write at least %d under 'variants:'", len(k.Variants), minVariants)
	}
	if k.OnRequest() == 0 {
		add(k.Stages[0].Line, "nothing to look at: add '### Look at: label (N min)' to a stage")
	}
	var bare []string
	for i, a := range k.Anchors {
		if a == "" {
			bare = append(bare, strconv.Itoa(i+1))
		}
	}
	if len(bare) > 0 {
		add(p.keyLine["key_points"], "key point(s) %s without an anchor: write each as {point: ..., anchor: what an answer must contain to count}", strings.Join(bare, ", "))
	}
	return probs
}
