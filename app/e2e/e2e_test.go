//go:build linux

package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// binDir holds the binaries built once for the whole test run.
var binDir string

func TestMain(m *testing.M) {
	// limber-ui is limber's child; if limber exits first we adopt it, so its
	// exit code stays readable (see WaitGone).
	if err := BecomeSubreaper(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	dir, err := os.MkdirTemp("", "limber-e2e-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	binDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type limberBinaries struct{ limber, ui string }

var buildOnce = sync.OnceValues(func() (limberBinaries, error) {
	limber, ui, err := BuildLimber(binDir)
	return limberBinaries{limber, ui}, err
})

// binaries builds limber and limber-ui (once per run) or takes them from
// LIMBER_BIN_DIR.
func binaries(t testing.TB) limberBinaries {
	t.Helper()
	start := time.Now()
	b, err := buildOnce()
	if err != nil {
		t.Fatalf("build limber: %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Logf("built limber and limber-ui in %v", d.Round(10*time.Millisecond))
	}
	return b
}

// testConfig makes a stand-up break due every 3 s, all day, every day, and
// lets no running program hold breaks back.
const testConfig = `version = 1

[reminders]
stand_every = "3s"
posture_every = "0s"

[work_hours]
monday = ["00:00-23:59"]
tuesday = ["00:00-23:59"]
wednesday = ["00:00-23:59"]
thursday = ["00:00-23:59"]
friday = ["00:00-23:59"]
saturday = ["00:00-23:59"]
sunday = ["00:00-23:59"]

[behaviour]
# Programs on the developer's machine (a video call) must not hold the
# test's breaks back.
pause_while_running = []
`

// limberEnv lets the test config use intervals shorter than a user may set,
// and lets a held break come 2 s after its hold ends instead of a minute
// (holds are then asked every 0.5 s).
var limberEnv = []string{"LIMBER_MIN_INTERVAL=1s", "LIMBER_HOLD_QUIET=2s"}

// writeConfig writes testConfig followed by extra TOML.
func writeConfig(t testing.TB, d *Desktop, extra string) {
	t.Helper()
	path := filepath.Join(d.ConfigHome, "limber", "config.toml")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(testConfig+extra), 0o600); err != nil {
		t.Fatal(err)
	}
}

// startLimber starts the resident limber with its output in the artifacts
// folder, shown in the test log if the test fails, and stops it (and what is
// left of its process group) when the test ends.
func startLimber(t testing.TB, d *Desktop, bin string) *Process {
	t.Helper()
	logPath := filepath.Join(ArtifactsDir(t), "limber.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd := d.Command(bin, nil, limberEnv...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	p, err := StartProcess(cmd)
	if err != nil {
		logFile.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := p.Stop(3 * time.Second); err != nil {
			t.Error(err)
		}
		if t.Failed() {
			logTail(t, logPath)
		}
	})
	return p
}

func logTail(t testing.TB, path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Logf("%s: %v", path, err)
		return
	}
	const max = 4000
	if len(b) > max {
		b = b[len(b)-max:]
	}
	t.Logf("last of %s:\n%s", path, b)
}

// runLimber runs a limber subcommand to completion and returns its stdout
// and exit code.
func runLimber(t testing.TB, d *Desktop, bin string, args ...string) (string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env, cmd.Dir = append(d.Env(), limberEnv...), d.Home
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		t.Logf("limber %s: exit %d, stderr: %s", strings.Join(args, " "), exitErr.ExitCode(), stderr.String())
		return string(out), exitErr.ExitCode()
	case err != nil:
		t.Fatalf("limber %s: %v", strings.Join(args, " "), err)
	}
	return string(out), 0
}

// status is the part of `limber status --json` the tests rely on.
type status struct {
	State string `json:"state"`
	Next  struct {
		Kind string `json:"kind"`
		At   string `json:"at"`
	} `json:"next"`
}

// TestEndToEnd_TrayNotificationCardQuit is the main scenario: limber
// registers its tray item, a due break notifies, the menu opens the stretch
// card, `limber status` answers, and Quit ends limber and limber-ui.
func TestEndToEnd_TrayNotificationCardQuit(t *testing.T) {
	bins := binaries(t)
	d := StartDesktop(t)
	w, err := StartWatcher(d.MustConn(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := w.Close(); err != nil {
			t.Error(err)
		}
	})
	// With the card's auto-open off, the window can only come from the click.
	writeConfig(t, d, "\n[card]\nauto_open = false\n")

	p := startLimber(t, d, bins.limber)
	ctx, cancel := context.WithTimeout(t.Context(), 15*time.Second)
	defer cancel()
	item, err := w.WaitFirstItem(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("exec → tray item registered: %v (%s)", item.At.Sub(p.Started()).Round(time.Millisecond), item)

	menu, err := OpenMenu(ctx, d.MustConn(t), item.Service, item.Path)
	if err != nil {
		t.Fatal(err)
	}
	checkMenu(t, ctx, menu)

	// The due break comes first: "Start a stretch now" makes the stand
	// break due at once, shown and awaiting an answer, so after the click the
	// 3 s break would not be sent (an unanswered break returns only after the
	// snooze time).
	n := d.WaitNotification(t, "Limber", "Time to stand up and stretch", 15*time.Second)
	t.Logf("exec → break notification %q in history: %v", n.Summary, time.Since(p.Started()).Round(time.Millisecond))

	clicked := time.Now()
	if err := menu.ClickLabel(ctx, "Start a stretch now"); err != nil {
		t.Fatal(err)
	}
	win := d.WaitWindow(t, "Limber — ", 20*time.Second)
	t.Logf("click → window %q: %v", win.Name, time.Since(clicked).Round(time.Millisecond))
	d.WaitDrawn(t, win, 10*time.Second)
	t.Logf("click → window drawn: %v", time.Since(clicked).Round(time.Millisecond))
	if err := d.Screenshot(filepath.Join(ArtifactsDir(t), "card.png")); err != nil {
		t.Error(err)
	}
	ui, err := WaitChild(p.Pid(), bins.ui, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}

	out, code := runLimber(t, d, bins.limber, "status", "--json")
	var st status
	if err := json.Unmarshal([]byte(out), &st); code != 0 || err != nil {
		t.Errorf("limber status --json = exit %d, %q (%v); want exit 0 and JSON", code, out, err)
	} else if st.State == "" || st.Next.Kind == "" || st.Next.At == "" {
		t.Errorf("limber status --json = %s; want state, next.kind and next.at", out)
	}

	if err := menu.ClickLabel(ctx, "Quit"); err != nil {
		t.Fatal(err)
	}
	quit := time.Now()
	if code, err := p.Wait(5 * time.Second); err != nil || code != 0 {
		t.Errorf("limber after Quit: exit code %d, %v; want 0", code, err)
	}
	uiCode, err := WaitGone(ui.Pid, 5*time.Second)
	switch {
	case err != nil:
		t.Errorf("limber-ui after Quit: %v", err)
	case uiCode > 0:
		t.Errorf("limber-ui after Quit: exit code %d, want 0", uiCode)
	case uiCode < 0:
		t.Logf("limber-ui ended; limber reaped it, so its exit code is limber's to check")
	}
	t.Logf("Quit → both processes gone: %v", time.Since(quit).Round(time.Millisecond))
}

// checkMenu checks the rows the tray menu must have.
func checkMenu(t *testing.T, ctx context.Context, menu *Menu) {
	t.Helper()
	items, err := menu.Items(ctx)
	if err != nil {
		t.Fatal(err)
	}
	labels := Labels(items)
	t.Logf("tray menu: %q", labels)
	if len(items) == 0 {
		t.Fatal("tray menu is empty")
	}
	first := items[0]
	if !strings.HasPrefix(first.Label, "Next stretch at") && !strings.HasPrefix(first.Label, "Stretch due now") {
		t.Errorf("first menu row = %q, want \"Next stretch at …\" or \"Stretch due now\"", first.Label)
	}
	if first.Enabled {
		t.Errorf("first menu row %q is enabled, want disabled", first.Label)
	}
	for _, want := range []string{"Start a stretch now", "Pause for 1 hour", "Quit"} {
		if !slices.Contains(labels, want) {
			t.Errorf("tray menu %q has no %q", labels, want)
		}
	}
}

// TestEndToEnd_NoTrayFallsBack checks that without a StatusNotifierWatcher
// limber says so in a notification and opens its window instead.
func TestEndToEnd_NoTrayFallsBack(t *testing.T) {
	bins := binaries(t)
	d := StartDesktop(t)
	writeConfig(t, d, "")

	p := startLimber(t, d, bins.limber)
	n := d.WaitNotificationFunc(t, `from "Limber" mentioning the tray`, func(n Notification) bool {
		return n.AppName == "Limber" && strings.Contains(strings.ToLower(n.Summary), "tray")
	}, 10*time.Second)
	t.Logf("exec → no-tray notification %q (listed after dunst closed it): %v", n.Summary, time.Since(p.Started()).Round(time.Millisecond))
	win := d.WaitWindow(t, "Limber", 20*time.Second)
	t.Logf("exec → window %q: %v", win.Name, time.Since(p.Started()).Round(time.Millisecond))
	d.WaitDrawn(t, win, 10*time.Second)
	if err := d.Screenshot(filepath.Join(ArtifactsDir(t), "no-tray.png")); err != nil {
		t.Error(err)
	}
	if p.Exited() {
		t.Errorf("limber exited without a tray; it should keep running")
	}
}

// TestEndToEnd_StatusWithoutInstance checks that `limber status` exits 1
// when no limber is running.
func TestEndToEnd_StatusWithoutInstance(t *testing.T) {
	bins := binaries(t)
	d := StartDesktop(t)
	writeConfig(t, d, "")
	if out, code := runLimber(t, d, bins.limber, "status"); code != 1 {
		t.Errorf("limber status with no instance = exit %d, %q; want exit 1", code, out)
	}
}
