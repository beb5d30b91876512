package desktop

import (
	"errors"
	"os"
	"path/filepath"
)

// autostartPath is Limber.cmd in the user's Startup folder,
// %APPDATA%\Microsoft\Windows\Start Menu\Programs\Startup.
func autostartPath() (string, error) {
	appData := os.Getenv("APPDATA")
	if appData == "" {
		return "", errors.New("find the Startup folder: APPDATA is not set")
	}
	return filepath.Join(appData, "Microsoft", "Windows", "Start Menu", "Programs", "Startup", "Limber.cmd"), nil
}

func autostartFile(exe string) ([]byte, error) { return startupScript(exe) }

// autostartOn is true for any script there. Task Manager's Startup tab can
// also switch it off, in the registry (StartupApproved), which Limber does
// not read without golang.org/x/sys.
func autostartOn([]byte) bool { return true }
