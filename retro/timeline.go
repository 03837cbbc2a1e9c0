package retro

import (
	"fmt"
	"regexp"
	"sort"
	"time"

	"github.com/retrokata/retrokata/notes"
)

// Commit is one commit of the team's repository, as the git adapter reads
// it (internal/git.Log), newest first.
type Commit struct {
	SHA     string
	Subject string
	Date    time.Time
	Parents int // 2 or more for a merge
	Tags    []string
}

// The kinds of timeline event.
const (
	EventMerge    = "merge"
	EventTag      = "tag"
	EventRevert   = "revert"
	EventHotfix   = "hotfix"
	EventRollback = "rollback"
	EventIncident = "incident"
)

// Bounds of the timeline: how far back it looks without a previous retro,
// how far back at most, how many commits it reads and how many events it
// shows (the newest).
const (
	TimelineDefaultWindow = 30 * 24 * time.Hour
	TimelineMaxWindow     = 180 * 24 * time.Hour
	TimelineMaxCommits    = 2000
	TimelineMaxEvents     = 40
)

// Event is something that happened in the repository since the last retro.
type Event struct {
	Kind    string
	Date    time.Time
	SHA     string // abbreviated
	Subject string // the commit's subject, or the tag's name; control sequences stripped
}

// Line is the event as the timeline shows it: "2026-11-20 14:03  revert  Revert "x"  (abc1234)".
func (e Event) Line() string {
	return fmt.Sprintf("%s  %-8s  %s  (%s)", e.Date.Format("2006-01-02 15:04"), e.Kind, e.Subject, e.SHA)
}

// Card is the problem card title an event becomes.
func (e Event) Card() string {
	if e.Kind == EventTag {
		return fmt.Sprintf("Release %s (%s)", e.Subject, e.Date.Format("2006-01-02"))
	}
	return fmt.Sprintf("%s (%s, %s)", e.Subject, e.Kind, e.Date.Format("2006-01-02"))
}

// The words in a subject that make a commit an event, checked in this order.
var eventWords = []struct {
	kind string
	re   *regexp.Regexp
}{
	{EventRevert, regexp.MustCompile(`(?i)\brevert(s|ed|ing)?\b`)},
	{EventRollback, regexp.MustCompile(`(?i)\broll(ed|ing|s)?[ -]?backs?\b`)},
	{EventHotfix, regexp.MustCompile(`(?i)\bhot[ -]?fix(es|ed)?\b`)},
	{EventIncident, regexp.MustCompile(`(?i)\bincidents?\b`)},
}

// kindOf says what a commit is on the timeline, "" when it is not an
// event: its subject's words first (a merge of a hotfix branch is a
// hotfix), then whether it is a merge.
func kindOf(c Commit) string {
	for _, w := range eventWords {
		if w.re.MatchString(c.Subject) {
			return w.kind
		}
	}
	if c.Parents >= 2 {
		return EventMerge
	}
	return ""
}

// Timeline turns commits (newest first, as git log gives them) into the
// events a retro looks at, newest last: merges, tags, reverts, and commits
// whose subject says hotfix, rollback or incident. Only the newest max are
// kept; dropped says how many older ones were left out.
func Timeline(commits []Commit, max int) (events []Event, dropped int) {
	for i := len(commits) - 1; i >= 0; i-- {
		c := commits[i]
		short := c.SHA[:min(7, len(c.SHA))]
		if k := kindOf(c); k != "" {
			events = append(events, Event{Kind: k, Date: c.Date, SHA: short, Subject: oneLine(notes.Sanitize(c.Subject))})
		}
		for _, t := range c.Tags {
			events = append(events, Event{Kind: EventTag, Date: c.Date, SHA: short, Subject: oneLine(notes.Sanitize(t))})
		}
	}
	// git log orders by topology as well as date: sort by date, keeping
	// git's order for equal dates (a merge before its tag)
	sort.SliceStable(events, func(i, j int) bool { return events[i].Date.Before(events[j].Date) })
	if max > 0 && len(events) > max {
		dropped = len(events) - max
		events = events[dropped:]
	}
	return events, dropped
}

// TimelineSince is where the timeline starts: the team's last retro, never
// more than TimelineMaxWindow ago; TimelineDefaultWindow ago without one.
func TimelineSince(lastRetro, now time.Time) time.Time {
	if lastRetro.IsZero() || lastRetro.After(now) {
		return now.Add(-TimelineDefaultWindow)
	}
	if oldest := now.Add(-TimelineMaxWindow); lastRetro.Before(oldest) {
		return oldest
	}
	return lastRetro
}
