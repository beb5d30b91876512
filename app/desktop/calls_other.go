//go:build !linux && !windows

package desktop

import "runtime"

// CallHolds returns the holds that tell Limber the user is in a call. On
// this OS there are none yet: calls are not supported yet on macOS.
func CallHolds(camera, microphone bool) []Hold {
	return nil
}

// CallSupport says in one line, for `limber doctor`, that Limber cannot yet
// tell when the user is in a call on this OS.
func CallSupport() string {
	if runtime.GOOS == "darwin" {
		return "not supported yet on macOS"
	}
	return "not supported yet on " + runtime.GOOS
}
