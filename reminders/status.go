package reminders

import "time"

// State is what the engine is doing, for the tray.
type State string

// The states shown in the tray.
const (
	Working  State = "working"
	Due      State = "due"
	Paused   State = "paused"
	OffHours State = "off"
)

// Status describes the engine at a moment, for the tray and `limber status`.
type Status struct {
	State State
	// Next is the next fresh reminder that will fall due, even days ahead,
	// assuming a reminder due now is answered Done now, later ones Done
	// the moment they fall due, and a user on a natural break comes back
	// now. It is zero while paused until resumed or with no work hours.
	Next Reminder
	// NextStand is when the next stand break falls due, on the same
	// assumptions as Next.
	NextStand time.Time
	Due       Kind      // when State == Due: the highest kind waiting for an answer
	Until     time.Time // Paused: when it resumes (zero = until resumed); OffHours: when the next span starts
	Away      bool      // on a natural break right now
}

// forecastHorizon bounds how far ahead Status looks for the next reminder.
const forecastHorizon = 8 * 24 * time.Hour

// Status reports the engine's state at now without changing the engine. It
// sees now as the next Step would.
func (e *Engine) Status(now time.Time) Status {
	c := *e
	c.Step(now, Event{Type: Tick})
	st := Status{Away: c.away, State: Working}
	switch {
	case c.paused:
		st.State, st.Until = Paused, c.pauseTill
	case !c.cache.in:
		st.State, st.Until = OffHours, c.cache.until
	default:
		for i := range c.clocks {
			if c.clocks[i].due {
				st.State, st.Due = Due, kinds[i]
				break
			}
		}
	}
	st.Next, st.NextStand = c.forecast(now)
	return st
}

// forecast runs a copy of the engine forward from now, answering every
// reminder Done at once, and returns the first fresh reminder and the first
// stand break it meets.
func (e Engine) forecast(now time.Time) (next Reminder, stand time.Time) {
	if e.paused && e.pauseTill.IsZero() {
		return Reminder{}, time.Time{}
	}
	for i := range e.clocks {
		if e.clocks[i].due {
			e.respond(now, kinds[i], Done)
		}
	}
	e.comeBack(now)
	e.applyRestart()
	_, wake := e.Step(now, Event{Type: Tick})
	for t := now; stand.IsZero() && wake.After(t) && wake.Sub(now) < forecastHorizon; {
		t = wake
		var d []Reminder
		d, wake = e.Step(t, Event{Type: Tick})
		for _, r := range d {
			if next.Kind == "" {
				next = r
			}
			if r.Kind == Stand {
				stand = r.At
			}
			_, wake = e.Step(t, Event{Type: Respond, Kind: r.Kind, Outcome: Done})
		}
	}
	return next, stand
}

// Plan returns the reminders an engine for s produces in [from, to),
// assuming each is answered Done the moment it falls due and nothing else
// happens. It is what `limber plan` prints.
func Plan(s Schedule, from, to time.Time) []Reminder {
	var out []Reminder
	e := NewEngine(s, from)
	t := from
	d, wake := e.Step(t, Event{Type: Tick})
	for {
		for _, r := range d {
			out = append(out, r)
			_, wake = e.Step(t, Event{Type: Respond, Kind: r.Kind, Outcome: Done})
		}
		if !wake.After(t) || !wake.Before(to) {
			return out
		}
		t = wake
		d, wake = e.Step(t, Event{Type: Tick})
	}
}
