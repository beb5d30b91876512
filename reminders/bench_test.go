package reminders

import (
	"testing"
	"time"
)

func BenchmarkPlanYear(b *testing.B) {
	s := DefaultSchedule()
	s.Location = mustLoad(b, "Europe/Berlin")
	from := time.Date(2026, 1, 1, 0, 0, 0, 0, s.Location)
	to := from.AddDate(1, 0, 0)
	for b.Loop() {
		Plan(s, from, to)
	}
}

func BenchmarkStep(b *testing.B) {
	s := DefaultSchedule()
	s.Location = time.UTC
	e := NewEngine(s, monday(9, 0))
	now := monday(9, 0)
	for b.Loop() {
		_, wake := e.Step(now, Event{Type: Tick})
		if wake.IsZero() {
			b.Fatal("Step wake is zero")
		}
		e.Step(now, Event{Type: Respond, Kind: Stand, Outcome: Done})
		now = wake
	}
}
