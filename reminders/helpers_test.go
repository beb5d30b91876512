package reminders

import (
	"testing"
	"time"
	_ "time/tzdata" // the zone tests must not depend on the host's zoneinfo
)

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("LoadLocation(%q) = %v", name, err)
	}
	return loc
}

// monday is a Monday (2026-06-01) in UTC at the given wall time.
func monday(h, m int) time.Time { return time.Date(2026, 6, 1, h, m, 0, 0, time.UTC) }

// everyDay returns a week with the same spans on every day.
func everyDay(spans ...Span) Week {
	var w Week
	for d := range w {
		w[d] = spans
	}
	return w
}

// utcSchedule is the default schedule in UTC, 09:00-17:00 every day.
func utcSchedule() Schedule {
	s := DefaultSchedule()
	s.Location = time.UTC
	s.Hours = everyDay(Span{540, 1020})
	return s
}

// checkPlan asserts the invariants every plan must keep: reminders in
// order, inside work hours and never within a minute of each other.
func checkPlan(t *testing.T, s Schedule, got []Reminder) {
	t.Helper()
	for i, r := range got {
		if _, _, ok := s.InSpan(r.At); !ok {
			t.Errorf("Plan reminder %v at %v is outside work hours", r.Kind, r.At)
		}
		if i > 0 && r.At.Sub(got[i-1].At) < time.Minute {
			t.Errorf("Plan reminders %v at %v and %v at %v are less than a minute apart", got[i-1].Kind, got[i-1].At, r.Kind, r.At)
		}
	}
}

// driver steps an engine by hand and checks every returned wake.
type driver struct {
	t    *testing.T
	e    *Engine
	now  time.Time
	wake time.Time
}

func newDriver(t *testing.T, s Schedule, start time.Time) *driver {
	d := &driver{t: t, e: NewEngine(s, start)}
	d.step(start, Event{Type: Tick})
	return d
}

func (d *driver) step(now time.Time, ev Event) []Reminder {
	d.t.Helper()
	got, wake := d.e.Step(now, ev)
	if !wake.IsZero() && wake.Before(now) {
		d.t.Fatalf("Step(%v, %v) wake = %v, before now", now, ev.Type, wake)
	}
	d.now, d.wake = now, wake
	return got
}

// run ticks at every wake before until, answering each fresh reminder with
// answer (nil or "": no answer), and returns what was delivered.
func (d *driver) run(until time.Time, answer func(Reminder) Outcome) []Reminder {
	d.t.Helper()
	var all []Reminder
	for n := 0; !d.wake.IsZero() && d.wake.Before(until); n++ {
		if n > 10000 {
			d.t.Fatalf("run: more than 10000 steps before %v", until)
		}
		got := d.step(d.wake, Event{Type: Tick})
		all = append(all, got...)
		for _, r := range got {
			if answer == nil {
				continue
			}
			if o := answer(r); o != "" {
				d.step(d.now, Event{Type: Respond, Kind: r.Kind, Outcome: o})
			}
		}
	}
	return all
}

func done(Reminder) Outcome { return Done }

// postureDone answers posture reminders Done and leaves the others open.
func postureDone(r Reminder) Outcome {
	if r.Kind == Posture {
		return Done
	}
	return ""
}

// times formats reminders as "kind@15:04" for compact comparisons.
func times(rs []Reminder) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = string(r.Kind) + "@" + r.At.Format("15:04")
		if r.Repeat {
			out[i] += "(repeat)"
		}
	}
	return out
}
