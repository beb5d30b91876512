package ui

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/reminders"
)

// weekOrder is the order the Work hours tab lists the days in.
var weekOrder = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// spanEntryWidth fits "00:00-00:00" in the default text size.
const spanEntryWidth = 112

func (s *settingsScreen) hoursTab() fyne.CanvasObject {
	form := container.New(layout.NewFormLayout())
	for _, d := range weekOrder {
		s.days[d] = newDayRow(d, s.cfg.Schedule.Hours[d], s.validate)
		name := widget.NewLabel(dayName(d))
		form.Add(container.NewVBox(name))
		form.Add(s.days[d].content)
	}
	s.copyMonday = widget.NewButtonWithIcon(lang.L("Copy Monday to all weekdays"), theme.ContentCopyIcon(), s.copyMondayToWeekdays)
	intro := mutedText(lang.L("When Limber may remind you, as spans such as 09:00-17:30. " +
		"Add a second span for a lunch gap; a day with none is a day off."))
	s.outside = widget.NewCheck(lang.L("Remind me outside these hours too (all day, every day)"), nil)
	s.outside.Checked = s.cfg.Behaviour.RemindOutside
	return container.NewVScroll(container.NewVBox(intro, form, container.NewHBox(s.copyMonday), s.outside))
}

// dayName is the full name of d in the user's language ("Monday").
func dayName(d time.Weekday) string {
	switch d {
	case time.Monday:
		return lang.L("Monday")
	case time.Tuesday:
		return lang.L("Tuesday")
	case time.Wednesday:
		return lang.L("Wednesday")
	case time.Thursday:
		return lang.L("Thursday")
	case time.Friday:
		return lang.L("Friday")
	case time.Saturday:
		return lang.L("Saturday")
	default:
		return lang.L("Sunday")
	}
}

// copyMondayToWeekdays gives Tuesday to Friday Monday's spans, as typed.
func (s *settingsScreen) copyMondayToWeekdays() {
	texts := s.days[time.Monday].texts()
	for d := time.Tuesday; d <= time.Friday; d++ {
		s.days[d].setTexts(texts)
	}
	s.validate()
}

// dayRow edits the spans of one weekday: an entry with a remove button per
// span, an Add span button, and what is wrong, if anything, below them.
type dayRow struct {
	day      time.Weekday
	entries  []*widget.Entry
	spanBox  *fyne.Container
	add      *widget.Button
	dayOff   *widget.Label
	err      *errorText
	content  fyne.CanvasObject
	onChange func()
}

func newDayRow(day time.Weekday, spans []reminders.Span, onChange func()) *dayRow {
	r := &dayRow{day: day, onChange: onChange}
	r.add = widget.NewButtonWithIcon(lang.L("Add span"), theme.ContentAddIcon(), r.addEmpty)
	r.add.Importance = widget.LowImportance
	r.dayOff = widget.NewLabel(lang.L("Day off"))
	r.dayOff.Importance = widget.LowImportance
	r.spanBox = container.New(layout.NewRowWrapLayout())
	r.err = newErrorText()
	r.content = container.NewVBox(r.spanBox, r.err)
	texts := make([]string, len(spans))
	for i, sp := range spans {
		texts[i] = sp.String()
	}
	r.setTexts(texts)
	return r
}

// setTexts replaces the spans with entries holding texts.
func (r *dayRow) setTexts(texts []string) {
	r.entries = r.entries[:0]
	for _, t := range texts {
		r.entries = append(r.entries, r.newEntry(t))
	}
	r.rebuild()
}

func (r *dayRow) texts() []string {
	out := make([]string, len(r.entries))
	for i, e := range r.entries {
		out[i] = e.Text
	}
	return out
}

func (r *dayRow) newEntry(text string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder("HH:MM-HH:MM")
	e.SetText(text)
	e.OnChanged = func(string) { r.changed() }
	return e
}

// addEmpty adds an empty span and puts the cursor in it.
func (r *dayRow) addEmpty() {
	e := r.newEntry("")
	r.entries = append(r.entries, e)
	r.rebuild()
	r.onChange()
	if c := fyne.CurrentApp().Driver().CanvasForObject(r.add); c != nil {
		c.Focus(e)
	}
}

func (r *dayRow) remove(e *widget.Entry) {
	r.entries = slices.DeleteFunc(r.entries, func(x *widget.Entry) bool { return x == e })
	r.rebuild()
	r.onChange()
}

// rebuild lays the entries out again and checks them.
func (r *dayRow) rebuild() {
	objs := make([]fyne.CanvasObject, 0, len(r.entries)+2)
	if len(r.entries) == 0 {
		objs = append(objs, r.dayOff)
	}
	for _, e := range r.entries {
		objs = append(objs, r.chip(e))
	}
	r.spanBox.Objects = append(objs, r.add)
	r.spanBox.Refresh()
	r.check()
}

// chip is one span's entry with its remove button.
func (r *dayRow) chip(e *widget.Entry) fyne.CanvasObject {
	del := widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { r.remove(e) })
	del.Importance = widget.LowImportance
	sized := container.NewGridWrap(fyne.NewSize(spanEntryWidth, e.MinSize().Height), e)
	return container.NewHBox(sized, del)
}

func (r *dayRow) changed() {
	r.check()
	r.onChange()
}

// check shows what is wrong with the spans, if anything.
func (r *dayRow) check() {
	msg := ""
	if _, err := r.spans(); err != nil {
		msg = spanErrorText(err)
	}
	r.err.set(msg)
}

// spanErrorText says in the user's language what a *reminders.SpanError
// says in English; any other error comes back as it is.
func spanErrorText(err error) string {
	var se *reminders.SpanError
	if !errors.As(err, &se) {
		return err.Error()
	}
	data := map[string]string{"Span": strconv.Quote(se.Span), "Other": strconv.Quote(se.Other)}
	switch se.Kind {
	case reminders.SpanFormat:
		return lang.L("{{.Span}}: want HH:MM-HH:MM", data)
	case reminders.SpanHour:
		return lang.L("{{.Span}}: hour must be 00–23", data)
	case reminders.SpanMinute:
		return lang.L("{{.Span}}: minute must be 00–59", data)
	case reminders.SpanSameEnds:
		return lang.L("{{.Span}}: start and end are the same", data)
	case reminders.SpanOverlap:
		return lang.L("{{.Other}} and {{.Span}} overlap", data)
	}
	return err.Error()
}

// spans parses the entries as reminders.ParseDay does.
func (r *dayRow) spans() ([]reminders.Span, error) {
	texts := r.texts()
	for i, t := range texts {
		texts[i] = strings.TrimSpace(t)
		if texts[i] == "" {
			return nil, errors.New(lang.L("a span is empty: type one such as 09:00-17:30, or remove it"))
		}
	}
	return reminders.ParseDay(texts)
}
