// Package winplace shows Limber's windows the considerate way: a window the
// user did not ask for (a card opened by a due break) never takes keyboard
// focus from the window they are typing in, and it appears centred on the
// monitor that has the pointer, above other windows. A window the user asked
// for (from the tray or a notification) is focused as usual.
//
// It needs Fyne's desktop (GLFW) driver, so only limber-ui imports it.
package winplace

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// Placer shows windows; see the package comment. The zero value is ready to
// use. Its methods must be called on the Fyne main goroutine (inside
// fyne.Do, or from a Fyne callback), as GLFW wants.
type Placer struct {
	// Pointer, when set, replaces the platform's way of finding the
	// monitor under the pointer and moving a window there (tests).
	Pointer func(w fyne.Window)
}

// Show shows w. When focus is false, w does not take keyboard focus as it
// appears (where the platform allows it: GLFW's focus-on-show hint works on
// X11, Windows and macOS; Wayland compositors decide for themselves). A new
// window is then moved to the centre of the monitor under the pointer.
//
// Window managers that give every new window the focus (most do) are
// handed it back: the window that had the focus before w appeared gets it
// again, as a pager would ask for it.
func (p Placer) Show(w fyne.Window, focus bool) {
	var giveBack func(fyne.Window)
	if !focus {
		giveBack = keepFocus()
	}
	// GLFW reads the hint when Show creates the native window and keeps it
	// with that window; a window that exists already keeps its own.
	glfw.WindowHint(glfw.FocusOnShow, glfwBool(focus))
	w.Show()
	glfw.WindowHint(glfw.FocusOnShow, glfw.True)
	if focus {
		w.RequestFocus()
	}
	if p.Pointer != nil {
		p.Pointer(w)
	} else {
		toPointerMonitor(w)
	}
	if giveBack != nil {
		giveBack(w)
	}
}

func glfwBool(b bool) int {
	if b {
		return glfw.True
	}
	return glfw.False
}
