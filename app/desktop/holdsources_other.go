//go:build !linux && !windows

package desktop

import "runtime"

// holdSources says which hold sources work on this OS: none yet but
// do-not-disturb where a session bus runs.
func holdSources(env holdEnv) []SourceInfo {
	notYet := "not supported yet on " + osName()
	dnd := SourceInfo{Name: dndSource, Detail: notYet}
	if env.conn != nil {
		dnd = dndInfo(env.conn, env.currentDesktop, env.run)
	}
	return []SourceInfo{
		{Name: cameraSource, Detail: notYet},
		{Name: microphoneSource, Detail: notYet},
		{Name: fullscreenSource, Detail: notYet},
		dnd,
		{Name: programsSource, Detail: notYet},
	}
}

// osName names this OS for people.
func osName() string {
	if runtime.GOOS == "darwin" {
		return "macOS"
	}
	return runtime.GOOS
}
