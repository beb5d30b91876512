package daemon

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/limber-app/limber/app/desktop"
)

// fakeHold is a Hold whose answer a test sets, and which counts its checks.
type fakeHold struct {
	name   string
	active bool
	err    error
	calls  int
}

func (f *fakeHold) Name() string { return f.name }

func (f *fakeHold) Active() (bool, error) {
	f.calls++
	return f.active, f.err
}

// quietHolder returns a holder for holds with Limber's timings, whose log
// lines go to *logged.
func quietHolder(logged *[]string, holds ...desktop.Hold) *holder {
	h := newHolder(holds, time.Minute, 30*time.Second)
	h.logf = func(format string, args ...any) { *logged = append(*logged, fmt.Sprintf(format, args...)) }
	return h
}

var t0 = time.Date(2026, 3, 30, 14, 0, 0, 0, time.UTC)

// at is t0 plus s seconds.
func at(s float64) time.Time { return t0.Add(time.Duration(s * float64(time.Second))) }

// TestHolder_Steps steps a holder over one call by hand: each step sets
// the call hold, calls check at a time and looks at the answer, the hold's
// check count and nextCheck.
func TestHolder_Steps(t *testing.T) {
	call := &fakeHold{name: "call in progress"}
	var logged []string
	h := quietHolder(&logged, call)
	steps := []struct {
		note      string
		at        float64 // seconds after t0
		active    bool    // the hold's state from this step on
		wantHeld  bool
		wantWhy   string
		wantCalls int
		wantNext  float64 // nextCheck, in seconds after t0
	}{
		{"nothing active: deliver", 0, false, false, "", 1, 0},
		{"within checkEvery: the cached answer, no check", 10, true, false, "", 1, 10},
		{"checkEvery passed: a call", 30, true, true, "call in progress", 2, 60},
		{"within checkEvery: still held, no check", 45, false, true, "call in progress", 2, 60},
		{"the call ended: quiet for a minute after it was last seen", 60, false, true, "call in progress", 3, 90},
		{"quiet continues, no check", 80, false, true, "call in progress", 3, 90},
		{"quiet over", 90, false, false, "", 4, 90},
	}
	for _, s := range steps {
		call.active = s.active
		held, why := h.check(at(s.at))
		if held != s.wantHeld || why != s.wantWhy || call.calls != s.wantCalls {
			t.Errorf("%s: check(t0+%vs) = %v, %q after %d checks of the hold, want %v, %q after %d",
				s.note, s.at, held, why, call.calls, s.wantHeld, s.wantWhy, s.wantCalls)
		}
		if got := h.nextCheck(at(s.at)); !got.Equal(at(s.wantNext)) {
			t.Errorf("%s: nextCheck(t0+%vs) = t0+%v, want t0+%vs", s.note, s.at, got.Sub(t0), s.wantNext)
		}
	}
	if len(logged) != 0 {
		t.Errorf("logged %q, want nothing", logged)
	}
}

func TestHolder_WhyIsFirstActive(t *testing.T) {
	tests := []struct {
		name    string
		holds   []*fakeHold
		wantWhy string
		checked []int // how often each hold was asked
	}{
		{"none active", []*fakeHold{{name: "a"}, {name: "b"}}, "", []int{1, 1}},
		{"the second", []*fakeHold{{name: "a"}, {name: "b", active: true}, {name: "c", active: true}}, "b", []int{1, 1, 0}},
		{"the first", []*fakeHold{{name: "a", active: true}, {name: "b", active: true}}, "a", []int{1, 0}},
		{"an erroring one is skipped", []*fakeHold{{name: "a", active: true, err: errors.New("broken")}, {name: "b", active: true}}, "b", []int{1, 1}},
		{"no holds", nil, "", nil},
	}
	for _, tt := range tests {
		var holds []desktop.Hold
		for _, f := range tt.holds {
			holds = append(holds, f)
		}
		var logged []string
		h := quietHolder(&logged, holds...)
		held, why := h.check(t0)
		if held != (tt.wantWhy != "") || why != tt.wantWhy {
			t.Errorf("%s: check = %v, %q, want %v, %q", tt.name, held, why, tt.wantWhy != "", tt.wantWhy)
		}
		for i, f := range tt.holds {
			if f.calls != tt.checked[i] {
				t.Errorf("%s: hold %s asked %d times, want %d", tt.name, f.name, f.calls, tt.checked[i])
			}
		}
	}
}

// TestHolder_ErrorsAreNotActive: a hold that fails counts as not active,
// whatever it says, and its error is logged once until it changes.
func TestHolder_ErrorsAreNotActive(t *testing.T) {
	broken := &fakeHold{name: "call in progress", active: true, err: errors.New("read /proc: permission denied")}
	var logged []string
	h := quietHolder(&logged, broken)
	steps := []struct {
		at         float64
		err        error
		wantLogged int
	}{
		{0, broken.err, 1},
		{30, broken.err, 1}, // the same error: not again
		{60, errors.New("read /proc: too many open files"), 2},
		{90, nil, 2},         // works, and is active
		{150, broken.err, 3}, // back after a success: again; and the quiet after 90 is over
	}
	for _, s := range steps {
		broken.err = s.err
		held, why := h.check(at(s.at))
		if wantHeld := s.err == nil; held != wantHeld {
			t.Errorf("check(t0+%vs) with error %v = %v, %q, want %v", s.at, s.err, held, why, wantHeld)
		}
		if len(logged) != s.wantLogged {
			t.Errorf("after check(t0+%vs): logged %q, want %d lines", s.at, logged, s.wantLogged)
		}
	}
	want := "cannot tell whether to hold reminders back (call in progress): read /proc: permission denied"
	if len(logged) > 0 && logged[0] != want {
		t.Errorf("logged %q, want %q", logged[0], want)
	}
}

// TestHolder_ClockSetBack: when the clock goes back, the holds are
// consulted at once and a quiet time does not stretch by the jump.
func TestHolder_ClockSetBack(t *testing.T) {
	call := &fakeHold{name: "call in progress", active: true}
	var logged []string
	h := quietHolder(&logged, call)
	h.check(at(3600))
	call.active = false
	back := at(0)
	if got := h.nextCheck(back); !got.Equal(back) {
		t.Errorf("nextCheck after the clock went back = t0+%v, want t0", got.Sub(t0))
	}
	if held, _ := h.check(back); !held || call.calls != 2 {
		t.Errorf("check after the clock went back = %v after %d checks, want held (quiet) after 2", held, call.calls)
	}
	if held, _ := h.check(at(60)); held {
		t.Errorf("check a minute later = held, want the quiet time over")
	}
}

// simHold is a Hold that is active in some periods of simulated time. A
// failing simHold returns an error in those periods instead (with true,
// which must not count).
type simHold struct {
	name    string
	on      [][2]time.Time // [start, end)
	failing bool
	now     *time.Time
	asked   *[]time.Time // when any simHold was asked
	seenOn  *time.Time   // the last time a hold answered active without error
}

func (s *simHold) Name() string { return s.name }

func (s *simHold) Active() (bool, error) {
	*s.asked = append(*s.asked, *s.now)
	if !s.activeAt(*s.now) {
		return false, nil
	}
	if s.failing {
		return true, errors.New("device state unreadable")
	}
	*s.seenOn = *s.now
	return true, nil
}

func (s *simHold) activeAt(t time.Time) bool {
	for _, p := range s.on {
		if !t.Before(p[0]) && t.Before(p[1]) {
			return true
		}
	}
	return false
}

// randomDuration returns a random duration below max, in whole seconds
// half the time (to land on the holder's own boundaries) and in
// milliseconds otherwise.
func randomDuration(r *rand.Rand, max time.Duration) time.Duration {
	if r.IntN(2) == 0 {
		return time.Duration(r.Int64N(int64(max/time.Second))) * time.Second
	}
	return time.Duration(r.Int64N(int64(max/time.Millisecond))) * time.Millisecond
}

// TestHolder_Property simulates the daemon's loop over random hold
// periods around a due reminder: it calls check when the reminder falls
// due and then at nextCheck (a little late at times, as a busy loop is, and
// at times earlier, as when the loop wakes for something else), and
// delivers the first time nothing holds. The reminder must be delivered
// exactly once; never while a hold that works is active when the holder
// looks, nor after it last saw one active; never within quietFor of a hold
// last seen active; and not much later than the holds allow. The holds are
// never asked more often than checkEvery.
func TestHolder_Property(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, 3))
	timings := [][2]time.Duration{ // quietFor, checkEvery
		{time.Minute, 30 * time.Second},
		{time.Minute, 30 * time.Second},
		{0, 30 * time.Second},
		{10 * time.Second, 30 * time.Second},
		{2 * time.Minute, 45 * time.Second},
		{time.Minute, time.Second},
	}
	const maxLate = 2 * time.Second
	for run := range 1000 {
		quietFor, checkEvery := timings[run%len(timings)][0], timings[run%len(timings)][1]
		due := t0.Add(randomDuration(r, time.Hour))
		now := due
		var asked []time.Time
		var seenOn time.Time
		var holds []desktop.Hold
		var sims []*simHold
		lastEnd := due // when the last working hold ends
		for i := range r.IntN(4) {
			s := &simHold{name: fmt.Sprintf("hold %d", i), failing: r.IntN(5) == 0, now: &now, asked: &asked, seenOn: &seenOn}
			for range r.IntN(5) {
				start := due.Add(randomDuration(r, 25*time.Minute) - 5*time.Minute)
				end := start.Add(randomDuration(r, 10*time.Minute) + time.Millisecond)
				s.on = append(s.on, [2]time.Time{start, end})
				if !s.failing && end.After(lastEnd) {
					lastEnd = end
				}
			}
			holds, sims = append(holds, s), append(sims, s)
		}
		h := newHolder(holds, quietFor, checkEvery)
		h.logf = func(string, ...any) {}
		describe := func() string {
			var b []byte
			for _, s := range sims {
				b = fmt.Appendf(b, " %s(failing %v):", s.name, s.failing)
				for _, p := range s.on {
					b = fmt.Appendf(b, " [%v,%v)", p[0].Sub(due), p[1].Sub(due))
				}
			}
			return fmt.Sprintf("run %d, quiet %v, every %v, holds relative to due:%s", run, quietFor, checkEvery, b)
		}

		delivered, checks := 0, 0
		deadline := lastEnd.Add(quietFor + 2*checkEvery + 2*maxLate)
		for now.Before(deadline.Add(time.Minute)) && delivered == 0 {
			checks++
			if checks > 10000 {
				t.Fatalf("%s: no delivery after %d checks", describe(), checks)
			}
			held, why := h.check(now)
			if held {
				if why == "" {
					t.Fatalf("%s: held at due%+v with no reason", describe(), now.Sub(due))
				}
				next := h.nextCheck(now)
				if !next.After(now) {
					t.Fatalf("%s: held at due%+v, nextCheck = due%+v: no progress", describe(), now.Sub(due), next.Sub(due))
				}
				if r.IntN(3) == 0 {
					// The loop woke for something else before next.
					now = now.Add(time.Duration(r.Int64N(int64(next.Sub(now)))) + 1)
				} else {
					now = next.Add(randomDuration(r, maxLate))
				}
				continue
			}
			delivered++
			lastAsked := time.Time{}
			if len(asked) > 0 {
				lastAsked = asked[len(asked)-1]
			}
			if !seenOn.IsZero() && !seenOn.Before(lastAsked) {
				t.Errorf("%s: delivered at due%+v, but a hold was active when last asked at due%+v", describe(), now.Sub(due), lastAsked.Sub(due))
			}
			for _, s := range sims {
				// Only an answer from a fresh look can know; one from the
				// cache may be checkEvery old.
				if !s.failing && s.activeAt(now) && lastAsked.Equal(now) {
					t.Errorf("%s: delivered at due%+v while %s is active", describe(), now.Sub(due), s.name)
				}
			}
			if !seenOn.IsZero() && now.Before(seenOn.Add(quietFor)) {
				t.Errorf("%s: delivered at due%+v, within %v of a hold seen active at due%+v", describe(), now.Sub(due), quietFor, seenOn.Sub(due))
			}
			if now.After(deadline) {
				t.Errorf("%s: delivered at due%+v, after due%+v", describe(), now.Sub(due), deadline.Sub(due))
			}
		}
		if delivered != 1 {
			t.Errorf("%s: delivered %d times, want once", describe(), delivered)
		}
		var last time.Time
		for _, a := range asked {
			if a.Equal(last) {
				continue // the holds of one consultation
			}
			if !last.IsZero() && a.Sub(last) < checkEvery {
				t.Errorf("%s: holds asked at due%+v and due%+v, less than %v apart", describe(), last.Sub(due), a.Sub(due), checkEvery)
			}
			last = a
		}
	}
}
