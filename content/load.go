package content

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/retrokata/retrokata/internal/safefile"
)

//go:embed library
var builtin embed.FS

// Source is a directory of content: cases/, tips/ and katas/ below it.
type Source struct {
	Origin Origin
	FS     fs.FS
	Label  string // the directory as the user knows it, for messages
	// Dir is the directory on disk FS was made from, "" for the embedded
	// library. Its files are opened by path through safefile.Read, never
	// through FS: os.DirFS would block on a FIFO.
	Dir string
	// Root confines the files read from Dir (a repository's
	// .retrokata/content: the repository): a file that resolves outside it
	// through a symlink is a per-file problem, never read. "" follows links
	// anywhere (the user's own content dir).
	Root string
}

// read reads one file of the source through the capped reader: a named
// pipe, a device or a file over ContentLimit is refused, never read.
func (s Source) read(name string) ([]byte, error) {
	if s.Dir != "" {
		return safefile.ReadIn(s.Root, filepath.Join(s.Dir, filepath.FromSlash(name)), safefile.ContentLimit)
	}
	return safefile.ReadFS(s.FS, name, safefile.ContentLimit)
}

// Builtin is the library embedded in the binary.
func Builtin() Source {
	sub, _ := fs.Sub(builtin, "library")
	return Source{Origin: OriginBuiltin, FS: sub, Label: "content/library"}
}

// DirSource is a content directory on disk.
func DirSource(origin Origin, dir string) Source {
	return Source{Origin: origin, FS: os.DirFS(dir), Label: dir, Dir: dir}
}

// Dirs returns the user's and the repository's content directories, in load
// order: $XDG_CONFIG_HOME/retrokata/content, then .retrokata/content next to
// the repository's .retrokata.yaml (repoRoot, when there is one).
func Dirs(configHome, repoRoot string) []Source {
	var out []Source
	if configHome != "" {
		out = append(out, DirSource(OriginUser, filepath.Join(configHome, "retrokata", "content")))
	}
	if repoRoot != "" {
		src := DirSource(OriginRepo, filepath.Join(repoRoot, ".retrokata", "content"))
		src.Root = repoRoot
		out = append(out, src)
	}
	return out
}

// Library is the merged content.
type Library struct {
	Cases []Case
	Tips  []Tip
	Katas []Kata
}

// Case returns the case with this id.
func (l *Library) Case(id string) (Case, bool) {
	for _, c := range l.Cases {
		if c.ID == id {
			return c, true
		}
	}
	return Case{}, false
}

// Tip returns the tip with this number.
func (l *Library) Tip(n int) (Tip, bool) {
	for _, t := range l.Tips {
		if t.Number == n {
			return t, true
		}
	}
	return Tip{}, false
}

// Kata returns the kata with this id.
func (l *Library) Kata(id string) (Kata, bool) {
	for _, k := range l.Katas {
		if k.ID == id {
			return k, true
		}
	}
	return Kata{}, false
}

// Load reads the sources in order and merges them: an item whose id is
// already loaded replaces it. A file with a problem is skipped and its
// problems returned; it never stops the rest from loading.
func Load(srcs ...Source) (*Library, []Problem) {
	var all []parsed
	var probs []Problem
	for _, src := range srcs {
		items, p := readSource(src)
		probs = append(probs, p...)
		probs = append(probs, duplicates(items)...)
		all = append(all, items...)
	}
	merged := merge(all)
	merged, p := checkRefs(merged, true)
	probs = append(probs, p...)
	return build(merged), probs
}

// Check validates content files or directories (activities included)
// against the built-in library and returns every problem found. Items in paths may override built-in ones;
// two checked files with the same id are a problem.
func Check(paths ...string) []Problem { return check(false, paths) }

// CheckStrict is Check plus the built-in library's standard: every item
// says whether it is a reconstruction and names its sources; every kata
// has at least two variants, something to look at and an anchor on each
// key point.
func CheckStrict(paths ...string) []Problem { return check(true, paths) }

// BuiltinStandard returns what the built-in library lacks of the standard
// CheckStrict applies.
func BuiltinStandard() []Problem {
	items, probs := readSource(Builtin())
	for _, it := range items {
		probs = append(probs, it.standard...)
	}
	return probs
}

func check(strict bool, paths []string) []Problem {
	base, _ := readSource(Builtin())
	var checked []parsed
	probs := controlProblems(paths)
	paths, actProbs := checkActivities(paths)
	probs = append(probs, actProbs...)
	for _, p := range paths {
		items, pr := readPath(p)
		probs = append(probs, pr...)
		checked = append(checked, items...)
		if strict {
			for _, it := range items {
				probs = append(probs, it.standard...)
			}
		}
	}
	probs = append(probs, duplicates(checked)...)
	merged := merge(append(base, checked...))
	mine := map[string]bool{}
	for _, it := range checked {
		mine[it.item().Path] = true
	}
	_, pr := checkRefs(merged, false)
	for _, p := range pr {
		if mine[p.Path] {
			probs = append(probs, p)
		}
	}
	return probs
}

// readSource parses every .md file under cases/, tips/ and katas/.
func readSource(src Source) ([]parsed, []Problem) {
	var items []parsed
	var probs []Problem
	for _, k := range []kind{kindCase, kindTip, kindKata} {
		it, pr := readKindDir(src, string(k), k)
		items = append(items, it...)
		probs = append(probs, pr...)
	}
	return items, probs
}

// readKindDir parses the .md files of one directory holding one kind.
func readKindDir(src Source, dir string, k kind) ([]parsed, []Problem) {
	return readMarkdownDir(src, dir, func(file string, data []byte) (parsed, []Problem) {
		return parseFile(file, data, k, src.Origin)
	})
}

// readMarkdownDir parses each .md file of one directory of a source (dir
// is relative to the source's root) with parse; a file that cannot be
// read or parsed is a problem naming it, and the others are kept. A
// missing directory holds nothing.
func readMarkdownDir[T any](src Source, dir string, parse func(file string, data []byte) (T, []Problem)) ([]T, []Problem) {
	label := src.Label
	entries, err := fs.ReadDir(src.FS, dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, []Problem{{Path: filepath.Join(label, filepath.FromSlash(dir)), Msg: "cannot read directory: " + unwrapPath(err)}}
	}
	var items []T
	var probs []Problem
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		name := path.Join(dir, e.Name())
		file := filepath.Join(label, filepath.FromSlash(name))
		data, err := src.read(name)
		if err != nil {
			probs = append(probs, Problem{Path: file, Msg: readError(err)})
			continue
		}
		it, pr := parse(file, data)
		if len(pr) > 0 {
			probs = append(probs, pr...)
			continue
		}
		items = append(items, it)
	}
	return items, probs
}

// readPath parses a file (its kind given by its directory's name) or a
// directory (a content root, or one of cases/, tips/, katas/).
func readPath(p string) ([]parsed, []Problem) {
	p = filepath.Clean(p)
	info, err := os.Stat(p)
	if err != nil {
		return nil, []Problem{{Path: p, Msg: "cannot read: " + unwrapPath(err)}}
	}
	if info.IsDir() {
		if k, ok := kindOf(filepath.Base(p)); ok {
			return readKindDir(DirSource(OriginUser, p), ".", k)
		}
		return readSource(DirSource(OriginUser, p))
	}
	k, ok := kindOf(filepath.Base(filepath.Dir(p)))
	if !ok {
		return nil, []Problem{{Path: p, Msg: "cannot tell what it holds: put it in a directory named cases, tips or katas"}}
	}
	data, err := safefile.Read(p, safefile.ContentLimit)
	if err != nil {
		return nil, []Problem{{Path: p, Msg: readError(err)}}
	}
	item, pr := parseFile(p, data, k, OriginUser)
	if len(pr) > 0 {
		return nil, pr
	}
	return []parsed{item}, nil
}

func kindOf(dir string) (kind, bool) {
	switch kind(dir) {
	case kindCase, kindTip, kindKata:
		return kind(dir), true
	}
	return "", false
}

// merge keeps, for each kind and id, the last item loaded.
func merge(items []parsed) []parsed {
	index := map[string]int{}
	var out []parsed
	for _, it := range items {
		key := string(it.kind) + "/" + it.id()
		if i, ok := index[key]; ok {
			out[i] = it
			continue
		}
		index[key] = len(out)
		out = append(out, it)
	}
	return out
}

// duplicates reports two items of the same kind and id within one set.
func duplicates(items []parsed) []Problem {
	seen := map[string]string{}
	var probs []Problem
	for _, it := range items {
		key := string(it.kind) + "/" + it.id()
		if first, ok := seen[key]; ok {
			probs = append(probs, Problem{Path: it.item().Path, Line: it.keyLine[idKey(it.kind)],
				Msg: fmt.Sprintf("duplicate id %q (also in %s)", it.id(), first)})
			continue
		}
		seen[key] = it.item().Path
	}
	return probs
}

func idKey(k kind) string {
	if k == kindTip {
		return "number"
	}
	return "id"
}

// checkRefs reports links to tips, cases and katas that do not exist. With
// drop, items with a broken link are removed, so the app never shows one.
func checkRefs(items []parsed, drop bool) ([]parsed, []Problem) {
	tips, cases, katas := map[int]bool{}, map[string]bool{}, map[string]bool{}
	for _, it := range items {
		switch it.kind {
		case kindTip:
			tips[it.tip.Number] = true
		case kindCase:
			cases[it.cs.ID] = true
		case kindKata:
			katas[it.kata.ID] = true
		}
	}
	var out []parsed
	var probs []Problem
	for _, it := range items {
		var bad []Problem
		badRef := func(field, what string) {
			bad = append(bad, Problem{Path: it.item().Path, Line: it.keyLine[field], Msg: what})
		}
		var tipRefs []int
		switch it.kind {
		case kindCase:
			tipRefs = it.cs.Tips
			if it.cs.Kata != "" && !katas[it.cs.Kata] {
				badRef("kata", fmt.Sprintf("kata %q does not exist", it.cs.Kata))
			}
		case kindKata:
			tipRefs = it.kata.Tips
			if it.kata.Case != "" && !cases[it.kata.Case] {
				badRef("case", fmt.Sprintf("case %q does not exist", it.kata.Case))
			}
		}
		for _, n := range tipRefs {
			if !tips[n] {
				badRef("tips", fmt.Sprintf("tip %d does not exist", n))
			}
		}
		probs = append(probs, bad...)
		if len(bad) == 0 || !drop {
			out = append(out, it)
		}
	}
	return out, probs
}

// build turns parsed items into a sorted library: tips by number, cases and
// katas in load order of their file names.
func build(items []parsed) *Library {
	lib := &Library{}
	for _, it := range items {
		switch it.kind {
		case kindCase:
			lib.Cases = append(lib.Cases, *it.cs)
		case kindTip:
			lib.Tips = append(lib.Tips, *it.tip)
		case kindKata:
			lib.Katas = append(lib.Katas, *it.kata)
		}
	}
	sort.SliceStable(lib.Tips, func(i, j int) bool { return lib.Tips[i].Number < lib.Tips[j].Number })
	return lib
}

// TipLabel is how a tip is named in lists and notes: "2. Deploy small".
func TipLabel(t Tip) string { return strconv.Itoa(t.Number) + ". " + t.Title }

// readError says why a file could not be read, without its path (a
// Problem carries the path).
func readError(err error) string {
	var se *safefile.Error
	if errors.As(err, &se) {
		if errors.Is(err, safefile.ErrNotRegular) || errors.Is(err, safefile.ErrTooLarge) || errors.Is(err, safefile.ErrOutside) {
			return se.Why
		}
		return "cannot read: " + se.Why
	}
	return "cannot read: " + unwrapPath(err)
}

func unwrapPath(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
