// Package stats turns Limber's history into the numbers `limber stats` shows
// and the crack-log insights that say when to see someone.
package stats

import (
	"cmp"
	"encoding/json"
	"slices"
	"time"

	"github.com/limber-app/limber/app/store"
	"github.com/limber-app/limber/exercises"
)

// Outcomes and kinds as the history records them.
const (
	kindStand   = "stand"
	kindPosture = "posture"
	kindRoutine = "routine" // the answers of a routine, one per stretch and one for the whole
	outDone     = "done"
	outSnoozed  = "snoozed"
	outSkipped  = "skipped"
	outHurt     = "hurt"
)

// MinutesPerBreak is the estimate behind Today.MinutesStretched: a stand
// break is counted as two minutes of stretching.
const MinutesPerBreak = 2

// Summary is what the history says about the user's breaks.
type Summary struct {
	Today      Today     `json:"today"`
	Days       []Day     `json:"days"` // oldest first, ending today
	Goal       int       `json:"goal"` // done stand breaks a work day needs for the streak
	Streak     int       `json:"streak"`
	BestStreak int       `json:"best_streak"`
	MostDone   []IDCount `json:"most_done"`  // most done first
	NeverDone  []string  `json:"never_done"` // in library order
}

// Today counts today's stand breaks. A stand break is done when a stand
// reminder is answered "done" or a whole routine is finished; Snoozed and
// Skipped count stand reminders; Hurt counts every stretch that hurt.
// MinutesStretched is an estimate: Done × MinutesPerBreak. SinceLastBreak
// is the time since the last done stand break on any day (LastBreak), or 0
// if there has never been one; JSON gives it as since_last_break_seconds.
type Today struct {
	Due              int           `json:"due"` // stand reminders
	Done             int           `json:"done"`
	Snoozed          int           `json:"snoozed"`
	Skipped          int           `json:"skipped"`
	Hurt             int           `json:"hurt"`
	MinutesStretched int           `json:"minutes_stretched"`
	LastBreak        time.Time     `json:"last_break,omitzero"`
	SinceLastBreak   time.Duration `json:"-"`
}

type todayAlias Today

type todayJSON struct {
	todayAlias
	SinceLastBreakSeconds int64 `json:"since_last_break_seconds"`
}

// MarshalJSON encodes t with SinceLastBreak in whole seconds.
func (t Today) MarshalJSON() ([]byte, error) {
	return json.Marshal(todayJSON{todayAlias(t), int64(t.SinceLastBreak / time.Second)})
}

// UnmarshalJSON decodes the form written by MarshalJSON.
func (t *Today) UnmarshalJSON(data []byte) error {
	var v todayJSON
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*t = Today(v.todayAlias)
	t.SinceLastBreak = time.Duration(v.SinceLastBreakSeconds) * time.Second
	return nil
}

// Day counts one calendar day. Done is done stand breaks (as in Today),
// Skipped and Snoozed count stand reminders, Posture counts the posture
// reminders given.
type Day struct {
	Date    string  `json:"date"` // 2006-01-02
	Done    int     `json:"done"`
	Skipped int     `json:"skipped"`
	Snoozed int     `json:"snoozed"`
	Posture int     `json:"posture"`
	Cracks  []Crack `json:"cracks,omitempty"`
}

// tally is a Day with the counts only Today and the streak need.
type tally struct {
	Day
	due, hurt int
	active    bool // a reminder was given or answered: Limber was in use
}

// Crack is one logged crack.
type Crack struct {
	At   time.Time `json:"at"`
	Pain *int      `json:"pain,omitempty"` // nil when not asked
}

// IDCount is how many times an exercise was done.
type IDCount struct {
	ID    string `json:"id"`
	Count int    `json:"count"`
}

// MondayToFriday reports whether d is Monday to Friday, the default work
// days.
func MondayToFriday(d time.Weekday) bool { return d != time.Saturday && d != time.Sunday }

// Summarize counts the entries up to now, by calendar day in loc. Days holds
// the last days days, today included. The streak counts work days in a row
// on which at least goal stand breaks were done (goal below 1 counts as 1).
// Days that are not work days (workday false; nil means MondayToFriday) and
// work days on which Limber recorded nothing — a holiday, a day off — neither
// break nor extend it; today extends it once the goal is met and never
// breaks it. MostDone and NeverDone cover the whole history and only the
// exercises in the library.
func Summarize(entries []store.Entry, now time.Time, loc *time.Location, days, goal int, workday func(time.Weekday) bool) Summary {
	if workday == nil {
		workday = MondayToFriday
	}
	goal = max(goal, 1)
	byDate, first, last := countDays(entries, now, loc)
	key := dateKey(now, loc)
	s := Summary{Goal: goal, Days: make([]Day, 0, max(days, 0))}
	for i := days - 1; i >= 0; i-- {
		d := dayStart(now, loc, -i).Format(time.DateOnly)
		day := byDate[d].Day
		day.Date = d
		s.Days = append(s.Days, day)
	}
	t := byDate[key]
	s.Today = Today{
		Due: t.due, Done: t.Done, Snoozed: t.Snoozed, Skipped: t.Skipped, Hurt: t.hurt,
		MinutesStretched: t.Done * MinutesPerBreak,
	}
	if !last.IsZero() {
		s.Today.LastBreak, s.Today.SinceLastBreak = last, now.Sub(last)
	}
	s.Streak, s.BestStreak = streaks(byDate, first, now, loc, goal, workday)
	s.MostDone, s.NeverDone = doneCounts(entries, now)
	return s
}

// countDays tallies the entries up to now by date. It also returns the time
// of the first entry and of the last done stand break (zero if none).
func countDays(entries []store.Entry, now time.Time, loc *time.Location) (map[string]tally, time.Time, time.Time) {
	byDate := map[string]tally{}
	var first, last time.Time
	for _, e := range entries {
		if e.At.After(now) {
			continue
		}
		if first.IsZero() || e.At.Before(first) {
			first = e.At
		}
		k := dateKey(e.At, loc)
		d := byDate[k]
		switch e.Type {
		case store.EntryDue:
			d.active = true
			switch e.Kind {
			case kindStand:
				d.due++
			case kindPosture:
				d.Posture++
			}
		case store.EntryOutcome:
			d.active = true
			if standDone(e) {
				d.Done++
				if e.At.After(last) {
					last = e.At
				}
			}
			d.Skipped += standOutcome(e, outSkipped)
			d.Snoozed += standOutcome(e, outSnoozed)
			if e.Outcome == outHurt {
				d.hurt++
			}
		case store.EntryCrack:
			d.Cracks = append(d.Cracks, Crack{At: e.At, Pain: e.Pain})
		}
		byDate[k] = d
	}
	return byDate, first, last
}

// standDone reports whether e is a done stand break: a stand reminder
// answered "done", or a finished routine (a routine answer whose Exercise
// is not a stretch but the routine itself, as the daemon records it).
func standDone(e store.Entry) bool {
	if e.Type != store.EntryOutcome || e.Outcome != outDone {
		return false
	}
	if e.Kind == kindStand {
		return true
	}
	_, isStretch := exercises.Get(e.Exercise)
	return e.Kind == kindRoutine && !isStretch
}

func standOutcome(e store.Entry, outcome string) int {
	if e.Kind == kindStand && e.Outcome == outcome {
		return 1
	}
	return 0
}

// streaks walks the days from the first entry to today and returns the
// current and the best streak.
func streaks(byDate map[string]tally, first, now time.Time, loc *time.Location, goal int, workday func(time.Weekday) bool) (int, int) {
	if first.IsZero() {
		return 0, 0
	}
	run, best := 0, 0
	today := dayStart(now, loc, 0)
	for d := dayStart(first, loc, 0); !d.After(today); d = time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, loc) {
		day := byDate[d.Format(time.DateOnly)]
		switch {
		case !workday(d.Weekday()) || !day.active:
			// neither breaks nor extends
		case day.Done >= goal:
			run++
			best = max(best, run)
		case !d.Equal(today):
			run = 0
		}
	}
	return run, best
}

// doneCounts returns the library exercises by done count, most first (ties
// by id), and those never done, in library order.
func doneCounts(entries []store.Entry, now time.Time) ([]IDCount, []string) {
	counts := map[string]int{}
	for _, e := range entries {
		if e.Type == store.EntryOutcome && e.Outcome == outDone && !e.At.After(now) {
			if _, ok := exercises.Get(e.Exercise); ok {
				counts[e.Exercise]++
			}
		}
	}
	most := make([]IDCount, 0, len(counts))
	for id, n := range counts {
		most = append(most, IDCount{id, n})
	}
	slices.SortFunc(most, func(a, b IDCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.ID, b.ID))
	})
	never := []string{}
	for _, ex := range exercises.All() {
		if counts[ex.ID] == 0 {
			never = append(never, ex.ID)
		}
	}
	return most, never
}
