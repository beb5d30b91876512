//go:build windows

package desktop

import (
	"errors"
	"fmt"

	"golang.org/x/sys/windows/registry"
)

// consentStorePath is the key, under HKEY_CURRENT_USER, where Windows
// records which apps use the camera and the microphone.
const consentStorePath = `Software\Microsoft\Windows\CurrentVersion\CapabilityAccessManager\ConsentStore`

// CallHolds returns the holds that tell Limber the user is in a call: the
// microphone and the camera in use, as Windows records it for its privacy
// indicator (HKCU\…\CapabilityAccessManager\ConsentStore\microphone and
// \webcam, packaged apps and NonPackaged programs alike), each when asked
// for.
func CallHolds(camera, microphone bool) []Hold {
	var holds []Hold
	if microphone {
		holds = append(holds, consentHold{store: registryConsent{}, capability: "microphone"})
	}
	if camera {
		holds = append(holds, consentHold{store: registryConsent{}, capability: "webcam"})
	}
	return holds
}

// CallSupport says in one line, for `limber doctor`, how Limber tells that
// the user is in a call.
func CallSupport() string {
	return "camera and microphone (Windows privacy settings)"
}

// registryConsent is the consentStore of the current user, read from the
// registry.
type registryConsent struct{}

func (registryConsent) subkeys(path string) ([]string, error) {
	k, err := registry.OpenKey(registry.CURRENT_USER, consentStorePath+`\`+path, registry.ENUMERATE_SUB_KEYS)
	if errors.Is(err, registry.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer k.Close()
	names, err := k.ReadSubKeyNames(0)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", path, err)
	}
	return names, nil
}

func (registryConsent) lastUsedStop(path string) (uint64, bool, error) {
	k, err := registry.OpenKey(registry.CURRENT_USER, consentStorePath+`\`+path, registry.QUERY_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("open %s: %w", path, err)
	}
	defer k.Close()
	stop, _, err := k.GetIntegerValue("LastUsedTimeStop")
	if errors.Is(err, registry.ErrNotExist) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("read %s\\LastUsedTimeStop: %w", path, err)
	}
	return stop, true, nil
}
