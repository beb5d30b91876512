package reminders

import (
	"fmt"
	"strings"
	"time"
)

// RoutineKind is the kind of the reminders for timed routines. Their
// Reminder.Routine names the routine.
const RoutineKind Kind = "routine"

// routineStale is how late a timed routine may still be delivered: after a
// longer sleep or pause the moment has passed, and it waits for its next
// day instead.
const routineStale = 15 * time.Minute

// TimedRoutine asks for a routine reminder at a time of day, on some days.
// Unlike the interval kinds it does not follow work hours: a morning
// routine usually comes before work.
type TimedRoutine struct {
	ID     string
	Minute int     // minutes after local midnight
	Days   [7]bool // by time.Weekday
}

// ParseRoutineTime parses "HH:MM" (every day) or "HH:MM mon,thu" (those
// days).
func ParseRoutineTime(s string) (minute int, days [7]bool, err error) {
	clock, dayList, hasDays := strings.Cut(strings.TrimSpace(s), " ")
	minute, err = parseClock(clock)
	if err != nil {
		return 0, days, fmt.Errorf("%q: want HH:MM, or HH:MM followed by days such as mon,thu", s)
	}
	if !hasDays {
		for i := range days {
			days[i] = true
		}
		return minute, days, nil
	}
	for _, name := range strings.Split(strings.TrimSpace(dayList), ",") {
		d, ok := dayAbbrev[strings.ToLower(strings.TrimSpace(name))]
		if !ok {
			return 0, days, fmt.Errorf("%q: day %q: want mon, tue, wed, thu, fri, sat or sun", s, name)
		}
		days[d] = true
	}
	return minute, days, nil
}

// FormatRoutineTime is the inverse of ParseRoutineTime.
func FormatRoutineTime(minute int, days [7]bool) string {
	clock := fmt.Sprintf("%02d:%02d", minute/60, minute%60)
	var names []string
	for _, d := range []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday} {
		if days[d] {
			names = append(names, strings.ToLower(d.String()[:3]))
		}
	}
	if len(names) == 7 {
		return clock
	}
	return clock + " " + strings.Join(names, ",")
}

var dayAbbrev = map[string]time.Weekday{
	"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday,
}

// nextRoutine returns the first timed routine strictly after t, if any.
func (s Schedule) nextRoutine(t time.Time) (TimedRoutine, time.Time, bool) {
	loc := s.loc()
	lt := t.In(loc)
	var best TimedRoutine
	var bestAt time.Time
	for day := 0; day <= 7; day++ {
		y, m, d := lt.Date()
		midnight := time.Date(y, m, d+day, 0, 0, 0, 0, loc)
		for _, r := range s.Routines {
			if !r.Days[midnight.Weekday()] {
				continue
			}
			at := time.Date(y, m, d+day, r.Minute/60, r.Minute%60, 0, 0, loc)
			if at.After(t) && (bestAt.IsZero() || at.Before(bestAt)) {
				best, bestAt = r, at
			}
		}
		if !bestAt.IsZero() {
			return best, bestAt, true
		}
	}
	return best, bestAt, false
}

// dueRoutines returns the timed routines that fell due since the engine
// last looked, at most one, and none that is stale. Nothing comes while
// paused or away; what fell due then is passed over.
func (e *Engine) dueRoutines(now time.Time) []Reminder {
	from := e.routinesSeen
	if now.After(from) {
		e.routinesSeen = now
	}
	if e.paused || e.away {
		return nil
	}
	var last *Reminder
	for t := from; ; {
		r, at, ok := e.s.nextRoutine(t)
		if !ok || at.After(now) {
			break
		}
		last = &Reminder{Kind: RoutineKind, At: at, Routine: r.ID}
		t = at
	}
	if last == nil || now.Sub(last.At) > routineStale {
		return nil
	}
	return []Reminder{*last}
}

// routineWake is when the next timed routine falls due, or zero.
func (e *Engine) routineWake(now time.Time) time.Time {
	_, at, ok := e.s.nextRoutine(now)
	if !ok {
		return time.Time{}
	}
	return at
}
