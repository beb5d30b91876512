//go:build linux

package e2e

import (
	"encoding/json"
	"os"
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
	bins := binaries(t)
	d := StartDesktop(t)
	w, err := StartWatcher(d.MustConn(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	idle := startFakeIdleMonitor(t, d, 10*time.Minute)
	writeConfig(t, d, "\n[card]\nauto_open = false\n")
	path := filepath.Join(d.ConfigHome, "limber", "config.toml")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(b), "[reminders]\n", "[reminders]\nnatural_break = \"5s\"\n", 1)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}

	startLimber(t, d, bins.limber)
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
