//go:build linux

package e2e

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/introspect"
	"github.com/godbus/dbus/v5/prop"
)

// D-Bus names of the StatusNotifierWatcher protocol.
const (
	WatcherName  = "org.kde.StatusNotifierWatcher"
	WatcherPath  = dbus.ObjectPath("/StatusNotifierWatcher")
	watcherIface = "org.kde.StatusNotifierWatcher"
)

// Item is one StatusNotifierItem registration.
type Item struct {
	Service string          // bus name that serves the item, e.g. ":1.7"
	Path    dbus.ObjectPath // object path of the item, e.g. /StatusNotifierItem
	At      time.Time       // when the registration arrived
}

// String returns the item as the watcher lists it: service name + path.
func (it Item) String() string { return it.Service + string(it.Path) }

// Watcher is a minimal StatusNotifierWatcher: enough of the protocol for a
// tray item to register, as a desktop panel would offer. It is safe for
// concurrent use.
type Watcher struct {
	conn  *dbus.Conn
	props *prop.Properties
	sigs  chan *dbus.Signal
	done  chan struct{} // closed by Close
	once  sync.Once

	mu    sync.Mutex
	items []Item
	first chan struct{} // closed at the first registration
}

// watcherMethods holds the exported methods, so that the Watcher's own
// methods are not exported on the bus.
type watcherMethods struct{ w *Watcher }

// RegisterStatusNotifierItem is org.kde.StatusNotifierWatcher.RegisterStatusNotifierItem.
// The argument is either a bus name (the item is then at /StatusNotifierItem)
// or an object path, whose service is the caller's unique name — the form
// fyne.io/systray sends.
func (m watcherMethods) RegisterStatusNotifierItem(sender dbus.Sender, service string) *dbus.Error {
	it := Item{Service: service, Path: "/StatusNotifierItem", At: time.Now()}
	if strings.HasPrefix(service, "/") {
		it.Service, it.Path = string(sender), dbus.ObjectPath(service)
	}
	m.w.add(it)
	return nil
}

// RegisterStatusNotifierHost is org.kde.StatusNotifierWatcher.RegisterStatusNotifierHost.
func (m watcherMethods) RegisterStatusNotifierHost(service string) *dbus.Error {
	return nil
}

// watcherInterface describes the exported interface for introspection.
func watcherInterface(props *prop.Properties) introspect.Interface {
	arg := []introspect.Arg{{Name: "service", Type: "s", Direction: "in"}}
	return introspect.Interface{
		Name: watcherIface,
		Methods: []introspect.Method{
			{Name: "RegisterStatusNotifierItem", Args: arg},
			{Name: "RegisterStatusNotifierHost", Args: arg},
		},
		Properties: props.Introspection(watcherIface),
		Signals: []introspect.Signal{
			{Name: "StatusNotifierItemRegistered", Args: []introspect.Arg{{Type: "s"}}},
			{Name: "StatusNotifierItemUnregistered", Args: []introspect.Arg{{Type: "s"}}},
			{Name: "StatusNotifierHostRegistered"},
		},
	}
}

// StartWatcher exports a Watcher on conn and takes the name
// org.kde.StatusNotifierWatcher. Give it a connection of its own: Close
// releases the name but leaves the connection open for the caller to close.
func StartWatcher(conn *dbus.Conn) (*Watcher, error) {
	w := &Watcher{conn: conn, first: make(chan struct{}), sigs: make(chan *dbus.Signal, 16), done: make(chan struct{})}
	if err := conn.Export(watcherMethods{w}, WatcherPath, watcherIface); err != nil {
		return nil, fmt.Errorf("export watcher: %w", err)
	}
	props, err := prop.Export(conn, WatcherPath, prop.Map{watcherIface: {
		"RegisteredStatusNotifierItems":  {Value: []string{}, Emit: prop.EmitTrue},
		"IsStatusNotifierHostRegistered": {Value: true, Emit: prop.EmitConst},
		"ProtocolVersion":                {Value: int32(0), Emit: prop.EmitConst},
	}})
	if err != nil {
		return nil, fmt.Errorf("export watcher properties: %w", err)
	}
	w.props = props
	node := introspect.Node{Interfaces: []introspect.Interface{
		introspect.IntrospectData, prop.IntrospectData, watcherInterface(props),
	}}
	if err := conn.Export(introspect.NewIntrospectable(&node), WatcherPath, "org.freedesktop.DBus.Introspectable"); err != nil {
		return nil, fmt.Errorf("export watcher introspection: %w", err)
	}
	// Forget items whose owner leaves the bus.
	if err := conn.AddMatchSignal(
		dbus.WithMatchSender("org.freedesktop.DBus"),
		dbus.WithMatchInterface("org.freedesktop.DBus"),
		dbus.WithMatchMember("NameOwnerChanged"),
	); err != nil {
		return nil, fmt.Errorf("watch bus names: %w", err)
	}
	conn.Signal(w.sigs)
	go w.forgetGone()
	// Take the name last: tray items re-register when they see it appear,
	// and by then the object must be there to answer.
	reply, err := conn.RequestName(WatcherName, dbus.NameFlagDoNotQueue)
	if err != nil {
		return nil, fmt.Errorf("request %s: %w", WatcherName, err)
	}
	if reply != dbus.RequestNameReplyPrimaryOwner {
		return nil, fmt.Errorf("request %s: already owned (reply %v)", WatcherName, reply)
	}
	return w, nil
}

// RunWatcher serves a Watcher on conn until ctx is done, for use from a main
// function (e.g. next to `make bench`).
func RunWatcher(ctx context.Context, conn *dbus.Conn) error {
	w, err := StartWatcher(conn)
	if err != nil {
		return err
	}
	<-ctx.Done()
	return w.Close()
}

// Close releases the watcher's name and unexports its object. Calls after
// the first do nothing.
func (w *Watcher) Close() error {
	var err error
	w.once.Do(func() { err = w.close() })
	return err
}

func (w *Watcher) close() error {
	w.conn.RemoveSignal(w.sigs)
	close(w.done)
	if _, err := w.conn.ReleaseName(WatcherName); err != nil {
		return fmt.Errorf("release %s: %w", WatcherName, err)
	}
	for _, iface := range []string{watcherIface, "org.freedesktop.DBus.Properties", "org.freedesktop.DBus.Introspectable"} {
		if err := w.conn.Export(nil, WatcherPath, iface); err != nil {
			return fmt.Errorf("unexport %s: %w", iface, err)
		}
	}
	return nil
}

// Items returns the items registered now, oldest first.
func (w *Watcher) Items() []Item {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]Item(nil), w.items...)
}

// FirstItem returns a channel that is closed when the first item registers.
func (w *Watcher) FirstItem() <-chan struct{} { return w.first }

// WaitFirstItem waits for the first registration and returns it.
func (w *Watcher) WaitFirstItem(ctx context.Context) (Item, error) {
	select {
	case <-w.first:
	case <-ctx.Done():
		return Item{}, fmt.Errorf("no StatusNotifierItem registered: %w", ctx.Err())
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.firstItemLocked(), nil
}

func (w *Watcher) firstItemLocked() Item {
	if len(w.items) == 0 {
		return Item{} // registered and already gone
	}
	return w.items[0]
}

func (w *Watcher) add(it Item) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, old := range w.items {
		if old.String() == it.String() {
			return // re-registration, e.g. after the watcher restarted
		}
	}
	w.items = append(w.items, it)
	w.publishLocked()
	if len(w.items) == 1 && !isClosed(w.first) {
		close(w.first)
	}
	// Emitting can only fail once the connection is closed, and then no one listens.
	_ = w.conn.Emit(WatcherPath, watcherIface+".StatusNotifierItemRegistered", it.String())
}

func (w *Watcher) forgetGone() {
	for {
		var sig *dbus.Signal
		select {
		case sig = <-w.sigs:
		case <-w.done:
			return
		}
		if sig == nil || sig.Name != "org.freedesktop.DBus.NameOwnerChanged" || len(sig.Body) < 3 {
			continue
		}
		name, _ := sig.Body[0].(string)
		newOwner, _ := sig.Body[2].(string)
		if newOwner == "" {
			w.remove(name)
		}
	}
}

func (w *Watcher) remove(service string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	kept := w.items[:0]
	for _, it := range w.items {
		if it.Service == service {
			_ = w.conn.Emit(WatcherPath, watcherIface+".StatusNotifierItemUnregistered", it.String()) // see add
			continue
		}
		kept = append(kept, it)
	}
	w.items = kept
	w.publishLocked()
}

func (w *Watcher) publishLocked() {
	names := make([]string, len(w.items))
	for i, it := range w.items {
		names[i] = it.String()
	}
	w.props.SetMust(watcherIface, "RegisteredStatusNotifierItems", names)
}

func isClosed(c chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}
