package desktop

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/limber-app/limber/app/store"
)

// autostartID is Limber's application id, used for the icon name and the
// launchd label.
const autostartID = "app.limber.Limber"

// SetAutostart makes Limber start, or stop starting, when the user logs in.
// exe is the absolute path of the program to start (os.Executable for an
// installed build; the AppImage itself for an AppImage). Turning it on
// writes the file AutostartPath names, atomically; turning it off removes
// that file, and is not an error when there is none.
//
// Where the file goes and what it says depends on the system:
//
//   - Linux and other XDG desktops: a Desktop Entry in
//     $XDG_CONFIG_HOME/autostart (~/.config/autostart by default), as the
//     XDG Autostart specification asks.
//   - Windows: a Limber.cmd script in the user's Startup folder that starts
//     exe. The usual place, the HKCU\…\Run registry key, needs
//     golang.org/x/sys/windows/registry, and Limber uses only the standard
//     library; a .lnk shortcut needs COM. A script does the same job; the
//     price is a console window that flashes for a moment at login.
//   - macOS: a launchd agent in ~/Library/LaunchAgents with RunAtLoad. It
//     takes effect at the next login; SetAutostart does not call launchctl.
func SetAutostart(on bool, exe string) error {
	path, err := autostartPath()
	if err != nil {
		return fmt.Errorf("autostart: %w", err)
	}
	if !on {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("turn autostart off: %w", err)
		}
		return nil
	}
	if err := checkExe(exe); err != nil {
		return fmt.Errorf("turn autostart on: %w", err)
	}
	data, err := autostartFile(exe)
	if err != nil {
		return fmt.Errorf("turn autostart on: %w", err)
	}
	if err := store.WriteFileAtomic(path, data, 0o644); err != nil {
		return fmt.Errorf("turn autostart on: %w", err)
	}
	return nil
}

// AutostartEnabled reports whether Limber starts at login: whether the file
// SetAutostart writes is there, and (on XDG desktops) not switched off by
// the desktop's own settings with Hidden=true or
// X-GNOME-Autostart-enabled=false.
func AutostartEnabled() (bool, error) {
	path, err := autostartPath()
	if err != nil {
		return false, fmt.Errorf("autostart: %w", err)
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("autostart: %w", err)
	}
	return autostartOn(data), nil
}

// AutostartPath returns the file SetAutostart writes, or "" when the home
// or config folder it goes in is unknown (SetAutostart then says why).
func AutostartPath() string {
	path, err := autostartPath()
	if err != nil {
		return ""
	}
	return path
}

// checkExe rejects paths that no autostart file can name: relative ones
// (login does not start in the folder the user ran Limber from), invalid
// UTF-8 and control characters other than tab.
func checkExe(exe string) error {
	if !filepath.IsAbs(exe) {
		return fmt.Errorf("program path %q is not absolute", exe)
	}
	if !utf8.ValidString(exe) {
		return fmt.Errorf("program path %q is not valid UTF-8", exe)
	}
	if strings.ContainsFunc(exe, func(r rune) bool { return unicode.IsControl(r) && r != '\t' }) {
		return fmt.Errorf("program path %q has a control character", exe)
	}
	return nil
}

// desktopEntry returns the XDG autostart Desktop Entry that starts exe.
func desktopEntry(exe string) []byte {
	return []byte("[Desktop Entry]\n" +
		"Type=Application\n" +
		"Name=Limber\n" +
		"Comment=Reminds you to stand up and stretch\n" +
		"Exec=" + desktopExec(exe) + "\n" +
		"Icon=" + autostartID + "\n" +
		"Categories=Utility;\n" +
		"NoDisplay=false\n" +
		"X-GNOME-Autostart-enabled=true\n")
}

// desktopReserved are the characters that make an Exec argument need
// quotes, per the Desktop Entry specification.
const desktopReserved = " \t\n\"'\\><~|&;$*?#()`"

// desktopExec writes exe as the Exec value of a Desktop Entry. The
// specification stacks three escapes: an argument holding a reserved
// character is put in double quotes, with " ` $ and \ escaped by a
// backslash; a literal % is written %%; and the value as a whole is a
// string, in which a backslash is written \\ and a tab \t. So a backslash
// in a quoted path becomes four.
func desktopExec(exe string) string {
	arg := exe
	if strings.ContainsAny(exe, desktopReserved) {
		var b strings.Builder
		b.WriteByte('"')
		for _, r := range exe {
			if strings.ContainsRune("\"`$\\", r) {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
		b.WriteByte('"')
		arg = b.String()
	}
	arg = strings.ReplaceAll(arg, "%", "%%")
	arg = strings.ReplaceAll(arg, `\`, `\\`)
	return strings.ReplaceAll(arg, "\t", `\t`)
}

// desktopEntryOn reports whether a Desktop Entry is switched on: not
// Hidden=true, and not X-GNOME-Autostart-enabled=false (which GNOME's
// settings write instead of removing the file).
func desktopEntryOn(data []byte) bool {
	group := ""
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			group = line
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok || group != "[Desktop Entry]" {
			continue
		}
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if (key == "Hidden" && value == "true") || (key == "X-GNOME-Autostart-enabled" && value == "false") {
			return false
		}
	}
	return true
}

// startupScript returns the Windows Startup folder script that starts exe
// and closes its console: start "" "exe". A Windows path cannot hold a
// double quote; a % is doubled, since a batch file expands %NAME% even in
// quotes.
func startupScript(exe string) ([]byte, error) {
	if strings.Contains(exe, `"`) {
		return nil, fmt.Errorf("program path %q has a double quote", exe)
	}
	exe = strings.ReplaceAll(exe, "%", "%%")
	return []byte("@echo off\r\nrem Written by Limber: starts Limber at login. Turn it off in Limber's settings.\r\nstart \"\" \"" + exe + "\"\r\n"), nil
}

// launchAgent returns the launchd property list that starts exe at login.
func launchAgent(exe string) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>Label</key>
	<string>` + autostartID + `</string>
	<key>ProgramArguments</key>
	<array>
		<string>`)
	xmlEscape(&b, exe)
	b.WriteString(`</string>
	</array>
	<key>RunAtLoad</key>
	<true/>
</dict>
</plist>
`)
	return b.Bytes()
}

func xmlEscape(b *bytes.Buffer, s string) {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")
	b.WriteString(r.Replace(s))
}

// launchAgentOn reports whether a launchd agent is switched on: launchd
// skips one whose Disabled key is true.
func launchAgentOn(data []byte) bool {
	compact := strings.Join(strings.Fields(string(data)), "")
	return !strings.Contains(compact, "<key>Disabled</key><true/>")
}
