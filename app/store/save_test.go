package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/limber-app/limber/exercises"
	"github.com/limber-app/limber/reminders"
)

// roundTripConfigs are configs within the normal bounds; FormatConfig then
// ParseConfig must give each back.
func roundTripConfigs() []Config {
	dflt := Defaults()

	shifts := Defaults()
	s := &shifts.Schedule
	s.StandEvery, s.PostureEvery, s.WaterEvery = 90*time.Minute, 0, 2*time.Hour+15*time.Minute
	s.Snooze, s.NaturalBreak = time.Hour, 0
	s.Hours = reminders.Week{}
	for d := time.Monday; d <= time.Thursday; d++ {
		s.Hours[d] = []reminders.Span{{Start: 8*60 + 30, End: 12 * 60}, {Start: 12*60 + 45, End: 17 * 60}}
	}
	s.Hours[time.Friday] = []reminders.Span{{Start: 8*60 + 30, End: 13 * 60}}
	s.Hours[time.Sunday] = []reminders.Span{{Start: 22 * 60, End: 6 * 60}}
	shifts.Card = CardPrefs{AutoOpen: false, Strict: true}
	shifts.Stretches = exercises.Prefs{
		Places:     exercises.Places(),
		Favourites: []string{exercises.All()[0].ID, exercises.All()[2].ID},
		Hidden:     []string{exercises.All()[1].ID},
	}

	free := Defaults()
	free.Schedule.Hours = reminders.Week{}
	free.Schedule.StandEvery = 3 * time.Hour
	free.Schedule.Snooze = time.Minute
	free.Stretches.Places = []exercises.Place{exercises.Gym}

	return []Config{dflt, shifts, free}
}

// sameConfig compares configs, counting a nil list equal to an empty one.
func sameConfig(a, b Config) bool {
	norm := func(c Config) Config {
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

func TestFormatConfig_RoundTrip(t *testing.T) {
	for i, cfg := range roundTripConfigs() {
		text := FormatConfig(cfg, nil)
		got, warns, err := ParseConfig("config.toml", text, Limits{})
		if err != nil || len(warns) > 0 {
			t.Fatalf("config %d: ParseConfig(FormatConfig) problems %v, warnings %v\n%s", i, err, warns, text)
		}
		if !sameConfig(got, cfg) {
			t.Errorf("config %d: ParseConfig(FormatConfig(cfg)) = %+v, want %+v\n%s", i, got, cfg, text)
		}
	}
}

func TestFormatConfig_DefaultsIsDefaultText(t *testing.T) {
	if got := string(FormatConfig(Defaults(), nil)); got != DefaultConfigText {
		t.Errorf("FormatConfig(Defaults(), nil) =\n%s\nwant DefaultConfigText:\n%s", got, DefaultConfigText)
	}
}

func TestFormatConfig_DurationsAndSpans(t *testing.T) {
	cfg := roundTripConfigs()[1]
	text := string(FormatConfig(cfg, nil))
	for _, want := range []string{
		`stand_every = "1h30m"`, `posture_every = "off"`, `water_every = "2h15m"`,
		`snooze = "1h"`, `natural_break = "off"`,
		`monday = ["08:30-12:00", "12:45-17:00"]`, `friday = ["08:30-13:00"]`,
		`saturday = []`, `sunday = ["22:00-06:00"]`,
		`places = ["desk", "standing", "floor", "bar", "gym"]`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("FormatConfig text lacks %s:\n%s", want, text)
		}
	}
}

func TestFormatConfig_KeepsUnknownKeys(t *testing.T) {
	original := `version = 1
colour = "blue" # my accent
launch = [
  "a",
  "b",
]

[reminders]
stand_every = "1h"
stand_evry = "45m"
[reminders.night]
quiet = true

[card]
strict = true
size = { w = 400, h = 300 }

[plugins.pomodoro]
length = "25m"

[[sounds]]
name = "bell"
[[sounds]]
name = "gong"
`
	cfg, _, err := ParseConfig("config.toml", []byte(original), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	text := FormatConfig(cfg, []byte(original))
	got, _, err := ParseConfig("config.toml", text, Limits{})
	if err != nil {
		t.Fatalf("ParseConfig(FormatConfig) = %v\n%s", err, text)
	}
	if !sameConfig(got, cfg) {
		t.Errorf("known values changed: got %+v, want %+v", got, cfg)
	}
	assertUnknownKept(t, original, string(text))
	for _, want := range []string{
		"colour = \"blue\" # my accent\nlaunch = [\n  \"a\",\n  \"b\",\n]\n\n[reminders]",
		"stand_evry = \"45m\"",
		keptHeader + "\nnight = { quiet = true }\nstand_evry",
		"\n[plugins.pomodoro]\n",
		"\n[[sounds]]\n",
	} {
		if !strings.Contains(string(text), want) {
			t.Errorf("FormatConfig text lacks %q:\n%s", want, text)
		}
	}
}

func TestFormatConfig_KeepsDottedUnknownKey(t *testing.T) {
	original := "version = 1\nreminders.eye_every = \"20m\"\nreminders.stand_every = \"1h\"\n"
	cfg, _, err := ParseConfig("config.toml", []byte(original), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	text := FormatConfig(cfg, []byte(original))
	assertUnknownKept(t, original, string(text))
	if !strings.Contains(string(text), "\neye_every = \"20m\"\n") {
		t.Errorf("dotted unknown key not written inside [reminders]:\n%s", text)
	}
}

func TestFormatConfig_KeepsBrokenFileAsComments(t *testing.T) {
	original := "[reminders\nstand_every = 45m\n"
	text := string(FormatConfig(Defaults(), []byte(original)))
	if !strings.HasPrefix(text, DefaultConfigText) {
		t.Errorf("FormatConfig over a broken file does not start with the defaults:\n%s", text)
	}
	if !strings.HasSuffix(text, "\n# [reminders\n# stand_every = 45m\n") {
		t.Errorf("broken file not appended as comments:\n%s", text)
	}
	if _, _, err := ParseConfig("config.toml", []byte(text), Limits{}); err != nil {
		t.Errorf("ParseConfig(FormatConfig over a broken file) = %v", err)
	}
}

// assertUnknownKept checks that every key Limber does not know in original
// has the same value in text, and text has no other unknown keys.
func assertUnknownKept(t *testing.T, original, text string) {
	t.Helper()
	want, got := unknownOf(t, original), unknownOf(t, text)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("unknown keys after save = %v, want %v\n%s", got, want, text)
	}
}

func unknownOf(t *testing.T, text string) map[string]any {
	t.Helper()
	var raw map[string]any
	if _, err := toml.Decode(text, &raw); err != nil {
		t.Fatalf("not TOML: %v\n%s", err, text)
	}
	out := map[string]any{}
	for k, v := range raw {
		m, isMap := v.(map[string]any)
		switch {
		case !slices.Contains(knownKeys[""], k):
			out[k] = v
		case isMap:
			for sk, sv := range m {
				if !slices.Contains(knownKeys[k], sk) {
					out[k+"."+sk] = sv
				}
			}
		}
	}
	return out
}

func TestSaveConfig_WritesAndKeeps(t *testing.T) {
	path := filepath.Join(t.TempDir(), "limber", "config.toml")
	if err := SaveConfig(path, Defaults(), [32]byte{}); err != nil {
		t.Fatalf("SaveConfig to a new file = %v", err)
	}
	assertFile(t, path, DefaultConfigText)
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", st.Mode().Perm())
	}

	withUnknown := DefaultConfigText + "theme = \"dark\"\n"
	if err := os.WriteFile(path, []byte(withUnknown), 0o644); err != nil {
		t.Fatal(err)
	}
	hash, err := HashFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cfg := Defaults()
	cfg.Card.Strict = true
	if err := SaveConfig(path, cfg, hash); err != nil {
		t.Fatalf("SaveConfig = %v", err)
	}
	data, _ := os.ReadFile(path)
	if !bytes.Contains(data, []byte("strict = true")) || !bytes.Contains(data, []byte(keptHeader+"\ntheme = \"dark\"\n")) {
		t.Errorf("saved file lacks the new value or the kept key:\n%s", data)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode after save = %v, want 0600", st.Mode().Perm())
	}
}

func TestSaveConfig_ChangedFileIsLeftAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(DefaultConfigText), 0o600); err != nil {
		t.Fatal(err)
	}
	loaded, err := HashFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(DefaultConfigText, `"45m"`, `"50m"`, 1)
	if err := os.WriteFile(path, []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}
	err = SaveConfig(path, Defaults(), loaded)
	if !errors.Is(err, ErrChanged) {
		t.Errorf("SaveConfig over a changed file = %v, want ErrChanged", err)
	}
	if err != nil && !strings.Contains(err.Error(), "reopen settings") {
		t.Errorf("error %q does not say what to do", err)
	}
	assertFile(t, path, edited)
}

func TestSaveConfig_FileAppearedIsLeftAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	loaded, err := HashFile(path)
	if err != nil || loaded != [32]byte{} {
		t.Fatalf("HashFile(missing) = %x, %v; want zero, nil", loaded, err)
	}
	if err := os.WriteFile(path, []byte("version = 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := SaveConfig(path, Defaults(), loaded); !errors.Is(err, ErrChanged) {
		t.Errorf("SaveConfig after the file appeared = %v, want ErrChanged", err)
	}
	assertFile(t, path, "version = 1\n")
}

func TestSaveConfig_FileRemovedIsLeftAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(DefaultConfigText), 0o600); err != nil {
		t.Fatal(err)
	}
	loaded, _ := HashFile(path)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := SaveConfig(path, Defaults(), loaded); !errors.Is(err, ErrChanged) {
		t.Errorf("SaveConfig after the file was removed = %v, want ErrChanged", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("SaveConfig wrote a file that had been removed (stat: %v)", err)
	}
}

func assertFile(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s =\n%s\nwant\n%s", path, got, want)
	}
}
