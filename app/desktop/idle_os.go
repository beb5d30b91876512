package desktop

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"
)

// ticksSince returns the time from tick count last to tick count now, both
// in milliseconds since Windows started. The counts are 32 bits and wrap
// around after 49.7 days; the difference is right across the wrap.
func ticksSince(now, last uint32) time.Duration {
	return time.Duration(now-last) * time.Millisecond
}

// ioregIdleName is the Name of macOS's idle time source.
const ioregIdleName = "macOS HIDIdleTime (ioreg)"

// ioregIdle is an IdleSource that reads the HIDIdleTime property of
// macOS's IOHIDSystem, in nanoseconds, from the output of run, which runs
// ioreg (runIoreg, on macOS). It runs one short command per question and holds
// nothing open: no cgo and no IOKit binding in limber.
type ioregIdle struct {
	run func(ctx context.Context) ([]byte, error)
}

func (ioregIdle) Name() string { return ioregIdleName }

func (s ioregIdle) Idle() (time.Duration, error) {
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	out, err := s.run(ctx)
	if err != nil {
		return 0, fmt.Errorf("%s: run ioreg: %w", ioregIdleName, err)
	}
	d, err := parseHIDIdleTime(out)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", ioregIdleName, err)
	}
	return d, nil
}

// hidIdleKey starts the property line parseHIDIdleTime looks for.
var hidIdleKey = []byte(`"HIDIdleTime" = `)

// parseHIDIdleTime returns the first HIDIdleTime in ioreg's output, a
// line such as `|   "HIDIdleTime" = 1854287000`, in nanoseconds.
func parseHIDIdleTime(out []byte) (time.Duration, error) {
	for line := range bytes.Lines(out) {
		_, value, ok := bytes.Cut(line, hidIdleKey)
		if !ok {
			continue
		}
		value = bytes.TrimSpace(value)
		n, err := strconv.ParseUint(string(value), 10, 64)
		if errors.Is(err, strconv.ErrRange) {
			return time.Duration(math.MaxInt64), nil
		}
		if err != nil {
			return 0, fmt.Errorf("HIDIdleTime is %q, want a number of nanoseconds", value)
		}
		return time.Duration(min(n, math.MaxInt64)), nil
	}
	return 0, errors.New("ioreg's output has no HIDIdleTime")
}
