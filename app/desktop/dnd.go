package desktop

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/godbus/dbus/v5"
)

// The GNOME setting that is off while GNOME's do-not-disturb is on, and
// the command that reads it.
const (
	gnomeNotifications = "org.gnome.desktop.notifications"
	showBanners        = "show-banners"
	gsettings          = "gsettings"
)

// runFunc runs a program and returns what it printed on standard output.
type runFunc func(ctx context.Context, name string, args ...string) ([]byte, error)

// runCommand is the runFunc that runs real programs.
func runCommand(ctx context.Context, name string, args ...string) ([]byte, error) {
	return exec.CommandContext(ctx, name, args...).Output()
}

// DoNotDisturb returns a Hold, named "do not disturb", that is active while
// the user has asked for quiet: while the notification server holds
// notifications back (NotificationsInhibited), or, on GNOME (a desktop
// whose XDG_CURRENT_DESKTOP names GNOME), while GNOME's do-not-disturb is
// on, which GNOME keeps as show-banners=false in the
// org.gnome.desktop.notifications settings.
//
// The setting is read by running `gsettings get
// org.gnome.desktop.notifications show-banners` at each check, after the
// D-Bus property and only when that says no: a check runs at most every
// 30 seconds and only while a reminder is due, so nothing runs while
// Limber waits. Without gsettings on PATH the setting is not available and
// counts as off, with no error.
//
// conn must stay open while the hold is used; the hold does not close it.
// The hold is safe for concurrent use.
func DoNotDisturb(conn *dbus.Conn) Hold {
	return newDoNotDisturb(NotificationsInhibited(conn), os.Getenv("XDG_CURRENT_DESKTOP"), runCommand)
}

// newDoNotDisturb returns the Hold DoNotDisturb describes, with inhibited
// for the server's property, currentDesktop for $XDG_CURRENT_DESKTOP and
// run to run gsettings.
func newDoNotDisturb(inhibited Hold, currentDesktop string, run runFunc) Hold {
	return doNotDisturb{inhibited: inhibited, gnome: isGNOME(currentDesktop), run: run}
}

type doNotDisturb struct {
	inhibited Hold
	gnome     bool
	run       runFunc
}

func (doNotDisturb) Name() string { return "do not disturb" }

func (h doNotDisturb) Active() (bool, error) {
	on, errInhibited := h.inhibited.Active()
	if on || !h.gnome {
		return on, errInhibited
	}
	if on, _, err := gnomeDoNotDisturb(h.run); on || err != nil {
		return on, err
	}
	return false, errInhibited
}

// gnomeDoNotDisturb reads GNOME's do-not-disturb with run: on is true
// while it is on; ok is false when gsettings is not there to ask.
func gnomeDoNotDisturb(run runFunc) (on, ok bool, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	out, err := run(ctx, gsettings, "get", gnomeNotifications, showBanners)
	if errors.Is(err, exec.ErrNotFound) {
		return false, false, nil
	}
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) && len(exit.Stderr) > 0 {
			err = fmt.Errorf("%w: %s", err, strings.TrimSpace(string(exit.Stderr)))
		}
		return false, true, fmt.Errorf("read GNOME's %s %s: %w", gnomeNotifications, showBanners, err)
	}
	switch v := strings.TrimSpace(string(out)); v {
	case "true":
		return false, true, nil
	case "false":
		return true, true, nil
	default:
		return false, true, fmt.Errorf("read GNOME's %s %s: it is %q, want true or false", gnomeNotifications, showBanners, v)
	}
}

// isGNOME reports whether currentDesktop, a value of XDG_CURRENT_DESKTOP
// (a colon-separated list such as "ubuntu:GNOME"), names GNOME.
func isGNOME(currentDesktop string) bool {
	for d := range strings.SplitSeq(currentDesktop, ":") {
		if strings.EqualFold(d, "GNOME") {
			return true
		}
	}
	return false
}
