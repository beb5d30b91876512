package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/store"
	"github.com/limber-app/limber/app/uiproto"
)

func findButton(o fyne.CanvasObject, label string) *widget.Button {
	var found *widget.Button
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || o == nil {
			return
		}
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			found = b
			return
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, child := range c.Objects {
				walk(child)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, child := range test.WidgetRenderer(w).Objects() {
				walk(child)
			}
		}
	}
	walk(o)
	return found
}

// useTempFiles points the controller's config and history into a
// temporary folder.
func useTempFiles(h *harness) {
	dir := h.t.TempDir()
	h.c.Paths = store.Paths{Config: filepath.Join(dir, "config.toml"), History: filepath.Join(dir, "history.jsonl")}
}

// openSettings opens the settings window through the protocol.
func openSettings(h *harness) fyne.Window {
	h.t.Helper()
	h.send(`{"op":"settings"}`)
	h.expect(uiproto.Event{Op: uiproto.OpShown, Window: SettingsTitle})
	return h.expectCardWindow(SettingsTitle)
}

func findTabs(o fyne.CanvasObject) *container.AppTabs {
	if t, ok := o.(*container.AppTabs); ok {
		return t
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			if t := findTabs(child); t != nil {
				return t
			}
		}
	}
	return nil
}

func TestController_SettingsSaveWritesConfigAndSaysSaved(t *testing.T) {
	h := newHarness(t)
	useTempFiles(h)
	if err := os.WriteFile(h.c.Paths.Config, []byte("[reminders]\nstand_every = \"1h\"\nmystery = 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	w := openSettings(h)
	save := findButton(w.Content(), "Save")
	if save == nil {
		t.Fatal("no Save button in the settings window")
	}
	test.Tap(save)
	h.expect(uiproto.Event{Op: uiproto.OpSaved})
	data, err := os.ReadFile(h.c.Paths.Config)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`stand_every = "1h"`, "mystery = 1", "[work_hours]"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("saved config lacks %q:\n%s", want, data)
		}
	}
	if len(h.cardWindows()) != 0 {
		t.Error("settings window still open after Save")
	}
}

func TestController_SettingsRefusesToOverwriteAChangedFile(t *testing.T) {
	h := newHarness(t)
	useTempFiles(h)
	w := openSettings(h)
	mine := []byte("# written by hand while the window was open\n")
	if err := os.WriteFile(h.c.Paths.Config, mine, 0o600); err != nil {
		t.Fatal(err)
	}
	test.Tap(findButton(w.Content(), "Save"))
	h.expectNone()
	if got, _ := os.ReadFile(h.c.Paths.Config); string(got) != string(mine) {
		t.Errorf("file overwritten: %q", got)
	}
}

func TestController_SettingsAboutOpensSafetyGuide(t *testing.T) {
	h := newHarness(t)
	useTempFiles(h)
	w := openSettings(h)
	tabs := findTabs(w.Content())
	if tabs == nil {
		t.Fatal("no tabs in the settings window")
	}
	tabs.SelectIndex(len(tabs.Items) - 1) // About
	safety := findButton(w.Content(), "Safety guide")
	if safety == nil {
		t.Fatal("no Safety guide button in the settings window")
	}
	test.Tap(safety)
	h.expect(uiproto.Event{Op: uiproto.OpShown, Window: SafetyTitle})
}

func TestController_CrackAndStatsWindows(t *testing.T) {
	h := newHarness(t)
	useTempFiles(h)
	h.send(`{"op":"stats"}`)
	h.expect(uiproto.Event{Op: uiproto.OpShown, Window: StatsTitle})
	h.send(`{"op":"crack"}`)
	h.expect(uiproto.Event{Op: uiproto.OpShown, Window: CrackTitle})
	var crack fyne.Window
	for _, w := range h.cardWindows() {
		if w.Title() == CrackTitle {
			crack = w
		}
	}
	if crack == nil {
		t.Fatal("no crack window")
	}
	test.Tap(findButton(crack.Content(), "Neck"))
	test.Tap(findButton(crack.Content(), "No"))
	test.Tap(findButton(crack.Content(), "Save"))
	entries, _, err := store.History{Path: h.c.Paths.History}.ReadAll()
	if err != nil || len(entries) != 1 || entries[0].Type != store.EntryCrack || entries[0].Where != "neck" {
		t.Errorf("history after saving a crack = %+v, %v", entries, err)
	}
}

func TestController_SettingsStartAtLoginWritesAutostartEntry(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	h.c.Paths = store.Paths{Config: filepath.Join(dir, "limber", "config.toml"), History: filepath.Join(dir, "history.jsonl")}
	w := openSettings(h)
	tabs := findTabs(w.Content())
	for i, item := range tabs.Items {
		if item.Text == "Behaviour" {
			tabs.SelectIndex(i)
		}
	}
	check := findCheck(w.Content(), "Start Limber when I log in")
	if check == nil {
		t.Fatal("no start-at-login check on the Behaviour tab")
	}
	test.Tap(check)
	entry := filepath.Join(dir, "autostart", "limber.desktop")
	data, err := os.ReadFile(entry)
	if err != nil || !strings.Contains(string(data), "Exec=") {
		t.Fatalf("autostart entry after ticking = %q, %v", data, err)
	}
	test.Tap(check)
	if _, err := os.Stat(entry); !os.IsNotExist(err) {
		t.Errorf("autostart entry still there after unticking: %v", err)
	}
}

func findCheck(o fyne.CanvasObject, label string) *widget.Check {
	if c, ok := o.(*widget.Check); ok && c.Text == label {
		return c
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			if found := findCheck(child, label); found != nil {
				return found
			}
		}
		return nil
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, child := range test.WidgetRenderer(w).Objects() {
			if found := findCheck(child, label); found != nil {
				return found
			}
		}
	}
	return nil
}

// TestController_WindowTitlesInGerman checks that the settings window and
// the safety guide show their titles in the user's language, while the
// controller and its events still name them by the English titles.
func TestController_WindowTitlesInGerman(t *testing.T) {
	useLanguage(t, "de")
	h := newHarness(t)
	useTempFiles(h)
	h.send(`{"op":"settings"}`)
	h.expect(uiproto.Event{Op: uiproto.OpShown, Window: SettingsTitle})
	settings := h.expectCardWindow("Limber — Einstellungen")
	h.send(`{"op":"settings","focus":true}`)
	h.expect(uiproto.Event{Op: uiproto.OpShown, Window: SettingsTitle})
	if again := h.expectCardWindow("Limber — Einstellungen"); again != settings {
		t.Error("a second settings command opened a new window, want the first one raised")
	}
	settings.Close()

	h.send(`{"op":"safety"}`)
	h.expect(uiproto.Event{Op: uiproto.OpShown, Window: SafetyTitle})
	safety := h.expectCardWindow("Limber — Sicherheit und wann du Hilfe holen solltest")
	h.send(`{"op":"safety"}`)
	h.expect(uiproto.Event{Op: uiproto.OpShown, Window: SafetyTitle})
	if again := h.expectCardWindow("Limber — Sicherheit und wann du Hilfe holen solltest"); again != safety {
		t.Error("a second safety command opened a new window, want the first one raised")
	}
}

// titlesAtEvents passes the controller's events on to a harness and keeps,
// for each event, the titles of the open windows at the moment the
// controller wrote it, read on the goroutine that wrote it.
type titlesAtEvents struct {
	h      *harness
	titles chan []string
}

func (s titlesAtEvents) Write(p []byte) (int, error) {
	var titles []string
	for _, w := range s.h.cardWindows() {
		titles = append(titles, w.Title())
	}
	s.titles <- titles
	return s.h.events.Write(p)
}

// TestController_WindowTitleSetBeforeShown checks that each window other
// than the card already shows its title in the user's language when the
// controller says it is shown, so the English title never appears.
func TestController_WindowTitleSetBeforeShown(t *testing.T) {
	useLanguage(t, "de")
	h := newHarness(t)
	useTempFiles(h)
	snoop := titlesAtEvents{h: h, titles: make(chan []string, 16)}
	// The reader waits on the pipe, so nothing writes events until the
	// first command below.
	h.c.out = uiproto.NewWriter(snoop)
	for _, tt := range []struct{ op, key, want string }{
		{"settings", SettingsTitle, "Limber — Einstellungen"},
		{"safety", SafetyTitle, "Limber — Sicherheit und wann du Hilfe holen solltest"},
		{"crack", CrackTitle, "Limber — Rückenknacken notieren"},
		{"stats", StatsTitle, "Limber — Statistik"},
	} {
		h.send(`{"op":"` + tt.op + `"}`)
		h.expect(uiproto.Event{Op: uiproto.OpShown, Window: tt.key})
		titles := <-snoop.titles
		if !slices.Contains(titles, tt.want) || slices.Contains(titles, tt.key) {
			t.Errorf("%s: windows when shown was said = %q, want %q among them and no %q", tt.op, titles, tt.want, tt.key)
		}
	}
}
