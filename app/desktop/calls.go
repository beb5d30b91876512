package desktop

import (
	"errors"
	"fmt"
)

// callName is the Name of every hold that reports a call: the tray says
// "Waiting: call in progress".
const callName = "call in progress"

// nonPackaged is the ConsentStore key that holds desktop (non-Store) apps,
// one subkey per program, beside the subkeys of the packaged apps.
const nonPackaged = "NonPackaged"

// consentStore is the part of Windows' CapabilityAccessManager ConsentStore
// (HKCU\Software\Microsoft\Windows\CurrentVersion\CapabilityAccessManager\ConsentStore)
// that a consentHold reads. Paths are relative to ConsentStore and
// separated by backslashes. The logic that reads it lives here, not in
// calls_windows.go, so that its tests run on every OS.
type consentStore interface {
	// subkeys returns the names of the keys directly under path. A path
	// that does not exist has none.
	subkeys(path string) ([]string, error)
	// lastUsedStop returns the LastUsedTimeStop value of the key at path;
	// ok is false when the key or the value does not exist.
	lastUsedStop(path string) (stop uint64, ok bool, err error)
}

// consentHold is a Hold that is active while Windows records an app as
// using a capability ("webcam" or "microphone"): while one of the app keys
// under ConsentStore\<capability>, packaged or under NonPackaged, has a
// LastUsedTimeStop of 0. Windows writes the start and stop times there for
// the privacy indicator; Limber reads them and never opens a device.
type consentHold struct {
	store      consentStore
	capability string
}

func (consentHold) Name() string { return callName }

func (h consentHold) Active() (bool, error) {
	apps, err := h.store.subkeys(h.capability)
	if err != nil {
		return false, fmt.Errorf("read the apps using the %s: %w", h.capability, err)
	}
	var errs []error
	for _, app := range apps {
		path := h.capability + `\` + app
		if app != nonPackaged {
			inUse, err := h.inUse(path)
			if inUse {
				return true, nil
			}
			errs = append(errs, err)
			continue
		}
		programs, err := h.store.subkeys(path)
		if err != nil {
			errs = append(errs, fmt.Errorf("read the programs using the %s: %w", h.capability, err))
			continue
		}
		for _, p := range programs {
			inUse, err := h.inUse(path + `\` + p)
			if inUse {
				return true, nil
			}
			errs = append(errs, err)
		}
	}
	return false, errors.Join(errs...)
}

// inUse reports whether the app key at path says the app uses the
// capability now: it has stopped using it at time 0, that is not yet.
func (h consentHold) inUse(path string) (bool, error) {
	stop, ok, err := h.store.lastUsedStop(path)
	if err != nil {
		return false, fmt.Errorf("read when %s last stopped using the %s: %w", path, h.capability, err)
	}
	return ok && stop == 0, nil
}
