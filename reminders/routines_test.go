package reminders

import (
	"testing"
	"time"
)

func TestParseRoutineTime(t *testing.T) {
	all := [7]bool{true, true, true, true, true, true, true}
	var tueFri [7]bool
	tueFri[time.Tuesday], tueFri[time.Friday] = true, true
	good := []struct {
		in     string
		minute int
		days   [7]bool
		out    string
	}{
		{"07:30", 7*60 + 30, all, "07:30"},
		{"18:00 tue,fri", 18 * 60, tueFri, "18:00 tue,fri"},
		{" 18:00 Fri,TUE ", 18 * 60, tueFri, "18:00 tue,fri"},
	}
	for _, tt := range good {
		m, d, err := ParseRoutineTime(tt.in)
		if err != nil || m != tt.minute || d != tt.days {
			t.Errorf("ParseRoutineTime(%q) = %d, %v, %v; want %d, %v", tt.in, m, d, err, tt.minute, tt.days)
		}
		if got := FormatRoutineTime(m, d); got != tt.out {
			t.Errorf("FormatRoutineTime(%d, %v) = %q, want %q", m, d, got, tt.out)
		}
	}
	bad := map[string]string{
		"7:30":          `"7:30": want HH:MM, or HH:MM followed by days such as mon,thu`,
		"25:00":         `"25:00": want HH:MM, or HH:MM followed by days such as mon,thu`,
		"18:00 funday":  `"18:00 funday": day "funday": want mon, tue, wed, thu, fri, sat or sun`,
		"18:00 mon,,tu": `"18:00 mon,,tu": day "": want mon, tue, wed, thu, fri, sat or sun`,
	}
	for in, want := range bad {
		if _, _, err := ParseRoutineTime(in); err == nil || err.Error() != want {
			t.Errorf("ParseRoutineTime(%q) error = %v, want %q", in, err, want)
		}
	}
}

func routineSchedule(t *testing.T) Schedule {
	t.Helper()
	s := DefaultSchedule()
	s.Location = mustLoc(t, "Europe/Berlin")
	morning, every, _ := ParseRoutineTime("07:30")
	strength, tueFri, _ := ParseRoutineTime("18:00 tue,fri")
	s.Routines = []TimedRoutine{
		{ID: "morning-mobility", Minute: morning, Days: every},
		{ID: "weekly-strength", Minute: strength, Days: tueFri},
	}
	return s
}

func mustLoc(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestPlan_TimedRoutines(t *testing.T) {
	s := routineSchedule(t)
	from := time.Date(2026, 3, 30, 0, 0, 0, 0, s.Location) // Monday
	var got []string
	for _, r := range Plan(s, from, from.AddDate(0, 0, 7)) {
		if r.Kind == RoutineKind {
			got = append(got, r.At.Format("Mon 15:04 ")+r.Routine)
		}
	}
	want := []string{
		"Mon 07:30 morning-mobility", "Tue 07:30 morning-mobility", "Tue 18:00 weekly-strength",
		"Wed 07:30 morning-mobility", "Thu 07:30 morning-mobility", "Fri 07:30 morning-mobility",
		"Fri 18:00 weekly-strength", "Sat 07:30 morning-mobility", "Sun 07:30 morning-mobility",
	}
	if len(got) != len(want) {
		t.Fatalf("Plan routines = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("routine %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestEngine_TimedRoutineWakesOutsideWorkHours(t *testing.T) {
	s := routineSchedule(t)
	now := time.Date(2026, 3, 30, 6, 0, 0, 0, s.Location)
	e := NewEngine(s, now)
	_, wake := e.Step(now, Event{Type: Tick})
	if want := time.Date(2026, 3, 30, 7, 30, 0, 0, s.Location); !wake.Equal(want) {
		t.Fatalf("wake = %v, want %v", wake, want)
	}
	due, _ := e.Step(wake, Event{Type: Tick})
	if len(due) != 1 || due[0].Kind != RoutineKind || due[0].Routine != "morning-mobility" {
		t.Errorf("Step(%v) = %+v, want the morning routine", wake, due)
	}
	if again, _ := e.Step(wake.Add(time.Second), Event{Type: Tick}); len(again) != 0 {
		t.Errorf("routine delivered twice: %+v", again)
	}
}

func TestEngine_TimedRoutineNotWhilePausedNorStale(t *testing.T) {
	s := routineSchedule(t)
	start := time.Date(2026, 3, 30, 7, 0, 0, 0, s.Location)
	e := NewEngine(s, start)
	e.Step(start, Event{Type: Pause, Until: start.Add(time.Hour)})
	if due, _ := e.Step(start.Add(31*time.Minute), Event{Type: Tick}); len(due) != 0 {
		t.Errorf("routine while paused: %+v", due)
	}
	e = NewEngine(s, start)
	// The machine slept from 07:00 to 08:00: the 07:30 routine is stale.
	if due, _ := e.Step(start.Add(time.Hour), Event{Type: Tick}); len(due) != 0 {
		t.Errorf("stale routine after sleep: %+v", due)
	}
	e = NewEngine(s, start)
	// Ten minutes late is still worth it.
	if due, _ := e.Step(start.Add(40*time.Minute), Event{Type: Tick}); len(due) != 1 {
		t.Errorf("routine 10 min late: %+v, want it delivered", due)
	}
}
