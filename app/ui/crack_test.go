package ui

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/stats"
	"github.com/limber-app/limber/app/store"
)

// crackNow is the fake clock of the crack tests: Thursday 2 April 2026,
// 15:30 UTC.
var crackNow = time.Date(2026, 4, 2, 15, 30, 0, 0, time.UTC)

var painInsight = stats.Insight{
	ID:         stats.InsightPain,
	Title:      "Cracking with pain",
	Message:    "You noted pain with a crack (Thu 2 Apr 15:30, pain 6/10). See a physiotherapist or doctor.",
	Evidence:   []time.Time{crackNow},
	SeeSomeone: true,
}

// crackRecorder records what a crack screen tells its owner.
type crackRecorder struct {
	saved   []store.Entry
	closed  int
	safety  int
	reply   []stats.Insight
	failing error
}

func (r *crackRecorder) options() CrackOptions {
	return CrackOptions{
		Now: func() time.Time { return crackNow },
		OnSave: func(e store.Entry) ([]stats.Insight, error) {
			if r.failing != nil {
				return nil, r.failing
			}
			r.saved = append(r.saved, e)
			return r.reply, nil
		},
		OnClose:  func() { r.closed++ },
		OnSafety: func() { r.safety++ },
	}
}

func newTestCrack(t *testing.T, rec *crackRecorder) (*crackScreen, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	s := newCrackScreen(rec.options())
	w := test.NewTempWindow(t, s.content)
	w.Resize(fyne.NewSize(crackWidth, crackHeight))
	return s, w
}

// tapChoice taps the button of c whose value is value.
func tapChoice(t *testing.T, c *choices, value string) {
	t.Helper()
	for i, o := range c.values {
		if o.value == value {
			test.Tap(c.buttons[i])
			return
		}
	}
	t.Fatalf("no choice %q", value)
}

func intp(n int) *int { return &n }

func TestCrackScreen_SaveRecordsEntry(t *testing.T) {
	tests := []struct {
		name               string
		where, pain, level string
		during, note       string
		want               store.Entry
	}{
		{"where only", "neck", "", "", "", "", store.Entry{Where: "neck"}},
		{"no pain saves 0", "lower", painNo, "", "sitting", "", store.Entry{Where: "lower", Pain: intp(0), During: "sitting"}},
		{"pain 7", "upper", painYes, "7", "lifting", "  a box  ", store.Entry{Where: "upper", Pain: intp(7), During: "lifting", Note: "a box"}},
		{"pain 10, standing up", "lower", painYes, "10", "standing-up", "", store.Entry{Where: "lower", Pain: intp(10), During: "standing-up"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &crackRecorder{}
			s, _ := newTestCrack(t, rec)
			tapChoice(t, s.where, tt.where)
			if tt.pain != "" {
				tapChoice(t, s.pain, tt.pain)
			}
			if tt.level != "" {
				tapChoice(t, s.level, tt.level)
			}
			if tt.during != "" {
				tapChoice(t, s.during, tt.during)
			}
			test.Type(s.note, tt.note)
			test.Tap(s.save)
			want := tt.want
			want.At, want.Type = crackNow, store.EntryCrack
			if len(rec.saved) != 1 || !sameEntry(rec.saved[0], want) {
				t.Fatalf("saved = %+v, want [%+v]", rec.saved, want)
			}
		})
	}
}

func sameEntry(a, b store.Entry) bool {
	samePain := (a.Pain == nil) == (b.Pain == nil) && (a.Pain == nil || *a.Pain == *b.Pain)
	a.Pain, b.Pain = nil, nil
	return samePain && a == b
}

func TestCrackScreen_SaveWaitsForWhere(t *testing.T) {
	rec := &crackRecorder{}
	s, _ := newTestCrack(t, rec)
	tapChoice(t, s.pain, painNo)
	tapChoice(t, s.during, "sitting")
	if !s.save.Disabled() {
		t.Fatal("Save is enabled before where was chosen")
	}
	test.Tap(s.save)
	if len(rec.saved) != 0 {
		t.Fatalf("saved %+v before where was chosen", rec.saved)
	}
	tapChoice(t, s.where, "lower")
	if s.save.Disabled() {
		t.Fatal("Save is disabled after where was chosen")
	}
}

func TestCrackScreen_YesWaitsForLevel(t *testing.T) {
	s, _ := newTestCrack(t, &crackRecorder{})
	tapChoice(t, s.where, "lower")
	if s.levelQ.Visible() {
		t.Error("pain level shown before Yes")
	}
	tapChoice(t, s.pain, painYes)
	if !s.levelQ.Visible() || !s.save.Disabled() {
		t.Errorf("after Yes: level shown %v, Save disabled %v; want both", s.levelQ.Visible(), s.save.Disabled())
	}
	tapChoice(t, s.level, "3")
	if s.save.Disabled() {
		t.Error("Save disabled after a pain level was chosen")
	}
	tapChoice(t, s.pain, painNo)
	if s.levelQ.Visible() {
		t.Error("pain level still shown after No")
	}
}

func TestCrackScreen_ShowsInsights(t *testing.T) {
	rec := &crackRecorder{reply: []stats.Insight{painInsight}}
	s, w := newTestCrack(t, rec)
	tapChoice(t, s.where, "lower")
	test.Tap(s.save)
	shown := texts(w.Content())
	for _, want := range []string{"Crack logged", painInsight.Title, painInsight.Message} {
		if !slices.Contains(shown, want) {
			t.Errorf("after saving, the window lacks %q; it shows %q", want, shown)
		}
	}
	if !hasButton(w.Content(), "Safety guide") {
		t.Fatal("a see-someone insight has no Safety guide button")
	}
	test.Tap(buttonLabelled(t, w.Content(), "Safety guide"))
	test.Tap(s.done)
	if rec.safety != 1 || rec.closed != 1 {
		t.Errorf("OnSafety calls = %d, OnClose calls = %d; want 1 and 1", rec.safety, rec.closed)
	}
}

func TestCrackScreen_NoInsightsReassures(t *testing.T) {
	s, w := newTestCrack(t, &crackRecorder{})
	tapChoice(t, s.where, "neck")
	test.Tap(s.save)
	allClear := "Nothing in your crack log needs attention. The odd painless crack is normal; " +
		"let cracks happen on their own and never force one."
	if shown := texts(w.Content()); !slices.Contains(shown, allClear) {
		t.Errorf("after saving with no insights, the window shows %q, want %q", shown, allClear)
	}
	if hasButton(w.Content(), "Safety guide") {
		t.Error("Safety guide shown with no insight")
	}
}

func TestCrackScreen_SaveErrorKeepsForm(t *testing.T) {
	rec := &crackRecorder{failing: errors.New("disk full")}
	s, _ := newTestCrack(t, rec)
	tapChoice(t, s.where, "lower")
	test.Tap(s.save)
	if !s.status.Visible() || !strings.Contains(s.status.seg.Text, "disk full") {
		t.Errorf("status = %q (shown %v), want the error", s.status.seg.Text, s.status.Visible())
	}
	rec.failing = nil
	test.Tap(s.save)
	if len(rec.saved) != 1 {
		t.Errorf("saved %d entries after trying again, want 1", len(rec.saved))
	}
}

func TestCrackScreen_LongNoteBlocksSave(t *testing.T) {
	s, _ := newTestCrack(t, &crackRecorder{})
	tapChoice(t, s.where, "lower")
	s.note.SetText(strings.Repeat("a", crackNoteMax+1))
	if !s.save.Disabled() || !s.status.Visible() {
		t.Errorf("note of %d characters: Save disabled %v, status shown %v; want both", crackNoteMax+1, s.save.Disabled(), s.status.Visible())
	}
}

func TestDescribeCrack(t *testing.T) {
	tests := []struct {
		e    store.Entry
		want string
	}{
		{store.Entry{Where: "neck"}, "Neck."},
		{store.Entry{Where: "lower", During: "standing-up", Pain: intp(0)}, "Lower back, while standing up, no pain."},
		{store.Entry{Where: "upper", Pain: intp(4), Note: "desk"}, "Upper back, pain 4/10. “desk”"},
	}
	for _, tt := range tests {
		if got := describeCrack(tt.e); got != tt.want {
			t.Errorf("describeCrack(%+v) = %q, want %q", tt.e, got, tt.want)
		}
	}
}

func TestCrackScreen_Markup(t *testing.T) {
	tests := []struct {
		golden string
		save   bool
	}{
		{"crack/form.xml", false},
		{"crack/insight.xml", true},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			rec := &crackRecorder{reply: []stats.Insight{painInsight}}
			s, w := newTestCrack(t, rec)
			fyne.CurrentApp().Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
			tapChoice(t, s.where, "lower")
			tapChoice(t, s.pain, painYes)
			tapChoice(t, s.level, "6")
			tapChoice(t, s.during, "sitting")
			if tt.save {
				test.Tap(s.save)
			}
			if *update {
				writeGolden(t, tt.golden, test.RenderToMarkup(w.Canvas()))
			}
			test.AssertRendersToMarkup(t, tt.golden, w.Canvas())
		})
	}
}

// buttonLabelled returns the visible button labelled text on o.
func buttonLabelled(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, obj := range test.LaidOutObjects(o) {
		if b, ok := obj.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}
