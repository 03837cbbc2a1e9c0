package kata

import (
	"testing"
	"time"
)

func TestNextPractice(t *testing.T) {
	now := time.Date(2026, 11, 23, 14, 0, 0, 0, time.UTC)
	day := func(n int) time.Time { return time.Date(2026, 11, 23+n, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		name string
		p    Progress
		want string
	}{
		{"never", Progress{}, "Not practised yet: due now."},
		{"overdue", Progress{Attempts: 2, Box: 1, NextDue: day(-3)}, "Box 1 of 5: next practice Fri 20 Nov (due now)."},
		{"today", Progress{Attempts: 1, Box: 1, NextDue: day(0)}, "Box 1 of 5: next practice Mon 23 Nov (due now)."},
		{"tomorrow", Progress{Attempts: 1, Box: 1, NextDue: day(1)}, "Box 1 of 5: next practice Tue 24 Nov (tomorrow)."},
		{"a week", Progress{Attempts: 3, Box: 3, NextDue: day(7)}, "Box 3 of 5: next practice Mon 30 Nov (in 7 days)."},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.p.NextPractice(now); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
