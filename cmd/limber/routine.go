package main

import (
	"fmt"
	"io"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/exercises"
)

func runRoutine(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("routine", stderr)
	list := fs.Bool("list", false, "list the routines")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: limber routine ID   (limber routine --list shows the ids)")
	}
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	if *list {
		for _, r := range exercises.Routines() {
			fmt.Fprintf(stdout, "%-22s %2d min  %-22s %s\n", r.ID, r.Minutes, r.When, r.Name)
		}
		return exitOK
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitBadInput
	}
	_, code := call(control.Request{Cmd: "routine", Args: fs.Args()}, stderr)
	return code
}
