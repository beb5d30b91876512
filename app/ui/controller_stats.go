package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/limber-app/limber/app/stats"
	"github.com/limber-app/limber/app/store"
)

// showCrack opens the "Log a back crack" dialog. It appends the crack to the
// history itself (one appended line, safe beside the resident process) and
// shows the insights the log now gives.
func (c *Controller) showCrack() {
	h := store.History{Path: c.paths().History}
	title := lang.L("Limber — Log a back crack")
	c.openWindow(CrackTitle, title, fyne.NewSize(crackWidth, crackHeight), func() fyne.CanvasObject {
		return NewCrackScreen(CrackOptions{
			Now: c.Now,
			OnSave: func(e store.Entry) ([]stats.Insight, error) {
				if err := h.Append(e); err != nil {
					return nil, err
				}
				entries, _, err := h.ReadAll()
				if err != nil {
					c.log.Print(err)
					entries = []store.Entry{e}
				}
				return stats.Insights(entries, e.At, time.Local), nil
			},
			OnClose:  func() { c.closeWindow(CrackTitle) },
			OnSafety: c.showSafety,
		})
	})
}

// showStats opens the statistics window on the history as it is now.
func (c *Controller) showStats() {
	h := store.History{Path: c.paths().History}
	title := lang.L("Limber — Statistics")
	c.openWindow(StatsTitle, title, fyne.NewSize(statsWidth, statsHeight), func() fyne.CanvasObject {
		entries, skipped, err := h.ReadAll()
		if err != nil {
			c.log.Print(err)
		}
		if skipped > 0 {
			c.log.Printf("%s: skipped %d unreadable lines", h.Path, skipped)
		}
		now := c.now()
		lim, _ := store.LimitsFromEnv()
		cfg, _, err := store.LoadConfig(c.paths().Config, lim)
		if err != nil {
			c.log.Print(err) // the defaults stand in
		}
		sum := stats.Summarize(entries, now, time.Local, StatsDays, cfg.Behaviour.DailyGoal, cfg.Workday)
		return NewStatsScreen(sum, stats.Insights(entries, now, time.Local), StatsOptions{
			OnExportCSV: func() {
				fresh, _, err := h.ReadAll()
				if err != nil {
					c.log.Print(err)
				}
				if w, ok := c.windows[StatsTitle]; ok {
					ExportCSV(w, fresh)
				}
			},
			OnSafety: c.showSafety,
		})
	})
}

func (c *Controller) closeWindow(title string) {
	if w, ok := c.windows[title]; ok {
		w.Close()
	}
}

func (c *Controller) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}
