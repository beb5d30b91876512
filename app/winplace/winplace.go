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
// use; use it through a pointer, as it remembers the window it placed last.
// Its methods must be called on the Fyne main goroutine (inside fyne.Do, or
// from a Fyne callback), as GLFW wants.
type Placer struct {
	// Pointer, when set, replaces the platform's way of finding the
	// monitor under the pointer and moving a window there (tests).
	Pointer func(w fyne.Window)

	last fyne.Window   // the window placed last
	stop chan struct{} // closed to call off the last focus hand-back
}

// Show shows w. Its native window is made not to take the keyboard focus
// as it appears (GLFW's focus-on-show hint, honoured on X11, Windows and
// macOS; Wayland compositors decide for themselves); when focus is true it
// then asks for the focus. A window Show has not placed before is moved to
// the centre of the monitor under the pointer; one it has keeps the place
// the user may have dragged it to.
//
// Window managers that give every new window the focus (most do) are
// handed it back: the window that had the focus before w appeared gets it
// again, as a pager would ask for it.
func (p *Placer) Show(w fyne.Window, focus bool) {
	// A later Show calls off the hand-back of an earlier one: a card the
	// user asks for right after one opened by itself keeps the focus.
	if p.stop != nil {
		close(p.stop)
		p.stop = nil
	}
	var giveBack func(fyne.Window, <-chan struct{})
	if !focus {
		giveBack = keepFocus()
	}
	fresh := w != p.last
	p.last = w
	// GLFW reads the hint when Show creates the native window and keeps it
	// with that window, for this Show and every later one; other windows
	// (settings, statistics) keep the usual behaviour.
	glfw.WindowHint(glfw.FocusOnShow, glfw.False)
	w.Show()
	glfw.WindowHint(glfw.FocusOnShow, glfw.True)
	if focus {
		w.RequestFocus()
	}
	if fresh {
		if p.Pointer != nil {
			p.Pointer(w)
		} else {
			toPointerMonitor(w)
		}
	}
	if giveBack != nil {
		p.stop = make(chan struct{})
		giveBack(w, p.stop)
	}
}
