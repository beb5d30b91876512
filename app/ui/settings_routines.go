package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/exercises"
	"github.com/limber-app/limber/reminders"
)

// routineTimeWidth fits "18:00 mon,wed,fri" in the default text size.
const routineTimeWidth = 170

// routineRow turns the reminder for one guided routine on and off and sets
// its time: "07:30" for every day, "18:00 tue,fri" for some days.
type routineRow struct {
	id      string
	on      *widget.Check
	when    *widget.Entry
	err     *errorText
	content fyne.CanvasObject
}

func (s *settingsScreen) routinesTab() fyne.CanvasObject {
	intro := mutedText(lang.L("A reminder to play a guided routine at a time of day. " +
		"Type a time such as 07:30 for every day, or 18:00 tue,fri for some days."))
	form := container.New(layout.NewFormLayout())
	s.routines = nil
	for _, r := range exercises.Routines() {
		row := s.newRoutineRow(r)
		s.routines = append(s.routines, row)
		form.Add(container.NewVBox(row.on))
		form.Add(row.content)
	}
	return container.NewVScroll(container.NewVBox(intro, form))
}

func (s *settingsScreen) newRoutineRow(r exercises.Routine) *routineRow {
	row := &routineRow{id: r.ID, err: newErrorText()}
	row.when = widget.NewEntry()
	row.when.SetPlaceHolder(lang.L("off"))
	row.on = widget.NewCheck(r.Name, func(on bool) {
		if on {
			row.when.Enable()
			if strings.TrimSpace(row.when.Text) == "" {
				row.when.SetText(defaultRoutineTime(r))
			}
		} else {
			row.when.Disable()
		}
		row.check()
		s.validate()
	})
	row.when.Disable()
	for _, t := range s.cfg.Schedule.Routines {
		if t.ID == r.ID {
			row.on.Checked = true
			row.when.Text = reminders.FormatRoutineTime(t.Minute, t.Days)
			row.when.Enable()
		}
	}
	row.when.OnChanged = func(string) {
		row.check()
		s.validate()
	}
	about := mutedText(lang.L("{{.Minutes}} min", map[string]int{"Minutes": r.Minutes}) + " · " + r.When)
	entry := container.NewGridWrap(fyne.NewSize(routineTimeWidth, row.when.MinSize().Height), row.when)
	row.content = container.NewVBox(container.NewHBox(entry, about), row.err)
	return row
}

// defaultRoutineTime is the time a routine gets when it is switched on:
// mornings for the morning routine, the evening for the evening one, after
// work otherwise.
func defaultRoutineTime(r exercises.Routine) string {
	switch {
	case strings.Contains(r.ID, "morning"):
		return "08:00"
	case strings.Contains(r.ID, "midday"):
		return "12:30"
	}
	return "18:00"
}

// timed returns the routine's reminder, whether it is on, and what is wrong
// with its time.
func (r *routineRow) timed() (reminders.TimedRoutine, bool, error) {
	if !r.on.Checked {
		return reminders.TimedRoutine{}, false, nil
	}
	minute, days, err := reminders.ParseRoutineTime(r.when.Text)
	if err != nil {
		return reminders.TimedRoutine{}, true, err
	}
	return reminders.TimedRoutine{ID: r.id, Minute: minute, Days: days}, true, nil
}

// check shows what is wrong with the time, if anything. A routine that is
// off may have any text: it is not saved.
func (r *routineRow) check() {
	if _, _, err := r.timed(); err != nil {
		r.err.set(err.Error())
		return
	}
	r.err.set("")
}

// timedRoutines returns the routine reminders as shown, or the first
// routine whose time is wrong.
func (s *settingsScreen) timedRoutines() ([]reminders.TimedRoutine, *routineRow) {
	var out []reminders.TimedRoutine
	for _, r := range s.routines {
		t, on, err := r.timed()
		if err != nil {
			return nil, r
		}
		if on {
			out = append(out, t)
		}
	}
	return out, nil
}
