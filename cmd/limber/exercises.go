package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/limber-app/limber/exercises"
)

func runExercises(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("exercises", stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	place := fs.String("place", "", "only exercises for this place: desk, standing, floor, bar, gym")
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	valid := []string{"desk", "standing", "floor", "bar", "gym"}
	if *place != "" && !slices.Contains(valid, *place) {
		fmt.Fprintf(stderr, "limber exercises: --place %q: want one of %s\n", *place, strings.Join(valid, ", "))
		return exitBadInput
	}
	var list []exercises.Exercise
	for _, ex := range exercises.All() {
		if *place == "" || string(ex.Place) == *place {
			list = append(list, ex)
		}
	}
	if *asJSON {
		b, err := json.MarshalIndent(list, "", "  ")
		if err != nil {
			fmt.Fprintln(stderr, "limber exercises:", err)
			return exitBadInput
		}
		fmt.Fprintln(stdout, string(b))
		return exitOK
	}
	for _, ex := range list {
		fmt.Fprintf(stdout, "%-28s %-9s %-22s %s\n", ex.ID, ex.Place, dose(ex), ex.Name)
	}
	return exitOK
}

// dose says how long or how often, e.g. "30s each side" or "10 reps".
func dose(ex exercises.Exercise) string {
	var parts []string
	if ex.Hold > 0 {
		parts = append(parts, fmt.Sprintf("%ds", int(ex.Hold.Seconds())))
	}
	if ex.Reps > 0 {
		parts = append(parts, fmt.Sprintf("%d reps", ex.Reps))
	}
	s := strings.Join(parts, ", ")
	if ex.Sides == exercises.EachSide {
		s += " each side"
	}
	return s
}
