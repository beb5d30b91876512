package exercises

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"
)

// libraryJSON is the one source of truth for the library: exercises,
// routines and safety text. TestLibrary validates it.
//
//go:embed library.json
var libraryJSON []byte

// library is the content in one language. It is never changed once built,
// so any number of goroutines may read it.
type library struct {
	Exercises []Exercise
	Routines  []Routine
	Safety    SafetyGuide
	index     map[string]int
	places    map[Place]string  // what PlaceName shows
	areas     map[string]string // what AreaName shows, by English area; nil in English
}

// english parses library.json once; a broken embedded file is a programming
// error, so it panics rather than returning an error nobody could act on.
var english = sync.OnceValue(func() *library {
	lib, err := parseLibrary(libraryJSON)
	if err != nil {
		panic(err)
	}
	return lib
})

// load returns the library in the language SetLanguage chose last: English
// until it is first called.
func load() *library {
	if lib := current.Load(); lib != nil {
		return lib
	}
	return english()
}

func parseLibrary(data []byte) (*library, error) {
	// exerciseJSON has no UnmarshalJSON method, so the decoder can reject
	// unknown fields (a misspelt "hold_seconds", say) inside each exercise.
	var file struct {
		Exercises []exerciseJSON `json:"exercises"`
		Routines  []Routine      `json:"routines"`
		Safety    SafetyGuide    `json:"safety"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&file); err != nil {
		return nil, fmt.Errorf("exercises: parse library.json: %w", err)
	}
	lib := library{Routines: file.Routines, Safety: file.Safety, places: englishPlaces}
	for _, v := range file.Exercises {
		e := Exercise(v.exerciseAlias)
		e.Hold = time.Duration(v.HoldSeconds) * time.Second
		lib.Exercises = append(lib.Exercises, e)
	}
	lib.index = make(map[string]int, len(lib.Exercises))
	for i, e := range lib.Exercises {
		if _, dup := lib.index[e.ID]; dup {
			return nil, fmt.Errorf("exercises: duplicate id %q in library.json", e.ID)
		}
		lib.index[e.ID] = i
	}
	return &lib, nil
}

// All returns every exercise in library order, in the current language (see
// SetLanguage). The caller may modify the result.
func All() []Exercise {
	ex := load().Exercises
	out := make([]Exercise, len(ex))
	for i, e := range ex {
		out[i] = e.clone()
	}
	return out
}

// Get returns the exercise with the given id, in the current language.
func Get(id string) (Exercise, bool) {
	lib := load()
	i, ok := lib.index[id]
	if !ok {
		return Exercise{}, false
	}
	return lib.Exercises[i].clone(), true
}

// Routines returns the routines in library order, in the current language.
// The caller may modify the result.
func Routines() []Routine {
	rs := load().Routines
	out := make([]Routine, len(rs))
	for i, r := range rs {
		r.Steps = slices.Clone(r.Steps)
		r.Seeds = slices.Clone(r.Seeds)
		out[i] = r
	}
	return out
}

// Safety returns the safety guidance in the current language. The caller may
// modify the result.
func Safety() SafetyGuide {
	s := load().Safety
	s.Stop = slices.Clone(s.Stop)
	s.SeeSomeone = slices.Clone(s.SeeSomeone)
	s.Benign = slices.Clone(s.Benign)
	s.Concerning = slices.Clone(s.Concerning)
	s.Cracking = slices.Clone(s.Cracking)
	s.Habits = slices.Clone(s.Habits)
	return s
}

func (e Exercise) clone() Exercise {
	e.Areas = slices.Clone(e.Areas)
	e.Steps = slices.Clone(e.Steps)
	e.Cautions = slices.Clone(e.Cautions)
	e.Seeds = slices.Clone(e.Seeds)
	return e
}
