package main

import (
	"bytes"
	"io"
)

// trimWriter drops the spaces at the end of each line written through it.
// fang pads help text to the terminal's width (120 columns when piped), so
// `retrokata --help | less` or a diff of it would carry trailing spaces.
// Colour codes at the end of a line are kept. It buffers a partial line
// until the next newline or Flush.
type trimWriter struct {
	w   io.Writer
	buf []byte
}

func (t *trimWriter) Write(p []byte) (int, error) {
	t.buf = append(t.buf, p...)
	i := bytes.LastIndexByte(t.buf, '\n')
	if i < 0 {
		return len(p), nil
	}
	var out []byte
	for _, line := range bytes.Split(t.buf[:i], []byte("\n")) {
		out = append(out, trimLine(line)...)
		out = append(out, '\n')
	}
	t.buf = append(t.buf[:0], t.buf[i+1:]...)
	if _, err := t.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes a last line that had no newline.
func (t *trimWriter) Flush() error {
	if len(t.buf) == 0 {
		return nil
	}
	_, err := t.w.Write(trimLine(t.buf))
	t.buf = t.buf[:0]
	return err
}

// trimLine removes trailing spaces, looking through SGR colour sequences
// (ESC [ … m) that end the line, which it keeps.
func trimLine(l []byte) []byte {
	var tail []byte // SGR sequences found after the text, in order
	for {
		n := len(l)
		switch {
		case n > 0 && l[n-1] == ' ':
			l = l[:n-1]
		case n > 0 && l[n-1] == 'm':
			j := bytes.LastIndex(l, []byte("\x1b["))
			if j < 0 || !isSGRParams(l[j+2:n-1]) {
				return append(l, tail...)
			}
			tail = append(append([]byte{}, l[j:]...), tail...)
			l = l[:j]
		default:
			return append(l, tail...)
		}
	}
}

func isSGRParams(b []byte) bool {
	for _, c := range b {
		if (c < '0' || c > '9') && c != ';' && c != ':' {
			return false
		}
	}
	return true
}
