package ui

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/exercises"
	"github.com/limber-app/limber/reminders"
)

// routineClockWidth fits "00:00" in the default text size.
const routineClockWidth = 80

// routineRow turns the reminder for one guided routine on and off and sets
// its time of day and its days.
type routineRow struct {
	id      string
	on      *widget.Check
	clock   *widget.Entry
	days    [7]*widget.Button // by time.Weekday
	dayOn   [7]bool
	err     *errorText
	when    *fyne.Container // the time and the days, shown while on
	content fyne.CanvasObject
	changed func()
}

func (s *settingsScreen) routinesTab() fyne.CanvasObject {
	intro := mutedText(lang.L("A reminder to play a guided routine at a time of day, on the days you choose."))
	box := container.NewVBox(intro)
	s.routines = nil
	for i, r := range exercises.Routines() {
		row := s.newRoutineRow(r)
		s.routines = append(s.routines, row)
		if i > 0 {
			box.Add(widget.NewSeparator())
		}
		box.Add(row.content)
	}
	return container.NewVScroll(box)
}

func (s *settingsScreen) newRoutineRow(r exercises.Routine) *routineRow {
	row := &routineRow{id: r.ID, err: newErrorText(), changed: s.validate}
	row.clock = widget.NewEntry()
	row.clock.SetPlaceHolder("07:30")
	for _, d := range weekOrder {
		d := d
		row.days[d] = widget.NewButton(shortDayName(d), func() {
			row.dayOn[d] = !row.dayOn[d]
			row.show()
		})
	}
	row.on = widget.NewCheck(r.Name, func(on bool) {
		if on && strings.TrimSpace(row.clock.Text) == "" {
			row.clock.SetText(defaultRoutineTime(r))
			row.dayOn = [7]bool{true, true, true, true, true, true, true}
		}
		row.show()
	})
	for _, t := range s.cfg.Schedule.Routines {
		if t.ID == r.ID {
			row.on.Checked = true
			row.clock.Text = reminders.FormatRoutineTime(t.Minute, [7]bool{true, true, true, true, true, true, true})
			row.dayOn = t.Days
		}
	}
	row.clock.OnChanged = func(string) { row.show() }
	about := mutedText(lang.L("{{.Minutes}} min", map[string]int{"Minutes": r.Minutes}) + " · " + r.When)
	// One line beside the name: wrapped, it would ask for a line per word
	// before it knows its width and make the row (and the check) too tall.
	about.Wrapping, about.Truncation = fyne.TextWrapOff, fyne.TextTruncateEllipsis
	clock := container.NewGridWrap(fyne.NewSize(routineClockWidth, row.clock.MinSize().Height), row.clock)
	days := container.NewHBox()
	for _, d := range weekOrder {
		days.Add(row.days[d])
	}
	head := container.NewBorder(nil, nil, row.on, nil, container.NewVBox(layout.NewSpacer(), about, layout.NewSpacer()))
	row.when = container.NewHBox(clock, days)
	row.content = container.NewVBox(head, row.when, row.err)
	row.show()
	return row
}

// show makes the controls match the row's state: the time and days shown
// (and enabled) only while the routine is on, the chosen days
// highlighted, and what is wrong below.
func (r *routineRow) show() {
	if r.on.Checked {
		r.clock.Enable()
	} else {
		r.clock.Disable()
	}
	if r.when != nil {
		if r.on.Checked {
			r.when.Show()
		} else {
			r.when.Hide()
		}
	}
	for d, b := range r.days {
		if r.dayOn[d] {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.MediumImportance
		}
		if r.on.Checked {
			b.Enable()
		} else {
			b.Disable()
		}
		b.Refresh()
	}
	r.check()
	if r.changed != nil {
		r.changed()
	}
}

// shortDayName is a weekday's short name, for the day buttons.
func shortDayName(d time.Weekday) string {
	switch d {
	case time.Monday:
		return lang.L("Mon")
	case time.Tuesday:
		return lang.L("Tue")
	case time.Wednesday:
		return lang.L("Wed")
	case time.Thursday:
		return lang.L("Thu")
	case time.Friday:
		return lang.L("Fri")
	case time.Saturday:
		return lang.L("Sat")
	}
	return lang.L("Sun")
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
// with its time or days.
func (r *routineRow) timed() (reminders.TimedRoutine, bool, error) {
	if !r.on.Checked {
		return reminders.TimedRoutine{}, false, nil
	}
	text := strings.TrimSpace(r.clock.Text)
	minute, _, err := reminders.ParseRoutineTime(text)
	if err != nil || strings.Contains(text, " ") {
		return reminders.TimedRoutine{}, true, errors.New(lang.L("Type a time such as 07:30."))
	}
	if r.dayOn == [7]bool{} {
		return reminders.TimedRoutine{}, true, errors.New(lang.L("Choose at least one day."))
	}
	return reminders.TimedRoutine{ID: r.id, Minute: minute, Days: r.dayOn}, true, nil
}

// check shows what is wrong with the time or days, if anything. A routine
// that is off may have any: it is not saved.
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
