//go:build linux

package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/introspect"
	"github.com/godbus/dbus/v5/prop"
	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// The Desktop Notifications service, as the specification names it.
const (
	notificationsName  = "org.freedesktop.Notifications"
	notificationsPath  = dbus.ObjectPath("/org/freedesktop/Notifications")
	notificationsIface = "org.freedesktop.Notifications"
)

// standSummary starts the title of a stand-break notification.
const standSummary = "Time to stand up and stretch"

// The hold names, as the tray shows them after "Waiting: " (the Name of
// the holds in app/desktop).
const (
	doNotDisturb  = "do not disturb"
	fullscreenApp = "fullscreen app"
)

// notifyCall is one Notify call a fakeNotifications server received.
type notifyCall struct {
	ID      uint32
	AppName string
	Summary string
	Actions []string
	At      time.Time
}

// fakeNotifications is a small org.freedesktop.Notifications server with
// the Inhibited property (the do-not-disturb switch of KDE Plasma's
// server). It shows nothing; it records the Notify calls. It is safe for
// concurrent use.
type fakeNotifications struct {
	conn  *dbus.Conn
	props *prop.Properties

	mu    sync.Mutex
	calls []notifyCall
}

// fakeNotificationsMethods holds the methods exported on the bus, so that
// the helpers of fakeNotifications are not.
type fakeNotificationsMethods struct{ s *fakeNotifications }

// GetCapabilities says the server shows bodies and buttons.
func (fakeNotificationsMethods) GetCapabilities() ([]string, *dbus.Error) {
	return []string{"body", "actions"}, nil
}

// GetServerInformation names the server.
func (fakeNotificationsMethods) GetServerInformation() (name, vendor, version, spec string, err *dbus.Error) {
	return "limber-e2e", "Limber tests", "1.0", "1.2", nil
}

// Notify records a notification and returns its id (the replaced one's id
// when replacesID is set, as servers do).
func (m fakeNotificationsMethods) Notify(appName string, replacesID uint32, icon, summary, body string,
	actions []string, hints map[string]dbus.Variant, timeout int32,
) (uint32, *dbus.Error) {
	m.s.mu.Lock()
	defer m.s.mu.Unlock()
	id := replacesID
	if id == 0 {
		id = uint32(len(m.s.calls) + 1)
	}
	m.s.calls = append(m.s.calls, notifyCall{ID: id, AppName: appName, Summary: summary, Actions: actions, At: time.Now()})
	return id, nil
}

// CloseNotification closes a notification: it says so with
// NotificationClosed, reason 3 (closed by a call to CloseNotification).
func (m fakeNotificationsMethods) CloseNotification(id uint32) *dbus.Error {
	if err := m.s.conn.Emit(notificationsPath, notificationsIface+".NotificationClosed", id, uint32(3)); err != nil {
		return dbus.MakeFailedError(err)
	}
	return nil
}

// startFakeNotifications serves a fakeNotifications on d's bus, with
// Inhibited set to inhibited, until the test ends. d must have no other
// notification server (DesktopOptions.NoDunst).
func startFakeNotifications(t *testing.T, d *Desktop, inhibited bool) *fakeNotifications {
	t.Helper()
	s := &fakeNotifications{conn: d.MustConn(t)}
	if err := s.conn.Export(fakeNotificationsMethods{s}, notificationsPath, notificationsIface); err != nil {
		t.Fatal(err)
	}
	props, err := prop.Export(s.conn, notificationsPath, prop.Map{notificationsIface: {
		"Inhibited": {Value: inhibited, Emit: prop.EmitTrue},
	}})
	if err != nil {
		t.Fatalf("export the Inhibited property: %v", err)
	}
	s.props = props
	node := introspect.Node{Interfaces: []introspect.Interface{
		introspect.IntrospectData, prop.IntrospectData,
		{
			Name:       notificationsIface,
			Methods:    introspect.Methods(fakeNotificationsMethods{s}),
			Properties: props.Introspection(notificationsIface),
		},
	}}
	if err := s.conn.Export(introspect.NewIntrospectable(&node), notificationsPath, "org.freedesktop.DBus.Introspectable"); err != nil {
		t.Fatal(err)
	}
	reply, err := s.conn.RequestName(notificationsName, dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("own %s: %v (reply %v)", notificationsName, err, reply)
	}
	return s
}

// setInhibited sets the Inhibited property and announces the change with
// PropertiesChanged.
func (s *fakeNotifications) setInhibited(v bool) {
	s.props.SetMust(notificationsIface, "Inhibited", v)
}

// fromLimber returns the Notify calls from Limber so far.
func (s *fakeNotifications) fromLimber() []notifyCall {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []notifyCall
	for _, c := range s.calls {
		if c.AppName == "Limber" {
			out = append(out, c)
		}
	}
	return out
}

// TestEndToEnd_InhibitedServerHoldsTheBreak: while the notification server
// says it is inhibited (do not disturb), a due break sends no notification
// and the tray says why; once the server lets notifications through
// again, the break comes, once, after the hold's quiet time.
func TestEndToEnd_InhibitedServerHoldsTheBreak(t *testing.T) {
	var server *fakeNotifications
	bins, d, item := startTrayDesktopWith(t, DesktopOptions{NoDunst: true}, nil, func(d *Desktop) {
		server = startFakeNotifications(t, d, true)
	})
	menu := openTrayMenu(t, d, item)
	waitHeld(t, d, bins, menu, doNotDisturb)
	count := func() int { return len(server.fromLimber()) }
	stayAt(t, "notifications from Limber while the server is inhibited", count, 0, 3*time.Second)

	released := time.Now()
	server.setInhibited(false)
	if err := pollUntil(15*time.Second, func() (bool, error) { return count() > 0, nil }); err != nil {
		t.Fatalf("no notification within 15 s of the server letting notifications through")
	}
	first := server.fromLimber()[0]
	after := first.At.Sub(released)
	t.Logf("hold ended → break notification %q: %v", first.Summary, after.Round(time.Millisecond))
	if !strings.HasPrefix(first.Summary, standSummary) {
		t.Errorf("first notification after the hold = %q, want %q", first.Summary, standSummary)
	}
	if !slices.Contains(first.Actions, "snooze") {
		t.Errorf("break notification actions = %q, want buttons (the server offers them)", first.Actions)
	}
	// LIMBER_HOLD_QUIET=2s: holds are asked every 0.5 s and the break waits
	// 2 s after the last check that saw the server inhibited, so at least
	// 1.5 s after the flip; without the quiet time it would come within
	// 0.5 s.
	if after < time.Second {
		t.Errorf("break came %v after the hold ended; want the quiet time (2 s) first", after.Round(time.Millisecond))
	}
	stayAt(t, "notifications from Limber after the hold", count, 1, 3*time.Second)
	waitMenu(t, t.Context(), menu, func(items []MenuItem) bool {
		return items[0].Label == "Stretch due now"
	}, `first row "Stretch due now"`)
}

// TestEndToEnd_FullscreenWindowHoldsTheBreak: while the active window is
// full screen, a due break sends no notification and the tray says why;
// when the window closes the break comes, once.
func TestEndToEnd_FullscreenWindowHoldsTheBreak(t *testing.T) {
	var win *fullscreenWindow
	bins, d, item := startTrayDesktopAfter(t, nil, func(d *Desktop) {
		win = openFullscreenWindow(t, d)
	})
	menu := openTrayMenu(t, d, item)
	waitHeld(t, d, bins, menu, fullscreenApp)
	count := func() int { return limberNotifications(t, d) }
	stayAt(t, "break notifications while a full-screen window is active", count, 0, 3*time.Second)

	closed := time.Now()
	win.close(t)
	n := d.WaitNotification(t, "Limber", standSummary, 15*time.Second)
	t.Logf("window closed → break notification %q in dunst's history: %v", n.Summary, time.Since(closed).Round(time.Millisecond))
	stayAt(t, "break notifications after the window closed", count, 1, 3*time.Second)
	waitMenu(t, t.Context(), menu, func(items []MenuItem) bool {
		return items[0].Label == "Stretch due now"
	}, `first row "Stretch due now"`)
}

// keepBreaksRule keeps Limber's break notifications on dunst's screen (the
// desktop's catch-all rule closes every notification after 200 ms): a
// button works only while its notification is open.
const keepBreaksRule = `
[e2e_keep_breaks]
    appname = "Limber"
    summary = "` + standSummary + `*"
    timeout = 0
    override_dbus_timeout = 0
`

// TestEndToEnd_SnoozeFromTheNotificationButton: dunst receives the break
// notification with its buttons, and pressing "Snooze 5 min" (through
// dunst's context menu, whose menu program here picks that button)
// snoozes the break: the next one is five minutes away, in `limber status`
// and in the tray.
func TestEndToEnd_SnoozeFromTheNotificationButton(t *testing.T) {
	dir := t.TempDir()
	offered := filepath.Join(dir, "offered.txt")
	chooser := filepath.Join(dir, "choose-snooze")
	// dunst writes one line per button to the menu program's input, such as
	// "#Snooze 5 min (Time to stand up and stretch) [2,snooze]", and
	// presses the button whose line the program prints. The program keeps
	// its input in offered (whole: written aside, then renamed).
	script := "#!/bin/sh\ncat >'" + offered + ".part' && mv '" + offered + ".part' '" + offered + "'\n" +
		"grep -m1 '^#Snooze 5 min ' '" + offered + "'\n"
	if err := os.WriteFile(chooser, []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	opts := DesktopOptions{DunstConfig: func(config string) string {
		if !strings.Contains(config, "dmenu = /bin/false") {
			t.Fatalf("dunst's configuration sets no menu program to replace:\n%s", config)
		}
		return strings.Replace(config, "dmenu = /bin/false", "dmenu = "+chooser, 1) + keepBreaksRule
	}}
	bins, d, item := startTrayDesktopWith(t, opts, nil, nil)
	menu := openTrayMenu(t, d, item)

	waitStatus(t, d, bins, "the break due", 15*time.Second, func(st holdStatus) bool { return st.State == "due" })
	err := pollUntil(5*time.Second, func() (bool, error) {
		out, err := d.Command("dunstctl", []string{"count", "displayed"}).Output()
		return err == nil && strings.TrimSpace(string(out)) != "0", nil
	})
	if err != nil {
		t.Fatalf("dunst shows no notification while the break is due: %v", err)
	}
	if err := d.Command("dunstctl", []string{"context"}).Run(); err != nil {
		t.Fatalf("dunstctl context: %v: %s", err, stderrOf(err))
	}
	pressed := time.Now()
	checkButtons(t, offered)
	st := waitStatus(t, d, bins, "the break snoozed", 10*time.Second, func(st holdStatus) bool { return st.State == "working" })
	t.Logf("Snooze 5 min pressed → limber status says %q: %v", st.Text, time.Since(pressed).Round(time.Millisecond))

	if st.Next.Kind != "stand" || st.Next.At == nil {
		t.Fatalf("status after snooze = %+v, want the next stand break", st)
	}
	if in := st.Next.At.Sub(pressed); in < 5*time.Minute-10*time.Second || in > 5*time.Minute+10*time.Second {
		t.Errorf("next stand break %v after pressing Snooze 5 min, want 5 min", in.Round(time.Second))
	}
	row := "Next stretch at " + trayClock(*st.Next.At, time.Now())
	waitMenu(t, t.Context(), menu, func(items []MenuItem) bool { return items[0].Label == row }, `first row "`+row+`"`)
	history := filepath.Join(d.StateHome, "limber", "history.jsonl")
	if b, err := os.ReadFile(history); err != nil || !strings.Contains(string(b), `"outcome":"snoozed"`) {
		t.Errorf("history after the snooze button = %q, %v; want a snoozed outcome", b, err)
	}
}

// checkButtons waits for dunst's context menu to open and checks that it
// offered the three buttons of a break notification (the menu program
// keeps its input in path).
func checkButtons(t *testing.T, path string) {
	t.Helper()
	if err := pollUntil(5*time.Second, func() (bool, error) { return exists(path), nil }); err != nil {
		t.Fatalf("dunst opened no context menu (it does only for notifications with buttons): %v", err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	for _, label := range []string{"Start stretch", "Snooze 5 min", "Skip"} {
		if !slices.ContainsFunc(lines, func(l string) bool {
			return strings.HasPrefix(l, "#"+label+" ") && strings.Contains(l, standSummary)
		}) {
			t.Errorf("dunst offers no %q button on the break notification; its context menu: %q", label, lines)
		}
	}
}

// holdStatus is the part of `limber status --json` these tests read.
type holdStatus struct {
	State   string `json:"state"`
	Text    string `json:"text"`
	Waiting string `json:"waiting"`
	Next    struct {
		Kind string     `json:"kind"`
		At   *time.Time `json:"at"`
	} `json:"next"`
}

// waitStatus polls `limber status --json` until ok accepts it, and fails t,
// naming what it waited for, if that takes longer than timeout.
func waitStatus(t *testing.T, d *Desktop, bins limberBinaries, what string, timeout time.Duration, ok func(holdStatus) bool) holdStatus {
	t.Helper()
	var st holdStatus
	var out string
	err := pollUntil(timeout, func() (bool, error) {
		st = holdStatus{}
		out, _ = runLimber(t, d, bins.limber, "status", "--json")
		return json.Unmarshal([]byte(out), &st) == nil && ok(st), nil
	})
	if err != nil {
		t.Fatalf("limber status never showed %s: %v; last status %s", what, err, out)
	}
	return st
}

// waitHeld waits until limber holds a due break back for the hold named
// why, and checks that `limber status` and the tray's first row say so.
func waitHeld(t *testing.T, d *Desktop, bins limberBinaries, menu *Menu, why string) {
	t.Helper()
	st := waitStatus(t, d, bins, "a held break", 15*time.Second, func(st holdStatus) bool { return st.Waiting != "" })
	if want := "Waiting: " + why; st.Waiting != why || st.Text != want {
		t.Errorf("status while held = waiting %q, text %q; want %q, %q", st.Waiting, st.Text, why, want)
	}
	waitMenu(t, t.Context(), menu, func(items []MenuItem) bool {
		return items[0].Label == "Waiting: "+why
	}, `first row "Waiting: `+why+`"`)
}

// stayAt fails t if count is not want, or stops being want, within d.
func stayAt(t *testing.T, what string, count func() int, want int, d time.Duration) {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		if n := count(); n != want {
			t.Fatalf("%s = %d, want %d", what, n, want)
		}
		if time.Now().After(deadline) {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// openTrayMenu opens the tray menu of item.
func openTrayMenu(t *testing.T, d *Desktop, item Item) *Menu {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	menu, err := OpenMenu(ctx, d.MustConn(t), item.Service, item.Path)
	if err != nil {
		t.Fatal(err)
	}
	return menu
}

// trayClock formats at as the tray does: 14:35 today, Mon 09:00 on another
// day.
func trayClock(at, now time.Time) string {
	at = at.In(now.Location())
	if y, m, d := at.Date(); y == now.Year() && m == now.Month() && d == now.Day() {
		return at.Format("15:04")
	}
	return at.Format("Mon 15:04")
}

// fullscreenWindow is an X window marked the way a window manager marks a
// full-screen window that has the focus.
type fullscreenWindow struct {
	conn *xgb.Conn
	id   xproto.Window
}

// openFullscreenWindow opens a screen-sized window on d's display, puts
// _NET_WM_STATE_FULLSCREEN in its _NET_WM_STATE and names it in the root
// window's _NET_ACTIVE_WINDOW. Xvfb has no window manager to do that.
func openFullscreenWindow(t *testing.T, d *Desktop) *fullscreenWindow {
	t.Helper()
	conn, err := xgb.NewConnDisplay(d.Display)
	if err != nil {
		t.Fatalf("connect to X display %s: %v", d.Display, err)
	}
	t.Cleanup(conn.Close)
	screen := xproto.Setup(conn).DefaultScreen(conn)
	id, err := xproto.NewWindowId(conn)
	if err != nil {
		t.Fatal(err)
	}
	err = xproto.CreateWindowChecked(conn, screen.RootDepth, id, screen.Root, 0, 0,
		screen.WidthInPixels, screen.HeightInPixels, 0, xproto.WindowClassInputOutput,
		screen.RootVisual, xproto.CwBackPixel, []uint32{screen.BlackPixel}).Check()
	if err != nil {
		t.Fatalf("create window: %v", err)
	}
	state := internAtom(t, conn, "_NET_WM_STATE")
	fullscreen := internAtom(t, conn, "_NET_WM_STATE_FULLSCREEN")
	active := internAtom(t, conn, "_NET_ACTIVE_WINDOW")
	setProperty32(t, conn, id, state, xproto.AtomAtom, uint32(fullscreen))
	if err := xproto.MapWindowChecked(conn, id).Check(); err != nil {
		t.Fatalf("map window: %v", err)
	}
	setProperty32(t, conn, screen.Root, active, xproto.AtomWindow, uint32(id))
	return &fullscreenWindow{conn: conn, id: id}
}

// close destroys the window. The root window still names it as active, as
// it may for a moment on a real desktop.
func (w *fullscreenWindow) close(t *testing.T) {
	t.Helper()
	if err := xproto.DestroyWindowChecked(w.conn, w.id).Check(); err != nil {
		t.Fatalf("destroy window: %v", err)
	}
}

func internAtom(t *testing.T, conn *xgb.Conn, name string) xproto.Atom {
	t.Helper()
	reply, err := xproto.InternAtom(conn, false, uint16(len(name)), name).Reply()
	if err != nil {
		t.Fatalf("intern %s: %v", name, err)
	}
	return reply.Atom
}

// setProperty32 sets window's property prop to one 32-bit value of type
// typ.
func setProperty32(t *testing.T, conn *xgb.Conn, window xproto.Window, prop, typ xproto.Atom, value uint32) {
	t.Helper()
	data := make([]byte, 4)
	xgb.Put32(data, value)
	if err := xproto.ChangePropertyChecked(conn, xproto.PropModeReplace, window, prop, typ, 32, 1, data).Check(); err != nil {
		t.Fatalf("set window property: %v", err)
	}
}
