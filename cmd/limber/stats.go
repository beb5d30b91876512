package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/limber-app/limber/app/stats"
	"github.com/limber-app/limber/app/store"
)

// statsMaxDays is the most days --days accepts.
const statsMaxDays = 400

// neverShown is how many never-done stretches the text output names.
const neverShown = 8

// statsResult is the output of `limber stats --json`.
type statsResult struct {
	Summary  stats.Summary   `json:"summary"`
	Insights []stats.Insight `json:"insights"`
}

func runStats(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("stats", stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	asCSV := fs.Bool("csv", false, "print the whole history as CSV")
	days := fs.Int("days", 30, fmt.Sprintf("how many days to show, 1 to %d", statsMaxDays))
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "limber stats takes no arguments")
		return exitBadInput
	}
	if *days < 1 || *days > statsMaxDays {
		fmt.Fprintf(stderr, "limber stats: --days %d: want a number of days from 1 to %d\n", *days, statsMaxDays)
		return exitBadInput
	}
	entries, _, err := store.History{Path: store.DefaultPaths().History}.ReadAll()
	if err != nil {
		fmt.Fprintln(stderr, "limber stats: the history could not be read:", err)
		return exitNotRunning
	}
	if *asCSV {
		if err := stats.CSV(stdout, entries); err != nil {
			fmt.Fprintln(stderr, "limber stats:", err)
			return exitNotRunning
		}
		return exitOK
	}
	now := time.Now()
	lim, _ := store.LimitsFromEnv()
	cfg, _, err := store.LoadConfig(store.DefaultPaths().Config, lim)
	if err != nil {
		fmt.Fprintln(stderr, err) // the defaults stand in
	}
	sum := stats.Summarize(entries, now, time.Local, *days, cfg.Behaviour.DailyGoal, cfg.Workday)
	insights := stats.Insights(entries, now, time.Local)
	if *asJSON {
		return printIndentedJSON(statsResult{Summary: sum, Insights: emptyIfNil(insights)}, stdout, stderr)
	}
	printToday(stdout, sum)
	printDays(stdout, sum.Days)
	printDone(stdout, sum)
	if len(insights) > 0 {
		fmt.Fprintln(stdout, "\nYour crack log:")
		printInsights(stdout, insights)
	}
	return exitOK
}

func printToday(w io.Writer, s stats.Summary) {
	t := s.Today
	fmt.Fprintf(w, "Today: %s done (about %d minutes of stretching); %s, %d snoozed, %d skipped.\n",
		plural(t.Done, "stand break"), t.MinutesStretched, plural(t.Due, "reminder"), t.Snoozed, t.Skipped)
	if t.Hurt > 0 {
		fmt.Fprintf(w, "%s hurt today. Stop any stretch that hurts; a gentle pull is fine, pain is not.\n", plural(t.Hurt, "stretch"))
	}
	if !t.LastBreak.IsZero() {
		fmt.Fprintf(w, "Last break: %s, %s ago.\n", t.LastBreak.Local().Format("Mon 2 Jan 15:04"), roughly(t.SinceLastBreak))
	}
	fmt.Fprintf(w, "Streak: %s in a row with %d or more breaks (best %d).\n", plural(s.Streak, "work day"), s.Goal, s.BestStreak)
}

// plural returns n and the noun, with an s (or es) unless n is 1.
func plural(n int, noun string) string {
	switch {
	case n == 1:
		return "1 " + noun
	case strings.HasSuffix(noun, "ch"):
		return fmt.Sprintf("%d %ses", n, noun)
	default:
		return fmt.Sprintf("%d %ss", n, noun)
	}
}

// roughly prints d in hours and minutes, or days when it is long.
func roughly(d time.Duration) string {
	switch {
	case d >= 48*time.Hour:
		return plural(int(d.Hours()/24), "day")
	case d >= time.Hour:
		return fmt.Sprintf("%dh %02dm", int(d.Hours()), int(d.Minutes())%60)
	default:
		return fmt.Sprintf("%d min", int(d.Minutes()))
	}
}

func printDays(w io.Writer, days []stats.Day) {
	fmt.Fprintf(w, "\n%-10s  %4s  %7s  %s\n", "Day", "Done", "Skipped", "Cracks")
	for _, d := range days {
		date, err := time.Parse(time.DateOnly, d.Date)
		label := d.Date
		if err == nil {
			label = date.Format("Mon 02 Jan")
		}
		fmt.Fprintf(w, "%-10s  %4d  %7d  %s\n", label, d.Done, d.Skipped, crackCell(d.Cracks))
	}
}

// crackCell is the number of cracks and the worst pain noted, e.g. "2 (pain 3)".
func crackCell(cracks []stats.Crack) string {
	if len(cracks) == 0 {
		return ""
	}
	worst := -1
	for _, c := range cracks {
		if c.Pain != nil {
			worst = max(worst, *c.Pain)
		}
	}
	if worst > 0 {
		return fmt.Sprintf("%d (pain %d)", len(cracks), worst)
	}
	return fmt.Sprint(len(cracks))
}

func printDone(w io.Writer, s stats.Summary) {
	var most []string
	for _, c := range s.MostDone[:min(5, len(s.MostDone))] {
		most = append(most, fmt.Sprintf("%s %d", c.ID, c.Count))
	}
	if len(most) > 0 {
		fmt.Fprintf(w, "\nMost done: %s\n", strings.Join(most, ", "))
	}
	if n := len(s.NeverDone); n > 0 {
		shown := s.NeverDone[:min(neverShown, n)]
		more := ""
		if n > len(shown) {
			more = fmt.Sprintf(" and %d more (see: limber exercises)", n-len(shown))
		}
		fmt.Fprintf(w, "Never done: %s%s\n", strings.Join(shown, ", "), more)
	}
}
