package main

import (
	"errors"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/limber-app/limber/app/daemon"
	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/store"
	"github.com/limber-app/limber/exercises"
)

func runResident(stderr io.Writer) int {
	log.SetFlags(log.Ltime)
	log.SetPrefix("limber: ")
	// The language of the tray, notifications and stretch library, from the
	// locale; limber-ui picks the same one from the same environment.
	language := i18n.Pick(os.Getenv)
	i18n.SetLanguage(language)
	if err := exercises.SetLanguage(language); err != nil {
		log.Print(err) // the stretch library stays in English
	}
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
