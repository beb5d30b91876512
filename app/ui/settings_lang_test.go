package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/store"
	"github.com/limber-app/limber/exercises"
	"github.com/limber-app/limber/reminders"
)

// fullSettings builds a settings screen that shows every optional part:
// the broken-file banner, the start-at-login check, the Safety guide and
// open-folder buttons, two spans on a day and a routine that is on.
func fullSettings(t *testing.T) *settingsScreen {
	t.Helper()
	cfg := store.Defaults()
	cfg.Schedule.Hours[time.Friday] = []reminders.Span{span("08:30", "12:00"), span("12:45", "17:00")}
	cfg.Schedule.Routines = []reminders.TimedRoutine{{ID: "morning-mobility", Minute: 7*60 + 30, Days: [7]bool{time.Tuesday: true, time.Friday: true}}}
	s, _ := newTestSettings(t, cfg, SettingsOptions{
		OnAutostart:  func(bool) error { return nil },
		OnSafety:     func() {},
		OnOpenFolder: func(string) {},
		Problems:     store.Problems{{File: "config.toml", Line: 8, Msg: `reminders.stand_every "2m": must be between 10m and 3h`}},
		ConfigPath:   "/home/ada/.config/limber/config.toml",
		HistoryPath:  "/home/ada/.local/state/limber/history.jsonl",
		Version:      "1.0.0",
	})
	return s
}

// walkObjects calls visit for o and everything drawn inside it, going into
// containers and widgets' renderers.
func walkObjects(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, child := range x.Objects {
			walkObjects(child, visit)
		}
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(x).Objects() {
			walkObjects(child, visit)
		}
	}
}

// textsOf returns the words o shows: labels, check boxes, buttons, rich
// text, place holders, choices and form labels and hints.
func textsOf(o fyne.CanvasObject) []string {
	var out []string
	walkObjects(o, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *widget.Check:
			out = append(out, x.Text)
		case *widget.Button:
			out = append(out, x.Text)
		case *widget.RichText:
			out = append(out, x.String())
		case *widget.Entry:
			out = append(out, x.PlaceHolder)
		case *widget.Select:
			out = append(out, x.Options...)
		case *widget.Form:
			for _, it := range x.Items {
				out = append(out, it.Text, it.HintText)
			}
		}
	})
	return out
}

// tabTexts returns the texts of each tab of s, by tab, the tab's title
// first, and the texts around the tabs (banner and buttons) last.
func tabTexts(s *settingsScreen) [][]string {
	var out [][]string
	for _, item := range s.tabs.Items {
		out = append(out, append([]string{item.Text}, textsOf(item.Content)...))
	}
	var around []string
	for _, o := range s.content.(*fyne.Container).Objects {
		if o != fyne.CanvasObject(s.tabs) {
			around = append(around, textsOf(o)...)
		}
	}
	return append(out, around)
}

// TestSettings_German checks that every tab of the settings window speaks
// German when the user does: a few labels on each, then that no text but
// the user's own data (times, paths, program names) is the same as in
// English.
func TestSettings_German(t *testing.T) {
	english := tabTexts(fullSettings(t))
	useLanguage(t, "de")
	german := tabTexts(fullSettings(t))

	want := [][]string{
		{"Zeitplan", "Aufstehen alle", "Haltung prüfen alle", "Vorwarnung", "45 Min.", "1 Std. 30 Min.", "2 Std.", "Aus", "30 Sek."},
		{"Arbeitszeiten", "Montag", "Sonntag", "Frei", "Zeitraum hinzufügen", "Montag auf Di.–Fr. kopieren"},
		{"Übungen", "Wo kannst du dich dehnen?", "Schreibtisch", "Klimmzugstange", "Bodenmatte"},
		{"Routinen", "Mo.", "So.", "5 Min. · jeden Morgen"},
		{
			"Verhalten", "Limber beim Anmelden starten", "Eine fällige Pause zurückhalten, solange …",
			"ein Vollbildfenster vorne ist (Film, Präsentation, Spiel)", "die Kamera benutzt wird (Videoanruf)",
			"das Mikrofon benutzt wird (Anruf, Aufnahme)", "„Nicht stören“ eingeschaltet ist",
			"Aufsteh-Pausen für einen guten Tag:",
		},
		{"Über", "Programmversion", "Einstellungsdatei", "Verlaufsdatei", "Sicherheitshinweise"},
		{"Nur die fehlerhaften Einstellungen zurücksetzen", "Abbrechen", "Speichern"},
	}
	if len(german) != len(want) {
		t.Fatalf("the German screen has %d tabs and a frame, want %d", len(german)-1, len(want)-1)
	}
	for i, labels := range want {
		for _, label := range labels {
			if !slices.Contains(german[i], label) {
				t.Errorf("German settings, tab %q: no %q", german[i][0], label)
			}
		}
	}

	// Texts that stay as they are in every language: the format of a span
	// and of a routine's time, a program's name, and what the file says.
	data := []string{"HH:MM-HH:MM", "07:30 tue,fri", "zoom", "1.0.0"}
	for i := range german {
		for _, text := range german[i] {
			if !hasLetters(text) || !slices.Contains(english[i], text) || slices.Contains(data, text) ||
				strings.HasPrefix(text, "/home/ada/") || strings.HasPrefix(text, "zoom\n") || strings.HasPrefix(text, "config.toml:8: ") {
				continue
			}
			t.Errorf("German settings, tab %q: %q is still in English", german[i][0], text)
		}
	}
}

func hasLetters(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// TestSettings_GermanMessages checks the settings window's own messages in
// German, those about a span's format included.
func TestSettings_GermanMessages(t *testing.T) {
	useLanguage(t, "de")
	s, rec := newTestSettings(t, store.Defaults(), SettingsOptions{})
	mon := s.days[time.Monday]
	retype(mon, 0, "9-5")
	if got, want := s.status.seg.Text, "Arbeitszeiten: Korrigier den Montag."; got != want {
		t.Errorf("status with a bad Monday = %q, want %q", got, want)
	}
	if got, want := mon.err.seg.Text, `"9-5": Schreib den Zeitraum als HH:MM-HH:MM, etwa 09:00-17:30`; got != want {
		t.Errorf("Monday's message = %q, want %q", got, want)
	}
	retype(mon, 0, "09:00-17:00")
	test.Tap(s.days[time.Tuesday].add)
	if got := s.days[time.Tuesday].err.seg.Text; !strings.HasPrefix(got, "Ein Zeitraum ist leer") {
		t.Errorf("an empty span says %q, want it in German", got)
	}
	if got, want := s.status.seg.Text, "Arbeitszeiten: Korrigier den Dienstag."; got != want {
		t.Errorf("status with an empty Tuesday span = %q, want %q", got, want)
	}
	test.Tap(removeButton(t, s.days[time.Tuesday], 1))

	tapPlaces(s, exercises.Desk, exercises.Standing)
	if got, want := s.placesErr.seg.Text, "Wähl mindestens einen Ort."; got != want {
		t.Errorf("with no place: %q, want %q", got, want)
	}
	if got, want := s.status.seg.Text, "Übungen: Wähl mindestens einen Ort."; got != want {
		t.Errorf("status with no place = %q, want %q", got, want)
	}
	tapPlaces(s, exercises.Desk)

	s.behaviour.apps.SetText("/usr/bin/obs")
	if got := s.behaviour.appsErr.seg.Text; !strings.HasPrefix(got, `Zeile 1: "/usr/bin/obs": der Name eines Programms`) {
		t.Errorf("a path in the program list says %q, want it in German", got)
	}
	if got, want := s.status.seg.Text, "Verhalten: Korrigier die Programmliste."; got != want {
		t.Errorf("status with a path in the program list = %q, want %q", got, want)
	}
	s.behaviour.apps.SetText("obs")

	r := s.routines[0]
	test.Tap(r.on)
	r.clock.SetText("7 Uhr")
	if got, want := s.status.seg.Text, fmt.Sprintf("Routinen: Korrigier die Uhrzeit von „%s“.", r.on.Text); got != want {
		t.Errorf("status with a bad routine time = %q, want %q", got, want)
	}
	test.Tap(r.on)

	rec.err = fmt.Errorf("save x: %w", store.ErrChanged)
	test.Tap(s.save)
	if got, want := s.status.seg.Text, "Nicht gespeichert: Jemand anderes hat config.toml geändert, nachdem dieses Fenster "+
		"aufgegangen ist. Schließ dieses Fenster und öffne die Einstellungen noch einmal."; got != want {
		t.Errorf("status after a failed save = %q, want %q", got, want)
	}
}

// TestSettings_SpanMessages checks what a day's row says about each kind of
// bad span, in each language; English keeps the config file's wording.
func TestSettings_SpanMessages(t *testing.T) {
	edits := []struct {
		kind  string
		texts []string
	}{
		{"format", []string{"9-5"}},
		{"hour", []string{"09:00-24:00"}},
		{"minute", []string{"09:00-17:60"}},
		{"same ends", []string{"09:00-09:00"}},
		{"overlap", []string{"09:00-12:00", "11:30-17:00"}},
	}
	want := map[string][]string{
		"en": {
			`"9-5": want HH:MM-HH:MM`,
			`"09:00-24:00": hour must be 00–23`,
			`"09:00-17:60": minute must be 00–59`,
			`"09:00-09:00": start and end are the same`,
			`"09:00-12:00" and "11:30-17:00" overlap`,
		},
		"de": {
			`"9-5": Schreib den Zeitraum als HH:MM-HH:MM, etwa 09:00-17:30`,
			`"09:00-24:00": Die Stunde muss zwischen 00 und 23 liegen`,
			`"09:00-17:60": Die Minuten müssen zwischen 00 und 59 liegen`,
			`"09:00-09:00": Beginn und Ende sind gleich`,
			`"09:00-12:00" und "11:30-17:00" überschneiden sich`,
		},
		"es": {
			`"9-5": escribe la franja como HH:MM-HH:MM, por ejemplo 09:00-17:30`,
			`"09:00-24:00": la hora debe estar entre 00 y 23`,
			`"09:00-17:60": los minutos deben estar entre 00 y 59`,
			`"09:00-09:00": el inicio y el final son iguales`,
			`"09:00-12:00" y "11:30-17:00" se solapan`,
		},
	}
	for _, code := range i18n.Languages() {
		t.Run(code, func(t *testing.T) {
			useLanguage(t, code)
			s, _ := newTestSettings(t, store.Defaults(), SettingsOptions{})
			row := s.days[time.Wednesday]
			for i, e := range edits {
				row.setTexts(e.texts)
				if got := row.err.seg.Text; got != want[code][i] {
					t.Errorf("%s, %s: Wednesday's message = %q, want %q", code, e.kind, got, want[code][i])
				}
				s.validate() // setTexts checks the row but leaves the window to its caller
				if !s.save.Disabled() {
					t.Errorf("%s, %s: Save is enabled", code, e.kind)
				}
			}
		})
	}
}

// TestSaveErrorText checks the reasons a failed save gives, in German: the
// common causes in words, the file they concern by its path, and anything
// else as the error says it.
func TestSaveErrorText(t *testing.T) {
	useLanguage(t, "de")
	dir := filepath.Join("home", "ada", ".config", "limber")
	config := filepath.Join(dir, "config.toml")
	tmp := filepath.Join(dir, ".config.toml.*.tmp")
	changed := "Jemand anderes hat config.toml geändert, nachdem dieses Fenster aufgegangen ist. " +
		"Schließ dieses Fenster und öffne die Einstellungen noch einmal."
	notAllowed := func(path string) string {
		return "Limber darf nicht in " + path + " schreiben. Prüf die Berechtigungen der Datei und ihres Ordners."
	}
	full := "Der Datenträger, auf dem " + config + " liegt, ist voll. Schaff etwas Platz und speichere noch einmal."
	write := func(err error) error { return fmt.Errorf("write %s: %w", config, err) }
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"changed", fmt.Errorf("save %s: %w", config, store.ErrChanged), changed},
		{"temporary file", write(&fs.PathError{Op: "createtemp", Path: tmp, Err: syscall.EACCES}), notAllowed(config)},
		{"rename", write(&os.LinkError{Op: "rename", Old: tmp, New: config, Err: syscall.EPERM}), notAllowed(config)},
		{"folder", fmt.Errorf("create %s: %w", dir, &fs.PathError{Op: "mkdir", Path: dir, Err: syscall.EACCES}), notAllowed(dir)},
		{"read-only disk", write(&fs.PathError{Op: "createtemp", Path: tmp, Err: syscall.EROFS}), notAllowed(config)},
		{"disk full", write(&fs.PathError{Op: "write", Path: filepath.Join(dir, ".config.toml.1.tmp"), Err: syscall.ENOSPC}), full},
		{"unexpected", errors.New("sync home: input/output error"), "sync home: input/output error"},
	}
	for _, tt := range tests {
		if got := saveErrorText(tt.err, config); got != tt.want {
			t.Errorf("%s: saveErrorText(%v) = %q, want %q", tt.name, tt.err, got, tt.want)
		}
	}
	noPath := &fs.PathError{Op: "open", Path: "x", Err: fs.ErrPermission}
	if got, want := saveErrorText(noPath, ""), notAllowed("x"); got != want {
		t.Errorf("with no settings path: %q, want %q", got, want)
	}
}

// TestSettings_GermanBrokenFile checks the broken-file banner and its
// messages in German.
func TestSettings_GermanBrokenFile(t *testing.T) {
	useLanguage(t, "de")
	problems := store.Problems{{File: "config.toml", Line: 3, Msg: `reminders.stand_every "2m": must be between 10m and 3h`}}
	s, _ := newTestSettings(t, store.Defaults(), SettingsOptions{Problems: problems})
	if got := s.status.seg.Text; !strings.HasPrefix(got, "config.toml enthält Fehler: ") {
		t.Errorf("status over a broken file = %q, want it in German", got)
	}
	if got := s.bannerText.Text; !strings.HasPrefix(got, "config.toml enthält Fehler. ") {
		t.Errorf("banner = %q, want it in German", got)
	}
	test.Tap(s.reset)
	if got := s.bannerText.Text; !strings.HasPrefix(got, "Speichern schreibt ") {
		t.Errorf("banner after reset = %q, want it in German", got)
	}
}

func TestDurationLabel_Languages(t *testing.T) {
	tests := []struct {
		lang string
		d    time.Duration
		want string
	}{
		{"de", 0, "Aus"},
		{"de", 3 * time.Second, "3 Sek."},
		{"de", 45 * time.Minute, "45 Min."},
		{"de", time.Hour, "1 Std."},
		{"de", 90 * time.Minute, "1 Std. 30 Min."},
		{"es", 0, "Desactivado"},
		{"es", time.Second, "1 segundo"},
		{"es", 30 * time.Second, "30 segundos"},
		{"es", time.Hour, "1 hora"},
		{"es", 3 * time.Hour, "3 horas"},
		{"es", 90 * time.Minute, "1 h 30 min"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.d.String(), func(t *testing.T) {
			useLanguage(t, tt.lang)
			if got := durationLabel(tt.d); got != tt.want {
				t.Errorf("%s: durationLabel(%v) = %q, want %q", tt.lang, tt.d, got, tt.want)
			}
		})
	}
}

// TestSettings_FitsInEveryLanguage checks that no label, check box, button
// or choice on any tab is wider than the window, and that neither is any
// tab, scrolled or not, nor the window's whole content.
func TestSettings_FitsInEveryLanguage(t *testing.T) {
	for _, code := range i18n.Languages() {
		t.Run(code, func(t *testing.T) {
			useLanguage(t, code)
			s := fullSettings(t)
			// The window insets its content by the theme's padding.
			room := settingsWidth - 2*theme.Padding()
			for i, item := range s.tabs.Items {
				s.tabs.SelectIndex(i)
				content := item.Content
				if sc, ok := content.(*container.Scroll); ok {
					content = sc.Content // a vertical scroll hides what is too wide
				}
				if w := content.MinSize().Width; w > room {
					t.Errorf("%s tab %q is %.0f wide, more than the %.0f the window has", code, item.Text, w, room)
				}
				walkObjects(content, func(o fyne.CanvasObject) {
					text := shownText(o)
					if text == "" {
						return
					}
					if w := o.MinSize().Width; w > room {
						t.Errorf("%s tab %q: %q is %.0f wide, more than the %.0f the window has", code, item.Text, text, w, room)
					}
				})
			}
			if w := s.content.MinSize().Width; w > settingsWidth {
				t.Errorf("%s settings window needs %.0f, more than its %d", code, w, settingsWidth)
			}
		})
	}
}

// shownText is the text of a label, check box, button or choice, or "".
func shownText(o fyne.CanvasObject) string {
	switch x := o.(type) {
	case *widget.Label:
		return x.Text
	case *widget.Check:
		return x.Text
	case *widget.Button:
		return x.Text
	case *widget.Select:
		return x.Selected
	case *widget.RichText:
		return x.String()
	}
	return ""
}
