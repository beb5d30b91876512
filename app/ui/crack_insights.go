package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/stats"
	"github.com/limber-app/limber/exercises"
)

// evidenceShown is how many evidence times an insight lists before "and n
// more"; its message names them all.
const evidenceShown = 6

// insightsView lists insights, each with its title, message
// and the logged cracks it rests on. Insights that advise seeing someone
// carry the warning icon in the error colour; when any does, the safety
// guide button (with onSafety) and the not-medical-advice line follow.
func insightsView(insights []stats.Insight, onSafety func()) fyne.CanvasObject {
	box := container.NewVBox()
	see := false
	for _, in := range insights {
		box.Add(insightView(in))
		see = see || in.SeeSomeone
	}
	if !see {
		return box
	}
	if onSafety != nil {
		b := widget.NewButtonWithIcon(lang.L("Safety guide"), theme.InfoIcon(), onSafety)
		box.Add(container.NewHBox(b))
	}
	box.Add(mutedText(exercises.Safety().NotAdvice))
	return box
}

// insightView is one insight: icon and title, message, evidence.
func insightView(in stats.Insight) fyne.CanvasObject {
	var icon fyne.Resource = theme.NewThemedResource(theme.InfoIcon())
	colour := theme.ColorNameForeground
	if in.SeeSomeone {
		icon = theme.NewErrorThemedResource(theme.WarningIcon())
		colour = theme.ColorNameError
	}
	title := widget.NewRichText(&widget.TextSegment{Text: in.Title, Style: widget.RichTextStyle{
		ColorName: colour,
		TextStyle: fyne.TextStyle{Bold: true},
	}})
	title.Wrapping = fyne.TextWrapWord
	head := container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(icon)), nil, title)
	box := container.NewVBox(head, safetyText(in.Message))
	if ev := evidenceLine(in.Evidence); ev != "" {
		box.Add(mutedText(ev))
	}
	return box
}

// evidenceLine names the cracks an insight rests on, in the time zone they
// were logged in.
func evidenceLine(ev []time.Time) string {
	if len(ev) == 0 {
		return ""
	}
	parts := make([]string, 0, evidenceShown+1)
	for i, t := range ev {
		if i == evidenceShown {
			parts = append(parts, lang.L("and {{.More}} more", map[string]int{"More": len(ev) - evidenceShown}))
			break
		}
		parts = append(parts, i18n.DateTime(t))
	}
	return lang.N("Based on the {{.Count}} cracks you logged: {{.Times}}.", len(ev),
		map[string]any{"Count": len(ev), "Times": strings.Join(parts, ", ")})
}
