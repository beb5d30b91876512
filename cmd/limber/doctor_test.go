package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

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
	for _, label := range []string{"tray host:", "notifications:", "idle time:"} {
		if got := lineOf(t, out, label); !strings.Contains(got, "unknown: no session bus") {
			t.Errorf("%q, want unknown: no session bus", got)
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
		"session bus:":   "reachable",
		"tray host:":     "none: no org.kde.StatusNotifierWatcher",
		"notifications:": "none: ",
		"idle time:":     "none: natural breaks off",
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
