package daemon

import (
	"fmt"
	"log"
	"time"

	"github.com/limber-app/limber/app/stats"
	"github.com/limber-app/limber/reminders"
)

// dayEnded reports whether the status went from work to the end of the
// work day: off hours that last until another day (a lunch gap does not
// count).
func dayEnded(prev reminders.State, st reminders.Status, now time.Time) bool {
	if prev != reminders.Working && prev != reminders.Due {
		return false
	}
	if st.State != reminders.OffHours {
		return false
	}
	y1, m1, d1 := now.Date()
	y2, m2, d2 := st.Until.In(now.Location()).Date()
	return st.Until.IsZero() || y1 != y2 || m1 != m2 || d1 != d2
}

// daySummary is the end-of-day notification for sum.
func daySummary(sum stats.Summary) (title, body string) {
	done, goal := sum.Today.Done, sum.Goal
	title = fmt.Sprintf("%d of %d stretch breaks today", done, goal)
	switch {
	case done >= goal && sum.Streak > 1:
		body = fmt.Sprintf("Goal reached: that is %d work days in a row. See you tomorrow.", sum.Streak)
	case done >= goal:
		body = "Goal reached. Your back thanks you; see you tomorrow."
	case done > 0:
		body = fmt.Sprintf("About %d minutes of stretching. Tomorrow is another go at %d.", sum.Today.MinutesStretched, goal)
	default:
		body = "No stretch breaks today. Tomorrow, try the first one when it comes."
	}
	return title, body
}

// sendDaySummary tells the user how the day went, from the history.
func (d *daemon) sendDaySummary(now time.Time) {
	entries, _, err := d.history.ReadAll()
	if err != nil {
		log.Print(err)
		return
	}
	sum := stats.Summarize(entries, now, now.Location(), 1, d.cfg.Behaviour.DailyGoal, d.cfg.Workday)
	d.notify(daySummary(sum))
}
