package desktop

import (
	"context"
	"errors"
	"fmt"

	"github.com/godbus/dbus/v5"
)

// The notification server's names on the session bus.
const (
	notificationsName = "org.freedesktop.Notifications"
	notificationsPath = dbus.ObjectPath("/org/freedesktop/Notifications")
	inhibitedProperty = notificationsName + ".Inhibited"
)

// NotificationsInhibited returns a Hold that is active while the
// notification server says it holds notifications back: its Inhibited
// property (KDE Plasma's do-not-disturb, and other servers that follow
// it) is true. A server without the property, or no server at all, is not
// holding anything back. Asking never starts a server by bus activation.
//
// GNOME's do-not-disturb is not seen: it is the show-banners key of the
// org.gnome.desktop.notifications settings, kept in dconf, and GNOME Shell
// offers no D-Bus interface that reports it. DoNotDisturb sees both.
//
// conn must stay open while the hold is used; the hold does not close it.
// The hold is safe for concurrent use.
func NotificationsInhibited(conn *dbus.Conn) Hold {
	return notificationsInhibited{conn}
}

type notificationsInhibited struct{ conn *dbus.Conn }

func (notificationsInhibited) Name() string { return "do not disturb" }

func (h notificationsInhibited) Active() (bool, error) {
	inhibited, _, err := readInhibited(h.conn)
	return inhibited, err
}

// readInhibited reads the notification server's Inhibited property on
// conn. has is false when there is no such property, or no server.
func readInhibited(conn *dbus.Conn) (inhibited, has bool, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	var v dbus.Variant
	err = conn.Object(notificationsName, notificationsPath).
		CallWithContext(ctx, "org.freedesktop.DBus.Properties.Get", dbus.FlagNoAutoStart, notificationsName, "Inhibited").
		Store(&v)
	if err != nil {
		if noSuchProperty(err) {
			return false, false, nil
		}
		return false, false, fmt.Errorf("read %s: %w", inhibitedProperty, err)
	}
	inhibited, ok := v.Value().(bool)
	if !ok {
		return false, true, fmt.Errorf("read %s: it is a %s, want a boolean", inhibitedProperty, v.Signature())
	}
	return inhibited, true, nil
}

// noSuchProperty reports whether err says the property, or the server
// that would have it, is not there. Servers say so in different words:
// GDBus answers InvalidArgs, sd-bus UnknownProperty, godbus
// PropertyNotFound, a server with no properties at all UnknownInterface or
// UnknownMethod, and the bus ServiceUnknown when no server runs.
func noSuchProperty(err error) bool {
	var dbusErr dbus.Error
	if !errors.As(err, &dbusErr) {
		return false
	}
	switch dbusErr.Name {
	case "org.freedesktop.DBus.Error.UnknownProperty",
		"org.freedesktop.DBus.Properties.Error.PropertyNotFound",
		"org.freedesktop.DBus.Error.InvalidArgs",
		"org.freedesktop.DBus.Error.UnknownInterface",
		"org.freedesktop.DBus.Error.UnknownMethod",
		"org.freedesktop.DBus.Error.UnknownObject",
		"org.freedesktop.DBus.Error.ServiceUnknown",
		"org.freedesktop.DBus.Error.NameHasNoOwner":
		return true
	}
	return false
}
