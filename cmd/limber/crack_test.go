package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/limber-app/limber/app/stats"
	"github.com/limber-app/limber/app/store"
)

// withState points XDG_STATE_HOME at a temporary folder and returns the
// history file's path there.
func withState(t *testing.T) string {
	t.Helper()
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	return store.DefaultPaths().History
}

func runWith(run func([]string, io.Writer, io.Writer) int, args ...string) (string, string, int) {
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return out.String(), errOut.String(), code
}

func TestCrack_BadInput(t *testing.T) {
	tests := []struct {
		args []string
		want string // in stderr
	}{
		{[]string{"--where", "knee"}, "--where \"knee\": want one of lower, upper, neck"},
		{[]string{"--during", "running"}, "--during \"running\": want one of sitting, standing-up, stretching, lifting, other"},
		{[]string{"--pain", "11"}, "--pain \"11\": want a whole number from 0"},
		{[]string{"--pain", "-1"}, "--pain \"-1\""},
		{[]string{"--pain", "a bit"}, "--pain \"a bit\""},
		{[]string{"--note", strings.Repeat("é", 501)}, "--note is 501 characters long"},
		{[]string{"loud"}, "takes no arguments"},
		{[]string{"--bogus"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		path := withState(t)
		_, errOut, code := runWith(runCrack, tt.args...)
		if code != exitBadInput || !strings.Contains(errOut, tt.want) {
			t.Errorf("crack %q = exit %d, stderr %q; want exit 2 and %q", tt.args, code, errOut, tt.want)
		}
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Errorf("crack %q wrote the history (stat: %v)", tt.args, err)
		}
	}
}

func TestCrack_SavesAndPrints(t *testing.T) {
	path := withState(t)
	out, errOut, code := runWith(runCrack, "--where", "lower", "--pain", "0", "--during", "standing-up", "--note", " after lunch ")
	if code != exitOK {
		t.Fatalf("crack exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"Crack logged:", "lower back", "while standing up", "pain 0/10", `"after lunch"`, "Nothing in your crack log"} {
		if !strings.Contains(out, want) {
			t.Errorf("crack printed %q, want %q in it", out, want)
		}
	}
	entries, _, err := store.History{Path: path}.ReadAll()
	if err != nil || len(entries) != 1 {
		t.Fatalf("history = %+v, %v; want one entry", entries, err)
	}
	e := entries[0]
	if e.Type != store.EntryCrack || e.Where != "lower" || e.Pain == nil || *e.Pain != 0 ||
		e.During != "standing-up" || e.Note != "after lunch" {
		t.Errorf("saved %+v", e)
	}
	if info, err := os.Stat(filepath.Dir(path)); err != nil || !info.IsDir() {
		t.Errorf("history folder: %v", err)
	}
}

func TestCrack_NoPainAskedIsOmitted(t *testing.T) {
	path := withState(t)
	if _, errOut, code := runWith(runCrack); code != exitOK {
		t.Fatalf("crack exit %d, stderr %q", code, errOut)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "pain") || !strings.Contains(string(data), `"type":"crack"`) {
		t.Errorf("history line = %s, want a crack with no pain", data)
	}
}

func TestCrack_JSONWithPain(t *testing.T) {
	withState(t)
	out, errOut, code := runWith(runCrack, "--pain", "3", "--json")
	if code != exitOK {
		t.Fatalf("crack exit %d, stderr %q", code, errOut)
	}
	var got crackResult
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("crack --json printed %q: %v", out, err)
	}
	if got.Saved.Pain == nil || *got.Saved.Pain != 3 || len(got.Insights) != 1 ||
		got.Insights[0].ID != stats.InsightPain || !got.Insights[0].SeeSomeone || len(got.Insights[0].Evidence) != 1 {
		t.Errorf("crack --json = %+v, want the saved crack and the pain insight", got)
	}
}

func TestCrack_JSONNoInsightsIsEmptyList(t *testing.T) {
	withState(t)
	out, _, _ := runWith(runCrack, "--json")
	if !strings.Contains(out, `"insights": []`) {
		t.Errorf("crack --json printed %s, want \"insights\": []", out)
	}
}

func TestCrack_FourInARowWarns(t *testing.T) {
	withState(t)
	var out string
	for range 4 {
		out, _, _ = runWith(runCrack)
	}
	if !strings.Contains(out, "less than 20 minutes") || !strings.Contains(out, "not medical advice") {
		t.Errorf("fourth crack printed %q, want the 20-minute insight and the not-advice line", out)
	}
}
