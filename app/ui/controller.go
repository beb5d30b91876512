package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"github.com/limber-app/limber/app/store"
	"github.com/limber-app/limber/app/uiproto"
	"github.com/limber-app/limber/exercises"
)

// DefaultIdleExit is how long limber-ui stays alive with no window open.
const DefaultIdleExit = 2 * time.Minute

// Card window size, in Fyne units.
const (
	cardWidth  = 480
	cardHeight = 560
)

// Controller runs limber-ui: it reads uiproto commands, shows the stretch
// card window (one card, or a routine card after card) and the safety guide,
// and writes uiproto events. Apart from Start, its state lives on
// the Fyne goroutine: the command reader and the idle timer reach it only
// through fyne.Do.
type Controller struct {
	// IdleExit is how long the process lives with no window open; zero
	// means DefaultIdleExit. Set it before Start.
	IdleExit time.Duration
	// Lookup finds an exercise by id; nil means exercises.Get.
	Lookup func(id string) (exercises.Exercise, bool)
	// LookupRoutine finds a routine by id; nil means a search of
	// exercises.Routines.
	LookupRoutine func(id string) (exercises.Routine, bool)
	// AfterFunc runs f after d unless the returned stop is called first;
	// nil means time.AfterFunc.
	AfterFunc func(d time.Duration, f func()) (stop func() bool)
	// Now and Tick are handed to each card (see CardOptions).
	Now  func() time.Time
	Tick func(d time.Duration) (<-chan time.Time, func())
	// Paths says where the config and history are; zero means the user's
	// XDG folders.
	Paths store.Paths
	// Version is shown in the settings window.
	Version string
	// Placer shows the card window; nil shows it and focuses it when the
	// user asked for it.
	Placer Placer

	app fyne.App
	in  io.Reader
	out *uiproto.Writer
	log *log.Logger

	keepAlive fyne.Window
	win       fyne.Window    // the card window, nil when closed
	card      *Card          // the single card in win, or nil
	routine   *RoutinePlayer // the routine in win, or nil
	cmd       uiproto.Command
	// windows holds the open one-of-a-kind windows, such as the safety
	// guide, by title.
	windows  map[string]fyne.Window
	list     []exercises.Exercise
	index    int
	answered bool
	// keysFrom is when the card window starts taking keys (see keyGuard).
	keysFrom time.Time
	quitting bool
	idleGen  int
	idleStop func() bool
	// readDone is closed when the command reader has stopped.
	readDone chan struct{}
}

// NewController returns a controller for a that reads commands from in,
// writes events to out and logs to logger (nil means the standard logger,
// which writes to stderr).
func NewController(a fyne.App, in io.Reader, out io.Writer, logger *log.Logger) *Controller {
	if logger == nil {
		logger = log.Default()
	}
	return &Controller{
		app: a, in: in, out: uiproto.NewWriter(out), log: logger,
		windows: map[string]fyne.Window{}, readDone: make(chan struct{}),
	}
}

// ParseIdleExit reads the LIMBER_UI_IDLE setting: a Go duration such as
// "30s", or empty for DefaultIdleExit.
func ParseIdleExit(s string) (time.Duration, error) {
	if s == "" {
		return DefaultIdleExit, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("idle exit %q: %w", s, err)
	}
	if d <= 0 {
		return 0, fmt.Errorf("idle exit %q: must be positive", s)
	}
	return d, nil
}

// Start says ready, arms the idle timer and starts reading commands. Call it
// once, on the Fyne goroutine, before the app runs.
func (c *Controller) Start() {
	if c.IdleExit <= 0 {
		c.IdleExit = DefaultIdleExit
	}
	if c.Lookup == nil {
		c.Lookup = exercises.Get
	}
	if c.LookupRoutine == nil {
		c.LookupRoutine = findRoutine
	}
	if c.AfterFunc == nil {
		c.AfterFunc = func(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop }
	}
	// Fyne's desktop driver quits when its last window is destroyed. A
	// window that is never shown has no native window and costs nothing,
	// but it keeps that list from emptying when the card closes; quitting is
	// the idle timer's job.
	c.keepAlive = c.app.NewWindow("limber-ui")
	c.emit(uiproto.Event{Op: uiproto.OpReady})
	c.armIdle()
	go c.readCommands()
}

func (c *Controller) readCommands() {
	defer close(c.readDone)
	r := uiproto.NewReader(c.in)
	for {
		var cmd uiproto.Command
		err := r.Read(&cmd)
		switch {
		case err == nil:
			fyne.Do(func() { c.handle(cmd) })
		case errors.Is(err, io.EOF):
			fyne.Do(c.quit)
			return
		case isBadLine(err):
			c.log.Printf("ignoring command: %v", err)
		default:
			c.log.Printf("reading commands: %v", err)
			fyne.Do(c.quit)
			return
		}
	}
}

// isBadLine tells a line that is not a command from a broken input stream.
func isBadLine(err error) bool {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	return errors.As(err, &syntax) || errors.As(err, &typ)
}

func (c *Controller) handle(cmd uiproto.Command) {
	if c.quitting {
		return
	}
	switch cmd.Op {
	case uiproto.OpCard:
		c.showCard(cmd)
	case uiproto.OpRoutine:
		c.showRoutine(cmd)
	case uiproto.OpSafety:
		c.showSafety()
	case uiproto.OpSettings:
		c.showSettings()
	case uiproto.OpCrack:
		c.showCrack()
	case uiproto.OpStats:
		c.showStats()
	case uiproto.OpQuit:
		c.quit()
	default:
		c.log.Printf("ignoring command with unknown op %q", cmd.Op)
	}
}

func (c *Controller) showCard(cmd uiproto.Command) {
	list := c.resolve(cmd.Exercises)
	if len(list) == 0 {
		c.log.Printf("ignoring card: no known exercise in %q", cmd.Exercises)
		return
	}
	c.openCardWindow(cmd)
	c.list, c.index = list, 0
	c.setCard()
	c.present(uiproto.Event{Op: uiproto.OpShown, Window: c.win.Title(), Exercise: c.card.ex.ID, Kind: cmd.Kind})
}

func (c *Controller) showRoutine(cmd uiproto.Command) {
	r, ok := c.LookupRoutine(cmd.Routine)
	if !ok {
		c.log.Printf("ignoring routine: unknown routine %q", cmd.Routine)
		return
	}
	steps := c.resolve(r.Steps)
	if len(steps) == 0 {
		c.log.Printf("ignoring routine %q: no known exercise in %q", r.ID, r.Steps)
		return
	}
	c.openCardWindow(cmd)
	c.routine = NewRoutinePlayer(r, steps, RoutineOptions{
		Card:      c.cardOptions(),
		OnOutcome: c.routineOutcome,
		OnEnd:     c.finish,
	})
	c.win.SetTitle(RoutineTitle(r))
	c.win.SetContent(c.routine.Content())
	c.win.Canvas().SetOnTypedKey(c.guardKeys(c.routine.TypedKey))
	c.present(uiproto.Event{Op: uiproto.OpShown, Window: c.win.Title(), Exercise: r.ID, Kind: KindRoutine})
}

// findRoutine looks id up in exercises.Routines.
func findRoutine(id string) (exercises.Routine, bool) {
	for _, r := range exercises.Routines() {
		if r.ID == id {
			return r, true
		}
	}
	return exercises.Routine{}, false
}

// openCardWindow makes the card window ready for what cmd asks for: it
// stops whatever card or routine it showed, or makes the window when there
// is none.
func (c *Controller) openCardWindow(cmd uiproto.Command) {
	c.stopContent()
	c.cmd, c.answered = cmd, false
	c.keysFrom = time.Time{}
	if !cmd.Focus {
		c.keysFrom = c.now().Add(keyGuard)
	}
	c.disarmIdle()
	if c.win != nil {
		return
	}
	c.win = c.app.NewWindow("Limber")
	c.win.SetOnClosed(c.windowClosed)
	c.win.Resize(fyne.NewSize(cardWidth, cardHeight))
	c.win.CenterOnScreen()
	// A break is worth seeing: the card stays above other windows (it
	// never takes focus by itself, see present).
	if dw, ok := c.win.(desktop.Window); ok {
		dw.RequestAlwaysOnTop()
	}
}

// present puts the card window on screen and says so with ev.
func (c *Controller) present(ev uiproto.Event) {
	c.placer().Show(c.win, c.cmd.Focus)
	c.emit(ev)
}

// keyGuard is how long a card that opened by itself ignores the keyboard.
// Should a window manager give it the focus anyway, an Enter or Esc meant
// for the user's editor must not answer the break.
const keyGuard = time.Second

// guardKeys wraps a card's key handler so that keys typed within keyGuard
// of an unasked-for card opening are dropped.
func (c *Controller) guardKeys(handle func(*fyne.KeyEvent)) func(*fyne.KeyEvent) {
	return func(ev *fyne.KeyEvent) {
		if c.now().Before(c.keysFrom) {
			return
		}
		handle(ev)
	}
}

// Placer shows a window. focus says whether the user asked for it, so it
// may take keyboard focus; a card that opens by itself must not.
type Placer interface {
	Show(w fyne.Window, focus bool)
}

// showAndFocus is the Placer for drivers that cannot do better: show, and
// raise when asked for.
type showAndFocus struct{}

func (showAndFocus) Show(w fyne.Window, focus bool) {
	w.Show()
	if focus {
		w.RequestFocus()
	}
}

func (c *Controller) placer() Placer {
	if c.Placer == nil {
		return showAndFocus{}
	}
	return c.Placer
}

// stopContent stops and forgets the card or routine in the card window.
func (c *Controller) stopContent() {
	if c.card != nil {
		c.card.Stop()
	}
	if c.routine != nil {
		c.routine.Stop()
	}
	c.card, c.routine = nil, nil
}

func (c *Controller) resolve(ids []string) []exercises.Exercise {
	var list []exercises.Exercise
	for _, id := range ids {
		ex, ok := c.Lookup(id)
		if !ok {
			c.log.Printf("unknown exercise %q", id)
			continue
		}
		list = append(list, ex)
	}
	return list
}

// setCard puts list[index] into the window, replacing any card there.
func (c *Controller) setCard() {
	if c.card != nil {
		c.card.Stop()
	}
	ex := c.list[c.index]
	opt := c.cardOptions()
	opt.OnOutcome = c.outcome
	opt.OnAnother = c.another
	c.card = NewCard(ex, opt)
	c.win.SetTitle(WindowTitle(ex))
	c.win.SetContent(c.card.Content())
	c.win.Canvas().SetOnTypedKey(c.guardKeys(c.card.TypedKey))
}

// cardOptions are the options every card gets, in a routine or not.
func (c *Controller) cardOptions() CardOptions {
	return CardOptions{
		Strict:   c.cmd.Strict,
		NoSnooze: c.cmd.NoSnooze,
		Snooze:   time.Duration(c.cmd.SnoozeSeconds) * time.Second,
		Now:      c.Now,
		Tick:     c.Tick,
		OnSafety: c.showSafety,
	}
}

// WindowTitle is the card window's title for ex.
func WindowTitle(ex exercises.Exercise) string {
	return "Limber — " + ex.Name
}

func (c *Controller) another() {
	if c.win == nil || len(c.list) < 2 {
		return
	}
	c.index = (c.index + 1) % len(c.list)
	c.setCard()
}

func (c *Controller) outcome(id, outcome string) {
	c.emit(uiproto.Event{Op: uiproto.OpOutcome, Exercise: id, Kind: c.cmd.Kind, Outcome: outcome})
	c.finish(outcome)
}

// routineOutcome reports an answer given in a routine: an exercise's, or the
// routine's own once it is complete.
func (c *Controller) routineOutcome(id, outcome string) {
	c.emit(uiproto.Event{Op: uiproto.OpOutcome, Exercise: id, Kind: KindRoutine, Outcome: outcome})
}

// finish closes the card window after its last answer. "This hurts" opens
// the safety guide first, so the user sees when to get help.
func (c *Controller) finish(outcome string) {
	c.answered = true
	if outcome == OutcomeHurt {
		c.showSafety()
	}
	if c.win != nil {
		c.win.Close()
	}
}

// windowClosed runs when the card window goes, by an answer or by the
// window manager.
func (c *Controller) windowClosed() {
	if !c.answered && !c.quitting {
		c.emitClosed()
	}
	c.stopContent()
	c.win = nil
	c.armIdleIfNoWindow()
}

// emitClosed says that the card window went without an answer. In a routine
// the event names the exercise on screen; a complete routine has had its
// answer.
func (c *Controller) emitClosed() {
	switch {
	case c.card != nil:
		c.emit(uiproto.Event{Op: uiproto.OpClosed, Exercise: c.card.ex.ID, Kind: c.cmd.Kind})
	case c.routine != nil && c.routine.Card() != nil:
		c.emit(uiproto.Event{Op: uiproto.OpClosed, Exercise: c.routine.Card().ex.ID, Kind: KindRoutine})
	}
}

// showSafety opens the safety guide, or raises it when it is open. The
// window is known by its English title and shows it in the user's language.
func (c *Controller) showSafety() {
	c.openWindow(SafetyTitle, lang.L("Limber — Safety & when to see someone"),
		fyne.NewSize(safetyWidth, safetyHeight), NewSafetyScreen)
}

// openWindow opens the one window known by key, its English title, showing
// what content makes, or raises it when it is open, and says shown. The
// window shows title, the key in the user's language, from before it
// appears; the controller and its events name it by key. Esc closes it.
func (c *Controller) openWindow(key, title string, size fyne.Size, content func() fyne.CanvasObject) {
	w, open := c.windows[key]
	if !open {
		c.disarmIdle()
		w = c.app.NewWindow(title)
		w.SetContent(content())
		w.Resize(size)
		w.CenterOnScreen()
		w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
			if ev.Name == fyne.KeyEscape {
				w.Close()
			}
		})
		w.SetOnClosed(func() {
			delete(c.windows, key)
			c.armIdleIfNoWindow()
		})
		c.windows[key] = w
	}
	w.Show()
	if open {
		w.RequestFocus()
	}
	c.emit(uiproto.Event{Op: uiproto.OpShown, Window: key})
}

// windowOpen says whether any window is open.
func (c *Controller) windowOpen() bool {
	return c.win != nil || len(c.windows) > 0
}

// armIdleIfNoWindow starts the idle countdown once the last window has
// closed.
func (c *Controller) armIdleIfNoWindow() {
	if !c.quitting && !c.windowOpen() {
		c.armIdle()
	}
}

// armIdle (re)starts the countdown to exiting with no window open.
func (c *Controller) armIdle() {
	c.disarmIdle()
	gen := c.idleGen
	c.idleStop = c.AfterFunc(c.IdleExit, func() {
		fyne.Do(func() { c.idleExpired(gen) })
	})
}

func (c *Controller) disarmIdle() {
	c.idleGen++
	if c.idleStop != nil {
		c.idleStop()
		c.idleStop = nil
	}
}

func (c *Controller) idleExpired(gen int) {
	if gen != c.idleGen || c.windowOpen() {
		return // a window opened since the timer was armed
	}
	c.quit()
}

// quit says exit and ends the app.
func (c *Controller) quit() {
	if c.quitting {
		return
	}
	c.quitting = true
	c.disarmIdle()
	c.stopContent()
	c.emit(uiproto.Event{Op: uiproto.OpExit})
	c.app.Quit()
}

func (c *Controller) emit(ev uiproto.Event) {
	if err := c.out.Write(ev); err != nil {
		c.log.Printf("writing %s event: %v", ev.Op, err)
	}
}
