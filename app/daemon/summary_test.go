package daemon

import (
	"strings"
	"testing"
	"time"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/stats"
	"github.com/limber-app/limber/reminders"
)

func TestDayEnded(t *testing.T) {
	now := time.Date(2026, 3, 30, 17, 30, 0, 0, time.UTC)
	tomorrow := time.Date(2026, 3, 31, 9, 0, 0, 0, time.UTC)
	afterLunch := time.Date(2026, 3, 30, 12, 45, 0, 0, time.UTC)
	tests := []struct {
		name string
		prev reminders.State
		st   reminders.Status
		want bool
	}{
		{"end of the day", reminders.Working, reminders.Status{State: reminders.OffHours, Until: tomorrow}, true},
		{"end of the day with a break due", reminders.Due, reminders.Status{State: reminders.OffHours, Until: tomorrow}, true},
		{"lunch gap", reminders.Working, reminders.Status{State: reminders.OffHours, Until: afterLunch}, false},
		{"already off", reminders.OffHours, reminders.Status{State: reminders.OffHours, Until: tomorrow}, false},
		{"paused", reminders.Working, reminders.Status{State: reminders.Paused}, false},
		{"still working", reminders.Working, reminders.Status{State: reminders.Working}, false},
	}
	for _, tt := range tests {
		if got := dayEnded(tt.prev, tt.st, now); got != tt.want {
			t.Errorf("%s: dayEnded = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestDaySummary(t *testing.T) {
	sum := stats.Summary{Goal: 6, Streak: 3}
	sum.Today.Done, sum.Today.MinutesStretched = 5, 10
	if title, body := daySummary(sum); title != "5 of 6 stretch breaks today" || !strings.Contains(body, "10 minutes") {
		t.Errorf("daySummary(5 of 6) = %q, %q", title, body)
	}
	sum.Today.Done = 6
	if _, body := daySummary(sum); !strings.Contains(body, "3 work days in a row") {
		t.Errorf("daySummary(goal met, streak 3) body = %q", body)
	}
}

func TestDaySummary_Translated(t *testing.T) {
	t.Cleanup(func() { i18n.SetLanguage("en") })
	sum := stats.Summary{Goal: 1, Streak: 1}
	sum.Today.Done, sum.Today.MinutesStretched = 1, 1
	for _, tt := range []struct{ lang, title string }{
		{"en", "1 of 1 stretch break today"},
		{"de", "1 von 1 Dehnpause heute"},
		{"es", "1 de 1 pausa para estirar hoy"},
	} {
		i18n.SetLanguage(tt.lang)
		if title, _ := daySummary(sum); title != tt.title {
			t.Errorf("%s: daySummary title = %q, want %q", tt.lang, title, tt.title)
		}
	}
	i18n.SetLanguage("de")
	sum.Goal, sum.Today.MinutesStretched = 6, 12
	if _, body := daySummary(sum); body != "Etwa 12 Minuten gedehnt. Morgen hast du einen neuen Anlauf auf 6." {
		t.Errorf("German body = %q", body)
	}
}
