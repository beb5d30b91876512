//go:build linux

package e2e

import (
	"bufio"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// TestHarness_TinyTray checks the harness on its own, with a small
// fyne.io/systray program instead of limber: desktop, watcher, dbusmenu
// (read and click), notifications, windows and screenshots.
func TestHarness_TinyTray(t *testing.T) {
	start := time.Now()
	d := StartDesktop(t)
	t.Logf("desktop %s up in %v", d.Display, time.Since(start).Round(time.Millisecond))
	w, err := StartWatcher(d.MustConn(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := w.Close(); err != nil {
			t.Error(err)
		}
	})

	bin := filepath.Join(t.TempDir(), "tinytray")
	if err := GoBuild("./app/e2e/testdata/tinytray", bin, false); err != nil {
		t.Fatal(err)
	}
	cmd := d.Command(bin, nil)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p, err := StartProcess(cmd)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := p.Stop(time.Second); err != nil {
			t.Error(err)
		}
	})
	lines := readLines(out)

	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	item, err := w.WaitFirstItem(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("tray item %s registered %v after start", item, item.At.Sub(p.Started()))
	if item.Path != "/StatusNotifierItem" || !strings.HasPrefix(item.Service, ":") {
		t.Errorf("registered item = %s, want <unique name>/StatusNotifierItem", item)
	}

	menu, err := OpenMenu(ctx, d.MustConn(t), item.Service, item.Path)
	if err != nil {
		t.Fatal(err)
	}
	items, err := menu.Items(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(Labels(items), "|")
	if want := "Status row|Click me|More|Nested||Quit"; got != want {
		t.Errorf("menu labels = %q, want %q", got, want)
	}
	if len(items) > 0 && items[0].Enabled {
		t.Errorf("first row %+v is enabled, want disabled", items[0])
	}

	for _, label := range []string{"Click me", "Nested"} {
		if err := menu.ClickLabel(ctx, label); err != nil {
			t.Fatal(err)
		}
		if line := nextLine(t, lines, 5*time.Second); line != "clicked "+label {
			t.Errorf("after clicking %q the program printed %q", label, line)
		}
	}

	// Expire timeout 0 means "never"; dunst's catch-all rule must close it anyway.
	call := d.MustConn(t).Object("org.freedesktop.Notifications", "/org/freedesktop/Notifications").CallWithContext(ctx,
		"org.freedesktop.Notifications.Notify", 0, "Harness", uint32(0), "", "Hello from the harness", "body",
		[]string{}, map[string]dbus.Variant{"urgency": dbus.MakeVariant(byte(2))}, int32(0))
	if call.Err != nil {
		t.Fatalf("Notify: %v", call.Err)
	}
	n := d.WaitNotification(t, "Harness", "Hello", 10*time.Second)
	if n.Body != "body" {
		t.Errorf("notification body = %q, want %q", n.Body, "body")
	}

	// Any X client will do to check the window lookup; xmessage (x11-utils) is optional.
	xmsg := d.Command("xmessage", []string{"-name", "x", "-title", "Limber — harness check", "hi"})
	if xp, err := StartProcess(xmsg); err == nil {
		t.Cleanup(func() {
			if err := xp.Stop(time.Second); err != nil {
				t.Error(err)
			}
		})
		got := d.WaitWindow(t, "Limber — ", 5*time.Second)
		t.Logf("window %s %q", got.ID, got.Name)
		d.WaitDrawn(t, got, 5*time.Second)
	} else {
		t.Logf("xmessage not available (%v); window lookup not checked", err)
	}
	if err := d.Screenshot(filepath.Join(ArtifactsDir(t), "screen.png")); err != nil {
		t.Error(err)
	}

	if err := menu.ClickLabel(ctx, "Quit"); err != nil {
		t.Fatal(err)
	}
	code, err := p.Wait(5 * time.Second)
	if err != nil || code != 0 {
		t.Errorf("tinytray after Quit: exit code %d, %v; want 0", code, err)
	}
	if err := pollUntil(5*time.Second, func() (bool, error) { return len(w.Items()) == 0, nil }); err != nil {
		t.Errorf("watcher still lists %v after the item left the bus", w.Items())
	}
}

// readLines sends each line read from r on the returned channel.
func readLines(r io.Reader) <-chan string {
	c := make(chan string, 64)
	go func() {
		defer close(c)
		s := bufio.NewScanner(r)
		for s.Scan() {
			c <- s.Text()
		}
	}()
	return c
}

func nextLine(t *testing.T, lines <-chan string, timeout time.Duration) string {
	t.Helper()
	select {
	case l, ok := <-lines:
		if !ok {
			t.Fatal("program closed its output")
		}
		return l
	case <-time.After(timeout):
		t.Fatalf("no output within %v", timeout)
		return ""
	}
}
