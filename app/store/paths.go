// Package store keeps Limber's files: the preferences in config.toml, the
// append-only history, and where the control socket lives, all in the XDG
// base directories.
package store

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/adrg/xdg"
)

// Paths says where Limber keeps its files.
type Paths struct {
	Config  string // $XDG_CONFIG_HOME/limber/config.toml
	History string // $XDG_STATE_HOME/limber/history.jsonl
	Socket  string // $XDG_RUNTIME_DIR/limber/limber.sock
}

// DefaultPaths returns the paths for the current user, read from the
// environment at the time of the call.
func DefaultPaths() Paths {
	xdg.Reload()
	runtime := xdg.RuntimeDir
	if runtime == "" {
		runtime = filepath.Join(os.TempDir(), fmt.Sprintf("limber-%d", os.Getuid()))
	}
	return Paths{
		Config:  filepath.Join(xdg.ConfigHome, "limber", "config.toml"),
		History: filepath.Join(xdg.StateHome, "limber", "history.jsonl"),
		Socket:  filepath.Join(runtime, "limber", "limber.sock"),
	}
}
