package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// clockScale is how much larger than heading text the countdown is drawn.
const clockScale = 1.75

// timerView is the card's prominent countdown: a caption (the phase) over a
// large clock over an optional footer (the reps), on a rounded panel, all in theme colours. Its fields are set
// by the card on the Fyne goroutine, followed by Refresh.
type timerView struct {
	widget.BaseWidget
	caption string
	clock   string
	footer  string
	// finished draws the clock in the theme's primary colour.
	finished bool
}

func newTimerView() *timerView {
	t := &timerView{}
	t.ExtendBaseWidget(t)
	return t
}

// set changes what the view shows and redraws it.
func (t *timerView) set(caption, clock string, finished bool) {
	t.caption, t.clock, t.finished = caption, clock, finished
	t.Refresh()
}

// CreateRenderer is part of fyne.Widget.
func (t *timerView) CreateRenderer() fyne.WidgetRenderer {
	r := &timerRenderer{
		t:       t,
		bg:      canvas.NewRectangle(nil),
		caption: canvas.NewText("", nil),
		clock:   canvas.NewText("", nil),
		footer:  canvas.NewText("", nil),
	}
	r.caption.Alignment = fyne.TextAlignCenter
	r.footer.Alignment = fyne.TextAlignCenter
	r.footer.TextStyle = fyne.TextStyle{Bold: true}
	r.clock.Alignment = fyne.TextAlignCenter
	r.clock.TextStyle = fyne.TextStyle{Bold: true}
	r.Refresh()
	return r
}

type timerRenderer struct {
	t       *timerView
	bg      *canvas.Rectangle
	caption *canvas.Text
	clock   *canvas.Text
	footer  *canvas.Text
}

func (r *timerRenderer) Destroy() {}

func (r *timerRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.caption, r.clock, r.footer}
}

func (r *timerRenderer) pad() float32 {
	return theme.SizeForWidget(theme.SizeNameInnerPadding, r.t)
}

// lines are the texts that are shown, top to bottom.
func (r *timerRenderer) lines() []*canvas.Text {
	if r.t.footer == "" {
		return []*canvas.Text{r.caption, r.clock}
	}
	return []*canvas.Text{r.caption, r.clock, r.footer}
}

func (r *timerRenderer) MinSize() fyne.Size {
	var size fyne.Size
	for _, l := range r.lines() {
		m := l.MinSize()
		size = fyne.NewSize(fyne.Max(size.Width, m.Width), size.Height+m.Height)
	}
	p := r.pad()
	return size.AddWidthHeight(4*p, p)
}

func (r *timerRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	y := (size.Height - r.MinSize().Height + r.pad()) / 2
	for _, l := range r.lines() {
		h := l.MinSize().Height
		l.Move(fyne.NewPos(0, y))
		l.Resize(fyne.NewSize(size.Width, h))
		y += h
	}
}

// Refresh applies the current text and the theme's colours and sizes.
func (r *timerRenderer) Refresh() {
	t := r.t
	r.bg.FillColor = theme.ColorForWidget(theme.ColorNameInputBackground, t)
	r.bg.CornerRadius = theme.SizeForWidget(theme.SizeNameInputRadius, t)
	r.caption.Text = t.caption
	r.caption.Color = theme.ColorForWidget(theme.ColorNameForeground, t)
	r.caption.TextSize = theme.SizeForWidget(theme.SizeNameText, t)
	r.clock.Text = t.clock
	r.clock.TextSize = theme.SizeForWidget(theme.SizeNameHeadingText, t) * clockScale
	r.clock.Color = theme.ColorForWidget(theme.ColorNameForeground, t)
	r.footer.Text = t.footer
	r.footer.Color = r.caption.Color
	r.footer.TextSize = r.caption.TextSize
	r.footer.Hidden = t.footer == ""
	if t.finished {
		r.clock.Color = theme.ColorForWidget(theme.ColorNamePrimary, t)
	}
	r.Layout(t.Size())
	r.bg.Refresh()
	r.caption.Refresh()
	r.clock.Refresh()
	r.footer.Refresh()
}
