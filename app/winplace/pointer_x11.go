//go:build linux && !wayland

package winplace

import (
	"fmt"
	"io"
	"log"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/jezek/xgb"
	"github.com/jezek/xgb/randr"
	"github.com/jezek/xgb/xproto"
)

// xgb logs to stderr when there is no ~/.Xauthority, which is normal on
// many desktops and says nothing about whether the connection works.
func init() { xgb.Logger = log.New(io.Discard, "", 0) }

// toPointerMonitor moves w to the centre of the monitor under the pointer.
// It asks the X server directly, as neither Fyne nor GLFW can tell where the
// pointer is outside their own windows. Failing that, w stays where Fyne put
// it (the centre of the primary monitor).
func toPointerMonitor(w fyne.Window) {
	id := x11Window(w)
	if id == 0 {
		return
	}
	if err := centreOnPointerMonitor(id); err != nil {
		log.Printf("window stays on the primary monitor: %v", err)
	}
}

// x11Window returns w's X window id, or 0.
func x11Window(w fyne.Window) xproto.Window {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return 0
	}
	var id uintptr
	nw.RunNative(func(ctx any) {
		if x, ok := ctx.(driver.X11WindowContext); ok {
			id = x.WindowHandle
		}
	})
	return xproto.Window(id)
}

func centreOnPointerMonitor(id xproto.Window) error {
	conn, err := xgb.NewConn()
	if err != nil {
		return fmt.Errorf("connect to the X server: %w", err)
	}
	defer conn.Close()
	root := xproto.Setup(conn).DefaultScreen(conn).Root
	ptr, err := xproto.QueryPointer(conn, root).Reply()
	if err != nil {
		return fmt.Errorf("find the pointer: %w", err)
	}
	mons, err := monitors(conn, root)
	if err != nil {
		return err
	}
	geo, err := xproto.GetGeometry(conn, xproto.Drawable(id)).Reply()
	if err != nil {
		return fmt.Errorf("size of window %#x: %w", id, err)
	}
	m := Under(mons, int(ptr.RootX), int(ptr.RootY))
	x, y := m.Centre(int(geo.Width), int(geo.Height))
	return xproto.ConfigureWindowChecked(conn, id,
		xproto.ConfigWindowX|xproto.ConfigWindowY,
		[]uint32{uint32(int32(x)), uint32(int32(y))}).Check()
}

// monitors lists the monitors RandR knows (1.5 and later, which also
// counts monitors split off one output with `xrandr --setmonitor`), or the
// whole root window when RandR cannot say.
func monitors(conn *xgb.Conn, root xproto.Window) ([]Rect, error) {
	if randr.Init(conn) == nil {
		if r, err := randr.GetMonitors(conn, root, true).Reply(); err == nil && len(r.Monitors) > 0 {
			out := make([]Rect, 0, len(r.Monitors))
			for _, m := range r.Monitors {
				out = append(out, Rect{X: int(m.X), Y: int(m.Y), W: int(m.Width), H: int(m.Height)})
			}
			return out, nil
		}
	}
	geo, err := xproto.GetGeometry(conn, xproto.Drawable(root)).Reply()
	if err != nil {
		return nil, fmt.Errorf("size of the screen: %w", err)
	}
	return []Rect{{W: int(geo.Width), H: int(geo.Height)}}, nil
}

// Focus hand-back timing: how long after showing a window Limber watches for
// the window manager giving it the focus, and how often it looks.
const (
	focusWatch = 1500 * time.Millisecond
	focusPoll  = 25 * time.Millisecond
)

// keepFocus notes which window has the keyboard focus now. The function it
// returns watches the shown window for a moment and, if the window manager
// gives it the focus, hands the focus back, unless stop is closed first (the
// user asked for the window meanwhile). It returns nil when the X server
// cannot be asked.
func keepFocus() func(w fyne.Window, stop <-chan struct{}) {
	conn, err := xgb.NewConn()
	if err != nil {
		return nil
	}
	f, err := xproto.GetInputFocus(conn).Reply()
	if err != nil || f.Focus == xproto.WindowNone || f.Focus == xproto.InputFocusPointerRoot {
		conn.Close()
		return nil
	}
	prev := clientOf(conn, f.Focus)
	return func(w fyne.Window, stop <-chan struct{}) {
		id := x11Window(w)
		if id == 0 {
			conn.Close()
			return
		}
		go func() {
			defer conn.Close()
			if err := handBack(conn, id, prev, time.Now().Add(focusWatch), stop); err != nil {
				log.Printf("keyboard focus: %v", err)
			}
		}()
	}
}

// handBack waits until deadline, or until stop is closed, for the focus to
// land on id, and gives it back to prev when it does.
func handBack(conn *xgb.Conn, id, prev xproto.Window, deadline time.Time, stop <-chan struct{}) error {
	tick := time.NewTicker(focusPoll)
	defer tick.Stop()
	for time.Now().Before(deadline) {
		f, err := xproto.GetInputFocus(conn).Reply()
		if err != nil {
			return err
		}
		if f.Focus == id {
			return activate(conn, prev)
		}
		select {
		case <-stop:
			return nil
		case <-tick.C:
		}
	}
	return nil
}

// activate gives win the focus: through the window manager when there is
// one (a _NET_ACTIVE_WINDOW request with the source a pager uses, which
// window managers honour even when they prevent focus stealing), directly
// otherwise.
func activate(conn *xgb.Conn, win xproto.Window) error {
	root := xproto.Setup(conn).DefaultScreen(conn).Root
	if !hasWindowManager(conn, root) {
		return xproto.SetInputFocusChecked(conn, xproto.InputFocusPointerRoot, win, xproto.TimeCurrentTime).Check()
	}
	active, err := atom(conn, "_NET_ACTIVE_WINDOW")
	if err != nil {
		return err
	}
	const sourcePager = 2
	ev := xproto.ClientMessageEvent{
		Format: 32, Window: win, Type: active,
		Data: xproto.ClientMessageDataUnionData32New([]uint32{sourcePager, uint32(xproto.TimeCurrentTime), 0, 0, 0}),
	}
	return xproto.SendEventChecked(conn, false, root,
		xproto.EventMaskSubstructureRedirect|xproto.EventMaskSubstructureNotify, string(ev.Bytes())).Check()
}

// hasWindowManager reports whether an EWMH window manager runs: the root
// names its check window.
func hasWindowManager(conn *xgb.Conn, root xproto.Window) bool {
	check, err := atom(conn, "_NET_SUPPORTING_WM_CHECK")
	if err != nil {
		return false
	}
	p, err := xproto.GetProperty(conn, false, root, check, xproto.AtomWindow, 0, 1).Reply()
	return err == nil && p.ValueLen > 0
}

// clientOf returns the application window that holds win: win itself or
// the nearest ancestor with WM_STATE (toolkits sometimes focus a child of
// their top-level window). It returns win when there is none.
func clientOf(conn *xgb.Conn, win xproto.Window) xproto.Window {
	state, err := atom(conn, "WM_STATE")
	if err != nil {
		return win
	}
	for w := win; w != 0; {
		p, err := xproto.GetProperty(conn, false, w, state, xproto.GetPropertyTypeAny, 0, 0).Reply()
		if err == nil && p.Format != 0 {
			return w
		}
		tree, err := xproto.QueryTree(conn, w).Reply()
		if err != nil || tree.Parent == tree.Root {
			break
		}
		w = tree.Parent
	}
	return win
}

func atom(conn *xgb.Conn, name string) (xproto.Atom, error) {
	r, err := xproto.InternAtom(conn, true, uint16(len(name)), name).Reply()
	if err != nil {
		return 0, fmt.Errorf("atom %s: %w", name, err)
	}
	return r.Atom, nil
}
