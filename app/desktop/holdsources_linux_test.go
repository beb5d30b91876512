package desktop

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/godbus/dbus/v5/prop"
)

// fakeTree makes the files and folders paths name (a trailing slash makes
// a folder) under a new temporary folder and returns it.
func fakeTree(t *testing.T, paths ...string) string {
	t.Helper()
	root := t.TempDir()
	for _, p := range paths {
		full := filepath.Join(root, p)
		if strings.HasSuffix(p, "/") {
			if err := os.MkdirAll(full, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// gsettingsSays is a runFunc that prints out, as gsettings would.
func gsettingsSays(out string, err error) runFunc {
	return func(context.Context, string, ...string) ([]byte, error) { return []byte(out), err }
}

// wantSources checks got against want, source by source: the name, whether
// it is available, and a part of the detail.
func wantSources(t *testing.T, got []SourceInfo, want []SourceInfo) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d sources, want %d:\n%+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Name != w.Name || g.Available != w.Available || !strings.Contains(g.Detail, w.Detail) {
			t.Errorf("source %d = %+v,\nwant %+v (a detail that contains that)", i, g, w)
		}
	}
}

func TestHoldSources_AllThere(t *testing.T) {
	root := fakeTree(t, "proc/1/", "dev/video0", "dev/video1", "dev/null",
		"asound/card0/pcm0c/", "asound/card0/pcm0p/", "asound/card1/pcm3c/", "asound/cards")
	x := startXvfb(t, "", xauthority(t))
	addr := startTestBus(t)
	server := testConn(t, addr)
	if _, err := prop.Export(server, notificationsPath, prop.Map{notificationsName: {"Inhibited": {Value: false}}}); err != nil {
		t.Fatal(err)
	}
	own(t, server, notificationsName)

	got := holdSources(holdEnv{
		conn:           testConn(t, addr),
		pauseApps:      []string{"zoom", " ", "obs"},
		procDir:        filepath.Join(root, "proc"),
		devDir:         filepath.Join(root, "dev"),
		asoundDir:      filepath.Join(root, "asound"),
		display:        x.display,
		currentDesktop: "ubuntu:GNOME",
		run:            gsettingsSays("false\n", nil),
	})
	dev := filepath.Join(root, "dev")
	wantSources(t, got, []SourceInfo{
		{Name: "camera", Available: true, Detail: "2 video devices (" + dev + "/video0, " + dev + "/video1); processes readable in " + root + "/proc"},
		{Name: "microphone", Available: true, Detail: "2 capture devices in " + root + "/asound"},
		{Name: "fullscreen window", Available: true, Detail: "X display " + x.display + " reachable"},
		{Name: "do not disturb", Available: true, Detail: "the notification server's Inhibited property is false; GNOME's do-not-disturb is on"},
		{Name: "running programs", Available: true, Detail: "looks for zoom, obs in " + root + "/proc"},
	})
	if strings.Contains(got[2].Detail, "Wayland") {
		t.Errorf("fullscreen detail %q speaks of Wayland in an X11 session", got[2].Detail)
	}
}

func TestHoldSources_NothingThere(t *testing.T) {
	root := fakeTree(t, "proc/1/", "dev/null", "asound/card0/pcm0p/")
	missing := filepath.Join(root, "missing")
	tests := []struct {
		name string
		env  holdEnv
		want []SourceInfo
	}{
		{"no camera, no capture device, no display, no bus, no programs", holdEnv{
			procDir: filepath.Join(root, "proc"), devDir: filepath.Join(root, "dev"), asoundDir: filepath.Join(root, "asound"),
			currentDesktop: "KDE", run: gsettingsSays("false\n", nil),
		}, []SourceInfo{
			{Name: "camera", Detail: "no video device in " + root + "/dev"},
			{Name: "microphone", Detail: "1 sound card in " + root + "/asound, none that records"},
			{Name: "fullscreen window", Detail: "no X display: DISPLAY is not set"},
			{Name: "do not disturb", Detail: "no session bus to ask the notification server"},
			{Name: "running programs", Detail: "no programs listed (pause_while_running in config.toml)"},
		}},
		{"no /proc, no sound, a display that is gone, GNOME without gsettings", holdEnv{
			pauseApps: []string{"zoom"},
			procDir:   missing, devDir: filepath.Join(root, "dev"), asoundDir: missing,
			display: missing + "/X11-unix/X0:0", currentDesktop: "GNOME", run: gsettingsSays("", errNotFound),
		}, []SourceInfo{
			{Name: "camera", Detail: "cannot list the processes: "},
			{Name: "microphone", Detail: "no sound cards: " + missing + " is missing"},
			{Name: "fullscreen window", Detail: "not reachable: "},
			{Name: "do not disturb", Detail: "no session bus to ask the notification server; GNOME's do-not-disturb cannot be read: gsettings is not installed"},
			{Name: "running programs", Detail: "cannot list the processes: "},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantSources(t, holdSources(tt.env), tt.want)
		})
	}
}

func TestHoldSources_DoNotDisturb(t *testing.T) {
	addr := startTestBus(t)
	emptyBus := testConn(t, addr)
	tests := []struct {
		name      string
		desktop   string
		gsettings runFunc
		want      SourceInfo
	}{
		{
			"no server, not GNOME", "XFCE", nil,
			SourceInfo{Name: "do not disturb", Detail: "no notification server with an Inhibited property"},
		},
		{
			"no server, GNOME's setting readable", "GNOME", gsettingsSays("true\n", nil),
			SourceInfo{Name: "do not disturb", Available: true, Detail: "no notification server with an Inhibited property; GNOME's do-not-disturb is off"},
		},
		{
			"no server, gsettings fails", "GNOME", gsettingsSays("", errNoSchema),
			SourceInfo{Name: "do not disturb", Detail: "show-banners: exit status 1: no such schema"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantSources(t, []SourceInfo{dndInfo(emptyBus, tt.desktop, tt.gsettings)}, []SourceInfo{tt.want})
		})
	}
}

func TestHoldSources_Wayland(t *testing.T) {
	x := startXvfb(t, "", xauthority(t))
	got := fullscreenInfo(holdEnv{display: x.display, wayland: true})
	if !got.Available || !strings.Contains(got.Detail, "only X11 windows are seen") {
		t.Errorf("fullscreenInfo() in a Wayland session = %+v, want available, saying only X11 windows are seen", got)
	}
}

// TestHoldSources_ThisMachine checks the exported function's shape: the
// answers themselves depend on the machine.
func TestHoldSources_ThisMachine(t *testing.T) {
	var names []string
	for _, s := range HoldSources(nil, nil) {
		names = append(names, s.Name)
		if s.Detail == "" {
			t.Errorf("%s: no detail", s.Name)
		}
	}
	if got, want := strings.Join(names, ", "), "camera, microphone, fullscreen window, do not disturb, running programs"; got != want {
		t.Errorf("HoldSources() names %s, want %s", got, want)
	}
}
