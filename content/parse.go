package content

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/retrokata/retrokata/internal/frontmatter"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"
)

// section is a "## " (or "### ") part of a body.
type section struct {
	title string
	line  int // file line of the heading
	text  string
	raw   []string // the lines below the heading, untrimmed
	// subs are the "### " parts of the section and lead its text before
	// the first of them (a stage's situation and question).
	subs []section
	lead string
}

// heading is a top-level level 2 or 3 heading of a body, ATX ("## x") or
// setext ("x" underlined by "---"), spanning lines first..last of the body.
type heading struct {
	level       int
	title       string
	first, last int
}

// sections splits a markdown body on its level 2 headings, and each
// section on its level 3 headings, as CommonMark reads them (goldmark): a
// "## " line inside a fenced or indented code block, an HTML block or a
// quote is text, and a line of "---" under a paragraph makes it a heading.
// The text of each section is cut from the body's own lines, untouched.
// Text before the first heading is dropped.
func sections(body string, firstLine int) []section {
	lines := strings.Split(body, "\n")
	hs := headings([]byte(body), lines)
	var out []section
	for i, h := range hs {
		if h.level != 2 {
			continue
		}
		end := len(lines)
		j := i + 1
		for ; j < len(hs) && hs[j].level != 2; j++ {
		}
		if j < len(hs) {
			end = hs[j].first
		}
		s := cut(lines, h, end, firstLine)
		// Its "### " parts, up to the next "## ".
		leadEnd := end
		if i+1 < j {
			leadEnd = hs[i+1].first
		}
		s.lead = strings.TrimSpace(strings.Join(lines[h.last+1:leadEnd], "\n"))
		for k := i + 1; k < j; k++ {
			subEnd := end
			if k+1 < j {
				subEnd = hs[k+1].first
			}
			s.subs = append(s.subs, cut(lines, hs[k], subEnd, firstLine))
		}
		out = append(out, s)
	}
	return out
}

// cut is the section below heading h, up to line end (excluded).
func cut(lines []string, h heading, end, firstLine int) section {
	raw := append([]string(nil), lines[h.last+1:end]...)
	return section{title: h.title, line: firstLine + h.first, raw: raw,
		text: strings.TrimSpace(strings.Join(raw, "\n"))}
}

// atx reports whether line is an ATX heading line: "#"s then a space,
// a tab or nothing (the text of a setext heading never is one).
func atx(line string) bool {
	t := strings.TrimLeft(strings.TrimRight(line, "\r"), " ")
	h := strings.TrimLeft(t, "#")
	return len(h) < len(t) && (h == "" || h[0] == ' ' || h[0] == '\t')
}

// headings lists the top-level level 2 and 3 headings of body, whose lines
// are lines, in order.
func headings(body []byte, lines []string) []heading {
	// Block structure only: inline markup never decides where a heading is.
	p := parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...))
	// CommonMark ends a line at a lone "\r" too; the sections are cut on
	// "\n", so goldmark sees a lone "\r" as a space (offsets unchanged).
	src := body
	if i := bytes.IndexByte(body, '\r'); i >= 0 {
		src = bytes.Clone(body)
		for ; i < len(src); i++ {
			if src[i] == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
				src[i] = ' '
			}
		}
	}
	doc := p.Parse(text.NewReader(src))
	starts := make([]int, len(lines))
	for i, off := 0, 0; i < len(lines); i++ {
		starts[i] = off
		off += len(lines[i]) + 1
	}
	lineOf := func(off int) int {
		return sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
	}
	var out []heading
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok || h.Level < 2 || h.Level > 3 {
			continue
		}
		segs := h.Lines()
		pos := h.Pos()
		if pos < 0 && segs.Len() > 0 {
			pos = segs.At(0).Start
		}
		if pos < 0 {
			continue
		}
		hd := heading{level: h.Level, first: lineOf(pos)}
		hd.last = hd.first
		var title []string
		for i := 0; i < segs.Len(); i++ {
			seg := segs.At(i)
			title = append(title, strings.TrimSpace(string(seg.Value(body))))
		}
		hd.title = strings.Join(title, " ")
		if !atx(lines[hd.first]) && segs.Len() > 0 {
			// A setext heading: its text lines, then the underline.
			last := segs.At(segs.Len() - 1)
			hd.last = min(lineOf(max(last.Stop-1, last.Start))+1, len(lines)-1)
		}
		if len(out) > 0 && hd.first <= out[len(out)-1].last {
			continue // a guard: two blocks never share a line
		}
		out = append(out, hd)
	}
	return out
}

// listItems returns the "- " or "* " items of a markdown list, joining
// continuation lines.
func listItems(text string) []string {
	var items []string
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "- "), strings.HasPrefix(t, "* "):
			items = append(items, strings.TrimSpace(t[2:]))
		case t != "" && len(items) > 0:
			items[len(items)-1] += " " + t
		}
	}
	return items
}

// parsed is one content file after parsing: exactly one of the pointers is set.
type parsed struct {
	kind kind
	cs   *Case
	tip  *Tip
	kata *Kata
	// lines of front-matter keys, for reference errors
	keyLine map[string]int
	// what the built-in library's standard finds (content check --strict)
	standard []Problem
}

func (p parsed) id() string {
	switch p.kind {
	case kindCase:
		return p.cs.ID
	case kindTip:
		return fmt.Sprint(p.tip.Number)
	default:
		return p.kata.ID
	}
}

func (p parsed) item() *Item {
	switch p.kind {
	case kindCase:
		return &p.cs.Item
	case kindTip:
		return &p.tip.Item
	default:
		return &p.kata.Item
	}
}

// parseFile reads one content file of kind k. Every problem found is
// returned; the item is usable only when there are none.
func parseFile(path string, data []byte, k kind, origin Origin) (parsed, []Problem) {
	var probs []Problem
	add := func(line int, format string, a ...any) {
		probs = append(probs, Problem{Path: path, Line: line, Msg: fmt.Sprintf(format, a...)})
	}
	doc, err := frontmatter.Split(data)
	if err != nil {
		return parsed{}, []Problem{fmErr(path, err)}
	}
	node, err := doc.Node()
	if err != nil {
		return parsed{}, []Problem{fmErr(path, err)}
	}
	keyLine := map[string]int{}
	allowed := map[string]bool{}
	for _, f := range fields(k) {
		allowed[f.name] = true
	}
	for i := 0; i+1 < len(node.Content); i += 2 {
		key := node.Content[i]
		line := doc.FileLine(key.Line)
		if _, dup := keyLine[key.Value]; dup {
			add(line, "field %q is set twice", key.Value)
		}
		keyLine[key.Value] = line
		if !allowed[key.Value] {
			add(line, "unknown field %q for %s (allowed: %s)", key.Value, k, allowedList(k))
		}
	}
	for _, f := range fields(k) {
		v, ok := valueOf(node, f.name)
		if f.required && (!ok || isEmpty(v)) {
			add(1, "missing required field %q", f.name)
		}
	}
	var m meta
	// Decode the node already parsed (parsing the YAML twice was half the
	// cost of loading the library); unknown keys were reported above, with
	// the kind's allowed list.
	if err := node.Decode(&m); err != nil {
		probs = append(probs, fmErr(path, doc.LineError(err)))
	}
	it := Item{Title: strings.TrimSpace(m.Title), Summary: strings.TrimSpace(m.Summary), Tags: m.Tags,
		Sources: m.Sources, Reconstruction: m.Reconstruction, Origin: origin, Path: path}
	body := sections(string(doc.Body), doc.BodyLine)
	p := parsed{kind: k, keyLine: keyLine}
	switch k {
	case kindCase:
		c := &Case{Item: it, ID: m.ID, Tips: m.Tips, Kata: m.Kata}
		c.Context = need(body, secContext, path, &probs)
		c.WhatHappened = need(body, secWhatHappened, path, &probs)
		c.Reaction = need(body, secReaction, path, &probs)
		c.Learnings = listItems(need(body, secLearnt, path, &probs))
		if n := len(c.Learnings); n > 0 && (n < minLearnings || n > maxLearnings) {
			add(sectionLine(body, secLearnt), "%d learnings; a case has %d to %d", n, minLearnings, maxLearnings)
		}
		p.cs = c
	case kindTip:
		t := &Tip{Item: it, Number: m.Number, Try: strings.TrimSpace(m.Try), Body: strings.TrimSpace(string(doc.Body))}
		if t.Body == "" {
			add(doc.BodyLine, "the tip has no text: write 2 to 4 sentences below the front matter")
		}
		if _, ok := keyLine["number"]; ok && m.Number < 1 {
			add(keyLine["number"], "number must be 1 or more")
		}
		p.tip = t
	case kindKata:
		kt := &Kata{Item: it, ID: m.ID, Difficulty: Difficulty(m.Difficulty), Case: m.Case, Tips: m.Tips, Variants: m.Variants}
		if m.Difficulty != "" && !kt.Difficulty.Valid() {
			add(keyLine["difficulty"], "difficulty %q is not easy, medium or hard", m.Difficulty)
		}
		if _, ok := keyLine["key_points"]; ok && (len(m.KeyPoints) < minKeyPoints || len(m.KeyPoints) > maxKeyPoints) {
			add(keyLine["key_points"], "%d key points; a kata has %d to %d", len(m.KeyPoints), minKeyPoints, maxKeyPoints)
		}
		for _, kp := range m.KeyPoints {
			kt.KeyPoints = append(kt.KeyPoints, strings.TrimSpace(kp.Point))
			kt.Anchors = append(kt.Anchors, strings.TrimSpace(kp.Anchor))
			if strings.TrimSpace(kp.Point) == "" {
				add(doc.FileLine(kp.Line), "a key point is empty: write the point (and its anchor)")
			}
		}
		for _, s := range body {
			if s.title == secStage || strings.HasPrefix(s.title, secStage+" ") || strings.HasPrefix(s.title, secStage+":") {
				st, pr := parseStage(s, path)
				probs = append(probs, pr...)
				kt.Stages = append(kt.Stages, st)
			}
		}
		if len(kt.Stages) < minStages {
			add(doc.BodyLine, "%d stages; a kata needs at least %d '## Stage' sections", len(kt.Stages), minStages)
		}
		kt.Reaction = need(body, secRefReaction, path, &probs)
		kt.Learnings = listItems(need(body, secRefLearnings, path, &probs))
		for _, s := range body {
			if strings.EqualFold(s.title, secDebrief) {
				kt.Debrief = s.text
			}
		}
		probs = append(probs, checkStages(kt, path)...)
		probs = append(probs, checkVariants(kt, doc, node, string(doc.Body), path)...)
		p.kata = kt
	}
	if k != kindTip && m.ID != "" && !validID(m.ID) {
		add(keyLine["id"], "id %q must be lowercase letters, digits and dashes", m.ID)
	}
	for _, s := range m.Sources {
		if strings.TrimSpace(s) == "" {
			add(keyLine["sources"], "a source is empty: name the source and quote what it says")
		}
	}
	if len(probs) == 0 {
		p.standard = standard(p)
	}
	return p, probs
}

func need(body []section, title, path string, probs *[]Problem) string {
	for _, s := range body {
		if strings.EqualFold(s.title, title) {
			if s.text == "" {
				*probs = append(*probs, Problem{Path: path, Line: s.line, Msg: fmt.Sprintf("section %q is empty", title)})
			}
			return s.text
		}
	}
	*probs = append(*probs, Problem{Path: path, Line: 1, Msg: fmt.Sprintf("missing section '## %s'", title)})
	return ""
}

func sectionLine(body []section, title string) int {
	for _, s := range body {
		if strings.EqualFold(s.title, title) {
			return s.line
		}
	}
	return 0
}

func valueOf(m *yaml.Node, key string) (*yaml.Node, bool) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1], true
		}
	}
	return nil, false
}

func isEmpty(n *yaml.Node) bool {
	switch n.Kind {
	case yaml.ScalarNode:
		return strings.TrimSpace(n.Value) == "" || n.Tag == "!!null"
	case yaml.SequenceNode, yaml.MappingNode:
		return len(n.Content) == 0
	}
	return false
}

func allowedList(k kind) string {
	var names []string
	for _, f := range fields(k) {
		names = append(names, f.name)
	}
	return strings.Join(names, ", ")
}

func validID(id string) bool {
	if id == "" || len(id) > 60 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

func fmErr(path string, err error) Problem {
	if fe, ok := err.(*frontmatter.Error); ok {
		return Problem{Path: path, Line: fe.Line, Msg: fe.Msg}
	}
	return Problem{Path: path, Line: 1, Msg: err.Error()}
}
