package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/limber-app/limber/app/stats"
	"github.com/limber-app/limber/app/store"
	"github.com/limber-app/limber/exercises"
)

// maxNoteRunes caps --note, so a history line stays far below the 1 MiB a
// history reader accepts.
const maxNoteRunes = 500

// crackResult is the output of `limber crack --json`.
type crackResult struct {
	Saved    store.Entry     `json:"saved"`
	Insights []stats.Insight `json:"insights"`
}

// runCrack logs a back crack straight to the history file (one O_APPEND
// write, so it needs no running Limber and cannot tear another writer's
// line), then says what the crack log now shows.
func runCrack(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("crack", stderr)
	where := fs.String("where", "", "where it cracked: "+strings.Join(stats.WhereValues(), ", "))
	pain := fs.String("pain", "", "how much it hurt, from 0 (not at all) to 10")
	during := fs.String("during", "", "what you were doing: "+strings.Join(stats.DuringValues(), ", "))
	note := fs.String("note", "", "a few words of your own")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, `limber crack takes no arguments; put your words in --note "..."`)
		return exitBadInput
	}
	e, err := crackEntry(time.Now().Round(0), *where, *pain, *during, *note)
	if err != nil {
		fmt.Fprintln(stderr, "limber crack:", err)
		return exitBadInput
	}
	h := store.History{Path: store.DefaultPaths().History}
	if err := h.Append(e); err != nil {
		fmt.Fprintln(stderr, "limber crack: the crack was not saved:", err)
		return exitNotRunning
	}
	entries, _, err := h.ReadAll()
	if err != nil {
		fmt.Fprintln(stderr, "limber crack: saved, but the history could not be read back:", err)
		entries = []store.Entry{e}
	}
	insights := stats.Insights(entries, e.At, time.Local)
	if *asJSON {
		return printIndentedJSON(crackResult{Saved: e, Insights: emptyIfNil(insights)}, stdout, stderr)
	}
	fmt.Fprintf(stdout, "Crack logged: %s.\n", describeCrack(e))
	if len(insights) == 0 {
		fmt.Fprintln(stdout, "Nothing in your crack log needs attention. The odd painless crack is normal;")
		fmt.Fprintln(stdout, "let cracks happen on their own and never force one.")
		return exitOK
	}
	printInsights(stdout, insights)
	return exitOK
}

// crackEntry validates the flags of `limber crack` and builds the entry.
func crackEntry(now time.Time, where, pain, during, note string) (store.Entry, error) {
	e := store.Entry{At: now, Type: store.EntryCrack, Where: where, During: during, Note: strings.TrimSpace(note)}
	if where != "" && !slices.Contains(stats.WhereValues(), where) {
		return e, fmt.Errorf("--where %q: want one of %s", where, strings.Join(stats.WhereValues(), ", "))
	}
	if during != "" && !slices.Contains(stats.DuringValues(), during) {
		return e, fmt.Errorf("--during %q: want one of %s", during, strings.Join(stats.DuringValues(), ", "))
	}
	if pain != "" {
		n, err := strconv.Atoi(pain)
		if err != nil || n < 0 || n > 10 {
			return e, fmt.Errorf("--pain %q: want a whole number from 0 (no pain) to 10 (worst)", pain)
		}
		e.Pain = &n
	}
	if n := utf8.RuneCountInString(e.Note); n > maxNoteRunes {
		return e, fmt.Errorf("--note is %d characters long: keep it to %d", n, maxNoteRunes)
	}
	if !utf8.ValidString(e.Note) {
		return e, errors.New("--note is not valid UTF-8 text")
	}
	return e, nil
}

// describeCrack says when, where and how a crack happened, in words.
func describeCrack(e store.Entry) string {
	parts := []string{e.At.Local().Format("Mon 2 Jan 15:04")}
	switch e.Where {
	case "lower", "upper":
		parts = append(parts, e.Where+" back")
	case "neck":
		parts = append(parts, "neck")
	}
	if e.During != "" {
		parts = append(parts, "while "+strings.ReplaceAll(e.During, "-", " "))
	}
	if e.Pain != nil {
		parts = append(parts, fmt.Sprintf("pain %d/10", *e.Pain))
	}
	if e.Note != "" {
		parts = append(parts, strconv.Quote(e.Note))
	}
	return strings.Join(parts, ", ")
}

// printInsights prints each insight and, if any says to see someone, the
// not-medical-advice line.
func printInsights(w io.Writer, insights []stats.Insight) {
	see := false
	for _, in := range insights {
		fmt.Fprintf(w, "\n%s\n  %s\n", in.Title, in.Message)
		see = see || in.SeeSomeone
	}
	if see {
		fmt.Fprintln(w, "\n"+exercises.Safety().NotAdvice)
	}
}

// printIndentedJSON prints v as indented JSON.
func printIndentedJSON(v any, stdout, stderr io.Writer) int {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		fmt.Fprintln(stderr, "limber:", err)
		return exitNotRunning
	}
	fmt.Fprintln(stdout, string(b))
	return exitOK
}

// emptyIfNil returns s, or an empty slice for nil, so JSON shows [] not null.
func emptyIfNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
