package desktop

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// fakeHold is a Hold with a fixed answer that counts its checks.
type fakeHold struct {
	on     bool
	err    error
	checks *int
}

func (fakeHold) Name() string { return "fake" }

func (h fakeHold) Active() (bool, error) {
	if h.checks != nil {
		*h.checks++
	}
	return h.on, h.err
}

// fakeGsettings answers as gsettings would, and records how it was run.
type fakeGsettings struct {
	out  string
	err  error
	runs [][]string
}

func (f *fakeGsettings) run(_ context.Context, name string, args ...string) ([]byte, error) {
	f.runs = append(f.runs, append([]string{name}, args...))
	return []byte(f.out), f.err
}

var gsettingsCall = []string{"gsettings", "get", "org.gnome.desktop.notifications", "show-banners"}

func TestDoNotDisturb(t *testing.T) {
	errDenied := errors.New("access denied")
	tests := []struct {
		name      string
		inhibited fakeHold
		desktop   string
		gsettings fakeGsettings
		want      bool
		wantErr   string // a part of the error, "" for none
		wantRuns  int    // how often gsettings ran
	}{
		{"the server is inhibited", fakeHold{on: true}, "GNOME", fakeGsettings{out: "true\n"}, true, "", 0},
		{"GNOME's do-not-disturb", fakeHold{}, "GNOME", fakeGsettings{out: "false\n"}, true, "", 1},
		{"GNOME's do-not-disturb under another name first", fakeHold{}, "ubuntu:GNOME", fakeGsettings{out: "false\n"}, true, "", 1},
		{"GNOME, banners shown", fakeHold{}, "GNOME", fakeGsettings{out: "true\n"}, false, "", 1},
		{"not GNOME: gsettings is not asked", fakeHold{}, "KDE", fakeGsettings{out: "false\n"}, false, "", 0},
		{"no desktop named", fakeHold{}, "", fakeGsettings{out: "false\n"}, false, "", 0},
		{"GNOME without gsettings", fakeHold{}, "GNOME", fakeGsettings{err: errNotFound}, false, "", 1},
		{"gsettings fails", fakeHold{}, "GNOME", fakeGsettings{err: errors.New("exit status 1")}, false, "show-banners: exit status 1", 1},
		{"gsettings says something else", fakeHold{}, "GNOME", fakeGsettings{out: "'maybe'\n"}, false, `it is "'maybe'"`, 1},
		{"the server fails, GNOME's is on", fakeHold{err: errDenied}, "GNOME", fakeGsettings{out: "false\n"}, true, "", 1},
		{"the server fails, GNOME's is off", fakeHold{err: errDenied}, "GNOME", fakeGsettings{out: "true\n"}, false, "access denied", 1},
		{"the server fails, not GNOME", fakeHold{err: errDenied}, "XFCE", fakeGsettings{}, false, "access denied", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := tt.gsettings
			h := newDoNotDisturb(tt.inhibited, tt.desktop, g.run)
			if got := h.Name(); got != "do not disturb" {
				t.Errorf("Name() = %q, want %q", got, "do not disturb")
			}
			got, err := h.Active()
			if got != tt.want || (err == nil) != (tt.wantErr == "") || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("Active() = %v, %v, want %v, error with %q", got, err, tt.want, tt.wantErr)
			}
			if len(g.runs) != tt.wantRuns {
				t.Fatalf("gsettings ran %d times, want %d", len(g.runs), tt.wantRuns)
			}
			for _, r := range g.runs {
				if !slices.Equal(r, gsettingsCall) {
					t.Errorf("ran %q, want %q", r, gsettingsCall)
				}
			}
		})
	}
}

func TestIsGNOME(t *testing.T) {
	for desktop, want := range map[string]bool{
		"GNOME": true, "ubuntu:GNOME": true, "GNOME-Flashback:GNOME": true, "gnome": true,
		"GNOME-Classic": false, "KDE": false, "X-Cinnamon": false, "": false,
	} {
		if got := isGNOME(desktop); got != want {
			t.Errorf("isGNOME(%q) = %v, want %v", desktop, got, want)
		}
	}
}

// Errors as running gsettings gives them.
var (
	errNotFound = fmt.Errorf("exec: %q: %w", "gsettings", exec.ErrNotFound)
	errNoSchema = errors.New("exit status 1: no such schema \u201corg.gnome.desktop.notifications\u201d")
)
