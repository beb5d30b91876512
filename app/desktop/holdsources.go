package desktop

import (
	"fmt"
	"os"
	"strings"

	"github.com/godbus/dbus/v5"
)

// Names of the hold sources HoldSources reports on.
const (
	cameraSource     = "camera"
	microphoneSource = "microphone"
	fullscreenSource = "fullscreen window"
	dndSource        = "do not disturb"
	programsSource   = "running programs"
)

// HoldSources says, for `limber doctor`, which reasons to hold a reminder
// back Limber can see on this machine, and why not where it cannot: the
// camera and the microphone in use, a full-screen window, do-not-disturb,
// and one of pauseApps (the pause_while_running programs) running. conn
// is a session bus connection, or nil when there is none; it is left
// open. Only device state is looked at: no device is opened.
func HoldSources(conn *dbus.Conn, pauseApps []string) []SourceInfo {
	return holdSources(holdEnv{
		conn:           conn,
		pauseApps:      pauseApps,
		procDir:        "/proc",
		devDir:         "/dev",
		asoundDir:      "/proc/asound",
		display:        os.Getenv("DISPLAY"),
		wayland:        waylandSession(),
		currentDesktop: os.Getenv("XDG_CURRENT_DESKTOP"),
		run:            runCommand,
	})
}

// holdEnv is where holdSources looks; tests point it at fakes.
type holdEnv struct {
	conn           *dbus.Conn // nil: no session bus
	pauseApps      []string
	procDir        string // normally /proc
	devDir         string // normally /dev
	asoundDir      string // normally /proc/asound
	display        string // $DISPLAY
	wayland        bool   // a Wayland session
	currentDesktop string // $XDG_CURRENT_DESKTOP
	run            runFunc
}

// waylandSession reports whether this is a Wayland session: WAYLAND_DISPLAY
// is set, or XDG_SESSION_TYPE says wayland.
func waylandSession() bool {
	return os.Getenv("WAYLAND_DISPLAY") != "" || strings.EqualFold(os.Getenv("XDG_SESSION_TYPE"), "wayland")
}

// dndInfo says whether do-not-disturb can be read: the notification
// server's Inhibited property on conn, and on GNOME its show-banners
// setting through gsettings.
func dndInfo(conn *dbus.Conn, currentDesktop string, run runFunc) SourceInfo {
	info := SourceInfo{Name: dndSource}
	var found []string
	if conn == nil {
		found = append(found, "no session bus to ask the notification server")
	} else {
		switch inhibited, has, err := readInhibited(conn); {
		case err != nil:
			found = append(found, err.Error())
		case !has:
			found = append(found, "no notification server with an Inhibited property")
		default:
			info.Available = true
			found = append(found, "the notification server's Inhibited property is "+fmt.Sprint(inhibited))
		}
	}
	if isGNOME(currentDesktop) {
		switch on, ok, err := gnomeDoNotDisturb(run); {
		case err != nil:
			found = append(found, err.Error())
		case !ok:
			found = append(found, "GNOME's do-not-disturb cannot be read: gsettings is not installed")
		default:
			info.Available = true
			found = append(found, "GNOME's do-not-disturb is "+onOff(on))
		}
	}
	info.Detail = strings.Join(found, "; ")
	return info
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}
