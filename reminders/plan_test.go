package reminders

import (
	"slices"
	"testing"
	"time"
)

// TestPlan_YearOfWeekdaysBerlin plans 2026 with the default schedule.
//
// Each weekday runs 09:00-17:30 (510 min). The stand clock starts at 09:00:
// stands at 09:45, 10:30, …, 17:15 (45 min × 1..11; 18:00 is past the end)
// = 11. Posture first falls due at 09:30; every stand answer restarts the
// posture clock, so each later posture comes 30 min after a stand: 10:15,
// 11:00, …, 17:00 (17:45 is past the end) = 1 + 10 = 11. Stand and posture
// are always 15 min apart, so the same-minute rule never fires: 22 a day.
// 2026 starts on a Thursday and has 365 days = 52 weeks + 1 Thursday, so
// 261 weekdays: 261 × 22 = 5742. Daylight saving does not touch 09:00-17:30.
func TestPlan_YearOfWeekdaysBerlin(t *testing.T) {
	s := DefaultSchedule()
	s.Location = mustLoad(t, "Europe/Berlin")
	from := time.Date(2026, 1, 1, 0, 0, 0, 0, s.Location)
	to := from.AddDate(1, 0, 0)
	got := Plan(s, from, to)
	if len(got) != 5742 {
		t.Fatalf("Plan(%v, %v) gave %d reminders, want 5742", from, to, len(got))
	}
	checkPlan(t, s, got)
	perDay := map[string][]string{}
	for _, r := range got {
		day := r.At.Format("2006-01-02")
		perDay[day] = append(perDay[day], string(r.Kind)+"@"+r.At.Format("15:04"))
	}
	want := []string{
		"posture@09:30", "stand@09:45", "posture@10:15", "stand@10:30", "posture@11:00", "stand@11:15",
		"posture@11:45", "stand@12:00", "posture@12:30", "stand@12:45", "posture@13:15", "stand@13:30",
		"posture@14:00", "stand@14:15", "posture@14:45", "stand@15:00", "posture@15:30", "stand@15:45",
		"posture@16:15", "stand@16:30", "posture@17:00", "stand@17:15",
	}
	for day, list := range perDay {
		if !slices.Equal(list, want) {
			t.Errorf("Plan on %s = %v, want %v", day, list, want)
		}
	}
	if len(perDay) != 261 {
		t.Errorf("Plan covered %d days, want 261 weekdays", len(perDay))
	}
}

func TestPlan_SameMinutePriority(t *testing.T) {
	s := utcSchedule()
	s.StandEvery, s.PostureEvery, s.WaterEvery = 30*time.Minute, 30*time.Minute, 30*time.Minute
	s.Hours = everyDay(Span{540, 660})
	got := Plan(s, monday(0, 0), monday(24, 0))
	want := []string{"stand@09:30", "stand@10:00", "stand@10:30"}
	if !slices.Equal(times(got), want) {
		t.Errorf("Plan(%v) = %v, want %v", s, times(got), want)
	}
	// Water every 45 min: due 09:45, then 10:30 together with a stand, so
	// it is dropped and its clock restarts at 10:30: next at 11:15.
	s.WaterEvery, s.PostureEvery = 45*time.Minute, 0
	s.Hours = everyDay(Span{540, 690})
	got = Plan(s, monday(0, 0), monday(24, 0))
	want = []string{"stand@09:30", "water@09:45", "stand@10:00", "stand@10:30", "stand@11:00", "water@11:15"}
	if !slices.Equal(times(got), want) {
		t.Errorf("Plan(%v) = %v, want %v", s, times(got), want)
	}
	checkPlan(t, s, got)
}

func TestPlan_DroppedAtSpanEndRestartsNextSpan(t *testing.T) {
	s := utcSchedule()
	s.StandEvery, s.PostureEvery = 40*time.Minute, 0
	s.Hours = everyDay(Span{540, 640}, Span{700, 780}) // 09:00-10:40, 11:40-13:00
	got := Plan(s, monday(0, 0), monday(24, 0))
	// 09:40, 10:20, (11:00 would be after 10:40: dropped), 12:20 (11:40 + 40),
	// (13:00 is the end: dropped).
	want := []string{"stand@09:40", "stand@10:20", "stand@12:20"}
	if !slices.Equal(times(got), want) {
		t.Errorf("Plan(%v) = %v, want %v", s, times(got), want)
	}
}

func TestPlan_NoSpans(t *testing.T) {
	s := utcSchedule()
	s.Hours = Week{}
	if got := Plan(s, monday(0, 0), monday(0, 0).AddDate(0, 1, 0)); len(got) != 0 {
		t.Errorf("Plan with no spans = %v, want none", times(got))
	}
}

// TestPlan_DST plans the night shift 22:00-06:00 across each daylight
// saving change. The night that starts on the Saturday before the change
// lasts 7 h (spring) or 9 h (autumn) of real time; other nights 8 h.
// In a night of L minutes stands fall at 45k < L (k ≥ 1) and postures at
// 45k+30 < L (k ≥ 0): 7 h → 9+9 = 18, 8 h → 10+10 = 20, 9 h → 11+12 = 23.
func TestPlan_DST(t *testing.T) {
	for _, tt := range []struct {
		zone      string
		night     [3]int // date the changing night starts
		length    time.Duration
		reminders int
	}{
		{"Europe/Berlin", [3]int{2026, 3, 28}, 7 * time.Hour, 18},
		{"Europe/Berlin", [3]int{2026, 10, 24}, 9 * time.Hour, 23},
		{"America/New_York", [3]int{2026, 3, 7}, 7 * time.Hour, 18},
		{"America/New_York", [3]int{2026, 10, 31}, 9 * time.Hour, 23},
		{"Australia/Sydney", [3]int{2026, 4, 4}, 9 * time.Hour, 23},
		{"Australia/Sydney", [3]int{2026, 10, 3}, 7 * time.Hour, 18},
	} {
		s := DefaultSchedule()
		s.Location = mustLoad(t, tt.zone)
		s.Hours = everyDay(Span{1320, 360})
		nightStart := time.Date(tt.night[0], time.Month(tt.night[1]), tt.night[2], 22, 0, 0, 0, s.Location)
		from, to := nightStart.AddDate(0, 0, -2), nightStart.AddDate(0, 0, 3)
		got := Plan(s, from, to)
		checkPlan(t, s, got)
		nights := map[time.Time][]Reminder{}
		for _, r := range got {
			start, _, _ := s.InSpan(r.At)
			nights[start] = append(nights[start], r)
		}
		if len(nights) != 5 {
			t.Errorf("%s: Plan(%v, %v) covered %d nights, want 5", tt.zone, from, to, len(nights))
		}
		for start, rs := range nights {
			_, end, _ := s.InSpan(start)
			want := nightCount(end.Sub(start))
			if start.Equal(nightStart) && (end.Sub(start) != tt.length || want != tt.reminders) {
				t.Errorf("%s: night of %v lasts %v with %d reminders, want %v with %d", tt.zone, start, end.Sub(start), want, tt.length, tt.reminders)
			}
			if len(rs) != want {
				t.Errorf("%s: night of %v has %d reminders %v, want %d", tt.zone, start, len(rs), times(rs), want)
			}
			checkElapsed(t, start, rs)
		}
	}
}

// nightCount is the number of reminders the default intervals give in a
// period of length l.
func nightCount(l time.Duration) int {
	n := 0
	for k := 1; time.Duration(k)*45*time.Minute < l; k++ {
		n++
	}
	for k := 0; time.Duration(k)*45*time.Minute+30*time.Minute < l; k++ {
		n++
	}
	return n
}

// checkElapsed asserts that stands fall every 45 min of real time from the
// period start and each posture 30 min after the previous stand.
func checkElapsed(t *testing.T, start time.Time, rs []Reminder) {
	t.Helper()
	lastStand, k := start, 1
	for _, r := range rs {
		switch r.Kind {
		case Stand:
			if want := start.Add(time.Duration(k) * 45 * time.Minute); !r.At.Equal(want) {
				t.Errorf("stand %d of night %v at %v, want %v", k, start, r.At, want)
			}
			lastStand, k = r.At, k+1
		case Posture:
			if want := lastStand.Add(30 * time.Minute); !r.At.Equal(want) {
				t.Errorf("posture of night %v at %v, want %v", start, r.At, want)
			}
		}
	}
}

// TestPlan_SpanInsideDSTGap uses a span that lies in the hour Berlin skips
// in spring: it resolves however time.Date resolves it, and never yields a
// negative or empty period or a reminder outside work hours.
func TestPlan_SpanInsideDSTGap(t *testing.T) {
	s := DefaultSchedule()
	s.Location = mustLoad(t, "Europe/Berlin")
	s.StandEvery, s.PostureEvery = 10*time.Minute, 0
	s.Hours = everyDay(Span{150, 200}) // 02:30-03:20
	from := time.Date(2026, 3, 27, 0, 0, 0, 0, s.Location)
	got := Plan(s, from, from.AddDate(0, 0, 4))
	checkPlan(t, s, got)
	for at := from; at.Before(from.AddDate(0, 0, 4)); at = at.Add(time.Minute) {
		if start, end, ok := s.InSpan(at); ok && !end.After(start) {
			t.Fatalf("InSpan(%v) = %v, %v: empty or negative", at, start, end)
		}
	}
	if len(got) < 3*4 {
		t.Errorf("Plan(%v) = %v, want at least 4 reminders on each ordinary night", from, times(got))
	}
}
