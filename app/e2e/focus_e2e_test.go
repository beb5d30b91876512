//go:build linux

package e2e

import (
	"context"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/randr"
	"github.com/jezek/xgb/xproto"
)

// twoMonitors splits the test screen (1280×800) into two monitors side by
// side with RandR 1.5, the way `xrandr --setmonitor` does: LEFT takes the
// screen's one output, RIGHT is a virtual monitor.
func twoMonitors(t *testing.T, conn *xgb.Conn, root xproto.Window) {
	t.Helper()
	if err := randr.Init(conn); err != nil {
		t.Fatalf("RandR: %v", err)
	}
	res, err := randr.GetScreenResources(conn, root).Reply()
	if err != nil || len(res.Outputs) == 0 {
		t.Fatalf("the screen's outputs: %v (%d outputs)", err, len(res.Outputs))
	}
	for i, m := range []struct {
		name    string
		x       int16
		outputs []randr.Output
	}{{"LEFT", 0, res.Outputs[:1]}, {"RIGHT", 640, nil}} {
		atom, err := xproto.InternAtom(conn, false, uint16(len(m.name)), m.name).Reply()
		if err != nil {
			t.Fatal(err)
		}
		info := randr.MonitorInfo{
			Name: atom.Atom, Primary: i == 0, NOutput: uint16(len(m.outputs)),
			X: m.x, Width: 640, Height: 800, WidthInMillimeters: 170, HeightInMillimeters: 210,
			Outputs: m.outputs,
		}
		if err := randr.SetMonitorChecked(conn, root, info).Check(); err != nil {
			t.Fatalf("set monitor %s: %v", m.name, err)
		}
	}
	mons, err := randr.GetMonitors(conn, root, true).Reply()
	if err != nil || len(mons.Monitors) != 2 {
		t.Fatalf("monitors after the split: %v, %+v", err, mons)
	}
}

// typingWindow maps a plain window on the right monitor and gives it the
// keyboard focus, standing in for the editor the user is typing in.
func typingWindow(t *testing.T, conn *xgb.Conn, screen *xproto.ScreenInfo) xproto.Window {
	t.Helper()
	id, err := xproto.NewWindowId(conn)
	if err != nil {
		t.Fatal(err)
	}
	err = xproto.CreateWindowChecked(conn, screen.RootDepth, id, screen.Root, 700, 50, 400, 300, 0,
		xproto.WindowClassInputOutput, screen.RootVisual, xproto.CwBackPixel, []uint32{screen.WhitePixel}).Check()
	if err != nil {
		t.Fatal(err)
	}
	name := "Editor"
	xproto.ChangeProperty(conn, xproto.PropModeReplace, id, xproto.AtomWmName, xproto.AtomString, 8, uint32(len(name)), []byte(name))
	// A window manager that is still starting up can drop a map request,
	// so ask again until the window is on screen.
	if err := pollUntil(10*time.Second, func() (bool, error) {
		if err := xproto.MapWindowChecked(conn, id).Check(); err != nil {
			return false, err
		}
		time.Sleep(50 * time.Millisecond)
		attr, err := xproto.GetWindowAttributes(conn, id).Reply()
		return err == nil && attr.MapState == xproto.MapStateViewable, nil
	}); err != nil {
		t.Fatalf("the editor window never mapped: %v", err)
	}
	if err := xproto.SetInputFocusChecked(conn, xproto.InputFocusPointerRoot, id, xproto.TimeCurrentTime).Check(); err != nil {
		t.Fatal(err)
	}
	return id
}

// focusedWindow asks xdotool which window has the keyboard focus.
func focusedWindow(t *testing.T, d *Desktop) xproto.Window {
	t.Helper()
	out, err := d.Command("xdotool", []string{"getwindowfocus"}).Output()
	if err != nil {
		t.Fatalf("xdotool getwindowfocus: %v: %s", err, stderrOf(err))
	}
	id, err := strconv.ParseUint(strings.TrimSpace(string(out)), 10, 32)
	if err != nil {
		t.Fatalf("xdotool getwindowfocus printed %q", out)
	}
	return xproto.Window(id)
}

// TestEndToEnd_CardKeepsFocusAndFollowsThePointer: a card that opens by
// itself while the user types in another window leaves the keyboard focus
// where it is, and appears centred on the monitor with the pointer (the
// right one of two). Opened from the tray, the same card takes the focus.
func TestEndToEnd_CardKeepsFocusAndFollowsThePointer(t *testing.T) {
	var (
		conn   *xgb.Conn
		editor xproto.Window
	)
	_, d, item := startTrayDesktopAfter(t, func(config string) string {
		return strings.Replace(config, "auto_open = false", "auto_open = true", 1)
	}, func(d *Desktop) {
		var err error
		conn, err = xgb.NewConnDisplay(d.Display)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(conn.Close)
		screen := xproto.Setup(conn).DefaultScreen(conn)
		twoMonitors(t, conn, screen.Root)
		startWindowManager(t, d, conn, screen.Root)
		editor = typingWindow(t, conn, screen)
		xproto.WarpPointer(conn, 0, screen.Root, 0, 0, 0, 0, 1000, 600)
		if got := focusedWindow(t, d); got != editor {
			t.Fatalf("focus before the card is on %#x, want the editor %#x", got, editor)
		}
	})

	card := d.WaitWindow(t, "Limber — ", 20*time.Second)
	d.WaitDrawn(t, card, 10*time.Second)
	// Watch past the time Limber takes to hand the focus back, should the
	// window manager have given it to the card.
	time.Sleep(2 * time.Second)
	if got := focusedWindow(t, d); got != editor {
		t.Errorf("the card that opened by itself took the focus (now on %#x, want the editor %#x)", got, editor)
	}
	cardID, err := strconv.ParseUint(card.ID, 10, 32)
	if err != nil {
		t.Fatal(err)
	}
	var cx, cy int
	err = pollUntil(5*time.Second, func() (bool, error) {
		geo, err := xproto.GetGeometry(conn, xproto.Drawable(cardID)).Reply()
		if err != nil {
			return false, err
		}
		root := xproto.Setup(conn).DefaultScreen(conn).Root
		pos, err := xproto.TranslateCoordinates(conn, xproto.Window(cardID), root, 0, 0).Reply()
		if err != nil {
			return false, err
		}
		cx, cy = int(pos.DstX)+int(geo.Width)/2, int(pos.DstY)+int(geo.Height)/2
		return abs(cx-960) <= 2 && abs(cy-400) <= 2, nil
	})
	if err != nil {
		t.Errorf("the card's centre is at %d,%d, want the right monitor's centre 960,400", cx, cy)
	}
	if err := d.Screenshot(filepath.Join(ArtifactsDir(t), "card-on-right-monitor.png")); err != nil {
		t.Error(err)
	}

	// Asked for from the tray, the card is raised and focused.
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	menu, err := OpenMenu(ctx, d.MustConn(t), item.Service, item.Path)
	if err != nil {
		t.Fatal(err)
	}
	if err := menu.ClickLabel(ctx, "Start a stretch now"); err != nil {
		t.Fatal(err)
	}
	err = pollUntil(10*time.Second, func() (bool, error) {
		return focusedWindow(t, d) == xproto.Window(cardID), nil
	})
	if err != nil {
		t.Errorf("the card opened from the tray did not take the focus (it is on %#x)", focusedWindow(t, d))
	}

	// A new card window asked for from the tray takes the focus too.
	closeCard(t, d)
	if err := menu.ClickLabel(ctx, "Start a stretch now"); err != nil {
		t.Fatal(err)
	}
	fresh := d.WaitWindow(t, "Limber — ", 10*time.Second)
	freshID, err := strconv.ParseUint(fresh.ID, 10, 32)
	if err != nil {
		t.Fatal(err)
	}
	err = pollUntil(10*time.Second, func() (bool, error) {
		return focusedWindow(t, d) == xproto.Window(freshID), nil
	})
	if err != nil {
		t.Errorf("a new card opened from the tray did not take the focus (it is on %#x, the card is %#x)", focusedWindow(t, d), freshID)
	}
}

// TestEndToEnd_AskedForCardKeepsFocus: a card the user asks for from the
// tray right after a break opened it by itself keeps the focus. Without a
// window manager that focuses new windows (GNOME's focus-stealing
// prevention acts alike), Limber is still watching to hand the focus back
// when the user asks; the later request must call that off.
func TestEndToEnd_AskedForCardKeepsFocus(t *testing.T) {
	var (
		conn   *xgb.Conn
		editor xproto.Window
	)
	_, d, item := startTrayDesktopAfter(t, func(config string) string {
		return strings.Replace(config, "auto_open = false", "auto_open = true", 1)
	}, func(d *Desktop) {
		var err error
		conn, err = xgb.NewConnDisplay(d.Display)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(conn.Close)
		editor = typingWindow(t, conn, xproto.Setup(conn).DefaultScreen(conn))
	})
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	menu, err := OpenMenu(ctx, d.MustConn(t), item.Service, item.Path)
	if err != nil {
		t.Fatal(err)
	}
	card := d.WaitWindow(t, "Limber — ", 20*time.Second)
	if err := menu.ClickLabel(ctx, "Start a stretch now"); err != nil {
		t.Fatal(err)
	}
	cardID, err := strconv.ParseUint(card.ID, 10, 32)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(2 * time.Second) // past the hand-back's watch
	if got := focusedWindow(t, d); got != xproto.Window(cardID) {
		t.Errorf("the card asked for lost the focus to %#x (the card is %#x, the editor %#x)", got, cardID, editor)
	}
}

// startWindowManager starts openbox, a window manager that gives new
// windows the focus unless they ask it not to, as most desktops do, and
// waits until it manages the screen.
func startWindowManager(t *testing.T, d *Desktop, conn *xgb.Conn, root xproto.Window) {
	t.Helper()
	if _, err := exec.LookPath("openbox"); err != nil {
		t.Fatal("openbox is not installed (sudo .ci/install-deps test installs it)")
	}
	cmd, err := d.start("openbox", "openbox", "--sm-disable")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.launch(cmd); err != nil {
		t.Fatal(err)
	}
	atom, err := xproto.InternAtom(conn, false, uint16(len("_NET_SUPPORTING_WM_CHECK")), "_NET_SUPPORTING_WM_CHECK").Reply()
	if err != nil {
		t.Fatal(err)
	}
	err = pollUntil(10*time.Second, func() (bool, error) {
		p, err := xproto.GetProperty(conn, false, root, atom.Atom, xproto.AtomWindow, 0, 1).Reply()
		return err == nil && p.ValueLen > 0, nil
	})
	if err != nil {
		t.Fatalf("openbox did not take the screen: %v", err)
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
