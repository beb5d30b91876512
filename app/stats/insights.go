package stats

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/store"
	"github.com/limber-app/limber/exercises"
)

// Insight is a pattern in the crack log worth telling the user about. It is
// never given without evidence: Evidence holds the times of the crack
// entries that triggered it, and Message names them in words. Title and
// Message are in the language of i18n.Language.
type Insight struct {
	ID         string      `json:"id"`
	Title      string      `json:"title"`
	Message    string      `json:"message"`
	Evidence   []time.Time `json:"evidence"`
	SeeSomeone bool        `json:"see_someone"` // the advice includes seeing a professional
}

// The insight IDs.
const (
	InsightPainLasting = "pain-lasting"    // painful cracks on 3 or more days of the last 7
	InsightPain        = "crack-pain"      // a crack with pain in the last 7 days
	InsightTooOften    = "crack-20-min"    // 3 or more cracks under 20 minutes apart in a day
	InsightFrequent    = "crack-frequent"  // cracking most days, or more every week
	closeGap           = 20 * time.Minute  // seed 001: gas needs about 20 minutes to build up again
	recentDays         = 7                 // the window of the pain and 20-minute rules
	frequentDays       = 14                // the window of the most-days rule
	risingWeeks        = 3                 // week-over-week rises that count as rising
	closePairsPerDay   = 3                 // close pairs in one day that make it "repeatedly"
	painDaysLasting    = 3                 // distinct days with pain that make it "lasting"
	coreRoutineID      = "weekly-strength" // the routine suggested for frequent cracking
)

// WhereValues lists the allowed values of a crack entry's Where.
func WhereValues() []string { return []string{"lower", "upper", "neck"} }

// DuringValues lists the allowed values of a crack entry's During.
func DuringValues() []string {
	return []string{"sitting", "standing-up", "stretching", "lifting", "other"}
}

// Insights returns what the crack log says right now, most urgent first.
// Days are calendar days in loc; entries after now are ignored. The rules:
//
//   - pain on cracks on 3 or more different days of the last 7: pain that
//     lasts more than a few days (see someone);
//   - otherwise, any crack with pain 1 or more in the last 7 days (see
//     someone); the rule above covers the same entries and says the same;
//   - 3 or more pairs of back-to-back cracks under 20 minutes apart on one
//     day of the last 7 (see someone; seed 001);
//   - cracks on more than half of the last 14 days, once the history covers
//     14 days, or more cracks each week than the week before, 3 weeks
//     running: build core strength and get checked (see someone).
func Insights(entries []store.Entry, now time.Time, loc *time.Location) []Insight {
	cracks := crackEntries(entries, now)
	var out []Insight
	if in, ok := painLasting(cracks, now, loc); ok {
		out = append(out, in)
	} else if in, ok := painful(cracks, now, loc); ok {
		out = append(out, in)
	}
	if in, ok := tooOften(cracks, now, loc); ok {
		out = append(out, in)
	}
	if in, ok := frequent(cracks, firstEntry(entries, now), now, loc); ok {
		out = append(out, in)
	}
	return out
}

// crackEntries returns the crack entries up to now, oldest first.
func crackEntries(entries []store.Entry, now time.Time) []store.Entry {
	var out []store.Entry
	for _, e := range entries {
		if e.Type == store.EntryCrack && !e.At.After(now) {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b store.Entry) int { return a.At.Compare(b.At) })
	return out
}

// firstEntry returns the time of the oldest entry of any type, or now.
func firstEntry(entries []store.Entry, now time.Time) time.Time {
	first := now
	for _, e := range entries {
		if e.At.Before(first) {
			first = e.At
		}
	}
	return first
}

// dayStart returns midnight in loc of the day t falls on, moved by add days.
func dayStart(t time.Time, loc *time.Location, add int) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d+add, 0, 0, 0, 0, loc)
}

// since returns the entries from the start of the day n-1 days before now,
// so n = 7 gives today and the six days before.
func since(cracks []store.Entry, now time.Time, loc *time.Location, n int) []store.Entry {
	from := dayStart(now, loc, 1-n)
	i, _ := slices.BinarySearchFunc(cracks, from, func(e store.Entry, t time.Time) int { return e.At.Compare(t) })
	return cracks[i:]
}

// redFlags says when not to wait (seeds 000–002, 004).
func redFlags() string {
	return i18n.T("Go soon if the pain stings or throbs, a joint locks, you were recently hurt, " +
		"or you feel numbness, tingling or pain spreading into your legs.")
}

func hurts(e store.Entry) bool { return e.Pain != nil && *e.Pain >= 1 }

func painLasting(cracks []store.Entry, now time.Time, loc *time.Location) (Insight, bool) {
	var ev []store.Entry
	days := map[string]bool{}
	for _, e := range since(cracks, now, loc, recentDays) {
		if hurts(e) {
			ev = append(ev, e)
			days[dateKey(e.At, loc)] = true
		}
	}
	if len(days) < painDaysLasting {
		return Insight{}, false
	}
	return Insight{
		ID:    InsightPainLasting,
		Title: i18n.T("Pain on several days"),
		Message: i18n.T("You noted pain with a crack on {{.Days}} different days in the last week ({{.Cracks}}). "+
			"Cracking that hurts is not the harmless kind, and pain that lasts more than a few days is worth "+
			"showing to a physiotherapist or doctor. Don't try to make it crack again.",
			map[string]any{"Days": len(days), "Cracks": listPain(ev, loc)}) + " " + redFlags(),
		Evidence:   times(ev),
		SeeSomeone: true,
	}, true
}

func painful(cracks []store.Entry, now time.Time, loc *time.Location) (Insight, bool) {
	var ev []store.Entry
	for _, e := range since(cracks, now, loc, recentDays) {
		if hurts(e) {
			ev = append(ev, e)
		}
	}
	if len(ev) == 0 {
		return Insight{}, false
	}
	return Insight{
		ID:    InsightPain,
		Title: i18n.T("Cracking with pain"),
		Message: i18n.T("You noted pain with a crack ({{.Cracks}}). Cracking that hurts is not the harmless kind: "+
			"don't try to make it crack again, and see a physiotherapist or doctor.",
			map[string]any{"Cracks": listPain(ev, loc)}) + " " + redFlags(),
		Evidence:   times(ev),
		SeeSomeone: true,
	}, true
}

// tooOften finds days with closePairsPerDay or more pairs of consecutive
// cracks less than closeGap apart, both on that day.
func tooOften(cracks []store.Entry, now time.Time, loc *time.Location) (Insight, bool) {
	var ev []store.Entry
	var parts []string
	for _, day := range byDay(since(cracks, now, loc, recentDays), loc) {
		pairs := 0
		inPair := map[int]bool{}
		for i := 1; i < len(day); i++ {
			if day[i].At.Sub(day[i-1].At) < closeGap {
				pairs++
				inPair[i-1], inPair[i] = true, true
			}
		}
		if pairs < closePairsPerDay {
			continue
		}
		var clocks []string
		for i, e := range day {
			if inPair[i] {
				ev = append(ev, e)
				clocks = append(clocks, e.At.In(loc).Format("15:04"))
			}
		}
		parts = append(parts, i18n.T("{{.Day}} at {{.Times}}",
			map[string]string{"Day": i18n.Date(day[0].At.In(loc)), "Times": strings.Join(clocks, ", ")}))
	}
	if len(ev) == 0 {
		return Insight{}, false
	}
	return Insight{
		ID:    InsightTooOften,
		Title: i18n.T("Cracking again within 20 minutes"),
		Message: i18n.T("You cracked your back again less than 20 minutes after the last time, over and over: {{.Days}}. "+
			"A joint needs about 20 minutes before it can pop again on its own, so needing it this often points "+
			"to something a physiotherapist, doctor or chiropractor should look at.",
			map[string]string{"Days": strings.Join(parts, "; ")}),
		Evidence:   times(ev),
		SeeSomeone: true,
	}, true
}

// byDay splits time-ordered entries into runs on the same day in loc.
func byDay(es []store.Entry, loc *time.Location) [][]store.Entry {
	var out [][]store.Entry
	for i, e := range es {
		if i == 0 || dateKey(e.At, loc) != dateKey(es[i-1].At, loc) {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], e)
	}
	return out
}

func frequent(cracks []store.Entry, first, now time.Time, loc *time.Location) (Insight, bool) {
	why, ev := mostDays(cracks, first, now, loc)
	if ev == nil {
		why, ev = rising(cracks, now, loc)
	}
	if ev == nil {
		return Insight{}, false
	}
	return Insight{
		ID:    InsightFrequent,
		Title: i18n.T("Cracking often"),
		Message: why + " " + i18n.T("Needing to crack this often usually means the muscles around your spine could use "+
			"more support.") + " " + coreAdvice() + " " + i18n.T("It is also worth having a physiotherapist check your back."),
		Evidence:   times(ev),
		SeeSomeone: true,
	}, true
}

// mostDays applies the most-days rule: cracks on more than half of the last
// frequentDays days, with history going back at least that far.
func mostDays(cracks []store.Entry, first, now time.Time, loc *time.Location) (string, []store.Entry) {
	if !first.Before(dayStart(now, loc, 2-frequentDays)) {
		return "", nil // fewer than frequentDays days of history
	}
	ev := since(cracks, now, loc, frequentDays)
	var dates []string
	for _, day := range byDay(ev, loc) {
		dates = append(dates, i18n.Date(day[0].At.In(loc)))
	}
	if 2*len(dates) <= frequentDays {
		return "", nil
	}
	return i18n.T("You logged cracks on {{.Days}} of the last {{.Of}} days ({{.Dates}}).",
		map[string]any{"Days": len(dates), "Of": frequentDays, "Dates": strings.Join(dates, ", ")}), ev
}

// rising applies the rising rule: each of the last risingWeeks weeks (7-day
// blocks ending today) has more cracks than the week before it.
func rising(cracks []store.Entry, now time.Time, loc *time.Location) (string, []store.Entry) {
	counts := make([]int, risingWeeks+1) // oldest first
	var ev []store.Entry
	for _, e := range since(cracks, now, loc, 7*(risingWeeks+1)) {
		ago := int(dayStart(now, loc, 0).Sub(dayStart(e.At, loc, 0)).Hours()+12) / 24
		counts[risingWeeks-ago/7]++
		ev = append(ev, e)
	}
	for i := 1; i < len(counts); i++ {
		if counts[i] <= counts[i-1] {
			return "", nil
		}
	}
	words := make([]string, len(counts))
	for i, c := range counts {
		words[i] = fmt.Sprint(c)
	}
	return i18n.T("Your cracks have gone up every week for {{.Weeks}} weeks: {{.Counts}} in the last {{.Of}} weeks, oldest first (from {{.From}} to {{.To}}).",
		map[string]any{
			"Weeks": risingWeeks, "Counts": strings.Join(words, ", "), "Of": len(counts),
			"From": i18n.Date(ev[0].At.In(loc)), "To": i18n.Date(ev[len(ev)-1].At.In(loc)),
		}), ev
}

// coreAdvice names the core-strength routine from the library.
func coreAdvice() string {
	for _, r := range exercises.Routines() {
		if r.ID == coreRoutineID {
			return i18n.T("Try the \"{{.Routine}}\" routine ({{.Minutes}} minutes, {{.When}}).",
				map[string]any{"Routine": r.Name, "Minutes": r.Minutes, "When": r.When})
		}
	}
	return i18n.T("Try some gentle core-strength work, such as planks and bird-dogs, a few times a week.")
}

func listPain(es []store.Entry, loc *time.Location) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = i18n.T("{{.When}}, pain {{.Pain}}/10", map[string]any{"When": i18n.DateTime(e.At.In(loc)), "Pain": *e.Pain})
	}
	return strings.Join(parts, "; ")
}

func times(es []store.Entry) []time.Time {
	out := make([]time.Time, len(es))
	for i, e := range es {
		out[i] = e.At
	}
	return out
}

func dateKey(t time.Time, loc *time.Location) string { return t.In(loc).Format(time.DateOnly) }
