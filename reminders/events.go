package reminders

import "time"

// handle applies ev at now.
func (e *Engine) handle(now time.Time, ev Event) {
	switch ev.Type {
	case Respond, Trigger, Pause, Resume:
		e.comeBack(now) // any of these means the user is at the machine
	}
	switch ev.Type {
	case Respond:
		e.respond(now, ev.Kind, ev.Outcome)
	case Trigger:
		if i := kindIndex(ev.Kind); i >= 0 {
			c := &e.clocks[i]
			c.reset(c.start)
			c.due, c.at, c.shown = true, now, now
		}
	case Pause:
		e.pause(now, ev.Until)
	case Resume:
		if e.paused {
			e.paused, e.pauseTill = false, time.Time{}
			e.restart(now)
		}
	case Idle:
		e.idle(now, ev.Idle)
	case Reschedule:
		e.reschedule(now, ev.Schedule)
	}
	e.applyRestart()
}

// comeBack ends a natural break; the clocks restart at now.
func (e *Engine) comeBack(now time.Time) {
	if e.away {
		e.away = false
		e.restart(now)
	}
}

// respond applies the user's answer to kind k.
func (e *Engine) respond(now time.Time, k Kind, o Outcome) {
	i := kindIndex(k)
	if i < 0 {
		return
	}
	switch o {
	case Done, Skipped, Hurt:
		e.clocks[i].reset(now)
		if k == Stand {
			e.clocks[kindIndex(Posture)].reset(now)
		}
	case Snoozed:
		c := &e.clocks[i]
		c.reset(c.start)
		c.snooze = now.Add(e.snoozeLen())
	}
}

// pause stops reminders until until (zero: until resumed). A deadline that
// has already passed only restarts the clocks.
func (e *Engine) pause(now, until time.Time) {
	if !until.IsZero() && !until.After(now) {
		e.paused, e.pauseTill = false, time.Time{}
		e.restart(now)
		return
	}
	e.paused, e.pauseTill = true, until
	e.forgetPending()
}

// forgetPending drops due and snoozed reminders; the clocks keep running.
func (e *Engine) forgetPending() {
	for i := range e.clocks {
		e.clocks[i].reset(e.clocks[i].start)
	}
}

// idle applies an idle report: idle for at least the natural break starts
// a break, a shorter idle time after one ends it.
func (e *Engine) idle(now time.Time, d time.Duration) {
	if e.s.NaturalBreak > 0 && d >= e.s.NaturalBreak {
		if !e.away {
			e.away = true
			e.forgetPending()
		}
		return
	}
	e.comeBack(now)
}

// reschedule switches to s. Inside the same work period the running clocks
// keep going; a kind switched on starts its clock now, a kind switched off
// forgets its pending reminder. Entering work hours starts the clocks now.
func (e *Engine) reschedule(now time.Time, s *Schedule) {
	if s == nil {
		return
	}
	old := e.s
	wasIn := e.cache.in
	e.s = *s
	e.cache = e.lookup(now)
	if !e.cache.in {
		return
	}
	e.clockPer = e.cache.p.start
	if !wasIn {
		e.restart(now)
		return
	}
	oldEvery := [...]time.Duration{old.StandEvery, old.PostureEvery, old.WaterEvery}
	for i := range e.clocks {
		switch {
		case e.every(i) <= 0, oldEvery[i] <= 0:
			e.clocks[i].reset(now)
		}
	}
}

// next returns when kind i next needs attention in the current period and
// whether that is a re-delivery of an unanswered reminder.
func (e *Engine) next(i int) (t time.Time, repeat, ok bool) {
	c := e.clocks[i]
	switch {
	case c.due:
		t, repeat = c.shown.Add(e.snoozeLen()), true
	case !c.snooze.IsZero():
		t = c.snooze
	case e.every(i) > 0:
		t = c.start.Add(e.every(i))
	default:
		return time.Time{}, false, false
	}
	return t, repeat, t.Before(e.cache.p.end)
}

// deliver returns the reminders that fall due at now and marks them due.
// Of kinds falling due within a minute of each other only the highest is
// sent; a lower one restarts as if answered (a lower repeat is skipped).
func (e *Engine) deliver(now time.Time) []Reminder {
	var due [len(kinds)]pending
	for i := range due {
		due[i].t, due[i].repeat, due[i].ok = e.next(i)
		due[i].sent = e.clocks[i].sent
	}
	var out []Reminder
	for i, p := range due {
		if !p.ok || p.t.After(now) {
			continue
		}
		if outranked(due[:i], p.t) {
			if p.repeat {
				e.clocks[i].shown = now
			} else {
				e.clocks[i].reset(now)
			}
			continue
		}
		c := &e.clocks[i]
		if !p.repeat {
			c.at = p.t
		}
		c.due, c.shown, c.sent, c.snooze = true, now, now, time.Time{}
		out = append(out, Reminder{Kind: kinds[i], At: p.t, Repeat: p.repeat})
	}
	return out
}

// pending is when a kind next needs attention, as returned by next, and
// when it was last sent.
type pending struct {
	t, sent    time.Time
	repeat, ok bool
}

// outranked reports whether one of the higher kinds falls due, or was
// sent, within a minute of t.
func outranked(higher []pending, t time.Time) bool {
	for _, h := range higher {
		if h.ok && h.t.Sub(t).Abs() < time.Minute {
			return true
		}
		if !h.sent.IsZero() && h.sent.Sub(t).Abs() < time.Minute {
			return true
		}
	}
	return false
}

// wake returns when the engine next needs a Tick: the next reminder, the
// end of the work period, the end of a pause or the next period's start.
func (e *Engine) wake(now time.Time) time.Time {
	if e.paused {
		return e.pauseTill
	}
	if !e.cache.in {
		return e.cache.until
	}
	w := e.cache.p.end
	if e.away {
		return w
	}
	for i := range e.clocks {
		if t, _, ok := e.next(i); ok && t.Before(w) {
			w = t
		}
	}
	if w.Before(now) {
		return now
	}
	return w
}
