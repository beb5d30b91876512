//go:build (!linux && !windows) || wayland

package winplace

import "fyne.io/fyne/v2"

// toPointerMonitor leaves w where Fyne put it: on Wayland the compositor
// places windows, and on macOS Fyne centres them on the main monitor.
func toPointerMonitor(fyne.Window) {}

// keepFocus does nothing here: GLFW's focus-on-show hint is all these
// platforms need, and Wayland compositors do not let one client move
// another's focus.
func keepFocus() func(fyne.Window, <-chan struct{}) { return nil }
