package notes

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/retrokata/retrokata/internal/frontmatter"
	"go.yaml.in/yaml/v3"
)

// Type is what a note records.
type Type string

// The two note types.
const (
	TypeRetro Type = "retro"
	TypeKata  Type = "kata"
)

// Meta is a note's front matter. Keys the app does not know are kept in
// the file untouched: the app never re-renders a note it did not write.
type Meta struct {
	Type         Type      `yaml:"type"`
	Title        string    `yaml:"title"`
	Date         time.Time `yaml:"date"`
	Team         string    `yaml:"team,omitempty"`
	Facilitator  string    `yaml:"facilitator,omitempty"`
	Participants []string  `yaml:"participants,omitempty,flow"`
	Tags         []string  `yaml:"tags,omitempty,flow"`
	Kata         string    `yaml:"kata,omitempty"`
	Score        *int      `yaml:"score,omitempty"`
	MaxScore     *int      `yaml:"max_score,omitempty"`
	Duration     string    `yaml:"duration,omitempty"`
	InTime       *bool     `yaml:"in_time,omitempty"`
	Variant      int       `yaml:"variant,omitempty"` // a kata's variant played, from 1; 0 when it has none
	ROTI         *float64  `yaml:"roti,omitempty"`    // a retro's return on time invested: the average, 1 to 5
}

// The range of a ROTI vote, and so of its average.
const (
	MinROTI = 1
	MaxROTI = 5
)

// Note is a whole note: front matter and markdown body. The body is the
// single source of truth for content; Actions are read from it.
type Note struct {
	Meta
	Body    string
	Actions []Action // filled by Parse
}

// Error is a problem in a note file, at a line when known.
type Error struct {
	Path string
	Line int
	Msg  string
	Err  error // the cause, for errors.Is (safefile.ErrOutside...), or nil
}

// Unwrap lets errors.Is see the cause.
func (e *Error) Unwrap() error { return e.Err }

func (e *Error) Error() string {
	switch {
	case e.Path != "" && e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	case e.Path != "":
		return fmt.Sprintf("%s: %s", e.Path, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// Render writes a note in the format of DESIGN.md: YAML front matter, then
// the body as given.
func Render(n Note) []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	m := n.Meta
	if err := enc.Encode(&m); err != nil {
		// Meta holds only strings, times and numbers: encoding cannot fail.
		panic(fmt.Sprintf("notes: encode front matter: %v", err))
	}
	_ = enc.Close()
	b.WriteString("---\n")
	body := strings.TrimLeft(n.Body, "\n")
	b.WriteString(body)
	if body != "" && !strings.HasSuffix(body, "\n") {
		b.WriteString("\n")
	}
	return b.Bytes()
}

// Parse reads a note. It accepts what people do to a note in an editor:
// CRLF endings, a byte order mark, extra or reordered sections, unknown
// front-matter keys, missing optional fields.
func Parse(data []byte) (Note, error) {
	doc, err := frontmatter.Split(data)
	if err != nil {
		return Note{}, asError(err)
	}
	var n Note
	if err := decodeMeta(doc, &n.Meta); err != nil {
		return Note{}, err
	}
	n.Body = string(doc.Body)
	n.Actions = parseActions(doc.Body, doc.BodyLine)
	return n, nil
}

// decodeMeta reads and checks the front matter.
func decodeMeta(doc frontmatter.Document, m *Meta) error {
	node, err := doc.Node()
	if err != nil {
		return asError(err)
	}
	if err := node.Decode(m); err != nil {
		if strings.Contains(err.Error(), "parsing time") {
			return &Error{Line: keyLine(doc, node, "date"), Msg: "date is not a date: use 2026-11-23 or 2026-11-23T14:00:00+01:00"}
		}
		return asError(doc.LineError(err))
	}
	switch m.Type {
	case TypeRetro, TypeKata:
	case "":
		return &Error{Line: 1, Msg: "missing 'type:' in front matter (retro or kata)"}
	default:
		return &Error{Line: keyLine(doc, node, "type"), Msg: fmt.Sprintf("type %q is not retro or kata", m.Type)}
	}
	if m.Score != nil && m.MaxScore != nil && (*m.Score < 0 || *m.Score > *m.MaxScore) {
		return &Error{Line: keyLine(doc, node, "score"), Msg: fmt.Sprintf("score %d is outside 0..max_score (%d)", *m.Score, *m.MaxScore)}
	}
	if m.ROTI != nil && !(*m.ROTI >= MinROTI && *m.ROTI <= MaxROTI) {
		return &Error{Line: keyLine(doc, node, "roti"), Msg: fmt.Sprintf("roti %g is outside %d..%d (the average return on time invested)", *m.ROTI, MinROTI, MaxROTI)}
	}
	return nil
}

func keyLine(doc frontmatter.Document, node *yaml.Node, key string) int {
	for i := 0; i+1 < len(node.Content); i += 2 {
		if node.Content[i].Value == key {
			return doc.FileLine(node.Content[i].Line)
		}
	}
	return 1
}

func asError(err error) error {
	if fe, ok := err.(*frontmatter.Error); ok {
		return &Error{Line: fe.Line, Msg: fe.Msg}
	}
	if err == frontmatter.ErrMissing {
		return &Error{Line: 1, Msg: err.Error()}
	}
	return &Error{Msg: err.Error()}
}
