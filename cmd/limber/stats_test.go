package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/limber-app/limber/app/store"
)

func TestStats_BadDays(t *testing.T) {
	withState(t)
	for _, days := range []string{"0", "401", "-3", "lots"} {
		_, errOut, code := runWith(runStats, "--days", days)
		if code != exitBadInput || !strings.Contains(errOut, "-days") {
			t.Errorf("stats --days %s = exit %d, stderr %q; want exit 2 naming -days", days, code, errOut)
		}
	}
}

func TestStats_EmptyHistory(t *testing.T) {
	withState(t)
	out, errOut, code := runWith(runStats, "--days", "3")
	if code != exitOK {
		t.Fatalf("stats exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, "Today: 0 stand breaks done") || strings.Count(out, "\n") < 6 {
		t.Errorf("stats printed %q", out)
	}
}

func TestStats_WithHistory(t *testing.T) {
	path := withState(t)
	h := store.History{Path: path}
	now := time.Now().Round(0) // all at now, so all fall on today even just after midnight
	pain := 2
	for _, e := range []store.Entry{
		{At: now, Type: store.EntryDue, Kind: "stand"},
		{At: now, Type: store.EntryOutcome, Kind: "stand", Exercise: "cat-cow", Outcome: "done"},
		{At: now, Type: store.EntryCrack, Where: "neck", Pain: &pain},
	} {
		if err := h.Append(e); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := runWith(runStats)
	if code != exitOK {
		t.Fatalf("stats exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"Today: 1 stand break done", "1 reminder,", "Most done: cat-cow 1", "1 (pain 2)", "Cracking with pain", "not medical advice"} {
		if !strings.Contains(out, want) {
			t.Errorf("stats printed %q, want %q in it", out, want)
		}
	}

	out, errOut, code = runWith(runStats, "--json", "--days", "7")
	if code != exitOK {
		t.Fatalf("stats --json exit %d, stderr %q", code, errOut)
	}
	var got statsResult
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("stats --json printed %q: %v", out, err)
	}
	s := got.Summary
	if len(s.Days) != 7 || s.Today.Done != 1 || s.Goal != 6 || len(got.Insights) != 1 ||
		s.Today.LastBreak.IsZero() || s.Today.SinceLastBreak < 0 {
		t.Errorf("stats --json = %+v", got)
	}
}

func TestStats_CSV(t *testing.T) {
	withConfig(t, "")
	if _, errOut, code := runCLI("crack", "--where", "neck", "--pain", "0", "--note", "after a call, \"quick\""); code != exitOK {
		t.Fatalf("crack: exit %d, %s", code, errOut)
	}
	out, _, code := runCLI("stats", "--csv")
	if code != exitOK {
		t.Fatalf("stats --csv: exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || lines[0] != "at,type,kind,exercise,outcome,where,pain,during,note" || !strings.Contains(lines[1], `,crack,,,,neck,0,,"after a call, ""quick"""`) {
		t.Errorf("stats --csv = %q", out)
	}
}
