// Package desktop reads what Limber needs to know about the user's desktop
// session: whether a tray host is there, how long the user has been idle,
// sleep and screen lock, and what should hold a reminder back (a call,
// do-not-disturb, a full-screen window, a meeting app).
package desktop

import (
	"context"
	"fmt"
	"time"

	"github.com/godbus/dbus/v5"
)

// WatcherName is the bus name a StatusNotifierItem host (the tray) owns.
const WatcherName = "org.kde.StatusNotifierWatcher"

// The StatusNotifierWatcher's object, and the path where fyne.io/systray
// exports Limber's tray item.
const (
	watcherPath  = dbus.ObjectPath("/StatusNotifierWatcher")
	trayItemPath = dbus.ObjectPath("/StatusNotifierItem")
)

// The bus itself, which announces names coming and going.
const (
	busName          = "org.freedesktop.DBus"
	busPath          = dbus.ObjectPath("/org/freedesktop/DBus")
	nameOwnerChanged = "NameOwnerChanged"
)

// TrayHostPresent reports whether a tray host owns WatcherName on the
// session bus. It uses a private connection, so it never disturbs the shared
// one the tray icon lives on.
func TrayHostPresent() (bool, error) {
	conn, err := PrivateSessionBus()
	if err != nil {
		return false, err
	}
	defer conn.Close()
	var has bool
	err = conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, WatcherName).Store(&has)
	if err != nil {
		return false, fmt.Errorf("ask the session bus for %s: %w", WatcherName, err)
	}
	return has, nil
}

// TrayHostEvent says that the tray host left or came.
type TrayHostEvent int

// What a tray host does.
const (
	// TrayHostGone: nothing owns WatcherName any more; the tray icon is
	// not shown.
	TrayHostGone TrayHostEvent = iota + 1
	// TrayHostBack: a tray host took WatcherName (it started, restarted,
	// or another took over); it knows no tray item yet.
	TrayHostBack
)

func (e TrayHostEvent) String() string {
	switch e {
	case TrayHostGone:
		return "tray host gone"
	case TrayHostBack:
		return "tray host back"
	}
	return fmt.Sprintf("TrayHostEvent(%d)", int(e))
}

// trayGoneGrace is how long the tray host must stay away before
// WatchTrayHost reports it gone.
var trayGoneGrace = 3 * time.Second

// WatchTrayHost reports when the tray host leaves the session bus and when
// one appears. It listens, on a private connection of its own, to the
// bus's NameOwnerChanged signal for WatcherName only (a match on its first
// argument), so the process wakes only when a tray host comes or goes.
//
// TrayHostGone comes only once the host has stayed away for a few seconds:
// a panel that restarts gives TrayHostBack alone, and one that quits just
// before Limber does at logout gives nothing.
//
// The channel is closed, and the connection with it, when ctx ends or the
// bus connection is lost; the caller must keep reading until then.
func WatchTrayHost(ctx context.Context) (<-chan TrayHostEvent, error) {
	conn, err := PrivateSessionBus()
	if err != nil {
		return nil, err
	}
	callCtx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	err = conn.AddMatchSignalContext(callCtx,
		dbus.WithMatchSender(busName),
		dbus.WithMatchObjectPath(busPath),
		dbus.WithMatchInterface(busName),
		dbus.WithMatchMember(nameOwnerChanged),
		dbus.WithMatchArg(0, WatcherName))
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("listen for %s coming and going: %w", WatcherName, err)
	}
	signals := make(chan *dbus.Signal, sessionEventQueue)
	conn.Signal(signals)
	out := make(chan TrayHostEvent, sessionEventQueue)
	go relayTrayHost(ctx, conn, signals, out)
	return out, nil
}

// relayTrayHost turns the bus's signals into events on out until ctx ends
// or the connection is lost, then closes the connection and out. A host
// that leaves is reported after trayGoneGrace, unless one comes back
// first.
func relayTrayHost(ctx context.Context, conn *dbus.Conn, signals <-chan *dbus.Signal, out chan<- TrayHostEvent) {
	defer close(out)
	defer conn.Close()
	grace := time.NewTimer(trayGoneGrace)
	grace.Stop()
	defer grace.Stop()
	var gone <-chan time.Time // grace.C while a departure waits to be reported
	for {
		var ev TrayHostEvent
		select {
		case <-ctx.Done():
			return
		case <-gone:
			ev, gone = TrayHostGone, nil
		case sig, ok := <-signals:
			if !ok {
				return
			}
			if ev, ok = trayHostEvent(sig); !ok {
				continue
			}
			if ev == TrayHostGone {
				grace.Reset(trayGoneGrace)
				gone = grace.C
				continue
			}
			grace.Stop()
			gone = nil
		}
		select {
		case out <- ev:
		case <-ctx.Done():
			return
		}
	}
}

// trayHostEvent says what sig means for the tray host; ok is false for a
// signal about anything else, or one that the bus itself did not send.
func trayHostEvent(sig *dbus.Signal) (ev TrayHostEvent, ok bool) {
	if sig == nil || sig.Sender != busName || sig.Name != busName+"."+nameOwnerChanged || len(sig.Body) != 3 {
		return 0, false
	}
	name, ok1 := sig.Body[0].(string)
	_, ok2 := sig.Body[1].(string)
	newOwner, ok3 := sig.Body[2].(string)
	if !ok1 || !ok2 || !ok3 || name != WatcherName {
		return 0, false
	}
	if newOwner == "" {
		return TrayHostGone, true
	}
	return TrayHostBack, true
}

// RegisterTrayItem asks the tray host to show Limber's tray icon again,
// after a host has (re)appeared. It does what fyne.io/systray does when it
// starts: it calls the watcher's RegisterStatusNotifierItem with the
// item's path, on the shared session bus connection (dbus.SessionBus),
// which is the one systray exports the item on; the host takes the
// caller's unique name as the item's service. Registering an item twice is
// harmless: hosts keep one entry per service and path.
//
// systray re-registers by itself when it sees the watcher's name change
// owner, but it stops listening for good at the first signal on that
// shared connection with fewer than three arguments, such as the
// NotificationClosed that a notification server sends to the sender of a
// plain notification. So Limber asks again itself.
func RegisterTrayItem() error {
	conn, err := dbus.SessionBus()
	if err != nil {
		return fmt.Errorf("register the tray icon: %w", err)
	}
	return registerTrayItem(conn)
}

// registerTrayItem registers the item at trayItemPath on conn with the
// tray host.
func registerTrayItem(conn *dbus.Conn) error {
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	call := conn.Object(WatcherName, watcherPath).
		CallWithContext(ctx, WatcherName+".RegisterStatusNotifierItem", dbus.FlagNoAutoStart, string(trayItemPath))
	if call.Err != nil {
		return fmt.Errorf("register the tray icon with %s: %w", WatcherName, call.Err)
	}
	return nil
}
