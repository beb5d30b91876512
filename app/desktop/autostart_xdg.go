//go:build !windows && !darwin

package desktop

import (
	"fmt"
	"os"
	"path/filepath"
)

// autostartPath is $XDG_CONFIG_HOME/autostart/limber.desktop, with
// XDG_CONFIG_HOME defaulting to ~/.config. A relative XDG_CONFIG_HOME is
// ignored, as the XDG Base Directory specification says.
func autostartPath() (string, error) {
	config := os.Getenv("XDG_CONFIG_HOME")
	if !filepath.IsAbs(config) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("find the config folder: %w", err)
		}
		config = filepath.Join(home, ".config")
	}
	return filepath.Join(config, "autostart", "limber.desktop"), nil
}

func autostartFile(exe string) ([]byte, error) { return desktopEntry(exe), nil }

func autostartOn(data []byte) bool { return desktopEntryOn(data) }
