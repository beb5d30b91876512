package main

import (
	"errors"
	"fmt"
	"io"
	"log"

	"github.com/limber-app/limber/app/daemon"
	"github.com/limber-app/limber/app/store"
)

func runResident(stderr io.Writer) int {
	log.SetFlags(log.Ltime)
	log.SetPrefix("limber: ")
	lim, err := store.LimitsFromEnv()
	if err != nil {
		fmt.Fprintln(stderr, "limber:", err)
		return exitBadInput
	}
	err = daemon.Run(store.DefaultPaths(), lim)
	if errors.Is(err, daemon.ErrRunning) {
		fmt.Fprintln(stderr, "limber: already running; opened its settings window")
		return exitOK
	}
	if err != nil {
		fmt.Fprintln(stderr, "limber:", err)
		return exitNotRunning
	}
	return exitOK
}
