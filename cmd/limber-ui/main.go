// Limber-ui shows Limber's windows. The resident limber process starts it on
// demand and talks to it over standard input and output, one JSON object per
// line; it exits on its own a while after its last window closes.
package main

import (
	"log"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/i18n/fynelang"
	"github.com/limber-app/limber/app/ui"
	"github.com/limber-app/limber/app/winplace"
	"github.com/limber-app/limber/exercises"
	"github.com/limber-app/limber/icons"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

func main() {
	log.SetPrefix("limber-ui: ")
	useLanguage(i18n.Pick(os.Getenv))
	a := app.NewWithID("app.limber.Limber")
	a.SetIcon(fyne.NewStaticResource("limber.png", icons.AppIcon))
	c := ui.NewController(a, os.Stdin, os.Stdout, nil)
	idle, err := ui.ParseIdleExit(os.Getenv("LIMBER_UI_IDLE"))
	if err != nil {
		log.Printf("LIMBER_UI_IDLE: %v; using %v", err, ui.DefaultIdleExit)
		idle = ui.DefaultIdleExit
	}
	c.IdleExit = idle
	c.Version = version
	c.Placer = &winplace.Placer{}
	c.Start()
	a.Run()
}

// useLanguage makes the windows speak the language code, the one the
// resident limber picks from the same environment and system settings.
func useLanguage(code string) {
	i18n.SetLanguage(code)
	if err := exercises.SetLanguage(code); err != nil {
		log.Print(err) // the stretch library stays in English
	}
	if err := fynelang.Use(code); err != nil {
		log.Print(err)
	}
}
