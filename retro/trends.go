package retro

import (
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/retrokata/retrokata/notes"
)

// TrendOptions selects the retros trends look at.
type TrendOptions struct {
	Team       string    // "" for every team
	Since      time.Time // zero for all time
	Now        time.Time // for the age of open actions
	OldestOpen int       // how many open actions to list; 0 means 10
}

// RetroTrend is what one retro agreed and how it went.
type RetroTrend struct {
	Path     string
	Title    string
	Team     string
	Date     time.Time
	Agreed   int // distinct actions under "## Actions": a carried line is not one (notes.Counts.Actions)
	Open     int
	Done     int
	Dropped  int
	Carried  int
	ROTI     *float64 // the note's roti, nil without one
	Problems int      // problem cards
	Tags     []string
}

// CompletionRate is done / agreed, nil when nothing was agreed.
func (r RetroTrend) CompletionRate() *float64 {
	return rate(notes.Counts{Open: r.Open, Done: r.Done, Dropped: r.Dropped, Carried: r.Carried})
}

func rate(c notes.Counts) *float64 {
	v, ok := c.CompletionRate()
	if !ok {
		return nil
	}
	return &v
}

// TagCount is how many problems were raised in the retros bearing a tag.
type TagCount struct {
	Tag      string
	Problems int
	Retros   int
}

// Recurring is a problem that keeps coming back in a team's recent retros:
// a tag in RecurringTagMin of its last RecentRetros retros, or near-identical
// problem titles in two or more of them.
type Recurring struct {
	Kind   string // "tag" or "title"
	Team   string
	Label  string   // the tag, or the newest of the titles
	Retros []string // paths of the retros it appears in, newest first
}

// The recurrence rules.
const (
	RecentRetros    = 6
	RecurringTagMin = 3
	RecurringTitle  = "title"
	RecurringTag    = "tag"
	similarTitles   = 0.75 // word overlap (Jaccard) from which two titles are the same problem
)

// OpenAction is an action still open, with how long ago it was agreed.
type OpenAction struct {
	ID      string // <note file name without .md>#<n>
	Text    string
	Owner   string
	Due     string
	Note    string // path
	Team    string
	Date    time.Time // of the retro that agreed it
	AgeDays int
}

// Totals sum the retros trends looked at.
type Totals struct {
	Retros, Agreed, Open, Done, Dropped, Carried int
	ROTI                                         *float64 // average of the retros that have one
}

// CompletionRate is done / agreed over every retro, nil when nothing was agreed.
func (t Totals) CompletionRate() *float64 {
	return rate(notes.Counts{Open: t.Open, Done: t.Done, Dropped: t.Dropped, Carried: t.Carried})
}

// Trends is the picture across retros.
type Trends struct {
	Retros         []RetroTrend // oldest first
	ProblemsPerTag []TagCount   // most problems first
	Recurring      []Recurring
	OldestOpen     []OpenAction // oldest first
	Totals         Totals
}

// ComputeTrends reads the retro notes among entries (listed with their
// actions and problem titles) and says how actions and retros go over time.
// Broken notes and katas are ignored.
func ComputeTrends(entries []notes.Entry, opt TrendOptions) Trends {
	if opt.OldestOpen <= 0 {
		opt.OldestOpen = 10
	}
	var tr Trends
	var rotiSum float64
	var rotiN int
	type retro struct {
		trend RetroTrend
		entry *notes.Entry
	}
	all := make([]retro, 0, len(entries))
	// notes.List gives the newest first: walk it backwards, and the retros
	// come in the order trends shows them, with no sort to do
	for k := len(entries) - 1; k >= 0; k-- {
		e := &entries[k]
		m := &e.Meta
		if e.Broken() || m.Type != notes.TypeRetro ||
			(opt.Team != "" && !strings.EqualFold(strings.TrimSpace(m.Team), strings.TrimSpace(opt.Team))) ||
			(!opt.Since.IsZero() && m.Date.Before(opt.Since)) {
			continue
		}
		r := RetroTrend{Path: e.Path, Title: m.Title, Team: m.Team, Date: m.Date, ROTI: m.ROTI, Problems: len(e.Problems), Tags: m.Tags}
		c := notes.CountActions(e.Actions)
		r.Agreed, r.Open, r.Done, r.Dropped, r.Carried = c.Actions(), c.Open, c.Done, c.Dropped, c.Carried
		if r.ROTI != nil {
			rotiSum += *r.ROTI
			rotiN++
		}
		all = append(all, retro{r, e})
	}
	rs := make([]*retro, len(all))
	for i := range all {
		rs[i] = &all[i]
	}
	before := func(a, b *retro) bool {
		if !a.trend.Date.Equal(b.trend.Date) {
			return a.trend.Date.Before(b.trend.Date)
		}
		return a.trend.Path < b.trend.Path
	}
	if !sort.SliceIsSorted(rs, func(i, j int) bool { return before(rs[i], rs[j]) }) {
		sort.SliceStable(rs, func(i, j int) bool { return before(rs[i], rs[j]) })
	}
	// the oldest open actions: retros are in date order, actions in note order
	for _, r := range rs {
		if len(tr.OldestOpen) >= opt.OldestOpen {
			break
		}
		t := &r.trend
		forAgreed(r.entry.Actions, func(a *notes.Action, n int, st string) {
			if st != statusOpen || len(tr.OldestOpen) >= opt.OldestOpen {
				return
			}
			tr.OldestOpen = append(tr.OldestOpen, OpenAction{ID: actionID(t.Path, n), Text: a.Text, Owner: a.Owner, Due: a.Due,
				Note: t.Path, Team: t.Team, Date: t.Date, AgeDays: days(t.Date, opt.Now)})
		})
	}
	tags := map[string]*TagCount{}
	tr.Retros = make([]RetroTrend, 0, len(rs))
	for _, r := range rs {
		t := r.trend
		tr.Retros = append(tr.Retros, t)
		tot := &tr.Totals
		tot.Retros++
		tot.Agreed += t.Agreed
		tot.Open += t.Open
		tot.Done += t.Done
		tot.Dropped += t.Dropped
		tot.Carried += t.Carried
		for n, tag := range t.Tags {
			k := tagKey(tag)
			if k == "" || seenBefore(t.Tags[:n], k) {
				continue
			}
			c := tags[k]
			if c == nil {
				c = &TagCount{Tag: k}
				tags[k] = c
			}
			c.Problems += t.Problems
			c.Retros++
		}
	}
	if rotiN > 0 {
		avg := rotiSum / float64(rotiN)
		tr.Totals.ROTI = &avg
	}
	for _, c := range tags {
		tr.ProblemsPerTag = append(tr.ProblemsPerTag, *c)
	}
	sort.Slice(tr.ProblemsPerTag, func(i, j int) bool {
		a, b := tr.ProblemsPerTag[i], tr.ProblemsPerTag[j]
		if a.Problems != b.Problems {
			return a.Problems > b.Problems
		}
		return a.Tag < b.Tag
	})

	// recurring problems, per team, over its last RecentRetros retros
	byTeam := map[string][]int{}
	var teams []string
	for i := len(rs) - 1; i >= 0; i-- { // newest first
		k := strings.ToLower(strings.TrimSpace(rs[i].trend.Team))
		if _, ok := byTeam[k]; !ok {
			teams = append(teams, k)
		}
		if len(byTeam[k]) < RecentRetros {
			byTeam[k] = append(byTeam[k], i)
		}
	}
	sort.Strings(teams)
	for _, team := range teams {
		recent := byTeam[team]
		label := rs[recent[0]].trend.Team
		var tagOrder []string
		tagRetros := map[string][]string{}
		for _, i := range recent {
			for n, tag := range rs[i].trend.Tags {
				k := tagKey(tag)
				if k == "" || seenBefore(rs[i].trend.Tags[:n], k) {
					continue
				}
				if _, ok := tagRetros[k]; !ok {
					tagOrder = append(tagOrder, k)
				}
				tagRetros[k] = append(tagRetros[k], rs[i].trend.Path)
			}
		}
		sort.Strings(tagOrder)
		for _, k := range tagOrder {
			if len(tagRetros[k]) >= RecurringTagMin {
				tr.Recurring = append(tr.Recurring, Recurring{Kind: RecurringTag, Team: label, Label: k, Retros: tagRetros[k]})
			}
		}
		type cluster struct {
			label  string
			words  map[string]bool
			retros []string
		}
		var cs []*cluster
		for _, i := range recent {
			for _, title := range rs[i].entry.Problems {
				w := words(title)
				if len(w) == 0 {
					continue
				}
				var hit *cluster
				for _, c := range cs {
					if jaccard(c.words, w) >= similarTitles {
						hit = c
						break
					}
				}
				if hit == nil {
					cs = append(cs, &cluster{label: title, words: w, retros: []string{rs[i].trend.Path}})
					continue
				}
				if hit.retros[len(hit.retros)-1] != rs[i].trend.Path {
					hit.retros = append(hit.retros, rs[i].trend.Path)
				}
			}
		}
		for _, c := range cs {
			if len(c.retros) >= 2 {
				tr.Recurring = append(tr.Recurring, Recurring{Kind: RecurringTitle, Team: label, Label: c.label, Retros: c.retros})
			}
		}
	}

	return tr
}

// tagKey is how tags compare: case and surrounding blanks do not count.
func tagKey(tag string) string {
	tag = strings.TrimSpace(tag)
	for i := 0; i < len(tag); i++ {
		if c := tag[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(tag)
		}
	}
	return tag
}

// seenBefore reports whether one of the earlier tags has key k.
func seenBefore(earlier []string, k string) bool {
	for _, t := range earlier {
		if tagKey(t) == k {
			return true
		}
	}
	return false
}

// days counts whole days from then to now, never negative.
func days(then, now time.Time) int {
	if now.IsZero() || now.Before(then) {
		return 0
	}
	return int(now.Sub(then).Hours() / 24)
}

// words is the set of a title's words, lower-cased, without punctuation.
func words(s string) map[string]bool {
	w := map[string]bool{}
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		w[f] = true
	}
	return w
}

func jaccard(a, b map[string]bool) float64 {
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// actionID is "<note file name without .md>#<n>".
func actionID(path string, n int) string {
	return strings.TrimSuffix(filepath.Base(path), ".md") + "#" + strconv.Itoa(n)
}
