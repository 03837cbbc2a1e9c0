package content

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/retrokata/retrokata/internal/frontmatter"
	"github.com/retrokata/retrokata/internal/safefile"
	"go.yaml.in/yaml/v3"
)

// controlProblems reports the control characters in the .md files under
// paths (files or dirs): C0 controls other than tab and newline (a CR is
// fine before a newline), DEL, C1 controls, ESC. A terminal would obey
// them when the content is shown (set the clipboard with OSC 52, change the
// window title, hide text), so a content file must not hold them, neither
// as bytes nor as YAML escapes ("\e") in its front matter. One problem per
// line.
func controlProblems(paths []string) []Problem {
	var probs []Problem
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			continue // readPath reports it
		}
		if !info.IsDir() {
			probs = append(probs, fileControlProblems(p)...)
			continue
		}
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(d.Name(), ".md") {
				probs = append(probs, fileControlProblems(path)...)
			}
			return nil
		})
	}
	return probs
}

func fileControlProblems(path string) []Problem {
	data, err := safefile.Read(path, safefile.ContentLimit)
	if err != nil {
		return nil // readPath reports it
	}
	var probs []Problem
	seen := map[int]bool{}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if r, ok := firstControl(line); ok {
			seen[i+1] = true
			probs = append(probs, Problem{Path: path, Line: i + 1, Msg: controlMsg(r)})
		} else if ref, r, ok := firstControlReference(line); ok {
			seen[i+1] = true
			probs = append(probs, Problem{Path: path, Line: i + 1, Msg: controlMsg(r) + " (written as " + ref + ", which markdown decodes)"})
		}
	}
	// Front matter values decoded from YAML escapes.
	doc, err := frontmatter.Split(data)
	if err != nil {
		return probs
	}
	node, err := doc.Node()
	if err != nil {
		return probs
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode {
			if r, ok := firstControl(n.Value); ok {
				if l := doc.FileLine(n.Line); !seen[l] {
					seen[l] = true
					probs = append(probs, Problem{Path: path, Line: l, Msg: controlMsg(r) + " (written as a YAML escape)"})
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(node)
	return probs
}

// firstControl returns the first control character in s that a terminal
// could act on.
func firstControl(s string) (rune, bool) {
	for _, r := range s {
		if r == utf8.RuneError || r == '\t' || r == '\n' {
			continue
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
			return r, true
		}
	}
	return 0, false
}

// controlRefRe matches an HTML numeric character reference, which markdown
// renderers decode: &#27; or &#x1b; spell ESC.
var controlRefRe = regexp.MustCompile(`&#([0-9]{1,7}|[xX][0-9a-fA-F]{1,6});`)

// firstControlReference returns the first character reference in s that
// decodes to a control character.
func firstControlReference(s string) (string, rune, bool) {
	if !strings.Contains(s, "&#") {
		return "", 0, false
	}
	for _, m := range controlRefRe.FindAllStringSubmatch(s, -1) {
		num, base := m[1], 10
		if num[0] == 'x' || num[0] == 'X' {
			num, base = num[1:], 16
		}
		v, err := strconv.ParseInt(num, base, 32)
		if err != nil {
			continue
		}
		if r, ok := firstControl(string(rune(v))); ok {
			return m[0], r, true
		}
	}
	return "", 0, false
}

func controlMsg(r rune) string {
	name := map[rune]string{0x1b: " (ESC, starts a terminal escape sequence)", 0x07: " (BEL)", 0x0d: " (carriage return)", 0x08: " (backspace)", 0x7f: " (DEL)", 0x9b: " (CSI)", 0x9d: " (OSC)"}[r]
	return fmt.Sprintf("control character U+%04X%s: remove it, a terminal showing this file would obey it", r, name)
}
