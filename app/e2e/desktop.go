//go:build linux

package e2e

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/limber-app/limber/app/testbus"
)

// readyTimeout bounds how long each external program may take to come up.
const readyTimeout = 15 * time.Second

// RequiredPrograms are the programs a Desktop needs, with the Debian package
// that provides each one.
var RequiredPrograms = []struct{ Program, Package string }{
	{"Xvfb", "xvfb"},
	{"dbus-daemon", "dbus"},
	{"dbus-send", "dbus"},
	{"busctl", "systemd"},
	{"dunst", "dunst"},
	{"dunstctl", "dunst"},
	{"xdotool", "xdotool"},
	{"import", "imagemagick"},
}

// MissingPrograms returns a message naming the programs (and their packages)
// that are not on PATH, or "" when all are there.
func MissingPrograms() string {
	var missing []string
	for _, p := range RequiredPrograms {
		if _, err := exec.LookPath(p.Program); err != nil {
			missing = append(missing, fmt.Sprintf("%s (package %s)", p.Program, p.Package))
		}
	}
	if len(missing) == 0 {
		return ""
	}
	return "end-to-end tests need these programs, install them: " + strings.Join(missing, ", ")
}

// Desktop is a private X display, session bus and notification server, with
// fresh XDG folders and HOME, for the programs under test. Close stops it.
// A Desktop is not safe for concurrent Close; its other methods are.
type Desktop struct {
	Display    string // ":N"
	BusAddress string // DBUS_SESSION_BUS_ADDRESS
	Home       string
	ConfigHome string
	StateHome  string
	DataHome   string
	CacheHome  string
	RuntimeDir string
	LogDir     string // daemons' stdout and stderr

	env   []string
	procs []*Process // started daemons, stopped in reverse order
}

// DesktopOptions changes what a Desktop starts; the zero value is the
// usual desktop.
type DesktopOptions struct {
	// NoDunst leaves the bus without a notification server, for a test
	// that serves org.freedesktop.Notifications itself.
	NoDunst bool
	// DunstConfig, when not nil, edits dunst's configuration before dunst
	// reads it: to add a rule, say, or set the context-menu command.
	DunstConfig func(config string) string
}

// StartDesktop starts a Desktop under t.TempDir(), with daemon logs under
// t's artifacts folder, and stops it when the test ends. It fails the test
// if a required program is missing.
func StartDesktop(t testing.TB) *Desktop {
	t.Helper()
	return StartDesktopWith(t, DesktopOptions{})
}

// StartDesktopWith is StartDesktop with opts.
func StartDesktopWith(t testing.TB, opts DesktopOptions) *Desktop {
	t.Helper()
	if msg := MissingPrograms(); msg != "" {
		t.Fatal(msg)
	}
	d, err := NewDesktopWith(t.TempDir(), ArtifactsDir(t), opts)
	if err != nil {
		t.Fatalf("start desktop: %v", err)
	}
	t.Cleanup(func() {
		if err := d.Close(); err != nil {
			t.Errorf("stop desktop: %v", err)
		}
	})
	return d
}

// NewDesktop starts a Desktop whose home and XDG folders live in dir and
// whose daemon logs go to logDir. The caller must Close it.
func NewDesktop(dir, logDir string) (*Desktop, error) {
	return NewDesktopWith(dir, logDir, DesktopOptions{})
}

// NewDesktopWith is NewDesktop with opts.
func NewDesktopWith(dir, logDir string, opts DesktopOptions) (d *Desktop, err error) {
	d = &Desktop{
		Home:       filepath.Join(dir, "home"),
		ConfigHome: filepath.Join(dir, "config"),
		StateHome:  filepath.Join(dir, "state"),
		DataHome:   filepath.Join(dir, "data"),
		CacheHome:  filepath.Join(dir, "cache"),
		RuntimeDir: filepath.Join(dir, "run"),
		LogDir:     logDir,
	}
	for _, p := range []string{d.Home, d.ConfigHome, d.StateHome, d.DataHome, d.CacheHome, d.RuntimeDir, d.LogDir} {
		if err := os.MkdirAll(p, 0o700); err != nil {
			return nil, err
		}
	}
	// MkdirAll leaves an existing folder's mode alone; the spec wants 0700.
	if err := os.Chmod(d.RuntimeDir, 0o700); err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, d.Close())
		}
	}()
	if err := d.startXvfb(); err != nil {
		return d, err
	}
	if err := d.startBus(); err != nil {
		return d, err
	}
	if opts.NoDunst {
		return d, nil
	}
	config := dunstConfig
	if opts.DunstConfig != nil {
		config = opts.DunstConfig(config)
	}
	if err := d.startDunst(config); err != nil {
		return d, err
	}
	return d, nil
}

// Env returns the environment for programs on this desktop: DISPLAY, the
// session bus, XDG folders, HOME and the host's PATH and locale.
func (d *Desktop) Env() []string {
	return append([]string(nil), d.env...)
}

// Command returns a command that runs on this desktop with Env, extra
// "KEY=value" pairs appended.
func (d *Desktop) Command(name string, args []string, extraEnv ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Env = append(d.Env(), extraEnv...)
	cmd.Dir = d.Home
	return cmd
}

// Conn opens a new private connection to the desktop's session bus.
func (d *Desktop) Conn() (*dbus.Conn, error) {
	conn, err := dbus.Connect(d.BusAddress)
	if err != nil {
		return nil, fmt.Errorf("connect to test session bus: %w", err)
	}
	return conn, nil
}

// MustConn is Conn for tests: it fails t on error and closes the connection
// when the test ends.
func (d *Desktop) MustConn(t testing.TB) *dbus.Conn {
	t.Helper()
	conn, err := d.Conn()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// Close stops the daemons, newest first: SIGTERM to each process group, then
// SIGKILL after a grace period.
func (d *Desktop) Close() error {
	var errs []error
	for i := len(d.procs) - 1; i >= 0; i-- {
		if err := d.procs[i].Stop(3 * time.Second); err != nil {
			errs = append(errs, err)
		}
	}
	d.procs = nil
	return errors.Join(errs...)
}

func (d *Desktop) baseEnv() []string {
	env := []string{
		"HOME=" + d.Home,
		"XDG_CONFIG_HOME=" + d.ConfigHome,
		"XDG_STATE_HOME=" + d.StateHome,
		"XDG_DATA_HOME=" + d.DataHome,
		"XDG_CACHE_HOME=" + d.CacheHome,
		"XDG_RUNTIME_DIR=" + d.RuntimeDir,
		"PATH=" + os.Getenv("PATH"),
		// Xvfb has no GPU; Mesa's software rasteriser serves limber-ui's GL.
		"LIBGL_ALWAYS_SOFTWARE=1",
	}
	if v, ok := os.LookupEnv("TZ"); ok {
		env = append(env, "TZ="+v)
	}
	// Window titles hold an em dash: xdotool matches them only in a UTF-8
	// locale, whatever the caller's is (cron and env -i give none).
	env = append(env, "LANG=C.UTF-8", "LC_ALL=C.UTF-8")
	if d.Display != "" {
		env = append(env, "DISPLAY="+d.Display)
	}
	if d.BusAddress != "" {
		env = append(env, "DBUS_SESSION_BUS_ADDRESS="+d.BusAddress)
	}
	return env
}

// start runs a daemon in its own process group with its output in LogDir.
func (d *Desktop) start(logName, name string, args ...string) (*exec.Cmd, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = d.baseEnv()
	cmd.Dir = d.Home
	logFile, err := os.Create(filepath.Join(d.LogDir, logName+".log"))
	if err != nil {
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = logFile, logFile
	return cmd, nil
}

func (d *Desktop) launch(cmd *exec.Cmd) (*Process, error) {
	p, err := StartProcess(cmd)
	if err != nil {
		if f, ok := cmd.Stderr.(*os.File); ok {
			f.Close()
		}
		return nil, err
	}
	d.procs = append(d.procs, p)
	return p, nil
}

// startXvfb picks a display number that has neither a socket nor a lock
// file and starts Xvfb on it. If another server wins the race for the same
// number, Xvfb exits and the next number is tried.
func (d *Desktop) startXvfb() error {
	tried := 0
	for n := 90; n < 400 && tried < 8; n++ {
		if exists(fmt.Sprintf("/tmp/.X11-unix/X%d", n)) || exists(fmt.Sprintf("/tmp/.X%d-lock", n)) {
			continue
		}
		tried++
		display := fmt.Sprintf(":%d", n)
		cmd, err := d.start(fmt.Sprintf("xvfb-%d", n), "Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
		if err != nil {
			return err
		}
		p, err := d.launch(cmd)
		if err != nil {
			return err
		}
		err = pollUntil(readyTimeout, func() (bool, error) {
			if p.Exited() {
				return false, errors.New("the X server (Xvfb) exited")
			}
			return xvfbReady(n, p.Pid()), nil
		})
		if err == nil {
			d.Display = display
			d.env = d.baseEnv()
			return nil
		}
		if !p.Exited() {
			return fmt.Errorf("the X server (Xvfb) on %s: %w (log in %s)", display, err, d.LogDir)
		}
		d.procs = d.procs[:len(d.procs)-1]
	}
	return fmt.Errorf("no free X display after %d tries (log in %s)", tried, d.LogDir)
}

// xvfbReady reports whether display n is served by the Xvfb with this pid:
// its lock file names the pid and its socket accepts connections.
func xvfbReady(n, pid int) bool {
	lock, err := os.ReadFile(fmt.Sprintf("/tmp/.X%d-lock", n))
	if err != nil || strings.TrimSpace(string(lock)) != strconv.Itoa(pid) {
		return false
	}
	c, err := net.Dial("unix", fmt.Sprintf("/tmp/.X11-unix/X%d", n))
	if err != nil {
		return false
	}
	c.Close()
	return true
}

// startBus starts a private session bus and reads its address from stdout.
func (d *Desktop) startBus() error {
	cfg := filepath.Join(d.RuntimeDir, "session.conf")
	// The same bus as the unit tests use: no service folders, so a name is
	// there only if the test put it there (the host's dunst.service, for
	// one, must not answer for our dunst).
	if err := os.WriteFile(cfg, fmt.Appendf(nil, testbus.Config, dbus.EscapeBusAddressValue(d.RuntimeDir)), 0o600); err != nil {
		return err
	}
	cmd, err := d.start("dbus-daemon", "dbus-daemon", "--config-file="+cfg, "--print-address", "--nofork", "--nopidfile")
	if err != nil {
		return err
	}
	cmd.Stdout = nil
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if _, err := d.launch(cmd); err != nil {
		return err
	}
	addr := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(out).ReadString('\n') // a short read shows up as an empty address below
		addr <- strings.TrimSpace(line)
		_, _ = io.Copy(io.Discard, out) // keep the pipe drained; nothing else is printed
	}()
	select {
	case a := <-addr:
		if a == "" {
			return fmt.Errorf("dbus-daemon printed no address (log in %s)", d.LogDir)
		}
		d.BusAddress = a
	case <-time.After(readyTimeout):
		return fmt.Errorf("dbus-daemon printed no address within %v", readyTimeout)
	}
	d.env = d.baseEnv()
	return pollUntil(readyTimeout, func() (bool, error) {
		conn, err := d.Conn()
		if err != nil {
			return false, nil
		}
		conn.Close()
		return true, nil
	})
}

// dunstConfig keeps every notification for 200 ms whatever timeout the
// sender asked for (the catch-all rule; a rule's plain "timeout" does not
// beat the sender's expire_timeout, "override_dbus_timeout" does), so that
// it reaches the history quickly: dunst lists a notification in
// `dunstctl history` only once it has closed. idle_threshold = 0 stops dunst from holding notifications while
// the (input-less) Xvfb session looks idle.
const dunstConfig = `[global]
    monitor = 0
    follow = none
    width = 300
    height = 100
    origin = top-right
    offset = 10x10
    font = Monospace 8
    idle_threshold = 0
    sticky_history = yes
    history_length = 200
    show_indicators = no
    dmenu = /bin/false
    browser = /bin/false
    mouse_left_click = none
    mouse_middle_click = none
    mouse_right_click = none

[urgency_low]
    timeout = 200ms

[urgency_normal]
    timeout = 200ms

[urgency_critical]
    timeout = 200ms

[e2e_expire_everything]
    appname = "*"
    timeout = 200ms
    override_dbus_timeout = 200ms
`

func (d *Desktop) startDunst(config string) error {
	cfg := filepath.Join(d.ConfigHome, "dunst", "dunstrc")
	if err := os.MkdirAll(filepath.Dir(cfg), 0o700); err != nil {
		return err
	}
	if err := os.WriteFile(cfg, []byte(config), 0o600); err != nil {
		return err
	}
	cmd, err := d.start("dunst", "dunst", "-config", cfg)
	if err != nil {
		return err
	}
	p, err := d.launch(cmd)
	if err != nil {
		return err
	}
	conn, err := d.Conn()
	if err != nil {
		return err
	}
	defer conn.Close()
	err = pollUntil(readyTimeout, func() (bool, error) {
		if p.Exited() {
			return false, errors.New("dunst exited")
		}
		return hasOwner(conn, "org.freedesktop.Notifications"), nil
	})
	if err != nil {
		return fmt.Errorf("dunst: %w (log in %s)", err, d.LogDir)
	}
	return nil
}

// hasOwner reports whether name has an owner on conn's bus.
func hasOwner(conn *dbus.Conn, name string) bool {
	var has bool
	err := conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, name).Store(&has)
	return err == nil && has
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
