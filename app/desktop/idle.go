package desktop

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/godbus/dbus/v5"
)

// callTimeout bounds one D-Bus call, so that a desktop service that has hung
// cannot hang Limber (or `limber doctor`) with it.
const callTimeout = 3 * time.Second

// D-Bus names of the idle time services FindIdleSource knows.
const (
	mutterIdleName   = "org.gnome.Mutter.IdleMonitor"
	screenSaverName  = "org.freedesktop.ScreenSaver"
	kdeScreenSaver   = "org.kde.screensaver"
	mutterIdlePath   = dbus.ObjectPath("/org/gnome/Mutter/IdleMonitor/Core")
	mutterGetIdle    = mutterIdleName + ".GetIdletime"
	screenSaverIdle  = screenSaverName + ".GetSessionIdleTime"
	screenSaverPath  = dbus.ObjectPath("/org/freedesktop/ScreenSaver")
	screenSaverPath2 = dbus.ObjectPath("/ScreenSaver")
)

// ErrNoIdleSource means no service on the session bus told Limber the idle
// time. FindIdleSource wraps it with what it tried.
var ErrNoIdleSource = errors.New("no idle time source answered")

// connectTimeout bounds how long PrivateSessionBus waits for the bus to
// authenticate and name the connection.
var connectTimeout = callTimeout

// PrivateSessionBus opens a new private connection to the session bus and
// authenticates on it. The caller owns it and must Close it. Unlike
// dbus.SessionBusPrivate it never autolaunches a bus: with no session bus
// running it fails, so that Limber (and `limber doctor`) report the desktop
// as it is instead of starting a bus of their own. A bus that does not
// answer within a few seconds is an error too.
func PrivateSessionBus() (*dbus.Conn, error) {
	return privateBus("session", func() (*dbus.Conn, error) { return dbus.SessionBusPrivateNoAutoStartup() })
}

// IdleSource reports how long the user has been idle.
type IdleSource interface {
	// Name says which service answers, for logs and `limber doctor`.
	Name() string
	// Idle returns the time since the user last touched keyboard or mouse.
	Idle() (time.Duration, error)
}

// busIdle is an IdleSource that asks one method of one D-Bus object. It is
// safe for concurrent use (dbus.Conn is).
type busIdle struct {
	name   string
	conn   *dbus.Conn
	dest   string
	path   dbus.ObjectPath
	method string
	unit   time.Duration // what one count of the answer is worth
}

func (s *busIdle) Name() string { return s.name }

func (s *busIdle) Idle() (time.Duration, error) {
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	// NoAutoStart: asking for the idle time must never start a screen
	// saver that the desktop is not running.
	call := s.conn.Object(s.dest, s.path).CallWithContext(ctx, s.method, dbus.FlagNoAutoStart)
	if call.Err != nil {
		return 0, fmt.Errorf("%s at %s: %w", s.method, s.path, call.Err)
	}
	if len(call.Body) != 1 {
		return 0, fmt.Errorf("%s at %s: %d values in the answer, want 1", s.method, s.path, len(call.Body))
	}
	var n uint64
	switch v := call.Body[0].(type) {
	case uint64:
		n = v
	case uint32:
		n = uint64(v)
	default:
		return 0, fmt.Errorf("%s at %s: answer is a %T, want an unsigned integer", s.method, s.path, v)
	}
	if n > uint64(math.MaxInt64/s.unit) {
		return time.Duration(math.MaxInt64), nil
	}
	return time.Duration(n) * s.unit, nil
}

// FindIdleSource returns the first idle time service on conn that answers,
// trying in this order:
//
//  1. GNOME's Mutter: org.gnome.Mutter.IdleMonitor.GetIdletime on
//     /org/gnome/Mutter/IdleMonitor/Core, in milliseconds.
//  2. org.freedesktop.ScreenSaver.GetSessionIdleTime on
//     /org/freedesktop/ScreenSaver, then on /ScreenSaver. The interface's
//     draft says seconds, and xfce4-screensaver and the old
//     gnome-screensaver answer in seconds, but KDE's kscreenlocker answers
//     in milliseconds (KIdleTime's unit). Reading milliseconds as seconds
//     would credit a natural break after a few seconds' pause, so when the
//     connection that owns org.freedesktop.ScreenSaver also owns
//     org.kde.screensaver (as kscreenlocker's does) the answer is read as
//     milliseconds, and otherwise as seconds. (On Wayland kscreenlocker
//     answers with an error, and the source is not used.)
//
// A service answers when the call returns an unsigned integer. Calls never
// start a service by bus activation. conn must stay open while the source
// is used; the source does not close it. When nothing answers, the error
// wraps ErrNoIdleSource and says what was tried.
func FindIdleSource(conn *dbus.Conn) (IdleSource, error) {
	candidates := []*busIdle{
		{name: mutterIdleName, dest: mutterIdleName, path: mutterIdlePath, method: mutterGetIdle, unit: time.Millisecond},
	}
	ssUnit, ssName := time.Second, screenSaverName
	if sameOwner(conn, screenSaverName, kdeScreenSaver) {
		ssUnit, ssName = time.Millisecond, screenSaverName+" (KDE, milliseconds)"
	}
	for _, p := range []dbus.ObjectPath{screenSaverPath, screenSaverPath2} {
		candidates = append(candidates, &busIdle{name: ssName, dest: screenSaverName, path: p, method: screenSaverIdle, unit: ssUnit})
	}
	var tried []string
	for _, c := range candidates {
		c.conn = conn
		if _, err := c.Idle(); err != nil {
			tried = append(tried, err.Error())
			continue
		}
		return c, nil
	}
	return nil, fmt.Errorf("%w: %s", ErrNoIdleSource, strings.Join(tried, "; "))
}

// sameOwner reports whether names a and b are both owned by one connection.
func sameOwner(conn *dbus.Conn, a, b string) bool {
	ownerA, errA := nameOwner(conn, a)
	ownerB, errB := nameOwner(conn, b)
	return errA == nil && errB == nil && ownerA == ownerB
}

func nameOwner(conn *dbus.Conn, name string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	var owner string
	err := conn.BusObject().CallWithContext(ctx, "org.freedesktop.DBus.GetNameOwner", 0, name).Store(&owner)
	return owner, err
}
