package daemon

import (
	"testing"
	"time"

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
