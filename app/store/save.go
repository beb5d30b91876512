package store

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"text/template"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/limber-app/limber/exercises"
	"github.com/limber-app/limber/reminders"
)

// ErrChanged is returned by SaveConfig when the file changed after the
// caller read it.
var ErrChanged = errors.New("config.toml was changed by someone else since it was opened; reopen settings")

// HashFile returns the SHA-256 of the file at path, or the zero hash when
// there is no file. SaveConfig compares it with the file when it saves.
func HashFile(path string) ([32]byte, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return [32]byte{}, nil
	}
	if err != nil {
		return [32]byte{}, fmt.Errorf("read %s: %w", path, err)
	}
	return sha256.Sum256(data), nil
}

// SaveConfig writes cfg to the config file at path, as FormatConfig lays it
// out, keeping the keys of the current file that Limber does not know.
//
// It is a compare-and-swap: expectHash is the HashFile of the content the
// caller loaded (the zero hash when there was no file). When the file is
// different now, SaveConfig writes nothing and returns an error that wraps
// ErrChanged. SaveConfig does not check cfg; the caller validates it.
func SaveConfig(path string, cfg Config, expectHash [32]byte) error {
	current, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		current = nil
	} else if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	var now [32]byte
	if current != nil {
		now = sha256.Sum256(current)
	}
	if now != expectHash {
		return fmt.Errorf("save %s: %w", path, ErrChanged)
	}
	return WriteFileAtomic(path, FormatConfig(cfg, current), 0o600)
}

// keptHeader heads the keys FormatConfig carries over from the old file.
const keptHeader = "# Kept from your file (Limber does not know these keys):"

// FormatConfig returns a complete config file holding cfg, laid out and
// commented like DefaultConfigText (FormatConfig(Defaults(), nil) is
// DefaultConfigText). It always writes this build's ConfigVersion.
//
// original is the file being replaced, or nil. Keys in it that Limber does
// not know are kept, so that a newer Limber's settings or the user's own
// notes survive a save:
//
//   - an unknown key in a table Limber knows (or at the top level) is
//     written at the end of that table, under keptHeader; a line of the form
//     key = value is copied as it was, trailing comment included, and any
//     other form (dotted keys, sub-tables) is written as key = value with
//     an inline table;
//   - an unknown table is written at the end of the file, under keptHeader.
//
// When original is not valid TOML, nothing can be told apart, so the whole
// of it is appended as comments.
func FormatConfig(cfg Config, original []byte) []byte {
	k := findKept(original)
	var b bytes.Buffer
	if err := configTemplate.Execute(&b, configView{cfg: cfg, kept: k}); err != nil {
		// The template is fixed and its functions cannot fail on any
		// Config, so this is a programming error.
		panic(fmt.Sprintf("store: config template: %v", err))
	}
	return b.Bytes()
}

// configView is what configTemplate reads.
type configView struct {
	cfg  Config
	kept kept
}

func (v configView) Version() int                 { return ConfigVersion }
func (v configView) Schedule() reminders.Schedule { return v.cfg.Schedule }
func (v configView) Card() CardPrefs              { return v.cfg.Card }
func (v configView) Kept(section string) string   { return v.kept.block(section) }
func (v configView) Trailer() string              { return v.kept.trailer() }
func (v configView) Day(d time.Weekday) string    { return spanList(v.cfg.Schedule.Hours[d]) }
func (v configView) Favourites() string           { return quotedList(v.cfg.Stretches.Favourites) }
func (v configView) Hidden() string               { return quotedList(v.cfg.Stretches.Hidden) }
func (v configView) Dur(d time.Duration) string   { return quote(durationText(d)) }

// Routines lists one "id = time" line per routine of the library.
func (v configView) Routines() []string {
	var lines []string
	for _, r := range exercises.Routines() {
		value := "off"
		for _, t := range v.cfg.Schedule.Routines {
			if t.ID == r.ID {
				value = reminders.FormatRoutineTime(t.Minute, t.Days)
			}
		}
		lines = append(lines, r.ID+" = "+quote(value))
	}
	return lines
}

func (v configView) Behaviour() BehaviourPrefs { return v.cfg.Behaviour }
func (v configView) PauseApps() string         { return quotedList(v.cfg.Behaviour.PauseApps) }

func (v configView) Places() string {
	places := v.cfg.Stretches.Places
	if len(places) == 0 {
		places = Defaults().Stretches.Places
	}
	names := make([]string, len(places))
	for i, p := range places {
		names[i] = string(p)
	}
	return quotedList(names)
}

// configTemplate is DefaultConfigText with the values filled in.
var configTemplate = template.Must(template.New("config").Parse(`# Limber preferences. Edit freely: Limber notices changes by itself, and
# tells you (with the line number) if something is not right. It never
# rewrites this file behind your back.
version = {{.Version}}
{{.Kept ""}}
[reminders]
# How often to stand up and stretch. Between 10m and 3h.
stand_every = {{.Dur .Schedule.StandEvery}}
# How often to check your posture (a notification only). "off" to turn off.
posture_every = {{.Dur .Schedule.PostureEvery}}
# How often to drink some water. "off" to turn off.
water_every = {{.Dur .Schedule.WaterEvery}}
# How long "Snooze" puts a break off.
snooze = {{.Dur .Schedule.Snooze}}
# Being away from the keyboard this long counts as a break. "off" to turn off.
natural_break = {{.Dur .Schedule.NaturalBreak}}
# A short notice this long before a stand break ("30s", "1m"), so you can
# finish a sentence. "off" for none.
heads_up = {{.Dur .Behaviour.HeadsUp}}
{{.Kept "reminders"}}
[work_hours]
# When Limber may remind you, per weekday, as a list of "HH:MM-HH:MM" spans in
# your local time. Use several spans for a lunch gap, e.g.
# ["08:30-12:00", "12:45-17:00"]. A span that ends before it starts runs past
# midnight (night shifts). An empty list is a day off.
monday = {{.Day 1}}
tuesday = {{.Day 2}}
wednesday = {{.Day 3}}
thursday = {{.Day 4}}
friday = {{.Day 5}}
saturday = {{.Day 6}}
sunday = {{.Day 0}}
# Remind all day, every day, not only in the hours above (which still decide
# the workdays for your streak).
remind_outside = {{.Behaviour.RemindOutside}}
{{.Kept "work_hours"}}
[card]
# Open the stretch card by itself when a stand break is due.
auto_open = {{.Card.AutoOpen}}
# Strict mode: no Skip button, and a break can be snoozed only once.
strict = {{.Card.Strict}}
{{.Kept "card"}}
[stretches]
# Where you can stretch: desk, standing, floor (needs a mat), bar (pull-up
# bar), gym.
places = {{.Places}}
# Stretch ids to suggest more often, or never (see "limber exercises").
favourites = {{.Favourites}}
hidden = {{.Hidden}}
{{.Kept "stretches"}}
[routines]
# Reminders for the guided routines (see "limber routine --list"), at a time
# of day: "07:30" for every day, or "18:00 tue,fri" for some days; "off" for
# none.
{{range .Routines}}{{.}}
{{end}}{{.Kept "routines"}}
[behaviour]
# Programs that hold reminders back while they run (video calls, screen
# recording). Reminders also wait while the camera or microphone is in use.
pause_while_running = {{.PauseApps}}
# A short summary when the work day ends ("5 of 6 stretch breaks today").
day_summary = {{.Behaviour.DaySummary}}
# Stand breaks done that make a good work day, for your streak.
daily_goal = {{.Behaviour.DailyGoal}}
# Play the desktop's notification sound with break reminders.
sound = {{.Behaviour.Sound}}
# A due break waits, and comes once this clears, while:
# a full-screen window is in front (a film, a presentation, a game),
wait_for_fullscreen = {{.Behaviour.HoldFullscreen}}
# the camera is in use (a video call),
wait_for_camera = {{.Behaviour.HoldCamera}}
# the microphone is in use (a call, a recording),
wait_for_microphone = {{.Behaviour.HoldMicrophone}}
# the desktop's do-not-disturb is on.
wait_for_do_not_disturb = {{.Behaviour.HoldDoNotDisturb}}
# Open the stretch card by itself only at a pause in your typing (at most
# two minutes late).
wait_for_typing_pause = {{.Behaviour.TypingPause}}
{{.Kept "behaviour"}}{{.Trailer}}`))

// durationText writes d as the config file does: "off" for 0, else 45m,
// 1h30m, 2s.
func durationText(d time.Duration) string {
	if d == 0 {
		return "off"
	}
	return fmtDuration(d)
}

func spanList(spans []reminders.Span) string {
	texts := make([]string, len(spans))
	for i, s := range spans {
		texts[i] = s.String()
	}
	return quotedList(texts)
}

func quotedList(items []string) string {
	quoted := make([]string, len(items))
	for i, s := range items {
		quoted[i] = quote(s)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

// quote writes s as a TOML basic string.
func quote(s string) string { return inlineValue(s) }

// knownKeys lists, per table ("" for the top level), the keys Limber reads.
var knownKeys = map[string][]string{
	"":           {"version", "reminders", "work_hours", "card", "stretches", "routines", "behaviour"},
	"reminders":  {"stand_every", "posture_every", "water_every", "snooze", "natural_break", "heads_up"},
	"work_hours": append(weekdays[:], "remind_outside"),
	"card":       {"auto_open", "strict"},
	"stretches":  {"places", "favourites", "hidden"},
	"routines":   routineIDs(),
	"behaviour": {
		"pause_while_running", "day_summary", "daily_goal", "sound", "wait_for_fullscreen",
		"wait_for_camera", "wait_for_microphone", "wait_for_do_not_disturb", "wait_for_typing_pause",
	},
}

func routineIDs() []string {
	var ids []string
	for _, r := range exercises.Routines() {
		ids = append(ids, r.ID)
	}
	return ids
}

// kept is what FormatConfig carries over from the old file.
type kept struct {
	lines  map[string][]string // per known table: key = value lines
	tables map[string]any      // unknown top-level tables, by name
	broken []byte              // the old file, when it is not valid TOML
}

func findKept(original []byte) kept {
	k := kept{lines: map[string][]string{}, tables: map[string]any{}}
	if len(bytes.TrimSpace(original)) == 0 {
		return k
	}
	original = bytes.TrimPrefix(original, []byte("\xef\xbb\xbf"))
	var raw map[string]any
	if _, err := toml.Decode(string(original), &raw); err != nil {
		k.broken = original
		return k
	}
	src := newSourceIndex(original)
	for _, key := range sortedKeys(raw) {
		switch v := raw[key]; {
		case slices.Contains(knownKeys[""], key) && key != "version":
			if m, ok := v.(map[string]any); ok {
				k.collect(src, key, m)
			}
		case key == "version":
		case isTable(v):
			k.tables[key] = v
		default:
			k.lines[""] = append(k.lines[""], keptLine(src, "", key, v))
		}
	}
	return k
}

// collect notes the keys of table section that Limber does not know.
func (k kept) collect(src sourceIndex, section string, m map[string]any) {
	for _, key := range sortedKeys(m) {
		if !slices.Contains(knownKeys[section], key) {
			k.lines[section] = append(k.lines[section], keptLine(src, section, key, m[key]))
		}
	}
}

func isTable(v any) bool {
	switch v.(type) {
	case map[string]any, []map[string]any:
		return true
	}
	return false
}

// keptLine returns key = value: the lines of the old file that say it, when
// they say exactly that (at most a few lines, for a list written over
// several), or else the value written inline.
func keptLine(src sourceIndex, section, key string, v any) string {
	const maxLines = 50
	if at := src.line(section, key); at > 0 {
		for end := at; end <= len(src.lines) && end < at+maxLines; end++ {
			text := strings.Join(src.lines[at-1:end], "\n")
			var m map[string]any
			if _, err := toml.Decode(text, &m); err != nil {
				continue
			}
			if len(m) == 1 && reflect.DeepEqual(m[key], v) {
				return strings.TrimSpace(text)
			}
			break
		}
	}
	return inlineKey(key) + " = " + inlineValue(v)
}

// block returns the kept lines of a known table, under keptHeader, with a
// blank line above; or nothing.
func (k kept) block(section string) string {
	if len(k.lines[section]) == 0 {
		return ""
	}
	return "\n" + keptHeader + "\n" + strings.Join(k.lines[section], "\n") + "\n"
}

// trailer returns the unknown tables, or the broken old file as comments.
func (k kept) trailer() string {
	var b strings.Builder
	if len(k.tables) > 0 {
		b.WriteString("\n" + keptHeader + "\n")
		enc := toml.NewEncoder(&b)
		enc.Indent = ""
		if err := enc.Encode(k.tables); err != nil {
			// Values decoded from TOML always encode again.
			panic(fmt.Sprintf("store: encode kept tables: %v", err))
		}
	}
	if k.broken != nil {
		b.WriteString("\n# Your previous file was not valid TOML; here it is, so nothing is lost:\n")
		text := strings.ReplaceAll(string(k.broken), "\r\n", "\n")
		for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
			b.WriteString(strings.TrimRight("# "+line, " ") + "\n")
		}
	}
	return b.String()
}

var bareKey = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

func inlineKey(k string) string {
	if bareKey.MatchString(k) {
		return k
	}
	return inlineValue(k)
}

// inlineValue writes a value decoded from TOML as one inline TOML value:
// tables as { k = v }, lists of tables as [{ … }, …].
func inlineValue(v any) string {
	switch v := v.(type) {
	case map[string]any:
		parts := make([]string, 0, len(v))
		for _, k := range sortedKeys(v) {
			parts = append(parts, inlineKey(k)+" = "+inlineValue(v[k]))
		}
		if len(parts) == 0 {
			return "{}"
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	case []map[string]any:
		parts := make([]string, len(v))
		for i, m := range v {
			parts[i] = inlineValue(m)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case []any:
		parts := make([]string, len(v))
		for i, item := range v {
			parts[i] = inlineValue(item)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	b, err := toml.Marshal(map[string]any{"v": v})
	if err != nil {
		panic(fmt.Sprintf("store: encode %T: %v", v, err))
	}
	return strings.TrimSpace(strings.TrimPrefix(string(b), "v = "))
}
