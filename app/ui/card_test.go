package ui

import (
	"flag"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/exercises"
)

var update = flag.Bool("update", false, "rewrite the markup goldens in testdata/")

// TestMain runs the package's tests in English, whatever the locale of
// whoever runs them: the goldens and most checks compare English words.
func TestMain(m *testing.M) {
	os.Setenv("LC_ALL", "en_US.UTF-8")
	os.Setenv("LANGUAGE", "en")
	if err := lang.AddTranslationsFS(i18n.Catalog, i18n.CatalogDir); err != nil {
		panic(err)
	}
	i18n.SetLanguage("en")
	os.Exit(m.Run())
}

// useLanguage shows the windows of one test in the language code, as
// limber-ui does after reading the locale, and goes back to English after.
// Fyne reads the language from the environment when translations are
// added.
func useLanguage(t *testing.T, code string) {
	t.Helper()
	t.Cleanup(func() {
		i18n.SetLanguage("en")
		if err := exercises.SetLanguage("en"); err != nil {
			t.Error(err)
		}
		if err := lang.AddTranslationsFS(i18n.Catalog, i18n.CatalogDir); err != nil {
			t.Error(err)
		}
	})
	t.Setenv("LANGUAGE", code)
	i18n.SetLanguage(code)
	if err := exercises.SetLanguage(code); err != nil {
		t.Fatal(err)
	}
	if err := lang.AddTranslationsFS(i18n.Catalog, i18n.CatalogDir); err != nil {
		t.Fatal(err)
	}
}

var sideBend = exercises.Exercise{
	ID:    "side-bend",
	Name:  "Side bend",
	Place: exercises.Standing,
	Areas: []string{"sides", "lower back"},
	Steps: []string{
		"Stand with your feet hip-width apart and your arms loose.",
		"Slide one hand down the outside of your leg as you tip gently sideways.",
		"Keep both feet planted and your chest facing forward.",
		"Come back to upright slowly, then tip to the other side.",
	},
	Hold:  20 * time.Second,
	Reps:  3,
	Sides: exercises.EachSide,
	Why:   "Lengthens the muscles down your sides that shorten while you sit.",
}

var neckTilt = exercises.Exercise{
	ID:    "neck-tilt",
	Name:  "Neck tilt",
	Place: exercises.Desk,
	Areas: []string{"neck"},
	Steps: []string{"Sit tall.", "Tip your ear towards your shoulder."},
	Hold:  90 * time.Second,
	Sides: exercises.OneSide,
	Why:   "Eases a stiff neck.",
}

// fakeClock is a clock and ticker that only move when the test says so.
type fakeClock struct {
	mu      sync.Mutex
	now     time.Time
	ticks   chan time.Time
	ticked  chan struct{}
	stopped bool
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC), ticks: make(chan time.Time), ticked: make(chan struct{})}
}

func (f *fakeClock) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fakeClock) Tick(time.Duration) (<-chan time.Time, func()) {
	return f.ticks, func() {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.stopped = true
	}
}

// Advance moves the clock on by d and ticks. It returns once the card has
// handled the tick (the test driver runs fyne.Do at once).
func (f *fakeClock) Advance(d time.Duration) {
	f.mu.Lock()
	f.now = f.now.Add(d)
	now := f.now
	f.mu.Unlock()
	f.ticks <- now
	<-f.ticked
}

// options returns card options on this clock.
func (f *fakeClock) options() CardOptions {
	return CardOptions{Now: f.Now, Tick: f.Tick, ticked: func() { f.ticked <- struct{}{} }}
}

// outcomes records a card's callbacks.
type outcomes struct {
	got     []string
	another int
}

func newTestCard(t *testing.T, ex exercises.Exercise, strict bool) (*Card, *fakeClock, *outcomes) {
	t.Helper()
	return newTestCardWith(t, ex, func(opt *CardOptions) { opt.Strict = strict })
}

// newTestCardWith makes a card with Another on a fake clock, after set has
// changed its options.
func newTestCardWith(t *testing.T, ex exercises.Exercise, set func(*CardOptions)) (*Card, *fakeClock, *outcomes) {
	t.Helper()
	test.NewTempApp(t)
	clock := newFakeClock()
	rec := &outcomes{}
	opt := clock.options()
	opt.OnOutcome = func(id, outcome string) { rec.got = append(rec.got, id+":"+outcome) }
	opt.OnAnother = func() { rec.another++ }
	set(&opt)
	c := NewCard(ex, opt)
	t.Cleanup(c.Stop)
	test.NewTempWindow(t, c.Content())
	return c, clock, rec
}

func TestCard_ButtonsRecordOutcome(t *testing.T) {
	tests := []struct {
		name   string
		button func(*Card) *widget.Button
		want   string
	}{
		{"Done", func(c *Card) *widget.Button { return c.done }, "side-bend:done"},
		{"Snooze", func(c *Card) *widget.Button { return c.snooze }, "side-bend:snoozed"},
		{"Skip", func(c *Card) *widget.Button { return c.skip }, "side-bend:skipped"},
		{"This hurts", func(c *Card) *widget.Button { return c.hurts }, "side-bend:hurt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, rec := newTestCard(t, sideBend, false)
			test.Tap(tt.button(c))
			if len(rec.got) != 1 || rec.got[0] != tt.want {
				t.Errorf("outcomes after tapping %s = %q, want [%q]", tt.name, rec.got, tt.want)
			}
		})
	}
}

func TestCard_DoneRecordsOutcomeOnce(t *testing.T) {
	c, _, rec := newTestCard(t, sideBend, false)
	test.Tap(c.done)
	test.Tap(c.skip)
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if want := []string{"side-bend:done"}; len(rec.got) != 1 || rec.got[0] != want[0] {
		t.Errorf("outcomes = %q, want %q", rec.got, want)
	}
}

func TestCard_AnotherCallsOnAnother(t *testing.T) {
	c, _, rec := newTestCard(t, sideBend, false)
	test.Tap(c.another)
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyN})
	if rec.another != 2 || len(rec.got) != 0 {
		t.Errorf("after Another and N: OnAnother calls = %d, outcomes = %q; want 2 and none", rec.another, rec.got)
	}
}

func TestCard_Keys(t *testing.T) {
	tests := []struct {
		key    fyne.KeyName
		strict bool
		want   []string
	}{
		{fyne.KeyReturn, false, []string{"side-bend:done"}},
		{fyne.KeyEnter, false, []string{"side-bend:done"}},
		{fyne.KeyEscape, false, []string{"side-bend:skipped"}},
		{fyne.KeyEscape, true, nil},
		{fyne.KeyReturn, true, []string{"side-bend:done"}},
		{fyne.KeySpace, false, nil},
	}
	for _, tt := range tests {
		c, _, rec := newTestCard(t, sideBend, tt.strict)
		c.TypedKey(&fyne.KeyEvent{Name: tt.key})
		if len(rec.got) != len(tt.want) || (len(tt.want) > 0 && rec.got[0] != tt.want[0]) {
			t.Errorf("key %s (strict %v): outcomes = %q, want %q", tt.key, tt.strict, rec.got, tt.want)
		}
	}
}

func TestCard_StrictHidesSkip(t *testing.T) {
	for _, strict := range []bool{false, true} {
		c, _, _ := newTestCard(t, sideBend, strict)
		if got := hasButton(c.Content(), "Skip"); got == strict {
			t.Errorf("strict %v: card has a Skip button = %v, want %v", strict, got, !strict)
		}
	}
}

func TestCard_OptionsHideButtons(t *testing.T) {
	tests := []struct {
		name    string
		set     func(*CardOptions)
		snooze  bool
		skip    bool
		another bool
		safety  bool
	}{
		{"default", func(*CardOptions) {}, true, true, true, false},
		{"no snooze", func(o *CardOptions) { o.NoSnooze = true }, false, true, true, false},
		{"strict, no snooze", func(o *CardOptions) { o.Strict, o.NoSnooze = true, true }, false, false, true, false},
		{"no another", func(o *CardOptions) { o.OnAnother = nil }, true, true, false, false},
		{"nothing but Done", func(o *CardOptions) { o.Strict, o.NoSnooze, o.OnAnother = true, true, nil }, false, false, false, false},
		{"safety guide", func(o *CardOptions) { o.OnSafety = func() {} }, true, true, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, _ := newTestCardWith(t, sideBend, tt.set)
			for _, b := range []struct {
				text string
				want bool
			}{
				{"Snooze 5 min", tt.snooze},
				{"Skip", tt.skip},
				{"Another", tt.another},
				{"Safety guide", tt.safety},
				{"Done", true},
				{"This hurts", true},
			} {
				if got := hasButton(c.Content(), b.text); got != b.want {
					t.Errorf("card has a %q button = %v, want %v", b.text, got, b.want)
				}
			}
		})
	}
}

func TestCard_NoSnoozeIgnoresNothingElse(t *testing.T) {
	c, _, rec := newTestCardWith(t, sideBend, func(o *CardOptions) { o.NoSnooze = true })
	if c.snooze != nil {
		t.Fatal("NoSnooze card made a Snooze button")
	}
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if want := "side-bend:skipped"; len(rec.got) != 1 || rec.got[0] != want {
		t.Errorf("outcomes after Esc = %q, want [%q]", rec.got, want)
	}
}

func TestCard_SafetyGuideDoesNotAnswer(t *testing.T) {
	opened := 0
	c, _, rec := newTestCardWith(t, sideBend, func(o *CardOptions) { o.OnSafety = func() { opened++ } })
	test.Tap(c.safety)
	if opened != 1 || len(rec.got) != 0 {
		t.Errorf("after Safety guide: OnSafety calls = %d, outcomes = %q; want 1 and none", opened, rec.got)
	}
	test.Tap(c.done)
	if want := "side-bend:done"; len(rec.got) != 1 || rec.got[0] != want {
		t.Errorf("outcomes after Done = %q, want [%q]", rec.got, want)
	}
}

func hasButton(o fyne.CanvasObject, text string) bool {
	if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
		return true
	}
	for _, child := range test.LaidOutObjects(o) {
		if b, ok := child.(*widget.Button); ok && b.Text == text && b.Visible() {
			return true
		}
	}
	return false
}

func TestCard_CountdownReachesZero(t *testing.T) {
	c, clock, rec := newTestCard(t, neckTilt, false)
	assertTimer(t, c, "Hold", "1:30", false)
	clock.Advance(30 * time.Second)
	assertTimer(t, c, "Hold", "1:00", false)
	clock.Advance(59*time.Second + 500*time.Millisecond)
	assertTimer(t, c, "Hold", "1 s", false)
	assertHighlight(t, c, false)
	clock.Advance(500 * time.Millisecond)
	assertTimer(t, c, "Time's up — press Done", "Well done", true)
	assertHighlight(t, c, true)
	if len(rec.got) != 0 {
		t.Errorf("outcomes at zero = %q, want none (the user still answers)", rec.got)
	}
}

func TestCard_SidesSwitchAtHalfTime(t *testing.T) {
	c, clock, _ := newTestCard(t, sideBend, false)
	assertTimer(t, c, "Left side", "20 s", false)
	clock.Advance(19 * time.Second)
	assertTimer(t, c, "Left side", "1 s", false)
	clock.Advance(time.Second)
	assertTimer(t, c, "Right side", "20 s", false)
	clock.Advance(19 * time.Second)
	assertTimer(t, c, "Right side", "1 s", false)
	clock.Advance(time.Second)
	assertTimer(t, c, "Time's up — press Done", "Well done", true)
}

func TestCard_StopStopsTicker(t *testing.T) {
	c, clock, _ := newTestCard(t, sideBend, false)
	c.Stop()
	c.Stop()
	clock.mu.Lock()
	defer clock.mu.Unlock()
	if !clock.stopped {
		t.Error("ticker still running after Stop")
	}
}

func TestCard_AnswerStopsTicker(t *testing.T) {
	c, clock, _ := newTestCard(t, sideBend, false)
	test.Tap(c.snooze)
	clock.mu.Lock()
	defer clock.mu.Unlock()
	if !clock.stopped {
		t.Error("ticker still running after an answer")
	}
}

// assertHighlight checks whether Done is the only filled button.
func assertHighlight(t *testing.T, c *Card, want bool) {
	t.Helper()
	others := widget.MediumImportance
	if want {
		others = widget.LowImportance
	}
	if c.done.Importance != widget.HighImportance || c.another.Importance != others || c.snooze.Importance != others {
		t.Errorf("importance of Done, Another, Snooze = %v, %v, %v; want %v, %v, %v",
			c.done.Importance, c.another.Importance, c.snooze.Importance, widget.HighImportance, others, others)
	}
}

func assertTimer(t *testing.T, c *Card, caption, clock string, finished bool) {
	t.Helper()
	if c.timer.caption != caption || c.timer.clock != clock || c.timer.finished != finished {
		t.Errorf("timer = %q %q finished %v, want %q %q finished %v",
			c.timer.caption, c.timer.clock, c.timer.finished, caption, clock, finished)
	}
}

// variantTheme is the default theme held to one variant.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (v variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return v.Theme.Color(n, v.variant)
}

func TestCard_Markup(t *testing.T) {
	tests := []struct {
		golden  string
		variant fyne.ThemeVariant
		ex      exercises.Exercise
		strict  bool
	}{
		{"card/light.xml", theme.VariantLight, sideBend, false},
		{"card/dark.xml", theme.VariantDark, sideBend, false},
		{"card/strict_one_side.xml", theme.VariantLight, neckTilt, true},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), tt.variant})
			opt := newFakeClock().options()
			opt.Strict = tt.strict
			// As the controller makes them: with Another and the safety guide.
			opt.OnAnother = func() {}
			opt.OnSafety = func() {}
			c := NewCard(tt.ex, opt)
			t.Cleanup(c.Stop)
			w := test.NewTempWindow(t, c.Content())
			w.Resize(fyne.NewSize(cardWidth, cardHeight))
			if *update {
				writeGolden(t, tt.golden, test.RenderToMarkup(w.Canvas()))
			}
			test.AssertRendersToMarkup(t, tt.golden, w.Canvas())
		})
	}
}

func writeGolden(t *testing.T, name, markup string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(markup), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCountdownAt(t *testing.T) {
	tests := []struct {
		ex      exercises.Exercise
		elapsed time.Duration
		want    countdown
	}{
		{neckTilt, 0, countdown{"Hold", 90 * time.Second, false}},
		{neckTilt, -time.Second, countdown{"Hold", 90 * time.Second, false}},
		{neckTilt, 89 * time.Second, countdown{"Hold", time.Second, false}},
		{neckTilt, 90 * time.Second, countdown{"Hold", 0, true}},
		{sideBend, 0, countdown{"Left side", 20 * time.Second, false}},
		{sideBend, 19 * time.Second, countdown{"Left side", time.Second, false}},
		{sideBend, 20 * time.Second, countdown{"Right side", 20 * time.Second, false}},
		{sideBend, 39 * time.Second, countdown{"Right side", time.Second, false}},
		{sideBend, time.Hour, countdown{"Right side", 0, true}},
	}
	for _, tt := range tests {
		if got := countdownAt(tt.ex, tt.elapsed); got != tt.want {
			t.Errorf("countdownAt(%s, %v) = %+v, want %+v", tt.ex.ID, tt.elapsed, got, tt.want)
		}
	}
}

func TestFormatClock(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "0 s"},
		{time.Millisecond, "1 s"},
		{30 * time.Second, "30 s"},
		{59*time.Second + time.Millisecond, "1:00"},
		{90 * time.Second, "1:30"},
		{10 * time.Minute, "10:00"},
	}
	for _, tt := range tests {
		if got := formatClock(tt.d); got != tt.want {
			t.Errorf("formatClock(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

// TestCard_German checks that the card speaks German when the user does:
// its buttons, the timer, the place, and that it still fits its window.
func TestCard_German(t *testing.T) {
	useLanguage(t, "de")
	c, _, _ := newTestCardWith(t, sideBend, func(opt *CardOptions) { opt.OnSafety = func() {} })
	for _, label := range []string{"Fertig", "Eine andere", "5 Min. später", "Auslassen", "Das tut weh", "Sicherheitshinweise"} {
		if !hasButton(c.Content(), label) {
			t.Errorf("German card has no button %q", label)
		}
	}
	if hasButton(c.Content(), "Done") {
		t.Error("German card has an English Done button")
	}
	if c.timer.caption != "Linke Seite" || c.timer.footer != "3 Wiederholungen pro Seite" {
		t.Errorf("timer caption, footer = %q, %q; want Linke Seite, 3 Wiederholungen pro Seite", c.timer.caption, c.timer.footer)
	}
	if got, want := metaLine(sideBend), exercises.PlaceName(exercises.Standing); !strings.HasPrefix(got, want) || want == "Standing by the desk" {
		t.Errorf("metaLine = %q, want it to start with the place in German, %q", got, want)
	}
}

// TestCard_FitsInEveryLanguage checks that the card, with every button
// showing, is no wider than its window in any language: the button rows
// are the widest part of it.
func TestCard_FitsInEveryLanguage(t *testing.T) {
	for _, code := range i18n.Languages() {
		t.Run(code, func(t *testing.T) {
			useLanguage(t, code)
			for _, ex := range []exercises.Exercise{sideBend, neckTilt} {
				c, _, _ := newTestCardWith(t, ex, func(opt *CardOptions) { opt.OnSafety = func() {} })
				if w := c.Content().MinSize().Width; w > cardWidth {
					t.Errorf("%s card for %s is %v wide, more than the window's %v", code, ex.ID, w, cardWidth)
				}
			}
		})
	}
}

// The Snooze button says how long it snoozes, as the settings have it.
func TestCard_SnoozeLabelFollowsTheSetting(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{{0, "Snooze 5 min"}, {10 * time.Minute, "Snooze 10 min"}, {time.Minute, "Snooze 1 min"}, {3 * time.Second, "Snooze"}} {
		c, _, _ := newTestCardWith(t, sideBend, func(o *CardOptions) { o.Snooze = tc.d })
		if got := c.snooze.Text; got != tc.want {
			t.Errorf("snooze %v: button %q, want %q", tc.d, got, tc.want)
		}
	}
}
