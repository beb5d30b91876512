package daemon

import (
	"testing"
	"time"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/reminders"
)

func TestStatusText(t *testing.T) {
	loc := time.FixedZone("CEST", 2*3600)
	now := time.Date(2026, 3, 30, 14, 0, 0, 0, loc) // a Monday
	tests := []struct {
		name string
		st   reminders.Status
		want string
	}{
		{"next today", reminders.Status{State: reminders.Working, NextStand: now.Add(35 * time.Minute)}, "Next stretch at 14:35"},
		{"next another day", reminders.Status{State: reminders.Working, NextStand: now.Add(24 * time.Hour)}, "Next stretch at Tue 14:00"},
		{"due", reminders.Status{State: reminders.Due, Due: reminders.Stand}, "Stretch due now"},
		{"posture due", reminders.Status{State: reminders.Due, Due: reminders.Posture}, "Posture check due"},
		{"paused", reminders.Status{State: reminders.Paused, Until: now.Add(time.Hour)}, "Paused until 15:00"},
		{"paused forever", reminders.Status{State: reminders.Paused}, "Paused until you resume"},
		{"off", reminders.Status{State: reminders.OffHours, Until: time.Date(2026, 4, 6, 9, 0, 0, 0, loc)}, "Off until Mon 09:00"},
		{"off no hours", reminders.Status{State: reminders.OffHours}, "Off: no work hours set"},
		{"away", reminders.Status{State: reminders.Working, Away: true}, "On a break"},
	}
	for _, tt := range tests {
		if got := statusText(tt.st, now); got != tt.want {
			t.Errorf("%s: statusText(%+v) = %q, want %q", tt.name, tt.st, got, tt.want)
		}
	}
}

func TestNewStatus_JSONFields(t *testing.T) {
	now := time.Date(2026, 3, 30, 14, 0, 0, 0, time.UTC)
	at := now.Add(10 * time.Minute)
	s := newStatus(reminders.Status{State: reminders.Working, Next: reminders.Reminder{Kind: reminders.Stand, At: at}, NextStand: at}, now, true)
	if s.State != "working" || s.Next.Kind != "stand" || s.Next.At == nil || !s.Next.At.Equal(at) || !s.UI {
		t.Errorf("newStatus = %+v, want working, next stand at %v, ui", s, at)
	}
}

func TestStatusText_German(t *testing.T) {
	i18n.SetLanguage("de")
	t.Cleanup(func() { i18n.SetLanguage("en") })
	loc := time.FixedZone("CEST", 2*3600)
	now := time.Date(2026, 3, 30, 14, 0, 0, 0, loc) // a Monday
	tests := []struct {
		st   reminders.Status
		want string
	}{
		{reminders.Status{State: reminders.Working, NextStand: now.Add(35 * time.Minute)}, "Nächste Dehnpause um 14:35"},
		{reminders.Status{State: reminders.OffHours, Until: time.Date(2026, 4, 6, 9, 0, 0, 0, loc)}, "Aus bis Mo. 09:00"},
		{reminders.Status{State: reminders.Due, Due: reminders.Stand}, "Dehnpause fällig"},
	}
	for _, tt := range tests {
		if got := statusText(tt.st, now); got != tt.want {
			t.Errorf("statusText(%+v) in German = %q, want %q", tt.st, got, tt.want)
		}
	}
}

func TestWaitingText(t *testing.T) {
	tests := []struct{ lang, why, want string }{
		{"en", "call in progress", "Waiting: call in progress"},
		{"en", "zoom is running", "Waiting: zoom is running"},
		{"de", "call in progress", "Wartet: Anruf läuft"},
		{"de", "zoom is running", "Wartet: zoom läuft"},
		{"es", "do not disturb", "En espera: no molestar"},
		{"de", "something new", "Wartet: something new"},
	}
	t.Cleanup(func() { i18n.SetLanguage("en") })
	for _, tt := range tests {
		i18n.SetLanguage(tt.lang)
		if got := waitingText(tt.why); got != tt.want {
			t.Errorf("%s: waitingText(%q) = %q, want %q", tt.lang, tt.why, got, tt.want)
		}
	}
}

func TestRoutineTitle(t *testing.T) {
	t.Cleanup(func() { i18n.SetLanguage("en") })
	for _, tt := range []struct{ lang, name, want string }{
		{"en", "Midday break", `Time for your "Midday break" routine`},
		{"en", "Hips and upper back", `Time for your "Hips and upper back" routine`},
		{"de", "Hüften und oberer Rücken", "Zeit für die Routine „Hüften und oberer Rücken“"},
		{"de", "Mittagspause", "Zeit für die Routine „Mittagspause“"},
		{"es", "Caderas y espalda alta", "Hora de tu rutina «Caderas y espalda alta»"},
		{"es", "Pausa de mediodía", "Hora de tu rutina «Pausa de mediodía»"},
	} {
		i18n.SetLanguage(tt.lang)
		if got := routineTitle(tt.name); got != tt.want {
			t.Errorf("%s: routineTitle(%q) = %q, want %q", tt.lang, tt.name, got, tt.want)
		}
	}
}
