package i18n

import (
	"testing"

	"fyne.io/fyne/v2/lang"
)

// fyneLanguage makes Fyne's lang package load Catalog and translate into
// code. Fyne picks the language from the environment each time
// translations are added, reading LANGUAGE unless the locale is C, so the
// test sets both and adds the catalog again.
func fyneLanguage(t *testing.T, code string) {
	t.Helper()
	t.Setenv("LC_ALL", code)
	t.Setenv("LANGUAGE", code)
	if err := lang.AddTranslationsFS(Catalog, CatalogDir); err != nil {
		t.Fatalf("lang.AddTranslationsFS(Catalog) = %v", err)
	}
}

// TestCatalog_FyneAgrees checks that Fyne's lang package, which limber-ui
// uses, reads the catalog files and answers as T and N do.
func TestCatalog_FyneAgrees(t *testing.T) {
	t.Cleanup(func() { SetLanguage(English) })
	data := map[string]any{"Time": "14:35", "Days": 3, "Reps": 1}
	plain := []string{"Done", "This hurts", "Snooze", "Safety guide", "Limber — Statistics", "Mon"}
	templated := []string{"Next stretch at {{.Time}}", "{{.Weekday}} {{.Time}}"}
	counted := []struct {
		key   string
		count int
	}{{"Snooze {{.Minutes}} min", 10}, {"{{.Days}} days", 1}, {"{{.Days}} days", 3}, {"{{.Reps}} reps", 1}, {"{{.Reps}} reps", 4}, {"breaks done", 1}, {"breaks done", 0}}
	for _, code := range []string{"de", "es", "en"} {
		fyneLanguage(t, code)
		SetLanguage(code)
		for _, key := range plain {
			if got, want := lang.L(key), T(key); got != want || code != English && got == key {
				t.Errorf("%s: lang.L(%q) = %q, T = %q; want the same translation", code, key, got, want)
			}
		}
		for _, key := range templated {
			if got, want := lang.L(key, data), T(key, data); got != want {
				t.Errorf("%s: lang.L(%q) = %q, T = %q", code, key, got, want)
			}
		}
		for _, c := range counted {
			d := map[string]int{"Days": c.count, "Reps": c.count, "Minutes": c.count}
			if got, want := lang.N(c.key, c.count, d), N(c.key, c.count, d); got != want {
				t.Errorf("%s: lang.N(%q, %d) = %q, N = %q", code, c.key, c.count, got, want)
			}
		}
		if got, want := lang.X("crack.during.other", "Other"), T("crack.during.other"); got != want {
			t.Errorf("%s: lang.X(crack.during.other) = %q, T = %q", code, got, want)
		}
	}
	if got := lang.L("Done"); got != "Done" {
		t.Errorf("back in English, lang.L(Done) = %q", got)
	}
}
