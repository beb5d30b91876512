//go:build linux

package desktop

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// useSystemBus points WatchSession's system bus at addr until t ends.
func useSystemBus(t *testing.T, addr string) {
	t.Helper()
	saved := systemBusAddress
	t.Cleanup(func() { systemBusAddress = saved })
	systemBusAddress = func() string { return addr }
}

// noBus returns the address of a bus that is not there.
func noBus(t *testing.T) string {
	return "unix:path=" + filepath.Join(t.TempDir(), "missing")
}

// watch starts WatchSession and stops it when t ends.
func watch(t *testing.T) <-chan SessionEvent {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	events, err := WatchSession(ctx)
	if err != nil {
		t.Fatalf("WatchSession() error = %v", err)
	}
	return events
}

// expect reads the next event and checks its kind.
func expect(t *testing.T, events <-chan SessionEvent, want SessionEventKind) SessionEvent {
	t.Helper()
	select {
	case ev, ok := <-events:
		if !ok {
			t.Fatalf("events closed, want %v", want)
		}
		if ev.Kind != want {
			t.Fatalf("event = %v, want %v", ev.Kind, want)
		}
		return ev
	case <-time.After(10 * time.Second):
		t.Fatalf("no event within 10s, want %v", want)
	}
	return SessionEvent{}
}

// emit sends a signal from conn and waits until the bus has routed it: the
// bus handles one connection's messages in order, so once it answers a
// later call the signal is on its way to every listener.
func emit(t *testing.T, conn *dbus.Conn, path dbus.ObjectPath, name string, args ...any) {
	t.Helper()
	if err := conn.Emit(path, name, args...); err != nil {
		t.Fatalf("Emit(%s) error = %v", name, err)
	}
	var id string
	if err := conn.BusObject().Call("org.freedesktop.DBus.GetId", 0).Store(&id); err != nil {
		t.Fatalf("GetId error = %v", err)
	}
}

func TestWatchSession_ScreenSaver(t *testing.T) {
	addr := startTestBus(t)
	useSystemBus(t, noBus(t))
	events := watch(t)
	ss := testConn(t, addr)
	own(t, ss, screenSaverName)

	emit(t, ss, screenSaverPath, "org.freedesktop.ScreenSaver.ActiveChanged", true)
	expect(t, events, Locked)
	emit(t, ss, screenSaverPath, "org.freedesktop.ScreenSaver.ActiveChanged", false)
	expect(t, events, Unlocked)
	emit(t, ss, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver.ActiveChanged", true)
	expect(t, events, Locked)
	emit(t, ss, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver.ActiveChanged", false)
	expect(t, events, Unlocked)

	// Not a screen saver's signals: ignored.
	emit(t, ss, screenSaverPath, "org.freedesktop.ScreenSaver.ActiveChanged", "yes")
	emit(t, ss, screenSaverPath, "org.example.Other.ActiveChanged", true)
	// Two screen savers report one lock: one event.
	emit(t, ss, screenSaverPath, "org.freedesktop.ScreenSaver.ActiveChanged", true)
	emit(t, ss, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver.ActiveChanged", true)
	emit(t, ss, screenSaverPath, "org.freedesktop.ScreenSaver.ActiveChanged", false)
	expect(t, events, Locked)
	expect(t, events, Unlocked)
}

// fakeLogind is logind's Manager for a process in session.
type fakeLogind struct {
	session dbus.ObjectPath
	pid     atomic.Uint32 // what GetSessionByPID was asked for
}

func (f *fakeLogind) GetSessionByPID(pid uint32) (dbus.ObjectPath, *dbus.Error) {
	f.pid.Store(pid)
	return f.session, nil
}

// fakeLogindNoSession is logind's Manager for a process outside any
// session (started by the user's systemd): only "auto" finds one.
type fakeLogindNoSession struct{ session dbus.ObjectPath }

func (f fakeLogindNoSession) GetSessionByPID(uint32) (dbus.ObjectPath, *dbus.Error) {
	return "", dbus.NewError("org.freedesktop.login1.NoSessionForPID", []any{"PID does not belong to any known session"})
}

func (f fakeLogindNoSession) GetSession(id string) (dbus.ObjectPath, *dbus.Error) {
	if id != "auto" {
		return "", dbus.NewError("org.freedesktop.login1.NoSuchSession", []any{"no session " + id})
	}
	return f.session, nil
}

// startLogind puts manager on the bus at addr as logind.
func startLogind(t *testing.T, addr string, manager any) *dbus.Conn {
	t.Helper()
	conn := testConn(t, addr)
	if manager != nil {
		if err := conn.Export(manager, logindPath, logindManager); err != nil {
			t.Fatal(err)
		}
	}
	own(t, conn, logindName)
	return conn
}

func TestWatchSession_Logind(t *testing.T) {
	addr := startTestBus(t)
	useSystemBus(t, addr)
	const session = dbus.ObjectPath("/org/freedesktop/login1/session/_32")
	manager := &fakeLogind{session: session}
	logind := startLogind(t, addr, manager)
	events := watch(t)
	if got, want := manager.pid.Load(), uint32(os.Getpid()); got != want {
		t.Errorf("GetSessionByPID(%d), want GetSessionByPID(%d)", got, want)
	}

	// Only logind may say the machine sleeps.
	impostor := testConn(t, addr)
	emit(t, impostor, logindPath, "org.freedesktop.login1.Manager.PrepareForSleep", true)
	emit(t, logind, logindPath, "org.freedesktop.login1.Manager.PrepareForSleep", false)
	expect(t, events, Woke)

	emit(t, logind, logindPath, "org.freedesktop.login1.Manager.PrepareForSleep", true)
	sleeping := expect(t, events, Sleeping)
	emit(t, logind, logindPath, "org.freedesktop.login1.Manager.PrepareForSleep", false)
	woke := expect(t, events, Woke)
	for _, ev := range []SessionEvent{sleeping, woke} {
		if strings.Contains(ev.At.String(), "m=") {
			t.Errorf("%v at %v has a monotonic reading, want wall clock only", ev.Kind, ev.At)
		}
	}
	if woke.At.Before(sleeping.At) {
		t.Errorf("woke at %v, before sleeping at %v", woke.At, sleeping.At)
	}

	// Another user's session locks: not ours.
	emit(t, logind, "/org/freedesktop/login1/session/c7", "org.freedesktop.login1.Session.Lock")
	emit(t, logind, session, "org.freedesktop.login1.Session.Unlock")
	expect(t, events, Unlocked)
	emit(t, logind, session, "org.freedesktop.login1.Session.Lock")
	expect(t, events, Locked)
	emit(t, logind, session, "org.freedesktop.login1.Session.Unlock")
	expect(t, events, Unlocked)
}

func TestWatchSession_LogindAutoSession(t *testing.T) {
	addr := startTestBus(t)
	useSystemBus(t, addr)
	const session = dbus.ObjectPath("/org/freedesktop/login1/session/_33")
	logind := startLogind(t, addr, fakeLogindNoSession{session})
	events := watch(t)

	emit(t, logind, session, "org.freedesktop.login1.Session.Lock")
	expect(t, events, Locked)
}

func TestWatchSession_LogindWithoutSessions(t *testing.T) {
	addr := startTestBus(t)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", noBus(t))
	useSystemBus(t, addr)
	logind := startLogind(t, addr, nil) // answers no method
	events := watch(t)

	emit(t, logind, logindPath, "org.freedesktop.login1.Manager.PrepareForSleep", true)
	expect(t, events, Sleeping)
}

func TestWatchSession_NoBus(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", noBus(t))
	useSystemBus(t, noBus(t))
	events, err := WatchSession(context.Background())
	if err == nil {
		t.Fatalf("WatchSession() with no bus = %v, nil, want an error", events)
	}
	for _, want := range []string{"system bus", "session bus"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name the %s", err, want)
		}
	}
}

func TestWatchSession_ClosesWhenDone(t *testing.T) {
	addr := startTestBus(t)
	useSystemBus(t, addr)
	ctx, cancel := context.WithCancel(context.Background())
	events, err := WatchSession(ctx)
	if err != nil {
		t.Fatalf("WatchSession() error = %v", err)
	}
	cancel()
	select {
	case ev, ok := <-events:
		if ok {
			t.Errorf("event %v after cancel, want the channel closed", ev)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("events not closed within 10s of cancel")
	}
}

func TestDedupe(t *testing.T) {
	tests := []struct {
		name string
		in   []SessionEventKind
		want []SessionEventKind
	}{
		{"first of each pair passes", []SessionEventKind{Unlocked, Woke}, []SessionEventKind{Unlocked, Woke}},
		{"repeats drop", []SessionEventKind{Locked, Locked, Unlocked, Unlocked, Locked}, []SessionEventKind{Locked, Unlocked, Locked}},
		{"pairs are apart", []SessionEventKind{Locked, Sleeping, Locked, Woke, Sleeping, Unlocked}, []SessionEventKind{Locked, Sleeping, Woke, Sleeping, Unlocked}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d dedupe
			var got []SessionEventKind
			for _, k := range tt.in {
				if d.fresh(k) {
					got = append(got, k)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("fresh(%v) let through %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
