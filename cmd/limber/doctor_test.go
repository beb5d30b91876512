package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/prop"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/daemon"
	"github.com/limber-app/limber/app/store"
	"github.com/limber-app/limber/app/testbus"
)

// doctorEnv points Limber's folders into a fresh temporary directory and
// the session bus at busAddr, and returns the config file's path.
func doctorEnv(t *testing.T, busAddr string) string {
	t.Helper()
	dir := t.TempDir()
	for _, k := range []string{"XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR", "XDG_DATA_HOME", "XDG_CACHE_HOME"} {
		p := filepath.Join(dir, strings.ToLower(k))
		if err := os.MkdirAll(p, 0o700); err != nil {
			t.Fatal(err)
		}
		t.Setenv(k, p)
	}
	t.Setenv("LIMBER_MIN_INTERVAL", "")
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", busAddr)
	// No X display and no desktop: only what a test sets up answers.
	for _, k := range []string{"DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "XDG_CURRENT_DESKTOP"} {
		t.Setenv(k, "")
	}
	return filepath.Join(dir, "xdg_config_home", "limber", "config.toml")
}

// noBus is a session bus address where nothing listens.
func noBus(t *testing.T) string {
	return "unix:path=" + filepath.Join(t.TempDir(), "no-bus")
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

// doctor runs `limber doctor args…` and returns its exit code and output.
func doctor(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var stdout, stderr strings.Builder
	code := runDoctor(args, &stdout, &stderr)
	t.Logf("limber doctor %s → exit %d\n%s", strings.Join(args, " "), code, stdout.String())
	if stderr.Len() > 0 {
		t.Errorf("doctor wrote to stderr: %s", stderr.String())
	}
	return code, stdout.String()
}

// lineOf returns the line of out that starts with label.
func lineOf(t *testing.T, out, label string) string {
	t.Helper()
	for line := range strings.Lines(out) {
		if strings.HasPrefix(line, label) {
			return strings.TrimSpace(line)
		}
	}
	t.Fatalf("no %q line in:\n%s", label, out)
	return ""
}

const brokenConfig = `version = 1
[reminders]
stand_every = "45m"
posture_every = "soon"
colour = "blue"
`

func TestDoctor_BrokenConfig(t *testing.T) {
	cfg := doctorEnv(t, noBus(t))
	writeFile(t, cfg, brokenConfig)
	history := filepath.Join(filepath.Dir(filepath.Dir(filepath.Dir(cfg))), "xdg_state_home", "limber", "history.jsonl")
	writeFile(t, history, `{"at":"2026-03-30T09:45:00Z","type":"due","kind":"stand"}
{"at":"2026-03-30T09:46:00Z","type":"outcome","kind":"stand","outcome":"done"}
{"at":"2026-03-30T10:`)

	code, out := doctor(t)
	if code != exitBadInput {
		t.Errorf("exit code = %d, want %d", code, exitBadInput)
	}
	for _, want := range []string{
		"config:        " + cfg + ": 1 error, 1 warning",
		"error:       config.toml:4: ",
		"warning:     config.toml:5: ",
		"history:       " + history + ": 2 entries, 1 unreadable line skipped",
		"limber:        " + version,
		"running:       no",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report does not contain %q:\n%s", want, out)
		}
	}

	code, out = doctor(t, "--json")
	var r doctorReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("--json output does not parse: %v\n%s", err, out)
	}
	if code != exitBadInput || r.Config.Valid || len(r.Config.Errors) != 1 || !strings.HasPrefix(r.Config.Errors[0], "config.toml:4: ") {
		t.Errorf("--json: exit %d, config %+v, want exit 2 and the error on config.toml:4", code, r.Config)
	}
}

func TestDoctor_NoBus(t *testing.T) {
	doctorEnv(t, noBus(t))
	code, out := doctor(t)
	if code != exitOK {
		t.Errorf("exit code = %d with no config file, want %d", code, exitOK)
	}
	if got := lineOf(t, out, "session bus:"); !strings.Contains(got, "unreachable") {
		t.Errorf("%q, want it to say the bus is unreachable", got)
	}
	for _, label := range []string{"tray host:", "notifications:"} {
		if got := lineOf(t, out, label); !strings.Contains(got, "unknown: no session bus") {
			t.Errorf("%q, want unknown: no session bus", got)
		}
	}
	for label, want := range map[string]string{
		"idle time:":                      "none: natural breaks off; no session bus, and no other source answered",
		"  tried:       org.gnome.Mutter": "IdleMonitor/Core: not available: no session bus",
		"  tried:       X11":              "X11 MIT-SCREEN-SAVER: not available: no X display: DISPLAY is not set",
		"  do not disturb:":               "not available: no session bus to ask the notification server",
		"  fullscreen window:":            "not available: no X display: DISPLAY is not set",
	} {
		if got := lineOf(t, out, label); !strings.Contains(got, want) {
			t.Errorf("%q, want it to contain %q", got, want)
		}
	}
	if got := lineOf(t, out, "config:"); !strings.Contains(got, "uses its defaults") {
		t.Errorf("%q, want it to say Limber uses its defaults", got)
	}
	for _, label := range []string{"limber:", "history:", "limber-ui:", "running:"} {
		lineOf(t, out, label)
	}
}

func TestDoctor_RunningInstance(t *testing.T) {
	doctorEnv(t, noBus(t))
	srv, err := control.Listen(store.DefaultPaths().Socket)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	go srv.Serve(func(r control.Request) control.Response {
		if r.Cmd != "status" {
			return control.Fail("unexpected %q", r.Cmd)
		}
		return control.OK(daemon.Status{State: "working", Text: "Next: stand at 10:30"})
	})
	_, out := doctor(t)
	if got, want := lineOf(t, out, "running:"), "running:       yes: Next: stand at 10:30"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

// TestDoctor_EmptyBus runs doctor against a session bus with nothing on it:
// no tray host, no notification server, no idle time.
func TestDoctor_EmptyBus(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the session bus test needs dbus-daemon, which Limber's Linux test machines have")
	}
	doctorEnv(t, startEmptyBus(t))
	code, out := doctor(t)
	if code != exitOK {
		t.Errorf("exit code = %d, want %d", code, exitOK)
	}
	for label, want := range map[string]string{
		"session bus:":      "reachable",
		"tray host:":        "none: no org.kde.StatusNotifierWatcher",
		"notifications:":    "none: ",
		"idle time:":        "none: natural breaks off; no source answered",
		"  do not disturb:": "not available: no notification server with an Inhibited property",
	} {
		if got := lineOf(t, out, label); !strings.Contains(got, want) {
			t.Errorf("%q, want it to contain %q", got, want)
		}
	}
}

// startEmptyBus starts a private bus with nothing on it and returns its
// address.
func startEmptyBus(t *testing.T) string {
	t.Helper()
	return testbus.Start(t)
}

// fakeScreenSaver answers GetSessionIdleTime, in seconds, as
// xfce4-screensaver does.
type fakeScreenSaver struct{ seconds uint32 }

func (f fakeScreenSaver) GetSessionIdleTime() (uint32, *dbus.Error) { return f.seconds, nil }

// startFakeDesktop starts a session bus with a screen saver that reports
// 42 s of idle time on /ScreenSaver and a notification server whose
// Inhibited property is true, and returns the bus address.
func startFakeDesktop(t *testing.T) string {
	t.Helper()
	addr := testbus.Start(t)
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if err := conn.Export(fakeScreenSaver{42}, "/ScreenSaver", "org.freedesktop.ScreenSaver"); err != nil {
		t.Fatal(err)
	}
	props := prop.Map{"org.freedesktop.Notifications": {"Inhibited": {Value: true}}}
	if _, err := prop.Export(conn, "/org/freedesktop/Notifications", props); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"org.freedesktop.ScreenSaver", "org.freedesktop.Notifications"} {
		if reply, err := conn.RequestName(name, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
			t.Fatalf("RequestName(%s) = %v, %v", name, reply, err)
		}
	}
	return addr
}

// gnomeWithDoNotDisturb makes the desktop GNOME, with a gsettings alone on
// PATH that says GNOME's do-not-disturb is on (show-banners false).
func gnomeWithDoNotDisturb(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	script := "#!/bin/sh\n[ \"$*\" = 'get org.gnome.desktop.notifications show-banners' ] && echo false\n"
	writeFile(t, filepath.Join(dir, "gsettings"), script)
	if err := os.Chmod(filepath.Join(dir, "gsettings"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	t.Setenv("XDG_CURRENT_DESKTOP", "ubuntu:GNOME")
}

const holdsConfig = `version = 1
[behaviour]
pause_while_running = ["zoom", "obs"]
wait_for_camera = false
`

// TestDoctor_IdleAndHoldSources runs doctor on a fake GNOME desktop: it
// lists each idle time source it tried and each hold source, with what it
// found.
func TestDoctor_IdleAndHoldSources(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the session bus test needs dbus-daemon, which Limber's Linux test machines have")
	}
	cfg := doctorEnv(t, startFakeDesktop(t))
	writeFile(t, cfg, holdsConfig)
	gnomeWithDoNotDisturb(t)

	code, out := doctor(t)
	if code != exitOK {
		t.Errorf("exit code = %d, want %d", code, exitOK)
	}
	const ss = "org.freedesktop.ScreenSaver"
	wantLines := []string{
		"idle time:     " + ss + " on /ScreenSaver (idle for 42s)",
		"  tried:       org.gnome.Mutter.IdleMonitor on /org/gnome/Mutter/IdleMonitor/Core: not available: ",
		"  tried:       " + ss + " on /org/freedesktop/ScreenSaver: not available: ",
		"  tried:       " + ss + " on /ScreenSaver: used, idle for 42s",
		"  tried:       X11 MIT-SCREEN-SAVER: not available: no X display: DISPLAY is not set",
		"holds:         ",
		"  camera:            ",
		"  microphone:        ",
		"  fullscreen window: not available: no X display: DISPLAY is not set",
		"  do not disturb:    available: the notification server's Inhibited property is true; GNOME's do-not-disturb is on",
		"  running programs:  available: looks for zoom, obs in /proc",
		"limber-ui:     ",
	}
	lines := strings.Split(out, "\n")
	start := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "idle time:") })
	if start < 0 || len(lines) < start+len(wantLines) {
		t.Fatalf("no idle time and holds section in:\n%s", out)
	}
	for i, want := range wantLines {
		if got := lines[start+i]; !strings.HasPrefix(got, want) {
			t.Errorf("line %d = %q, want it to start with %q", start+i+1, got, want)
		}
	}
	if got := lineOf(t, out, "  camera:"); !strings.HasSuffix(got, "(off: wait_for_camera = false)") {
		t.Errorf("%q, want it to say the setting turns it off", got)
	}
	if got := lineOf(t, out, "  microphone:"); strings.Contains(got, "(off:") {
		t.Errorf("%q, want no setting to turn it off", got)
	}

	_, out = doctor(t, "--json")
	var r doctorReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("--json output does not parse: %v\n%s", err, out)
	}
	var used []string
	for _, s := range r.IdleSources {
		if s.Used {
			used = append(used, s.Name)
		}
	}
	if len(r.IdleSources) != 4 || !slices.Equal(used, []string{ss + " on /ScreenSaver"}) || !r.Idle.OK {
		t.Errorf("--json idle: %+v, sources %+v, want 4 sources, the one on /ScreenSaver used", r.Idle, r.IdleSources)
	}
	var names []string
	for _, h := range r.Holds {
		names = append(names, h.Name)
	}
	if want := []string{"camera", "microphone", "fullscreen window", "do not disturb", "running programs"}; !slices.Equal(names, want) {
		t.Fatalf("--json holds %q, want %q", names, want)
	}
	if h := r.Holds[0]; h.OffBy != "wait_for_camera" {
		t.Errorf("--json camera off_by = %q, want wait_for_camera", h.OffBy)
	}
	if h := r.Holds[3]; !h.Available || h.OffBy != "" || !strings.Contains(h.Detail, "GNOME's do-not-disturb is on") {
		t.Errorf("--json do not disturb = %+v, want available, on, and GNOME's do-not-disturb on", h)
	}
	if h := r.Holds[2]; h.Available {
		t.Errorf("--json fullscreen window = %+v, want not available without a display", h)
	}
}
