//go:build linux

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// fakeIdleMonitor stands in for GNOME's org.gnome.Mutter.IdleMonitor.
type fakeIdleMonitor struct {
	idleMs atomic.Uint64
	calls  atomic.Int32
}

func (m *fakeIdleMonitor) GetIdletime() (uint64, *dbus.Error) {
	m.calls.Add(1)
	return m.idleMs.Load(), nil
}

func startFakeIdleMonitor(t *testing.T, d *Desktop, idle time.Duration) *fakeIdleMonitor {
	t.Helper()
	conn := d.MustConn(t)
	m := &fakeIdleMonitor{}
	m.idleMs.Store(uint64(idle.Milliseconds()))
	if err := conn.Export(m, "/org/gnome/Mutter/IdleMonitor/Core", "org.gnome.Mutter.IdleMonitor"); err != nil {
		t.Fatal(err)
	}
	reply, err := conn.RequestName("org.gnome.Mutter.IdleMonitor", dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("own org.gnome.Mutter.IdleMonitor: %v (reply %v)", err, reply)
	}
	return m
}

// TestEndToEnd_NaturalBreak: with the user away for longer than
// natural_break (as GNOME's idle monitor reports), limber sends no break
// and says the user is on a break; when the user is back, breaks resume.
func TestEndToEnd_NaturalBreak(t *testing.T) {
	var idle *fakeIdleMonitor
	bins, d, _ := startTrayDesktopAfter(t, func(config string) string {
		return strings.Replace(config, "[reminders]\n", "[reminders]\nnatural_break = \"5s\"\n", 1)
	}, func(d *Desktop) { idle = startFakeIdleMonitor(t, d, 10*time.Minute) })
	// stand_every is 3 s: without the natural break a notification would
	// have come by now.
	deadline := time.Now().Add(6 * time.Second)
	for time.Now().Before(deadline) {
		if n := limberNotifications(t, d); n > 0 {
			t.Fatalf("%d break notifications while the user was away", n)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if idle.calls.Load() == 0 {
		t.Fatal("limber never asked the idle monitor")
	}
	out, code := runLimber(t, d, bins.limber, "status", "--json")
	var st struct{ Text string }
	if code != 0 || json.Unmarshal([]byte(out), &st) != nil || st.Text != "On a break" {
		t.Errorf("status while away = %q (exit %d), want text \"On a break\"", out, code)
	}
}

func limberNotifications(t *testing.T, d *Desktop) int {
	hist, err := d.History()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, h := range hist {
		if h.AppName == "Limber" && strings.HasPrefix(h.Summary, "Time to stand up") {
			n++
		}
	}
	return n
}

// TestEndToEnd_PauseAndResume pauses from the tray menu and resumes: the
// status row, the Pause/Resume rows and `limber status` follow.
func TestEndToEnd_PauseAndResume(t *testing.T) {
	bins, d, item := startTrayDesktop(t, nil)
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	menu, err := OpenMenu(ctx, d.MustConn(t), item.Service, item.Path)
	if err != nil {
		t.Fatal(err)
	}
	if err := menu.ClickLabel(ctx, "Pause for 1 hour"); err != nil {
		t.Fatal(err)
	}
	// "Paused until 15:00", or "Paused until Tue 00:30" past midnight.
	until := time.Now().Add(time.Hour).Format("15:04")
	waitMenu(t, ctx, menu, func(items []MenuItem) bool {
		first := items[0].Label
		return strings.HasPrefix(first, "Paused until ") && strings.HasSuffix(first, until) &&
			visible(items, "Resume") && !visible(items, "Pause")
	}, "first row \"Paused until … "+until+"\", Resume shown, Pause hidden")
	if out, _ := runLimber(t, d, bins.limber, "status", "--json"); !strings.Contains(out, `"state": "paused"`) {
		t.Errorf("status while paused = %s", out)
	}
	if err := menu.ClickLabel(ctx, "Resume"); err != nil {
		t.Fatal(err)
	}
	waitMenu(t, ctx, menu, func(items []MenuItem) bool {
		return !strings.HasPrefix(items[0].Label, "Paused") && visible(items, "Pause") && !visible(items, "Resume")
	}, "not paused, Pause shown, Resume hidden")
}

func visible(items []MenuItem, label string) bool {
	for _, it := range items {
		if it.Label == label {
			return it.Visible
		}
	}
	return false
}

func waitMenu(t *testing.T, ctx context.Context, m *Menu, ok func([]MenuItem) bool, what string) {
	t.Helper()
	var items []MenuItem
	err := pollUntil(5*time.Second, func() (bool, error) {
		var err error
		items, err = m.Items(ctx)
		return err == nil && len(items) > 0 && ok(items), err
	})
	if err != nil {
		t.Fatalf("menu never showed %s: %v; rows %v", what, err, Labels(items))
	}
}

// TestEndToEnd_HandEditedConfig: limber picks up an edit to config.toml
// without a restart; a broken edit is reported with its line and the file
// is left exactly as the user wrote it.
func TestEndToEnd_HandEditedConfig(t *testing.T) {
	config := func(stand string) string {
		return strings.Replace(testConfig, `stand_every = "3s"`, `stand_every = "`+stand+`"`, 1) + "\n[card]\nauto_open = false\n"
	}
	bins, d, _ := startTrayDesktop(t, func(string) string { return config("45m") })
	path := filepath.Join(d.ConfigHome, "limber", "config.toml")
	nextAt := func() time.Time {
		out, _ := runLimber(t, d, bins.limber, "status", "--json")
		var st status
		if err := json.Unmarshal([]byte(out), &st); err != nil {
			t.Fatalf("status %q: %v", out, err)
		}
		at, err := time.Parse(time.RFC3339, st.Next.At)
		if err != nil {
			t.Fatalf("next.at %q: %v", st.Next.At, err)
		}
		return at
	}
	before := nextAt()
	if err := os.WriteFile(path, []byte(config("1h30m")), 0o600); err != nil {
		t.Fatal(err)
	}
	err := pollUntil(5*time.Second, func() (bool, error) {
		gap := nextAt().Sub(before)
		return gap > 44*time.Minute && gap < 46*time.Minute, nil
	})
	if err != nil {
		t.Fatalf("next break did not move 45 minutes later after the edit (was %v, now %v)", before, nextAt())
	}

	broken := config("45m") + "\n[reminders\n"
	if err := os.WriteFile(path, []byte(broken), 0o600); err != nil {
		t.Fatal(err)
	}
	d.WaitNotificationFunc(t, "a settings problem", func(n Notification) bool {
		return n.AppName == "Limber" && strings.Contains(n.Body, "config.toml:")
	}, 10*time.Second)
	if got, _ := os.ReadFile(path); string(got) != broken {
		t.Errorf("limber changed the broken file to %q", got)
	}
	if _, code := runLimber(t, d, bins.limber, "status"); code != 0 {
		t.Errorf("limber status after a broken edit: exit %d", code)
	}
}

// TestEndToEnd_SettingsAndSafetyWindows opens the settings window and the
// safety guide from the command line, and a second launch of limber opens
// the settings of the running one.
func TestEndToEnd_SettingsAndSafetyWindows(t *testing.T) {
	bins, d, _ := startTrayDesktop(t, nil)
	if _, code := runLimber(t, d, bins.limber, "safety"); code != 0 {
		t.Fatalf("limber safety: exit %d", code)
	}
	safety := d.WaitWindow(t, "Limber — Safety", 10*time.Second)
	d.WaitDrawn(t, safety, 10*time.Second)
	if err := d.Screenshot(filepath.Join(ArtifactsDir(t), "safety.png")); err != nil {
		t.Error(err)
	}
	if _, code := runLimber(t, d, bins.limber); code != 0 {
		t.Fatalf("second launch of limber: exit %d, want 0", code)
	}
	if _, code := runLimber(t, d, bins.limber, "routine", "midday-break"); code != 0 {
		t.Fatalf("limber routine midday-break: exit %d", code)
	}
	d.WaitWindow(t, "Limber — Midday break", 10*time.Second)
	if _, code := runLimber(t, d, bins.limber, "routine", "no-such-routine"); code != 2 {
		t.Errorf("limber routine no-such-routine: exit %d, want 2", code)
	}
	settings := d.WaitWindow(t, "Limber — Settings", 10*time.Second)
	d.WaitDrawn(t, settings, 10*time.Second)
	if err := d.Screenshot(filepath.Join(ArtifactsDir(t), "settings.png")); err != nil {
		t.Error(err)
	}
}

// TestEndToEnd_SnoozeAndSkipFromCLI answers a due break from the command
// line, and says so when nothing is due.
func TestEndToEnd_SnoozeAndSkipFromCLI(t *testing.T) {
	bins, d, _ := startTrayDesktop(t, nil)
	if _, code := runLimber(t, d, bins.limber, "skip"); code != 2 {
		t.Errorf("limber skip with nothing due: exit %d, want 2", code)
	}
	d.WaitNotification(t, "Limber", "Time to stand up and stretch", 15*time.Second)
	state := func() string {
		out, _ := runLimber(t, d, bins.limber, "status", "--json")
		var st status
		json.Unmarshal([]byte(out), &st)
		return st.State
	}
	if s := state(); s != "due" {
		t.Fatalf("state after the break notification = %q, want due", s)
	}
	if _, code := runLimber(t, d, bins.limber, "snooze"); code != 0 {
		t.Fatalf("limber snooze: exit %d", code)
	}
	if s := state(); s != "working" {
		t.Errorf("state after snooze = %q, want working", s)
	}
	history := filepath.Join(d.StateHome, "limber", "history.jsonl")
	b, err := os.ReadFile(history)
	if err != nil || !strings.Contains(string(b), `"outcome":"snoozed"`) {
		t.Errorf("history after snooze = %q, %v; want a snoozed outcome", b, err)
	}
}

// TestEndToEnd_RunningAppHoldsTheBreak: while a program from the pause
// list runs (here a copy of sleep under a name of the test's), a due break
// is held back:
// no notification, and limber says why it waits.
func TestEndToEnd_RunningAppHoldsTheBreak(t *testing.T) {
	sleepPath, err := exec.LookPath("sleep")
	if err != nil {
		t.Fatal(err)
	}
	// A name of this run's own, so that other test runs on the machine
	// (which see the same processes) are not held back by it.
	name := fmt.Sprintf("lbcall%d", os.Getpid()%100000)
	zoom := filepath.Join(t.TempDir(), name)
	data, err := os.ReadFile(sleepPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(zoom, data, 0o755); err != nil {
		t.Fatal(err)
	}
	call := exec.Command(zoom, "60")
	if err := call.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { call.Process.Kill(); call.Wait() })

	bins, d, _ := startTrayDesktop(t, func(config string) string {
		return strings.Replace(config, "pause_while_running = []", `pause_while_running = ["`+name+`"]`, 1)
	})
	var st struct{ Waiting, Text string }
	err = pollUntil(15*time.Second, func() (bool, error) {
		out, _ := runLimber(t, d, bins.limber, "status", "--json")
		json.Unmarshal([]byte(out), &st)
		return st.Waiting != "", nil
	})
	if err != nil {
		t.Fatalf("limber never held the break while %s ran (last status text %q)", name, st.Text)
	}
	if !strings.Contains(st.Text, "Waiting: ") || !strings.Contains(st.Waiting, name) {
		t.Errorf("status while held = %+v, want it to name %s", st, name)
	}
	if n := limberNotifications(t, d); n != 0 {
		t.Errorf("%d break notifications while held", n)
	}
}

// startTrayDesktop starts the test desktop with a StatusNotifierWatcher,
// writes testConfig with the card's auto-open off (passed through edit
// when it is not nil), starts limber and waits for its tray item. It
// returns the binaries, the desktop and the item.
func startTrayDesktop(t *testing.T, edit func(config string) string) (limberBinaries, *Desktop, Item) {
	t.Helper()
	return startTrayDesktopAfter(t, edit, nil)
}

// startTrayDesktopAfter is startTrayDesktop with before run on the desktop
// before limber starts (to put a stand-in service on the bus, say).
func startTrayDesktopAfter(t *testing.T, edit func(config string) string, before func(*Desktop)) (limberBinaries, *Desktop, Item) {
	t.Helper()
	return startTrayDesktopWith(t, DesktopOptions{}, edit, before)
}

// startTrayDesktopWith is startTrayDesktopAfter on a desktop started with
// opts.
func startTrayDesktopWith(t *testing.T, opts DesktopOptions, edit func(config string) string, before func(*Desktop)) (limberBinaries, *Desktop, Item) {
	t.Helper()
	bins := binaries(t)
	d := StartDesktopWith(t, opts)
	w, err := StartWatcher(d.MustConn(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	if before != nil {
		before(d)
	}
	config := testConfig + "\n[card]\nauto_open = false\n"
	if edit != nil {
		config = edit(config)
	}
	path := filepath.Join(d.ConfigHome, "limber", "config.toml")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	startLimber(t, d, bins.limber)
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	item, err := w.WaitFirstItem(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return bins, d, item
}

// TestEndToEnd_CardWaitsForATypingPause: a break that falls due while the
// user types (the idle monitor says 0 s) is announced, but its card opens
// only once the user pauses for a few seconds.
func TestEndToEnd_CardWaitsForATypingPause(t *testing.T) {
	var idle *fakeIdleMonitor
	_, d, _ := startTrayDesktopAfter(t, func(config string) string {
		return strings.Replace(config, "auto_open = false", "auto_open = true", 1)
	}, func(d *Desktop) { idle = startFakeIdleMonitor(t, d, 0) })
	d.WaitNotification(t, "Limber", "Time to stand up and stretch", 15*time.Second)
	// Still typing: no card for a good while after the break fell due.
	deadline := time.Now().Add(4 * time.Second)
	for time.Now().Before(deadline) {
		if wins, _ := d.FindWindows("Limber — "); len(wins) > 0 {
			t.Fatalf("the card opened while the user was typing")
		}
		time.Sleep(200 * time.Millisecond)
	}
	idle.idleMs.Store(5000) // a pause of 5 s
	d.WaitWindow(t, "Limber — ", 10*time.Second)
}
