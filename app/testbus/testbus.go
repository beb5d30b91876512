// Package testbus starts private D-Bus session buses for tests. Their
// configuration has no service folders, so a name is on the bus only if the
// test put it there: nothing on the host (its dunst, say) is ever started
// by activation.
package testbus

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// Config is the bus configuration, with %s for the folder its socket goes
// in (escaped with dbus.EscapeBusAddressValue).
const Config = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=%s</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`

// Start starts a private dbus-daemon for t and returns its address; the
// daemon stops when the test ends. A missing dbus-daemon fails the test,
// naming the Debian package to install.
func Start(t testing.TB) string {
	t.Helper()
	if _, err := exec.LookPath("dbus-daemon"); err != nil {
		t.Fatalf("dbus-daemon not found: install the Debian package dbus (make test-deps does): %v", err)
	}
	dir := t.TempDir()
	cfg := filepath.Join(dir, "session.conf")
	if err := os.WriteFile(cfg, fmt.Appendf(nil, Config, dbus.EscapeBusAddressValue(dir)), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("dbus-daemon", "--config-file="+cfg, "--print-address", "--nofork", "--nopidfile")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start dbus-daemon: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	addr := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(out).ReadString('\n')
		addr <- strings.TrimSpace(line)
	}()
	select {
	case a := <-addr:
		if a == "" {
			t.Fatalf("dbus-daemon printed no address: %s", stderr.String())
		}
		return a
	case <-time.After(15 * time.Second):
		t.Fatal("dbus-daemon printed no address within 15s")
		return ""
	}
}
