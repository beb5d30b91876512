package exercises_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/limber-app/limber/exercises"
)

func TestRoutines_AreComplete(t *testing.T) {
	rs := exercises.Routines()
	seen := map[string]bool{}
	for _, r := range rs {
		if !idRE.MatchString(r.ID) || seen[r.ID] {
			t.Errorf("routine id %q is not kebab-case or is repeated", r.ID)
		}
		seen[r.ID] = true
		if r.Name == "" || r.When == "" || r.Why == "" || r.Minutes <= 0 {
			t.Errorf("%s: name, when, why and minutes are all required: %+v", r.ID, r)
		}
		if len(r.Steps) == 0 {
			t.Errorf("%s: no steps", r.ID)
		}
		for _, id := range r.Steps {
			if _, ok := exercises.Get(id); !ok {
				t.Errorf("%s: step %q is not in the library", r.ID, id)
			}
		}
		if len(r.Seeds) == 0 {
			t.Errorf("%s: no seeds", r.ID)
		}
		for _, s := range r.Seeds {
			if !slices.Contains(seedFiles, s) {
				t.Errorf("%s: unknown seed %q", r.ID, s)
			}
		}
	}
}

// TestRoutines_FollowSeed002 checks the daily spinal maintenance plan from
// seed 002 is there as written.
func TestRoutines_FollowSeed002(t *testing.T) {
	want := map[string]struct {
		minutes int
		steps   []string
	}{
		"morning-mobility":      {5, []string{"cat-cow"}},
		"midday-break":          {3, []string{"overhead-reach", "side-bend", "standing-back-extension"}},
		"evening-decompression": {7, []string{"knee-to-chest", "supine-twist"}},
		"weekly-strength":       {10, []string{"plank", "bird-dog", "bridge"}},
	}
	got := map[string]exercises.Routine{}
	for _, r := range exercises.Routines() {
		got[r.ID] = r
	}
	for id, w := range want {
		r, ok := got[id]
		if !ok {
			t.Errorf("Routines() lacks %s", id)
			continue
		}
		if r.Minutes != w.minutes || !slices.Equal(r.Steps, w.steps) {
			t.Errorf("%s = %d min %v, want %d min %v", id, r.Minutes, r.Steps, w.minutes, w.steps)
		}
	}
	if !strings.Contains(got["weekly-strength"].When, "twice a week") {
		t.Errorf("weekly-strength.When = %q, want twice a week", got["weekly-strength"].When)
	}
}

// TestSafety_CoversContent checks that every safety point CONTENT.md lists
// has a line, by a word or phrase that line must contain.
func TestSafety_CoversContent(t *testing.T) {
	s := exercises.Safety()
	tests := []struct {
		section string
		lines   []string
		needles []string
	}{
		{"stop", s.Stop, []string{"hurts", "jerk", "breath", "warm up"}},
		{"see someone", s.SeeSomeone, []string{"swelling", "20 minutes", "tingling", "balance", "injury", "stiffness", "throbbing", "locks", "never lets up", "few days"}},
		{"benign", s.Benign, []string{"now and then", "doesn't hurt", "single", "looser", "again straight away"}},
		{"concerning", s.Concerning, []string{"often", "pain", "grinds", "stiffer", "again and again"}},
		{"cracking", s.Cracking, []string{"on its own", "friends", "arthritis", "breathing"}},
		{"habits", s.Habits, []string{"30 to 45 minutes", "half hour", "lumbar roll", "eye level", "water", "crack log"}},
	}
	for _, tt := range tests {
		text := strings.ToLower(strings.Join(tt.lines, "\n"))
		for _, n := range tt.needles {
			if !strings.Contains(text, strings.ToLower(n)) {
				t.Errorf("Safety().%s does not mention %q", tt.section, n)
			}
		}
		if slices.Contains(tt.lines, "") {
			t.Errorf("Safety().%s has an empty line", tt.section)
		}
	}
	if !strings.Contains(s.NotAdvice, "not medical advice") {
		t.Errorf("Safety().NotAdvice = %q, want it to say plainly it is not medical advice", s.NotAdvice)
	}
}
