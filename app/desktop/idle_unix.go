//go:build !windows && !darwin

package desktop

import "os"

// platformIdleSources returns the X server's idle time, asked through
// MIT-SCREEN-SAVER on $DISPLAY, when this is an X11 session.
//
// In a Wayland session $DISPLAY names Xwayland, which sees input only
// while an X11 window has the focus: its idle time would grow while the
// user types in every other window, and Limber would credit breaks that
// were never taken. So a Wayland session (WAYLAND_DISPLAY set, or
// XDG_SESSION_TYPE=wayland) does not use it.
func platformIdleSources() []idleCandidate {
	display := os.Getenv("DISPLAY")
	c := idleCandidate{label: x11IdleName + " on " + display}
	switch {
	case display == "":
		c.label, c.why = x11IdleName, "no X display: DISPLAY is not set"
	case waylandSession():
		c.why = "not used in a Wayland session: Xwayland sees only the input that goes to X11 windows"
	default:
		c.src = &x11Idle{display: display}
	}
	return []idleCandidate{c}
}
