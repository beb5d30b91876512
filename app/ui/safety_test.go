package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/exercises"
)

// newSafetyWindow shows the safety screen in a test window of the real
// window's size.
func newSafetyWindow(t *testing.T) fyne.Window {
	t.Helper()
	w := test.NewTempWindow(t, NewSafetyScreen())
	w.Resize(fyne.NewSize(safetyWidth, safetyHeight))
	return w
}

// labels returns the labels on o, by their text, so a test can find where a
// line is drawn.
func labels(o fyne.CanvasObject) map[string]*widget.Label {
	found := map[string]*widget.Label{}
	for _, obj := range test.LaidOutObjects(o) {
		if l, ok := obj.(*widget.Label); ok && l.Visible() {
			found[l.Text] = l
		}
	}
	return found
}

// texts returns every label's and rich text's text on o.
func texts(o fyne.CanvasObject) []string {
	var out []string
	for _, obj := range test.LaidOutObjects(o) {
		switch w := obj.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.RichText:
			out = append(out, w.String())
		}
	}
	return out
}

func TestSafetyScreen_ShowsEveryPoint(t *testing.T) {
	test.NewTempApp(t)
	g := exercises.Safety()
	if len(g.SeeSomeone) == 0 {
		t.Fatal("exercises.Safety() has no see-someone points")
	}
	w := newSafetyWindow(t)
	shown := texts(w.Content())
	sections := []struct {
		name  string
		lines []string
	}{
		{"SeeSomeone", g.SeeSomeone},
		{"Stop", g.Stop},
		{"Benign", g.Benign},
		{"Concerning", g.Concerning},
		{"Cracking", g.Cracking},
		{"Habits", g.Habits},
		{"NotAdvice", []string{g.NotAdvice}},
		{"headings", []string{"Stop if it hurts", "See a physiotherapist or doctor if…", "Cracking: usually fine, or worth a check?", "Usually fine", "Worth getting checked", "When your back wants to crack", "Everyday habits"}},
	}
	for _, s := range sections {
		for _, line := range s.lines {
			if !slices.Contains(shown, line) {
				t.Errorf("safety screen lacks %s line %q", s.name, line)
			}
		}
	}
	if last := shown[len(shown)-1]; last != g.NotAdvice {
		t.Errorf("last line = %q, want the not-medical-advice line %q", last, g.NotAdvice)
	}
}

func TestSafetyScreen_RedFlagsMarked(t *testing.T) {
	test.NewTempApp(t)
	w := newSafetyWindow(t)
	for _, obj := range test.LaidOutObjects(w.Content()) {
		rt, ok := obj.(*widget.RichText)
		if !ok || rt.String() != "See a physiotherapist or doctor if…" {
			continue
		}
		seg := rt.Segments[0].(*widget.TextSegment)
		if seg.Style.ColorName != theme.ColorNameError {
			t.Errorf("red-flag heading colour = %q, want %q", seg.Style.ColorName, theme.ColorNameError)
		}
		return
	}
	t.Errorf("no heading %q", "See a physiotherapist or doctor if…")
}

// TestSafetyScreen_TablePairsRows checks that each harmless sign sits on the
// left of its worrying counterpart, on the same row.
func TestSafetyScreen_TablePairsRows(t *testing.T) {
	a := test.NewTempApp(t)
	g := exercises.Safety()
	w := newSafetyWindow(t)
	found := labels(w.Content())
	at := func(s string) fyne.Position {
		l, ok := found[s]
		if !ok {
			t.Fatalf("no label %q", s)
		}
		return a.Driver().AbsolutePositionForObject(l)
	}
	for i := range min(len(g.Benign), len(g.Concerning)) {
		left, right := at(g.Benign[i]), at(g.Concerning[i])
		if left.Y != right.Y || left.X >= right.X {
			t.Errorf("row %d: %q at %v and %q at %v, want the same row, left then right",
				i, g.Benign[i], left, g.Concerning[i], right)
		}
		if i > 0 && left.Y <= at(g.Benign[i-1]).Y {
			t.Errorf("row %d (%q) is not below row %d", i, g.Benign[i], i-1)
		}
	}
}

func TestSafetyTable_PadsShortColumn(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, safetyTable([]string{"a", "b"}, []string{"c"}))
	if got := texts(w.Content()); !slices.Contains(got, "b") || !slices.Contains(got, "c") {
		t.Errorf("table texts = %q, want a, b and c", got)
	}
}

func TestSafetyScreen_Markup(t *testing.T) {
	for _, tt := range []struct {
		golden  string
		variant fyne.ThemeVariant
	}{
		{"safety/light.xml", theme.VariantLight},
		{"safety/dark.xml", theme.VariantDark},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), tt.variant})
			w := newSafetyWindow(t)
			if *update {
				writeGolden(t, tt.golden, test.RenderToMarkup(w.Canvas()))
			}
			test.AssertRendersToMarkup(t, tt.golden, w.Canvas())
		})
	}
}
