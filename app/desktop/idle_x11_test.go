//go:build linux

package desktop

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
	"github.com/jezek/xgb/xtest"
)

// pointer moves the X pointer through the XTEST extension, as a user's
// mouse would.
type pointer struct {
	t    *testing.T
	conn *xgb.Conn
	root xproto.Window
	x    int16
}

func newPointer(t *testing.T, display string) *pointer {
	t.Helper()
	conn, err := xgb.NewConnDisplay(display)
	if err != nil {
		t.Fatalf("connect to %s: %v", display, err)
	}
	t.Cleanup(conn.Close)
	if err := xtest.Init(conn); err != nil {
		t.Fatalf("XTEST: %v", err)
	}
	return &pointer{t: t, conn: conn, root: xproto.Setup(conn).DefaultScreen(conn).Root}
}

// move moves the pointer somewhere new; Check waits until the server has
// done it.
func (p *pointer) move() {
	p.t.Helper()
	p.x += 10
	err := xtest.FakeInputChecked(p.conn, xproto.MotionNotify, 0, 0, p.root, p.x, 20, 0).Check()
	if err != nil {
		p.t.Fatalf("FakeInput: %v", err)
	}
}

// x11Session points the environment at display, as an X11 session would.
func x11Session(t *testing.T, display string) {
	t.Setenv("DISPLAY", display)
	t.Setenv("WAYLAND_DISPLAY", "")
	t.Setenv("XDG_SESSION_TYPE", "x11")
}

func TestX11Idle(t *testing.T) {
	x := startXvfb(t, "", xauthority(t))
	p := newPointer(t, x.display)
	src := &x11Idle{display: x.display}
	defer src.close()
	if got := src.Name(); got != x11IdleName {
		t.Errorf("Name() = %q, want %q", got, x11IdleName)
	}

	p.move()
	moved, err := src.Idle()
	if err != nil || moved > 500*time.Millisecond {
		t.Fatalf("Idle() just after the pointer moved = %v, %v, want under 500ms", moved, err)
	}
	conn := src.conn

	// The X server keeps its own clock: only real time makes it count.
	const away = 300 * time.Millisecond
	time.Sleep(away)
	later, err := src.Idle()
	// The server counts in whole milliseconds and may round down.
	if err != nil || later < away-5*time.Millisecond || later < moved {
		t.Errorf("Idle() %v after the move = %v, %v, want at least that", away, later, err)
	}
	if src.conn != conn {
		t.Error("the second question opened a new X connection; want the first one kept")
	}

	p.move()
	if again, err := src.Idle(); err != nil || again >= later {
		t.Errorf("Idle() after the pointer moved again = %v, %v, want under %v", again, err, later)
	}
}

func TestX11Idle_Reconnects(t *testing.T) {
	auth := xauthority(t)
	x := startXvfb(t, "", auth)
	src := &x11Idle{display: x.display}
	defer src.close()
	if _, err := src.Idle(); err != nil {
		t.Fatalf("Idle() = %v", err)
	}
	x.stop()
	if got, err := src.Idle(); err == nil || !strings.Contains(err.Error(), x11IdleName) {
		t.Errorf("Idle() with the server gone = %v, %v, want an error that names %s", got, err, x11IdleName)
	}
	x = startXvfb(t, x.display, auth)
	newPointer(t, x.display).move()
	if got, err := src.Idle(); err != nil || got > 500*time.Millisecond {
		t.Errorf("Idle() on the restarted server = %v, %v, want under 500ms", got, err)
	}
}

func TestX11Idle_NoExtension(t *testing.T) {
	x := startXvfb(t, "", xauthority(t), "-extension", "MIT-SCREEN-SAVER")
	src := &x11Idle{display: x.display}
	got, err := src.Idle()
	if err == nil || !strings.Contains(err.Error(), "no MIT-SCREEN-SAVER extension") {
		t.Errorf("Idle() without the extension = %v, %v, want an error that says so", got, err)
	}
	if src.conn != nil {
		t.Error("the connection stays open after the failure")
	}
}

func TestFindIdleSource_X11(t *testing.T) {
	x := startXvfb(t, "", xauthority(t))

	t.Run("the X server when no D-Bus service answers", func(t *testing.T) {
		x11Session(t, x.display)
		src, err := FindIdleSource(testConn(t, startTestBus(t)))
		if err != nil {
			t.Fatalf("FindIdleSource() error = %v", err)
		}
		defer closeIdle(src)
		if got := src.Name(); got != x11IdleName {
			t.Errorf("Name() = %q, want %q", got, x11IdleName)
		}
		if _, err := src.Idle(); err != nil {
			t.Errorf("Idle() = %v", err)
		}
		if OnBus(src) {
			t.Error("OnBus says the X server's idle time needs the session bus")
		}
	})

	t.Run("without a session bus", func(t *testing.T) {
		x11Session(t, x.display)
		src, err := FindIdleSource(nil)
		if err != nil || src.Name() != x11IdleName {
			t.Fatalf("FindIdleSource(nil) = %v, %v, want %s", src, err, x11IdleName)
		}
		closeIdle(src)
	})

	t.Run("Mutter comes first", func(t *testing.T) {
		x11Session(t, x.display)
		addr := startTestBus(t)
		mutter(1500).start(t, addr)
		src, err := FindIdleSource(testConn(t, addr))
		if err != nil || src.Name() != mutterIdleName {
			t.Fatalf("FindIdleSource() = %v, %v, want %s", src, err, mutterIdleName)
		}
	})

	for _, env := range [][2]string{{"WAYLAND_DISPLAY", "wayland-0"}, {"XDG_SESSION_TYPE", "wayland"}} {
		t.Run("not in a Wayland session: "+env[0], func(t *testing.T) {
			x11Session(t, x.display)
			t.Setenv(env[0], env[1])
			src, err := FindIdleSource(testConn(t, startTestBus(t)))
			if !errors.Is(err, ErrNoIdleSource) || !strings.Contains(err.Error(), "Wayland session") {
				t.Errorf("FindIdleSource() = %v, %v, want ErrNoIdleSource that names the Wayland session", src, err)
			}
		})
	}
}

func TestIdleSources(t *testing.T) {
	x := startXvfb(t, "", xauthority(t))
	x11Session(t, x.display)
	x11Label := x11IdleName + " on " + x.display
	addr := startTestBus(t)
	screenSaver(screenSaverPath2, fakeScreenSaver{n: 4}).start(t, addr)

	type row struct {
		name            string
		available, used bool
		detail          string // a part of Detail
	}
	tests := []struct {
		name string
		bus  bool
		want []row
	}{
		{"with a session bus", true, []row{
			{mutterIdleName + " on " + string(mutterIdlePath), false, false, "GetIdletime"},
			{screenSaverName + " on " + string(screenSaverPath), false, false, "GetSessionIdleTime"},
			{screenSaverName + " on " + string(screenSaverPath2), true, true, "idle for 4s"},
			{x11Label, true, false, "idle for "},
		}},
		{"without one", false, []row{
			{mutterIdleName + " on " + string(mutterIdlePath), false, false, "no session bus"},
			{screenSaverName + " on " + string(screenSaverPath), false, false, "no session bus"},
			{screenSaverName + " on " + string(screenSaverPath2), false, false, "no session bus"},
			{x11Label, true, true, "idle for "},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var conn *dbus.Conn
			if tt.bus {
				conn = testConn(t, addr)
			}
			got := IdleSources(conn)
			if len(got) != len(tt.want) {
				t.Fatalf("IdleSources() = %+v, want %d sources", got, len(tt.want))
			}
			for j, w := range tt.want {
				g := got[j]
				if g.Name != w.name || g.Available != w.available || g.Used != w.used || !strings.Contains(g.Detail, w.detail) {
					t.Errorf("source %d = %+v, want %+v", j, g, w)
				}
			}
		})
	}
}

// TestX11Idle_EventsDoNotPileUp sends the source's connection more events
// than xgb queues (every client gets a MappingNotify when the keyboard
// mapping changes): it must still answer.
func TestX11Idle_EventsDoNotPileUp(t *testing.T) {
	x := startXvfb(t, "", xauthority(t))
	src := &x11Idle{display: x.display}
	defer src.close()
	if _, err := src.Idle(); err != nil {
		t.Fatal(err)
	}
	p := newPointer(t, x.display)
	go discardEvents(p.conn) // it gets the events too
	const queued = 5000      // xgb's event queue
	for i := range queued + 100 {
		sym := []xproto.Keysym{xproto.Keysym(0x61 + i%26)}
		if err := xproto.ChangeKeyboardMappingChecked(p.conn, 1, 200, 1, sym).Check(); err != nil {
			t.Fatalf("ChangeKeyboardMapping: %v", err)
		}
	}
	if _, err := src.Idle(); err != nil {
		t.Errorf("Idle() after %d events = %v", queued+100, err)
	}
}
