package ui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/store"
	"github.com/limber-app/limber/exercises"
	"github.com/limber-app/limber/reminders"
)

// saves records what a settings screen hands to OnSave.
type saves struct {
	got     []store.Config
	err     error // returned by OnSave
	cancels int
}

func newTestSettings(t *testing.T, cfg store.Config, opt SettingsOptions) (*settingsScreen, *saves) {
	t.Helper()
	test.NewTempApp(t)
	rec := &saves{}
	opt.OnSave = func(c store.Config) error {
		rec.got = append(rec.got, c)
		return rec.err
	}
	opt.OnCancel = func() { rec.cancels++ }
	s := newSettingsScreen(cfg, opt)
	w := test.NewTempWindow(t, s.content)
	w.Resize(fyne.NewSize(settingsWidth, settingsHeight))
	return s, rec
}

// saveOnce taps Save and returns the one config it handed over.
func saveOnce(t *testing.T, s *settingsScreen, rec *saves) store.Config {
	t.Helper()
	if s.save.Disabled() {
		t.Fatalf("Save is disabled: %q", s.status.seg.Text)
	}
	test.Tap(s.save)
	if len(rec.got) != 1 {
		t.Fatalf("OnSave called %d times, want 1", len(rec.got))
	}
	return rec.got[0]
}

// retype replaces the text of a span entry the way a user would.
func retype(r *dayRow, i int, text string) {
	r.entries[i].SetText("")
	test.Type(r.entries[i], text)
}

func span(from, to string) reminders.Span {
	sp, err := reminders.ParseSpan(from + "-" + to)
	if err != nil {
		panic(err)
	}
	return sp
}

// sameConfig compares configs, counting a nil list equal to an empty one.
func sameConfig(a, b store.Config) bool {
	norm := func(c store.Config) store.Config {
		for d := range c.Schedule.Hours {
			if len(c.Schedule.Hours[d]) == 0 {
				c.Schedule.Hours[d] = nil
			}
		}
		for _, l := range []*[]string{&c.Stretches.Favourites, &c.Stretches.Hidden} {
			if len(*l) == 0 {
				*l = nil
			}
		}
		return c
	}
	return reflect.DeepEqual(norm(a), norm(b))
}

// assertStoreRoundTrip checks that cfg survives being written and read.
func assertStoreRoundTrip(t *testing.T, cfg store.Config) {
	t.Helper()
	text := store.FormatConfig(cfg, nil)
	back, _, err := store.ParseConfig("config.toml", text, store.Limits{})
	if err != nil {
		t.Fatalf("ParseConfig(FormatConfig(saved)) = %v\n%s", err, text)
	}
	if !sameConfig(back, cfg) {
		t.Errorf("ParseConfig(FormatConfig(saved)) = %+v, want %+v", back, cfg)
	}
}

func TestSettings_SaveChangesEverySetting(t *testing.T) {
	s, rec := newTestSettings(t, store.Defaults(), SettingsOptions{})
	f := s.intervals
	f.stand.SetSelected("1 h")
	f.posture.SetSelected("Off")
	f.water.SetSelected("1 h 30 min")
	f.snooze.SetSelected("10 min")
	f.natural.SetSelected("Off")
	retype(s.days[time.Monday], 0, "08:30-12:00")
	test.Tap(s.days[time.Monday].add)
	test.Type(s.days[time.Monday].entries[1], "12:45-17:00")
	test.Tap(s.days[time.Sunday].add)
	test.Type(s.days[time.Sunday].entries[0], "22:00-06:00")
	test.Tap(s.days[time.Wednesday].add) // an added span, then removed
	test.Tap(removeButton(t, s.days[time.Wednesday], 1))
	tapPlaces(s, exercises.Standing, exercises.Floor, exercises.Gym)
	test.Tap(s.autoOpen)
	test.Tap(s.strict)
	all := exercises.All()
	test.Tap(s.exercises[2].star)
	test.Tap(s.exercises[0].star)
	test.Tap(s.exercises[1].eye)
	s.headsUp.SetSelected("30 s")
	test.Tap(s.outside)
	test.Tap(s.routines[0].on)
	s.routines[0].clock.SetText("")
	test.Type(s.routines[0].clock, "07:15")
	for _, d := range []time.Weekday{time.Tuesday, time.Thursday, time.Friday, time.Saturday, time.Sunday} {
		test.Tap(s.routines[0].days[d])
	}
	test.Tap(s.routines[2].on) // on with its suggested time, every day
	b := s.behaviour
	for _, c := range []*widget.Check{b.sound, b.fullscreen, b.camera, b.microphone, b.dnd, b.typing, b.summary} {
		test.Tap(c)
	}
	b.apps.SetText("")
	test.Type(b.apps, "zoom\n\n  webex \n")
	b.goal.SetSelected("8")
	got := saveOnce(t, s, rec)

	want := store.Defaults()
	want.Schedule.StandEvery, want.Schedule.PostureEvery, want.Schedule.WaterEvery = time.Hour, 0, 90*time.Minute
	want.Schedule.Snooze, want.Schedule.NaturalBreak = 10*time.Minute, 0
	want.Schedule.Hours[time.Monday] = []reminders.Span{span("08:30", "12:00"), span("12:45", "17:00")}
	want.Schedule.Hours[time.Sunday] = []reminders.Span{span("22:00", "06:00")}
	want.Card = store.CardPrefs{AutoOpen: false, Strict: true}
	want.Stretches = exercises.Prefs{
		Places:     []exercises.Place{exercises.Desk, exercises.Floor, exercises.Gym},
		Favourites: []string{all[0].ID, all[2].ID},
		Hidden:     []string{all[1].ID},
	}
	routines := exercises.Routines()
	want.Schedule.Routines = []reminders.TimedRoutine{
		{ID: routines[0].ID, Minute: 7*60 + 15, Days: [7]bool{time.Monday: true, time.Wednesday: true}},
		{ID: routines[2].ID, Minute: routineMinute(t, defaultRoutineTime(routines[2])), Days: [7]bool{true, true, true, true, true, true, true}},
	}
	want.Behaviour = store.BehaviourPrefs{
		PauseApps: []string{"zoom", "webex"}, DaySummary: true, DailyGoal: 8,
		HeadsUp: 30 * time.Second, RemindOutside: true, Sound: true,
	}
	if !sameConfig(got, want) {
		t.Errorf("saved config =\n%+v\nwant\n%+v", got, want)
	}
	assertStoreRoundTrip(t, got)
}

func routineMinute(t *testing.T, text string) int {
	t.Helper()
	m, _, err := reminders.ParseRoutineTime(text)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// A routine time or a program list that is wrong is shown next to the
// field and keeps Save off until it is fixed.
func TestSettings_RoutinesAndProgramsValidate(t *testing.T) {
	s, rec := newTestSettings(t, store.Defaults(), SettingsOptions{})
	r := s.routines[1]
	test.Tap(r.on)
	r.clock.SetText("")
	test.Type(r.clock, "25:00")
	if !s.save.Disabled() || !r.err.Visible() || r.err.seg.Text != "Type a time such as 07:30." {
		t.Errorf("bad routine time: Save disabled %v, message %q", s.save.Disabled(), r.err.seg.Text)
	}
	if !strings.HasPrefix(s.status.seg.Text, "Routines: fix the time of") {
		t.Errorf("status = %q", s.status.seg.Text)
	}
	r.clock.SetText("18:00")
	for _, b := range r.days {
		test.Tap(b) // every day off
	}
	if !s.save.Disabled() || r.err.seg.Text != "Choose at least one day." {
		t.Errorf("no day: Save disabled %v, message %q", s.save.Disabled(), r.err.seg.Text)
	}
	test.Tap(r.days[time.Saturday])
	if s.save.Disabled() || r.err.Visible() {
		t.Errorf("Saturday only: Save disabled %v, message %q", s.save.Disabled(), r.err.seg.Text)
	}
	test.Tap(r.on) // off: its time and days no longer matter
	if !r.clock.Disabled() || !r.days[time.Monday].Disabled() {
		t.Error("a routine that is off still takes a time and days")
	}
	if s.save.Disabled() || r.err.Visible() {
		t.Errorf("routine off: Save disabled %v, message shown %v", s.save.Disabled(), r.err.Visible())
	}
	s.behaviour.apps.SetText("zoom\n/usr/bin/obs")
	if !s.save.Disabled() || !strings.Contains(s.behaviour.appsErr.seg.Text, `line 2: "/usr/bin/obs"`) {
		t.Errorf("a path in the program list: Save disabled %v, message %q", s.save.Disabled(), s.behaviour.appsErr.seg.Text)
	}
	s.behaviour.apps.SetText("obs")
	if got := saveOnce(t, s, rec); !reflect.DeepEqual(got.Behaviour.PauseApps, []string{"obs"}) || len(got.Schedule.Routines) != 0 {
		t.Errorf("saved programs %v, routines %v", got.Behaviour.PauseApps, got.Schedule.Routines)
	}
}

// Opened on a broken file, the window shows the good settings and resets
// only the broken ones.
func TestSettings_ResetOnlyBrokenKeys(t *testing.T) {
	src := "[reminders]\nstand_every = \"30m\"\nposture_every = \"often\"\n[card]\nstrict = true\n"
	cfg, problems := store.Salvage("config.toml", []byte(src), store.Limits{})
	s, rec := newTestSettings(t, cfg, SettingsOptions{Problems: problems})
	test.Tap(s.reset)
	got := saveOnce(t, s, rec)
	want := store.Defaults()
	want.Schedule.StandEvery, want.Card.Strict = 30*time.Minute, true
	if !sameConfig(got, want) {
		t.Errorf("saved after resetting the broken keys =\n%+v\nwant\n%+v", got, want)
	}
}

func TestSettings_SaveUnchangedKeepsEveryValue(t *testing.T) {
	all := exercises.All()
	odd := store.Defaults()
	odd.Schedule.StandEvery = 37 * time.Minute // not one of the choices
	odd.Schedule.WaterEvery = 5 * time.Hour
	odd.Schedule.NaturalBreak = 0
	odd.Schedule.Hours = reminders.Week{}
	odd.Schedule.Hours[time.Saturday] = []reminders.Span{span("22:00", "02:00"), span("10:00", "12:00")}
	odd.Card = store.CardPrefs{Strict: true}
	odd.Stretches = exercises.Prefs{
		Places:     []exercises.Place{exercises.Gym, exercises.Desk}, // not in Places() order
		Favourites: []string{all[5].ID, all[3].ID},
		Hidden:     []string{all[4].ID},
	}
	demo := store.Defaults()
	demo.Schedule.StandEvery, demo.Schedule.Snooze = 20*time.Second, 3*time.Second
	for i, cfg := range []store.Config{store.Defaults(), odd, demo} {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			s, rec := newTestSettings(t, cfg, SettingsOptions{MinInterval: time.Second})
			got := saveOnce(t, s, rec)
			if !sameConfig(got, cfg) {
				t.Errorf("saved without changes =\n%+v\nwant\n%+v", got, cfg)
			}
		})
	}
}

func TestSettings_MinIntervalIsOffered(t *testing.T) {
	s, rec := newTestSettings(t, store.Defaults(), SettingsOptions{MinInterval: 2 * time.Second})
	s.intervals.stand.SetSelected("2 s")
	s.intervals.snooze.SetSelected("2 s")
	got := saveOnce(t, s, rec)
	if got.Schedule.StandEvery != 2*time.Second || got.Schedule.Snooze != 2*time.Second {
		t.Fatalf("stand, snooze = %v, %v; want 2s, 2s", got.Schedule.StandEvery, got.Schedule.Snooze)
	}
	text := store.FormatConfig(got, nil)
	if _, _, err := store.ParseConfig("config.toml", text, store.Limits{MinInterval: 2 * time.Second}); err != nil {
		t.Errorf("ParseConfig with the same MinInterval = %v", err)
	}
}

func TestSettings_MonThuFriScenario(t *testing.T) {
	s, rec := newTestSettings(t, store.Defaults(), SettingsOptions{})
	mon := s.days[time.Monday]
	retype(mon, 0, "08:30-12:00")
	test.Tap(mon.add)
	test.Type(mon.entries[1], "12:45-17:00")
	test.Tap(s.copyMonday)
	fri := s.days[time.Friday]
	test.Tap(removeButton(t, fri, 1))
	retype(fri, 0, "08:30-13:00")
	got := saveOnce(t, s, rec)

	var want reminders.Week
	for d := time.Monday; d <= time.Thursday; d++ {
		want[d] = []reminders.Span{span("08:30", "12:00"), span("12:45", "17:00")}
	}
	want[time.Friday] = []reminders.Span{span("08:30", "13:00")}
	if !sameConfig(withHours(got.Schedule.Hours), withHours(want)) {
		t.Errorf("work hours = %v, want %v", got.Schedule.Hours, want)
	}
	assertStoreRoundTrip(t, got)
}

func withHours(w reminders.Week) store.Config {
	c := store.Defaults()
	c.Schedule.Hours = w
	return c
}

func TestSettings_CopyMondayToWeekdays(t *testing.T) {
	cfg := store.Defaults()
	cfg.Schedule.Hours[time.Monday] = []reminders.Span{span("07:00", "11:00"), span("12:00", "15:00")}
	cfg.Schedule.Hours[time.Wednesday] = nil
	cfg.Schedule.Hours[time.Saturday] = []reminders.Span{span("10:00", "12:00")}
	s, rec := newTestSettings(t, cfg, SettingsOptions{})
	test.Tap(s.copyMonday)
	got := saveOnce(t, s, rec).Schedule.Hours
	for d := time.Tuesday; d <= time.Friday; d++ {
		if !reflect.DeepEqual(got[d], cfg.Schedule.Hours[time.Monday]) {
			t.Errorf("%s after Copy Monday = %v, want %v", d, got[d], cfg.Schedule.Hours[time.Monday])
		}
	}
	if !reflect.DeepEqual(got[time.Saturday], cfg.Schedule.Hours[time.Saturday]) || len(got[time.Sunday]) != 0 {
		t.Errorf("weekend after Copy Monday = %v, %v; want it unchanged", got[time.Saturday], got[time.Sunday])
	}
}

func TestSettings_InvalidSpanDisablesSave(t *testing.T) {
	tests := []struct {
		name string
		edit func(s *settingsScreen)
		want string
	}{
		{"malformed", func(s *settingsScreen) { retype(s.days[time.Monday], 0, "9-5") }, `"9-5": want HH:MM-HH:MM`},
		{"hour", func(s *settingsScreen) { retype(s.days[time.Monday], 0, "09:00-25:00") }, "hour must be 00–23"},
		{"same ends", func(s *settingsScreen) { retype(s.days[time.Monday], 0, "09:00-09:00") }, "start and end are the same"},
		{"empty", func(s *settingsScreen) { test.Tap(s.days[time.Monday].add) }, "a span is empty"},
		{"overlap", func(s *settingsScreen) {
			test.Tap(s.days[time.Monday].add)
			test.Type(s.days[time.Monday].entries[1], "12:00-18:00")
		}, `"09:00-17:30" and "12:00-18:00" overlap`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, rec := newTestSettings(t, store.Defaults(), SettingsOptions{})
			tt.edit(s)
			row := s.days[time.Monday]
			if !s.save.Disabled() {
				t.Error("Save is enabled with an invalid span")
			}
			if !row.err.Visible() || !strings.Contains(row.err.seg.Text, tt.want) {
				t.Errorf("Monday's message = %q (shown %v), want one containing %q", row.err.seg.Text, row.err.Visible(), tt.want)
			}
			if want := "Work hours: fix Monday."; s.status.seg.Text != want {
				t.Errorf("status = %q, want %q", s.status.seg.Text, want)
			}
			test.Tap(s.save)
			if len(rec.got) != 0 {
				t.Errorf("OnSave called with an invalid span")
			}
			row.setTexts([]string{"09:00-17:30"})
			s.validate()
			if s.save.Disabled() || row.err.Visible() || s.status.Visible() {
				t.Errorf("after fixing: Save disabled %v, message shown %v, status shown %v; want false, false, false",
					s.save.Disabled(), row.err.Visible(), s.status.Visible())
			}
		})
	}
}

func TestSettings_PlacesNeedOne(t *testing.T) {
	s, _ := newTestSettings(t, store.Defaults(), SettingsOptions{})
	tapPlaces(s, exercises.Desk, exercises.Standing)
	if !s.save.Disabled() || !s.placesErr.Visible() {
		t.Errorf("with no place: Save disabled %v, message shown %v; want both", s.save.Disabled(), s.placesErr.Visible())
	}
	tapPlaces(s, exercises.Bar)
	if s.save.Disabled() || s.placesErr.Visible() {
		t.Errorf("with a place: Save disabled %v, message shown %v; want neither", s.save.Disabled(), s.placesErr.Visible())
	}
}

func TestSettings_BrokenFileNeedsReset(t *testing.T) {
	problems := store.Problems{{File: "config.toml", Line: 3, Msg: `reminders.stand_every "2m": must be between 10m and 3h`}}
	s, rec := newTestSettings(t, store.Defaults(), SettingsOptions{Problems: problems})
	if !s.save.Disabled() {
		t.Fatal("Save is enabled over a broken file before the user chose to reset it")
	}
	if !hasText(s.content, "config.toml:3: reminders.stand_every") {
		t.Error("the banner does not list the problem with its line")
	}
	test.Tap(s.reset)
	if !s.reset.Disabled() {
		t.Error("Reset is still enabled after it was chosen")
	}
	if got := saveOnce(t, s, rec); !sameConfig(got, store.Defaults()) {
		t.Errorf("saved after reset = %+v, want the defaults", got)
	}
}

func TestSettings_SaveErrorIsShown(t *testing.T) {
	s, rec := newTestSettings(t, store.Defaults(), SettingsOptions{})
	rec.err = fmt.Errorf("save x: %w", store.ErrChanged)
	test.Tap(s.save)
	if !s.status.Visible() || !strings.Contains(s.status.seg.Text, "reopen settings") {
		t.Errorf("status after a failed save = %q, want the error", s.status.seg.Text)
	}
}

func TestSettings_Cancel(t *testing.T) {
	s, rec := newTestSettings(t, store.Defaults(), SettingsOptions{})
	test.Tap(s.cancel)
	if rec.cancels != 1 || len(rec.got) != 0 {
		t.Errorf("after Cancel: %d cancels, %d saves; want 1, 0", rec.cancels, len(rec.got))
	}
}

func TestDurationLabel(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "Off"},
		{3 * time.Second, "3 s"},
		{45 * time.Minute, "45 min"},
		{time.Hour, "1 h"},
		{90 * time.Minute, "1 h 30 min"},
		{3 * time.Hour, "3 h"},
	}
	for _, tt := range tests {
		if got := durationLabel(tt.d); got != tt.want {
			t.Errorf("durationLabel(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestSettings_Markup(t *testing.T) {
	cfg := store.Defaults()
	for d := time.Monday; d <= time.Thursday; d++ {
		cfg.Schedule.Hours[d] = []reminders.Span{span("08:30", "12:00"), span("12:45", "17:00")}
	}
	cfg.Schedule.Hours[time.Friday] = []reminders.Span{span("08:30", "13:00")}
	opt := SettingsOptions{ConfigPath: "/home/ada/.config/limber/config.toml", HistoryPath: "/home/ada/.local/state/limber/history.jsonl", Version: "1.0.0"}
	cfg.Schedule.Routines = []reminders.TimedRoutine{{ID: "morning-mobility", Minute: 7*60 + 30, Days: [7]bool{true, true, true, true, true, true, true}}}
	for i, name := range []string{"schedule", "work_hours", "stretches", "routines", "behaviour", "about"} {
		t.Run(name, func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
			s := newSettingsScreen(cfg, opt)
			s.tabs.SelectIndex(i)
			w := test.NewTempWindow(t, s.content)
			w.Resize(fyne.NewSize(settingsWidth, settingsHeight))
			golden := "settings/" + name + ".xml"
			if *update {
				writeGolden(t, golden, test.RenderToMarkup(w.Canvas()))
			}
			test.AssertRendersToMarkup(t, golden, w.Canvas())
		})
	}
}

func TestSettings_MarkupBroken(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	problems := store.Problems{{File: "config.toml", Line: 8, Msg: `reminders.stand_every "2m": must be between 10m and 3h`}}
	s := newSettingsScreen(store.Defaults(), SettingsOptions{Problems: problems})
	retype(s.days[time.Monday], 0, "9-5")
	s.tabs.SelectIndex(1)
	w := test.NewTempWindow(t, s.content)
	w.Resize(fyne.NewSize(settingsWidth, settingsHeight))
	if *update {
		writeGolden(t, "settings/broken_invalid_span.xml", test.RenderToMarkup(w.Canvas()))
	}
	test.AssertRendersToMarkup(t, "settings/broken_invalid_span.xml", w.Canvas())
}

// removeButton finds the remove button of span i in a day row.
func removeButton(t *testing.T, r *dayRow, i int) fyne.Tappable {
	t.Helper()
	want := r.entries[i]
	for _, o := range r.spanBox.Objects {
		if chip, ok := o.(*fyne.Container); ok && containsObject(chip, want) {
			if b, ok := chip.Objects[1].(fyne.Tappable); ok {
				return b
			}
		}
	}
	t.Fatalf("no remove button for %s span %d", r.day, i)
	return nil
}

func containsObject(o fyne.CanvasObject, want fyne.CanvasObject) bool {
	if o == want {
		return true
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			if containsObject(child, want) {
				return true
			}
		}
	}
	return false
}

// tapPlaces taps the check boxes of the given places.
func tapPlaces(s *settingsScreen, places ...exercises.Place) {
	for _, c := range s.places {
		for _, p := range places {
			if c.place == p {
				test.Tap(c.Check)
			}
		}
	}
}

// hasText reports whether a rich text under o contains text.
func hasText(o fyne.CanvasObject, text string) bool {
	for _, child := range test.LaidOutObjects(o) {
		if r, ok := child.(*widget.RichText); ok && strings.Contains(r.String(), text) {
			return true
		}
	}
	return false
}
