//go:build !linux

package e2e

import "testing"

// TestEndToEnd explains why the end-to-end tests do not run here: they need
// Xvfb, a D-Bus session bus and dunst, which only the Linux runners have.
func TestEndToEnd(t *testing.T) {
	t.Skip("end-to-end tests run on Linux only (Xvfb, dbus-daemon, dunst, xdotool)")
}
