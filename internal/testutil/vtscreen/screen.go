// Package vtscreen is a small terminal emulator for tests: it replays what
// a bubbletea renderer writes (cursor moves, erases, scrolls, text) onto a
// grid of cells, so a test reads the screen a person would see rather than
// the bytes on the wire. Colours and modes are ignored.
package vtscreen

import (
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// Screen is a W×H grid of runes fed by Write. Safe for concurrent use.
type Screen struct {
	mu          sync.Mutex
	w, h        int
	rows        [][]rune
	x, y        int
	savedX      int
	savedY      int
	top, bottom int
	parser      *ansi.Parser
	changed     *sync.Cond // broadcast after each Write
}

// New is a blank screen of w columns and h rows.
func New(w, h int) *Screen {
	s := &Screen{w: w, h: h, bottom: h - 1}
	s.changed = sync.NewCond(&s.mu)
	s.rows = make([][]rune, h)
	for i := range s.rows {
		s.rows[i] = blankRow(w)
	}
	s.parser = ansi.NewParser()
	s.parser.SetHandler(ansi.Handler{Print: s.put, Execute: s.control, HandleCsi: s.csi, HandleEsc: s.esc})
	return s
}

func blankRow(w int) []rune { return []rune(strings.Repeat(" ", w)) }

// Write feeds terminal output to the screen.
func (s *Screen) Write(b []byte) (int, error) {
	s.mu.Lock()
	s.parser.Parse(b)
	s.changed.Broadcast()
	s.mu.Unlock()
	return len(b), nil
}

// Await blocks until ok holds for the screen's text, checked after each
// write, or until timeout; it reports whether ok held. It wakes on the
// write itself, so it measures latency without polling.
func (s *Screen) Await(timeout time.Duration, ok func(screen string) bool) bool {
	deadline := time.Now().Add(timeout)
	timer := time.AfterFunc(timeout, func() {
		s.mu.Lock()
		s.changed.Broadcast()
		s.mu.Unlock()
	})
	defer timer.Stop()
	s.mu.Lock()
	defer s.mu.Unlock()
	for {
		if ok(s.textLocked()) {
			return true
		}
		if !time.Now().Before(deadline) {
			return false
		}
		s.changed.Wait()
	}
}

// Resize changes the grid's size, keeping what fits.
func (s *Screen) Resize(w, h int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rows := make([][]rune, h)
	for y := range rows {
		rows[y] = blankRow(w)
		if y < len(s.rows) {
			copy(rows[y], s.rows[y])
		}
	}
	s.rows, s.w, s.h, s.top, s.bottom = rows, w, h, 0, h-1
	s.clamp()
}

// String is the visible screen, one line per row, trailing blanks trimmed.
func (s *Screen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.textLocked()
}

func (s *Screen) textLocked() string {
	var b strings.Builder
	for _, r := range s.rows {
		b.WriteString(strings.TrimRight(strings.ReplaceAll(string(r), "\x00", ""), " "))
		b.WriteByte('\n')
	}
	return b.String()
}

func (s *Screen) clamp() {
	s.x = max(0, min(s.x, s.w-1))
	s.y = max(0, min(s.y, s.h-1))
}

func (s *Screen) put(r rune) {
	if s.x >= s.w {
		s.x = 0
		s.lineFeed()
	}
	s.rows[s.y][s.x] = r
	s.x++
	if ansi.StringWidth(string(r)) == 2 && s.x < s.w { // a wide rune takes two cells
		s.rows[s.y][s.x] = 0
		s.x++
	}
}

func (s *Screen) lineFeed() {
	switch {
	case s.y == s.bottom:
		s.scroll(1)
	case s.y < s.h-1:
		s.y++
	}
}

// scroll moves the scroll region's lines up by n (down when n < 0).
func (s *Screen) scroll(n int) {
	for ; n > 0; n-- {
		copy(s.rows[s.top:s.bottom], s.rows[s.top+1:s.bottom+1])
		s.rows[s.bottom] = blankRow(s.w)
	}
	for ; n < 0; n++ {
		copy(s.rows[s.top+1:s.bottom+1], s.rows[s.top:s.bottom])
		s.rows[s.top] = blankRow(s.w)
	}
}

func (s *Screen) control(b byte) {
	switch b {
	case '\r':
		s.x = 0
	case '\n', '\v', '\f':
		s.lineFeed()
	case '\b':
		s.x = max(0, s.x-1)
	case '\t':
		s.x = min(s.w-1, (s.x/8+1)*8)
	}
}

func (s *Screen) esc(cmd ansi.Cmd) {
	switch cmd.Final() {
	case '7':
		s.savedX, s.savedY = s.x, s.y
	case '8':
		s.x, s.y = s.savedX, s.savedY
	case 'D':
		s.lineFeed()
	case 'E':
		s.x = 0
		s.lineFeed()
	case 'M':
		if s.y == s.top {
			s.scroll(-1)
		} else {
			s.y = max(0, s.y-1)
		}
	}
}

func (s *Screen) blank(y, from, to int) {
	for x := max(0, from); x < min(s.w, to); x++ {
		s.rows[y][x] = ' '
	}
}

func (s *Screen) csi(cmd ansi.Cmd, params ansi.Params) {
	if cmd.Prefix() != 0 || cmd.Intermediate() != 0 {
		return // private modes, queries, cursor shape: nothing drawn
	}
	arg := func(i, def int) int {
		v, _, _ := params.Param(i, def)
		if v == 0 && def == 1 {
			v = 1
		}
		return v
	}
	switch cmd.Final() {
	case 'A':
		s.y -= arg(0, 1)
	case 'B', 'e':
		s.y += arg(0, 1)
	case 'C', 'a':
		s.x += arg(0, 1)
	case 'D':
		s.x -= arg(0, 1)
	case 'E':
		s.x, s.y = 0, s.y+arg(0, 1)
	case 'F':
		s.x, s.y = 0, s.y-arg(0, 1)
	case 'G', '`':
		s.x = arg(0, 1) - 1
	case 'd':
		s.y = arg(0, 1) - 1
	case 'H', 'f':
		s.y, s.x = arg(0, 1)-1, arg(1, 1)-1
	case 'J':
		switch arg(0, 0) {
		case 0:
			s.blank(s.y, s.x, s.w)
			for y := s.y + 1; y < s.h; y++ {
				s.blank(y, 0, s.w)
			}
		case 1:
			for y := 0; y < s.y; y++ {
				s.blank(y, 0, s.w)
			}
			s.blank(s.y, 0, s.x+1)
		default:
			for y := 0; y < s.h; y++ {
				s.blank(y, 0, s.w)
			}
		}
	case 'K':
		switch arg(0, 0) {
		case 0:
			s.blank(s.y, s.x, s.w)
		case 1:
			s.blank(s.y, 0, s.x+1)
		default:
			s.blank(s.y, 0, s.w)
		}
	case 'X':
		s.blank(s.y, s.x, s.x+arg(0, 1))
	case '@':
		k := arg(0, 1)
		row := s.rows[s.y]
		copy(row[min(s.w, s.x+k):], row[s.x:])
		s.blank(s.y, s.x, s.x+k)
	case 'P':
		k := arg(0, 1)
		row := s.rows[s.y]
		copy(row[s.x:], row[min(s.w, s.x+k):])
		s.blank(s.y, s.w-k, s.w)
	case 'b':
		if s.x > 0 {
			r := s.rows[s.y][s.x-1]
			for i := arg(0, 1); i > 0; i-- {
				s.put(r)
			}
		}
	case 'L', 'M':
		if s.y < s.top || s.y > s.bottom {
			return
		}
		saved := s.top
		s.top = s.y
		if cmd.Final() == 'L' {
			s.scroll(-arg(0, 1))
		} else {
			s.scroll(arg(0, 1))
		}
		s.top = saved
	case 'S':
		s.scroll(arg(0, 1))
	case 'T':
		s.scroll(-arg(0, 1))
	case 'r':
		s.top, s.bottom = arg(0, 1)-1, arg(1, s.h)-1
		if s.bottom <= s.top || s.bottom >= s.h {
			s.top, s.bottom = 0, s.h-1
		}
		s.x, s.y = 0, 0
	}
	s.clamp()
}
