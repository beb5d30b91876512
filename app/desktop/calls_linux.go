//go:build linux

package desktop

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// CallHolds returns the holds that tell Limber the user is in a call: the
// microphone (from /proc/asound) and the camera (from /proc and /dev) in
// use, each when asked for. The cheaper check comes first.
func CallHolds(camera, microphone bool) []Hold {
	var holds []Hold
	if microphone {
		holds = append(holds, MicrophoneInUse("/proc/asound"))
	}
	if camera {
		holds = append(holds, CameraInUse("/proc", "/dev"))
	}
	return holds
}

// CallSupport says in one line, for `limber doctor`, how Limber tells that
// the user is in a call.
func CallSupport() string {
	return "camera and microphone (Linux /proc)"
}

// CameraInUse returns a Hold, named "call in progress", that is active
// while a process of the current user has a video device open: while one of
// the symlinks procDir/PID/fd/* of a process whose real uid (the Uid line
// of procDir/PID/status) is the current user's points at devDir/video*.
// procDir is normally /proc and devDir /dev. It reads the links only and
// never opens a device. Processes that end while it looks, and descriptors
// it may not read, are skipped silently.
func CameraInUse(procDir, devDir string) Hold {
	return cameraHold{procDir: procDir, devDir: filepath.Clean(devDir), uid: os.Getuid()}
}

// cameraHold is the Hold CameraInUse returns.
type cameraHold struct {
	procDir string
	devDir  string
	uid     int // the current user's
}

func (cameraHold) Name() string { return callName }

func (h cameraHold) Active() (bool, error) {
	procs, err := os.ReadDir(h.procDir)
	if err != nil {
		return false, fmt.Errorf("look for a camera in use: %w", err)
	}
	for _, p := range procs {
		if !isProcDir(p.Name()) || !ownedBy(filepath.Join(h.procDir, p.Name()), h.uid) {
			continue
		}
		if h.hasVideoOpen(p.Name()) {
			return true, nil
		}
	}
	return false, nil
}

// hasVideoOpen reports whether one of process pid's file descriptors is a
// video device.
func (h cameraHold) hasVideoOpen(pid string) bool {
	fdDir := filepath.Join(h.procDir, pid, "fd")
	fds, err := os.ReadDir(fdDir)
	if err != nil {
		return false
	}
	for _, fd := range fds {
		target, err := os.Readlink(filepath.Join(fdDir, fd.Name()))
		if err != nil {
			continue
		}
		if filepath.Dir(target) == h.devDir && strings.HasPrefix(filepath.Base(target), "video") {
			return true
		}
	}
	return false
}

// MicrophoneInUse returns a Hold, named "call in progress", that is active
// while an ALSA capture stream runs: while the first line of one of the
// files asoundDir/card*/pcm*c/sub*/status is "state: RUNNING". asoundDir is
// normally /proc/asound. With the sound servers of today (PipeWire,
// PulseAudio) a capture device runs only while an app records, and is
// suspended soon after. Playback devices (pcm*p) are not looked at. With no
// asoundDir (no sound support) there is no microphone, and no error.
func MicrophoneInUse(asoundDir string) Hold {
	return micHold{asoundDir: asoundDir}
}

// micHold is the Hold MicrophoneInUse returns.
type micHold struct {
	asoundDir string
}

func (micHold) Name() string { return callName }

func (h micHold) Active() (bool, error) {
	if _, err := os.Stat(h.asoundDir); errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	var errs []error
	cards, err := matchingDirs(h.asoundDir, "card*")
	if err != nil {
		return false, fmt.Errorf("look for a microphone in use: %w", err)
	}
	for _, card := range cards {
		pcms, err := matchingDirs(card, "pcm*c")
		errs = append(errs, err)
		for _, pcm := range pcms {
			subs, err := matchingDirs(pcm, "sub*")
			errs = append(errs, err)
			for _, sub := range subs {
				running, err := captureRunning(filepath.Join(sub, "status"))
				if running {
					return true, nil
				}
				errs = append(errs, err)
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return false, fmt.Errorf("look for a microphone in use: %w", err)
	}
	return false, nil
}

// matchingDirs returns the paths of the folders in dir whose names match
// pattern (as filepath.Match reads it). Unlike filepath.Glob it leaves the
// characters of dir itself alone, and it skips files such as
// /proc/asound/cards.
func matchingDirs(dir, pattern string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, e := range entries {
		ok, err := filepath.Match(pattern, e.Name())
		if err != nil {
			return nil, err
		}
		if ok && e.IsDir() {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
	}
	return paths, nil
}

// captureRunning reports whether the ALSA substream status file at path
// says the stream runs. A substream whose device went away meanwhile does
// not run.
func captureRunning(path string) (bool, error) {
	status, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	first, _, _ := bytes.Cut(status, []byte("\n"))
	return string(bytes.TrimSpace(first)) == "state: RUNNING", nil
}
