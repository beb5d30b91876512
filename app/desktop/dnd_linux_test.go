//go:build linux

package desktop

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/godbus/dbus/v5/prop"
)

// fakeGsettingsOnPath puts a gsettings on PATH, alone, that prints out.
func fakeGsettingsOnPath(t *testing.T, out string) {
	t.Helper()
	dir := t.TempDir()
	script := "#!/bin/sh\n[ \"$*\" = 'get org.gnome.desktop.notifications show-banners' ] || exit 3\necho " + out + "\n"
	if err := os.WriteFile(filepath.Join(dir, "gsettings"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
}

// TestDoNotDisturb_Real checks DoNotDisturb with a notification server on
// a test bus and a gsettings program on PATH.
func TestDoNotDisturb_Real(t *testing.T) {
	addr := startTestBus(t)
	server := testConn(t, addr)
	props, err := prop.Export(server, notificationsPath, prop.Map{notificationsName: {"Inhibited": {Value: false}}})
	if err != nil {
		t.Fatal(err)
	}
	own(t, server, notificationsName)
	conn := testConn(t, addr)

	t.Setenv("XDG_CURRENT_DESKTOP", "ubuntu:GNOME")
	for _, tt := range []struct {
		banners   string
		inhibited bool
		want      bool
	}{
		{"true", false, false},
		{"false", false, true},
		{"true", true, true},
	} {
		fakeGsettingsOnPath(t, tt.banners)
		props.SetMust(notificationsName, "Inhibited", tt.inhibited)
		if got, err := DoNotDisturb(conn).Active(); got != tt.want || err != nil {
			t.Errorf("show-banners %s, Inhibited %v: Active() = %v, %v, want %v", tt.banners, tt.inhibited, got, err, tt.want)
		}
	}

	t.Log("no gsettings at all")
	t.Setenv("PATH", t.TempDir())
	props.SetMust(notificationsName, "Inhibited", false)
	if got, err := DoNotDisturb(conn).Active(); got || err != nil {
		t.Errorf("Active() without gsettings = %v, %v, want false, nil", got, err)
	}

	t.Log("not GNOME: only the server counts")
	t.Setenv("XDG_CURRENT_DESKTOP", "KDE")
	fakeGsettingsOnPath(t, "false")
	if got, err := DoNotDisturb(conn).Active(); got || err != nil {
		t.Errorf("Active() on KDE with banners off in GNOME's settings = %v, %v, want false, nil", got, err)
	}
}
