//go:build linux

package desktop

import (
	"errors"
	"net"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/limber-app/limber/app/testbus"
)

// startTestBus starts a private bus for t and points
// DBUS_SESSION_BUS_ADDRESS at it.
func startTestBus(t *testing.T) string {
	t.Helper()
	addr := testbus.Start(t)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", addr)
	return addr
}

// testConn opens a connection to the bus at addr, closed when t ends.
func testConn(t *testing.T, addr string) *dbus.Conn {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatalf("connect to test bus: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// own makes conn the owner of name.
func own(t *testing.T, conn *dbus.Conn, name string) {
	t.Helper()
	reply, err := conn.RequestName(name, dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("RequestName(%s) = %v, %v, want primary owner", name, reply, err)
	}
}

type fakeMutter struct{ ms uint64 }

func (f fakeMutter) GetIdletime() (uint64, *dbus.Error) { return f.ms, nil }

type fakeScreenSaver struct {
	n    uint32
	fail bool // answer as kscreenlocker does on Wayland
}

func (f fakeScreenSaver) GetSessionIdleTime() (uint32, *dbus.Error) {
	if f.fail {
		return 0, dbus.NewError("org.freedesktop.DBus.Error.NotSupported", []any{"GetSessionIdleTime is not supported on this platform"})
	}
	return f.n, nil
}

// service is what one fake desktop service connection exports.
type service struct {
	names []string        // bus names the connection owns
	obj   any             // exported object
	path  dbus.ObjectPath // where
	iface string
}

func mutter(ms uint64) service {
	return service{names: []string{mutterIdleName}, obj: fakeMutter{ms}, path: mutterIdlePath, iface: mutterIdleName}
}

func screenSaver(path dbus.ObjectPath, ss fakeScreenSaver, extraNames ...string) service {
	return service{names: append([]string{screenSaverName}, extraNames...), obj: ss, path: path, iface: screenSaverName}
}

func (s service) start(t *testing.T, addr string) {
	t.Helper()
	conn := testConn(t, addr)
	if err := conn.Export(s.obj, s.path, s.iface); err != nil {
		t.Fatal(err)
	}
	for _, n := range s.names {
		own(t, conn, n)
	}
}

func TestFindIdleSource(t *testing.T) {
	tests := []struct {
		name     string
		services []service
		wantName string
		want     time.Duration
	}{
		{"Mutter wins over ScreenSaver", []service{mutter(1500), screenSaver(screenSaverPath, fakeScreenSaver{n: 7})}, mutterIdleName, 1500 * time.Millisecond},
		{"ScreenSaver alone, in seconds", []service{screenSaver(screenSaverPath, fakeScreenSaver{n: 7})}, screenSaverName, 7 * time.Second},
		{"ScreenSaver on /ScreenSaver only", []service{screenSaver(screenSaverPath2, fakeScreenSaver{n: 42})}, screenSaverName, 42 * time.Second},
		{"KDE's ScreenSaver, in milliseconds", []service{screenSaver(screenSaverPath2, fakeScreenSaver{n: 90500}, kdeScreenSaver)}, screenSaverName + " (KDE, milliseconds)", 90500 * time.Millisecond},
		{"org.kde.screensaver on another connection stays seconds", []service{
			screenSaver(screenSaverPath, fakeScreenSaver{n: 9}),
			{names: []string{kdeScreenSaver}, obj: fakeScreenSaver{n: 1}, path: "/Other", iface: "org.example.Other"},
		}, screenSaverName, 9 * time.Second},
		{"Mutter failing falls through to ScreenSaver", []service{
			{names: []string{mutterIdleName}, obj: fakeMutter{}, path: "/wrong/path", iface: mutterIdleName},
			screenSaver(screenSaverPath, fakeScreenSaver{n: 3}),
		}, screenSaverName, 3 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			addr := startTestBus(t)
			for _, s := range tt.services {
				s.start(t, addr)
			}
			src, err := FindIdleSource(testConn(t, addr))
			if err != nil {
				t.Fatalf("FindIdleSource() error = %v", err)
			}
			if got := src.Name(); got != tt.wantName {
				t.Errorf("Name() = %q, want %q", got, tt.wantName)
			}
			got, err := src.Idle()
			if err != nil || got != tt.want {
				t.Errorf("Idle() = %v, %v, want %v", got, err, tt.want)
			}
			if !OnBus(src) {
				t.Errorf("OnBus(%s) = false, but it asks over the bus", src.Name())
			}
		})
	}
}

func TestFindIdleSource_NoneAnswers(t *testing.T) {
	tests := []struct {
		name     string
		services []service
	}{
		{"nothing on the bus", nil},
		{"ScreenSaver refuses, as KDE on Wayland does", []service{screenSaver(screenSaverPath, fakeScreenSaver{fail: true})}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("DISPLAY", "")
			addr := startTestBus(t)
			for _, s := range tt.services {
				s.start(t, addr)
			}
			src, err := FindIdleSource(testConn(t, addr))
			if !errors.Is(err, ErrNoIdleSource) {
				t.Fatalf("FindIdleSource() = %v, %v, want ErrNoIdleSource", src, err)
			}
			for _, want := range []string{mutterIdleName, screenSaverName, string(screenSaverPath), string(screenSaverPath2), x11IdleName + ": no X display"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not name %s", err, want)
				}
			}
		})
	}
}

func TestIdle_FollowsTheService(t *testing.T) {
	addr := startTestBus(t)
	ss := &countingScreenSaver{}
	conn := testConn(t, addr)
	if err := conn.Export(ss, screenSaverPath, screenSaverName); err != nil {
		t.Fatal(err)
	}
	own(t, conn, screenSaverName)
	src, err := FindIdleSource(testConn(t, addr))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []time.Duration{2 * time.Second, 3 * time.Second} {
		got, err := src.Idle()
		if err != nil || got != want {
			t.Errorf("Idle() = %v, %v, want %v", got, err, want)
		}
	}
	conn.Close()
	if got, err := src.Idle(); err == nil {
		t.Errorf("Idle() after the service left = %v, nil, want an error", got)
	}
}

// countingScreenSaver answers 1, 2, 3, … seconds on successive calls.
type countingScreenSaver struct{ n atomic.Uint32 }

func (c *countingScreenSaver) GetSessionIdleTime() (uint32, *dbus.Error) {
	return c.n.Add(1), nil
}

func TestPrivateSessionBus(t *testing.T) {
	startTestBus(t)
	conn, err := PrivateSessionBus()
	if err != nil {
		t.Fatalf("PrivateSessionBus() error = %v", err)
	}
	defer conn.Close()
	if names := conn.Names(); len(names) == 0 || !strings.HasPrefix(names[0], ":") {
		t.Errorf("Names() = %v, want a unique name from Hello", names)
	}

	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+filepath.Join(t.TempDir(), "missing"))
	if conn, err := PrivateSessionBus(); err == nil {
		conn.Close()
		t.Error("PrivateSessionBus() with no bus = nil error, want one")
	}
}

func TestPrivateSessionBus_SilentBus(t *testing.T) {
	// A socket that accepts connections and never says a word.
	sock := filepath.Join(t.TempDir(), "silent")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+sock)
	defer func(d time.Duration) { connectTimeout = d }(connectTimeout)
	connectTimeout = 100 * time.Millisecond
	conn, err := PrivateSessionBus()
	if err == nil {
		conn.Close()
		t.Fatal("PrivateSessionBus() on a silent bus = nil error, want one")
	}
	if !strings.Contains(err.Error(), "no answer") {
		t.Errorf("PrivateSessionBus() error = %v, want no answer", err)
	}
}
