//go:build linux

package desktop

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/systray"
	"github.com/godbus/dbus/v5"
)

// fakeWatcher is a StatusNotifierWatcher that reports each registration,
// as the item's service and path.
type fakeWatcher struct{ got chan string }

func (w fakeWatcher) RegisterStatusNotifierItem(sender dbus.Sender, service string) *dbus.Error {
	w.got <- string(sender) + service
	return nil
}

// startWatcher serves a fakeWatcher on a new connection to the bus at
// addr, and returns the connection (closing it ends the tray host) and
// the registrations.
func startWatcher(t *testing.T, addr string) (*dbus.Conn, <-chan string) {
	t.Helper()
	conn := testConn(t, addr)
	w := fakeWatcher{got: make(chan string, 8)}
	if err := conn.Export(w, watcherPath, WatcherName); err != nil {
		t.Fatal(err)
	}
	own(t, conn, WatcherName)
	return conn, w.got
}

// wait returns the next value from c, failing t after a while.
func wait[T any](t *testing.T, c <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-c:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("no %s within 10s", what)
		var zero T
		return zero
	}
}

func wantTrayEvent(t *testing.T, events <-chan TrayHostEvent, want TrayHostEvent) {
	t.Helper()
	if got := wait(t, events, want.String()); got != want {
		t.Errorf("event = %v, want %v", got, want)
	}
}

// graceOf sets trayGoneGrace to d for the test.
func graceOf(t *testing.T, d time.Duration) {
	old := trayGoneGrace
	trayGoneGrace = d
	t.Cleanup(func() { trayGoneGrace = old })
}

func TestWatchTrayHost(t *testing.T) {
	graceOf(t, time.Millisecond)
	addr := startTestBus(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events, err := WatchTrayHost(ctx)
	if err != nil {
		t.Fatalf("WatchTrayHost() error = %v", err)
	}

	t.Log("a host starts")
	host := testConn(t, addr)
	own(t, host, WatcherName)
	wantTrayEvent(t, events, TrayHostBack)

	t.Log("another name comes and goes: nothing to say")
	other := testConn(t, addr)
	own(t, other, "org.example.Other")
	other.Close()

	t.Log("the host gives up its name")
	if _, err := host.ReleaseName(WatcherName); err != nil {
		t.Fatal(err)
	}
	wantTrayEvent(t, events, TrayHostGone)

	t.Log("a new host starts, then crashes")
	host = testConn(t, addr)
	own(t, host, WatcherName)
	wantTrayEvent(t, events, TrayHostBack)
	host.Close()
	wantTrayEvent(t, events, TrayHostGone)

	cancel()
	for range events {
		t.Error("an event after the context ended")
	}
}

// TestWatchTrayHost_Restart: a host that comes back within the grace
// period was never reported gone.
func TestWatchTrayHost_Restart(t *testing.T) {
	graceOf(t, time.Minute)
	addr := startTestBus(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events, err := WatchTrayHost(ctx)
	if err != nil {
		t.Fatal(err)
	}
	host := testConn(t, addr)
	own(t, host, WatcherName)
	wantTrayEvent(t, events, TrayHostBack)
	host.Close()
	own(t, testConn(t, addr), WatcherName)
	wantTrayEvent(t, events, TrayHostBack)
}

func TestWatchTrayHost_NoBus(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+t.TempDir()+"/missing")
	if events, err := WatchTrayHost(context.Background()); err == nil {
		t.Errorf("WatchTrayHost() with no bus = %v, nil, want an error", events)
	}
}

func TestTrayHostEvent(t *testing.T) {
	sig := func(sender, name string, body ...any) *dbus.Signal {
		return &dbus.Signal{Sender: sender, Path: busPath, Name: name, Body: body}
	}
	const changed = busName + "." + nameOwnerChanged
	tests := []struct {
		name   string
		sig    *dbus.Signal
		want   TrayHostEvent
		wantOK bool
	}{
		{"host starts", sig(busName, changed, WatcherName, "", ":1.4"), TrayHostBack, true},
		{"host hands over", sig(busName, changed, WatcherName, ":1.4", ":1.9"), TrayHostBack, true},
		{"host leaves", sig(busName, changed, WatcherName, ":1.4", ""), TrayHostGone, true},
		{"another name", sig(busName, changed, "org.example.Other", "", ":1.4"), 0, false},
		{"sent by someone else", sig(":1.7", changed, WatcherName, ":1.4", ""), 0, false},
		{"another signal", sig(busName, busName+".NameLost", WatcherName), 0, false},
		{"two arguments", sig(busName, changed, WatcherName, ""), 0, false},
		{"not strings", sig(busName, changed, WatcherName, 1, 2), 0, false},
		{"nil", nil, 0, false},
	}
	for _, tt := range tests {
		if got, ok := trayHostEvent(tt.sig); got != tt.want || ok != tt.wantOK {
			t.Errorf("%s: trayHostEvent() = %v, %v, want %v, %v", tt.name, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestRegisterTrayItem(t *testing.T) {
	addr := startTestBus(t)
	conn := testConn(t, addr)
	if err := registerTrayItem(conn); err == nil || !strings.Contains(err.Error(), WatcherName) {
		t.Errorf("registerTrayItem() with no host = %v, want an error that names %s", err, WatcherName)
	}
	_, got := startWatcher(t, addr)
	if err := registerTrayItem(conn); err != nil {
		t.Fatalf("registerTrayItem() error = %v", err)
	}
	if item, want := wait(t, got, "registration"), conn.Names()[0]+string(trayItemPath); item != want {
		t.Errorf("registered %q, want %q", item, want)
	}
}

// TestTrayItem_BackWithSystray runs the real fyne.io/systray item (on
// the shared session connection, as limber does), lets a notification
// server's signal reach that connection, and restarts the tray host: the
// host's return, as WatchTrayHost reports it, and RegisterTrayItem get the
// item registered again. (The signal alone stops systray's own
// re-registration; see RegisterTrayItem.) It is the only test that may
// start systray: it starts once per process.
func TestTrayItem_BackWithSystray(t *testing.T) {
	addr := startTestBus(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events, err := WatchTrayHost(ctx)
	if err != nil {
		t.Fatal(err)
	}
	host, got := startWatcher(t, addr)
	wantTrayEvent(t, events, TrayHostBack)

	start, end := systray.RunWithExternalLoop(nil, nil)
	start()
	defer end()
	shared, err := dbus.SessionBus()
	if err != nil {
		t.Fatal(err)
	}
	item := shared.Names()[0] + string(trayItemPath)
	if first := wait(t, got, "registration at start"); first != item {
		t.Fatalf("systray registered %q, want %q", first, item)
	}

	t.Log("a notification server tells the tray's connection a notification closed")
	server := testConn(t, addr)
	closed := &dbus.Message{Type: dbus.TypeSignal, Headers: map[dbus.HeaderField]dbus.Variant{
		dbus.FieldPath:        dbus.MakeVariant(notificationsPath),
		dbus.FieldInterface:   dbus.MakeVariant(notificationsName),
		dbus.FieldMember:      dbus.MakeVariant("NotificationClosed"),
		dbus.FieldDestination: dbus.MakeVariant(shared.Names()[0]),
		dbus.FieldSignature:   dbus.MakeVariant(dbus.SignatureOf(uint32(0), uint32(0))),
	}, Body: []any{uint32(1), uint32(1)}}
	if call := <-server.Send(closed, make(chan *dbus.Call, 1)).Done; call.Err != nil {
		t.Fatal(call.Err)
	}

	t.Log("the tray host restarts")
	host.Close()
	_, got = startWatcher(t, addr)
	wantTrayEvent(t, events, TrayHostBack)
	if err := RegisterTrayItem(); err != nil {
		t.Fatalf("RegisterTrayItem() error = %v", err)
	}
	if again := wait(t, got, "registration after the host came back"); again != item {
		t.Errorf("registered %q, want %q", again, item)
	}

	t.Log("the registration names systray's real item")
	var id dbus.Variant
	err = server.Object(shared.Names()[0], trayItemPath).
		Call("org.freedesktop.DBus.Properties.Get", 0, "org.kde.StatusNotifierItem", "Id").Store(&id)
	if err != nil {
		t.Errorf("the item at %s does not answer: %v", item, err)
	}
}
