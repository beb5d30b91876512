package desktop

import (
	"context"
	"errors"
	"math"
	"os"
	"strings"
	"testing"
	"time"
)

func TestTicksSince(t *testing.T) {
	tests := []struct {
		now, last uint32
		want      time.Duration
	}{
		{1500, 1000, 500 * time.Millisecond},
		{1000, 1000, 0},
		{4, math.MaxUint32 - 5, 10 * time.Millisecond}, // across the wrap after 49.7 days
	}
	for _, tt := range tests {
		if got := ticksSince(tt.now, tt.last); got != tt.want {
			t.Errorf("ticksSince(%d, %d) = %v, want %v", tt.now, tt.last, got, tt.want)
		}
	}
}

var hidIdleTests = []struct {
	name    string
	out     string
	want    time.Duration
	wantErr string // a part of the error, "" for none
}{
	{"one line", `    |   "HIDIdleTime" = 1854287000` + "\n", 1854287000, ""},
	{"the first of two", "\"HIDIdleTime\" = 5\n\"HIDIdleTime\" = 7\n", 5, ""},
	{"no newline at the end", `"HIDIdleTime" = 42`, 42, ""},
	{"too large for a Duration", `"HIDIdleTime" = 18446744073709551615`, math.MaxInt64, ""},
	{"too large for 64 bits", `"HIDIdleTime" = 99999999999999999999999`, math.MaxInt64, ""},
	{"missing", `"IOClass" = "IOHIDSystem"` + "\n", 0, "no HIDIdleTime"},
	{"empty", "", 0, "no HIDIdleTime"},
	{"not a number", `"HIDIdleTime" = <data>`, 0, `HIDIdleTime is "<data>"`},
	{"negative", `"HIDIdleTime" = -3`, 0, "want a number of nanoseconds"},
}

func TestParseHIDIdleTime(t *testing.T) {
	for _, tt := range hidIdleTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseHIDIdleTime([]byte(tt.out))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("parseHIDIdleTime() = %v, %v, want an error with %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("parseHIDIdleTime() = %v, %v, want %v", got, err, tt.want)
			}
		})
	}
}

func FuzzParseHIDIdleTime(f *testing.F) {
	for _, tt := range hidIdleTests {
		f.Add([]byte(tt.out))
	}
	f.Fuzz(func(t *testing.T, out []byte) {
		if d, err := parseHIDIdleTime(out); err == nil && d < 0 {
			t.Errorf("parseHIDIdleTime(%q) = %v, want no negative time", out, d)
		}
	})
}

func TestIoregIdle(t *testing.T) {
	sample, err := os.ReadFile("testdata/ioreg-hidsystem.txt")
	if err != nil {
		t.Fatal(err)
	}
	src := ioregIdle{run: func(context.Context) ([]byte, error) { return sample, nil }}
	if got := src.Name(); got != ioregIdleName {
		t.Errorf("Name() = %q, want %q", got, ioregIdleName)
	}
	if got, err := src.Idle(); err != nil || got != 73214802250*time.Nanosecond {
		t.Errorf("Idle() = %v, %v, want 1m13.21480225s", got, err)
	}

	failing := ioregIdle{run: func(context.Context) ([]byte, error) { return nil, errors.New("exit status 1") }}
	if got, err := failing.Idle(); err == nil || !strings.Contains(err.Error(), "exit status 1") || !strings.Contains(err.Error(), ioregIdleName) {
		t.Errorf("Idle() when ioreg fails = %v, %v, want an error that names the source and the failure", got, err)
	}
}
