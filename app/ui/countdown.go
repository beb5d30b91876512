package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/limber-app/limber/exercises"
)

// countdown is the state of a card's hold timer at one moment.
type countdown struct {
	// Phase names the part of the hold: "Hold", "Left side" or "Right side",
	// in the user's language.
	Phase string
	// Left is the time left in the current phase, rounded up to a second.
	Left time.Duration
	// Finished is true once the whole hold has run out.
	Finished bool
}

// holdTotal is how long an exercise's hold lasts in all: the hold once, or
// once per side.
func holdTotal(ex exercises.Exercise) time.Duration {
	if ex.Sides == exercises.EachSide {
		return 2 * ex.Hold
	}
	return ex.Hold
}

// countdownAt returns the hold timer of ex after elapsed time. For an
// each-side exercise the phase switches from left to right at half of the
// total time.
func countdownAt(ex exercises.Exercise, elapsed time.Duration) countdown {
	total := holdTotal(ex)
	if elapsed < 0 {
		elapsed = 0
	}
	if elapsed >= total {
		return countdown{Phase: phaseFor(ex, total), Finished: true}
	}
	left := total - elapsed
	if ex.Sides == exercises.EachSide && elapsed < ex.Hold {
		left -= ex.Hold
	}
	return countdown{Phase: phaseFor(ex, elapsed), Left: left}
}

func phaseFor(ex exercises.Exercise, elapsed time.Duration) string {
	if ex.Sides != exercises.EachSide {
		return lang.L("Hold")
	}
	if elapsed < ex.Hold {
		return lang.L("Left side")
	}
	return lang.L("Right side")
}

// formatClock shows d rounded up to whole seconds: "45 s" under a minute,
// "1:30" from a minute on.
func formatClock(d time.Duration) string {
	secs := int((d + time.Second - 1) / time.Second)
	if secs < 60 {
		return fmt.Sprintf("%d s", secs)
	}
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}
