package desktop

import "fmt"

// holdSources checks each hold source of Windows: the camera and the
// microphone from the privacy settings; the others are not supported yet.
func holdSources(holdEnv) []SourceInfo {
	const notYet = "not supported on Windows yet"
	return []SourceInfo{
		consentInfo(cameraSource, "webcam"),
		consentInfo(microphoneSource, "microphone"),
		{Name: fullscreenSource, Detail: notYet},
		{Name: dndSource, Detail: notYet + " (Focus Assist is not read)"},
		{Name: programsSource, Detail: notYet},
	}
}

// consentInfo says whether the apps using capability can be read from the
// ConsentStore.
func consentInfo(name, capability string) SourceInfo {
	apps, err := registryConsent{}.subkeys(capability)
	if err != nil {
		return SourceInfo{Name: name, Detail: fmt.Sprintf("cannot read the privacy settings: %v", err)}
	}
	return SourceInfo{
		Name:      name,
		Available: true,
		Detail:    fmt.Sprintf(`Windows privacy settings (ConsentStore\%s, %d apps recorded)`, capability, len(apps)),
	}
}
