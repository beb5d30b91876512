package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/store"
	"github.com/limber-app/limber/exercises"
)

// Settings window size, in Fyne units; the screen fits in it without
// scrolling anything but the stretch list.
const (
	settingsWidth  = 640
	settingsHeight = 600
)

// SettingsOptions says what the settings screen shows and whom it tells.
type SettingsOptions struct {
	// OnSave is called, on the Fyne goroutine, with the settings when the
	// user taps Save. A nil error means they were saved and the owner
	// closes the window; an error is shown next to the buttons.
	OnSave func(store.Config) error
	// OnCancel is called when the user taps Cancel.
	OnCancel func()
	// OnAutostart, when set, adds a "Start Limber when I log in" check to the
	// Behaviour tab, starting as Autostart; it applies at once, not on Save.
	OnAutostart func(on bool) error
	Autostart   bool
	// OnSafety, when set, adds a "Safety guide" button to the About tab.
	OnSafety func()
	// OnOpenFolder, when set, adds "Open folder" buttons next to the file
	// paths on the About tab; it is called with the folder.
	OnOpenFolder func(dir string)
	// Problems lists what is wrong with config.toml when it is broken (the
	// config passed in then holds what store.Salvage could read, the broken
	// settings at their defaults). Save stays off until the user chooses to
	// reset the broken settings.
	Problems store.Problems
	// ConfigPath and HistoryPath are shown on the About tab.
	ConfigPath, HistoryPath string
	// Version is Limber's version, shown on the About tab.
	Version string
	// MinInterval is LIMBER_MIN_INTERVAL: when set, every interval also
	// offers it as a choice, for demos and tests. Zero offers only the
	// normal choices.
	MinInterval time.Duration
}

// settingsScreen is the settings window's content and its state. Use it on
// the Fyne goroutine.
type settingsScreen struct {
	cfg store.Config
	opt SettingsOptions

	content fyne.CanvasObject
	tabs    *container.AppTabs

	intervals  intervalFields
	days       [7]*dayRow
	copyMonday *widget.Button
	places     []placeCheck
	placesErr  *errorText
	autoOpen   *widget.Check
	strict     *widget.Check
	exercises  []*exerciseRow
	headsUp    durationSelect
	outside    *widget.Check
	routines   []*routineRow
	behaviour  behaviourFields

	reset       *widget.Button
	bannerText  *widget.Label
	resetChosen bool

	status *errorText
	save   *widget.Button
	cancel *widget.Button
}

// NewSettingsScreen returns the settings window's content, showing cfg.
func NewSettingsScreen(cfg store.Config, opt SettingsOptions) fyne.CanvasObject {
	return newSettingsScreen(cfg, opt).content
}

func newSettingsScreen(cfg store.Config, opt SettingsOptions) *settingsScreen {
	s := &settingsScreen{cfg: cfg, opt: opt}
	s.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Schedule"), s.scheduleTab()),
		container.NewTabItem(lang.L("Work hours"), s.hoursTab()),
		container.NewTabItem(lang.L("Stretches"), s.stretchesTab()),
		container.NewTabItem(lang.L("Routines"), s.routinesTab()),
		container.NewTabItem(lang.L("Behaviour"), s.behaviourTab()),
		container.NewTabItem(lang.L("About"), s.aboutTab()),
	)
	s.content = container.NewBorder(s.banner(), s.buttons(), nil, nil, s.tabs)
	s.validate()
	return s
}

// banner lists the problems of a broken config file, or is nil.
func (s *settingsScreen) banner() fyne.CanvasObject {
	if len(s.opt.Problems) == 0 {
		return nil
	}
	s.bannerText = widget.NewLabel(lang.L("config.toml has mistakes. Limber runs on its last good settings until it is fixed. " +
		"Below are the settings it could read, with the broken ones at their defaults:"))
	s.bannerText.Wrapping = fyne.TextWrapWord
	s.bannerText.Importance = widget.WarningImportance
	list := container.NewVBox()
	for _, p := range s.opt.Problems {
		list.Add(mutedText(p.Error()))
	}
	s.reset = widget.NewButtonWithIcon(lang.L("Reset only the broken settings"), theme.ViewRefreshIcon(), s.chooseReset)
	body := container.NewVBox(s.bannerText, list, container.NewHBox(s.reset))
	icon := container.NewVBox(widget.NewIcon(theme.WarningIcon()))
	return container.NewVBox(container.NewBorder(nil, nil, icon, nil, body), widget.NewSeparator())
}

// chooseReset lets Save overwrite the broken file.
func (s *settingsScreen) chooseReset() {
	s.resetChosen = true
	s.reset.Disable()
	s.bannerText.SetText(lang.L("Save will write the settings shown here: the broken ones at their defaults, the rest as they were. " +
		"Lines Limber could not read are kept in the file as comments."))
	s.validate()
}

func (s *settingsScreen) buttons() fyne.CanvasObject {
	s.cancel = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() {
		if s.opt.OnCancel != nil {
			s.opt.OnCancel()
		}
	})
	s.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), s.trySave)
	s.save.Importance = widget.HighImportance
	s.status = newErrorText()
	row := container.NewBorder(nil, nil, nil, container.NewHBox(s.cancel, s.save), s.status)
	return container.NewVBox(widget.NewSeparator(), row)
}

// validate turns Save on when every field is valid and says what is not.
func (s *settingsScreen) validate() {
	if s.save == nil {
		return // still building
	}
	msg := s.firstProblem()
	s.status.set(msg)
	if msg == "" {
		s.save.Enable()
	} else {
		s.save.Disable()
	}
}

// firstProblem names the first invalid field and its tab, or is "".
func (s *settingsScreen) firstProblem() string {
	if len(s.opt.Problems) > 0 && !s.resetChosen {
		return lang.L("config.toml has mistakes: reset the broken settings to save.")
	}
	for _, d := range weekOrder {
		if _, err := s.days[d].spans(); err != nil {
			return lang.L("Work hours: fix {{.Day}}.", map[string]string{"Day": dayName(d)})
		}
	}
	if len(s.chosenPlaces()) == 0 {
		return lang.L("Stretches: choose at least one place.")
	}
	if _, bad := s.timedRoutines(); bad != nil {
		return lang.L("Routines: fix the time of {{.Routine}}.", map[string]string{"Routine": bad.on.Text})
	}
	if _, err := s.behaviour.pauseApps(); err != nil {
		return lang.L("Behaviour: fix the list of programs.")
	}
	return ""
}

func (s *settingsScreen) trySave() {
	cfg, err := s.config()
	if err == nil && s.opt.OnSave != nil {
		err = s.opt.OnSave(cfg)
	}
	if err != nil {
		s.status.set(lang.L("Not saved: {{.Error}}", map[string]string{"Error": saveErrorText(err, s.opt.ConfigPath)}))
	}
}

// saveErrorText says why saving failed, in the user's language where the
// cause is a common one: the file changed since the window opened, Limber
// may not write there, or the disk is full. Other errors come as they are.
// config is the settings file's path, for errors that name a file beside it.
func saveErrorText(err error, config string) string {
	switch {
	case errors.Is(err, store.ErrChanged):
		return lang.L("config.toml was changed by someone else after this window opened. " +
			"Close this window and reopen settings.")
	case errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS):
		return lang.L("Limber may not write to {{.Path}}. Check the permissions of the file and its folder.",
			map[string]string{"Path": errPath(err, config)})
	case diskFull(err):
		return lang.L("the disk that holds {{.Path}} is full. Free some space and save again.",
			map[string]string{"Path": errPath(err, config)})
	}
	return err.Error()
}

// errPath is the file or folder err names. A file in the settings file's
// folder, such as the temporary file a save writes first, is named as the
// settings file itself.
func errPath(err error, config string) string {
	p := config
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		p = pe.Path
	case errors.As(err, &le):
		p = le.New
	}
	if config != "" && filepath.Dir(p) == filepath.Dir(config) {
		p = config
	}
	if p == "" {
		p = "config.toml"
	}
	return p
}

// diskFull reports whether err says the disk is full: ENOSPC, or on Windows
// ERROR_HANDLE_DISK_FULL (39) and ERROR_DISK_FULL (112), which the syscall
// package has no names for.
func diskFull(err error) bool {
	if errors.Is(err, syscall.ENOSPC) {
		return true
	}
	return runtime.GOOS == "windows" && (errors.Is(err, syscall.Errno(39)) || errors.Is(err, syscall.Errno(112)))
}

// config returns the settings as shown.
func (s *settingsScreen) config() (store.Config, error) {
	cfg := s.cfg
	s.intervals.apply(&cfg.Schedule)
	for _, d := range weekOrder {
		spans, err := s.days[d].spans()
		if err != nil {
			return cfg, fmt.Errorf("%s: %w", dayName(d), err)
		}
		cfg.Schedule.Hours[d] = spans
	}
	cfg.Card = store.CardPrefs{AutoOpen: s.autoOpen.Checked, Strict: s.strict.Checked}
	cfg.Stretches = s.stretchPrefs()
	routines, bad := s.timedRoutines()
	if bad != nil {
		return cfg, fmt.Errorf("%s: %s", bad.on.Text, bad.err.seg.Text)
	}
	cfg.Schedule.Routines = routines
	cfg.Behaviour.HeadsUp = s.headsUp.value()
	cfg.Behaviour.RemindOutside = s.outside.Checked
	if err := s.behaviour.apply(&cfg.Behaviour); err != nil {
		return cfg, err
	}
	return cfg, nil
}

func (s *settingsScreen) aboutTab() fyne.CanvasObject {
	version := s.opt.Version
	if version == "" {
		version = lang.L("unknown")
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Version"), selectableLabel(version)),
		widget.NewFormItem(lang.L("Settings file"), s.pathRow(s.opt.ConfigPath)),
		widget.NewFormItem(lang.L("History file"), s.pathRow(s.opt.HistoryPath)),
	)
	title := widget.NewLabel(lang.L("Limber — stretch breaks for desk workers"))
	title.TextStyle = fyne.TextStyle{Bold: true}
	advice := widget.NewLabel(exercises.Safety().NotAdvice)
	advice.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(title, form)
	box.Add(widget.NewSeparator())
	box.Add(advice)
	if s.opt.OnSafety != nil {
		safety := widget.NewButtonWithIcon(lang.L("Safety guide"), theme.WarningIcon(), s.opt.OnSafety)
		box.Add(container.NewHBox(safety))
	}
	return box
}

// autostartCheck turns starting at login on and off at once, and says so
// when that fails.
func (s *settingsScreen) autostartCheck() fyne.CanvasObject {
	problem := widget.NewLabel("")
	problem.Wrapping = fyne.TextWrapWord
	problem.Hide()
	check := widget.NewCheck(lang.L("Start Limber when I log in"), nil)
	check.SetChecked(s.opt.Autostart)
	check.OnChanged = func(on bool) {
		if err := s.opt.OnAutostart(on); err != nil {
			problem.SetText(lang.L("Could not change it: {{.Error}}", map[string]string{"Error": err.Error()}))
			problem.Show()
			return
		}
		problem.Hide()
	}
	return container.NewVBox(check, problem)
}

// pathRow shows a file's path with, where the owner can, a button that
// opens its folder.
func (s *settingsScreen) pathRow(path string) fyne.CanvasObject {
	label := selectableLabel(path)
	if s.opt.OnOpenFolder == nil || path == "" {
		return label
	}
	open := widget.NewButtonWithIcon("", theme.FolderOpenIcon(), func() { s.opt.OnOpenFolder(filepath.Dir(path)) })
	return container.NewBorder(nil, nil, nil, open, label)
}

// selectableLabel is a label whose text the user can select and copy.
func selectableLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Selectable = true
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// errorText is a line of text in the theme's error colour that takes no
// room while it is empty.
type errorText struct {
	*widget.RichText
	seg *widget.TextSegment
}

func newErrorText() *errorText {
	seg := &widget.TextSegment{Style: widget.RichTextStyle{ColorName: theme.ColorNameError, Inline: true}}
	t := &errorText{RichText: widget.NewRichText(seg), seg: seg}
	t.Wrapping = fyne.TextWrapWord
	t.Hide()
	return t
}

func (t *errorText) set(msg string) {
	if msg == t.seg.Text && t.Visible() == (msg != "") {
		return
	}
	t.seg.Text = msg
	if msg == "" {
		t.Hide()
		return
	}
	t.Show()
	t.Refresh()
}
