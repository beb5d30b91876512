package ui

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/store"
	"github.com/limber-app/limber/reminders"
)

const minute = time.Minute

// The choices each interval offers, all within the bounds store enforces.
// A value from the file that is not among them is added, so opening and
// saving never changes it.
var (
	standChoices   = []time.Duration{20 * minute, 30 * minute, 40 * minute, 45 * minute, 50 * minute, time.Hour, 90 * minute, 2 * time.Hour}
	postureChoices = []time.Duration{0, 15 * minute, 20 * minute, 30 * minute, 45 * minute, time.Hour, 90 * minute, 2 * time.Hour}
	waterChoices   = []time.Duration{0, 30 * minute, 45 * minute, time.Hour, 90 * minute, 2 * time.Hour, 3 * time.Hour}
	snoozeChoices  = []time.Duration{2 * minute, 5 * minute, 10 * minute, 15 * minute, 30 * minute}
	naturalChoices = []time.Duration{0, 2 * minute, 3 * minute, 5 * minute, 10 * minute, 15 * minute}
)

// durationSelect is a Select over a list of durations.
type durationSelect struct {
	*widget.Select
	values []time.Duration
}

func newDurationSelect(choices []time.Duration, current, extra time.Duration) durationSelect {
	values := slices.Clone(choices)
	for _, d := range []time.Duration{current, extra} {
		if d > 0 && !slices.Contains(values, d) {
			values = append(values, d)
		}
	}
	slices.Sort(values)
	labels := make([]string, len(values))
	for i, d := range values {
		labels[i] = durationLabel(d)
	}
	sel := widget.NewSelect(labels, nil)
	sel.SetSelectedIndex(slices.Index(values, current))
	return durationSelect{Select: sel, values: values}
}

// value returns the chosen duration.
func (d durationSelect) value() time.Duration {
	return d.values[max(d.SelectedIndex(), 0)]
}

// durationLabel writes d for people in their language: "Off", "45 min",
// "1 h 30 min", "3 s" in English.
func durationLabel(d time.Duration) string {
	h, m, s := int(d/time.Hour), int(d%time.Hour/minute), int(d%minute/time.Second)
	switch {
	case d == 0:
		return lang.L("Off")
	case d < minute:
		return lang.N("{{.Seconds}} s", s, map[string]int{"Seconds": s})
	case h == 0:
		return lang.L("{{.Minutes}} min", map[string]int{"Minutes": m})
	case m == 0:
		return lang.N("{{.Hours}} h", h, map[string]int{"Hours": h})
	}
	return lang.L("{{.Hours}} h {{.Minutes}} min", map[string]int{"Hours": h, "Minutes": m})
}

// intervalFields are the Schedule tab's selects.
type intervalFields struct {
	stand, posture, water, snooze, natural durationSelect
}

// newIntervalFields shows s, offering extra (if positive) as one more
// choice for each interval.
func newIntervalFields(s reminders.Schedule, extra time.Duration) intervalFields {
	return intervalFields{
		stand:   newDurationSelect(standChoices, s.StandEvery, extra),
		posture: newDurationSelect(postureChoices, s.PostureEvery, extra),
		water:   newDurationSelect(waterChoices, s.WaterEvery, extra),
		snooze:  newDurationSelect(snoozeChoices, s.Snooze, extra),
		natural: newDurationSelect(naturalChoices, s.NaturalBreak, extra),
	}
}

// apply copies the chosen intervals into s.
func (f intervalFields) apply(s *reminders.Schedule) {
	s.StandEvery = f.stand.value()
	s.PostureEvery = f.posture.value()
	s.WaterEvery = f.water.value()
	s.Snooze = f.snooze.value()
	s.NaturalBreak = f.natural.value()
}

func (s *settingsScreen) scheduleTab() fyne.CanvasObject {
	s.intervals = newIntervalFields(s.cfg.Schedule, s.opt.MinInterval)
	f := s.intervals
	s.headsUp = newDurationSelect(store.HeadsUpChoices, s.cfg.Behaviour.HeadsUp, 0)
	item := func(label string, sel durationSelect, hint string) *widget.FormItem {
		it := widget.NewFormItem(label, sel.Select)
		it.HintText = hint
		return it
	}
	return widget.NewForm(
		item(lang.L("Stand up every"), f.stand, lang.L("A stretch break, with the stretch card.")),
		item(lang.L("Check posture every"), f.posture, lang.L("A short notification to sit up straight.")),
		item(lang.L("Drink water every"), f.water, lang.L("A short notification to drink.")),
		item(lang.L("Snooze for"), f.snooze, lang.L("How long Snooze puts a break off.")),
		item(lang.L("Natural break after"), f.natural, lang.L("Being away from the keyboard this long counts as a break.")),
		item(lang.L("Heads-up"), s.headsUp, lang.L("A quiet notice this long before a stand break, to finish your sentence.")),
	)
}
