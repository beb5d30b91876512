package desktop

import (
	"errors"
	"strings"
	"testing"
)

// fakeConsent is a consentStore in memory: keys maps a key's path to its
// LastUsedTimeStop, or to -1 for a key without one. Subkeys are implied by
// the paths. fail makes reading a path fail.
type fakeConsent struct {
	keys map[string]int64
	fail map[string]bool
}

func (f fakeConsent) subkeys(path string) ([]string, error) {
	if f.fail[path] {
		return nil, errors.New("access denied")
	}
	seen := map[string]bool{}
	var names []string
	for k := range f.keys {
		rest, ok := strings.CutPrefix(k, path+`\`)
		if !ok {
			continue
		}
		name, _, _ := strings.Cut(rest, `\`)
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	return names, nil
}

func (f fakeConsent) lastUsedStop(path string) (uint64, bool, error) {
	if f.fail[path] {
		return 0, false, errors.New("access denied")
	}
	stop, ok := f.keys[path]
	if !ok || stop < 0 {
		return 0, false, nil
	}
	return uint64(stop), true, nil
}

func TestConsentHold(t *testing.T) {
	const used = 133870000000000000 // a FILETIME in 2025
	tests := []struct {
		name    string
		keys    map[string]int64
		fail    map[string]bool
		want    bool
		wantErr bool
	}{
		{"nothing recorded", nil, nil, false, false},
		{"packaged app in use", map[string]int64{
			`webcam\Microsoft.WindowsCamera_8wekyb3d8bbwe`: 0,
		}, nil, true, false},
		{"packaged app used before", map[string]int64{
			`webcam\Microsoft.WindowsCamera_8wekyb3d8bbwe`: used,
		}, nil, false, false},
		{"program in use", map[string]int64{
			`webcam\Microsoft.WindowsCamera_8wekyb3d8bbwe`:                    used,
			`webcam\NonPackaged\C:#Program Files#Zoom#bin#Zoom.exe`:           used,
			`webcam\NonPackaged\C:#Users#me#AppData#Local#Teams#ms-teams.exe`: 0,
		}, nil, true, false},
		{"never used: no LastUsedTimeStop", map[string]int64{
			`webcam\Microsoft.SkypeApp_kzf8qxf38zg5c`:               -1,
			`webcam\NonPackaged\C:#Program Files#Zoom#bin#Zoom.exe`: -1,
		}, nil, false, false},
		{"the other capability does not count", map[string]int64{
			`microphone\NonPackaged\C:#Program Files#Zoom#bin#Zoom.exe`: 0,
		}, nil, false, false},
		{"an unreadable app is an error", map[string]int64{
			`webcam\Microsoft.WindowsCamera_8wekyb3d8bbwe`: used,
		}, map[string]bool{`webcam\Microsoft.WindowsCamera_8wekyb3d8bbwe`: true}, false, true},
		{"an unreadable app does not hide one in use", map[string]int64{
			`webcam\A`:                       used,
			`webcam\NonPackaged\C:#zoom.exe`: 0,
		}, map[string]bool{`webcam\A`: true}, true, false},
		{"unreadable programs do not hide an app in use", map[string]int64{
			`webcam\NonPackaged\C:#zoom.exe`: used,
			`webcam\Z`:                       0,
		}, map[string]bool{`webcam\NonPackaged`: true}, true, false},
		{"unreadable capability", nil, map[string]bool{`webcam`: true}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := consentHold{store: fakeConsent{keys: tt.keys, fail: tt.fail}, capability: "webcam"}
			got, err := h.Active()
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Errorf("Active() = %v, %v, want %v and error %v", got, err, tt.want, tt.wantErr)
			}
			if h.Name() != "call in progress" {
				t.Errorf("Name() = %q, want %q", h.Name(), "call in progress")
			}
		})
	}
}
