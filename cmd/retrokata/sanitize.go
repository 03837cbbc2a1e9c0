package main

import (
	"io"
	"unicode/utf8"

	"github.com/retrokata/retrokata/notes"
)

// sanitizer is the choke point between the commands and the terminal:
// whatever is written to it reaches w with terminal control sequences and
// control characters removed (notes.Sanitize, the TUI's sanitiser), so no
// note, content file, file name or error message can drive the terminal
// (set the clipboard with OSC 52, change the title, hide text). run wraps
// env.stdout and env.stderr in one each; only output retrokata styles
// itself (glamour rendering of sanitised text, fang's help) and `show
// --raw` use the raw writers.
//
// Each Write is sanitised whole; a UTF-8 rune cut by a buffered writer is
// held back until the next Write, so it is not turned into U+FFFD.
type sanitizer struct {
	w     io.Writer
	carry []byte
}

func (s *sanitizer) Write(p []byte) (int, error) {
	buf := p
	if len(s.carry) > 0 {
		buf = append(s.carry, p...)
		s.carry = nil
	}
	cut := len(buf)
	for i := len(buf) - 1; i >= 0 && i >= len(buf)-utf8.UTFMax; i-- {
		if utf8.RuneStart(buf[i]) {
			if !utf8.FullRune(buf[i:]) {
				cut = i
			}
			break
		}
	}
	if cut < len(buf) {
		s.carry = append([]byte(nil), buf[cut:]...)
	}
	if _, err := io.WriteString(s.w, notes.Sanitize(string(buf[:cut]))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// guardOutput makes e.stdout and e.stderr sanitising, keeping the raw
// writers for the few outputs that must not be (see sanitizer). It is
// idempotent.
func (e *env) guardOutput() {
	if e.rawOut != nil {
		return
	}
	e.rawOut, e.rawErr = e.stdout, e.stderr
	e.stdout, e.stderr = &sanitizer{w: e.stdout}, &sanitizer{w: e.stderr}
}
