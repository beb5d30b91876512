package desktop

import (
	"fmt"
	"os"
	"path/filepath"
)

// autostartPath is ~/Library/LaunchAgents/app.limber.Limber.plist.
func autostartPath() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("find the home folder: %w", err)
	}
	return filepath.Join(home, "Library", "LaunchAgents", autostartID+".plist"), nil
}

func autostartFile(exe string) ([]byte, error) { return launchAgent(exe), nil }

func autostartOn(data []byte) bool { return launchAgentOn(data) }
