package desktop

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/godbus/dbus/v5"
)

// SessionEventKind says what the session did.
type SessionEventKind int

// The things a session does that matter to breaks.
const (
	// Sleeping: the machine is about to suspend or hibernate.
	Sleeping SessionEventKind = iota + 1
	// Woke: the machine has resumed.
	Woke
	// Locked: the screen locked (or the screen saver started).
	Locked
	// Unlocked: the screen unlocked (or the screen saver stopped).
	Unlocked
)

func (k SessionEventKind) String() string {
	switch k {
	case Sleeping:
		return "sleeping"
	case Woke:
		return "woke"
	case Locked:
		return "locked"
	case Unlocked:
		return "unlocked"
	}
	return fmt.Sprintf("SessionEventKind(%d)", int(k))
}

// SessionEvent is something the session did that matters to breaks.
type SessionEvent struct {
	Kind SessionEventKind
	// At is the wall-clock time Limber heard of it. It carries no
	// monotonic reading (the monotonic clock stops during suspend), so
	// Woke.At.Sub(Sleeping.At) is the time the machine slept.
	At time.Time
}

// logind's names on the system bus.
const (
	logindName      = "org.freedesktop.login1"
	logindPath      = dbus.ObjectPath("/org/freedesktop/login1")
	logindManager   = logindName + ".Manager"
	logindSession   = logindName + ".Session"
	prepareForSleep = "PrepareForSleep"
)

// defaultSystemBus is where the system bus listens unless
// DBUS_SYSTEM_BUS_ADDRESS says otherwise.
const defaultSystemBus = "unix:path=/var/run/dbus/system_bus_socket"

// sessionEventQueue is how many signals and events may wait to be read.
const sessionEventQueue = 8

// systemBusAddress says where the system bus is. Tests point it at a bus
// of their own.
var systemBusAddress = func() string {
	if addr := os.Getenv("DBUS_SYSTEM_BUS_ADDRESS"); addr != "" {
		return addr
	}
	return defaultSystemBus
}

// WatchSession reports when the machine goes to sleep and wakes, and when
// the screen locks and unlocks. It listens, on private connections of its
// own, to:
//
//   - logind's org.freedesktop.login1.Manager.PrepareForSleep on the system
//     bus (true: Sleeping, false: Woke);
//   - logind's Lock and Unlock signals on the system bus, for this
//     process's session or, when it runs outside any session, the user's
//     graphical one;
//   - ActiveChanged of org.freedesktop.ScreenSaver and org.gnome.ScreenSaver
//     on the session bus (true: Locked, false: Unlocked).
//
// Each source is optional: WatchSession fails only when it can listen to
// none. Several sources often report one lock; an event that repeats the
// previous one of its pair (Locked after Locked) is dropped. Nothing polls:
// the process wakes only when a signal arrives.
//
// The channel is closed, and the connections with it, when ctx ends; the
// caller must keep reading until then. A bus that goes away stops its
// sources for good (the channel stays open).
func WatchSession(ctx context.Context) (<-chan SessionEvent, error) {
	var sources []*signalSource
	var errs []error
	for _, watch := range []func() (*signalSource, error){watchSystemBus, watchSessionBus} {
		src, err := watch()
		if err != nil {
			errs = append(errs, err)
			continue
		}
		sources = append(sources, src)
	}
	if len(sources) == 0 {
		return nil, fmt.Errorf("watch sleep and screen lock: %w", errors.Join(errs...))
	}
	out := make(chan SessionEvent, sessionEventQueue)
	go relaySession(ctx, sources, out)
	return out, nil
}

// signalSource is one private bus connection and the signals it hears.
type signalSource struct {
	conn    *dbus.Conn
	signals chan *dbus.Signal
	// event says what a signal means; ok is false for any other signal.
	event func(*dbus.Signal) (kind SessionEventKind, ok bool)
}

// listen subscribes conn to the signals its match rules select and returns
// it as a source. godbus closes the channel when the connection ends.
func listen(conn *dbus.Conn, event func(*dbus.Signal) (SessionEventKind, bool)) *signalSource {
	src := &signalSource{conn: conn, signals: make(chan *dbus.Signal, sessionEventQueue), event: event}
	conn.Signal(src.signals)
	return src
}

// relaySession turns the sources' signals into events on out until ctx
// ends, then closes the connections and out.
func relaySession(ctx context.Context, sources []*signalSource, out chan<- SessionEvent) {
	defer close(out)
	defer func() {
		for _, src := range sources {
			src.conn.Close()
		}
	}()
	merged := make(chan SessionEventKind)
	for _, src := range sources {
		go func() {
			for sig := range src.signals {
				if kind, ok := src.event(sig); ok {
					select {
					case merged <- kind:
					case <-ctx.Done():
						return
					}
				}
			}
		}()
	}
	var last dedupe
	for {
		select {
		case <-ctx.Done():
			return
		case kind := <-merged:
			if !last.fresh(kind) {
				continue
			}
			select {
			case out <- SessionEvent{Kind: kind, At: time.Now().Round(0)}:
			case <-ctx.Done():
				return
			}
		}
	}
}

// dedupe remembers the last sleep and the last lock event, to drop an
// event that repeats its pair's previous one. Its zero value lets the
// first event of each pair through.
type dedupe struct{ sleep, lock SessionEventKind }

// fresh reports whether kind differs from the previous event of its pair,
// and remembers it.
func (d *dedupe) fresh(kind SessionEventKind) bool {
	last := &d.lock
	if kind == Sleeping || kind == Woke {
		last = &d.sleep
	}
	if *last == kind {
		return false
	}
	*last = kind
	return true
}

// watchSystemBus listens to logind on the system bus: PrepareForSleep, and
// Lock and Unlock of this process's session when logind names one.
func watchSystemBus() (*signalSource, error) {
	conn, err := privateBus("system", func() (*dbus.Conn, error) { return dbus.Dial(systemBusAddress()) })
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	err = conn.AddMatchSignalContext(ctx,
		dbus.WithMatchSender(logindName),
		dbus.WithMatchObjectPath(logindPath),
		dbus.WithMatchInterface(logindManager),
		dbus.WithMatchMember(prepareForSleep))
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("listen to logind's %s: %w", prepareForSleep, err)
	}
	// Without a session, sleep is still worth hearing of.
	session, _ := watchLogindSession(ctx, conn)
	return listen(conn, func(sig *dbus.Signal) (SessionEventKind, bool) {
		return logindEvent(sig, session)
	}), nil
}

// logindEvent says what a signal from logind means. session is the path
// of this process's session, or "" when there is none.
func logindEvent(sig *dbus.Signal, session dbus.ObjectPath) (SessionEventKind, bool) {
	switch {
	case sig.Name == logindManager+"."+prepareForSleep && sig.Path == logindPath:
		start, ok := onlyBool(sig)
		if !ok {
			return 0, false
		}
		if start {
			return Sleeping, true
		}
		return Woke, true
	case session != "" && sig.Path == session && sig.Name == logindSession+".Lock":
		return Locked, true
	case session != "" && sig.Path == session && sig.Name == logindSession+".Unlock":
		return Unlocked, true
	}
	return 0, false
}

// onlyBool returns the signal's argument when it has exactly one boolean.
func onlyBool(sig *dbus.Signal) (v, ok bool) {
	if len(sig.Body) != 1 {
		return false, false
	}
	v, ok = sig.Body[0].(bool)
	return v, ok
}

// privateBus authenticates a new private connection from dial and names it
// on the bus, giving up after connectTimeout. what names the bus in errors.
func privateBus(what string, dial func() (*dbus.Conn, error)) (*dbus.Conn, error) {
	conn, err := dial()
	if err != nil {
		return nil, fmt.Errorf("connect to the %s bus: %w", what, err)
	}
	// godbus's Auth and Hello take no context; closing the connection is
	// what ends them early.
	done := make(chan error, 1)
	go func() {
		if err := conn.Auth(nil); err != nil {
			done <- err
			return
		}
		done <- conn.Hello()
	}()
	timeout := time.NewTimer(connectTimeout)
	defer timeout.Stop()
	select {
	case err = <-done:
	case <-timeout.C:
		conn.Close()
		<-done
		err = fmt.Errorf("no answer within %v", connectTimeout)
	}
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("connect to the %s bus: %w", what, err)
	}
	return conn, nil
}
