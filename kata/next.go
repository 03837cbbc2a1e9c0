package kata

import (
	"fmt"
	"strconv"
	"time"
)

// NextPractice says, for people, a kata's box and when it is due again:
// the player and `retrokata kata` end with it.
func (p Progress) NextPractice(now time.Time) string {
	if p.Attempts == 0 {
		return "Not practised yet: due now."
	}
	y, mo, d := now.Date()
	today := time.Date(y, mo, d, 0, 0, 0, 0, p.NextDue.Location())
	days := int(p.NextDue.Sub(today).Hours()/24 + 0.5)
	when := "in " + strconv.Itoa(days) + " days"
	switch {
	case days <= 0:
		when = "due now"
	case days == 1:
		when = "tomorrow"
	}
	return fmt.Sprintf("Box %d of %d: next practice %s (%s).", p.Box, MaxBox, p.NextDue.Format("Mon 2 Jan"), when)
}
