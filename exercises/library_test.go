package exercises_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/limber-app/limber/exercises"
	"github.com/limber-app/limber/icons"
)

// seedFiles are the source articles an entry may cite.
var seedFiles = []string{
	"000_2f403cd3cc8ff285.txt",
	"001_14303d2ff4e43465.txt",
	"002_1fff2721ae8f80fe.txt",
	"003_751ac84985f8028f.txt",
	"004_4f3d9ca5e1777a0f.txt",
}

// knownAreas is the body-area vocabulary, so filters and labels stay tidy.
var knownAreas = []string{
	"lower back", "upper back", "spine", "neck", "shoulders", "chest", "sides",
	"core", "hips", "glutes", "hamstrings", "legs", "whole body",
}

// contentExercises are the exercises CONTENT.md requires, by id.
var contentExercises = []string{
	"knee-to-chest",              // knee to chest
	"lower-back-rotation",        // lower back rotation (knees to one side)
	"bridge",                     // bridge
	"seated-lower-back-rotation", // seated lower back rotation
	"supine-twist",               // supine twist
	"seated-twist",               // seated twist
	"seated-twist-chair",         // seated twist, desk variant
	"cat-cow",                    // cat–cow
	"cobra",                      // cobra
	"childs-pose",                // child's pose
	"worlds-greatest-stretch",    // world's greatest stretch
	"seated-forward-bend",        // seated forward bend (floor)
	"chair-forward-fold",         // seated forward bend (desk)
	"overhead-reach",             // overhead reach
	"side-bend",                  // side bends
	"standing-back-extension",    // standing backward extension
	"bar-hang",                   // hanging from a pull-up bar
	"plank",                      // plank
	"side-plank",                 // side plank
	"bird-dog",                   // bird-dog
	"dead-bug",                   // dead bug
	"pelvic-tilt",                // pelvic tilt (floor)
	"seated-pelvic-tilt",         // pelvic tilt (desk)
	"air-squat",                  // air squats
	"walk",                       // walk
	"hamstring-stretch",          // hip and hamstring stretches
	"hip-flexor-stretch",         // hip and hamstring stretches
	"thoracic-extension",         // thoracic mobility (desk)
	"thoracic-rotation",          // thoracic mobility (standing)
	"slow-breathing",             // slow breathing instead of cracking
	"reverse-hyper",              // reverse hypers
	"back-extension-45",          // 45° back extensions
}

const maxStep = 90

var idRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// problems lists what is wrong with e, given every id in the library.
func problems(e exercises.Exercise, ids map[string]exercises.Exercise) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if !idRE.MatchString(e.ID) {
		bad("id %q is not kebab-case", e.ID)
	}
	if strings.TrimSpace(e.Name) == "" {
		bad("no name")
	}
	if !slices.Contains(exercises.Places(), e.Place) {
		bad("unknown place %q", e.Place)
	}
	if len(e.Areas) == 0 {
		bad("no body areas")
	}
	for _, a := range e.Areas {
		if !slices.Contains(knownAreas, a) {
			bad("unknown area %q", a)
		}
	}
	if n := len(e.Steps); n < 2 || n > 6 {
		bad("%d steps, want 2 to 6", n)
	}
	for i, s := range e.Steps {
		if len(strings.TrimSpace(s)) == 0 || len(s) > maxStep || !strings.HasSuffix(s, ".") {
			bad("step %d %q is empty, longer than %d bytes or unfinished", i+1, s, maxStep)
		}
	}
	if e.Hold <= 0 && e.Reps <= 0 {
		bad("neither hold nor reps")
	}
	if e.Hold < 0 || e.Reps < 0 || e.Hold%time.Second != 0 {
		bad("hold %v or reps %d invalid", e.Hold, e.Reps)
	}
	if e.Sides != exercises.OneSide && e.Sides != exercises.EachSide {
		bad("bad sides %q", e.Sides)
	}
	if strings.TrimSpace(e.Why) == "" || strings.Contains(e.Why, "\n") {
		bad("why must be one non-empty line")
	}
	if len(e.Cautions) == 0 || slices.Contains(e.Cautions, "") {
		bad("no cautions, or an empty one")
	}
	if len(e.Seeds) == 0 {
		bad("no seeds")
	}
	for _, s := range e.Seeds {
		if !slices.Contains(seedFiles, s) {
			bad("unknown seed %q", s)
		}
	}
	if e.VariantOf != "" {
		base, ok := ids[e.VariantOf]
		switch {
		case !ok:
			bad("variant of unknown %q", e.VariantOf)
		case e.VariantOf == e.ID || base.VariantOf != "":
			bad("variant of %q, which is itself or a variant", e.VariantOf)
		}
	}
	if _, ok := icons.Pictogram(e.ID, "#000000"); !ok {
		bad("no pictogram icons/pictograms/%s.svg", e.ID)
	}
	return out
}

func byID(all []exercises.Exercise) map[string]exercises.Exercise {
	m := make(map[string]exercises.Exercise, len(all))
	for _, e := range all {
		m[e.ID] = e
	}
	return m
}

func TestLibrary_EveryEntryIsComplete(t *testing.T) {
	all := exercises.All()
	ids := byID(all)
	if len(ids) != len(all) {
		t.Errorf("All() has %d entries but %d distinct ids", len(all), len(ids))
	}
	for _, e := range all {
		for _, p := range problems(e, ids) {
			t.Errorf("%s: %s", e.ID, p)
		}
	}
}

func TestLibrary_NoStrayPictograms(t *testing.T) {
	for _, id := range icons.PictogramIDs() {
		if _, ok := exercises.Get(id); !ok {
			t.Errorf("icons/pictograms/%s.svg has no exercise", id)
		}
	}
}

func TestLibrary_HasEveryContentExercise(t *testing.T) {
	for _, id := range contentExercises {
		if _, ok := exercises.Get(id); !ok {
			t.Errorf("Get(%q) not found; CONTENT.md requires it", id)
		}
	}
}

// TestProblems_CatchesEachMistake proves the validation can fail: each
// broken copy of a good entry must be reported.
func TestProblems_CatchesEachMistake(t *testing.T) {
	good := exercises.Exercise{
		ID: "side-bend", Name: "Side bend", Place: exercises.Standing, Areas: []string{"sides"},
		Steps: []string{"Stand tall.", "Lean to one side."}, Reps: 3, Sides: exercises.EachSide,
		Why: "It helps.", Cautions: []string{"Go gently."}, Seeds: []string{seedFiles[2]},
	}
	ids := map[string]exercises.Exercise{"side-bend": good}
	if p := problems(good, ids); len(p) != 0 {
		t.Fatalf("problems(good) = %v, want none", p)
	}
	tests := []struct {
		name  string
		spoil func(e *exercises.Exercise)
	}{
		{"bad id", func(e *exercises.Exercise) { e.ID = "Side Bend" }},
		{"no name", func(e *exercises.Exercise) { e.Name = " " }},
		{"unknown place", func(e *exercises.Exercise) { e.Place = "sofa" }},
		{"no areas", func(e *exercises.Exercise) { e.Areas = nil }},
		{"unknown area", func(e *exercises.Exercise) { e.Areas = []string{"elbow"} }},
		{"one step", func(e *exercises.Exercise) { e.Steps = e.Steps[:1] }},
		{"seven steps", func(e *exercises.Exercise) { e.Steps = slices.Repeat([]string{"Breathe."}, 7) }},
		{"long step", func(e *exercises.Exercise) { e.Steps[0] = strings.Repeat("x", maxStep) + "." }},
		{"empty step", func(e *exercises.Exercise) { e.Steps[1] = "" }},
		{"no hold or reps", func(e *exercises.Exercise) { e.Reps = 0 }},
		{"bad sides", func(e *exercises.Exercise) { e.Sides = "both" }},
		{"no why", func(e *exercises.Exercise) { e.Why = "" }},
		{"no cautions", func(e *exercises.Exercise) { e.Cautions = nil }},
		{"no seeds", func(e *exercises.Exercise) { e.Seeds = nil }},
		{"unknown seed", func(e *exercises.Exercise) { e.Seeds = []string{"005_made_up.txt"} }},
		{"unknown variant", func(e *exercises.Exercise) { e.VariantOf = "no-such-stretch" }},
		{"variant of itself", func(e *exercises.Exercise) { e.VariantOf = e.ID }},
		{"no pictogram", func(e *exercises.Exercise) { e.ID = "no-such-stretch" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := good
			e.Steps = slices.Clone(good.Steps)
			tt.spoil(&e)
			if p := problems(e, ids); len(p) == 0 {
				t.Errorf("problems(%+v) = none, want a complaint", e)
			}
		})
	}
}

func TestGet_UnknownID(t *testing.T) {
	if e, ok := exercises.Get("no-such-stretch"); ok {
		t.Errorf("Get(no-such-stretch) = %v, true; want false", e.ID)
	}
}

func TestAll_ReturnsCopies(t *testing.T) {
	a := exercises.All()
	a[0].Steps[0] = "changed"
	if b := exercises.All(); b[0].Steps[0] == "changed" {
		t.Error("All() shares its slices with the library; changing one result changed the next")
	}
}

func TestExercise_JSONHasHoldSeconds(t *testing.T) {
	e := exercises.Exercise{ID: "x", Hold: 30 * time.Second, Sides: exercises.EachSide}
	data, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if m["hold_seconds"] != 30.0 {
		t.Errorf("json.Marshal(%v) = %s, want hold_seconds 30", e.Hold, data)
	}
	var back exercises.Exercise
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if back.Hold != e.Hold || back.ID != e.ID || back.Sides != e.Sides {
		t.Errorf("round trip = %+v, want %+v", back, e)
	}
}
