package content

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
	ID             string   `yaml:"id"`
	Number         int      `yaml:"number"`
	Title          string   `yaml:"title"`
	Summary        string   `yaml:"summary"`
	Try            string   `yaml:"try"`
	Difficulty     string   `yaml:"difficulty"`
	Case           string   `yaml:"case"`
	Kata           string   `yaml:"kata"`
	KeyPoints      []string `yaml:"key_points"`
	Tips           []int    `yaml:"tips"`
	Tags           []string `yaml:"tags"`
	Sources        []string `yaml:"sources"`
	Reconstruction bool     `yaml:"reconstruction"`
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
			field{"key_points", true}, field{"tips", false}, field{"case", false})
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
)

// Limits the validator enforces.
const (
	minStages    = 2
	minKeyPoints = 4
	maxKeyPoints = 6
	minLearnings = 2
	maxLearnings = 4
)
