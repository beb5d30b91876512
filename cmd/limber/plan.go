package main

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/limber-app/limber/app/store"
	"github.com/limber-app/limber/reminders"
)

// planEntry is one line of `limber plan --json`.
type planEntry struct {
	At      string `json:"at"`
	Kind    string `json:"kind"`
	Routine string `json:"routine,omitempty"`
}

func runPlan(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("plan", stderr)
	from := fs.String("from", "", "start of the window, RFC 3339 (default: now)")
	to := fs.String("to", "", "end of the window, RFC 3339 (default: end of the day)")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	start, end, err := planWindow(*from, *to, time.Now())
	if err != nil {
		fmt.Fprintln(stderr, "limber plan:", err)
		return exitBadInput
	}
	lim, err := store.LimitsFromEnv()
	if err != nil {
		fmt.Fprintln(stderr, "limber plan:", err)
		return exitBadInput
	}
	cfg, _, err := store.LoadConfig(store.DefaultPaths().Config, lim)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitBadInput
	}
	plan := reminders.Plan(cfg.EngineSchedule(), start, end)
	if *asJSON {
		return printPlanJSON(plan, start.Location(), stdout)
	}
	if len(plan) == 0 {
		fmt.Fprintf(stdout, "No reminders between %s and %s.\n", start.Format("Mon 2 Jan 15:04"), end.Format("Mon 2 Jan 15:04"))
	}
	for _, r := range plan {
		what := string(r.Kind)
		if r.Routine != "" {
			what += " " + r.Routine
		}
		fmt.Fprintf(stdout, "%s  %s\n", r.At.In(start.Location()).Format("Mon 02 Jan 15:04"), what)
	}
	return exitOK
}

func printPlanJSON(plan []reminders.Reminder, loc *time.Location, stdout io.Writer) int {
	out := make([]planEntry, len(plan))
	for i, r := range plan {
		out[i] = planEntry{At: r.At.In(loc).Format(time.RFC3339), Kind: string(r.Kind), Routine: r.Routine}
	}
	b, _ := json.MarshalIndent(out, "", "  ")
	fmt.Fprintln(stdout, string(b))
	return exitOK
}

// planWindow parses the --from and --to flags; empty means now and the end
// of that day.
func planWindow(from, to string, now time.Time) (time.Time, time.Time, error) {
	start := now
	if from != "" {
		t, err := time.Parse(time.RFC3339, from)
		if err != nil {
			return start, start, fmt.Errorf("--from %q: want a time such as 2026-03-30T09:00:00+02:00", from)
		}
		start = t
	}
	y, m, d := start.Date()
	end := time.Date(y, m, d+1, 0, 0, 0, 0, start.Location())
	if to != "" {
		t, err := time.Parse(time.RFC3339, to)
		if err != nil {
			return start, start, fmt.Errorf("--to %q: want a time such as 2026-03-30T18:00:00+02:00", to)
		}
		end = t
	}
	if !end.After(start) {
		return start, end, fmt.Errorf("--to must be after --from")
	}
	return start, end, nil
}
