//go:build darwin

package desktop

// platformIdleSources returns macOS's HID idle time, read with ioreg.
func platformIdleSources() []idleCandidate {
	return []idleCandidate{{label: ioregIdleName, src: ioregIdle{run: runIoreg}}}
}
