package content

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/retrokata/retrokata/internal/frontmatter"
	"github.com/retrokata/retrokata/internal/safefile"
)

// Phase is the part of a retrospective an activity serves.
type Phase string

// The five phases of a retrospective, in the order they run.
const (
	SetTheStage      Phase = "set-the-stage"
	GatherData       Phase = "gather-data"
	GenerateInsights Phase = "generate-insights"
	DecideActions    Phase = "decide-actions"
	CloseRetro       Phase = "close"
)

// Phases lists the phases in the order a retro runs them.
func Phases() []Phase {
	return []Phase{SetTheStage, GatherData, GenerateInsights, DecideActions, CloseRetro}
}

// Valid reports whether p is one of the five phases.
func (p Phase) Valid() bool { return p.order() >= 0 }

func (p Phase) order() int {
	for i, q := range Phases() {
		if p == q {
			return i
		}
	}
	return -1
}

// Activity is one way to run a phase of a retro: what it is for, how it
// goes, how long it takes, and the prompt (and fields) that drive the phase
// when the facilitator picks it.
type Activity struct {
	Item
	ID      string
	Phase   Phase
	Goal    string
	Timebox time.Duration
	Prompt  string   // the question the phase asks
	Fields  []string // the columns cards go under, or a check-in's answers
	CheckIn bool     // a check-in: answers are tallied (or words collected)
	Steps   []string
	Notes   string // optional "## Notes" section
}

// activitiesDir is the directory of a content root that holds activities.
const activitiesDir = "activities"

// Activity limits the validator enforces.
const (
	minSteps   = 2
	maxSteps   = 8
	minTimebox = time.Minute
	maxTimebox = 2 * time.Hour
	maxFields  = 8
)

// activityMeta is the front matter of an activity file.
type activityMeta struct {
	ID             string   `yaml:"id"`
	Title          string   `yaml:"title"`
	Phase          string   `yaml:"phase"`
	Goal           string   `yaml:"goal"`
	Timebox        string   `yaml:"timebox"`
	Prompt         string   `yaml:"prompt"`
	Fields         []string `yaml:"fields"`
	CheckIn        bool     `yaml:"check_in"`
	Tags           []string `yaml:"tags"`
	Sources        []string `yaml:"sources"`
	Reconstruction bool     `yaml:"reconstruction"`
}

var activityFields = []field{{"id", true}, {"title", true}, {"phase", true}, {"goal", true}, {"timebox", true},
	{"prompt", true}, {"fields", false}, {"check_in", false}, {"tags", false}, {"sources", false}, {"reconstruction", false}}

// LoadActivities reads the activities of the sources in order; an activity
// whose id is already loaded replaces it. A file with a problem is skipped
// and its problems returned. The result is in phase order, then by file
// name within a phase.
func LoadActivities(srcs ...Source) ([]Activity, []Problem) {
	var all []Activity
	var probs []Problem
	for _, src := range srcs {
		acts, p := readActivities(src, activitiesDir)
		probs = append(probs, p...)
		probs = append(probs, duplicateActivities(acts)...)
		all = append(all, acts...)
	}
	return mergeActivities(all), probs
}

// ActivitiesFor returns the activities of one phase.
func ActivitiesFor(acts []Activity, p Phase) []Activity {
	var out []Activity
	for _, a := range acts {
		if a.Phase == p {
			out = append(out, a)
		}
	}
	return out
}

// mergeActivities keeps the last activity loaded for each id, in phase
// order, stable within a phase.
func mergeActivities(acts []Activity) []Activity {
	index := map[string]int{}
	var out []Activity
	for _, a := range acts {
		if i, ok := index[a.ID]; ok {
			out[i] = a
			continue
		}
		index[a.ID] = len(out)
		out = append(out, a)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Phase.order() < out[j].Phase.order() })
	return out
}

func duplicateActivities(acts []Activity) []Problem {
	seen := map[string]string{}
	var probs []Problem
	for _, a := range acts {
		if first, ok := seen[a.ID]; ok {
			probs = append(probs, Problem{Path: a.Path, Line: 1, Msg: fmt.Sprintf("duplicate id %q (also in %s)", a.ID, first)})
			continue
		}
		seen[a.ID] = a.Path
	}
	return probs
}

// readActivities parses the .md files of one activities directory of a
// source (dir is relative to the source's root).
func readActivities(src Source, dir string) ([]Activity, []Problem) {
	return readMarkdownDir(src, dir, func(file string, data []byte) (Activity, []Problem) {
		return parseActivity(file, data, src.Origin)
	})
}

func whyNot(err error) string {
	var se *safefile.Error
	if errors.As(err, &se) {
		return se.Why
	}
	return unwrapPath(err)
}

// checkActivities validates the activities among paths (a content root's
// activities/, an activities directory, or a file in one) and returns the
// paths left for the other kinds: a content root stays, since it also holds
// cases, tips and katas.
func checkActivities(paths []string) (rest []string, probs []Problem) {
	var checked []Activity
	for _, p := range paths {
		p = filepath.Clean(p)
		info, err := os.Stat(p)
		if err != nil {
			rest = append(rest, p)
			continue
		}
		switch {
		case info.IsDir() && filepath.Base(p) == activitiesDir:
			acts, pr := readActivities(DirSource(OriginUser, p), ".")
			checked, probs = append(checked, acts...), append(probs, pr...)
		case info.IsDir():
			acts, pr := readActivities(DirSource(OriginUser, p), activitiesDir)
			checked, probs = append(checked, acts...), append(probs, pr...)
			rest = append(rest, p)
		case filepath.Base(filepath.Dir(p)) == activitiesDir:
			data, err := safefile.Read(p, safefile.ContentLimit)
			if err != nil {
				probs = append(probs, Problem{Path: p, Msg: "cannot read: " + whyNot(err)})
				continue
			}
			a, pr := parseActivity(p, data, OriginUser)
			probs = append(probs, pr...)
			if len(pr) == 0 {
				checked = append(checked, a)
			}
		default:
			rest = append(rest, p)
		}
	}
	return rest, append(probs, duplicateActivities(checked)...)
}

// numbered is a "1. " or "1) " list item.
var numbered = regexp.MustCompile(`^\d+[.)]\s+`)

// steps reads a numbered or bulleted list, joining continuation lines.
func steps(text string) []string {
	var items []string
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimSpace(l)
		switch {
		case numbered.MatchString(t):
			items = append(items, strings.TrimSpace(numbered.ReplaceAllString(t, "")))
		case strings.HasPrefix(t, "- "), strings.HasPrefix(t, "* "):
			items = append(items, strings.TrimSpace(t[2:]))
		case t != "" && len(items) > 0:
			items[len(items)-1] += " " + t
		}
	}
	return items
}

// parseActivity reads one activity file; the activity is usable only when
// no problem is returned.
func parseActivity(file string, data []byte, origin Origin) (Activity, []Problem) {
	var probs []Problem
	add := func(line int, format string, a ...any) {
		probs = append(probs, Problem{Path: file, Line: line, Msg: fmt.Sprintf(format, a...)})
	}
	doc, err := frontmatter.Split(data)
	if err != nil {
		return Activity{}, []Problem{fmErr(file, err)}
	}
	node, err := doc.Node()
	if err != nil {
		return Activity{}, []Problem{fmErr(file, err)}
	}
	keyLine := map[string]int{}
	allowed := map[string]bool{}
	var names []string
	for _, f := range activityFields {
		allowed[f.name] = true
		names = append(names, f.name)
	}
	for i := 0; i+1 < len(node.Content); i += 2 {
		key := node.Content[i]
		line := doc.FileLine(key.Line)
		if _, dup := keyLine[key.Value]; dup {
			add(line, "field %q is set twice", key.Value)
		}
		keyLine[key.Value] = line
		if !allowed[key.Value] {
			add(line, "unknown field %q for activities (allowed: %s)", key.Value, strings.Join(names, ", "))
		}
	}
	for _, f := range activityFields {
		if v, ok := valueOf(node, f.name); f.required && (!ok || isEmpty(v)) {
			add(1, "missing required field %q", f.name)
		}
	}
	var m activityMeta
	if err := doc.Decode(&m); err != nil {
		if fe, ok := err.(*frontmatter.Error); !ok || !strings.HasPrefix(fe.Msg, "unknown field") {
			probs = append(probs, fmErr(file, err))
		}
	}
	a := Activity{
		Item: Item{Title: strings.TrimSpace(m.Title), Summary: strings.TrimSpace(m.Goal), Tags: m.Tags,
			Sources: m.Sources, Reconstruction: m.Reconstruction, Origin: origin, Path: file},
		ID: m.ID, Phase: Phase(m.Phase), Goal: strings.TrimSpace(m.Goal), Prompt: strings.TrimSpace(m.Prompt),
		CheckIn: m.CheckIn,
	}
	if m.ID != "" && !validID(m.ID) {
		add(keyLine["id"], "id %q must be lowercase letters, digits and dashes", m.ID)
	}
	if m.Phase != "" && !a.Phase.Valid() {
		var ps []string
		for _, p := range Phases() {
			ps = append(ps, string(p))
		}
		add(keyLine["phase"], "phase %q is not one of %s", m.Phase, strings.Join(ps, ", "))
	}
	if a.CheckIn && m.Phase != "" && a.Phase != SetTheStage {
		add(keyLine["check_in"], "a check-in belongs to phase %s", SetTheStage)
	}
	if m.Timebox != "" {
		d, err := time.ParseDuration(strings.TrimSpace(m.Timebox))
		switch {
		case err != nil:
			add(keyLine["timebox"], "timebox %q is not a duration: write it like 10m or 1h30m", m.Timebox)
		case d < minTimebox || d > maxTimebox:
			add(keyLine["timebox"], "timebox %s is outside %s..%s", d, minTimebox, maxTimebox)
		default:
			a.Timebox = d
		}
	}
	for _, f := range m.Fields {
		if f = strings.TrimSpace(f); f == "" {
			add(keyLine["fields"], "a field is empty")
			continue
		}
		a.Fields = append(a.Fields, f)
	}
	if len(a.Fields) > maxFields {
		add(keyLine["fields"], "%d fields; an activity has at most %d", len(a.Fields), maxFields)
	}
	for _, s := range sections(string(doc.Body), doc.BodyLine) {
		switch {
		case strings.EqualFold(s.title, "Steps"):
			a.Steps = steps(s.text)
			if n := len(a.Steps); n < minSteps || n > maxSteps {
				add(s.line, "%d steps; an activity has %d to %d", n, minSteps, maxSteps)
			}
		case strings.EqualFold(s.title, "Notes"):
			a.Notes = s.text
		default:
			add(s.line, "unknown section %q: an activity has '## Steps' and an optional '## Notes'", s.title)
		}
	}
	if a.Steps == nil && !hasProblem(probs, "steps;") {
		add(doc.BodyLine, "missing section '## Steps' (a numbered list of %d to %d steps)", minSteps, maxSteps)
	}
	return a, probs
}

func hasProblem(probs []Problem, s string) bool {
	for _, p := range probs {
		if strings.Contains(p.Msg, s) {
			return true
		}
	}
	return false
}

// ActivityMarkdown renders an activity for reading.
func ActivityMarkdown(a Activity) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s · %d min\n\n**Goal.** %s\n\n**Prompt.** %s\n\n", a.Title, a.Phase, int(a.Timebox.Minutes()), a.Goal, a.Prompt)
	if len(a.Fields) > 0 {
		fmt.Fprintf(&b, "**Fields.** %s\n\n", strings.Join(a.Fields, " · "))
	}
	b.WriteString("## Steps\n\n")
	for i, s := range a.Steps {
		fmt.Fprintf(&b, "%d. %s\n", i+1, s)
	}
	b.WriteString("\n")
	if a.Notes != "" {
		fmt.Fprintf(&b, "## Notes\n\n%s\n\n", a.Notes)
	}
	footer(&b, a.Item)
	return b.String()
}
