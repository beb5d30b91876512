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

// FindIdleSource returns the first idle time source that answers, trying
// in this order:
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
//  3. The operating system's own count (see platformIdleSources): on
//     Linux and the BSDs the X server's MIT-SCREEN-SAVER extension on
//     $DISPLAY, in an X11 session only; on Windows GetLastInputInfo; on
//     macOS the HID system's HIDIdleTime.
//
// A service answers when the call returns an unsigned integer. Calls never
// start a service by bus activation. conn may be nil when there is no
// session bus; then only the third kind is tried. conn must stay open
// while a D-Bus source is used; the source does not close it. When
// nothing answers, the error wraps ErrNoIdleSource and says what was
// tried.
func FindIdleSource(conn *dbus.Conn) (IdleSource, error) {
	var tried []string
	for _, c := range idleCandidates(conn) {
		if c.src == nil {
			tried = append(tried, c.label+": "+c.why)
			continue
		}
		if _, err := c.src.Idle(); err != nil {
			tried = append(tried, err.Error())
			closeIdle(c.src)
			continue
		}
		return c.src, nil
	}
	return nil, fmt.Errorf("%w: %s", ErrNoIdleSource, strings.Join(tried, "; "))
}

// OnBus reports whether src asks over the session bus connection it was
// found on: the caller must keep that connection open while it uses src,
// and may close it otherwise.
func OnBus(src IdleSource) bool {
	_, ok := src.(*busIdle)
	return ok
}

// IdleSources asks every idle time source FindIdleSource knows, in its
// order, and says for each whether it answered; the first that did is the
// one FindIdleSource picks, and is marked Used. It is for `limber doctor`:
// it closes what it opened (but not conn, which may be nil).
func IdleSources(conn *dbus.Conn) []SourceInfo {
	var out []SourceInfo
	used := false
	for _, c := range idleCandidates(conn) {
		info := SourceInfo{Name: c.label, Detail: c.why}
		if c.src != nil {
			d, err := c.src.Idle()
			closeIdle(c.src)
			if err != nil {
				info.Detail = err.Error()
			} else {
				info.Available, info.Used = true, !used
				info.Detail = fmt.Sprintf("idle for %v", d.Round(time.Second))
				used = true
			}
		}
		out = append(out, info)
	}
	return out
}

// idleCandidate is one idle time source FindIdleSource may try.
type idleCandidate struct {
	label string     // the service and where it is asked, for `limber doctor`
	src   IdleSource // nil when it cannot be asked here
	why   string     // why src is nil
}

// idleCandidates lists the idle time sources in the order FindIdleSource
// tries them: the D-Bus services on conn, then the platform's own.
func idleCandidates(conn *dbus.Conn) []idleCandidate {
	var out []idleCandidate
	for _, c := range busIdleSources(conn) {
		label := c.name + " on " + string(c.path)
		if conn == nil {
			out = append(out, idleCandidate{label: label, why: "no session bus"})
			continue
		}
		c.conn = conn
		out = append(out, idleCandidate{label: label, src: c})
	}
	return append(out, platformIdleSources()...)
}

// busIdleSources returns the D-Bus idle time services, ready but for
// their connection. With conn nil it cannot tell KDE's screen saver from
// the others and names the plain one.
func busIdleSources(conn *dbus.Conn) []*busIdle {
	out := []*busIdle{
		{name: mutterIdleName, dest: mutterIdleName, path: mutterIdlePath, method: mutterGetIdle, unit: time.Millisecond},
	}
	ssUnit, ssName := time.Second, screenSaverName
	if conn != nil && sameOwner(conn, screenSaverName, kdeScreenSaver) {
		ssUnit, ssName = time.Millisecond, screenSaverName+" (KDE, milliseconds)"
	}
	for _, p := range []dbus.ObjectPath{screenSaverPath, screenSaverPath2} {
		out = append(out, &busIdle{name: ssName, dest: screenSaverName, path: p, method: screenSaverIdle, unit: ssUnit})
	}
	return out
}

// closer is an IdleSource that holds something open (an X connection).
type closer interface{ close() }

// closeIdle releases what src holds open, if anything.
func closeIdle(src IdleSource) {
	if c, ok := src.(closer); ok {
		c.close()
	}
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
