package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/exercises"
)

// KindRoutine is the reminder kind of every answer given in a routine, as
// uiproto.Event.Kind spells it.
const KindRoutine = "routine"

// RoutineOptions says how a routine plays and whom it tells.
type RoutineOptions struct {
	// Card is the template for each exercise's card: its Strict, NoSnooze,
	// Now, Tick and OnSafety apply. The player sets OnOutcome itself and
	// leaves OnAnother unset, so a routine has no Another.
	Card CardOptions
	// OnOutcome is called on the Fyne goroutine with each exercise's answer,
	// and once more, with the routine's id and OutcomeDone, when the last
	// exercise has been answered with Done or Skip and the complete view
	// shows.
	OnOutcome func(id, outcome string)
	// OnEnd is called when the routine's window should close: with the
	// answer after Snooze or "This hurts", which end the routine early, and
	// with OutcomeDone after Close on the complete view.
	OnEnd func(outcome string)
}

// RoutinePlayer plays a routine: its exercises one after another, each on a
// Card under a progress line and bar, and then a short "Routine complete"
// view. Done and Skip move on; Snooze and "This hurts" end the routine. Use
// it on the Fyne goroutine.
type RoutinePlayer struct {
	routine exercises.Routine
	steps   []exercises.Exercise
	opt     RoutineOptions

	index    int
	done     int // exercises answered with Done
	card     *Card
	complete bool
	ended    bool

	content  *fyne.Container // holds the current view
	progress *widget.Label
	bar      *widget.ProgressBar
	close    *widget.Button // on the complete view
}

// NewRoutinePlayer shows the first of steps, the exercises of r in order,
// which must not be empty.
func NewRoutinePlayer(r exercises.Routine, steps []exercises.Exercise, opt RoutineOptions) *RoutinePlayer {
	p := &RoutinePlayer{routine: r, steps: steps, opt: opt, content: container.NewStack()}
	p.progress = widget.NewLabel("")
	p.progress.TextStyle = fyne.TextStyle{Bold: true}
	p.bar = widget.NewProgressBar()
	p.bar.TextFormatter = func() string { return "" }
	p.showStep()
	return p
}

// Content returns the player's screen, whose inside changes as the routine
// goes on.
func (p *RoutinePlayer) Content() fyne.CanvasObject { return p.content }

// Card returns the card on screen, or nil once the routine is complete.
func (p *RoutinePlayer) Card() *Card { return p.card }

// Complete says whether every exercise has been answered with Done or Skip.
func (p *RoutinePlayer) Complete() bool { return p.complete }

// Progress is the line over the card: "Midday break · 2 of 3".
func (p *RoutinePlayer) Progress() string { return p.progress.Text }

// Stop ends the ticking of the card on screen.
func (p *RoutinePlayer) Stop() {
	if p.card != nil {
		p.card.Stop()
	}
}

// TypedKey passes keys to the card on screen; on the complete view, Enter
// and Esc close.
func (p *RoutinePlayer) TypedKey(ev *fyne.KeyEvent) {
	if p.card != nil {
		p.card.TypedKey(ev)
		return
	}
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
		p.end(OutcomeDone)
	}
}

// showStep puts steps[index] on a new card under the progress line.
func (p *RoutinePlayer) showStep() {
	opt := p.opt.Card
	opt.OnOutcome = p.answered
	opt.OnAnother = nil
	p.card = NewCard(p.steps[p.index], opt)
	n := len(p.steps)
	p.progress.SetText(lang.L("{{.Routine}} · {{.Step}} of {{.Steps}}",
		map[string]any{"Routine": p.routine.Name, "Step": p.index + 1, "Steps": n}))
	p.bar.SetValue(float64(p.index+1) / float64(n))
	top := container.NewPadded(container.NewBorder(nil, nil, p.progress, nil,
		container.New(slimLayout{height: progressHeight}, p.bar)))
	p.setView(container.NewBorder(top, nil, nil, nil, p.card.Content()))
}

func (p *RoutinePlayer) setView(o fyne.CanvasObject) {
	p.content.Objects = []fyne.CanvasObject{o}
	p.content.Refresh()
}

// answered takes a card's answer: Done and Skip move on, anything else ends
// the routine.
func (p *RoutinePlayer) answered(id, outcome string) {
	if p.opt.OnOutcome != nil {
		p.opt.OnOutcome(id, outcome)
	}
	switch outcome {
	case OutcomeDone, OutcomeSkipped:
		if outcome == OutcomeDone {
			p.done++
		}
		p.next()
	default:
		p.end(outcome)
	}
}

func (p *RoutinePlayer) next() {
	p.index++
	if p.index < len(p.steps) {
		p.showStep()
		return
	}
	p.card = nil
	p.complete = true
	p.setView(p.completeView())
	if p.opt.OnOutcome != nil {
		p.opt.OnOutcome(p.routine.ID, OutcomeDone)
	}
}

// end stops the routine and tells the owner, once.
func (p *RoutinePlayer) end(outcome string) {
	if p.ended {
		return
	}
	p.ended = true
	p.Stop()
	if p.opt.OnEnd != nil {
		p.opt.OnEnd(outcome)
	}
}

// completeView says the routine is over and how much of it was done, over a
// Close button.
func (p *RoutinePlayer) completeView() fyne.CanvasObject {
	icon := widget.NewIcon(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
	title := widget.NewLabel(lang.L("Routine complete"))
	title.SizeName = theme.SizeNameHeadingText
	title.TextStyle = fyne.TextStyle{Bold: true}
	title.Alignment = fyne.TextAlignCenter
	summary := widget.NewLabel(p.summary())
	summary.Alignment = fyne.TextAlignCenter
	p.close = widget.NewButtonWithIcon(lang.L("Close"), theme.ConfirmIcon(), func() { p.end(OutcomeDone) })
	p.close.Importance = widget.HighImportance
	return container.NewCenter(container.NewVBox(
		container.NewCenter(container.NewGridWrap(fyne.NewSquareSize(64), icon)),
		title,
		summary,
		container.NewPadded(container.NewCenter(container.NewGridWrap(fyne.NewSize(160, p.close.MinSize().Height), p.close))),
	))
}

// summary is "Midday break: 3 of 3 done".
func (p *RoutinePlayer) summary() string {
	return lang.L("{{.Routine}}: {{.Done}} of {{.Steps}} done",
		map[string]any{"Routine": p.routine.Name, "Done": p.done, "Steps": len(p.steps)})
}

// progressHeight is the height of the routine's progress bar, which is
// slimmer than a ProgressBar's own so it does not crowd the card.
const progressHeight = 8

// slimLayout lays its objects out as wide as it is and height tall, centred
// vertically.
type slimLayout struct{ height float32 }

// MinSize is part of fyne.Layout.
func (l slimLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objects {
		w = max(w, o.MinSize().Width)
	}
	return fyne.NewSize(w, l.height)
}

// Layout is part of fyne.Layout.
func (l slimLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, (size.Height-l.height)/2))
		o.Resize(fyne.NewSize(size.Width, l.height))
	}
}

// RoutineTitle is the card window's title while it plays r.
func RoutineTitle(r exercises.Routine) string {
	return "Limber — " + r.Name
}
