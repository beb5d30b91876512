package i18n

import (
	"testing"
	"time"
)

// useLanguage switches T and N to lang for one test.
func useLanguage(t *testing.T, lang string) {
	t.Helper()
	SetLanguage(lang)
	t.Cleanup(func() { SetLanguage(English) })
}

var pickTests = []struct {
	name string
	env  map[string]string
	want string
}{
	{"nothing set", nil, "en"},
	{"LANG", map[string]string{"LANG": "de_DE.UTF-8"}, "de"},
	{"LANG with modifier", map[string]string{"LANG": "de_AT.UTF-8@euro"}, "de"},
	{"LANG Spanish of Mexico", map[string]string{"LANG": "es_MX.UTF-8"}, "es"},
	{"LANG bare code", map[string]string{"LANG": "es"}, "es"},
	{"LANG upper case", map[string]string{"LANG": "DE_de"}, "de"},
	{"LANG English", map[string]string{"LANG": "en_GB.UTF-8"}, "en"},
	{"LANG unknown", map[string]string{"LANG": "fr_FR.UTF-8"}, "en"},
	{"LC_MESSAGES over LANG", map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "es_ES.UTF-8"}, "es"},
	{"LC_ALL over LC_MESSAGES", map[string]string{"LC_MESSAGES": "es_ES.UTF-8", "LC_ALL": "de_DE.UTF-8"}, "de"},
	{"LC_ALL unknown hides LANG", map[string]string{"LANG": "de_DE.UTF-8", "LC_ALL": "fr_FR.UTF-8"}, "en"},
	{"LANGUAGE over the locale", map[string]string{"LANG": "de_DE.UTF-8", "LANGUAGE": "es"}, "es"},
	{"LANGUAGE alone", map[string]string{"LANGUAGE": "de"}, "de"},
	{"LANGUAGE first usable entry", map[string]string{"LANG": "en_US.UTF-8", "LANGUAGE": "fr_FR:pt:de_CH:es"}, "de"},
	{"LANGUAGE empty entries", map[string]string{"LANGUAGE": "::es:"}, "es"},
	{"LANGUAGE with nothing usable", map[string]string{"LANG": "es_ES.UTF-8", "LANGUAGE": "fr:it"}, "es"},
	{"LANGUAGE English first", map[string]string{"LANG": "de_DE.UTF-8", "LANGUAGE": "en:de"}, "en"},
	{"C ignores LANGUAGE", map[string]string{"LC_ALL": "C", "LANGUAGE": "de"}, "en"},
	{"POSIX", map[string]string{"LANG": "POSIX"}, "en"},
	{"C.UTF-8 ignores LANGUAGE", map[string]string{"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "LANGUAGE": "es"}, "en"},
	{"C in LANG under a German LC_ALL", map[string]string{"LANG": "C", "LC_ALL": "de_DE.UTF-8"}, "de"},
}

func TestPick(t *testing.T) {
	useSystemLocales(t) // the system offers nothing, as on Linux
	for _, tt := range pickTests {
		getenv := func(k string) string { return tt.env[k] }
		if got := Pick(getenv); got != tt.want {
			t.Errorf("%s: Pick(%v) = %q, want %q", tt.name, tt.env, got, tt.want)
		}
	}
}

// useSystemLocales makes Pick see tags as the system's preferred languages
// for one test, as Windows or macOS would give them.
func useSystemLocales(t testing.TB, tags ...string) {
	t.Helper()
	saved := systemLocales
	systemLocales = func() []string { return tags }
	t.Cleanup(func() { systemLocales = saved })
}

func TestPick_SystemLanguageWhenNoVariable(t *testing.T) {
	tests := []struct {
		name   string
		system []string
		env    map[string]string
		want   string
	}{
		{"German system", []string{"de-DE"}, nil, "de"},
		{"Spanish system, bare code", []string{"es"}, nil, "es"},
		{"Latin American Spanish", []string{"es-419"}, nil, "es"},
		{"first language Limber speaks", []string{"fr-FR", "pt-BR", "es-ES", "de-DE"}, nil, "es"},
		{"English before German", []string{"en-GB", "de-DE"}, nil, "en"},
		{"nothing Limber speaks", []string{"fr-FR", "ja-JP"}, nil, "en"},
		{"no answer from the system", nil, nil, "en"},
		{"LANG wins over the system", []string{"de-DE"}, map[string]string{"LANG": "es_ES.UTF-8"}, "es"},
		{"C wins over the system", []string{"de-DE"}, map[string]string{"LC_ALL": "C"}, "en"},
		{"LANGUAGE alone wins", []string{"es-ES"}, map[string]string{"LANGUAGE": "de"}, "de"},
		{"unknown LANG wins", []string{"de-DE"}, map[string]string{"LANG": "fr_FR.UTF-8"}, "en"},
		{"LC_MESSAGES wins", []string{"de-DE"}, map[string]string{"LC_MESSAGES": "en_US.UTF-8"}, "en"},
	}
	for _, tt := range tests {
		useSystemLocales(t, tt.system...)
		if got := Pick(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("%s: Pick(%v) with system languages %q = %q, want %q", tt.name, tt.env, tt.system, got, tt.want)
		}
	}
}

func FuzzPick(f *testing.F) {
	useSystemLocales(f, "fr-FR", "es-ES")
	for _, tt := range pickTests {
		f.Add(tt.env["LANGUAGE"], tt.env["LC_ALL"], tt.env["LC_MESSAGES"], tt.env["LANG"])
	}
	f.Fuzz(func(t *testing.T, language, all, messages, lang string) {
		env := map[string]string{"LANGUAGE": language, "LC_ALL": all, "LC_MESSAGES": messages, "LANG": lang}
		got := Pick(func(k string) string { return env[k] })
		if got != "en" && got != "de" && got != "es" {
			t.Errorf("Pick(%q) = %q, want en, de or es", env, got)
		}
	})
}

func TestSetLanguage(t *testing.T) {
	t.Cleanup(func() { SetLanguage(English) })
	for _, tt := range []struct{ code, want string }{
		{"de", "de"}, {"es_ES.UTF-8", "es"}, {"fr", "en"}, {"", "en"}, {"DE", "de"},
	} {
		SetLanguage(tt.code)
		if got := Language(); got != tt.want {
			t.Errorf("after SetLanguage(%q), Language() = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestT(t *testing.T) {
	tests := []struct {
		lang, key string
		data      any
		want      string
	}{
		{"en", "Start a stretch now", nil, "Start a stretch now"},
		{"de", "Start a stretch now", nil, "Jetzt dehnen"},
		{"es", "Start a stretch now", nil, "Estirar ahora"},
		{"de", "Next stretch at {{.Time}}", map[string]string{"Time": "14:35"}, "Nächste Dehnpause um 14:35"},
		{"es", "Paused until {{.Time}}", struct{ Time string }{"15:00"}, "En pausa hasta 15:00"},
		{"de", "crack.during.other", nil, "Anderes"},
		{"en", "crack.during.other", nil, "Other"},
		// Not in the catalog: the key comes back, filled in.
		{"de", "No such text", nil, "No such text"},
		{"es", "Missing {{.Thing}}", map[string]string{"Thing": "key"}, "Missing key"},
		// A key that is no template comes back as it is, even with data.
		{"de", "Half {{ open", map[string]string{"X": "y"}, "Half {{ open"},
	}
	for _, tt := range tests {
		useLanguage(t, tt.lang)
		var got string
		if tt.data == nil {
			got = T(tt.key)
		} else {
			got = T(tt.key, tt.data)
		}
		if got != tt.want {
			t.Errorf("%s: T(%q, %v) = %q, want %q", tt.lang, tt.key, tt.data, got, tt.want)
		}
	}
}

func TestN(t *testing.T) {
	tests := []struct {
		lang  string
		count int
		want  string
	}{
		{"en", 1, "1 day"},
		{"en", 0, "0 days"},
		{"en", 2, "2 days"},
		{"de", 1, "1 Tag"},
		{"de", 3, "3 Tage"},
		{"es", 1, "1 día"},
		{"es", 21, "21 días"},
	}
	for _, tt := range tests {
		useLanguage(t, tt.lang)
		if got := N("{{.Days}} days", tt.count, map[string]int{"Days": tt.count}); got != tt.want {
			t.Errorf("%s: N(days, %d) = %q, want %q", tt.lang, tt.count, got, tt.want)
		}
	}
	useLanguage(t, "de")
	if got := N("{{.PluralCount}} missing", 4); got != "4 missing" {
		t.Errorf("N without data = %q, want the count as PluralCount: %q", got, "4 missing")
	}
	if got := N("{{.Reps}} reps", 1); got != "Einmal" {
		t.Errorf("N(reps, 1) = %q, want the one form %q", got, "Einmal")
	}
}

func TestDates(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 5, 0, 0, time.UTC) // a Monday
	tests := []struct {
		lang                        string
		date, dateTime, wdTime, wdD string
	}{
		{"en", "Mon 2 Mar", "Mon 2 Mar 09:05", "Mon 09:05", "Mon 2"},
		{"de", "Mo., 2. März", "Mo., 2. März, 09:05", "Mo. 09:05", "Mo. 2."},
		{"es", "lun 2 mar", "lun 2 mar, 09:05", "lun 09:05", "lun 2"},
	}
	for _, tt := range tests {
		useLanguage(t, tt.lang)
		got := []string{Date(at), DateTime(at), WeekdayTime(at), WeekdayDay(at)}
		want := []string{tt.date, tt.dateTime, tt.wdTime, tt.wdD}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: date %d = %q, want %q", tt.lang, i, got[i], want[i])
			}
		}
	}
	useLanguage(t, "de")
	for d := time.Sunday; d <= time.Saturday; d++ {
		if got := Weekday(d); got == d.String()[:3] {
			t.Errorf("Weekday(%v) in German = %q, the English", d, got)
		}
	}
	for m := time.January; m <= time.December; m++ {
		if got := Month(m); got == "" || got == m.String()[:3] {
			t.Errorf("Month(%v) in German = %q", m, got)
		}
	}
}

func TestParse_Broken(t *testing.T) {
	for _, data := range []string{`[]`, `{"a": 1}`, `{"a": {"one": "x"}}`, `{"a": {"other": 2}}`} {
		if _, err := parse([]byte(data)); err == nil {
			t.Errorf("parse(%s) = no error", data)
		}
	}
	msgs, err := parse([]byte(`{"a": "A", "b": {"One": "B", "Other": "Bs"}, "c": 3}`))
	if err == nil || msgs["a"].other.src != "A" || msgs["b"].one.src != "B" || msgs["b"].other.src != "Bs" {
		t.Errorf("parse with one bad entry = %v, %v; want the good ones and an error", msgs, err)
	}
}
