package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/exercises"
)

// SafetyTitle is the title of the safety guide's window.
const SafetyTitle = "Limber — Safety & when to see someone"

// Safety window size, in Fyne units.
const (
	safetyWidth  = 520
	safetyHeight = 640
)

// NewSafetyScreen returns the scrollable "Safety & when to see someone"
// guide: when to stop, the signs that call for a professional (marked in the
// theme's error colour), harmless against worrying cracking side by side,
// how to treat the urge to crack, everyday habits, and the not-medical-advice
// line. All of its text but the headings, which are looked up in the
// catalog, comes from exercises.Safety.
func NewSafetyScreen() fyne.CanvasObject {
	return newSafetyScreen(exercises.Safety())
}

func newSafetyScreen(g exercises.SafetyGuide) fyne.CanvasObject {
	body := container.NewVBox(
		safetyHeading(lang.L("Stop if it hurts"), theme.ColorNameForeground, nil),
		safetyBullets(g.Stop),
		widget.NewSeparator(),
		safetyHeading(lang.L("See a physiotherapist or doctor if…"), theme.ColorNameError,
			theme.NewErrorThemedResource(theme.WarningIcon())),
		safetyBullets(g.SeeSomeone),
		widget.NewSeparator(),
		safetyHeading(lang.L("Cracking: usually fine, or worth a check?"), theme.ColorNameForeground, nil),
		safetyTable(g.Benign, g.Concerning),
		widget.NewSeparator(),
		safetyHeading(lang.L("When your back wants to crack"), theme.ColorNameForeground, nil),
		safetyBullets(g.Cracking),
		widget.NewSeparator(),
		safetyHeading(lang.L("Everyday habits"), theme.ColorNameForeground, nil),
		safetyBullets(g.Habits),
		widget.NewSeparator(),
		safetyText(g.NotAdvice),
	)
	return container.NewVScroll(container.NewPadded(container.NewThemeOverride(body, compactTheme{})))
}

// safetyHeading is a bold sub-heading in colour, after icon when there is one.
func safetyHeading(text string, colour fyne.ThemeColorName, icon fyne.Resource) fyne.CanvasObject {
	t := widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		ColorName: colour,
		SizeName:  theme.SizeNameSubHeadingText,
		TextStyle: fyne.TextStyle{Bold: true},
	}})
	t.Wrapping = fyne.TextWrapWord
	if icon == nil {
		return t
	}
	return container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(icon)), nil, t)
}

// safetyBullets shows items one under another, each after a bullet and
// wrapped to the width.
func safetyBullets(items []string) fyne.CanvasObject {
	rows := make([]fyne.CanvasObject, 0, len(items))
	for _, s := range items {
		dot := widget.NewLabel("•")
		dot.TextStyle = fyne.TextStyle{Bold: true}
		rows = append(rows, container.NewBorder(nil, nil, container.NewVBox(dot), nil, safetyText(s)))
	}
	return container.NewVBox(rows...)
}

// safetyTable is a two-column table, harmless cracking on the left and the
// worrying kind on the right, a row per pair of lines; a shorter column is
// padded with blanks.
func safetyTable(benign, concerning []string) fyne.CanvasObject {
	left := safetyColumnHeading(lang.L("Usually fine"), theme.NewSuccessThemedResource(theme.ConfirmIcon()))
	right := safetyColumnHeading(lang.L("Worth getting checked"), theme.NewErrorThemedResource(theme.WarningIcon()))
	rows := []fyne.CanvasObject{container.NewGridWithColumns(2, left, right)}
	for i := range max(len(benign), len(concerning)) {
		rows = append(rows, widget.NewSeparator(),
			container.NewGridWithColumns(2, safetyText(itemAt(benign, i)), safetyText(itemAt(concerning, i))))
	}
	return container.NewVBox(rows...)
}

func safetyColumnHeading(text string, icon fyne.Resource) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.TextStyle = fyne.TextStyle{Bold: true}
	return container.NewBorder(nil, nil, widget.NewIcon(icon), nil, l)
}

// itemAt returns list[i], or "" past its end.
func itemAt(list []string, i int) string {
	if i < len(list) {
		return list[i]
	}
	return ""
}

// safetyText is a label that wraps at word breaks.
func safetyText(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}
