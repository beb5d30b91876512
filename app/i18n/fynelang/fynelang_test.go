//go:build !windows && !darwin

package fynelang

import (
	"testing"

	"fyne.io/fyne/v2/lang"

	"github.com/limber-app/limber/app/i18n"
)

// On Linux and the BSDs go-locale reads the user's languages from LANGUAGE
// (hence the build constraint), so setting it here stands in for a Windows
// or macOS system whose settings list French, then Brazilian Portuguese,
// while the environment made i18n.Pick choose Spanish: the case where Fyne
// would not follow Pick by itself.

// TestLoad_FyneFollowsThePickedLanguage checks that Fyne translates into
// the picked language although the system prefers others.
func TestLoad_FyneFollowsThePickedLanguage(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "")
	t.Setenv("LANGUAGE", "fr_FR:pt_BR")
	i18n.SetLanguage("es")
	t.Cleanup(func() { i18n.SetLanguage(i18n.English) })

	// The catalog alone leaves Fyne on the system's language, where
	// Limber's texts are missing: without load the test cannot pass.
	if err := lang.AddTranslationsFS(i18n.Catalog, i18n.CatalogDir); err != nil {
		t.Fatal(err)
	}
	if got, want := lang.L("Done"), i18n.T("Done"); got == want {
		t.Fatalf("before load, lang.L(Done) = %q already, want the test to start from another language", got)
	}

	if err := load("es"); err != nil {
		t.Fatalf("load(es) = %v", err)
	}
	for _, key := range []string{"Done", "Snooze", "Limber — Settings", "Safety guide"} {
		if got, want := lang.L(key), i18n.T(key); got != want || got == key {
			t.Errorf("lang.L(%q) = %q, want the Spanish %q", key, got, want)
		}
	}
	for _, n := range []int{1, 3} {
		d := map[string]int{"Days": n}
		if got, want := lang.N("{{.Days}} days", n, d), i18n.N("{{.Days}} days", n, d); got != want {
			t.Errorf("lang.N(days, %d) = %q, want %q", n, got, want)
		}
	}
}

// TestLoad_SystemLanguageIsPicked checks that nothing is added again when
// the system's first language is the picked one, and Fyne speaks it.
func TestLoad_SystemLanguageIsPicked(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LANGUAGE", "de_AT:es")
	i18n.SetLanguage("de")
	t.Cleanup(func() { i18n.SetLanguage(i18n.English) })
	if err := load("de"); err != nil {
		t.Fatalf("load(de) = %v", err)
	}
	if got, want := lang.L("Done"), i18n.T("Done"); got != want || got == "Done" {
		t.Errorf("lang.L(Done) = %q, want the German %q", got, want)
	}
}

func TestUse_SetsLanguage(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LANGUAGE", "es")
	i18n.SetLanguage("de")
	t.Cleanup(func() { i18n.SetLanguage(i18n.English) })
	if err := Use("de"); err != nil {
		t.Fatalf("Use(de) = %v", err)
	}
	if got, want := lang.L("Snooze"), i18n.T("Snooze"); got != want || got == "Snooze" {
		t.Errorf("after Use(de), lang.L(Snooze) = %q, want the German %q", got, want)
	}
}
