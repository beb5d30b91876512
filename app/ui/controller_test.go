package ui

import (
	"encoding/json"
	"io"
	"log"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/limber-app/limber/app/uiproto"
	"github.com/limber-app/limber/exercises"
)

// eventSink decodes the controller's output, one event per Write.
type eventSink chan uiproto.Event

func (s eventSink) Write(p []byte) (int, error) {
	var ev uiproto.Event
	if err := json.Unmarshal(p, &ev); err != nil {
		return 0, err
	}
	s <- ev
	return len(p), nil
}

// fakeIdle stands in for time.AfterFunc: the test fires the timer.
type fakeIdle struct {
	mu    sync.Mutex
	armed []func()
	d     time.Duration
}

func (f *fakeIdle) AfterFunc(d time.Duration, fn func()) func() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.d = d
	f.armed = append(f.armed, fn)
	return func() bool { return true }
}

// fireAll runs every timer armed so far, stopped or not, as a late timer
// would.
func (f *fakeIdle) fireAll() {
	f.mu.Lock()
	armed := f.armed
	f.mu.Unlock()
	for _, fn := range armed {
		fn()
	}
}

type harness struct {
	t      *testing.T
	a      fyne.App
	c      *Controller
	in     *io.PipeWriter
	events eventSink
	idle   *fakeIdle
}

func lookup(id string) (exercises.Exercise, bool) {
	for _, ex := range []exercises.Exercise{sideBend, neckTilt} {
		if ex.ID == id {
			return ex, true
		}
	}
	return exercises.Exercise{}, false
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	r, w := io.Pipe()
	h := &harness{t: t, a: a, in: w, events: make(eventSink, 16), idle: &fakeIdle{}}
	h.c = NewController(a, r, h.events, log.New(io.Discard, "", 0))
	h.c.Lookup = lookup
	h.c.LookupRoutine = func(id string) (exercises.Routine, bool) { return testRoutine, id == testRoutine.ID }
	h.c.AfterFunc = h.idle.AfterFunc
	h.c.Now = newFakeClock().Now
	h.c.Tick = func(time.Duration) (<-chan time.Time, func()) { return nil, func() {} }
	h.c.Start()
	h.expect(uiproto.Event{Op: uiproto.OpReady})
	t.Cleanup(func() {
		// End the reader before the temporary app goes.
		w.Close()
		for {
			select {
			case <-h.c.readDone:
				return
			case <-h.events:
			}
		}
	})
	return h
}

func (h *harness) send(line string) {
	h.t.Helper()
	if _, err := io.WriteString(h.in, line+"\n"); err != nil {
		h.t.Fatal(err)
	}
}

func (h *harness) next() uiproto.Event {
	h.t.Helper()
	select {
	case ev := <-h.events:
		return ev
	case <-time.After(5 * time.Second):
		h.t.Fatal("no event within 5s")
		return uiproto.Event{}
	}
}

func (h *harness) expect(want uiproto.Event) {
	h.t.Helper()
	if got := h.next(); got != want {
		h.t.Fatalf("event = %+v, want %+v", got, want)
	}
}

// expectNone checks that no event is waiting. Taps answer on the test's
// goroutine, so their events are written by the time Tap returns.
func (h *harness) expectNone() {
	h.t.Helper()
	select {
	case ev := <-h.events:
		h.t.Errorf("unexpected event %+v", ev)
	default:
	}
}

// cardWindows lists the windows but the controller's keep-alive and the
// test driver's own untitled one.
func (h *harness) cardWindows() []fyne.Window {
	var ws []fyne.Window
	for _, w := range h.a.Driver().AllWindows() {
		if w != h.c.keepAlive && w.Title() != "" {
			ws = append(ws, w)
		}
	}
	return ws
}

func (h *harness) expectCardWindow(title string) fyne.Window {
	h.t.Helper()
	ws := h.cardWindows()
	if len(ws) != 1 || ws[0].Title() != title {
		var titles []string
		for _, w := range ws {
			titles = append(titles, w.Title())
		}
		h.t.Fatalf("windows = %q, want [%q]", titles, title)
	}
	return ws[0]
}

func TestController_CardOpensWindow(t *testing.T) {
	h := newHarness(t)
	h.send(`{"op":"card","exercises":["side-bend"],"kind":"stand","focus":true}`)
	h.expect(uiproto.Event{Op: uiproto.OpShown, Window: "Limber — Side bend", Exercise: "side-bend", Kind: "stand"})
	w := h.expectCardWindow("Limber — Side bend")
	if got := w.Canvas().Size(); got != fyne.NewSize(cardWidth, cardHeight) {
		t.Errorf("window size = %v, want %vx%v", got, cardWidth, cardHeight)
	}
}

func TestController_DoneEmitsOutcomeAndCloses(t *testing.T) {
	h := newHarness(t)
	h.send(`{"op":"card","exercises":["side-bend"],"kind":"stand"}`)
	h.next()
	test.Tap(h.c.card.done)
	h.expect(uiproto.Event{Op: uiproto.OpOutcome, Exercise: "side-bend", Kind: "stand", Outcome: OutcomeDone})
	if ws := h.cardWindows(); len(ws) != 0 {
		t.Errorf("card windows after Done = %d, want 0", len(ws))
	}
}

func TestController_EnterAnswersThroughWindow(t *testing.T) {
	h := newHarness(t)
	h.send(`{"op":"card","exercises":["side-bend"],"focus":true}`)
	h.next()
	w := h.expectCardWindow("Limber — Side bend")
	typeKey(w, fyne.KeyEscape)
	h.expect(uiproto.Event{Op: uiproto.OpOutcome, Exercise: "side-bend", Outcome: OutcomeSkipped})
}

// typeKey sends a key to w's canvas, as the keyboard would.
func typeKey(w fyne.Window, key fyne.KeyName) {
	w.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: key})
}

// A card that opened by itself ignores keys for a moment, in case the
// window manager gave it the focus while the user was typing elsewhere; one
// the user asked for answers at once (above).
func TestController_UnaskedCardIgnoresKeysAtFirst(t *testing.T) {
	h := newHarness(t)
	clock := newFakeClock()
	h.c.Now = clock.Now
	h.send(`{"op":"card","exercises":["side-bend"],"kind":"stand"}`)
	h.next()
	w := h.expectCardWindow("Limber — Side bend")
	typeKey(w, fyne.KeyReturn)
	h.expectNone()
	clock.mu.Lock()
	clock.now = clock.now.Add(keyGuard)
	clock.mu.Unlock()
	typeKey(w, fyne.KeyReturn)
	h.expect(uiproto.Event{Op: uiproto.OpOutcome, Exercise: "side-bend", Kind: "stand", Outcome: OutcomeDone})
}

func TestController_SecondCardReusesWindow(t *testing.T) {
	h := newHarness(t)
	h.send(`{"op":"card","exercises":["side-bend"]}`)
	h.next()
	first := h.expectCardWindow("Limber — Side bend")
	h.send(`{"op":"card","exercises":["neck-tilt"],"strict":true}`)
	h.expect(uiproto.Event{Op: uiproto.OpShown, Window: "Limber — Neck tilt", Exercise: "neck-tilt"})
	if second := h.expectCardWindow("Limber — Neck tilt"); second != first {
		t.Error("second card opened a new window, want the first one reused")
	}
	if h.c.card.skip != nil {
		t.Error("strict card shows Skip")
	}
}

func TestController_AnotherWraps(t *testing.T) {
	h := newHarness(t)
	h.send(`{"op":"card","exercises":["side-bend","no-such-stretch","neck-tilt"],"kind":"stand"}`)
	h.next()
	test.Tap(h.c.card.another)
	h.expectCardWindow("Limber — Neck tilt")
	test.Tap(h.c.card.another)
	h.expectCardWindow("Limber — Side bend")
	test.Tap(h.c.card.another)
	test.Tap(h.c.card.snooze)
	h.expect(uiproto.Event{Op: uiproto.OpOutcome, Exercise: "neck-tilt", Kind: "stand", Outcome: OutcomeSnoozed})
}

func TestController_WindowManagerCloseEmitsClosed(t *testing.T) {
	h := newHarness(t)
	h.send(`{"op":"card","exercises":["neck-tilt"],"kind":"posture"}`)
	h.next()
	h.expectCardWindow("Limber — Neck tilt").Close()
	h.expect(uiproto.Event{Op: uiproto.OpClosed, Exercise: "neck-tilt", Kind: "posture"})
}

func TestController_QuitEmitsExit(t *testing.T) {
	h := newHarness(t)
	h.send(`{"op":"card","exercises":["neck-tilt"]}`)
	h.next()
	h.send(`{"op":"quit"}`)
	h.expect(uiproto.Event{Op: uiproto.OpExit})
}

func TestController_EOFEmitsExit(t *testing.T) {
	h := newHarness(t)
	h.in.Close()
	h.expect(uiproto.Event{Op: uiproto.OpExit})
}

func TestController_BadLinesIgnored(t *testing.T) {
	h := newHarness(t)
	h.send(`not json`)
	h.send(`{"op":"dance"}`)
	h.send(`{"op":"card","exercises":["no-such-stretch"]}`)
	h.send(`{"op":"card","exercises":["neck-tilt"]}`)
	h.expect(uiproto.Event{Op: uiproto.OpShown, Window: "Limber — Neck tilt", Exercise: "neck-tilt"})
}

func TestController_IdleExit(t *testing.T) {
	h := newHarness(t)
	if h.idle.d != DefaultIdleExit {
		t.Errorf("idle timer = %v, want %v", h.idle.d, DefaultIdleExit)
	}
	h.send(`{"op":"card","exercises":["neck-tilt"]}`)
	h.next()
	h.idle.fireAll() // the timer armed at start fires late, while the card is open
	test.Tap(h.c.card.done)
	h.expect(uiproto.Event{Op: uiproto.OpOutcome, Exercise: "neck-tilt", Outcome: OutcomeDone})
	h.idle.fireAll()
	h.expect(uiproto.Event{Op: uiproto.OpExit})
}

func TestParseIdleExit(t *testing.T) {
	tests := []struct {
		in      string
		want    time.Duration
		wantErr bool
	}{
		{"", DefaultIdleExit, false},
		{"3s", 3 * time.Second, false},
		{"1m30s", 90 * time.Second, false},
		{"0s", 0, true},
		{"-1s", 0, true},
		{"soon", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseIdleExit(tt.in)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("ParseIdleExit(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestController_SafetyOpensOneWindow(t *testing.T) {
	h := newHarness(t)
	h.send(`{"op":"safety"}`)
	h.expect(uiproto.Event{Op: uiproto.OpShown, Window: SafetyTitle})
	w := h.expectCardWindow(SafetyTitle)
	if got := w.Canvas().Size(); got != fyne.NewSize(safetyWidth, safetyHeight) {
		t.Errorf("safety window size = %v, want %vx%v", got, safetyWidth, safetyHeight)
	}
	h.send(`{"op":"safety","focus":true}`)
	h.expect(uiproto.Event{Op: uiproto.OpShown, Window: SafetyTitle})
	if again := h.expectCardWindow(SafetyTitle); again != w {
		t.Error("second safety command opened a new window, want the first one raised")
	}
}

func TestController_HurtOpensSafety(t *testing.T) {
	h := newHarness(t)
	h.send(`{"op":"card","exercises":["side-bend"],"kind":"stand"}`)
	h.next()
	test.Tap(h.c.card.hurts)
	h.expect(uiproto.Event{Op: uiproto.OpOutcome, Exercise: "side-bend", Kind: "stand", Outcome: OutcomeHurt})
	h.expect(uiproto.Event{Op: uiproto.OpShown, Window: SafetyTitle})
	h.expectNone()
	h.expectCardWindow(SafetyTitle)
}

func TestController_CardSafetyButtonKeepsCard(t *testing.T) {
	h := newHarness(t)
	h.send(`{"op":"card","exercises":["side-bend"]}`)
	h.next()
	test.Tap(h.c.card.safety)
	h.expect(uiproto.Event{Op: uiproto.OpShown, Window: SafetyTitle})
	if ws := h.cardWindows(); len(ws) != 2 || h.c.card == nil {
		t.Errorf("windows after Safety guide = %d, card %v; want the card and the guide", len(ws), h.c.card)
	}
	test.Tap(h.c.card.done)
	h.expect(uiproto.Event{Op: uiproto.OpOutcome, Exercise: "side-bend", Outcome: OutcomeDone})
	h.expectCardWindow(SafetyTitle)
}

func TestController_NoSnoozeHidesSnooze(t *testing.T) {
	h := newHarness(t)
	h.send(`{"op":"card","exercises":["side-bend","neck-tilt"],"strict":true,"no_snooze":true}`)
	h.next()
	if h.c.card.snooze != nil || h.c.card.skip != nil {
		t.Error("strict no-snooze card shows Snooze or Skip")
	}
	test.Tap(h.c.card.another)
	if h.c.card.snooze != nil {
		t.Error("Another brought Snooze back")
	}
}

func TestController_RoutinePlaysEveryStep(t *testing.T) {
	h := newHarness(t)
	h.send(`{"op":"routine","routine":"test-routine","focus":true}`)
	h.expect(uiproto.Event{Op: uiproto.OpShown, Window: "Limber — Test routine", Exercise: "test-routine", Kind: KindRoutine})
	w := h.expectCardWindow("Limber — Test routine")
	if got, want := h.c.routine.Progress(), "Test routine · 1 of 2"; got != want {
		t.Errorf("progress = %q, want %q", got, want)
	}
	test.Tap(h.c.routine.Card().done)
	h.expect(uiproto.Event{Op: uiproto.OpOutcome, Exercise: "side-bend", Kind: KindRoutine, Outcome: OutcomeDone})
	if got, want := h.c.routine.Progress(), "Test routine · 2 of 2"; got != want {
		t.Errorf("progress = %q, want %q", got, want)
	}
	if got := w.Title(); got != "Limber — Test routine" {
		t.Errorf("title on the second step = %q, want the routine's", got)
	}
	w.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	h.expect(uiproto.Event{Op: uiproto.OpOutcome, Exercise: "neck-tilt", Kind: KindRoutine, Outcome: OutcomeSkipped})
	h.expect(uiproto.Event{Op: uiproto.OpOutcome, Exercise: "test-routine", Kind: KindRoutine, Outcome: OutcomeDone})
	h.expectCardWindow("Limber — Test routine") // the complete view
	test.Tap(h.c.routine.close)
	h.expectNone()
	if ws := h.cardWindows(); len(ws) != 0 {
		t.Errorf("windows after Close = %d, want 0", len(ws))
	}
}

func TestController_RoutineSnoozeEnds(t *testing.T) {
	h := newHarness(t)
	h.send(`{"op":"routine","routine":"test-routine","kind":"routine"}`)
	h.next()
	test.Tap(h.c.routine.Card().snooze)
	h.expect(uiproto.Event{Op: uiproto.OpOutcome, Exercise: "side-bend", Kind: KindRoutine, Outcome: OutcomeSnoozed})
	h.expectNone()
	if ws := h.cardWindows(); len(ws) != 0 {
		t.Errorf("windows after Snooze = %d, want 0", len(ws))
	}
}

func TestController_RoutineHurtOpensSafety(t *testing.T) {
	h := newHarness(t)
	h.send(`{"op":"routine","routine":"test-routine"}`)
	h.next()
	test.Tap(h.c.routine.Card().done)
	h.next()
	test.Tap(h.c.routine.Card().hurts)
	h.expect(uiproto.Event{Op: uiproto.OpOutcome, Exercise: "neck-tilt", Kind: KindRoutine, Outcome: OutcomeHurt})
	h.expect(uiproto.Event{Op: uiproto.OpShown, Window: SafetyTitle})
	h.expectNone()
	h.expectCardWindow(SafetyTitle)
}

func TestController_RoutineWindowCloseEmitsClosed(t *testing.T) {
	h := newHarness(t)
	h.send(`{"op":"routine","routine":"test-routine"}`)
	h.next()
	test.Tap(h.c.routine.Card().done)
	h.next()
	h.expectCardWindow("Limber — Test routine").Close()
	h.expect(uiproto.Event{Op: uiproto.OpClosed, Exercise: "neck-tilt", Kind: KindRoutine})
}

func TestController_RoutineThenCardReusesWindow(t *testing.T) {
	h := newHarness(t)
	h.send(`{"op":"routine","routine":"no-such-routine"}`)
	h.send(`{"op":"routine","routine":"test-routine"}`)
	h.expect(uiproto.Event{Op: uiproto.OpShown, Window: "Limber — Test routine", Exercise: "test-routine", Kind: KindRoutine})
	first := h.expectCardWindow("Limber — Test routine")
	h.send(`{"op":"card","exercises":["neck-tilt"]}`)
	h.expect(uiproto.Event{Op: uiproto.OpShown, Window: "Limber — Neck tilt", Exercise: "neck-tilt"})
	if h.expectCardWindow("Limber — Neck tilt") != first || h.c.routine != nil {
		t.Error("card after a routine: want the same window and the routine gone")
	}
	test.Tap(h.c.card.done)
	h.expect(uiproto.Event{Op: uiproto.OpOutcome, Exercise: "neck-tilt", Outcome: OutcomeDone})
}

func TestController_SafetyWindowKeepsAlive(t *testing.T) {
	h := newHarness(t)
	h.send(`{"op":"card","exercises":["side-bend"]}`)
	h.next()
	test.Tap(h.c.card.safety)
	h.next()
	test.Tap(h.c.card.done)
	h.next()
	h.idle.fireAll() // timers armed so far fire, late or not, with the guide still open
	h.expectNone()
	h.expectCardWindow(SafetyTitle).Close()
	h.idle.fireAll()
	h.expect(uiproto.Event{Op: uiproto.OpExit})
}
