package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"time"

	"fyne.io/fyne/v2"

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
// card window and writes uiproto events. Apart from Start, its state lives on
// the Fyne goroutine: the command reader and the idle timer reach it only
// through fyne.Do.
type Controller struct {
	// IdleExit is how long the process lives with no window open; zero
	// means DefaultIdleExit. Set it before Start.
	IdleExit time.Duration
	// Lookup finds an exercise by id; nil means exercises.Get.
	Lookup func(id string) (exercises.Exercise, bool)
	// AfterFunc runs f after d unless the returned stop is called first;
	// nil means time.AfterFunc.
	AfterFunc func(d time.Duration, f func()) (stop func() bool)
	// Now and Tick are handed to each card (see CardOptions).
	Now  func() time.Time
	Tick func(d time.Duration) (<-chan time.Time, func())

	app fyne.App
	in  io.Reader
	out *uiproto.Writer
	log *log.Logger

	keepAlive fyne.Window
	win       fyne.Window // the card window, nil when closed
	card      *Card
	cmd       uiproto.Command
	list      []exercises.Exercise
	index     int
	answered  bool
	quitting  bool
	idleGen   int
	idleStop  func() bool
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
	return &Controller{app: a, in: in, out: uiproto.NewWriter(out), log: logger, readDone: make(chan struct{})}
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
	c.cmd, c.list, c.index, c.answered = cmd, list, 0, false
	c.disarmIdle()
	fresh := c.win == nil
	if fresh {
		c.win = c.app.NewWindow("Limber")
		c.win.SetOnClosed(c.windowClosed)
		c.win.Resize(fyne.NewSize(cardWidth, cardHeight))
		c.win.CenterOnScreen()
	}
	c.setCard()
	// Fyne has no way to show a window without focusing it, so Focus only
	// decides whether a card window that is already open is raised.
	c.win.Show()
	if cmd.Focus && !fresh {
		c.win.RequestFocus()
	}
	c.emit(uiproto.Event{Op: uiproto.OpShown, Window: c.win.Title(), Exercise: c.card.ex.ID, Kind: cmd.Kind})
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
	c.card = NewCard(ex, CardOptions{
		Strict:    c.cmd.Strict,
		Now:       c.Now,
		Tick:      c.Tick,
		OnOutcome: c.outcome,
		OnAnother: c.another,
	})
	c.win.SetTitle(WindowTitle(ex))
	c.win.SetContent(c.card.Content())
	c.win.Canvas().SetOnTypedKey(c.card.TypedKey)
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
	c.answered = true
	c.emit(uiproto.Event{Op: uiproto.OpOutcome, Exercise: id, Kind: c.cmd.Kind, Outcome: outcome})
	if c.win != nil {
		c.win.Close()
	}
}

// windowClosed runs when the card window goes, by an answer or by the
// window manager.
func (c *Controller) windowClosed() {
	if c.card != nil {
		c.card.Stop()
	}
	if !c.answered && !c.quitting && c.card != nil {
		c.emit(uiproto.Event{Op: uiproto.OpClosed, Exercise: c.card.ex.ID, Kind: c.cmd.Kind})
	}
	c.win, c.card = nil, nil
	if !c.quitting {
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
	if gen != c.idleGen || c.win != nil {
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
	if c.card != nil {
		c.card.Stop()
	}
	c.emit(uiproto.Event{Op: uiproto.OpExit})
	c.app.Quit()
}

func (c *Controller) emit(ev uiproto.Event) {
	if err := c.out.Write(ev); err != nil {
		c.log.Printf("writing %s event: %v", ev.Op, err)
	}
}
