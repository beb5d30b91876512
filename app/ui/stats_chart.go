package ui

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/stats"
)

// Chart geometry, in Fyne units.
const (
	chartPlotHeight = 150 // the bars' area at its smallest
	chartGutter     = 44  // left of the bars, for the goal's label
	chartBarMax     = 28  // the widest a bar gets
	chartDot        = 8   // a crack dot's diameter
	chartDotGap     = 3
	chartDotsMax    = 4 // dots a day shows at most, the most painful first
	chartWideSlot   = 48
	chartDotsAbove  = 8 // between the lowest dot and the top of the plot
)

// painYellow marks cracks with mild pain. The theme has warning (orange) and
// error (red) but no yellow, so this one is fixed: an amber dark enough to
// see on a white background and bright enough on a dark one.
var painYellow = color.NRGBA{R: 0xf2, G: 0xb7, B: 0x05, A: 0xff}

// dayChart draws breaks done and skipped per day as stacked bars, done
// (primary colour) at the bottom and skipped (muted) on top, scaled so the
// goal line fits; the day under each bar, the posture checks given under
// that in small type, and the logged cracks as dots above, coloured by pain.
// It redraws its colours when the theme changes.
type dayChart struct {
	widget.BaseWidget
	days []stats.Day
	goal int
}

func newDayChart(days []stats.Day, goal int) *dayChart {
	c := &dayChart{days: days, goal: goal}
	c.ExtendBaseWidget(c)
	return c
}

// setDays shows days instead.
func (c *dayChart) setDays(days []stats.Day) {
	c.days = days
	c.Refresh()
}

// CreateRenderer is part of fyne.Widget.
func (c *dayChart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c}
	r.Refresh()
	return r
}

// chartBar is what the chart draws for one day.
type chartBar struct {
	day           stats.Day
	done, skipped *canvas.Rectangle
	label         *canvas.Text
	posture       *canvas.Text
	dots          []*canvas.Circle
}

type chartRenderer struct {
	c       *dayChart
	layout  *chartLayout
	objects []fyne.CanvasObject
}

func (r *chartRenderer) Destroy() {}

func (r *chartRenderer) Layout(size fyne.Size) { r.layout.Layout(r.objects, size) }

func (r *chartRenderer) MinSize() fyne.Size { return r.layout.MinSize(r.objects) }

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Refresh builds the chart's objects again, in the theme's colours.
func (r *chartRenderer) Refresh() {
	r.layout = newChartLayout(r.c.days, r.c.goal, r.colour)
	r.objects = r.layout.objects()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *chartRenderer) colour(n fyne.ThemeColorName) color.Color {
	return theme.ColorForWidget(n, r.c)
}

// chartLayout is the fyne.Layout that places a chart's bars, labels and
// dots in its size. Its objects are made by newChartLayout; Layout ignores
// the slice it is given and moves its own.
type chartLayout struct {
	bars     []chartBar
	goal     int
	scale    int // the count the top of the plot stands for
	dotRows  int
	goalLine *canvas.Line
	goalText *canvas.Text
	baseline *canvas.Line
}

// newChartLayout makes the objects for days, coloured by colour.
func newChartLayout(days []stats.Day, goal int, colour func(fyne.ThemeColorName) color.Color) *chartLayout {
	// The plot's top stands one above the goal at least, so the goal line
	// and its label never sit on the dots.
	l := &chartLayout{goal: max(goal, 1), scale: max(goal, 1) + 1}
	small := theme.Size(theme.SizeNameCaptionText)
	muted := colour(theme.ColorNamePlaceHolder)
	for _, d := range days {
		l.scale = max(l.scale, d.Done+d.Skipped)
		l.dotRows = max(l.dotRows, min(len(d.Cracks), chartDotsMax))
		b := chartBar{
			day:     d,
			done:    canvas.NewRectangle(colour(theme.ColorNamePrimary)),
			skipped: canvas.NewRectangle(colour(theme.ColorNameDisabled)),
			label:   canvas.NewText("", colour(theme.ColorNameForeground)),
			posture: canvas.NewText("", muted),
		}
		b.done.CornerRadius, b.skipped.CornerRadius = 2, 2
		b.label.TextSize, b.posture.TextSize = small, small
		b.label.Alignment, b.posture.Alignment = fyne.TextAlignCenter, fyne.TextAlignCenter
		if d.Posture > 0 {
			b.posture.Text = fmt.Sprint(d.Posture)
		}
		for _, cr := range worstFirst(d.Cracks, chartDotsMax) {
			b.dots = append(b.dots, crackDot(cr.Pain, colour))
		}
		l.bars = append(l.bars, b)
	}
	l.goalLine = canvas.NewLine(muted)
	l.goalLine.StrokeWidth = 1
	l.goalText = canvas.NewText(lang.L("goal {{.Goal}}", map[string]int{"Goal": l.goal}), muted)
	l.goalText.TextSize = small
	l.goalText.Alignment = fyne.TextAlignTrailing
	l.baseline = canvas.NewLine(colour(theme.ColorNameSeparator))
	l.baseline.StrokeWidth = 1
	return l
}

// objects returns everything the chart draws, back to front.
func (l *chartLayout) objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{l.baseline, l.goalLine, l.goalText}
	for _, b := range l.bars {
		objs = append(objs, b.done, b.skipped, b.label, b.posture)
		for _, d := range b.dots {
			objs = append(objs, d)
		}
	}
	return objs
}

// crackDot is a dot coloured by pain: grey for none, yellow for 1–3, the
// warning orange for 4–6 and the error red for 7–10. A crack whose pain was
// not asked is a grey ring.
func crackDot(pain *int, colour func(fyne.ThemeColorName) color.Color) *canvas.Circle {
	grey := colour(theme.ColorNamePlaceHolder)
	if pain == nil {
		d := canvas.NewCircle(color.Transparent)
		d.StrokeColor, d.StrokeWidth = grey, 1.5
		return d
	}
	switch {
	case *pain >= 7:
		return canvas.NewCircle(colour(theme.ColorNameError))
	case *pain >= 4:
		return canvas.NewCircle(colour(theme.ColorNameWarning))
	case *pain >= 1:
		return canvas.NewCircle(painYellow)
	}
	return canvas.NewCircle(grey)
}

// worstFirst returns up to n cracks, the most painful first, so a day with
// more cracks than dots still shows its worst.
func worstFirst(cracks []stats.Crack, n int) []stats.Crack {
	out := make([]stats.Crack, 0, min(len(cracks), n))
	used := make([]bool, len(cracks))
	for range min(len(cracks), n) {
		best := -1
		for i, c := range cracks {
			if !used[i] && (best < 0 || painOf(c) > painOf(cracks[best])) {
				best = i
			}
		}
		used[best] = true
		out = append(out, cracks[best])
	}
	return out
}

func painOf(c stats.Crack) int {
	if c.Pain == nil {
		return -1
	}
	return *c.Pain
}

// textRow is the height of a row of small text under the bars.
func textRow() float32 {
	return theme.Size(theme.SizeNameCaptionText) + theme.Size(theme.SizeNameInnerPadding)
}

func (l *chartLayout) dotBand() float32 {
	if l.dotRows == 0 {
		return 0
	}
	return float32(l.dotRows)*(chartDot+chartDotGap) + chartDotsAbove
}

// MinSize is part of fyne.Layout.
func (l *chartLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(chartGutter+float32(len(l.bars))*(chartDot+4), l.dotBand()+chartPlotHeight+2*textRow())
}

// Layout is part of fyne.Layout: bars share the width right of the gutter
// equally and stand on the baseline, their heights proportional to the
// counts with the plot's top at scale.
func (l *chartLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	top := l.dotBand()
	bottom := size.Height - 2*textRow() // the baseline
	plot := bottom - top
	unit := plot / float32(l.scale)
	slot := (size.Width - chartGutter) / float32(max(len(l.bars), 1))
	barW := min(slot*0.6, chartBarMax)

	goalY := bottom - unit*float32(l.goal)
	l.goalLine.Position1 = fyne.NewPos(chartGutter-4, goalY)
	l.goalLine.Position2 = fyne.NewPos(size.Width, goalY)
	l.goalText.Move(fyne.NewPos(0, goalY-l.goalText.MinSize().Height/2))
	l.goalText.Resize(fyne.NewSize(chartGutter-8, l.goalText.MinSize().Height))
	l.baseline.Position1 = fyne.NewPos(chartGutter-4, bottom)
	l.baseline.Position2 = fyne.NewPos(size.Width, bottom)

	every := labelEvery(slot)
	for i, b := range l.bars {
		x := chartGutter + slot*float32(i)
		mid := x + slot/2
		doneH := unit * float32(b.day.Done)
		skipH := unit * float32(b.day.Skipped)
		showIf(b.done, doneH > 0)
		showIf(b.skipped, skipH > 0)
		b.done.Move(fyne.NewPos(mid-barW/2, bottom-doneH))
		b.done.Resize(fyne.NewSize(barW, doneH))
		b.skipped.Move(fyne.NewPos(mid-barW/2, bottom-doneH-skipH))
		b.skipped.Resize(fyne.NewSize(barW, skipH))

		label := ""
		if (len(l.bars)-1-i)%every == 0 { // thinned out from today backwards
			label = dayLabel(b.day.Date, slot, i == len(l.bars)-1)
		}
		if b.label.Text != label {
			b.label.Text = label
			b.label.Refresh()
		}
		b.label.Move(fyne.NewPos(x, bottom+2))
		b.label.Resize(fyne.NewSize(slot, textRow()))
		b.posture.Move(fyne.NewPos(x, bottom+2+textRow()))
		b.posture.Resize(fyne.NewSize(slot, textRow()))

		for j, d := range b.dots {
			y := top - chartDotsAbove - float32(j)*(chartDot+chartDotGap) - chartDot
			d.Move(fyne.NewPos(mid-chartDot/2, y))
			d.Resize(fyne.NewSquareSize(chartDot))
		}
	}
}

// labelEvery says how many days apart day labels go for bars slot wide.
func labelEvery(slot float32) int {
	switch {
	case slot >= 18:
		return 1
	case slot >= 9:
		return 2
	}
	return 7
}

// dayLabel names a day under its bar: "Today" or "Mon 2" when there is
// room, else the day of the month.
func dayLabel(date string, slot float32, today bool) string {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return ""
	}
	switch {
	case slot < chartWideSlot:
		return fmt.Sprint(d.Day())
	case today:
		return lang.L("Today")
	}
	return i18n.WeekdayDay(d)
}

// showIf shows o when show is true and hides it otherwise: a rounded
// rectangle of no height still draws a sliver.
func showIf(o fyne.CanvasObject, show bool) {
	if show {
		o.Show()
	} else {
		o.Hide()
	}
}
