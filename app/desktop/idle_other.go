//go:build windows || darwin

package desktop

// platformIdleSources returns no idle time source of the operating system
// yet on this OS.
func platformIdleSources() []idleCandidate { return nil }
