//go:build linux

package desktop

import (
	"bufio"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// xauthority writes an authority file with one cookie for any display,
// points XAUTHORITY at it and returns its path.
func xauthority(t *testing.T) string {
	t.Helper()
	cookie := make([]byte, 16)
	rand.Read(cookie)
	var b []byte
	b = binary.BigEndian.AppendUint16(b, 0xffff) // FamilyWild
	for _, field := range [][]byte{nil, nil, []byte("MIT-MAGIC-COOKIE-1"), cookie} {
		b = binary.BigEndian.AppendUint16(b, uint16(len(field)))
		b = append(b, field...)
	}
	path := filepath.Join(t.TempDir(), "Xauthority")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XAUTHORITY", path)
	return path
}

// xvfb is an X server for a test.
type xvfb struct {
	display string // ":N"
	cmd     *exec.Cmd
}

// startXvfb starts Xvfb on display (":N"), or on a free one when display
// is "", with extra arguments, and waits until it accepts connections. It
// stops when t ends.
func startXvfb(t *testing.T, display, auth string, extra ...string) *xvfb {
	t.Helper()
	if _, err := exec.LookPath("Xvfb"); err != nil {
		t.Fatalf("Xvfb not found: install the Debian package xvfb (make test-deps does): %v", err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	// -noreset: a test's last client may leave and the next come at once;
	// by default the server resets between them and drops the newcomer. (A
	// desktop session always has clients, its window manager at least.)
	args := []string{"-displayfd", "3", "-screen", "0", "800x600x24", "-nolisten", "tcp", "-noreset", "-auth", auth}
	args = append(args, extra...)
	if display != "" {
		args = append([]string{display}, args...)
	}
	cmd := exec.Command("Xvfb", args...)
	cmd.ExtraFiles = []*os.File{w}
	var log strings.Builder
	cmd.Stderr = &log
	if err := cmd.Start(); err != nil {
		t.Fatalf("start Xvfb: %v", err)
	}
	w.Close()
	x := &xvfb{cmd: cmd}
	t.Cleanup(x.stop)
	got := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		got <- strings.TrimSpace(line)
	}()
	select {
	case n := <-got:
		if n == "" {
			x.stop()
			t.Fatalf("Xvfb %s named no display: %s", display, log.String())
		}
		x.display = ":" + n
	case <-time.After(30 * time.Second):
		t.Fatal("Xvfb named no display within 30s")
	}
	return x
}

// stop ends the server and waits for it to clean up.
func (x *xvfb) stop() {
	if x.cmd.ProcessState != nil {
		return
	}
	x.cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { x.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		x.cmd.Process.Kill()
		<-done
	}
}

// desk plays the window manager: it sets the properties FullscreenApp
// reads, on a connection of its own.
type desk struct {
	t     *testing.T
	conn  *xgb.Conn
	root  xproto.Window
	atoms map[string]xproto.Atom
}

func newDesk(t *testing.T, display string) *desk {
	t.Helper()
	conn, err := xgb.NewConnDisplay(display)
	if err != nil {
		t.Fatalf("connect to %s: %v", display, err)
	}
	t.Cleanup(conn.Close)
	d := &desk{t: t, conn: conn, root: xproto.Setup(conn).DefaultScreen(conn).Root, atoms: map[string]xproto.Atom{}}
	for _, name := range []string{"_NET_ACTIVE_WINDOW", "_NET_WM_STATE", "_NET_WM_STATE_FULLSCREEN", "_NET_WM_STATE_ABOVE"} {
		reply, err := xproto.InternAtom(conn, false, uint16(len(name)), name).Reply()
		if err != nil {
			t.Fatal(err)
		}
		d.atoms[name] = reply.Atom
	}
	return d
}

// window creates an unmapped window: no window manager is needed to
// set its properties.
func (d *desk) window() xproto.Window {
	d.t.Helper()
	id, err := xproto.NewWindowId(d.conn)
	if err != nil {
		d.t.Fatal(err)
	}
	err = xproto.CreateWindowChecked(d.conn, 0, id, d.root, 0, 0, 100, 100, 0, xproto.WindowClassInputOutput, 0, 0, nil).Check()
	if err != nil {
		d.t.Fatalf("CreateWindow: %v", err)
	}
	return id
}

// set replaces window's prop with values of type typ; Check waits until
// the server has done it.
func (d *desk) set(window xproto.Window, prop string, typ xproto.Atom, values ...uint32) {
	d.t.Helper()
	data := make([]byte, 4*len(values))
	for i, v := range values {
		xgb.Put32(data[4*i:], v)
	}
	err := xproto.ChangePropertyChecked(d.conn, xproto.PropModeReplace, window, d.atoms[prop], typ, 32, uint32(len(values)), data).Check()
	if err != nil {
		d.t.Fatalf("ChangeProperty(%s): %v", prop, err)
	}
}

func (d *desk) activate(window xproto.Window) {
	d.set(d.root, "_NET_ACTIVE_WINDOW", xproto.AtomWindow, uint32(window))
}

func (d *desk) states(window xproto.Window, names ...string) {
	var atoms []uint32
	for _, n := range names {
		atoms = append(atoms, uint32(d.atoms[n]))
	}
	d.set(window, "_NET_WM_STATE", xproto.AtomAtom, atoms...)
}

func wantActive(t *testing.T, h Hold, want bool) {
	t.Helper()
	if got, err := h.Active(); got != want || err != nil {
		t.Errorf("Active() = %v, %v, want %v", got, err, want)
	}
}

func TestFullscreenApp(t *testing.T) {
	x := startXvfb(t, "", xauthority(t))
	d := newDesk(t, x.display)
	h := FullscreenApp(x.display)
	if got := h.Name(); got != "fullscreen app" {
		t.Errorf("Name() = %q, want %q", got, "fullscreen app")
	}

	t.Log("no window manager has named an active window")
	wantActive(t, h, false)

	film, editor := d.window(), d.window()
	d.states(film, "_NET_WM_STATE_ABOVE", "_NET_WM_STATE_FULLSCREEN")
	d.states(editor, "_NET_WM_STATE_ABOVE")

	t.Log("the active window is full screen")
	d.activate(film)
	wantActive(t, h, true)

	t.Log("the active window is not")
	d.activate(editor)
	wantActive(t, h, false)

	t.Log("the film leaves full screen")
	d.activate(film)
	d.states(film)
	wantActive(t, h, false)
	d.states(film, "_NET_WM_STATE_FULLSCREEN")
	wantActive(t, h, true)

	t.Log("no active window")
	d.activate(0)
	wantActive(t, h, false)

	t.Log("the active window has closed")
	d.activate(film)
	if err := xproto.DestroyWindowChecked(d.conn, film).Check(); err != nil {
		t.Fatal(err)
	}
	wantActive(t, h, false)
	d.activate(editor)
	wantActive(t, h, false)
}

func TestFullscreenApp_Reconnects(t *testing.T) {
	auth := xauthority(t)
	x := startXvfb(t, "", auth)
	d := newDesk(t, x.display)
	h := FullscreenApp(x.display)
	w := d.window()
	d.states(w, "_NET_WM_STATE_FULLSCREEN")
	d.activate(w)
	wantActive(t, h, true)

	x.stop()
	if got, err := h.Active(); got || err == nil {
		t.Errorf("Active() with the server gone = %v, %v, want false and an error", got, err)
	}
	t.Log("the failure is reported once")
	wantActive(t, h, false)

	x = startXvfb(t, x.display, auth)
	d = newDesk(t, x.display)
	w = d.window()
	d.states(w, "_NET_WM_STATE_FULLSCREEN")
	d.activate(w)
	wantActive(t, h, true)
}

func TestFullscreenApp_NoDisplay(t *testing.T) {
	t.Setenv("DISPLAY", "")
	missing := filepath.Join(t.TempDir(), "X11-unix", "X") + ":0"
	for _, display := range []string{"", missing} {
		t.Run(fmt.Sprintf("display %q", display), func(t *testing.T) {
			h := FullscreenApp(display)
			got, err := h.Active()
			if got || err == nil {
				t.Fatalf("Active() = %v, %v, want false and an error", got, err)
			}
			if !strings.Contains(err.Error(), "X display") {
				t.Errorf("error %q does not say it is about the X display", err)
			}
			t.Log("the failure is reported once")
			wantActive(t, h, false)
			wantActive(t, h, false)
		})
	}
}
