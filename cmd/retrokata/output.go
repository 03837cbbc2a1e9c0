package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"

	"github.com/retrokata/retrokata/internal/markdown"
	"github.com/retrokata/retrokata/notes"
)

// styled reports whether output to stdout may use colour and glamour.
func (e *env) styled() bool {
	return e.isTTY(e.terminal()) && e.getenv("NO_COLOR") == ""
}

// width is the terminal's width for word wrapping; piped, $COLUMNS when
// set, else 80.
func (e *env) width() int {
	if f, ok := e.terminal().(interface{ Fd() uintptr }); ok {
		if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
			return w
		}
	}
	if w, err := strconv.Atoi(strings.TrimSpace(e.getenv("COLUMNS"))); err == nil && w > 0 {
		return w
	}
	return 80
}

// markdown prints md rendered with glamour on a terminal, or as it is when
// piped or with NO_COLOR, so scripts get plain markdown. md is sanitised
// before glamour sees it: the styled output keeps glamour's own escape
// sequences and none from the file.
func (e *env) markdown(md string) error {
	md = notes.Sanitize(md)
	if !e.styled() {
		_, err := io.WriteString(e.stdout, md)
		return err
	}
	var r markdown.Renderer
	out, err := r.Render(md, min(e.width(), 120)-2, e.darkBackground())
	if err != nil {
		return fmt.Errorf("render: %w", err)
	}
	_, err = io.WriteString(e.terminal(), out)
	return err
}

// darkBackground says whether the terminal's background is dark: from
// COLORFGBG when the terminal sets it, else by asking the terminal, for
// at most 300 ms (a terminal that never answers must not stall show).
func (e *env) darkBackground() bool {
	if v := e.getenv("COLORFGBG"); v != "" {
		f := strings.Split(v, ";")
		if bg, err := strconv.Atoi(f[len(f)-1]); err == nil {
			return bg < 7 || bg == 8 // 7 and 9-15 are light colours
		}
	}
	in, ok1 := e.stdin.(*os.File)
	out, ok2 := e.terminal().(*os.File)
	if !ok1 || !ok2 {
		return true
	}
	answer := make(chan bool, 1)
	go func() { answer <- lipgloss.HasDarkBackground(in, out) }()
	select {
	case dark := <-answer:
		return dark
	case <-time.After(300 * time.Millisecond):
		return true
	}
}

// printJSON writes v as indented JSON followed by a newline.
func (e *env) printJSON(v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// printJSONArray writes a JSON array with one compact object per line:
// valid JSON for jq and scripts, greppable line by line, and several
// times cheaper than indenting 10,000 objects.
func printJSONArray[T any](e *env, items []T) error {
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	w.WriteString("[")
	var buf []byte
	for i, it := range items {
		var err error
		if a, ok := any(it).(jsonAppender); ok {
			buf = a.appendJSON(buf[:0])
		} else if buf, err = json.Marshal(it); err != nil {
			return err
		}
		if i > 0 {
			w.WriteString(",")
		}
		w.WriteString("\n  ")
		w.Write(buf)
	}
	if len(items) > 0 {
		w.WriteString("\n")
	}
	w.WriteString("]\n")
	return w.Flush()
}

// warnf prints a warning line on stderr, sanitised and on one line
// whatever the values hold.
func (e *env) warnf(format string, a ...any) {
	msg := strings.Join(strings.Fields(notes.Sanitize(fmt.Sprintf(format, a...))), " ")
	fmt.Fprintln(e.stderr, "retrokata: warning: "+msg)
}
