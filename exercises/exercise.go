// Package exercises is Limber's stretch library: the exercises and routines
// drawn from the seed articles, the safety guidance, and the picker that
// chooses what to suggest next.
package exercises

import (
	"encoding/json"
	"time"
)

// Place says where an exercise can be done.
type Place string

// The places an exercise can need.
const (
	Desk     Place = "desk"     // in the chair
	Standing Place = "standing" // next to the desk, no mat
	Floor    Place = "floor"    // needs a mat or rug
	Bar      Place = "bar"      // a pull-up bar
	Gym      Place = "gym"      // gym equipment
)

// Places lists every place in the order a settings screen should show them.
func Places() []Place { return []Place{Desk, Standing, Floor, Bar, Gym} }

// Sides says whether an exercise is done once or on each side in turn.
type Sides string

// The ways an exercise can use the body's sides.
const (
	OneSide  Sides = "one"
	EachSide Sides = "each"
)

// Exercise is one entry of the library.
//
// Hold is how long to stay in the position, per side when Sides is EachSide;
// Reps is how many times to repeat it (per side, likewise). At least one of the
// two is set. In JSON, Hold appears as the whole number of seconds
// "hold_seconds".
type Exercise struct {
	ID        string        `json:"id"`
	Name      string        `json:"name"`
	Place     Place         `json:"place"`
	Areas     []string      `json:"areas"`
	Steps     []string      `json:"steps"`
	Hold      time.Duration `json:"-"`
	Reps      int           `json:"reps,omitempty"`
	Sides     Sides         `json:"sides"`
	Why       string        `json:"why"`
	Cautions  []string      `json:"cautions"`
	Seeds     []string      `json:"seeds"`
	VariantOf string        `json:"variant_of,omitempty"`
}

// exerciseAlias has Exercise's fields without its methods, so the JSON
// methods below can reuse the default encoding for everything but Hold.
type exerciseAlias Exercise

type exerciseJSON struct {
	exerciseAlias
	HoldSeconds int `json:"hold_seconds,omitempty"`
}

// MarshalJSON encodes the exercise with its hold time as "hold_seconds".
func (e Exercise) MarshalJSON() ([]byte, error) {
	return json.Marshal(exerciseJSON{exerciseAlias(e), int(e.Hold / time.Second)})
}

// UnmarshalJSON decodes the form written by MarshalJSON.
func (e *Exercise) UnmarshalJSON(data []byte) error {
	var v exerciseJSON
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*e = Exercise(v.exerciseAlias)
	e.Hold = time.Duration(v.HoldSeconds) * time.Second
	return nil
}

// Routine is a named sequence of exercises done together.
type Routine struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	When    string   `json:"when"` // when to do it, in words: "every morning", "twice a week"
	Minutes int      `json:"minutes"`
	Steps   []string `json:"steps"` // exercise ids, in order
	Why     string   `json:"why"`
	Seeds   []string `json:"seeds"`
}

// SafetyGuide is the safety text the app shows: when to stop, when to see
// someone, how harmless cracking differs from the worrying kind, and everyday
// habits that help.
type SafetyGuide struct {
	Stop       []string `json:"stop"`        // when and how to stop or ease off
	SeeSomeone []string `json:"see_someone"` // signs that call for a professional
	Benign     []string `json:"benign"`      // cracking that is usually fine
	Concerning []string `json:"concerning"`  // cracking worth getting checked
	Cracking   []string `json:"cracking"`    // how to treat the urge to crack
	Habits     []string `json:"habits"`      // posture, breaks, water, the crack log
	NotAdvice  string   `json:"not_advice"`  // the one plain not-medical-advice line
}
