package store

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/limber-app/limber/exercises"
	"github.com/limber-app/limber/reminders"
)

// ConfigVersion is the version of the config file format this build writes.
const ConfigVersion = 1

// maxConfigSize is the largest config file Limber reads; a preferences file
// is a few kilobytes, so anything this big is a mistake.
const maxConfigSize = 1 << 20

// Config is the user's preferences.
type Config struct {
	Version   int
	Schedule  reminders.Schedule
	Card      CardPrefs
	Stretches exercises.Prefs
	Behaviour BehaviourPrefs
}

// BehaviourPrefs are how Limber behaves around the user's other work.
type BehaviourPrefs struct {
	// PauseApps are programs whose running holds reminders back.
	PauseApps []string
	// DaySummary sends a short summary when the work day ends.
	DaySummary bool
	// DailyGoal is how many stand breaks done make a good work day, for
	// the streak.
	DailyGoal int
	// HeadsUp ([reminders] heads_up) is how long before a stand break a
	// short "break in a minute" notice comes; 0 for none.
	HeadsUp time.Duration
	// RemindOutside ([work_hours] remind_outside) keeps reminding outside
	// the work hours, all day every day; the hours still decide the
	// workdays for the streak.
	RemindOutside bool
	// Sound asks the notification server to play its sound with breaks.
	Sound bool
	// What holds a due break back; see the config file's comments.
	HoldFullscreen, HoldCamera, HoldMicrophone, HoldDoNotDisturb bool
	// TypingPause opens an automatic card only at a pause in typing.
	TypingPause bool
}

// EngineSchedule is the schedule the reminder engine runs: the configured
// one, or with RemindOutside every day worked round the clock.
func (c Config) EngineSchedule() reminders.Schedule {
	s := c.Schedule
	if c.Behaviour.RemindOutside {
		// Two halves, the second ending at the next midnight: the engine
		// joins periods that touch, so the days run into one another with
		// no gap (a span cannot end where it starts).
		for d := range s.Hours {
			s.Hours[d] = []reminders.Span{{Start: 0, End: 12 * 60}, {Start: 12 * 60, End: 0}}
		}
	}
	return s
}

// HeadsUpChoices are the heads-up times the settings window offers; the
// file may hold any from 10s to 5m.
var HeadsUpChoices = []time.Duration{0, 30 * time.Second, time.Minute}

// Workday reports whether c has work hours on d: the days that count for
// the streak.
func (c Config) Workday(d time.Weekday) bool { return len(c.Schedule.Hours[d]) > 0 }

// DefaultPauseApps are the programs that hold reminders back by default:
// video calls and screen recording.
var DefaultPauseApps = []string{"zoom", "teams", "teams-for-linux", "obs", "skypeforlinux"}

// CardPrefs are the preferences of the stretch card.
type CardPrefs struct {
	AutoOpen bool // open the card when a stand break falls due
	Strict   bool // no Skip button, one snooze
}

// Defaults returns the preferences Limber uses when the user has set none.
func Defaults() Config {
	return Config{
		Version:   ConfigVersion,
		Schedule:  reminders.DefaultSchedule(),
		Card:      CardPrefs{AutoOpen: true},
		Stretches: exercises.Prefs{Places: []exercises.Place{exercises.Desk, exercises.Standing}},
		Behaviour: BehaviourPrefs{
			PauseApps: slices.Clone(DefaultPauseApps), DailyGoal: 6,
			HoldFullscreen: true, HoldCamera: true, HoldMicrophone: true, HoldDoNotDisturb: true,
			TypingPause: true,
		},
	}
}

// Problem is one thing wrong in the config file, with the line it is on
// (0 when it is about the whole file).
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// Problems is every error found in one config file. It is an error.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Limits are the bounds Load enforces on intervals.
type Limits struct {
	// MinInterval lowers every interval floor when it is smaller than the
	// normal one; tests and demos set it through LIMBER_MIN_INTERVAL.
	MinInterval time.Duration
}

// LimitsFromEnv reads LIMBER_MIN_INTERVAL. An unset or invalid value gives
// the normal floors; an invalid one is reported in the error.
func LimitsFromEnv() (Limits, error) {
	v := os.Getenv("LIMBER_MIN_INTERVAL")
	if v == "" {
		return Limits{}, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return Limits{}, fmt.Errorf("LIMBER_MIN_INTERVAL %q: want a positive Go duration such as 2s", v)
	}
	return Limits{MinInterval: d}, nil
}

func (l Limits) floor(normal time.Duration) time.Duration {
	if l.MinInterval > 0 && l.MinInterval < normal {
		return l.MinInterval
	}
	return normal
}

// LoadConfig reads the config file at path. A missing file gives the
// defaults and no error. A file with problems gives the defaults together
// with Problems; the file itself is never touched. Warnings lists keys
// Limber does not know, which are kept in the file but otherwise ignored.
func LoadConfig(path string, lim Limits) (cfg Config, warnings Problems, err error) {
	data, err := readLimited(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Defaults(), nil, nil
	}
	if err != nil {
		return Defaults(), nil, err
	}
	return ParseConfig(filepath.Base(path), data, lim)
}

func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > maxConfigSize {
		return nil, Problems{{File: filepath.Base(path), Msg: fmt.Sprintf("file is %d bytes, more than the %d a config can be", st.Size(), maxConfigSize)}}
	}
	var buf bytes.Buffer
	_, err = buf.ReadFrom(f)
	return buf.Bytes(), err
}

// ParseConfig parses the content of a config file named name (used in
// messages only).
func ParseConfig(name string, data []byte, lim Limits) (Config, Problems, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		return Defaults(), nil, Problems{syntaxProblem(name, data, err)}
	}
	p := parser{name: name, src: newSourceIndex(data), lim: lim, cfg: Defaults()}
	p.parse(raw)
	byLine := func(a, b Problem) int { return a.Line - b.Line }
	slices.SortStableFunc(p.errs, byLine)
	slices.SortStableFunc(p.warns, byLine)
	if len(p.errs) > 0 {
		return Defaults(), p.warns, p.errs
	}
	return p.cfg, p.warns, nil
}

// maxSalvaged bounds how many lines Salvage leaves out before it gives up
// on a file and takes the defaults.
const maxSalvaged = 50

// Salvage reads as much of a broken config file as it can, for the settings
// window's "reset only the broken settings": every setting that is right
// keeps its value and every broken one its default. A line that is not
// valid TOML is left out (and so are lines a broken multi-line value spans),
// so a single typo costs only its own key. The problems are what
// ParseConfig reports, plus one for each further line left out; Salvage of
// a good file is ParseConfig's Config with no problems.
func Salvage(name string, data []byte, lim Limits) (Config, Problems) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var problems Problems
	text := data
	var raw map[string]any
	for {
		raw = nil
		_, err := toml.Decode(string(text), &raw)
		if err == nil {
			break
		}
		pr := syntaxProblem(name, text, err)
		problems = append(problems, pr)
		if pr.Line == 0 || len(problems) > maxSalvaged {
			return Defaults(), problems
		}
		text = blankLine(text, pr.Line)
	}
	p := parser{name: name, src: newSourceIndex(data), lim: lim, cfg: Defaults()}
	p.parse(raw)
	problems = append(problems, p.errs...)
	slices.SortStableFunc(problems, func(a, b Problem) int { return a.Line - b.Line })
	return p.cfg, problems
}

// blankLine returns data with line n (from 1) emptied, keeping the line
// count so that later problems keep their line numbers.
func blankLine(data []byte, n int) []byte {
	lines := bytes.SplitAfter(data, []byte("\n"))
	if n < 1 || n > len(lines) {
		return data
	}
	out := make([]byte, 0, len(data))
	for i, l := range lines {
		if i == n-1 {
			if bytes.HasSuffix(l, []byte("\n")) {
				out = append(out, '\n')
			}
			continue
		}
		out = append(out, l...)
	}
	return out
}

func syntaxProblem(name string, data []byte, err error) Problem {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		line := pe.Position.Line
		if at := pe.Position.Start; at > 0 && at <= len(data) {
			// The parser counts a line break it did not expect as the
			// start of the next line; the mistake is on the line it ends.
			line = bytes.Count(data[:at], []byte("\n")) + 1
		}
		return Problem{File: name, Line: line, Msg: "not valid TOML: " + pe.Message}
	}
	return Problem{File: name, Msg: "not valid TOML: " + err.Error()}
}

// parser turns the decoded TOML tree into a Config, collecting problems.
type parser struct {
	name  string
	src   sourceIndex
	lim   Limits
	cfg   Config
	errs  Problems
	warns Problems
}

func (p *parser) fail(section, key, format string, args ...any) {
	p.errs = append(p.errs, Problem{File: p.name, Line: p.src.line(section, key), Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) parse(raw map[string]any) {
	for _, key := range sortedKeys(raw) {
		v := raw[key]
		switch key {
		case "version":
			p.parseVersion(v)
		case "reminders":
			p.section(key, v, p.parseReminders)
		case "work_hours":
			p.section(key, v, p.parseWorkHours)
		case "card":
			p.section(key, v, p.parseCard)
		case "stretches":
			p.section(key, v, p.parseStretches)
		case "routines":
			p.section(key, v, p.parseRoutines)
		case "behaviour":
			p.section(key, v, p.parseBehaviour)
		default:
			p.unknown("", key)
		}
	}
}

func (p *parser) unknown(section, key string) {
	full := key
	if section != "" {
		full = section + "." + key
	}
	p.warns = append(p.warns, Problem{File: p.name, Line: p.src.line(section, key), Msg: fmt.Sprintf("unknown key %s (kept, but Limber ignores it)", full)})
}

func (p *parser) section(name string, v any, parse func(map[string]any)) {
	m, ok := v.(map[string]any)
	if !ok {
		p.fail("", name, "%s: want a table [%s], got %s", name, name, typeName(v))
		return
	}
	parse(m)
}

func (p *parser) parseVersion(v any) {
	n, ok := v.(int64)
	switch {
	case !ok:
		p.fail("", "version", "version: want a whole number, got %s", typeName(v))
	case n < 1 || n > ConfigVersion:
		p.fail("", "version", "version %d: this Limber reads versions 1 to %d", n, ConfigVersion)
	default:
		p.cfg.Version = int(n)
	}
}

// interval describes one duration key of [reminders] and its bounds.
type interval struct {
	key      string
	dst      *time.Duration
	min, max time.Duration
	canOff   bool
}

func (p *parser) parseReminders(m map[string]any) {
	s := &p.cfg.Schedule
	keys := []interval{
		{"stand_every", &s.StandEvery, p.lim.floor(10 * time.Minute), 3 * time.Hour, false},
		{"posture_every", &s.PostureEvery, p.lim.floor(5 * time.Minute), 24 * time.Hour, true},
		{"water_every", &s.WaterEvery, p.lim.floor(5 * time.Minute), 24 * time.Hour, true},
		{"snooze", &s.Snooze, p.lim.floor(time.Minute), time.Hour, false},
		{"natural_break", &s.NaturalBreak, p.lim.floor(time.Minute), 2 * time.Hour, true},
	}
	for _, key := range sortedKeys(m) {
		if key == "heads_up" {
			p.parseHeadsUp(m[key])
			continue
		}
		i := slices.IndexFunc(keys, func(iv interval) bool { return iv.key == key })
		if i < 0 {
			p.unknown("reminders", key)
			continue
		}
		p.parseInterval(keys[i], m[key])
	}
}

func (p *parser) parseHeadsUp(v any) {
	const key = "heads_up"
	s, ok := v.(string)
	if !ok {
		p.fail("reminders", key, "reminders.%s: want \"off\" or a duration in quotes such as \"1m\", got %s", key, typeName(v))
		return
	}
	d, err := parseDuration(s)
	if err != nil || d != 0 && (d < 10*time.Second || d > 5*time.Minute) {
		p.fail("reminders", key, "reminders.%s %q: want \"off\" or a duration from 10s to 5m", key, s)
		return
	}
	p.cfg.Behaviour.HeadsUp = d
}

func (p *parser) parseInterval(iv interval, v any) {
	s, ok := v.(string)
	if !ok {
		p.fail("reminders", iv.key, "reminders.%s: want a duration in quotes such as \"45m\", got %s", iv.key, typeName(v))
		return
	}
	d, err := parseDuration(s)
	if err != nil {
		p.fail("reminders", iv.key, "reminders.%s %q: want a duration such as \"45m\" or \"1h30m\"", iv.key, s)
		return
	}
	if d == 0 && iv.canOff {
		*iv.dst = 0
		return
	}
	if d < iv.min || d > iv.max {
		off := ""
		if iv.canOff {
			off = ` (or "off")`
		}
		p.fail("reminders", iv.key, "reminders.%s %q: must be between %s and %s%s", iv.key, s, fmtDuration(iv.min), fmtDuration(iv.max), off)
		return
	}
	*iv.dst = d
}

func parseDuration(s string) (time.Duration, error) {
	switch strings.TrimSpace(s) {
	case "off", "0":
		return 0, nil
	}
	return time.ParseDuration(strings.TrimSpace(s))
}

// fmtDuration prints d the way a person writes it: 45m, 1h30m, 3h, 2s.
func fmtDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

var weekdays = [7]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

func (p *parser) parseWorkHours(m map[string]any) {
	var week reminders.Week
	for _, key := range sortedKeys(m) {
		if key == "remind_outside" {
			p.parseBool("work_hours", key, m[key], &p.cfg.Behaviour.RemindOutside)
			continue
		}
		day := slices.Index(weekdays[:], key)
		if day < 0 {
			p.unknown("work_hours", key)
			continue
		}
		week[day] = p.parseDay(key, m[key])
	}
	// Days left out of [work_hours] are free days, so the table replaces
	// the default week as a whole.
	p.cfg.Schedule.Hours = week
}

func (p *parser) parseDay(day string, v any) []reminders.Span {
	list, ok := v.([]any)
	if !ok {
		p.fail("work_hours", day, "work_hours.%s: want a list of spans such as [\"09:00-17:30\"], got %s", day, typeName(v))
		return nil
	}
	texts := make([]string, 0, len(list))
	for i, item := range list {
		s, ok := item.(string)
		if !ok {
			p.fail("work_hours", day, "work_hours.%s[%d]: want a span in quotes such as \"09:00-17:30\", got %s", day, i, typeName(item))
			return nil
		}
		if _, err := reminders.ParseSpan(s); err != nil {
			p.fail("work_hours", day, "work_hours.%s[%d] %s", day, i, err)
			return nil
		}
		texts = append(texts, s)
	}
	spans, err := reminders.ParseDay(texts)
	if err != nil {
		p.fail("work_hours", day, "work_hours.%s: %s", day, err)
		return nil
	}
	return spans
}

func (p *parser) parseCard(m map[string]any) {
	for _, key := range sortedKeys(m) {
		switch key {
		case "auto_open":
			p.parseBool("card", key, m[key], &p.cfg.Card.AutoOpen)
		case "strict":
			p.parseBool("card", key, m[key], &p.cfg.Card.Strict)
		default:
			p.unknown("card", key)
		}
	}
}

func (p *parser) parseBool(section, key string, v any, dst *bool) {
	b, ok := v.(bool)
	if !ok {
		p.fail(section, key, "%s.%s: want true or false, got %s", section, key, typeName(v))
		return
	}
	*dst = b
}

func (p *parser) parseStretches(m map[string]any) {
	for _, key := range sortedKeys(m) {
		switch key {
		case "places":
			p.parsePlaces(m[key])
		case "favourites":
			p.cfg.Stretches.Favourites = p.parseIDs(key, m[key])
		case "hidden":
			p.cfg.Stretches.Hidden = p.parseIDs(key, m[key])
		default:
			p.unknown("stretches", key)
		}
	}
}

func (p *parser) parseBehaviour(m map[string]any) {
	b := &p.cfg.Behaviour
	flags := map[string]*bool{
		"day_summary":             &b.DaySummary,
		"sound":                   &b.Sound,
		"wait_for_fullscreen":     &b.HoldFullscreen,
		"wait_for_camera":         &b.HoldCamera,
		"wait_for_microphone":     &b.HoldMicrophone,
		"wait_for_do_not_disturb": &b.HoldDoNotDisturb,
		"wait_for_typing_pause":   &b.TypingPause,
	}
	for _, key := range sortedKeys(m) {
		if dst, ok := flags[key]; ok {
			p.parseBool("behaviour", key, m[key], dst)
			continue
		}
		if key == "daily_goal" {
			n, ok := m[key].(int64)
			if !ok || n < 1 || n > 30 {
				p.fail("behaviour", key, "behaviour.daily_goal: want a whole number of breaks from 1 to 30")
				continue
			}
			p.cfg.Behaviour.DailyGoal = int(n)
			continue
		}
		if key != "pause_while_running" {
			p.unknown("behaviour", key)
			continue
		}
		list, ok := m[key].([]any)
		if !ok {
			p.fail("behaviour", key, "behaviour.%s: want a list of program names such as [\"zoom\"], got %s", key, typeName(m[key]))
			continue
		}
		apps := []string{}
		for _, item := range list {
			name, ok := item.(string)
			if !ok || strings.TrimSpace(name) == "" || strings.Contains(name, "/") {
				p.fail("behaviour", key, "behaviour.%s: want program names in quotes, such as \"zoom\"", key)
				apps = nil
				break
			}
			apps = append(apps, strings.TrimSpace(name))
		}
		if apps != nil {
			p.cfg.Behaviour.PauseApps = apps
		}
	}
}

func (p *parser) parseRoutines(m map[string]any) {
	known := routineIDs()
	for _, key := range sortedKeys(m) {
		if !slices.Contains(known, key) {
			p.unknown("routines", key)
		}
	}
	// In library order, the order the file is written in.
	for _, key := range known {
		if _, ok := m[key]; !ok {
			continue
		}
		text, ok := m[key].(string)
		if !ok {
			p.fail("routines", key, "routines.%s: want a time in quotes such as \"07:30\", got %s", key, typeName(m[key]))
			continue
		}
		if strings.TrimSpace(text) == "off" {
			continue
		}
		minute, days, err := reminders.ParseRoutineTime(text)
		if err != nil {
			p.fail("routines", key, "routines.%s %s", key, err)
			continue
		}
		p.cfg.Schedule.Routines = append(p.cfg.Schedule.Routines, reminders.TimedRoutine{ID: key, Minute: minute, Days: days})
	}
}

var places = []exercises.Place{exercises.Desk, exercises.Standing, exercises.Floor, exercises.Bar, exercises.Gym}

func (p *parser) parsePlaces(v any) {
	names := p.stringList("places", v)
	out := make([]exercises.Place, 0, len(names))
	for _, n := range names {
		if !slices.Contains(places, exercises.Place(n)) {
			p.fail("stretches", "places", "stretches.places %q: want one of desk, standing, floor, bar, gym", n)
			return
		}
		out = append(out, exercises.Place(n))
	}
	if len(out) == 0 && names != nil {
		p.fail("stretches", "places", "stretches.places: name at least one place")
		return
	}
	p.cfg.Stretches.Places = out
}

func (p *parser) parseIDs(key string, v any) []string {
	ids := p.stringList(key, v)
	for _, id := range ids {
		if _, ok := exercises.Get(id); !ok {
			p.fail("stretches", key, "stretches.%s %q: no stretch has this id (see limber exercises)", key, id)
			return nil
		}
	}
	return ids
}

func (p *parser) stringList(key string, v any) []string {
	list, ok := v.([]any)
	if !ok {
		p.fail("stretches", key, "stretches.%s: want a list of names in quotes, got %s", key, typeName(v))
		return nil
	}
	out := make([]string, 0, len(list))
	for _, item := range list {
		s, ok := item.(string)
		if !ok {
			p.fail("stretches", key, "stretches.%s: want names in quotes, got %s", key, typeName(item))
			return nil
		}
		out = append(out, s)
	}
	return out
}

func typeName(v any) string {
	switch v.(type) {
	case string:
		return "text"
	case int64:
		return "a number"
	case float64:
		return "a decimal number"
	case bool:
		return "true/false"
	case []any, []map[string]any:
		return "a list"
	case map[string]any:
		return "a table"
	case time.Time:
		return "a date or time"
	default:
		return fmt.Sprintf("%T", v)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
