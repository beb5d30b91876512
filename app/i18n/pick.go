package i18n

import (
	"slices"
	"strings"
)

// Pick chooses the language for the user from the environment that getenv
// reads (os.Getenv), as gettext does: the first language in LANGUAGE (a
// colon-separated list such as "de_AT:de:en") that Limber speaks, else the
// locale, which is the first of LC_ALL, LC_MESSAGES and LANG that is set.
// A locale of "C" or "POSIX" (also "C.UTF-8") means English whatever
// LANGUAGE says, as in gettext; so does a language Limber does not speak.
//
// Windows and macOS seldom set these variables. When none of them is set
// there, Pick takes the first of the languages the user prefers in the
// system's settings that Limber speaks. On other systems an empty
// environment means English, as before.
//
// It returns "en", "de" or "es".
func Pick(getenv func(string) string) string {
	if getenv("LANGUAGE") == "" && getenv("LC_ALL") == "" && getenv("LC_MESSAGES") == "" && getenv("LANG") == "" {
		return firstSupported(systemLocales())
	}
	locale := ""
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = getenv(name); locale != "" {
			break
		}
	}
	if p := primary(locale); p == "c" || p == "posix" {
		return English
	}
	for _, l := range strings.Split(getenv("LANGUAGE"), ":") {
		if lang, ok := supported(l); ok {
			return lang
		}
	}
	if lang, ok := supported(locale); ok {
		return lang
	}
	return English
}

// systemLocales returns the languages the user prefers in the system's
// settings, most preferred first, as BCP 47 tags ("de-DE"); tests replace it.
var systemLocales = osLocales

// firstSupported returns the first of codes that Limber speaks, or English.
func firstSupported(codes []string) string {
	for _, c := range codes {
		if lang, ok := supported(c); ok {
			return lang
		}
	}
	return English
}

// supported returns the language of a code or locale ("de", "de-AT",
// "de_DE.UTF-8@euro") when Limber speaks it.
func supported(code string) (string, bool) {
	p := primary(code)
	return p, slices.Contains(languages, p)
}

// primary returns the lower-case language part of a code or locale.
func primary(code string) string {
	if i := strings.IndexAny(code, "_-.@"); i >= 0 {
		code = code[:i]
	}
	return strings.ToLower(strings.TrimSpace(code))
}
