//go:build !windows && !darwin

package i18n

// osLocales returns nothing: on Linux and the BSDs the environment is where
// the user says which language they want, and Fyne reads it there too.
func osLocales() []string { return nil }
