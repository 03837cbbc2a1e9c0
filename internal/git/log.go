package git

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// LogEntry is one commit of the history, with the tags that point at it.
type LogEntry struct {
	SHA     string
	Subject string
	Date    time.Time // committer date
	Parents int       // 2 or more for a merge
	Tags    []string
}

// Log returns the commits reachable from HEAD, newest first, at most max:
// those not reachable from since when it is a revision (a tag, a branch, a
// hash), else those committed after after (when not zero). A repository
// without commits has none; an unknown revision is an error naming it.
func Log(ctx context.Context, top, since string, after time.Time, max int) ([]LogEntry, error) {
	if strings.HasPrefix(since, "-") || strings.ContainsAny(since, " \t\n") {
		return nil, fmt.Errorf("git log: bad revision %q", since)
	}
	if max <= 0 {
		return nil, nil
	}
	if _, err := (call{dir: top, timeout: DefaultTimeout, read: true, args: []string{"rev-parse", "--verify", "--quiet", "HEAD"}}).run(ctx); err != nil {
		if ctx.Err() != nil || strings.Contains(err.Error(), "timed out") || errors.Is(err, ErrNotInstalled) {
			return nil, err
		}
		return nil, nil // no commit yet
	}
	rng := "HEAD"
	if since != "" {
		if _, err := (call{dir: top, timeout: DefaultTimeout, read: true, args: []string{"rev-parse", "--verify", "--quiet", since + "^{commit}"}}).run(ctx); err != nil {
			if ctx.Err() != nil || strings.Contains(err.Error(), "timed out") {
				return nil, err
			}
			return nil, fmt.Errorf("git log: unknown revision %q", since)
		}
		rng = since + "..HEAD"
	}
	args := []string{"log", "-z", "--no-color", "--decorate-refs=refs/tags/", "--format=%H%x1f%P%x1f%cI%x1f%D%x1f%s",
		fmt.Sprintf("--max-count=%d", max)}
	if since == "" && !after.IsZero() {
		args = append(args, "--since="+after.Format(time.RFC3339))
	}
	args = append(args, rng, "--")
	out, err := call{dir: top, timeout: DefaultTimeout, read: true, args: args}.run(ctx)
	if err != nil {
		return nil, err
	}
	return parseLog(out), nil
}

// parseLog reads the output of the log in Log.
func parseLog(out []byte) []LogEntry {
	var list []LogEntry
	for _, rec := range bytes.Split(out, []byte{0}) {
		f := strings.SplitN(strings.TrimLeft(string(rec), "\n"), "\x1f", 5)
		if len(f) != 5 {
			continue
		}
		date, err := time.Parse(time.RFC3339, strings.TrimSpace(f[2]))
		if err != nil {
			continue
		}
		e := LogEntry{SHA: strings.TrimSpace(f[0]), Subject: f[4], Date: date, Parents: len(strings.Fields(f[1]))}
		for _, ref := range strings.Split(f[3], ", ") {
			if t, ok := strings.CutPrefix(strings.TrimSpace(ref), "tag: "); ok && t != "" {
				e.Tags = append(e.Tags, t)
			}
		}
		list = append(list, e)
	}
	return list
}
