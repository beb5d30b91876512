package ui

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/store"
)

// behaviourFields are the Behaviour tab's controls.
type behaviourFields struct {
	sound, fullscreen, camera, microphone, dnd, typing, summary *widget.Check
	apps                                                        *widget.Entry
	appsErr                                                     *errorText
	goal                                                        *widget.Select
}

// goalChoices are the daily goals offered, in stand breaks.
var goalChoices = func() []string {
	var out []string
	for n := 1; n <= 12; n++ {
		out = append(out, strconv.Itoa(n))
	}
	return out
}()

func (s *settingsScreen) behaviourTab() fyne.CanvasObject {
	b := s.cfg.Behaviour
	f := &s.behaviour
	check := func(label string, on bool) *widget.Check {
		c := widget.NewCheck(label, nil)
		c.Checked = on
		return c
	}
	f.sound = check(lang.L("Play the desktop's sound with break reminders"), b.Sound)
	f.fullscreen = check(lang.L("a full-screen window is in front (a film, a slide show, a game)"), b.HoldFullscreen)
	f.camera = check(lang.L("the camera is in use (a video call)"), b.HoldCamera)
	f.microphone = check(lang.L("the microphone is in use (a call, a recording)"), b.HoldMicrophone)
	f.dnd = check(lang.L("the desktop's do-not-disturb is on"), b.HoldDoNotDisturb)
	f.typing = check(lang.L("Open the stretch card only at a pause in my typing"), b.TypingPause)
	f.summary = check(lang.L("A short summary when the work day ends"), b.DaySummary)

	f.apps = widget.NewMultiLineEntry()
	f.apps.SetPlaceHolder("zoom")
	f.apps.Text = strings.Join(b.PauseApps, "\n")
	f.apps.SetMinRowsVisible(5)
	f.appsErr = newErrorText()
	f.apps.OnChanged = func(string) {
		_, err := f.pauseApps()
		f.appsErr.set(errText(err))
		s.validate()
	}

	choices := slices.Clone(goalChoices)
	if g := strconv.Itoa(b.DailyGoal); !slices.Contains(choices, g) {
		choices = append(choices, g)
	}
	f.goal = widget.NewSelect(choices, nil)
	f.goal.SetSelected(strconv.Itoa(b.DailyGoal))

	box := container.NewVBox()
	if s.opt.OnAutostart != nil {
		box.Add(s.autostartCheck())
	}
	box.Add(f.sound)
	box.Add(widget.NewSeparator())
	box.Add(heading(lang.L("Hold a due break back while…")))
	box.Add(f.fullscreen)
	box.Add(f.camera)
	box.Add(f.microphone)
	box.Add(f.dnd)
	box.Add(widget.NewLabel(lang.L("…or while one of these programs runs (one name per line):")))
	box.Add(f.apps)
	box.Add(f.appsErr)
	box.Add(mutedText(lang.L("A held break is never dropped: it comes once, a minute after the hold ends.")))
	box.Add(f.typing)
	box.Add(widget.NewSeparator())
	box.Add(f.summary)
	box.Add(container.NewHBox(widget.NewLabel(lang.L("Stand breaks that make a good day:")), f.goal))
	return container.NewVScroll(box)
}

// pauseApps returns the program names as typed, one per line, blank lines
// left out, or what is wrong with them.
func (f *behaviourFields) pauseApps() ([]string, error) {
	apps := []string{}
	for i, line := range strings.Split(f.apps.Text, "\n") {
		name := strings.TrimSpace(line)
		if name == "" {
			continue
		}
		if strings.Contains(name, "/") {
			return nil, errors.New(lang.L("line {{.Line}}: {{.Name}}: a program's name, not its path (zoom, not /usr/bin/zoom)",
				map[string]any{"Line": i + 1, "Name": strconv.Quote(name)}))
		}
		if !slices.Contains(apps, name) {
			apps = append(apps, name)
		}
	}
	return apps, nil
}

// apply copies the tab's settings into b.
func (f *behaviourFields) apply(b *store.BehaviourPrefs) error {
	apps, err := f.pauseApps()
	if err != nil {
		return err
	}
	b.PauseApps = apps
	b.Sound = f.sound.Checked
	b.HoldFullscreen, b.HoldCamera = f.fullscreen.Checked, f.camera.Checked
	b.HoldMicrophone, b.HoldDoNotDisturb = f.microphone.Checked, f.dnd.Checked
	b.TypingPause, b.DaySummary = f.typing.Checked, f.summary.Checked
	if n, err := strconv.Atoi(f.goal.Selected); err == nil {
		b.DailyGoal = n
	}
	return nil
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
