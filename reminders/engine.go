package reminders

import "time"

// Kind names a kind of reminder.
type Kind string

// The kinds of reminder, from the highest priority to the lowest.
const (
	Stand   Kind = "stand"
	Posture Kind = "posture"
	Water   Kind = "water"
)

// kinds lists the kinds in priority order; an index into it identifies a
// kind inside the engine.
var kinds = [...]Kind{Stand, Posture, Water}

// Outcome is the user's answer to a reminder.
type Outcome string

// The answers a user can give. Hurt is treated like Done.
const (
	Done    Outcome = "done"
	Snoozed Outcome = "snoozed"
	Skipped Outcome = "skipped"
	Hurt    Outcome = "hurt"
)

// Reminder is one reminder to show. At is when it was scheduled to fall
// due; Repeat marks a re-delivery of a reminder nobody answered.
type Reminder struct {
	Kind   Kind
	At     time.Time
	Repeat bool
	// Routine is the routine id of a RoutineKind reminder.
	Routine string
}

// EventType says what happened when Step is called.
type EventType int

// The events the engine understands.
const (
	// Tick is the caller's timer firing; nothing else happened.
	Tick EventType = iota
	// Respond carries the user's Outcome for Kind.
	Respond
	// Pause stops reminders until Until (zero: until Resume).
	Pause
	// Resume ends a pause; the clocks restart.
	Resume
	// Idle reports how long the user has been idle now.
	Idle
	// Reschedule replaces the settings with *Schedule.
	Reschedule
	// Trigger says the user started a break of Kind by hand. The engine
	// delivers nothing but makes Kind due, so that the following Respond
	// closes it; unanswered, it is re-delivered like any due reminder.
	Trigger
)

// Event is something that happened, passed to Step.
type Event struct {
	Type     EventType
	Kind     Kind          // Respond, Trigger
	Outcome  Outcome       // Respond
	Until    time.Time     // Pause: zero = until resumed
	Idle     time.Duration // Idle: how long the user has been idle now
	Schedule *Schedule     // Reschedule: new settings, keeps running clocks where sensible
}

// clock is the state of one kind of reminder.
type clock struct {
	start  time.Time // when the clock last (re)started
	due    bool      // delivered (or triggered) and not answered yet
	at     time.Time // when it fell due, while due
	shown  time.Time // when it was last delivered, while due
	snooze time.Time // when a snoozed reminder comes back; zero if none
	sent   time.Time // when a reminder of this kind was last delivered
}

// reset restarts the clock at start, forgetting any pending reminder but
// not when one was last sent.
func (c *clock) reset(start time.Time) {
	*c = clock{start: start, sent: c.sent}
}

// spanCache remembers whether the times in [from, until) are in work hours
// and, if so, in which period. A zero until means forever.
type spanCache struct {
	from, until time.Time
	in          bool
	p           period
}

func (c spanCache) covers(t time.Time) bool {
	return !c.from.IsZero() && !t.Before(c.from) && (c.until.IsZero() || t.Before(c.until))
}

// Engine decides when reminders fall due. It is a pure state machine: it
// never reads the real clock, sleeps or starts goroutines; every call takes
// the current time. It is not safe for concurrent use; the caller
// serialises calls.
type Engine struct {
	s         Schedule
	clocks    [len(kinds)]clock
	cache     spanCache
	clockPer  time.Time // start of the period the clocks belong to
	paused    bool
	pauseTill time.Time // zero: until resumed
	away      bool      // on a natural break
	lastStep  time.Time
	lastWake  time.Time // the wake time last returned by Step
	restartAt time.Time // pending restart of all clocks within one Step
	// routinesSeen is the time up to which timed routines were handled.
	routinesSeen time.Time
}

// NewEngine returns an engine for s that starts at now. If now is in work
// hours the clocks start at now.
func NewEngine(s Schedule, now time.Time) *Engine {
	e := &Engine{s: s, lastStep: now, routinesSeen: now}
	e.Step(now, Event{Type: Tick})
	return e
}

// Step advances the engine to now and applies ev. It returns the reminders
// to show now and when to call Step with a Tick next. wake is never before
// now; it is zero only when nothing will happen by itself (no work hours at
// all, or paused until resumed).
func (e *Engine) Step(now time.Time, ev Event) (deliver []Reminder, wake time.Time) {
	e.catchUp(now)
	e.handle(now, ev)
	if e.active() {
		deliver = e.deliver(now)
	}
	deliver = append(deliver, e.dueRoutines(now)...)
	wake = e.wake(now)
	if r := e.routineWake(now); !r.IsZero() && !e.paused && (wake.IsZero() || r.Before(wake)) {
		wake = r
	}
	e.lastStep, e.lastWake = now, wake
	return deliver, wake
}

// catchUp brings the engine from its last step to now: it tames clocks that
// were set back, treats a long sleep as a break, ends an expired pause and
// restarts the clocks when a new work period has begun.
func (e *Engine) catchUp(now time.Time) {
	e.restartAt = time.Time{}
	if now.Before(e.lastStep) {
		e.cache = spanCache{}
	}
	e.clampTo(now)
	if !e.lastWake.IsZero() && now.Sub(e.lastWake) >= e.gap() {
		e.away = false
		e.restart(now)
	}
	if e.paused && !e.pauseTill.IsZero() && !now.Before(e.pauseTill) {
		e.paused = false
		e.restart(e.pauseTill)
	}
	e.enterPeriod(now)
	e.applyRestart()
}

// clampTo keeps every stored time from lying in the future of now (the
// wall clock was set back), so that no wait is ever longer than its
// interval or negative.
func (e *Engine) clampTo(now time.Time) {
	sn := e.snoozeLen()
	for i := range e.clocks {
		c := &e.clocks[i]
		if c.start.After(now) {
			c.start = now
		}
		if c.shown.After(now) {
			c.shown = now
		}
		if c.snooze.After(now.Add(sn)) {
			c.snooze = now.Add(sn)
		}
	}
}

// enterPeriod updates the cached work period for now and schedules a clock
// restart when now lies in a period the clocks do not belong to yet.
func (e *Engine) enterPeriod(now time.Time) {
	if !e.cache.covers(now) {
		e.cache = e.lookup(now)
	}
	if !e.cache.in || e.cache.p.start.Equal(e.clockPer) {
		return
	}
	e.clockPer = e.cache.p.start
	if e.cache.p.start.Before(e.lastStep) {
		// The engine starts, or the clock jumped, into the middle of a
		// period: the clocks start now rather than in the past.
		e.restart(now)
		return
	}
	e.restart(e.cache.p.start)
}

// lookup computes the span cache entry for now.
func (e *Engine) lookup(now time.Time) spanCache {
	if start, end, ok := e.s.InSpan(now); ok {
		return spanCache{from: start, until: end, in: true, p: period{start, end}}
	}
	return spanCache{from: now, until: e.s.NextSpanStart(now)}
}

// restart schedules a restart of all clocks at t; the latest one in a Step
// wins.
func (e *Engine) restart(t time.Time) {
	if t.After(e.restartAt) {
		e.restartAt = t
	}
}

// applyRestart restarts all clocks at the pending restart time, if any.
func (e *Engine) applyRestart() {
	if e.restartAt.IsZero() {
		return
	}
	for i := range e.clocks {
		e.clocks[i].reset(e.restartAt)
	}
	e.restartAt = time.Time{}
}

// gap is how far past the requested wake a Step must come to count as the
// machine having slept.
func (e *Engine) gap() time.Duration {
	if e.s.NaturalBreak > 0 {
		return e.s.NaturalBreak
	}
	return 5 * time.Minute
}

// snoozeLen is the snooze length, 5 minutes if the schedule has none.
func (e *Engine) snoozeLen() time.Duration {
	if e.s.Snooze > 0 {
		return e.s.Snooze
	}
	return 5 * time.Minute
}

// every returns the interval of kind i, 0 if off.
func (e *Engine) every(i int) time.Duration {
	return [...]time.Duration{e.s.StandEvery, e.s.PostureEvery, e.s.WaterEvery}[i]
}

// active reports whether reminders may be delivered: in work hours, not
// paused and not away.
func (e *Engine) active() bool {
	return e.cache.in && !e.paused && !e.away
}

// kindIndex returns the engine's index for k, or -1.
func kindIndex(k Kind) int {
	for i, kk := range kinds {
		if kk == k {
			return i
		}
	}
	return -1
}
