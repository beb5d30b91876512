package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/limber-app/limber/reminders"
)

func TestParseConfig_DefaultTextGivesDefaults(t *testing.T) {
	cfg, warns, err := ParseConfig("config.toml", []byte(DefaultConfigText), Limits{})
	if err != nil {
		t.Fatalf("ParseConfig(default text) error: %v", err)
	}
	if len(warns) > 0 {
		t.Errorf("ParseConfig(default text) warnings: %v", warns)
	}
	want := Defaults()
	if !reflect.DeepEqual(cfg.Schedule, want.Schedule) {
		t.Errorf("schedule = %+v, want %+v", cfg.Schedule, want.Schedule)
	}
	if !reflect.DeepEqual(cfg.Card, want.Card) || !reflect.DeepEqual(cfg.Stretches.Places, want.Stretches.Places) {
		t.Errorf("card/stretches = %+v %+v, want %+v %+v", cfg.Card, cfg.Stretches, want.Card, want.Stretches)
	}
}

func TestParseConfig_Values(t *testing.T) {
	src := `version = 1
[reminders]
stand_every = "1h"
posture_every = "off"
water_every = "2h"
[work_hours]
monday = ["08:30-12:00", "12:45-17:00"]
friday = ["22:00-06:00"]
[card]
auto_open = false
strict = true
[stretches]
places = ["desk", "floor"]
`
	cfg, _, err := ParseConfig("config.toml", []byte(src), Limits{})
	if err != nil {
		t.Fatalf("ParseConfig error: %v", err)
	}
	s := cfg.Schedule
	if s.StandEvery != time.Hour || s.PostureEvery != 0 || s.WaterEvery != 2*time.Hour {
		t.Errorf("intervals = %v %v %v, want 1h 0 2h", s.StandEvery, s.PostureEvery, s.WaterEvery)
	}
	mon := []reminders.Span{{Start: 8*60 + 30, End: 12 * 60}, {Start: 12*60 + 45, End: 17 * 60}}
	if !reflect.DeepEqual(s.Hours[time.Monday], mon) {
		t.Errorf("monday = %v, want %v", s.Hours[time.Monday], mon)
	}
	if got := s.Hours[time.Friday]; len(got) != 1 || got[0].Start != 22*60 || got[0].End != 6*60 {
		t.Errorf("friday = %v, want [22:00-06:00]", got)
	}
	if len(s.Hours[time.Tuesday]) != 0 {
		t.Errorf("tuesday = %v, want no spans (left out of the table)", s.Hours[time.Tuesday])
	}
	if cfg.Card.AutoOpen || !cfg.Card.Strict {
		t.Errorf("card = %+v, want auto_open false, strict true", cfg.Card)
	}
}

func TestParseConfig_MinIntervalFromEnvLowersFloor(t *testing.T) {
	src := "[reminders]\nstand_every = \"3s\"\n"
	if _, _, err := ParseConfig("config.toml", []byte(src), Limits{}); err == nil {
		t.Fatal("stand_every 3s accepted without a lowered floor")
	}
	cfg, _, err := ParseConfig("config.toml", []byte(src), Limits{MinInterval: time.Second})
	if err != nil {
		t.Fatalf("with MinInterval 1s: %v", err)
	}
	if cfg.Schedule.StandEvery != 3*time.Second {
		t.Errorf("StandEvery = %v, want 3s", cfg.Schedule.StandEvery)
	}
}

func TestParseConfig_Errors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"bad toml", "version = 1\n[reminders\n", "config.toml:2: not valid TOML"},
		{"bad span", "[work_hours]\nmonday = [\"9-5\"]\n", `config.toml:2: work_hours.monday[0] `},
		{"hour out of range", "\n[work_hours]\nmonday = [\"09:00-12:00\", \"13:30-25:00\"]\n", `config.toml:3: work_hours.monday[1] `},
		{"span not a list", "[work_hours]\ntuesday = \"09:00-17:00\"\n", "config.toml:2: work_hours.tuesday: want a list of spans"},
		{"interval too short", "[reminders]\n\nstand_every = \"2m\"\n", `config.toml:3: reminders.stand_every "2m": must be between 10m and 3h`},
		{"interval not a duration", "[reminders]\nposture_every = \"often\"\n", `config.toml:2: reminders.posture_every "often": want a duration`},
		{"interval a number", "[reminders]\nsnooze = 5\n", "config.toml:2: reminders.snooze: want a duration in quotes"},
		{"future version", "version = 9\n", "config.toml:1: version 9: this Limber reads versions 1 to 1"},
		{"bool wrong", "[card]\nstrict = \"yes\"\n", "config.toml:2: card.strict: want true or false"},
		{"unknown place", "[stretches]\nplaces = [\"sofa\"]\n", `config.toml:2: stretches.places "sofa": want one of`},
		{"section not a table", "reminders = 5\n", "config.toml:1: reminders: want a table"},
		{"heads-up too long", "[reminders]\nheads_up = \"10m\"\n", `config.toml:2: reminders.heads_up "10m": want "off" or a duration from 10s to 5m`},
		{"heads-up a number", "[reminders]\nheads_up = 30\n", `config.toml:2: reminders.heads_up: want "off" or a duration in quotes`},
		{"remind outside not a bool", "[work_hours]\nremind_outside = 1\n", "config.toml:2: work_hours.remind_outside: want true or false"},
		{"hold switch not a bool", "[behaviour]\n\nwait_for_camera = \"no\"\n", "config.toml:3: behaviour.wait_for_camera: want true or false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ParseConfig("config.toml", []byte(tt.src), Limits{})
			if err == nil {
				t.Fatalf("ParseConfig(%q) = nil error, want %q", tt.src, tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("ParseConfig(%q) error = %q, want prefix %q", tt.src, err, tt.want)
			}
		})
	}
}

func TestParseConfig_UnknownKeysWarnWithLine(t *testing.T) {
	src := "version = 1\ncolour = \"blue\"\n[reminders]\nstand_evry = \"45m\"\n"
	_, warns, err := ParseConfig("config.toml", []byte(src), Limits{})
	if err != nil {
		t.Fatalf("unknown keys made an error: %v", err)
	}
	got := warns.Error()
	for _, want := range []string{"config.toml:2: unknown key colour", "config.toml:4: unknown key reminders.stand_evry"} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings = %q, want one containing %q", got, want)
		}
	}
}

func TestParseConfig_BOMAndCRLF(t *testing.T) {
	src := "\xef\xbb\xbfversion = 1\r\n[reminders]\r\nstand_every = \"1m\"\r\n"
	_, _, err := ParseConfig("config.toml", []byte(src), Limits{})
	if err == nil || !strings.HasPrefix(err.Error(), "config.toml:3: reminders.stand_every") {
		t.Errorf("error = %v, want one at config.toml:3", err)
	}
}

func TestLoadConfig_BrokenFileIsLeftAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	broken := []byte("[reminders]\nstand_every = 45m\n")
	if err := os.WriteFile(path, broken, 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, _, err := LoadConfig(path, Limits{})
	if err == nil {
		t.Fatal("LoadConfig of a broken file gave no error")
	}
	if !reflect.DeepEqual(cfg.Schedule, Defaults().Schedule) {
		t.Errorf("LoadConfig of a broken file gave %+v, want the defaults", cfg.Schedule)
	}
	if wrote, err := EnsureConfig(path); wrote || err != nil {
		t.Errorf("EnsureConfig on an existing file = %v, %v; want false, nil", wrote, err)
	}
	after, _ := os.ReadFile(path)
	if string(after) != string(broken) {
		t.Errorf("file changed to %q", after)
	}
}

func TestEnsureConfig_WritesDefaultsOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "limber", "config.toml")
	wrote, err := EnsureConfig(path)
	if err != nil || !wrote {
		t.Fatalf("EnsureConfig = %v, %v; want true, nil", wrote, err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", st.Mode().Perm())
	}
	cfg, _, err := LoadConfig(path, Limits{})
	if err != nil {
		t.Fatalf("LoadConfig(written defaults): %v", err)
	}
	if !reflect.DeepEqual(cfg.Schedule, Defaults().Schedule) {
		t.Errorf("written defaults load as %+v", cfg.Schedule)
	}
}

func TestLoadConfig_Missing(t *testing.T) {
	cfg, _, err := LoadConfig(filepath.Join(t.TempDir(), "nope.toml"), Limits{})
	if err != nil {
		t.Fatalf("missing file: %v", err)
	}
	if cfg.Schedule.StandEvery != 45*time.Minute {
		t.Errorf("StandEvery = %v, want 45m", cfg.Schedule.StandEvery)
	}
}

func FuzzParseConfig(f *testing.F) {
	f.Add([]byte(DefaultConfigText))
	f.Add([]byte("[work_hours]\nmonday = [\"9-5\"]\n"))
	f.Add([]byte("[reminders]\nstand_every = 5\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, _, err := ParseConfig("config.toml", data, Limits{})
		if err != nil && !reflect.DeepEqual(cfg.Schedule, Defaults().Schedule) {
			t.Errorf("error %v but config is not the defaults", err)
		}
	})
}

func TestParseConfig_Routines(t *testing.T) {
	src := "[routines]\nmorning-mobility = \"07:30\"\nweekly-strength = \"18:00 tue,fri\"\nmidday-break = \"off\"\n"
	cfg, _, err := ParseConfig("config.toml", []byte(src), Limits{})
	if err != nil {
		t.Fatalf("ParseConfig: %v", err)
	}
	rs := cfg.Schedule.Routines
	if len(rs) != 2 || rs[0].ID != "morning-mobility" || rs[0].Minute != 7*60+30 || rs[1].ID != "weekly-strength" || !rs[1].Days[time.Friday] || rs[1].Days[time.Monday] {
		t.Errorf("routines = %+v", rs)
	}
	back, _, err := ParseConfig("config.toml", FormatConfig(cfg, nil), Limits{})
	if err != nil || !reflect.DeepEqual(back.Schedule.Routines, rs) {
		t.Errorf("round trip = %+v, %v; want %+v", back.Schedule.Routines, err, rs)
	}
	for src, want := range map[string]string{
		"[routines]\nmorning-mobility = \"7:30\"\n": `config.toml:2: routines.morning-mobility "7:30": want HH:MM`,
		"[routines]\nmorning-mobility = 730\n":      "config.toml:2: routines.morning-mobility: want a time in quotes",
		"\n[routines]\nyoga = \"07:00\"\n":          "", // unknown routine: a warning, not an error
		"[routines]\nweekly-strength = \"18:00 x\"": `config.toml:2: routines.weekly-strength "18:00 x": day "x"`,
	} {
		_, warns, err := ParseConfig("config.toml", []byte(src), Limits{})
		if want == "" {
			if err != nil || len(warns) != 1 || !strings.Contains(warns[0].Error(), "config.toml:3: unknown key routines.yoga") {
				t.Errorf("ParseConfig(%q) = %v, %v; want one warning about routines.yoga", src, warns, err)
			}
			continue
		}
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("ParseConfig(%q) error = %v, want prefix %q", src, err, want)
		}
	}
}

func TestParseConfig_Behaviour(t *testing.T) {
	src := "[behaviour]\npause_while_running = [\"zoom\", \"webex\"]\nday_summary = true\n"
	cfg, _, err := ParseConfig("config.toml", []byte(src), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if !cfg.Behaviour.DaySummary || !reflect.DeepEqual(cfg.Behaviour.PauseApps, []string{"zoom", "webex"}) {
		t.Errorf("behaviour = %+v", cfg.Behaviour)
	}
	back, _, err := ParseConfig("config.toml", FormatConfig(cfg, nil), Limits{})
	if err != nil || !reflect.DeepEqual(back.Behaviour, cfg.Behaviour) {
		t.Errorf("round trip = %+v, %v", back.Behaviour, err)
	}
	if _, _, err := ParseConfig("config.toml", []byte("[behaviour]\npause_while_running = \"zoom\"\n"), Limits{}); err == nil ||
		!strings.HasPrefix(err.Error(), "config.toml:2: behaviour.pause_while_running: want a list of program names") {
		t.Errorf("pause_while_running as text: %v", err)
	}
}

func TestParseConfig_DailyGoalAndWorkdays(t *testing.T) {
	cfg, _, err := ParseConfig("config.toml", []byte("[behaviour]\ndaily_goal = 4\n[work_hours]\nmonday = [\"09:00-12:00\"]\n"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Behaviour.DailyGoal != 4 || !cfg.Workday(time.Monday) || cfg.Workday(time.Tuesday) {
		t.Errorf("goal %d, monday %v, tuesday %v; want 4, true, false", cfg.Behaviour.DailyGoal, cfg.Workday(time.Monday), cfg.Workday(time.Tuesday))
	}
	if _, _, err := ParseConfig("config.toml", []byte("[behaviour]\ndaily_goal = 0\n"), Limits{}); err == nil ||
		!strings.HasPrefix(err.Error(), "config.toml:2: behaviour.daily_goal: want a whole number of breaks from 1 to 30") {
		t.Errorf("daily_goal 0: %v", err)
	}
}

func TestParseConfig_BehaviourSwitches(t *testing.T) {
	src := `[reminders]
heads_up = "30s"
[work_hours]
monday = ["09:00-12:00"]
remind_outside = true
[behaviour]
sound = true
wait_for_fullscreen = false
wait_for_camera = false
wait_for_microphone = true
wait_for_do_not_disturb = false
wait_for_typing_pause = false
`
	cfg, warns, err := ParseConfig("config.toml", []byte(src), Limits{})
	if err != nil || len(warns) > 0 {
		t.Fatalf("ParseConfig: %v, warnings %v", err, warns)
	}
	want := Defaults().Behaviour
	want.HeadsUp, want.RemindOutside, want.Sound = 30*time.Second, true, true
	want.HoldFullscreen, want.HoldCamera, want.HoldMicrophone, want.HoldDoNotDisturb, want.TypingPause = false, false, true, false, false
	if !reflect.DeepEqual(cfg.Behaviour, want) {
		t.Errorf("behaviour = %+v\nwant %+v", cfg.Behaviour, want)
	}
	back, _, err := ParseConfig("config.toml", FormatConfig(cfg, nil), Limits{})
	if err != nil || !reflect.DeepEqual(back.Behaviour, cfg.Behaviour) {
		t.Errorf("round trip = %+v, %v", back.Behaviour, err)
	}
	// Reminding outside work hours runs the engine round the clock, but
	// the configured week is kept (it decides the streak's workdays).
	es := cfg.EngineSchedule()
	for d := range es.Hours {
		if got := spanList(es.Hours[d]); got != `["00:00-12:00", "12:00-00:00"]` {
			t.Errorf("engine hours on day %d = %v, want all day", d, got)
		}
	}
	// Round the clock means no restart at midnight: from 22:50, stand
	// breaks come every stand_every straight through it.
	cfg.Schedule.StandEvery, cfg.Schedule.PostureEvery, cfg.Schedule.Location = 45*time.Minute, 0, time.UTC
	from := time.Date(2026, 3, 30, 22, 50, 0, 0, time.UTC)
	plan := reminders.Plan(cfg.EngineSchedule(), from, from.Add(3*time.Hour+time.Minute))
	for i, r := range plan {
		if want := from.Add(time.Duration(i+1) * 45 * time.Minute); !r.At.Equal(want) {
			t.Errorf("reminder %d at %v, want %v (no gap or restart at midnight)", i, r.At, want)
		}
	}
	if len(plan) != 4 {
		t.Errorf("%d reminders in 3 h, want 4", len(plan))
	}
	if !cfg.Workday(time.Monday) || cfg.Workday(time.Sunday) {
		t.Errorf("workdays changed by remind_outside: monday %v sunday %v", cfg.Workday(time.Monday), cfg.Workday(time.Sunday))
	}
	cfg.Behaviour.RemindOutside = false
	if got := cfg.EngineSchedule().Hours[time.Sunday]; len(got) != 0 {
		t.Errorf("engine hours on Sunday without remind_outside = %v", got)
	}
}

// Salvage keeps every good setting of a broken file and resets only the
// broken ones, whether the mistake is a bad value or a line that is not TOML.
func TestSalvage_KeepsGoodKeys(t *testing.T) {
	src := `version = 1
[reminders]
stand_every = "30m"
posture_every = "often"
snooze = "10m
[work_hours]
monday = ["08:30-12:00", "12:45-17:00"]
tuesday = ["13:30-25:00"]
[card]
strict = true
`
	if _, _, err := ParseConfig("config.toml", []byte(src), Limits{}); err == nil {
		t.Fatal("the broken file parses")
	}
	cfg, problems := Salvage("config.toml", []byte(src), Limits{})
	var lines []int
	for _, p := range problems {
		lines = append(lines, p.Line)
	}
	if !reflect.DeepEqual(lines, []int{4, 5, 8}) {
		t.Errorf("problems on lines %v, want 4 (bad interval), 5 (not TOML), 8 (bad span): %v", lines, problems)
	}
	def := Defaults()
	if cfg.Schedule.StandEvery != 30*time.Minute || !cfg.Card.Strict {
		t.Errorf("good keys lost: stand_every %v, strict %v", cfg.Schedule.StandEvery, cfg.Card.Strict)
	}
	if got := spanList(cfg.Schedule.Hours[time.Monday]); got != `["08:30-12:00", "12:45-17:00"]` {
		t.Errorf("monday = %s", got)
	}
	if cfg.Schedule.PostureEvery != def.Schedule.PostureEvery || cfg.Schedule.Snooze != def.Schedule.Snooze {
		t.Errorf("broken keys not at their defaults: posture %v, snooze %v", cfg.Schedule.PostureEvery, cfg.Schedule.Snooze)
	}
	if len(cfg.Schedule.Hours[time.Tuesday]) != 0 {
		t.Errorf("broken tuesday = %v, want the file's table without it (a day off)", cfg.Schedule.Hours[time.Tuesday])
	}
	// A good file salvages to what ParseConfig reads.
	good, _, err := ParseConfig("config.toml", []byte(DefaultConfigText), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if s, ps := Salvage("config.toml", []byte(DefaultConfigText), Limits{}); len(ps) != 0 || !reflect.DeepEqual(s, good) {
		t.Errorf("Salvage of the default file = %+v, %v", s, ps)
	}
}

// Every file of the broken corpus salvages without panicking, and reports
// at least the problem ParseConfig reports.
func TestSalvage_Corpus(t *testing.T) {
	files, err := filepath.Glob("testdata/broken/*.toml")
	if err != nil || len(files) < 30 {
		t.Fatalf("corpus: %d files, %v", len(files), err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, _, perr := ParseConfig("config.toml", data, Limits{})
		_, problems := Salvage("config.toml", data, Limits{})
		if (perr != nil) != (len(problems) > 0) {
			t.Errorf("%s: ParseConfig error %v but Salvage problems %v", f, perr, problems)
			continue
		}
		var ps Problems
		if errors.As(perr, &ps) && len(ps) > 0 && problems[0].Line > ps[0].Line {
			t.Errorf("%s: Salvage's first problem %v comes after ParseConfig's %v", f, problems[0], ps[0])
		}
	}
}

func FuzzSalvage(f *testing.F) {
	f.Add([]byte(DefaultConfigText))
	f.Add([]byte("[reminders\nstand_every = \"30m\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Salvage("config.toml", data, Limits{})
	})
}
