package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// withConfig points XDG_CONFIG_HOME at a temporary folder holding text as
// limber/config.toml ("" for no file).
func withConfig(t *testing.T, text string) {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
	t.Setenv("XDG_RUNTIME_DIR", filepath.Join(dir, "run"))
	t.Setenv("LIMBER_MIN_INTERVAL", "")
	if text == "" {
		return
	}
	if err := os.MkdirAll(filepath.Join(dir, "limber"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "limber", "config.toml"), []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

func runCLI(args ...string) (string, string, int) {
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return out.String(), errOut.String(), code
}

func TestPlan_JSONDefaultConfig(t *testing.T) {
	withConfig(t, "")
	out, errOut, code := runCLI("plan", "--json", "--from", "2026-03-30T00:00:00Z", "--to", "2026-03-31T00:00:00Z")
	if code != exitOK {
		t.Fatalf("plan exit %d, stderr %q", code, errOut)
	}
	var plan []planEntry
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatalf("plan --json output %q: %v", out, err)
	}
	if len(plan) == 0 {
		t.Fatal("plan --json gave no reminders for a Monday")
	}
	for _, p := range plan {
		if _, err := time.Parse(time.RFC3339, p.At); err != nil {
			t.Errorf("at %q is not RFC 3339: %v", p.At, err)
		}
		if p.Kind != "stand" && p.Kind != "posture" && p.Kind != "water" {
			t.Errorf("kind %q", p.Kind)
		}
	}
}

func TestPlan_TextLines(t *testing.T) {
	withConfig(t, "[reminders]\nposture_every = \"off\"\n[work_hours]\nmonday = [\"09:00-11:00\"]\n")
	saved := time.Local
	time.Local = time.UTC // work hours are read in the local zone
	t.Cleanup(func() { time.Local = saved })
	out, _, code := runCLI("plan", "--from", "2026-03-30T00:00:00Z", "--to", "2026-03-31T00:00:00Z")
	if code != exitOK {
		t.Fatalf("plan exit %d", code)
	}
	want := []string{"Mon 30 Mar 09:45  stand", "Mon 30 Mar 10:30  stand"}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("plan printed %q, want two stand breaks", out)
	}
	for i, w := range want {
		if lines[i] != w {
			t.Errorf("line %d = %q, want %q", i, lines[i], w)
		}
	}
}

func TestPlan_BrokenConfigExits2(t *testing.T) {
	withConfig(t, "[work_hours]\nmonday = [\"9-5\"]\n")
	_, errOut, code := runCLI("plan")
	if code != exitBadInput {
		t.Errorf("plan exit %d, want %d", code, exitBadInput)
	}
	if !strings.HasPrefix(errOut, `config.toml:2: work_hours.monday[0] "9-5": want HH:MM-HH:MM`) {
		t.Errorf("stderr = %q", errOut)
	}
}

func TestPlan_BadFlags(t *testing.T) {
	withConfig(t, "")
	if _, _, code := runCLI("plan", "--from", "yesterday"); code != exitBadInput {
		t.Errorf("plan --from yesterday: exit %d, want 2", code)
	}
}

func TestRemoteCommands_NotRunning(t *testing.T) {
	withConfig(t, "")
	for _, args := range [][]string{{"status"}, {"stretch"}, {"pause", "1h"}, {"resume"}, {"quit"}} {
		_, errOut, code := runCLI(args...)
		if code != exitNotRunning || !strings.Contains(errOut, "not running") {
			t.Errorf("limber %v with nothing running: exit %d, stderr %q", args, code, errOut)
		}
	}
}

func TestUnknownCommand(t *testing.T) {
	if _, _, code := runCLI("dance"); code != exitBadInput {
		t.Errorf("limber dance: exit %d, want 2", code)
	}
}

func TestExercises_PlaceFilter(t *testing.T) {
	out, _, code := runCLI("exercises", "--json", "--place", "desk")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var list []struct {
		ID    string `json:"id"`
		Place string `json:"place"`
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) < 5 {
		t.Errorf("only %d desk exercises", len(list))
	}
	for _, ex := range list {
		if ex.Place != "desk" {
			t.Errorf("%s has place %s", ex.ID, ex.Place)
		}
	}
	if _, _, code := runCLI("exercises", "--place", "sofa"); code != exitBadInput {
		t.Errorf("--place sofa: exit %d, want 2", code)
	}
}
