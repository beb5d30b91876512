package desktop

import (
	"context"
	"fmt"
	"os"

	"github.com/godbus/dbus/v5"
)

// Screen saver interfaces whose ActiveChanged(bool) says the screen locked
// or unlocked. GNOME Shell emits org.gnome.ScreenSaver's; KDE, Xfce,
// Cinnamon and MATE emit org.freedesktop.ScreenSaver's. Some screen
// savers (xfce4-screensaver) also emit it when they blank the screen
// without locking: for breaks, the user is away either way.
var screenSaverInterfaces = []string{screenSaverName, "org.gnome.ScreenSaver"}

const activeChanged = "ActiveChanged"

// watchSessionBus listens to the screen savers' ActiveChanged on a private
// session bus connection.
func watchSessionBus() (*signalSource, error) {
	conn, err := PrivateSessionBus()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	for _, iface := range screenSaverInterfaces {
		// No sender or path in the rule: each desktop owns the name and
		// the path its own way, and a spoofed signal costs no more than
		// a missed break.
		err := conn.AddMatchSignalContext(ctx, dbus.WithMatchInterface(iface), dbus.WithMatchMember(activeChanged))
		if err != nil {
			conn.Close()
			return nil, fmt.Errorf("listen to %s.%s: %w", iface, activeChanged, err)
		}
	}
	return listen(conn, screenSaverEvent), nil
}

// screenSaverEvent says what a screen saver's signal means.
func screenSaverEvent(sig *dbus.Signal) (SessionEventKind, bool) {
	for _, iface := range screenSaverInterfaces {
		if sig.Name != iface+"."+activeChanged {
			continue
		}
		active, ok := onlyBool(sig)
		if !ok {
			return 0, false
		}
		if active {
			return Locked, true
		}
		return Unlocked, true
	}
	return 0, false
}

// watchLogindSession subscribes conn, a system bus connection, to the Lock
// and Unlock signals of this process's logind session and returns the
// session's path.
//
// logind emits them when someone asks it to lock the session (loginctl
// lock-session, the lid switch, a policy): they ask the screen locker to
// act rather than report that it did, but they mean the user is away all
// the same.
//
// The session is the one GetSessionByPID names for this process. Started
// from a systemd user unit, or by a desktop that runs each app in a scope
// of the user's manager (GNOME since 3.34), a process belongs to no
// session; then the session is the one GetSession("auto") names, which
// logind resolves to the user's graphical session.
func watchLogindSession(ctx context.Context, conn *dbus.Conn) (dbus.ObjectPath, error) {
	manager := conn.Object(logindName, logindPath)
	var session dbus.ObjectPath
	err := manager.CallWithContext(ctx, logindManager+".GetSessionByPID", dbus.FlagNoAutoStart, uint32(os.Getpid())).Store(&session)
	if err != nil {
		errAuto := manager.CallWithContext(ctx, logindManager+".GetSession", dbus.FlagNoAutoStart, "auto").Store(&session)
		if errAuto != nil {
			return "", fmt.Errorf("find this process's logind session: %w; %w", err, errAuto)
		}
	}
	for _, member := range []string{"Lock", "Unlock"} {
		err := conn.AddMatchSignalContext(ctx,
			dbus.WithMatchSender(logindName),
			dbus.WithMatchObjectPath(session),
			dbus.WithMatchInterface(logindSession),
			dbus.WithMatchMember(member))
		if err != nil {
			return "", fmt.Errorf("listen to %s.%s: %w", logindSession, member, err)
		}
	}
	return session, nil
}
