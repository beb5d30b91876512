package ui

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/stats"
	"github.com/limber-app/limber/exercises"
)

// StatsTitle is the statistics window's title in English, which names the
// window in the controller and its events; the window shows it in the
// user's language.
const StatsTitle = "Limber — Statistics"

// Statistics window size, in Fyne units.
const (
	statsWidth  = 640
	statsHeight = 640
)

// StatsDays is how many days the owner should put in the Summary: the
// chart shows the last 7 of them or all of them.
const StatsDays = 30

// Statistics layout.
const (
	statsShortRange  = 7  // days the chart shows at first
	statsListed      = 5  // stretches each list shows
	statsPictureSize = 40 // side of a stretch's picture in the lists
)

// StatsOptions says whom the statistics screen tells.
type StatsOptions struct {
	// OnExportCSV, when set, adds an "Export CSV…" button; the owner asks
	// where to save and writes the history with stats.CSV (see ExportCSV).
	OnExportCSV func()
	// OnSafety, when set, adds a "Safety guide" button under insights that
	// advise seeing someone.
	OnSafety func()
}

// statsScreen is the statistics window's content and its state. Use it on
// the Fyne goroutine.
type statsScreen struct {
	sum     stats.Summary
	content fyne.CanvasObject
	chart   *dayChart
	rangeTo *widget.RadioGroup // nil when there are no more than 7 days
	export  *widget.Button     // nil without OnExportCSV
}

// NewStatsScreen returns the statistics window's content: today's breaks,
// the streak, a chart of the last days with the crack log on it, the
// stretches done most and never, and the crack log's insights. sum.Days
// should hold StatsDays days; the chart shows the last 7 of them at first
// and all of them at a toggle.
func NewStatsScreen(sum stats.Summary, insights []stats.Insight, opt StatsOptions) fyne.CanvasObject {
	return newStatsScreen(sum, insights, opt).content
}

func newStatsScreen(sum stats.Summary, insights []stats.Insight, opt StatsOptions) *statsScreen {
	s := &statsScreen{sum: sum}
	body := container.NewVBox(
		statsHeading(lang.L("Today")), s.today(),
		widget.NewSeparator(),
		statsHeading(lang.L("Streak")), s.streak(),
		widget.NewSeparator(),
		s.chartHeader(), s.chartView(), chartLegend(),
		widget.NewSeparator(),
		s.stretches(),
		widget.NewSeparator(),
		statsHeading(lang.L("Your crack log")),
	)
	if len(insights) == 0 {
		body.Add(safetyText(lang.L("Nothing in your crack log needs attention.")))
	} else {
		body.Add(insightsView(insights, opt.OnSafety))
	}
	scroll := container.NewVScroll(container.NewPadded(container.NewThemeOverride(body, compactTheme{})))
	if opt.OnExportCSV == nil {
		s.content = scroll
		return s
	}
	s.export = widget.NewButtonWithIcon(lang.L("Export CSV…"), theme.DocumentSaveIcon(), opt.OnExportCSV)
	s.export.Importance = widget.LowImportance
	bar := container.NewPadded(container.NewHBox(layout.NewSpacer(), s.export))
	s.content = container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), bar), nil, nil, scroll)
	return s
}

func statsHeading(text string) fyne.CanvasObject {
	return safetyHeading(text, theme.ColorNameForeground, nil)
}

// today is a row of tiles: breaks done, reminders, snoozed, skipped,
// minutes stretched and the last break; and a word when a stretch hurt.
func (s *statsScreen) today() fyne.CanvasObject {
	t := s.sum.Today
	tiles := container.NewGridWithColumns(3,
		statTile(fmt.Sprint(t.Done), lang.N("breaks done", t.Done)),
		statTile(fmt.Sprint(t.Due), lang.N("reminders", t.Due)),
		statTile(fmt.Sprintf("%d · %d", t.Snoozed, t.Skipped), lang.L("snoozed · skipped")),
		statTile(fmt.Sprintf("≈ %d", t.MinutesStretched), lang.N("minutes stretched", t.MinutesStretched)),
		statTile(sinceText(t), lang.L("since the last break")),
	)
	if t.Hurt == 0 {
		return tiles
	}
	hurt := lang.N("{{.Count}} stretches hurt today. Stop any stretch that hurts; a gentle pull is fine, pain is not.",
		t.Hurt, map[string]int{"Count": t.Hurt})
	return container.NewVBox(tiles, safetyHeading(hurt, theme.ColorNameWarning, nil))
}

// streak is a row of tiles: the current and best streak and the goal.
func (s *statsScreen) streak() fyne.CanvasObject {
	return container.NewGridWithColumns(3,
		statTile(fmt.Sprint(s.sum.Streak), lang.N("work days in a row", s.sum.Streak)),
		statTile(fmt.Sprint(s.sum.BestStreak), lang.L("best streak")),
		statTile(fmt.Sprint(s.sum.Goal), lang.L("breaks a day to keep it")),
	)
}

// statTile is a big number over a small caption.
func statTile(value, caption string) fyne.CanvasObject {
	v := widget.NewRichText(&widget.TextSegment{Text: value, Style: widget.RichTextStyle{
		SizeName:  theme.SizeNameHeadingText,
		TextStyle: fyne.TextStyle{Bold: true},
	}})
	return container.NewVBox(v, mutedText(caption))
}

// sinceText says how long ago the last done break was.
func sinceText(t stats.Today) string {
	d := t.SinceLastBreak
	switch {
	case t.LastBreak.IsZero():
		return "—"
	case d < time.Minute:
		return lang.L("just now")
	case d < time.Hour:
		return lang.L("{{.Minutes}} min", map[string]int{"Minutes": int(d / time.Minute)})
	case d < 24*time.Hour:
		return lang.L("{{.Hours}} h {{.Minutes}} min", map[string]int{"Hours": int(d / time.Hour), "Minutes": int(d % time.Hour / time.Minute)})
	}
	days := int(d / (24 * time.Hour))
	return lang.N("{{.Days}} days", days, map[string]int{"Days": days})
}

// chartHeader is the chart's heading with the 7/30-day toggle on its right.
func (s *statsScreen) chartHeader() fyne.CanvasObject {
	if len(s.sum.Days) <= statsShortRange {
		return statsHeading(lang.L("Stand breaks per day"))
	}
	short, long := rangeName(statsShortRange), rangeName(len(s.sum.Days))
	s.rangeTo = widget.NewRadioGroup([]string{short, long}, func(v string) {
		if v == "" {
			s.rangeTo.SetSelected(short) // a toggle: one is always on
			return
		}
		days := s.sum.Days
		if v == short {
			days = days[len(days)-statsShortRange:]
		}
		if s.chart != nil {
			s.chart.setDays(days)
		}
	})
	s.rangeTo.Horizontal = true
	s.rangeTo.Required = true
	s.rangeTo.SetSelected(short)
	return container.NewBorder(nil, nil, nil, s.rangeTo, statsHeading(lang.L("Stand breaks per day")))
}

func rangeName(days int) string {
	return lang.N("{{.Days}} days", days, map[string]int{"Days": days})
}

func (s *statsScreen) chartView() fyne.CanvasObject {
	days := s.sum.Days
	if s.rangeTo != nil && s.rangeTo.Selected == rangeName(statsShortRange) {
		days = days[len(days)-statsShortRange:]
	}
	s.chart = newDayChart(days, s.sum.Goal)
	return s.chart
}

// chartLegend says what the chart's colours and small numbers mean.
func chartLegend() fyne.CanvasObject {
	return container.NewVBox(
		container.NewHBox(
			legendItem(newLegendKey(theme.ColorNamePrimary, keyBar), lang.L("done")),
			legendItem(newLegendKey(theme.ColorNameDisabled, keyBar), lang.L("skipped")),
			legendItem(newLegendKey(theme.ColorNamePlaceHolder, keyNumber), lang.L("posture checks")),
		),
		container.NewHBox(
			captionText(lang.L("Cracks:")),
			legendItem(newLegendKey(theme.ColorNamePlaceHolder, keyDot), lang.L("no pain")),
			legendItem(newLegendKey("", keyDot), lang.L("pain 1–3")),
			legendItem(newLegendKey(theme.ColorNameWarning, keyDot), "4–6"),
			legendItem(newLegendKey(theme.ColorNameError, keyDot), "7–10"),
			legendItem(newLegendKey(theme.ColorNamePlaceHolder, keyRing), lang.L("not asked")),
		),
	)
}

func legendItem(key fyne.CanvasObject, text string) fyne.CanvasObject {
	return container.NewHBox(container.NewCenter(key), captionText(text))
}

// captionText is a short line in small muted type that keeps to one line.
func captionText(s string) *widget.RichText {
	return widget.NewRichText(&widget.TextSegment{Text: s, Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePlaceHolder,
		SizeName:  theme.SizeNameCaptionText,
	}})
}

// stretches shows the stretches done most and those not tried yet, side
// by side, up to five each, with their pictures.
func (s *statsScreen) stretches() fyne.CanvasObject {
	most := container.NewVBox(statsHeading(lang.L("Done most")))
	for _, c := range s.sum.MostDone[:min(len(s.sum.MostDone), statsListed)] {
		most.Add(stretchRow(c.ID, fmt.Sprintf("%d×", c.Count)))
	}
	if len(s.sum.MostDone) == 0 {
		most.Add(safetyText(lang.L("No stretches done yet.")))
	}
	never := container.NewVBox(statsHeading(lang.L("Not tried yet")))
	for _, id := range s.sum.NeverDone[:min(len(s.sum.NeverDone), statsListed)] {
		never.Add(stretchRow(id, ""))
	}
	if len(s.sum.NeverDone) == 0 {
		never.Add(safetyText(lang.L("You have tried every stretch.")))
	}
	return container.NewGridWithColumns(2, most, never)
}

// stretchRow is a stretch's picture, name and, when given, count.
func stretchRow(id, count string) fyne.CanvasObject {
	name := id
	if ex, ok := exercises.Get(id); ok {
		name = ex.Name
	}
	pic := container.New(fixedSize{fyne.NewSquareSize(statsPictureSize)}, newPictogram(id))
	label := widget.NewLabel(name)
	label.Truncation = fyne.TextTruncateEllipsis
	var right fyne.CanvasObject
	if count != "" {
		c := widget.NewLabel(count)
		c.TextStyle = fyne.TextStyle{Bold: true}
		right = c
	}
	return container.NewBorder(nil, nil, pic, right, label)
}

// fixedSize is a layout that gives its objects exactly its size, whatever
// their own minimum: the pictogram asks for the card's 160 units.
type fixedSize struct{ size fyne.Size }

func (f fixedSize) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (f fixedSize) MinSize([]fyne.CanvasObject) fyne.Size { return f.size }

// The shapes a legend key can take.
const (
	keyBar = iota
	keyDot
	keyRing
	keyNumber
)

// legendKey is a small sample of one of the chart's marks, in a theme
// colour (the empty name is painYellow), redrawn when the theme changes.
type legendKey struct {
	widget.BaseWidget
	colour fyne.ThemeColorName
	shape  int
}

func newLegendKey(colour fyne.ThemeColorName, shape int) *legendKey {
	k := &legendKey{colour: colour, shape: shape}
	k.ExtendBaseWidget(k)
	return k
}

// CreateRenderer is part of fyne.Widget.
func (k *legendKey) CreateRenderer() fyne.WidgetRenderer {
	var obj fyne.CanvasObject
	size := fyne.NewSquareSize(chartDot + 2)
	switch k.shape {
	case keyBar:
		obj = canvas.NewRectangle(color.Transparent)
		size = fyne.NewSize(10, 14)
	case keyDot, keyRing:
		obj = canvas.NewCircle(color.Transparent)
	case keyNumber:
		t := canvas.NewText("3", color.Transparent)
		t.TextSize = theme.Size(theme.SizeNameCaptionText)
		obj = t
		size = t.MinSize()
	}
	r := &legendKeyRenderer{k: k, obj: obj, size: size}
	r.Refresh()
	return r
}

type legendKeyRenderer struct {
	k    *legendKey
	obj  fyne.CanvasObject
	size fyne.Size
}

func (r *legendKeyRenderer) Destroy() {}

func (r *legendKeyRenderer) Layout(size fyne.Size) {
	r.obj.Resize(r.size)
	r.obj.Move(fyne.NewPos((size.Width-r.size.Width)/2, (size.Height-r.size.Height)/2))
}

func (r *legendKeyRenderer) MinSize() fyne.Size { return r.size }

func (r *legendKeyRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.obj} }

func (r *legendKeyRenderer) Refresh() {
	c := color.Color(painYellow)
	if r.k.colour != "" {
		c = theme.ColorForWidget(r.k.colour, r.k)
	}
	switch o := r.obj.(type) {
	case *canvas.Rectangle:
		o.FillColor = c
		o.CornerRadius = 2
	case *canvas.Circle:
		o.FillColor = c
		if r.k.shape == keyRing {
			o.FillColor, o.StrokeColor, o.StrokeWidth = color.Transparent, c, 1.5
		}
	case *canvas.Text:
		o.Color = c
	}
	r.obj.Refresh()
}
