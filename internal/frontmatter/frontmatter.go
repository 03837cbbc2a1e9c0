// Package frontmatter splits a markdown file into its YAML front matter and
// body, and decodes the front matter with errors that name the file's line.
// Both the content library and the notes use it.
package frontmatter

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// MaxSize is the largest front matter read; past it the file is refused
// rather than handed to the YAML parser.
const MaxSize = 256 << 10

// ErrMissing reports a file that does not start with a "---" line.
var ErrMissing = errors.New("no front matter: the file must start with a line '---'")

// Error is a problem at a line of the file (1-based; 0 when unknown).
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// Document is a markdown file split in two. Text is normalised: no byte
// order mark and "\n" line endings.
type Document struct {
	YAML     []byte // front matter, without its "---" lines
	Body     []byte
	YAMLLine int // line of the file where YAML starts
	BodyLine int // line of the file where Body starts
}

// Normalize drops a UTF-8 byte order mark and turns CRLF into LF, so that a
// file saved by any editor parses the same.
func Normalize(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	return data
}

// Split separates the front matter from the body.
func Split(data []byte) (Document, error) {
	data = Normalize(data)
	first, rest, ok := bytes.Cut(data, []byte("\n"))
	if !ok || string(bytes.TrimRight(first, " \t")) != "---" {
		return Document{}, ErrMissing
	}
	line := 2
	pos := 0
	for pos <= len(rest) {
		end := bytes.IndexByte(rest[pos:], '\n')
		var l []byte
		if end < 0 {
			l = rest[pos:]
		} else {
			l = rest[pos : pos+end]
		}
		if t := string(bytes.TrimRight(l, " \t")); t == "---" || t == "..." {
			if pos > MaxSize {
				break
			}
			doc := Document{YAML: rest[:pos], YAMLLine: 2, BodyLine: line + 1}
			if end >= 0 {
				doc.Body = rest[pos+end+1:]
			}
			return doc, nil
		}
		if end < 0 || pos > MaxSize {
			break
		}
		pos += end + 1
		line++
	}
	if pos > MaxSize {
		return Document{}, &Error{Msg: fmt.Sprintf("front matter is larger than %d KiB", MaxSize>>10)}
	}
	return Document{}, &Error{Line: 1, Msg: "front matter is not closed: add a line '---' after it"}
}

// yamlLine finds "line N" in the YAML library's messages.
var yamlLine = regexp.MustCompile(`line (\d+)`)

// Node parses the front matter into a YAML node, with errors on file lines.
// Empty front matter gives an empty mapping.
func (d Document) Node() (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(d.YAML, &doc); err != nil {
		return nil, d.lineError(err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1}, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &Error{Line: d.fileLine(root.Line), Msg: "front matter must be a set of 'key: value' lines"}
	}
	return root, nil
}

// Decode parses the front matter into v, rejecting keys v does not know.
func (d Document) Decode(v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(d.YAML))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil && err.Error() != "EOF" {
		return d.lineError(err)
	}
	return nil
}

// FileLine maps a line of the YAML to a line of the file.
func (d Document) FileLine(yamlLine int) int { return d.fileLine(yamlLine) }

func (d Document) fileLine(l int) int {
	if l <= 0 {
		return 0
	}
	return l + d.YAMLLine - 1
}

// LineError rewrites an error of the YAML library (from decoding Node,
// say) onto the file's lines.
func (d Document) LineError(err error) error { return d.lineError(err) }

// lineError rewrites the YAML library's error into one Error on the file's
// line, keeping the first problem when there are several.
func (d Document) lineError(err error) error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		line = d.fileLine(n)
		msg = yamlLine.ReplaceAllString(msg, "")
	}
	msg = cleanMsg(msg)
	return &Error{Line: line, Msg: msg}
}

var (
	noise        = regexp.MustCompile(`^(yaml: )?(unmarshal errors:\s*)?:?\s*`)
	unknownField = regexp.MustCompile(`field (\S+) not found in type \S+`)
	spaces       = regexp.MustCompile(`\s+`)
)

func cleanMsg(s string) string {
	s = noise.ReplaceAllString(s, "")
	s = unknownField.ReplaceAllString(s, `unknown field "$1"`)
	s = spaces.ReplaceAllString(s, " ")
	if s == "" {
		return "invalid YAML"
	}
	return s
}
