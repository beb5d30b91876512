// Package desktop reads what Limber needs to know about the user's desktop
// session: whether a tray host is there, how long the user has been idle,
// and (later) sleep, lock and do-not-disturb.
package desktop

import "fmt"

// WatcherName is the bus name a StatusNotifierItem host (the tray) owns.
const WatcherName = "org.kde.StatusNotifierWatcher"

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
