//go:build windows || darwin

package i18n

import (
	"log"

	"github.com/jeandeaual/go-locale"
)

// osLocales asks Windows or macOS for the user's preferred languages, the
// same way Fyne's lang package does: go-locale calls
// GetUserDefaultLocaleName on Windows and reads AppleLanguages on macOS.
func osLocales() []string {
	tags, err := locale.GetLocales()
	if err != nil {
		log.Printf("system language: %v", err)
		return nil
	}
	return tags
}
