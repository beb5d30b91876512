//go:build windows

package desktop

import (
	"fmt"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

// windowsIdleName is the Name of Windows' idle time source.
const windowsIdleName = "Windows GetLastInputInfo"

// The Win32 functions windowsIdle calls, loaded on first use.
var (
	procGetLastInputInfo = windows.NewLazySystemDLL("user32.dll").NewProc("GetLastInputInfo")
	procGetTickCount     = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetTickCount")
)

// lastInputInfo is Win32's LASTINPUTINFO.
type lastInputInfo struct {
	size uint32 // cbSize: the size of the structure
	time uint32 // dwTime: the tick count at the last input
}

// windowsIdle is an IdleSource that asks Windows for the tick count of the
// session's last keyboard or mouse input (GetLastInputInfo) and subtracts
// it from the tick count now (GetTickCount). It holds nothing open and is
// safe for concurrent use.
type windowsIdle struct{}

func (windowsIdle) Name() string { return windowsIdleName }

func (windowsIdle) Idle() (time.Duration, error) {
	info := lastInputInfo{size: uint32(unsafe.Sizeof(lastInputInfo{}))}
	if ok, _, err := procGetLastInputInfo.Call(uintptr(unsafe.Pointer(&info))); ok == 0 {
		return 0, fmt.Errorf("%s: %w", windowsIdleName, err)
	}
	// GetTickCount cannot fail; Call's error is only the thread's last
	// error, which means nothing here.
	now, _, _ := procGetTickCount.Call()
	return ticksSince(uint32(now), info.time), nil
}

// platformIdleSources returns Windows' own count of the time since the
// last input.
func platformIdleSources() []idleCandidate {
	return []idleCandidate{{label: windowsIdleName, src: windowsIdle{}}}
}
