// Package i18n holds Limber's translations and looks texts up in them for
// code that must not import Fyne, such as the resident process's tray and
// notifications; limber-ui reads the same catalog through Fyne's lang package.
//
// The catalog has one JSON file per language in the flat format of
// github.com/nicksnyder/go-i18n, which Fyne's lang.AddTranslationsFS reads:
// the key is the English text, the value its translation, a go-i18n
// template where it has {{.Fields}}, or an object with "one" and "other"
// forms for a text that depends on a count.
package i18n

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"log"
	"strings"
	"sync"
	"sync/atomic"
	"text/template"
)

// Catalog holds the translations, one file per language (catalog/de.json),
// for lang.AddTranslationsFS(Catalog, CatalogDir) and for T and N.
//
//go:embed catalog/*.json
var Catalog embed.FS

// CatalogDir is the folder of Catalog that holds the files.
const CatalogDir = "catalog"

// English is the language of the keys and the one used when no other fits.
const English = "en"

// languages are the codes of the languages the catalog has, English first.
var languages = []string{English, "de", "es"}

// Languages returns the codes of the languages Limber speaks, English first.
func Languages() []string { return append([]string(nil), languages...) }

// current is the language T and N translate into.
var current atomic.Value // string

// SetLanguage makes T and N translate into the language code names ("de"),
// or into English when Limber does not speak it. It takes a locale too
// ("de_DE.UTF-8"). It is safe to call at any time from any goroutine.
func SetLanguage(code string) {
	lang, ok := supported(code)
	if !ok {
		lang = English
	}
	current.Store(lang)
}

// Language returns the code of the language T and N translate into: "en"
// until SetLanguage says otherwise.
func Language() string {
	if lang, ok := current.Load().(string); ok {
		return lang
	}
	return English
}

// T returns the translation of key, the English text, into the current
// language. data[0], a map or a struct, fills in the template's fields
// ({{.Time}}). A key the catalog lacks comes back as it is, filled in.
func T(key string, data ...any) string {
	return lookup(key, false, 0).render(first(data))
}

// N is T for a text that depends on count: the "one" form when count is 1,
// else the "other" form. Without data the template sees count as
// {{.PluralCount}}, as with Fyne's lang.N.
func N(key string, count int, data ...any) string {
	d := first(data)
	if d == nil {
		d = map[string]any{"PluralCount": count}
	}
	return lookup(key, true, count).render(d)
}

func first(data []any) any {
	if len(data) == 0 {
		return nil
	}
	return data[0]
}

// lookup finds the text for key in the current language, then in English,
// then the key itself.
func lookup(key string, counted bool, count int) *text {
	for _, lang := range []string{Language(), English} {
		if m, ok := catalog(lang)[key]; ok {
			if counted && count == 1 && m.one != nil {
				return m.one
			}
			return m.other
		}
	}
	if t, ok := fallbacks.Load(key); ok {
		return t.(*text)
	}
	t, _ := fallbacks.LoadOrStore(key, &text{src: key})
	return t.(*text)
}

// fallbacks caches the keys that are in no catalog, as texts.
var fallbacks sync.Map // key → *text

// message is one entry of a catalog file.
type message struct {
	one   *text // nil when the entry has a single form
	other *text
}

// text is one form of a message, its template parsed on first use.
type text struct {
	src  string
	once sync.Once
	tmpl *template.Template // nil: plain text, or a template that does not parse
}

// render fills in the template with data. A template that does not parse
// or run gives its source: a wrong translation must not break a reminder.
func (t *text) render(data any) string {
	if !strings.Contains(t.src, "{{") {
		return t.src
	}
	t.once.Do(func() {
		tmpl, err := template.New("").Parse(t.src)
		if err != nil {
			log.Printf("translation %q: %v", t.src, err)
			return
		}
		t.tmpl = tmpl
	})
	if t.tmpl == nil {
		return t.src
	}
	var b strings.Builder
	if err := t.tmpl.Execute(&b, data); err != nil {
		log.Printf("translation %q: %v", t.src, err)
		return t.src
	}
	return b.String()
}

// catalogs holds each language's parsed file, read on first use.
var catalogs = func() map[string]func() map[string]message {
	m := make(map[string]func() map[string]message, len(languages))
	for _, lang := range languages {
		m[lang] = sync.OnceValue(func() map[string]message {
			c, err := loadFile(lang)
			if err != nil {
				log.Print(err)
			}
			return c
		})
	}
	return m
}()

// catalog returns the messages of lang, empty for a language it lacks.
func catalog(lang string) map[string]message {
	if load, ok := catalogs[lang]; ok {
		return load()
	}
	return nil
}

// loadFile parses catalog/<lang>.json. What it could read is returned even
// with an error.
func loadFile(lang string) (map[string]message, error) {
	name := CatalogDir + "/" + lang + ".json"
	data, err := Catalog.ReadFile(name)
	if err != nil {
		return nil, err
	}
	msgs, err := parse(data)
	if err != nil {
		return msgs, fmt.Errorf("%s: %w", name, err)
	}
	return msgs, nil
}

// parse reads a catalog file into its messages.
func parse(data []byte) (map[string]message, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	msgs := make(map[string]message, len(raw))
	var bad []string
	for key, v := range raw {
		m, err := parseMessage(v)
		if err != nil {
			bad = append(bad, fmt.Sprintf("%q: %v", key, err))
			continue
		}
		msgs[key] = m
	}
	if len(bad) > 0 {
		return msgs, fmt.Errorf("%s", strings.Join(bad, "; "))
	}
	return msgs, nil
}

// parseMessage reads a string, or an object with "one" and "other".
func parseMessage(v json.RawMessage) (message, error) {
	v = bytes.TrimSpace(v)
	if len(v) > 0 && v[0] == '"' {
		var s string
		err := json.Unmarshal(v, &s)
		return message{other: &text{src: s}}, err
	}
	var forms map[string]string
	if err := json.Unmarshal(v, &forms); err != nil {
		return message{}, fmt.Errorf("want a string or an object of strings: %w", err)
	}
	var m message
	for form, s := range forms {
		switch strings.ToLower(form) {
		case "one":
			m.one = &text{src: s}
		case "other":
			m.other = &text{src: s}
		}
	}
	if m.other == nil {
		return message{}, fmt.Errorf("no \"other\" form")
	}
	return m, nil
}
