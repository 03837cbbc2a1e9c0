package notes

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

// MaxNoteSize is the largest note read; a bigger file is listed as broken
// instead of being loaded into memory.
const MaxNoteSize = 4 << 20

// Entry is one file of a notes directory: its front matter and actions, or
// the reason it could not be read.
type Entry struct {
	Path    string
	Meta    Meta
	Actions []Action
	Err     error // set for a broken note
}

// Broken reports whether the note could not be read.
func (e Entry) Broken() bool { return e.Err != nil }

// OpenActions counts the actions not done.
func (e Entry) OpenActions() (open, done int) {
	for _, a := range e.Actions {
		if a.Done {
			done++
		} else {
			open++
		}
	}
	return open, done
}

// Filter selects notes; zero values match everything.
type Filter struct {
	Type  Type
	Tag   string
	Team  string
	Since time.Time
	Grep  string // case-insensitive, over the whole file
}

func (f Filter) match(e Entry, data []byte) bool {
	if e.Broken() {
		// broken notes are always shown, unless a filter needs their content
		return f.Type == "" && f.Tag == "" && f.Team == "" && f.Since.IsZero() && f.Grep == ""
	}
	if f.Type != "" && e.Meta.Type != f.Type {
		return false
	}
	if f.Team != "" && !strings.EqualFold(e.Meta.Team, f.Team) {
		return false
	}
	if f.Tag != "" && !containsFold(e.Meta.Tags, f.Tag) {
		return false
	}
	if !f.Since.IsZero() && e.Meta.Date.Before(f.Since) {
		return false
	}
	if f.Grep != "" && !bytes.Contains(bytes.ToLower(data), bytes.ToLower([]byte(f.Grep))) {
		return false
	}
	return true
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// List reads every *.md note of dir concurrently and returns those that
// match, newest first. Broken notes are returned with Err set, never
// dropped. The error is for a directory that cannot be read at all.
func List(dir string, f Filter) ([]Entry, error) {
	des, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("read notes dir %s: %w", dir, err)
	}
	var paths []string
	for _, d := range des {
		name := d.Name()
		if strings.HasSuffix(name, ".md") && !strings.HasPrefix(name, ".") && !d.IsDir() {
			paths = append(paths, filepath.Join(dir, name))
		}
	}
	entries := make([]Entry, len(paths))
	keep := make([]bool, len(paths))
	var wg sync.WaitGroup
	next := make(chan int)
	workers := min(runtime.GOMAXPROCS(0)*2, len(paths))
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				e, data := ReadEntry(paths[i])
				entries[i] = e
				keep[i] = f.match(e, data)
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	out := entries[:0]
	for i, e := range entries {
		if keep[i] {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if !a.Meta.Date.Equal(b.Meta.Date) {
			return a.Meta.Date.After(b.Meta.Date)
		}
		return a.Path > b.Path
	})
	return out, nil
}

// ReadEntry reads one note for listing. It also returns the file's bytes,
// for searching.
func ReadEntry(path string) (Entry, []byte) {
	e := Entry{Path: path}
	data, err := readLimited(path)
	if err != nil {
		e.Err = err
		return e, nil
	}
	n, err := Parse(data)
	if err != nil {
		if ne, ok := err.(*Error); ok {
			ne.Path = path
		}
		e.Err = err
		return e, data
	}
	e.Meta, e.Actions = n.Meta, n.Actions
	return e, data
}

func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: "cannot read: " + unwrap(err)}
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, &Error{Path: path, Msg: "cannot read: " + unwrap(err)}
	}
	if !info.Mode().IsRegular() {
		return nil, &Error{Path: path, Msg: "not a regular file"}
	}
	if info.Size() > MaxNoteSize {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("too large (%d MB): notes are limited to %d MB", info.Size()>>20, MaxNoteSize>>20)}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxNoteSize+1))
	if err != nil {
		return nil, &Error{Path: path, Msg: "cannot read: " + unwrap(err)}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, &Error{Path: path, Msg: "binary file, not a note"}
	}
	return data, nil
}

func unwrap(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
