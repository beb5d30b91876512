// Package tray is Limber's system tray icon and menu, on fyne.io/systray
// (StatusNotifierItem and dbusmenu on Linux).
package tray

import (
	"sync"

	"fyne.io/systray"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/icons"
)

// Action is a menu choice the user made.
type Action int

// The menu's actions.
const (
	StartStretch Action = iota + 1
	PostureCheck
	Pause30
	PauseHour
	Pause2Hours
	PauseTomorrow
	PauseIndefinitely
	Resume
	Settings
	Safety
	LogCrack
	Statistics
	StartRoutine // Choice.Routine says which
	Quit
)

// Choice is what the user picked in the menu.
type Choice struct {
	Action  Action
	Routine string // the routine id, for StartRoutine
}

// Routine is a routine as the menu lists it.
type Routine struct {
	ID, Name string
}

// State selects the tray icon.
type State int

// The tray icon states.
const (
	Normal State = iota
	Due
	Paused
	OffHours
)

// Tray is the running tray icon. Its methods are safe for concurrent use.
type Tray struct {
	actions chan Choice
	end     func()

	mu     sync.Mutex
	status *systray.MenuItem
	pause  *systray.MenuItem
	resume *systray.MenuItem
	text   string
	state  State
}

// Start puts the icon in the tray, with text as the status row and the icon
// for state, and returns once the menu is built; the Routines submenu lists
// routines. The menu's choices arrive on Actions. Stop removes the icon.
func Start(routines []Routine, text string, state State) *Tray {
	t := &Tray{actions: make(chan Choice, 8), state: state, text: text}
	ready := make(chan struct{})
	start, end := systray.RunWithExternalLoop(func() {
		t.build(routines)
		close(ready)
	}, nil)
	t.end = end
	start()
	<-ready
	return t
}

func (t *Tray) build(routines []Routine) {
	systray.SetIcon(iconFor(t.state))
	systray.SetTitle("Limber")
	systray.SetTooltip("Limber — " + t.text)
	t.status = systray.AddMenuItem(t.text, "")
	t.status.Disable()
	systray.AddSeparator()
	t.item(i18n.T("Start a stretch now"), StartStretch)
	t.item(i18n.T("Posture check now"), PostureCheck)
	if len(routines) > 0 {
		menu := systray.AddMenuItem(i18n.T("Routines"), i18n.T("Guided sequences of stretches"))
		for _, r := range routines {
			go t.forwardChoice(menu.AddSubMenuItem(r.Name, "").ClickedCh, Choice{Action: StartRoutine, Routine: r.ID})
		}
	}
	t.pause = systray.AddMenuItem(i18n.T("Pause"), i18n.T("No reminders for a while"))
	for _, p := range []struct {
		label string
		a     Action
	}{
		{i18n.T("Pause for 30 minutes"), Pause30},
		{i18n.T("Pause for 1 hour"), PauseHour},
		{i18n.T("Pause for 2 hours"), Pause2Hours},
		{i18n.T("Pause until tomorrow"), PauseTomorrow},
		{i18n.T("Pause until I resume"), PauseIndefinitely},
	} {
		go t.forward(t.pause.AddSubMenuItem(p.label, "").ClickedCh, p.a)
	}
	t.resume = t.item(i18n.T("Resume"), Resume)
	t.resume.Hide()
	systray.AddSeparator()
	t.item(i18n.T("Log a back crack…"), LogCrack)
	t.item(i18n.T("Statistics…"), Statistics)
	t.item(i18n.T("Settings…"), Settings)
	t.item(i18n.T("Safety guide"), Safety)
	systray.AddSeparator()
	t.item(i18n.T("Quit"), Quit)
}

func (t *Tray) item(label string, a Action) *systray.MenuItem {
	it := systray.AddMenuItem(label, "")
	go t.forward(it.ClickedCh, a)
	return it
}

func (t *Tray) forward(ch <-chan struct{}, a Action) {
	t.forwardChoice(ch, Choice{Action: a})
}

func (t *Tray) forwardChoice(ch <-chan struct{}, c Choice) {
	for range ch {
		t.actions <- c
	}
}

// Actions delivers the user's menu choices.
func (t *Tray) Actions() <-chan Choice { return t.actions }

// Show sets the status row, the tooltip and the icon. It changes only what
// differs from what is shown, one item at a time: rebuilding the menu would
// close it under the user's pointer on some desktops.
func (t *Tray) Show(text string, state State) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if text != t.text {
		t.text = text
		t.status.SetTitle(text)
		systray.SetTooltip("Limber — " + text)
	}
	if state == t.state {
		return
	}
	wasPaused := t.state == Paused
	t.state = state
	systray.SetIcon(iconFor(state))
	switch {
	case state == Paused && !wasPaused:
		t.pause.Hide()
		t.resume.Show()
	case state != Paused && wasPaused:
		t.resume.Hide()
		t.pause.Show()
	}
}

func iconFor(s State) []byte {
	switch s {
	case Due:
		return icons.TrayDue
	case Paused:
		return icons.TrayPaused
	case OffHours:
		return icons.TrayOff
	default:
		return icons.TrayNormal
	}
}

// Stop removes the icon from the tray.
func (t *Tray) Stop() {
	t.end()
}
