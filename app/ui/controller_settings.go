package ui

import (
	"crypto/sha256"
	"errors"
	"io/fs"
	"log"
	"net/url"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/limber-app/limber/app/desktop"
	"github.com/limber-app/limber/app/store"
	"github.com/limber-app/limber/app/uiproto"
)

// SettingsTitle is the settings window's title in English, which names the
// window in the controller and its events; the window shows it in the
// user's language.
const SettingsTitle = "Limber — Settings"

// showSettings opens the settings window on the config file as it is now,
// or raises the open one (keeping unsaved edits).
func (c *Controller) showSettings() {
	if w, open := c.windows[SettingsTitle]; open {
		w.Show()
		w.RequestFocus()
		c.emit(uiproto.Event{Op: uiproto.OpShown, Window: SettingsTitle})
		return
	}
	paths := c.paths()
	lim, limErr := store.LimitsFromEnv()
	cfg, hash, problems := loadForSettings(paths.Config, lim)
	if limErr != nil {
		c.log.Print(limErr)
	}
	c.disarmIdle()
	w := c.app.NewWindow(lang.L("Limber — Settings"))
	w.SetContent(NewSettingsScreen(cfg, SettingsOptions{
		OnSave: func(cfg store.Config) error {
			if err := store.SaveConfig(paths.Config, cfg, hash); err != nil {
				return err
			}
			c.emit(uiproto.Event{Op: uiproto.OpSaved})
			w.Close()
			return nil
		},
		OnCancel:    w.Close,
		OnSafety:    c.showSafety,
		OnAutostart: setAutostart,
		Autostart:   autostartOn(c.log),
		OnOpenFolder: func(dir string) {
			if err := c.app.OpenURL(&url.URL{Scheme: "file", Path: dir}); err != nil {
				c.log.Printf("open %s: %v", dir, err)
			}
		},
		Problems:    problems,
		ConfigPath:  paths.Config,
		HistoryPath: paths.History,
		Version:     c.Version,
		MinInterval: lim.MinInterval,
	}))
	w.Resize(fyne.NewSize(settingsWidth, settingsHeight))
	w.CenterOnScreen()
	w.SetOnClosed(func() {
		delete(c.windows, SettingsTitle)
		c.armIdleIfNoWindow()
	})
	c.windows[SettingsTitle] = w
	w.Show()
	c.emit(uiproto.Event{Op: uiproto.OpShown, Window: SettingsTitle})
}

// setAutostart starts limber (next to this program) at login, or stops it.
func setAutostart(on bool) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	return desktop.SetAutostart(on, filepath.Join(filepath.Dir(exe), "limber"))
}

func autostartOn(l *log.Logger) bool {
	on, err := desktop.AutostartEnabled()
	if err != nil {
		l.Print(err)
	}
	return on
}

// loadForSettings reads the config file once and hashes the very bytes it
// parsed, so a save can tell whether someone changed the file meanwhile.
// A broken file gives what could be read of it (the broken settings at
// their defaults) and its problems.
func loadForSettings(path string, lim store.Limits) (store.Config, [32]byte, store.Problems) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return store.Defaults(), [32]byte{}, nil
	}
	if err != nil {
		return store.Defaults(), [32]byte{}, store.Problems{{File: path, Msg: err.Error()}}
	}
	hash := sha256.Sum256(data)
	cfg, problems := store.Salvage("config.toml", data, lim)
	if len(problems) == 0 {
		return cfg, hash, nil
	}
	return cfg, hash, problems
}

// paths returns where Limber's files are: Paths when set, else the user's.
func (c *Controller) paths() store.Paths {
	if c.Paths != (store.Paths{}) {
		return c.Paths
	}
	return store.DefaultPaths()
}
