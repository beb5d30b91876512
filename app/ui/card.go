// Package ui holds limber-ui's Fyne screens and windows: the stretch card, the
// routine player, the safety guide and the controller that opens them on
// limber's commands and reports the answers.
package ui

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/exercises"
)

// The answers a card can give, as uiproto.Event.Outcome spells them.
const (
	OutcomeDone    = "done"
	OutcomeSnoozed = "snoozed"
	OutcomeSkipped = "skipped"
	OutcomeHurt    = "hurt"
)

// CardOptions says how a card behaves and whom it tells.
type CardOptions struct {
	// Strict hides Skip (and its Esc key).
	Strict bool
	// NoSnooze hides Snooze.
	NoSnooze bool
	// Snooze is how long Snooze puts the break off, for its label; 0 means
	// 5 minutes.
	Snooze time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Tick starts a ticker with period d and returns its channel and a
	// function that stops it; nil means a time.Ticker.
	Tick func(d time.Duration) (<-chan time.Time, func())
	// OnOutcome is called once, on the Fyne goroutine, with the first answer.
	OnOutcome func(exerciseID, outcome string)
	// OnAnother is called when the user asks for another exercise; the owner
	// of the window swaps in a new card. Nil hides Another (and its N key).
	OnAnother func()
	// OnSafety is called when the user asks for the safety guide; nil hides
	// the "Safety guide" button. It does not answer the card.
	OnSafety func()

	// ticked, when set, is called after each tick has been handed to the
	// Fyne goroutine; tests use it to wait for a tick.
	ticked func()
}

// Card is the stretch card for one exercise: picture, steps, a countdown for
// the hold that starts when the card is made, and the answer buttons.
// Use it on the Fyne goroutine, except Stop, which is safe anywhere.
type Card struct {
	ex    exercises.Exercise
	opt   CardOptions
	start time.Time

	content fyne.CanvasObject
	timer   *timerView
	done    *widget.Button
	another *widget.Button // nil without OnAnother
	snooze  *widget.Button // nil with NoSnooze
	skip    *widget.Button // nil when strict
	hurts   *widget.Button
	safety  *widget.Button // nil without OnSafety

	answered bool
	finished bool

	stopOnce sync.Once
	quit     chan struct{}
	stopTick func()
}

// NewCard builds the card for ex and starts its countdown, which ticks once
// a second until Stop.
func NewCard(ex exercises.Exercise, opt CardOptions) *Card {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Tick == nil {
		opt.Tick = realTick
	}
	c := &Card{ex: ex, opt: opt, start: opt.Now(), quit: make(chan struct{})}
	c.content = c.build()
	c.refresh()
	if ex.Hold > 0 {
		c.startTicking()
	}
	return c
}

func realTick(d time.Duration) (<-chan time.Time, func()) {
	t := time.NewTicker(d)
	return t.C, t.Stop
}

// Content returns the card's screen.
func (c *Card) Content() fyne.CanvasObject { return c.content }

// Exercise returns the exercise the card shows.
func (c *Card) Exercise() exercises.Exercise { return c.ex }

// Stop ends the countdown's ticking. It is safe to call more than once and
// from any goroutine.
func (c *Card) Stop() {
	c.stopOnce.Do(func() {
		close(c.quit)
		if c.stopTick != nil {
			c.stopTick()
		}
	})
}

// TypedKey handles the card's keys: Enter is Done, Esc is Skip (not when
// strict), N is Another (when there is one). A window hooks it up with
// Canvas().SetOnTypedKey.
func (c *Card) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		c.answer(OutcomeDone)
	case fyne.KeyEscape:
		if !c.opt.Strict {
			c.answer(OutcomeSkipped)
		}
	case fyne.KeyN:
		c.askAnother()
	}
}

func (c *Card) startTicking() {
	ch, stop := c.opt.Tick(time.Second)
	c.stopTick = stop
	go func() {
		for {
			select {
			case <-ch:
				fyne.Do(c.refresh)
				if c.opt.ticked != nil {
					c.opt.ticked()
				}
			case <-c.quit:
				return
			}
		}
	}()
}

// refresh shows the countdown as of now.
func (c *Card) refresh() {
	if c.ex.Hold <= 0 {
		return
	}
	cd := countdownAt(c.ex, c.opt.Now().Sub(c.start))
	if !cd.Finished {
		c.timer.set(cd.Phase, formatClock(cd.Left), false)
		return
	}
	c.timer.set(lang.L("Time's up — press Done"), lang.L("Well done"), true)
	if !c.finished {
		c.finished = true
		c.highlightDone()
	}
}

// highlightDone makes Done the one filled button once the hold is over, by
// turning the other answers into plain ones.
func (c *Card) highlightDone() {
	for _, b := range []*widget.Button{c.another, c.snooze, c.skip} {
		if b != nil {
			b.Importance = widget.LowImportance
			b.Refresh()
		}
	}
}

func (c *Card) answer(outcome string) {
	if c.answered {
		return
	}
	c.answered = true
	c.Stop()
	if c.opt.OnOutcome != nil {
		c.opt.OnOutcome(c.ex.ID, outcome)
	}
}

func (c *Card) askAnother() {
	if c.answered || c.opt.OnAnother == nil {
		return
	}
	c.opt.OnAnother()
}

func (c *Card) build() fyne.CanvasObject {
	header := container.NewBorder(nil, nil, newPictogram(c.ex.ID), nil, c.summary())
	body := container.NewVBox(c.steps()...)
	if c.ex.Why != "" {
		why := widget.NewLabel(c.ex.Why)
		why.Wrapping = fyne.TextWrapWord
		why.TextStyle = fyne.TextStyle{Italic: true}
		body.Add(why)
	}
	body.Add(mutedText(lang.L("Stop if it hurts.")))
	top := container.NewVBox(header, widget.NewSeparator())
	center := container.NewVScroll(container.NewThemeOverride(body, compactTheme{}))
	return container.NewPadded(container.NewBorder(top, c.buttons(), nil, nil, center))
}

// summary is the column next to the picture: name, where and what, and the
// countdown with the reps.
func (c *Card) summary() fyne.CanvasObject {
	name := widget.NewLabel(c.ex.Name)
	name.SizeName = theme.SizeNameHeadingText
	name.TextStyle = fyne.TextStyle{Bold: true}
	name.Wrapping = fyne.TextWrapWord
	col := container.NewVBox(name, mutedText(metaLine(c.ex)))
	c.timer = newTimerView()
	c.timer.footer = repsLine(c.ex)
	switch {
	case c.ex.Hold > 0:
		col.Add(c.timer)
	case c.ex.Reps > 0:
		c.timer.footer = ""
		c.timer.set(repsCaption(c.ex), fmt.Sprintf("%d×", c.ex.Reps), false)
		col.Add(c.timer)
	}
	return col
}

// mutedText is a small line in the theme's placeholder colour.
func mutedText(s string) *widget.RichText {
	t := widget.NewRichText(&widget.TextSegment{Text: s, Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePlaceHolder,
		SizeName:  theme.SizeNameCaptionText,
	}})
	t.Wrapping = fyne.TextWrapWord
	return t
}

func (c *Card) steps() []fyne.CanvasObject {
	rows := make([]fyne.CanvasObject, 0, len(c.ex.Steps)+1)
	for i, s := range c.ex.Steps {
		num := widget.NewLabel(fmt.Sprintf("%d.", i+1))
		num.TextStyle = fyne.TextStyle{Bold: true}
		num.Importance = widget.HighImportance
		text := widget.NewLabel(s)
		text.Wrapping = fyne.TextWrapWord
		rows = append(rows, container.NewBorder(nil, nil, container.NewVBox(num), nil, text))
	}
	return rows
}

// buttons lays the answers out in two rows: the secondary answers on top,
// "This hurts", the safety guide and a wide Done below. The top row goes
// when every secondary answer is hidden.
func (c *Card) buttons() fyne.CanvasObject {
	c.done = widget.NewButtonWithIcon(lang.L("Done"), theme.ConfirmIcon(), func() { c.answer(OutcomeDone) })
	c.done.Importance = widget.HighImportance
	c.hurts = widget.NewButton(lang.L("This hurts"), func() { c.answer(OutcomeHurt) })
	c.hurts.Importance = widget.LowImportance
	left := []fyne.CanvasObject{c.hurts}
	if c.opt.OnSafety != nil {
		c.safety = widget.NewButtonWithIcon(lang.L("Safety guide"), theme.InfoIcon(), c.opt.OnSafety)
		c.safety.Importance = widget.LowImportance
		left = append(left, c.safety)
	}
	bottom := container.NewBorder(nil, nil, container.NewHBox(left...), nil, c.done)
	row := c.secondaryButtons()
	if len(row) == 0 {
		return bottom
	}
	return container.NewVBox(container.NewGridWithColumns(len(row), row...), bottom)
}

// secondaryButtons makes Another, Snooze and Skip, less those the options
// hide.
func (c *Card) secondaryButtons() []fyne.CanvasObject {
	var row []fyne.CanvasObject
	if c.opt.OnAnother != nil {
		c.another = widget.NewButtonWithIcon(lang.L("Another"), theme.ViewRefreshIcon(), c.askAnother)
		row = append(row, c.another)
	}
	if !c.opt.NoSnooze {
		c.snooze = widget.NewButtonWithIcon(snoozeLabel(c.opt.Snooze), theme.HistoryIcon(), func() { c.answer(OutcomeSnoozed) })
		row = append(row, c.snooze)
	}
	if !c.opt.Strict {
		c.skip = widget.NewButtonWithIcon(lang.L("Skip"), theme.MediaSkipNextIcon(), func() { c.answer(OutcomeSkipped) })
		row = append(row, c.skip)
	}
	return row
}

// snoozeLabel names the Snooze button after how long it snoozes: "Snooze
// 10 min", or plain "Snooze" for the seconds-long snoozes of demos.
func snoozeLabel(d time.Duration) string {
	if d <= 0 {
		d = 5 * time.Minute
	}
	m := int(d / time.Minute)
	if m < 1 {
		return lang.L("Snooze")
	}
	return lang.N("Snooze {{.Minutes}} min", m, map[string]any{"Minutes": m})
}

// metaLine says where the exercise is done and what it works on, in the
// language of the stretch library.
func metaLine(ex exercises.Exercise) string {
	parts := []string{placeName(ex.Place)}
	if len(ex.Areas) > 0 {
		areas := make([]string, len(ex.Areas))
		for i, a := range ex.Areas {
			areas[i] = exercises.AreaName(a)
		}
		parts = append(parts, strings.Join(areas, ", "))
	}
	return strings.Join(parts, " · ")
}

// placeName names a place in the language of the stretch library.
func placeName(p exercises.Place) string { return exercises.PlaceName(p) }

// repsCaption heads the reps of an exercise with no hold.
func repsCaption(ex exercises.Exercise) string {
	if ex.Sides == exercises.EachSide {
		return lang.L("Repeat on each side")
	}
	return lang.L("Repeat")
}

// repsLine is "10 reps", "8 reps each side", or empty without reps.
func repsLine(ex exercises.Exercise) string {
	switch {
	case ex.Reps <= 0:
		return ""
	case ex.Sides == exercises.EachSide:
		return lang.N("{{.Reps}} reps each side", ex.Reps, map[string]int{"Reps": ex.Reps})
	}
	return lang.N("{{.Reps}} reps", ex.Reps, map[string]int{"Reps": ex.Reps})
}
