package exercises

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// langFS holds one translation of library.json per language, named by its
// language code (lang/de.json). A file carries only the text: ids, numbers,
// places and seeds stay in library.json. TestTranslations checks every file
// against library.json.
//
//go:embed lang/*.json
var langFS embed.FS

// englishPlaces names each place in English, for PlaceName.
var englishPlaces = map[Place]string{
	Desk:     "At your desk",
	Standing: "Standing by the desk",
	Floor:    "On the floor (mat)",
	Bar:      "Pull-up bar",
	Gym:      "Gym",
}

// translation is one lang/<code>.json file.
//
// Sides is part of the shared file format, but the values of an exercise's
// Sides field are never shown as such (the windows say "Left side" or
// "each side" in their own words), so no language fills it in and the
// loader ignores it.
type translation struct {
	Places    map[Place]string        `json:"places"`
	Areas     map[string]string       `json:"areas"` // by English area
	Sides     map[Sides]string        `json:"sides"`
	Exercises map[string]exerciseText `json:"exercises"` // by exercise id
	Routines  map[string]routineText  `json:"routines"`  // by routine id
	Safety    SafetyGuide             `json:"safety"`
}

// exerciseText is the translatable text of one Exercise.
type exerciseText struct {
	Name     string   `json:"name"`
	Steps    []string `json:"steps"`
	Why      string   `json:"why"`
	Cautions []string `json:"cautions"`
}

// routineText is the translatable text of one Routine.
type routineText struct {
	Name string `json:"name"`
	When string `json:"when"`
	Why  string `json:"why"`
}

// current is the translated library SetLanguage chose; nil means English.
var current atomic.Pointer[library]

// translations maps each embedded language code to its library, built on
// first use.
var translations = func() map[string]func() *library {
	names, err := fs.Glob(langFS, "lang/*.json")
	if err != nil {
		panic(err)
	}
	m := make(map[string]func() *library, len(names))
	for _, name := range names {
		code := strings.TrimSuffix(path.Base(name), ".json")
		m[code] = sync.OnceValue(func() *library { return mustTranslate(name) })
	}
	return m
}()

// Languages returns the codes of the languages the library can be shown in,
// "en" and one per translation, sorted.
func Languages() []string {
	out := []string{"en"}
	for code := range translations {
		out = append(out, code)
	}
	slices.Sort(out)
	return out
}

// SetLanguage switches the text that All, Get, Suggest, Routines, Safety,
// PlaceName and AreaName return to the language code names. It takes a bare
// code ("de") or a locale ("de_DE.UTF-8", "de-AT") and goes by its primary
// language; "" and "en" mean English. For a language it has no translation
// for, it returns an error and keeps the current language. It is safe to
// call while other goroutines read the library.
func SetLanguage(code string) error {
	primary := primaryLanguage(code)
	if strings.TrimSpace(code) == "" || primary == "en" {
		current.Store(nil)
		return nil
	}
	build, ok := translations[primary]
	if !ok || primary == "" {
		return fmt.Errorf("exercises: no translation for language %q", code)
	}
	current.Store(build())
	return nil
}

// primaryLanguage returns the lower-case primary subtag of a language code
// or POSIX locale name: "de" for "de_DE.UTF-8@euro" and for "de-AT".
func primaryLanguage(code string) string {
	if i := strings.IndexAny(code, "_-.@"); i >= 0 {
		code = code[:i]
	}
	return strings.ToLower(strings.TrimSpace(code))
}

// PlaceName names a place in the current language, for a person to read.
func PlaceName(p Place) string {
	if name := load().places[p]; name != "" {
		return name
	}
	return string(p)
}

// AreaName names a body area, as it appears in Exercise.Areas (always in
// English), in the current language.
func AreaName(area string) string {
	if name := load().areas[area]; name != "" {
		return name
	}
	return area
}

// mustTranslate builds the library of one embedded translation. A file that
// does not parse is a programming error, which TestTranslations reports
// before it can ship, so it panics.
func mustTranslate(name string) *library {
	data, err := langFS.ReadFile(name)
	if err == nil {
		var tr *translation
		if tr, err = parseTranslation(data); err == nil {
			return translate(english(), tr)
		}
	}
	panic(fmt.Errorf("exercises: %s: %w", name, err))
}

// parseTranslation decodes a translation file, rejecting any field the
// format does not have and anything after the object.
func parseTranslation(data []byte) (*translation, error) {
	var tr translation
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&tr); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("data after the top-level object")
	}
	return &tr, nil
}

// translate returns en with the text of tr. Text tr lacks stays in English,
// as does an array whose length differs from the English one, so a gap
// shows English rather than nothing; TestTranslations makes sure there are
// no gaps.
func translate(en *library, tr *translation) *library {
	lib := &library{
		Exercises: make([]Exercise, len(en.Exercises)),
		Routines:  make([]Routine, len(en.Routines)),
		Safety:    translateSafety(en.Safety, tr.Safety),
		index:     en.index,
		places:    make(map[Place]string, len(en.places)),
		areas:     tr.Areas,
	}
	for p, name := range en.places {
		lib.places[p] = or(tr.Places[p], name)
	}
	for i, e := range en.Exercises {
		t := tr.Exercises[e.ID]
		e = e.clone()
		e.Name = or(t.Name, e.Name)
		e.Steps = orAll(t.Steps, e.Steps)
		e.Why = or(t.Why, e.Why)
		e.Cautions = orAll(t.Cautions, e.Cautions)
		lib.Exercises[i] = e
	}
	for i, r := range en.Routines {
		t := tr.Routines[r.ID]
		r.Name = or(t.Name, r.Name)
		r.When = or(t.When, r.When)
		r.Why = or(t.Why, r.Why)
		lib.Routines[i] = r
	}
	return lib
}

func translateSafety(en, tr SafetyGuide) SafetyGuide {
	return SafetyGuide{
		Stop:       orAll(tr.Stop, en.Stop),
		SeeSomeone: orAll(tr.SeeSomeone, en.SeeSomeone),
		Benign:     orAll(tr.Benign, en.Benign),
		Concerning: orAll(tr.Concerning, en.Concerning),
		Cracking:   orAll(tr.Cracking, en.Cracking),
		Habits:     orAll(tr.Habits, en.Habits),
		NotAdvice:  or(tr.NotAdvice, en.NotAdvice),
	}
}

// or returns s, or fallback when s is empty.
func or(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// orAll returns ss line by line, each empty line replaced by its fallback,
// or fallback whole when the two differ in length.
func orAll(ss, fallback []string) []string {
	if len(ss) != len(fallback) {
		return slices.Clone(fallback)
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = or(s, fallback[i])
	}
	return out
}
