package daemon

import (
	"time"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/reminders"
)

// headsUpAt returns when the heads-up for the next stand break is due
// ([reminders] heads_up before it), or zero when none is: heads-up off, no
// break coming, not working, away on a break, or this break announced
// already.
func (d *daemon) headsUpAt() time.Time {
	h := d.cfg.Behaviour.HeadsUp
	if h <= 0 || d.nextStand.IsZero() || d.state != reminders.Working || d.away || d.headsUpFor.Equal(d.nextStand) {
		return time.Time{}
	}
	return d.nextStand.Add(-h)
}

// checkHeadsUp sends the heads-up when its time has come and the break
// has not: a quiet notice, so the user can finish what they are doing. It
// is not sent while something would hold the break back (a call, say),
// as it would interrupt just the same.
func (d *daemon) checkHeadsUp(now time.Time) {
	if body, ok := d.headsUp(now); ok {
		d.notify(i18n.T("Stretch break coming up"), body)
	}
}

// headsUp is checkHeadsUp's decision: whether to send the heads-up now, and
// its text. It marks the break as announced.
func (d *daemon) headsUp(now time.Time) (string, bool) {
	at := d.headsUpAt()
	if at.IsZero() || now.Before(at) || !now.Before(d.nextStand) {
		return "", false
	}
	d.headsUpFor = d.nextStand
	if d.holder != nil {
		if held, _ := d.holder.check(now); held {
			return "", false
		}
	}
	return headsUpBody(d.nextStand.Sub(now).Round(time.Second)), true
}

// headsUpBody says how soon the break comes: "in 30 seconds", "in 1 minute".
func headsUpBody(left time.Duration) string {
	if left < time.Minute {
		return i18n.N("A stretch break in {{.Count}} seconds: finish your sentence.", int(left/time.Second), map[string]any{"Count": int(left / time.Second)})
	}
	m := int((left + 30*time.Second) / time.Minute)
	return i18n.N("A stretch break in {{.Count}} minutes: finish your sentence.", m, map[string]any{"Count": m})
}
