package notes

import (
	"bytes"
	"crypto/rand"
	"encoding/base32"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/retrokata/retrokata/internal/frontmatter"
	"github.com/retrokata/retrokata/internal/safefile"
	"go.yaml.in/yaml/v3"
)

// InboxDirName is the folder of a notes dir that holds cards added before
// a retro, one file per card, so two people adding cards on two branches
// never touch the same file. list, actions and the browser skip it (they
// read only the notes dir's own *.md files).
const InboxDirName = "inbox"

// KindProblem is the only kind of inbox card so far.
const KindProblem = "problem"

// Inbox caps: a card is a title and a few paragraphs.
const (
	MaxInboxTitle = 200
	MaxInboxText  = 8 << 10
)

// InboxCard is one card waiting in the inbox. A card whose file cannot be
// read or parsed has Err set and is kept on disk.
type InboxCard struct {
	Path    string    `yaml:"-"`
	Kind    string    `yaml:"kind"`
	Title   string    `yaml:"title"`
	Team    string    `yaml:"team,omitempty"`
	Created time.Time `yaml:"created"`
	Text    string    `yaml:"-"`
	Err     error     `yaml:"-"`
}

// InboxDir is the inbox of a notes dir.
func InboxDir(notesDir string) string { return filepath.Join(notesDir, InboxDirName) }

var nameEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// InboxFileName is "<UTC yyyymmddThhmmssZ>-<slug>-<6 random base32>.md".
func InboxFileName(title string, created time.Time, random io.Reader) (string, error) {
	var b [4]byte // 32 bits, 6 base32 characters after truncation
	if _, err := io.ReadFull(random, b[:]); err != nil {
		return "", fmt.Errorf("inbox: random name: %w", err)
	}
	suffix := strings.ToLower(nameEncoding.EncodeToString(b[:])[:6])
	return created.UTC().Format("20060102T150405Z") + "-" + Slug(title) + "-" + suffix + ".md", nil
}

// AddInbox writes a new card into the notes dir's inbox and returns its
// path. The write is atomic and never replaces an existing file.
func AddInbox(notesDir, title, text, team string, now time.Time) (string, error) {
	return AddInboxIn("", notesDir, title, text, team, now)
}

// AddInboxIn is AddInbox for a notes dir confined to root
// (Location.Root; "" is no confinement): an inbox linked out of the
// repository is refused, nothing is written there.
func AddInboxIn(root, notesDir, title, text, team string, now time.Time) (string, error) {
	title = oneLine(Sanitize(title))
	text = strings.TrimSpace(Sanitize(text))
	team = oneLine(Sanitize(team))
	if title == "" {
		return "", errors.New("inbox: a card needs a title")
	}
	if len(title) > MaxInboxTitle {
		return "", fmt.Errorf("inbox: the title is longer than %d bytes: keep it short and put the rest in -m", MaxInboxTitle)
	}
	if len(text) > MaxInboxText {
		return "", fmt.Errorf("inbox: the text is longer than %d KiB", MaxInboxText>>10)
	}
	c := InboxCard{Kind: KindProblem, Title: title, Team: team, Created: now.UTC().Truncate(time.Second), Text: text}
	data := RenderInbox(c)
	dir := InboxDir(notesDir)
	if err := confine(root, dir); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("create inbox %s: %w", dir, err)
	}
	tmp, err := writeTemp(dir, data)
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp)
	for range 5 { // a clash needs the same second, title and 32 random bits
		name, err := InboxFileName(title, c.Created, rand.Reader)
		if err != nil {
			return "", err
		}
		path := filepath.Join(dir, name)
		if err := claim(tmp, path); err == nil {
			syncDir(dir)
			return path, nil
		} else if !errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("save %s: %w", path, err)
		}
	}
	return "", fmt.Errorf("save in %s: no free name", dir)
}

// RenderInbox is the file of one card: front matter, then the text.
func RenderInbox(c InboxCard) []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	_ = enc.Encode(c) // plain strings and a time: cannot fail
	_ = enc.Close()
	b.WriteString("---\n")
	if c.Text != "" {
		b.WriteString(c.Text + "\n")
	}
	return b.Bytes()
}

// ParseInbox reads one card file's content.
func ParseInbox(data []byte) (InboxCard, error) {
	doc, err := frontmatter.Split(data)
	if err != nil {
		return InboxCard{}, err
	}
	var c InboxCard
	dec := yaml.NewDecoder(bytes.NewReader(doc.YAML))
	dec.KnownFields(false)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return InboxCard{}, fmt.Errorf("front matter: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if c.Kind != KindProblem {
		return InboxCard{}, fmt.Errorf("kind %q: only 'kind: problem' cards are known", Sanitize(c.Kind))
	}
	c.Title = oneLine(Sanitize(c.Title))
	if c.Title == "" {
		return InboxCard{}, errors.New("no title")
	}
	c.Team = oneLine(Sanitize(c.Team))
	c.Text = strings.TrimSpace(Sanitize(string(doc.Body)))
	if len(c.Title) > MaxInboxTitle || len(c.Text) > MaxInboxText {
		return InboxCard{}, errors.New("card too long")
	}
	return c, nil
}

// ReadInbox reads every card of the notes dir's inbox, oldest first (the
// file names start with the time). A card that cannot be read or parsed is
// returned with Err set; it stays on disk. No inbox is no cards.
func ReadInbox(notesDir string) ([]InboxCard, error) { return ReadInboxIn("", notesDir) }

// ReadInboxIn is ReadInbox for a notes dir confined to root
// (Location.Root; "" is no confinement): an inbox linked out of the
// repository is an error, a card linked out of it is a card with Err set,
// never read.
func ReadInboxIn(root, notesDir string) ([]InboxCard, error) {
	dir := InboxDir(notesDir)
	des, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("read inbox %s: %w", dir, err)
	}
	if err := confine(root, dir); err != nil {
		return nil, err
	}
	var out []InboxCard
	for _, d := range des {
		name := d.Name()
		if !strings.HasSuffix(name, ".md") || strings.HasPrefix(name, ".") {
			continue
		}
		path := filepath.Join(dir, name)
		if d.Type()&fs.ModeSymlink != 0 {
			if err := confine(root, path); err != nil {
				out = append(out, InboxCard{Path: path, Err: err})
				continue
			}
		}
		data, err := safefile.Read(path, MaxInboxText+MaxInboxTitle+4<<10)
		if err != nil {
			out = append(out, InboxCard{Path: path, Err: err})
			continue
		}
		c, err := ParseInbox(data)
		c.Path = path
		if err != nil {
			c.Err = fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// RemoveInbox deletes the used cards once the retro's note is saved. The
// paths must be in the notes dir's inbox; others are refused.
func RemoveInbox(notesDir string, paths []string) error { return RemoveInboxIn("", notesDir, paths) }

// RemoveInboxIn is RemoveInbox for a notes dir confined to root
// (Location.Root; "" is no confinement): a card that resolves out of the
// repository is not removed.
func RemoveInboxIn(root, notesDir string, paths []string) error {
	dir := InboxDir(notesDir)
	var errs []error
	for _, p := range paths {
		if filepath.Dir(p) != dir {
			errs = append(errs, fmt.Errorf("%s is not in the inbox %s", p, dir))
			continue
		}
		if err := confine(root, p); err != nil {
			errs = append(errs, err)
			continue
		}
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	if len(errs) == 0 {
		syncDir(dir)
	}
	return errors.Join(errs...)
}
