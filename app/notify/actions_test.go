//go:build linux

package notify

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/testbus"
	"github.com/limber-app/limber/icons"
)

// waitTimeout bounds how long a test waits for something another process
// does.
const waitTimeout = 15 * time.Second

// need fails t when program is not installed, naming its Debian package.
func need(t *testing.T, program, pkg string) {
	t.Helper()
	if _, err := exec.LookPath(program); err != nil {
		t.Fatalf("%s not found: install the Debian package %s (make test-deps does): %v", program, pkg, err)
	}
}

// startDaemon starts cmd, stops it when t ends, and returns the first line
// it writes to out (nil for none). After the start it closes parentEnds,
// the test's copies of pipe ends handed to cmd, so that out ends when cmd
// does.
func startDaemon(t *testing.T, cmd *exec.Cmd, out io.Reader, parentEnds ...io.Closer) string {
	t.Helper()
	logPath := filepath.Join(t.TempDir(), filepath.Base(cmd.Path)+".log")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()
	cmd.Stderr = logFile
	err = cmd.Start()
	for _, c := range parentEnds {
		c.Close()
	}
	if err != nil {
		t.Fatalf("start %s: %v", cmd.Path, err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	if out == nil {
		return ""
	}
	line := make(chan string, 1)
	go func() {
		l, _ := bufio.NewReader(out).ReadString('\n')
		line <- strings.TrimSpace(l)
	}()
	select {
	case l := <-line:
		if l == "" {
			log, _ := os.ReadFile(logPath)
			t.Fatalf("%s did not start: %s", cmd.Path, log)
		}
		return l
	case <-time.After(waitTimeout):
		t.Fatalf("%s did not start within %v", cmd.Path, waitTimeout)
	}
	return ""
}

// startTestBus starts a private bus for t and returns its address.
func startTestBus(t *testing.T) string {
	t.Helper()
	return testbus.Start(t)
}

// testConn opens a connection to the bus at addr, closed when t ends.
func testConn(t *testing.T, addr string) *dbus.Conn {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatalf("connect to test bus: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// notifyCall is one call of Notify as the fake server received it.
type notifyCall struct {
	AppName    string
	ReplacesID uint32
	Icon       string
	Summary    string
	Body       string
	Actions    []string
	Hints      map[string]dbus.Variant
	Timeout    int32
}

// fakeServer is an org.freedesktop.Notifications server that records what
// it is asked. It is safe for concurrent use.
type fakeServer struct {
	conn *dbus.Conn
	caps []string

	mu     sync.Mutex
	nextID uint32
	calls  []notifyCall
	closed []uint32
}

// startFakeServer exports a fakeServer with caps on the bus at addr.
func startFakeServer(t *testing.T, addr string, caps ...string) *fakeServer {
	t.Helper()
	f := &fakeServer{conn: testConn(t, addr), caps: caps, nextID: 100}
	if err := f.conn.Export(f, serverPath, serverIface); err != nil {
		t.Fatal(err)
	}
	reply, err := f.conn.RequestName(serverName, dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("RequestName(%s) = %v, %v, want primary owner", serverName, reply, err)
	}
	return f
}

func (f *fakeServer) Notify(appName string, replacesID uint32, icon, summary, body string, actions []string, hints map[string]dbus.Variant, timeout int32) (uint32, *dbus.Error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, notifyCall{appName, replacesID, icon, summary, body, actions, hints, timeout})
	if replacesID != 0 {
		return replacesID, nil
	}
	f.nextID++
	return f.nextID, nil
}

func (f *fakeServer) GetCapabilities() ([]string, *dbus.Error) { return f.caps, nil }

func (f *fakeServer) GetServerInformation() (string, string, string, string, *dbus.Error) {
	return "fake", "Limber tests", "1.0", "1.2", nil
}

func (f *fakeServer) CloseNotification(id uint32) *dbus.Error {
	f.mu.Lock()
	f.closed = append(f.closed, id)
	f.mu.Unlock()
	return nil
}

func (f *fakeServer) Calls() []notifyCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.calls)
}

func (f *fakeServer) Closed() []uint32 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.closed)
}

// emit sends a signal of the Notifications interface from the server.
func (f *fakeServer) emit(t *testing.T, member string, args ...any) {
	t.Helper()
	if err := f.conn.Emit(serverPath, serverIface+"."+member, args...); err != nil {
		t.Fatal(err)
	}
}

// newTestNotifier returns a Notifier on its own connection to addr, closed
// when t ends.
func newTestNotifier(t *testing.T, addr string) *Notifier {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	n, err := NewNotifier(conn)
	if err != nil {
		conn.Close()
		t.Fatalf("NewNotifier() error = %v", err)
	}
	t.Cleanup(func() { n.Close() })
	return n
}

// nextAction waits for the next value on n.Actions.
func nextAction(t *testing.T, n *Notifier) string {
	t.Helper()
	select {
	case a := <-n.Actions():
		return a
	case <-time.After(waitTimeout):
		t.Fatalf("no action within %v", waitTimeout)
	}
	return ""
}

func TestNotifier_SendBreak(t *testing.T) {
	english := []string{"default", "Start stretch", "start", "Start stretch", "snooze", "Snooze 5 min", "skip", "Skip"}
	german := []string{"default", "Jetzt dehnen", "start", "Jetzt dehnen", "snooze", "5 Min. später", "skip", "Auslassen"}
	tests := []struct {
		name        string
		lang        string
		caps        []string
		wantActions []string
		wantBody    string
	}{
		{"server with buttons", "en", []string{"actions", "body"}, english, "Stand & stretch <now>"},
		{"server without buttons", "en", []string{"body"}, nil, "Stand & stretch <now>"},
		{"server reading markup", "en", []string{"actions", "body", "body-markup"}, english, "Stand &amp; stretch &lt;now&gt;"},
		{"buttons in German", "de", []string{"actions", "body"}, german, "Stand & stretch <now>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i18n.SetLanguage(tt.lang)
			t.Cleanup(func() { i18n.SetLanguage("en") })
			t.Setenv("TMPDIR", t.TempDir())
			addr := startTestBus(t)
			srv := startFakeServer(t, addr, tt.caps...)
			n := newTestNotifier(t, addr)
			if got, want := n.HasActions(), tt.wantActions != nil; got != want {
				t.Errorf("HasActions() = %v, want %v", got, want)
			}
			if got := n.Capabilities(); !slices.Equal(got, tt.caps) {
				t.Errorf("Capabilities() = %v, want %v", got, tt.caps)
			}
			if err := n.SendBreak("Time to stand", "Stand & stretch <now>"); err != nil {
				t.Fatalf("SendBreak() error = %v", err)
			}
			calls := srv.Calls()
			if len(calls) != 1 {
				t.Fatalf("server got %d calls, want 1", len(calls))
			}
			c := calls[0]
			if c.AppName != "Limber" || c.Summary != "Time to stand" || c.Body != tt.wantBody || c.ReplacesID != 0 {
				t.Errorf("Notify(%q, %d, …, %q, %q) want (\"Limber\", 0, …, \"Time to stand\", %q)", c.AppName, c.ReplacesID, c.Summary, c.Body, tt.wantBody)
			}
			if !slices.Equal(c.Actions, tt.wantActions) {
				t.Errorf("actions = %q, want %q", c.Actions, tt.wantActions)
			}
			if icon, err := os.ReadFile(c.Icon); err != nil || !bytes.Equal(icon, icons.AppIcon) {
				t.Errorf("app_icon %q does not hold icons.AppIcon (%v)", c.Icon, err)
			}
			if err := n.Close(); err != nil {
				t.Errorf("Close() error = %v", err)
			}
			if _, err := os.Stat(c.Icon); err == nil {
				t.Errorf("icon file %s is still there after Close", c.Icon)
			}
			if got := srv.Closed(); !slices.Equal(got, []uint32{101}) {
				t.Errorf("CloseNotification calls = %v after Close, want [101]", got)
			}
		})
	}
}

func TestNotifier_ReplacesItsNotification(t *testing.T) {
	addr := startTestBus(t)
	srv := startFakeServer(t, addr, "actions")
	n := newTestNotifier(t, addr)
	for range 2 {
		if err := n.SendBreak("Time to stand", "Stretch"); err != nil {
			t.Fatal(err)
		}
	}
	// Once the notification has closed, the next break is a new one and
	// the old one's buttons are dead. The signals are handed to the
	// Notifier directly: over the bus, the test could not tell when the
	// Notifier had seen them.
	closed := &dbus.Signal{Path: serverPath, Name: serverIface + ".NotificationClosed", Body: []any{uint32(101), uint32(2)}}
	if a, ok := n.action(closed); ok {
		t.Errorf("NotificationClosed gave action %q, want none", a)
	}
	late := &dbus.Signal{Path: serverPath, Name: serverIface + ".ActionInvoked", Body: []any{uint32(101), ActionSkip}}
	if a, ok := n.action(late); ok {
		t.Errorf("ActionInvoked for a closed notification gave %q, want none", a)
	}
	if err := n.SendBreak("Time to stand", "Stretch"); err != nil {
		t.Fatal(err)
	}
	var replaces []uint32
	for _, c := range srv.Calls() {
		replaces = append(replaces, c.ReplacesID)
	}
	if want := []uint32{0, 101, 0}; !slices.Equal(replaces, want) {
		t.Errorf("replaces_id of the sends = %v, want %v", replaces, want)
	}
}

func TestNotifier_ActionsOfOurNotificationsOnly(t *testing.T) {
	addr := startTestBus(t)
	srv := startFakeServer(t, addr, "actions")
	n := newTestNotifier(t, addr)
	if err := n.SendBreak("Time to stand", "Stretch"); err != nil {
		t.Fatal(err)
	}
	// Signals from one sender arrive in order, so had the first two been
	// delivered they would come before the third.
	srv.emit(t, "ActionInvoked", uint32(7), "skip")         // another program's notification
	srv.emit(t, "ActionInvoked", uint32(101), "reply")      // a key Limber never sent
	srv.emit(t, "ActionInvoked", uint32(101), "default")    // click on the notification
	srv.emit(t, "ActionInvoked", uint32(101), ActionSnooze) // the Snooze button
	for _, want := range []string{ActionStart, ActionSnooze} {
		if got := nextAction(t, n); got != want {
			t.Errorf("action = %q, want %q", got, want)
		}
	}

	// A look-alike signal from a program that does not own the server's
	// name is ignored. The impostor's round trip to the bus makes sure its
	// signal was routed before the server's.
	impostor := testConn(t, addr)
	if err := impostor.Emit(serverPath, serverIface+".ActionInvoked", uint32(101), ActionSkip); err != nil {
		t.Fatal(err)
	}
	if err := impostor.BusObject().Call("org.freedesktop.DBus.GetId", 0).Err; err != nil {
		t.Fatal(err)
	}
	srv.emit(t, "ActionInvoked", uint32(101), ActionStart)
	if got := nextAction(t, n); got != ActionStart {
		t.Errorf("action = %q, want %q (the impostor's %q must not arrive)", got, ActionStart, ActionSkip)
	}

	if err := n.Close(); err != nil {
		t.Fatal(err)
	}
	if a, ok := <-n.Actions(); ok {
		t.Errorf("Actions() delivered %q after Close, want a closed channel", a)
	}
}

func TestNotifier_ServerInfo(t *testing.T) {
	addr := startTestBus(t)
	startFakeServer(t, addr, "body")
	n := newTestNotifier(t, addr)
	name, vendor, version, err := n.ServerInfo()
	if err != nil || name != "fake" || vendor != "Limber tests" || version != "1.0" {
		t.Errorf("ServerInfo() = %q, %q, %q, %v, want fake, Limber tests, 1.0", name, vendor, version, err)
	}
}

func TestNewNotifier_NoServer(t *testing.T) {
	addr := startTestBus(t)
	conn := testConn(t, addr)
	n, err := NewNotifier(conn)
	if err == nil {
		n.Close()
		t.Fatal("NewNotifier() with no notification server = nil error, want one")
	}
	if !strings.Contains(err.Error(), serverName) {
		t.Errorf("error %q does not name %s", err, serverName)
	}
	if !conn.Connected() {
		t.Error("NewNotifier closed the connection on error; the caller owns it then")
	}
}

// startXvfb starts an X server on a free display and returns its name.
func startXvfb(t *testing.T) string {
	t.Helper()
	need(t, "Xvfb", "xvfb")
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	// -displayfd: Xvfb picks a free display and writes its number to fd 3
	// once it accepts connections.
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "800x600x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	return ":" + startDaemon(t, cmd, r, w)
}

func TestNotifier_Dunst(t *testing.T) {
	need(t, "dunst", "dunst")
	display := startXvfb(t)
	addr := startTestBus(t)
	watch := testConn(t, addr)
	owned := make(chan *dbus.Signal, 4)
	watch.Signal(owned)
	if err := watch.AddMatchSignal(dbus.WithMatchMember("NameOwnerChanged"), dbus.WithMatchArg(0, serverName)); err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	cmd := exec.Command("dunst")
	cmd.Env = []string{
		"DISPLAY=" + display,
		"DBUS_SESSION_BUS_ADDRESS=" + addr,
		"HOME=" + home,
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"PATH=" + os.Getenv("PATH"),
	}
	startDaemon(t, cmd, nil)
	waitOwner(t, owned, serverName)

	n := newTestNotifier(t, addr)
	if !n.HasActions() {
		t.Errorf("HasActions() = false for dunst; capabilities %v", n.Capabilities())
	}
	name, _, version, err := n.ServerInfo()
	if err != nil || name != "dunst" {
		t.Errorf("ServerInfo() = %q, %q, %v, want dunst", name, version, err)
	}
	for range 2 {
		if err := n.SendBreak("Time to stand", "Stand up & stretch"); err != nil {
			t.Fatalf("SendBreak() error = %v", err)
		}
	}
	if got := dunstCount(t, watch); got != 1 {
		t.Errorf("dunst shows %d notifications after two breaks, want 1 (replaced)", got)
	}
	// dunstctl action 0: what a user's click on the first notification does.
	if err := watch.Object(serverName, serverPath).Call("org.dunstproject.cmd0.NotificationAction", 0, uint32(0)).Err; err != nil {
		t.Fatalf("NotificationAction: %v", err)
	}
	if got := nextAction(t, n); got != ActionStart {
		t.Errorf("click on the notification gave %q, want %q", got, ActionStart)
	}
}

// waitOwner waits for the signal on sigs that says name has an owner.
func waitOwner(t *testing.T, sigs <-chan *dbus.Signal, name string) {
	t.Helper()
	timeout := time.After(waitTimeout)
	for {
		select {
		case sig := <-sigs:
			if sig.Name == "org.freedesktop.DBus.NameOwnerChanged" && len(sig.Body) == 3 && sig.Body[0] == name && sig.Body[2] != "" {
				return
			}
		case <-timeout:
			t.Fatalf("nobody took %s within %v", name, waitTimeout)
		}
	}
}

// dunstCount returns how many notifications dunst shows or holds back.
func dunstCount(t *testing.T, conn *dbus.Conn) uint32 {
	t.Helper()
	obj := conn.Object(serverName, serverPath)
	var total uint32
	for _, prop := range []string{"displayedLength", "waitingLength"} {
		v, err := obj.GetProperty("org.dunstproject.cmd0." + prop)
		if err != nil {
			t.Fatalf("dunst property %s: %v", prop, err)
		}
		n, ok := v.Value().(uint32)
		if !ok {
			t.Fatalf("dunst property %s = %v, want a uint32", prop, v)
		}
		total += n
	}
	return total
}

// A break notification asks for the desktop's sound only when the user
// turned sounds on, and asks for silence otherwise.
func TestNotifier_Sound(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	addr := startTestBus(t)
	srv := startFakeServer(t, addr, "actions", "body", "sound")
	n := newTestNotifier(t, addr)
	for _, on := range []bool{false, true} {
		n.SetSound(on)
		if err := n.SendBreak("Time to stand", "Stretch"); err != nil {
			t.Fatal(err)
		}
	}
	calls := srv.Calls()
	if len(calls) != 2 {
		t.Fatalf("server got %d calls, want 2", len(calls))
	}
	if v, ok := calls[0].Hints["suppress-sound"]; !ok || v.Value() != true {
		t.Errorf("sound off: suppress-sound hint = %v, want true", v)
	}
	if _, ok := calls[0].Hints["sound-name"]; ok {
		t.Errorf("sound off: a sound-name hint was sent")
	}
	if v := calls[1].Hints["sound-name"]; v.Value() != soundName {
		t.Errorf("sound on: sound-name hint = %v, want %q", v, soundName)
	}
	if _, ok := calls[1].Hints["suppress-sound"]; ok {
		t.Errorf("sound on: a suppress-sound hint was sent")
	}
}

// The notification's Snooze button says how long it snoozes.
func TestNotifier_SnoozeLabel(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	addr := startTestBus(t)
	srv := startFakeServer(t, addr, "actions", "body")
	n := newTestNotifier(t, addr)
	n.SetSnooze(15 * time.Minute)
	if err := n.SendBreak("Time to stand", "Stretch"); err != nil {
		t.Fatal(err)
	}
	calls := srv.Calls()
	if len(calls) != 1 || !slices.Contains(calls[0].Actions, "Snooze 15 min") {
		t.Fatalf("actions = %q, want a \"Snooze 15 min\" button", calls[0].Actions)
	}
	if got := SnoozeLabel(0); got != "Snooze 5 min" {
		t.Errorf("SnoozeLabel(0) = %q, want the default 5 min", got)
	}
}
