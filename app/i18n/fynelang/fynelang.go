// Package fynelang makes Fyne's lang package, through which limber-ui's
// windows translate their texts, speak the language that i18n.Pick chose, so
// that the windows agree with the tray and the notifications on every
// system.
package fynelang

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"github.com/jeandeaual/go-locale"

	"github.com/limber-app/limber/app/i18n"
)

// Use loads i18n.Catalog into Fyne's lang and makes it translate into code,
// one of i18n.Languages. Call it once, before the first window is made. It
// sets LANGUAGE in the process's environment to code.
func Use(code string) error {
	// On Linux and the BSDs Fyne takes the language from the environment,
	// LANGUAGE first unless the locale is C, when code is English anyway.
	if err := os.Setenv("LANGUAGE", code); err != nil {
		return err
	}
	return load(code)
}

// load adds the catalog to Fyne's lang, then makes sure that the language
// Fyne settles on holds code's texts.
//
// Fyne chooses the language from go-locale's list of the user's languages,
// which on Windows and macOS comes from the system and ignores the
// environment. Where that list starts with another language, code's texts
// are added again under each of the list's other-language tags: Fyne then
// finds its first choice among its translations and shows code's texts.
// Two things stay the system's in that case: Fyne's own few texts (such as
// an entry's Copy and Paste menu) come out in English, and the counted texts
// choose their one or other form by the first language's rules, which are
// the same as code's for English, German and Spanish but not for all.
func load(code string) error {
	err := lang.AddTranslationsFS(i18n.Catalog, i18n.CatalogDir)
	tags, lerr := locale.GetLocales()
	if lerr != nil {
		return errors.Join(err, fmt.Errorf("system languages: %w", lerr))
	}
	if len(tags) == 0 || primary(tags[0]) == code {
		return err
	}
	data, rerr := i18n.Catalog.ReadFile(i18n.CatalogDir + "/" + code + ".json")
	if rerr != nil {
		return errors.Join(err, rerr)
	}
	for _, tag := range tags {
		// A dot or slash would spoil the file name Fyne reads the tag from.
		if primary(tag) == code || strings.ContainsAny(tag, "./\\") {
			continue
		}
		if aerr := lang.AddTranslationsForLocale(data, fyne.Locale(tag)); aerr != nil {
			err = errors.Join(err, fmt.Errorf("%s texts as %s: %w", code, tag, aerr))
		}
	}
	return err
}

// primary returns the lower-case language part of a tag ("de" for "de-AT").
func primary(tag string) string {
	if i := strings.IndexAny(tag, "_-.@"); i >= 0 {
		tag = tag[:i]
	}
	return strings.ToLower(tag)
}
