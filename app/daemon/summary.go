package daemon

import (
	"log"
	"time"

	"github.com/limber-app/limber/app/i18n"
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
	title = i18n.N("{{.Done}} of {{.Goal}} stretch breaks today", goal, map[string]int{"Done": done, "Goal": goal})
	switch {
	case done >= goal && sum.Streak > 1:
		body = i18n.T("Goal reached: that is {{.Streak}} work days in a row. See you tomorrow.", map[string]int{"Streak": sum.Streak})
	case done >= goal:
		body = i18n.T("Goal reached. Your back thanks you; see you tomorrow.")
	case done > 0:
		body = i18n.N("About {{.Minutes}} minutes of stretching. Tomorrow is another go at {{.Goal}}.", sum.Today.MinutesStretched,
			map[string]int{"Minutes": sum.Today.MinutesStretched, "Goal": goal})
	default:
		body = i18n.T("No stretch breaks today. Tomorrow, try the first one when it comes.")
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
