package reminders

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Schedule holds the user's reminder settings.
type Schedule struct {
	StandEvery, PostureEvery, WaterEvery time.Duration // 0 = off for posture and water
	Snooze, NaturalBreak                 time.Duration // NaturalBreak 0 = natural breaks off
	Hours                                Week
	Location                             *time.Location // nil means time.Local
	// Routines are timed routine reminders (none by default).
	Routines []TimedRoutine
}

// DefaultSchedule returns the settings of a fresh install: stand every 45
// minutes, posture every 30, water off, snooze and natural break 5 minutes,
// Monday to Friday 09:00-17:30 in the local time zone.
func DefaultSchedule() Schedule {
	s := Schedule{
		StandEvery:   45 * time.Minute,
		PostureEvery: 30 * time.Minute,
		Snooze:       5 * time.Minute,
		NaturalBreak: 5 * time.Minute,
	}
	for d := time.Monday; d <= time.Friday; d++ {
		s.Hours[d] = []Span{{Start: 9 * 60, End: 17*60 + 30}}
	}
	return s
}

// Validate checks the settings. Intervals may not be shorter than
// minInterval (5 minutes in the app; tests pass less): stand between
// minInterval and 3h, posture and water 0 (off) or between minInterval and
// 24h, snooze between min(minInterval, 1m) and 1h, natural break 0 (off) or
// between 1m and 1h. Its messages name the config key.
func (s Schedule) Validate(minInterval time.Duration) error {
	if err := inRange("stand_every", s.StandEvery, minInterval, 3*time.Hour, false); err != nil {
		return err
	}
	if err := inRange("posture_every", s.PostureEvery, minInterval, 24*time.Hour, true); err != nil {
		return err
	}
	if err := inRange("water_every", s.WaterEvery, minInterval, 24*time.Hour, true); err != nil {
		return err
	}
	if err := inRange("snooze", s.Snooze, min(minInterval, time.Minute), time.Hour, false); err != nil {
		return err
	}
	if err := inRange("natural_break", s.NaturalBreak, time.Minute, time.Hour, true); err != nil {
		return err
	}
	for d, spans := range s.Hours {
		if err := checkDay(spans); err != nil {
			return fmt.Errorf("hours.%s: %w", strings.ToLower(time.Weekday(d).String()), err)
		}
	}
	return nil
}

// inRange checks that d lies in [lo, hi], or is 0 when offOK.
func inRange(key string, d, lo, hi time.Duration, offOK bool) error {
	if (offOK && d == 0) || (d >= lo && d <= hi) {
		return nil
	}
	if offOK {
		return fmt.Errorf("%s %s: must be 0 (off) or between %s and %s", key, shortDuration(d), shortDuration(lo), shortDuration(hi))
	}
	return fmt.Errorf("%s %s: must be between %s and %s", key, shortDuration(d), shortDuration(lo), shortDuration(hi))
}

// shortDuration formats d like time.Duration.String without zero tails:
// "5m", "3h", "1h30m".
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = s[:len(s)-2]
	}
	if strings.HasSuffix(s, "h0m") {
		s = s[:len(s)-2]
	}
	return s
}

// loc returns the schedule's location, time.Local when unset.
func (s Schedule) loc() *time.Location {
	if s.Location == nil {
		return time.Local
	}
	return s.Location
}

// period is one stretch of work time: spans that touch or overlap, also
// across midnight, merged into a single half-open interval [start, end).
type period struct{ start, end time.Time }

// periods returns the merged work periods built from the spans of the days
// first-1 .. first+days, where first is the local date of t. Periods that
// continue beyond that window are cut at its edges.
func (s Schedule) periods(t time.Time, first, days int) []period {
	loc := s.loc()
	y, m, d := t.In(loc).Date()
	var raw []period
	for i := first - 1; i <= first+days; i++ {
		wd := time.Date(y, m, d+i, 12, 0, 0, 0, time.UTC).Weekday()
		for _, sp := range s.Hours[wd] {
			if !sp.valid() {
				continue
			}
			from, to := sp.extent()
			p := period{
				start: time.Date(y, m, d+i, 0, from, 0, 0, loc),
				end:   time.Date(y, m, d+i, 0, to, 0, 0, loc),
			}
			// A wall time in a DST gap may resolve so that the span is
			// empty or reversed; such a span does not exist that day.
			if p.end.After(p.start) {
				raw = append(raw, p)
			}
		}
	}
	return merge(raw)
}

// merge sorts ps and joins periods that touch or overlap.
func merge(ps []period) []period {
	slices.SortFunc(ps, func(a, b period) int { return a.start.Compare(b.start) })
	out := ps[:0]
	for _, p := range ps {
		if n := len(out); n > 0 && !p.start.After(out[n-1].end) {
			if p.end.After(out[n-1].end) {
				out[n-1].end = p.end
			}
			continue
		}
		out = append(out, p)
	}
	return out
}

// InSpan reports whether t lies in work hours and, if so, the start and end
// of the work period around it. Spans that touch or overlap form one period;
// a period longer than a week is cut at a week on either side of t.
func (s Schedule) InSpan(t time.Time) (start, end time.Time, ok bool) {
	for _, p := range s.periods(t, -7, 15) {
		if !t.Before(p.start) && t.Before(p.end) {
			return p.start, p.end, true
		}
	}
	return time.Time{}, time.Time{}, false
}

// NextSpanStart returns the start of the first work period that begins
// strictly after after, for example the first span of tomorrow when called
// in the evening. It returns the zero time if the week has no spans.
func (s Schedule) NextSpanStart(after time.Time) time.Time {
	for _, p := range s.periods(after, 0, 8) {
		if p.start.After(after) {
			return p.start
		}
	}
	return time.Time{}
}
