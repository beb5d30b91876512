package desktop

import (
	"errors"
	"fmt"
	"io"
	"log"
	"sync"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// xgb logs to stderr when there is no ~/.Xauthority, which is normal on
// many desktops and says nothing about whether the connection works; a
// failed connection is reported through the errors Limber gets.
func init() { xgb.Logger = log.New(io.Discard, "", 0) }

// FullscreenApp returns a Hold that is active while the window the X11
// window manager calls active (_NET_ACTIVE_WINDOW on the root window) is
// full screen (its _NET_WM_STATE holds _NET_WM_STATE_FULLSCREEN): a film,
// a presentation, a game. display is an X display name such as ":0"; ""
// means $DISPLAY.
//
// It connects on the first check and again after any failure. A failure
// is reported once, then checks answer false with no error until one
// succeeds, so a session with no X display (Wayland without Xwayland)
// costs one message. Under Xwayland only X11 windows are seen.
//
// The hold is safe for concurrent use.
func FullscreenApp(display string) Hold {
	return &fullscreenApp{display: display}
}

type fullscreenApp struct {
	display string

	mu       sync.Mutex // held through a check
	x        *xDisplay  // nil until connected
	reported bool       // a failure was reported since the last good check
}

func (*fullscreenApp) Name() string { return "fullscreen app" }

// Close closes the hold's X connection, if it has one; a later check opens
// a new one.
func (f *fullscreenApp) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.x != nil {
		f.x.conn.Close()
		f.x = nil
	}
	return nil
}

func (f *fullscreenApp) Active() (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	on, err := f.checkLocked()
	if err == nil {
		f.reported = false
		return on, nil
	}
	if f.reported {
		return false, nil
	}
	f.reported = true
	return false, err
}

func (f *fullscreenApp) checkLocked() (bool, error) {
	if f.x == nil {
		x, err := dialX(f.display)
		if err != nil {
			return false, fmt.Errorf("connect to X display %q: %w", f.display, err)
		}
		f.x = x
	}
	on, err := within(callTimeout, f.x.fullscreen)
	if err != nil {
		f.x.conn.Close()
		f.x = nil
		return false, fmt.Errorf("ask X display %q for the active window: %w", f.display, err)
	}
	return on, nil
}

// xDisplay is a connection to an X server and the atoms a check needs.
type xDisplay struct {
	conn                                *xgb.Conn
	root                                xproto.Window
	activeWindow, wmState, wmFullscreen xproto.Atom
}

// dialX connects to display and interns the atoms, within callTimeout.
func dialX(display string) (*xDisplay, error) {
	return connectWithin(callTimeout,
		func() (*xDisplay, error) { return connectX(display) },
		func(x *xDisplay) { x.conn.Close() })
}

// connectWithin runs connect and waits for it at most d. A connection that
// comes after the timeout is closed with closeLate when it comes.
func connectWithin[T any](d time.Duration, connect func() (T, error), closeLate func(T)) (T, error) {
	return waitAtMost(d, connect, closeLate)
}

// dialScreen connects to display and returns the connection and the root
// window of its default screen.
func dialScreen(display string) (*xgb.Conn, xproto.Window, error) {
	conn, err := xgb.NewConnDisplay(display)
	if err != nil {
		return nil, 0, err
	}
	setup := xproto.Setup(conn)
	if setup == nil || int(conn.DefaultScreen) >= len(setup.Roots) {
		conn.Close()
		return nil, 0, errors.New("the server names no screen")
	}
	return conn, setup.Roots[conn.DefaultScreen].Root, nil
}

func connectX(display string) (*xDisplay, error) {
	conn, root, err := dialScreen(display)
	if err != nil {
		return nil, err
	}
	x := &xDisplay{conn: conn, root: root}
	for name, atom := range map[string]*xproto.Atom{
		"_NET_ACTIVE_WINDOW":       &x.activeWindow,
		"_NET_WM_STATE":            &x.wmState,
		"_NET_WM_STATE_FULLSCREEN": &x.wmFullscreen,
	} {
		// Interned rather than looked up: before a window manager
		// starts they may not exist yet, and None would stick.
		reply, err := xproto.InternAtom(conn, false, uint16(len(name)), name).Reply()
		if err != nil {
			conn.Close()
			return nil, fmt.Errorf("intern %s: %w", name, err)
		}
		*atom = reply.Atom
	}
	go discardEvents(conn)
	return x, nil
}

// fullscreen reports whether the active window is full screen.
func (x *xDisplay) fullscreen() (bool, error) {
	active, err := x.property(x.root, x.activeWindow, xproto.AtomWindow)
	if err != nil || len(active) == 0 || active[0] == 0 {
		return false, err
	}
	state, err := x.property(xproto.Window(active[0]), x.wmState, xproto.AtomAtom)
	var badWindow xproto.WindowError
	if errors.As(err, &badWindow) {
		return false, nil // the window closed since the manager named it
	}
	if err != nil {
		return false, err
	}
	for _, a := range state {
		if xproto.Atom(a) == x.wmFullscreen {
			return true, nil
		}
	}
	return false, nil
}

// maxValues bounds how many values property reads; no window has more
// states than this.
const maxValues = 64

// property reads up to maxValues 32-bit values of type typ from
// window's property prop. A property that is missing or of another type
// has none.
func (x *xDisplay) property(window xproto.Window, prop, typ xproto.Atom) ([]uint32, error) {
	reply, err := xproto.GetProperty(x.conn, false, window, prop, typ, 0, maxValues).Reply()
	if err != nil {
		return nil, err
	}
	if reply == nil || reply.Type != typ || reply.Format != 32 {
		return nil, nil
	}
	values := make([]uint32, 0, reply.ValueLen)
	for i := 0; i+4 <= len(reply.Value) && len(values) < int(reply.ValueLen); i += 4 {
		values = append(values, xgb.Get32(reply.Value[i:]))
	}
	return values, nil
}

// within runs f and waits for it at most d. After a timeout f goes on
// running; the caller must make it end (closing the X connection does).
func within[T any](d time.Duration, f func() (T, error)) (T, error) {
	return waitAtMost(d, f, nil)
}

// waitAtMost runs f and waits for it at most d. After a timeout f goes on
// running, and what it returns, if it succeeds, goes to late (when not nil).
func waitAtMost[T any](d time.Duration, f func() (T, error), late func(T)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := f()
		done <- result{v, err}
	}()
	timeout := time.NewTimer(d)
	defer timeout.Stop()
	select {
	case r := <-done:
		return r.v, r.err
	case <-timeout.C:
		if late != nil {
			go func() {
				if r := <-done; r.err == nil {
					late(r.v)
				}
			}()
		}
		var zero T
		return zero, fmt.Errorf("no answer within %v", d)
	}
}
