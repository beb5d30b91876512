package desktop

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// holdSources checks each hold source of Linux in env.
func holdSources(env holdEnv) []SourceInfo {
	return []SourceInfo{
		cameraInfo(env),
		microphoneInfo(env),
		fullscreenInfo(env),
		dndInfo(env.conn, env.currentDesktop, env.run),
		programsInfo(env),
	}
}

// cameraInfo: the camera hold needs a video device in devDir and the
// processes in procDir.
func cameraInfo(env holdEnv) SourceInfo {
	info := SourceInfo{Name: cameraSource}
	if _, err := os.ReadDir(env.procDir); err != nil {
		info.Detail = "cannot list the processes: " + err.Error()
		return info
	}
	entries, err := os.ReadDir(env.devDir)
	if err != nil {
		info.Detail = "cannot list the devices: " + err.Error()
		return info
	}
	var videos []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "video") {
			videos = append(videos, filepath.Join(env.devDir, e.Name()))
		}
	}
	if len(videos) == 0 {
		info.Detail = "no video device in " + env.devDir
		return info
	}
	info.Available = true
	info.Detail = fmt.Sprintf("%s (%s); processes readable in %s", count(len(videos), "video device"), strings.Join(videos, ", "), env.procDir)
	return info
}

// microphoneInfo: the microphone hold needs ALSA capture devices in
// asoundDir.
func microphoneInfo(env holdEnv) SourceInfo {
	info := SourceInfo{Name: microphoneSource}
	if _, err := os.Stat(env.asoundDir); errors.Is(err, fs.ErrNotExist) {
		info.Detail = "no sound cards: " + env.asoundDir + " is missing"
		return info
	}
	cards, err := matchingDirs(env.asoundDir, "card*")
	if err != nil {
		info.Detail = "cannot read the sound cards: " + err.Error()
		return info
	}
	captures := 0
	for _, card := range cards {
		pcms, err := matchingDirs(card, "pcm*c")
		if err != nil {
			info.Detail = "cannot read the sound cards: " + err.Error()
			return info
		}
		captures += len(pcms)
	}
	if captures == 0 {
		info.Detail = fmt.Sprintf("%s in %s, none that records", count(len(cards), "sound card"), env.asoundDir)
		return info
	}
	info.Available = true
	info.Detail = fmt.Sprintf("%s in %s", count(captures, "capture device"), env.asoundDir)
	return info
}

// fullscreenInfo: the full-screen hold needs an X display to ask.
func fullscreenInfo(env holdEnv) SourceInfo {
	info := SourceInfo{Name: fullscreenSource}
	if env.display == "" {
		info.Detail = "no X display: DISPLAY is not set"
		return info
	}
	x, err := dialX(env.display)
	if err != nil {
		info.Detail = fmt.Sprintf("X display %s not reachable: %v", env.display, err)
		return info
	}
	x.conn.Close()
	info.Available = true
	info.Detail = "X display " + env.display + " reachable"
	if env.wayland {
		info.Detail += "; in this Wayland session only X11 windows are seen"
	}
	return info
}

// programsInfo: the running-programs hold needs programs to look for and
// the processes in procDir.
func programsInfo(env holdEnv) SourceInfo {
	info := SourceInfo{Name: programsSource}
	var names []string
	for _, n := range env.pauseApps {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		info.Detail = "no programs listed (pause_while_running in config.toml)"
		return info
	}
	if _, err := os.ReadDir(env.procDir); err != nil {
		info.Detail = "cannot list the processes: " + err.Error()
		return info
	}
	info.Available = true
	info.Detail = "looks for " + strings.Join(names, ", ") + " in " + env.procDir
	return info
}

// count returns "1 video device", "2 video devices".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
