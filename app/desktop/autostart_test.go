//go:build linux

package desktop

import (
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// tempConfigHome points XDG_CONFIG_HOME at a new temporary folder for t.
func tempConfigHome(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	return dir
}

func TestAutostart_OnOffRoundTrip(t *testing.T) {
	dir := tempConfigHome(t)
	want := filepath.Join(dir, "autostart", "limber.desktop")
	if got := AutostartPath(); got != want {
		t.Fatalf("AutostartPath() = %q, want %q", got, want)
	}
	assertEnabled(t, false)
	if err := SetAutostart(false, "/usr/bin/limber"); err != nil {
		t.Fatalf("SetAutostart(false) with no file = %v, want nil", err)
	}
	if err := SetAutostart(true, "/usr/bin/limber"); err != nil {
		t.Fatalf("SetAutostart(true) = %v", err)
	}
	assertEnabled(t, true)
	data, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "\nExec=/usr/bin/limber\n") {
		t.Errorf("desktop file has no Exec=/usr/bin/limber line:\n%s", data)
	}
	if err := SetAutostart(true, "/opt/limber/limber"); err != nil {
		t.Fatalf("SetAutostart(true) again = %v", err)
	}
	if data, _ := os.ReadFile(want); !strings.Contains(string(data), "\nExec=/opt/limber/limber\n") {
		t.Errorf("second SetAutostart(true) did not replace Exec:\n%s", data)
	}
	entries, _ := os.ReadDir(filepath.Dir(want))
	if len(entries) != 1 {
		t.Errorf("autostart folder has %d files, want 1 (no temp files)", len(entries))
	}
	if err := SetAutostart(false, ""); err != nil {
		t.Fatalf("SetAutostart(false) = %v", err)
	}
	assertEnabled(t, false)
	if _, err := os.Stat(want); !os.IsNotExist(err) {
		t.Errorf("after SetAutostart(false), stat = %v, want not exist", err)
	}
}

func assertEnabled(t *testing.T, want bool) {
	t.Helper()
	got, err := AutostartEnabled()
	if err != nil || got != want {
		t.Fatalf("AutostartEnabled() = %v, %v; want %v, nil", got, err, want)
	}
}

func TestAutostart_DefaultsToDotConfig(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	for _, v := range []string{"", "relative/path"} {
		t.Setenv("XDG_CONFIG_HOME", v)
		want := filepath.Join(home, ".config", "autostart", "limber.desktop")
		if got := AutostartPath(); got != want {
			t.Errorf("with XDG_CONFIG_HOME=%q, AutostartPath() = %q, want %q", v, got, want)
		}
	}
}

func TestAutostart_SwitchedOffByDesktop(t *testing.T) {
	tempConfigHome(t)
	for _, extra := range []string{"Hidden=true\n", "X-GNOME-Autostart-enabled = false\n"} {
		if err := SetAutostart(true, "/usr/bin/limber"); err != nil {
			t.Fatal(err)
		}
		f, err := os.OpenFile(AutostartPath(), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.WriteString(extra); err != nil {
			t.Fatal(err)
		}
		f.Close()
		if on, err := AutostartEnabled(); on || err != nil {
			t.Errorf("with %q added, AutostartEnabled() = %v, %v; want false, nil", extra, on, err)
		}
	}
}

func TestSetAutostart_RejectsPaths(t *testing.T) {
	tempConfigHome(t)
	for _, exe := range []string{"", "limber", "./limber", "/usr/bin/lim\nber", "/usr/bin/\xfflimber"} {
		if err := SetAutostart(true, exe); err == nil {
			t.Errorf("SetAutostart(true, %q) = nil, want an error", exe)
		}
	}
	assertEnabled(t, false)
}

// nastyPaths are program paths that need the Desktop Entry's quoting.
var nastyPaths = []string{
	"/usr/bin/limber",
	"/home/ann/My Apps/limber",
	`/home/ann/back\slash/limber`,
	`/home/ann/"quoted"/limber`,
	"/home/ann/$HOME/`x`/limber",
	"/home/ann/100%/%f/limber",
	"/home/ann/it's (new) & #1; a|b <c> ~d *e? /limber",
	"/home/ann/tab\there/limber",
	"/home/ann/Ünïcödé/límber",
}

func TestDesktopExec_QuotesPerSpec(t *testing.T) {
	for _, exe := range nastyPaths {
		got, err := unquoteExec(desktopExec(exe))
		if err != nil || len(got) != 1 || got[0] != exe {
			t.Errorf("desktopExec(%q) = %q, which reads back as %q, %v; want [%q]", exe, desktopExec(exe), got, err, exe)
		}
	}
	if got := desktopExec("/home/ann/My Apps/limber"); got != `"/home/ann/My Apps/limber"` {
		t.Errorf("desktopExec(path with space) = %s, want it in double quotes", got)
	}
	if got := desktopExec(`/a\b`); got != `"/a\\\\b"` {
		t.Errorf(`desktopExec("/a\b") = %s, want "/a\\\\b" (four backslashes)`, got)
	}
}

// unquoteExec undoes an Exec value as a launcher does, following the
// Desktop Entry specification: string escapes first, then quoting, then
// %% field codes. It fails on any other field code.
func unquoteExec(value string) ([]string, error) {
	var s strings.Builder
	for i := 0; i < len(value); i++ {
		if value[i] == '\\' && i+1 < len(value) {
			i++
			switch value[i] {
			case 's':
				s.WriteByte(' ')
			case 'n':
				s.WriteByte('\n')
			case 't':
				s.WriteByte('\t')
			case 'r':
				s.WriteByte('\r')
			case '\\':
				s.WriteByte('\\')
			default:
				return nil, errorf("bad string escape \\%c", value[i])
			}
			continue
		}
		s.WriteByte(value[i])
	}
	var args []string
	var arg strings.Builder
	in, quoted, started := s.String(), false, false
	for i := 0; i < len(in); i++ {
		c := in[i]
		switch {
		case quoted && c == '\\' && i+1 < len(in) && strings.IndexByte("\"`$\\", in[i+1]) >= 0:
			i++
			arg.WriteByte(in[i])
		case quoted && c == '"':
			quoted = false
		case !quoted && c == '"':
			quoted, started = true, true
		case !quoted && c == ' ':
			if started {
				args = append(args, arg.String())
				arg.Reset()
				started = false
			}
		case c == '%':
			if i+1 >= len(in) || in[i+1] != '%' {
				return nil, errorf("field code in %q", in)
			}
			i++
			arg.WriteByte('%')
			started = true
		case !quoted && strings.IndexByte(desktopReserved, c) >= 0:
			return nil, errorf("unquoted reserved character %q in %q", c, in)
		default:
			arg.WriteByte(c)
			started = true
		}
	}
	if quoted {
		return nil, errorf("unterminated quote in %q", in)
	}
	if started {
		args = append(args, arg.String())
	}
	return args, nil
}

type execError string

func (e execError) Error() string { return string(e) }

func errorf(format string, args ...any) error {
	return execError(fmt.Sprintf(format, args...))
}

func TestAutostart_DesktopFileValidates(t *testing.T) {
	validator, err := exec.LookPath("desktop-file-validate")
	if err != nil {
		t.Fatalf("desktop-file-validate not found: install the Debian package desktop-file-utils: %v", err)
	}
	tempConfigHome(t)
	for _, exe := range nastyPaths {
		if err := SetAutostart(true, exe); err != nil {
			t.Fatalf("SetAutostart(true, %q) = %v", exe, err)
		}
		out, err := exec.Command(validator, AutostartPath()).CombinedOutput()
		if err != nil || len(out) > 0 {
			data, _ := os.ReadFile(AutostartPath())
			t.Errorf("desktop-file-validate for exe %q: %v\n%s\nfile:\n%s", exe, err, out, data)
		}
	}
}

func TestStartupScript(t *testing.T) {
	got, err := startupScript(`C:\Program Files\Limber 100%\limber.exe`)
	if err != nil {
		t.Fatal(err)
	}
	want := "start \"\" \"C:\\Program Files\\Limber 100%%\\limber.exe\"\r\n"
	if !strings.HasPrefix(string(got), "@echo off\r\n") || !strings.HasSuffix(string(got), want) {
		t.Errorf("startupScript = %q, want @echo off … %q", got, want)
	}
	if _, err := startupScript(`C:\a"b\limber.exe`); err == nil {
		t.Error("startupScript(path with a double quote) = nil error")
	}
}

func TestLaunchAgent_IsPlist(t *testing.T) {
	exe := "/Applications/Limber & Co <1>.app/Contents/MacOS/limber"
	data := launchAgent(exe)
	var plist struct {
		Dict struct {
			Keys    []string   `xml:"key"`
			Strings []string   `xml:"string"`
			Array   []string   `xml:"array>string"`
			True    []struct{} `xml:"true"`
		} `xml:"dict"`
	}
	if err := xml.Unmarshal(data, &plist); err != nil {
		t.Fatalf("launchAgent is not XML: %v\n%s", err, data)
	}
	d := plist.Dict
	if strings.Join(d.Keys, ",") != "Label,ProgramArguments,RunAtLoad" || len(d.Strings) != 1 || d.Strings[0] != autostartID || len(d.Array) != 1 || d.Array[0] != exe || len(d.True) != 1 {
		t.Errorf("launchAgent(%q) reads back as %+v", exe, d)
	}
	if !launchAgentOn(data) {
		t.Error("launchAgentOn(new agent) = false")
	}
	off := strings.Replace(string(data), "</dict>", "\t<key>Disabled</key>\n\t<true/>\n</dict>", 1)
	if launchAgentOn([]byte(off)) {
		t.Error("launchAgentOn(agent with Disabled true) = true")
	}
}
