package stats

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Berlin on systems without a zone database

	"github.com/limber-app/limber/app/store"
	"github.com/limber-app/limber/exercises"
)

// The generated history's special days (all work days).
var (
	holidays = []string{"2025-12-25", "2026-03-27"}
	badDays  = []string{"2025-06-02", "2025-12-01", "2026-03-20"}
)

// history generates 400 days of history ending at testNow, oldest first:
//
//   - a good work day: 8 stand reminders, 4 posture reminders; done:
//     cat-cow ×3 and plank ×2 as stand breaks, then a "weekly-strength"
//     routine (bird-dog, bridge, the routine itself); 1 snoozed, 1 skipped.
//     That is 6 done stand breaks, the goal.
//   - a bad day: 8 stand reminders, cat-cow done twice, 6 skipped.
//   - a holiday: nothing.
//   - Saturday: 2 stand reminders, both skipped. Sunday: 8 stand reminders,
//     8 walks done.
//   - a crack at 08:00 every 5th day, with pain (days ago % 3), not asked when
//     that is 2.
//   - today (Thursday): 4 stand reminders, cat-cow done 3 times, 1 snoozed, a
//     plank that hurt in a routine, and an entry after now.
func history() []store.Entry {
	var out []store.Entry
	for ago := 399; ago >= 1; ago-- {
		day := at(ago, 0, 0)
		out = append(out, generatedDay(day, ago)...)
	}
	for h := 9; h <= 12; h++ {
		out = append(out, due(at(0, h, 0)))
	}
	for h := 9; h <= 11; h++ {
		out = append(out, outcome(at(0, h, 5), "stand", "cat-cow", "done"))
	}
	return append(out,
		outcome(at(0, 12, 1), "stand", "", "snoozed"),
		outcome(at(0, 13, 0), "routine", "plank", "hurt"),
		outcome(testNow.Add(time.Hour), "stand", "walk", "done"),
	)
}

func generatedDay(day time.Time, ago int) []store.Entry {
	date := day.Format(time.DateOnly)
	var out []store.Entry
	if ago%5 == 0 {
		out = append(out, crack(day.Add(8*time.Hour), []int{0, 1, -1}[ago%3]))
	}
	hour := func(h, m int) time.Time { return day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute) }
	switch {
	case slices.Contains(holidays, date):
		return out
	case day.Weekday() == time.Saturday:
		return append(out, due(hour(10, 0)), due(hour(11, 0)),
			outcome(hour(10, 1), "stand", "", "skipped"), outcome(hour(11, 1), "stand", "", "skipped"))
	}
	for h := 9; h <= 16; h++ {
		out = append(out, due(hour(h, 0)))
	}
	switch {
	case day.Weekday() == time.Sunday:
		for h := 9; h <= 16; h++ {
			out = append(out, outcome(hour(h, 5), "stand", "walk", "done"))
		}
	case slices.Contains(badDays, date):
		out = append(out, outcome(hour(9, 5), "stand", "cat-cow", "done"), outcome(hour(10, 5), "stand", "cat-cow", "done"))
		for h := 11; h <= 16; h++ {
			out = append(out, outcome(hour(h, 5), "stand", "", "skipped"))
		}
	default:
		for h := 9; h <= 12; h++ {
			out = append(out, store.Entry{At: hour(h, 30), Type: store.EntryDue, Kind: "posture"})
		}
		for i, id := range []string{"cat-cow", "cat-cow", "cat-cow", "plank", "plank"} {
			out = append(out, outcome(hour(9+i, 5), "stand", id, "done"))
		}
		out = append(out,
			outcome(hour(14, 5), "routine", "bird-dog", "done"),
			outcome(hour(14, 6), "routine", "bridge", "done"),
			outcome(hour(14, 7), "routine", "weekly-strength", "done"),
			outcome(hour(15, 5), "stand", "", "snoozed"),
			outcome(hour(16, 5), "stand", "", "skipped"))
	}
	return out
}

func outcome(t time.Time, kind, exercise, result string) store.Entry {
	return store.Entry{At: t, Type: store.EntryOutcome, Kind: kind, Exercise: exercise, Outcome: result}
}

func TestSummarize_Generated(t *testing.T) {
	s := Summarize(history(), testNow, testLoc, 30, 6, nil)
	wantToday := Today{
		Due: 4, Done: 3, Snoozed: 1, Hurt: 1, MinutesStretched: 6,
		LastBreak: at(0, 11, 5), SinceLastBreak: 6*time.Hour + 55*time.Minute,
	}
	if !s.Today.LastBreak.Equal(wantToday.LastBreak) {
		t.Errorf("Today.LastBreak = %v, want %v", s.Today.LastBreak, wantToday.LastBreak)
	}
	s.Today.LastBreak = wantToday.LastBreak
	if s.Today != wantToday {
		t.Errorf("Today = %+v, want %+v", s.Today, wantToday)
	}
	if s.Streak != 7 || s.BestStreak != 129 {
		t.Errorf("Streak, BestStreak = %d, %d, want 7, 129", s.Streak, s.BestStreak)
	}
	if len(s.Days) != 30 || s.Days[0].Date != "2026-03-04" || s.Days[29].Date != "2026-04-02" {
		t.Fatalf("Days = %d days from %s to %s, want 30 from 2026-03-04 to 2026-04-02",
			len(s.Days), s.Days[0].Date, s.Days[len(s.Days)-1].Date)
	}
	wantDays := map[string]Day{
		"2026-03-20": {Done: 2, Skipped: 6}, // bad day
		"2026-03-21": {Skipped: 2},          // Saturday
		"2026-03-22": {Done: 8},             // Sunday
		"2026-03-23": {Done: 6, Skipped: 1, Snoozed: 1, Posture: 4, Cracks: make([]Crack, 1)},
		"2026-03-27": {},                                     // holiday
		"2026-03-28": {Skipped: 2, Cracks: make([]Crack, 1)}, // Saturday
		"2026-03-30": {Done: 6, Skipped: 1, Snoozed: 1, Posture: 4},
		"2026-04-02": {Done: 3, Snoozed: 1},
	}
	for _, d := range s.Days {
		want, ok := wantDays[d.Date]
		if !ok {
			continue
		}
		want.Date = d.Date
		if d.Done != want.Done || d.Skipped != want.Skipped || d.Snoozed != want.Snoozed ||
			d.Posture != want.Posture || len(d.Cracks) != len(want.Cracks) {
			t.Errorf("day %s = %+v, want %+v", d.Date, d, want)
		}
	}
	// 280 good work days: cat-cow 3×280 + 2×3 bad days + 3 today, plank 2×280,
	// walk 8×57 Sundays, bird-dog and bridge 280 each.
	wantMost := []IDCount{{"cat-cow", 849}, {"plank", 560}, {"walk", 456}, {"bird-dog", 280}, {"bridge", 280}}
	if !slices.Equal(s.MostDone, wantMost) {
		t.Errorf("MostDone = %v, want %v", s.MostDone, wantMost)
	}
	if n := len(exercises.All()); len(s.NeverDone) != n-5 || slices.Contains(s.NeverDone, "plank") {
		t.Errorf("NeverDone = %v, want the %d other exercises", s.NeverDone, n-5)
	}
}

func TestSummarize_Days(t *testing.T) {
	entries := history()
	for _, days := range []int{0, 1, 7, 400} {
		s := Summarize(entries, testNow, testLoc, days, 6, nil)
		if len(s.Days) != days {
			t.Errorf("Summarize(days %d) gave %d days", days, len(s.Days))
		}
	}
	s := Summarize(entries, testNow, testLoc, 400, 6, nil)
	if s.Days[0].Date != "2025-02-27" || len(s.Days[0].Cracks) != 0 {
		t.Errorf("first of 400 days = %+v, want 2025-02-27, no entries", s.Days[0])
	}
	cracks := 0
	for _, d := range s.Days {
		cracks += len(d.Cracks)
	}
	if cracks != 79 {
		t.Errorf("400 days hold %d cracks, want 79", cracks)
	}
}

func TestSummarize_Streaks(t *testing.T) {
	base := history()
	tests := []struct {
		name         string
		extra        []store.Entry
		goal         int
		workday      func(time.Weekday) bool
		streak, best int
	}{
		{"today not met yet", nil, 6, nil, 7, 129},
		{"today met", []store.Entry{
			outcome(at(0, 14, 0), "stand", "", "done"), outcome(at(0, 15, 0), "stand", "", "done"),
			outcome(at(0, 16, 0), "stand", "", "done"),
		}, 6, nil, 8, 129},
		{"bad days meet a lower goal", nil, 2, nil, 284, 284},
		{"Saturdays break, Sundays extend", nil, 6, func(time.Weekday) bool { return true }, 4, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Summarize(append(slices.Clone(base), tt.extra...), testNow, testLoc, 1, tt.goal, tt.workday)
			if s.Streak != tt.streak || s.BestStreak != tt.best {
				t.Errorf("Streak, BestStreak = %d, %d, want %d, %d", s.Streak, s.BestStreak, tt.streak, tt.best)
			}
		})
	}
}

func TestSummarize_DaylightSaving(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 31, 0, 30, 0, 0, berlin) // clocks went forward on 29 March
	s := Summarize([]store.Entry{due(time.Date(2026, 3, 29, 23, 30, 0, 0, berlin))}, now, berlin, 3, 6, nil)
	var dates []string
	for _, d := range s.Days {
		dates = append(dates, d.Date)
	}
	if want := []string{"2026-03-29", "2026-03-30", "2026-03-31"}; !slices.Equal(dates, want) {
		t.Errorf("Days = %v, want %v", dates, want)
	}
}

func TestSummarize_Empty(t *testing.T) {
	s := Summarize(nil, testNow, testLoc, 3, 6, nil)
	if s.Streak != 0 || s.BestStreak != 0 || len(s.Days) != 3 || len(s.MostDone) != 0 ||
		len(s.NeverDone) != len(exercises.All()) || s.Today != (Today{}) {
		t.Errorf("Summarize(nil) = %+v", s)
	}
}

func TestToday_JSON(t *testing.T) {
	in := Today{Done: 2, MinutesStretched: 4, LastBreak: at(0, 9, 0), SinceLastBreak: 90 * time.Minute}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"since_last_break_seconds":5400`) {
		t.Errorf("json.Marshal(Today) = %s, want since_last_break_seconds 5400", b)
	}
	var out Today
	if err := json.Unmarshal(b, &out); err != nil || out.SinceLastBreak != in.SinceLastBreak || !out.LastBreak.Equal(in.LastBreak) {
		t.Errorf("round trip = %+v, %v, want %+v", out, err, in)
	}
	if b, _ := json.Marshal(Today{}); strings.Contains(string(b), "last_break\"") {
		t.Errorf("json.Marshal(Today{}) = %s, want no last_break", b)
	}
}

func TestCSV(t *testing.T) {
	pain := 3
	entries := []store.Entry{
		due(time.Date(2026, 3, 30, 9, 0, 0, 0, time.UTC)),
		outcome(time.Date(2026, 3, 30, 9, 5, 0, 0, testLoc), "stand", "cat-cow", "done"),
		{
			At: time.Date(2026, 3, 30, 10, 0, 0, 0, time.UTC), Type: store.EntryCrack, Where: "neck", Pain: &pain,
			During: "sitting", Note: "after a call, \"loud\"\nthen fine",
		},
		crack(time.Date(2026, 3, 30, 11, 0, 0, 0, time.UTC), -1),
	}
	var buf bytes.Buffer
	if err := CSV(&buf, entries); err != nil {
		t.Fatalf("CSV: %v", err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("reading CSV back: %v", err)
	}
	want := [][]string{
		{"at", "type", "kind", "exercise", "outcome", "where", "pain", "during", "note"},
		{"2026-03-30T09:00:00Z", "due", "stand", "", "", "", "", "", ""},
		{"2026-03-30T09:05:00+02:00", "outcome", "stand", "cat-cow", "done", "", "", "", ""},
		{"2026-03-30T10:00:00Z", "crack", "", "", "", "neck", "3", "sitting", "after a call, \"loud\"\nthen fine"},
		{"2026-03-30T11:00:00Z", "crack", "", "", "", "lower", "", "", ""},
	}
	if !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("CSV rows = %q, want %q", rows, want)
	}
}
