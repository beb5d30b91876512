package daemon

import (
	"time"

	"github.com/limber-app/limber/exercises"
)

// followUpAfter is how long an unanswered stand break waits before its one
// gentle follow-up; after that Limber stays quiet until it is answered (the
// tray keeps showing it due).
const followUpAfter = 10 * time.Minute

// effort is roughly how many seconds an exercise takes.
func effort(ex exercises.Exercise) time.Duration {
	d := ex.Hold
	if ex.Reps > 0 {
		d = max(d, 3*time.Second) * time.Duration(ex.Reps)
	}
	if ex.Sides == exercises.EachSide {
		d *= 2
	}
	return d
}

// shorterStretch picks, from ids, the quickest stretch that is not first:
// the follow-up offers something easier than what was ignored.
func shorterStretch(ids []string, first string) (exercises.Exercise, bool) {
	var best exercises.Exercise
	found := false
	for _, id := range ids {
		ex, ok := exercises.Get(id)
		if !ok || id == first {
			continue
		}
		if !found || effort(ex) < effort(best) {
			best, found = ex, true
		}
	}
	return best, found
}
