//go:build darwin

package desktop

import (
	"context"
	"os/exec"
)

// platformIdleSources returns macOS's HID idle time, read with ioreg.
func platformIdleSources() []idleCandidate {
	return []idleCandidate{{label: ioregIdleName, src: ioregIdle{run: runIoreg}}}
}

// runIoreg prints the IOHIDSystem entry of the I/O Registry, with its
// properties.
func runIoreg(ctx context.Context) ([]byte, error) {
	return exec.CommandContext(ctx, "/usr/sbin/ioreg", "-c", "IOHIDSystem", "-d", "4").Output()
}
