//go:build windows

package winplace

import (
	"log"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"golang.org/x/sys/windows"
)

var (
	user32             = windows.NewLazySystemDLL("user32.dll")
	procGetCursorPos   = user32.NewProc("GetCursorPos")
	procMonitorFromPt  = user32.NewProc("MonitorFromPoint")
	procGetMonitorInfo = user32.NewProc("GetMonitorInfoW")
	procGetWindowRect  = user32.NewProc("GetWindowRect")
	procSetWindowPos   = user32.NewProc("SetWindowPos")
)

type point struct{ X, Y int32 }

type rect struct{ Left, Top, Right, Bottom int32 }

type monitorInfo struct {
	Size    uint32
	Monitor rect
	Work    rect
	Flags   uint32
}

const (
	monitorDefaultToNearest = 2
	swpNoSize               = 0x0001
	swpNoZOrder             = 0x0004
	swpNoActivate           = 0x0010
)

// toPointerMonitor moves w to the centre of the work area (the monitor less
// the taskbar) of the monitor under the pointer.
func toPointerMonitor(w fyne.Window) {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return
	}
	var hwnd uintptr
	nw.RunNative(func(ctx any) {
		if c, ok := ctx.(driver.WindowsWindowContext); ok {
			hwnd = c.HWND
		}
	})
	if hwnd == 0 {
		return
	}
	var p point
	if r, _, err := procGetCursorPos.Call(uintptr(unsafe.Pointer(&p))); r == 0 {
		log.Printf("window stays on the main monitor: find the pointer: %v", err)
		return
	}
	mon, _, _ := procMonitorFromPt.Call(uintptr(*(*uint64)(unsafe.Pointer(&p))), monitorDefaultToNearest)
	mi := monitorInfo{Size: uint32(unsafe.Sizeof(monitorInfo{}))}
	if r, _, err := procGetMonitorInfo.Call(mon, uintptr(unsafe.Pointer(&mi))); r == 0 {
		log.Printf("window stays on the main monitor: monitor info: %v", err)
		return
	}
	var wr rect
	if r, _, err := procGetWindowRect.Call(hwnd, uintptr(unsafe.Pointer(&wr))); r == 0 {
		log.Printf("window stays on the main monitor: window size: %v", err)
		return
	}
	work := Rect{X: int(mi.Work.Left), Y: int(mi.Work.Top), W: int(mi.Work.Right - mi.Work.Left), H: int(mi.Work.Bottom - mi.Work.Top)}
	x, y := work.Centre(int(wr.Right-wr.Left), int(wr.Bottom-wr.Top))
	procSetWindowPos.Call(hwnd, 0, uintptr(x), uintptr(y), 0, 0, swpNoSize|swpNoZOrder|swpNoActivate)
}

// keepFocus does nothing on Windows: GLFW shows a window that must not
// take the focus with SW_SHOWNA, which leaves the focus where it is.
func keepFocus() func(fyne.Window, <-chan struct{}) { return nil }
