package content

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// kind is the sort of content a file holds, given by its directory.
type kind string

const (
	kindCase kind = "cases"
	kindTip  kind = "tips"
	kindKata kind = "katas"
)

// meta is the front matter of every content file: the schema is defined
// here once, and content/README.md documents it. fields says which keys
// each kind accepts and requires.
type meta struct {
	ID             string     `yaml:"id"`
	Number         int        `yaml:"number"`
	Title          string     `yaml:"title"`
	Summary        string     `yaml:"summary"`
	Try            string     `yaml:"try"`
	Difficulty     string     `yaml:"difficulty"`
	Case           string     `yaml:"case"`
	Kata           string     `yaml:"kata"`
	KeyPoints      []keyPoint `yaml:"key_points"`
	Variants       []Variant  `yaml:"variants"`
	Tips           []int      `yaml:"tips"`
	Tags           []string   `yaml:"tags"`
	Sources        []string   `yaml:"sources"`
	Reconstruction bool       `yaml:"reconstruction"`
}

// field is one front-matter key and whether a kind requires it.
type field struct {
	name     string
	required bool
}

// fields lists, per kind, the keys a file may have.
func fields(k kind) []field {
	common := []field{{"title", true}, {"tags", false}, {"sources", false}, {"reconstruction", false}}
	switch k {
	case kindCase:
		return append(common, field{"id", true}, field{"summary", true}, field{"tips", false}, field{"kata", false})
	case kindTip:
		return append(common, field{"number", true}, field{"try", true}, field{"summary", false})
	case kindKata:
		return append(common, field{"id", true}, field{"summary", true}, field{"difficulty", true},
			field{"key_points", true}, field{"tips", false}, field{"case", false}, field{"variants", false})
	}
	return nil
}

// Body sections, as "## " headings.
const (
	secContext      = "Context"
	secWhatHappened = "What happened"
	secReaction     = "Immediate reaction"
	secLearnt       = "What we learnt"
	secStage        = "Stage"
	secRefReaction  = "Reference reaction"
	secRefLearnings = "Reference learnings"
	secDebrief      = "Debrief"
)

// Stage subsections, as "### " headings inside a "## Stage" section.
const (
	subLook      = "Look at"
	subDecide    = "Decide"
	subNext      = "Next"
	subEnd       = "End"
	subPredict   = "Predict"
	subReference = "Reference"
	lookFirst    = "Look first:"
)

// Limits the validator enforces.
const (
	minStages    = 2
	minKeyPoints = 4
	maxKeyPoints = 6
	minLearnings = 2
	maxLearnings = 4
	minOptions   = 2
	maxOptions   = 3
	maxLookMin   = 120
	// The built-in library's standard (content check --strict).
	minVariants = 2
)

// keyPoint is a key point in front matter: a string, or a map with the
// point and its anchor (what an answer must contain to count).
type keyPoint struct {
	Point  string
	Anchor string
	Line   int // YAML line
}

// UnmarshalYAML accepts "- text" and "- {point: text, anchor: text}".
func (kp *keyPoint) UnmarshalYAML(n *yaml.Node) error {
	kp.Line = n.Line
	switch n.Kind {
	case yaml.ScalarNode:
		kp.Point = n.Value
		return nil
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if v.Kind != yaml.ScalarNode {
				return fmt.Errorf("line %d: key point %q must be text", v.Line, k.Value)
			}
			switch k.Value {
			case "point":
				kp.Point = v.Value
			case "anchor":
				kp.Anchor = v.Value
			default:
				return fmt.Errorf("line %d: unknown key %q in a key point (use point and anchor)", k.Line, k.Value)
			}
		}
		return nil
	}
	return fmt.Errorf("line %d: a key point is text, or a map with point and anchor", n.Line)
}
