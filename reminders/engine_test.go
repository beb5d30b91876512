package reminders

import (
	"slices"
	"testing"
	"time"
)

// postureOnly is a UTC schedule, 09:00-17:00 daily, with a 30 min posture
// clock and stand off, to watch one clock alone.
func postureOnly() Schedule {
	s := utcSchedule()
	s.StandEvery = 0
	return s
}

func TestEngine_StartsAtSpanStart(t *testing.T) {
	d := newDriver(t, utcSchedule(), monday(8, 0))
	if st := d.e.Status(monday(8, 0)); st.State != OffHours || !st.Until.Equal(monday(9, 0)) {
		t.Errorf("Status(08:00) = %+v, want off until 09:00", st)
	}
	if !d.wake.Equal(monday(9, 0)) {
		t.Errorf("Step(08:00) wake = %v, want 09:00", d.wake)
	}
	got := d.run(monday(10, 1), done)
	want := []string{"posture@09:30", "stand@09:45"}
	if !slices.Equal(times(got), want) {
		t.Errorf("run to 10:01 = %v, want %v", times(got), want)
	}
}

func TestEngine_StartsInsideSpan(t *testing.T) {
	d := newDriver(t, utcSchedule(), monday(10, 7))
	got := d.run(monday(11, 0), done)
	want := []string{"posture@10:37", "stand@10:52"}
	if !slices.Equal(times(got), want) {
		t.Errorf("run from 10:07 = %v, want %v", times(got), want)
	}
}

func TestEngine_AnswerRestartsClock(t *testing.T) {
	for _, o := range []Outcome{Done, Skipped, Hurt} {
		d := newDriver(t, postureOnly(), monday(9, 0))
		d.run(monday(9, 31), nil)
		d.step(monday(9, 33), Event{Type: Respond, Kind: Posture, Outcome: o})
		if !d.wake.Equal(monday(10, 3)) {
			t.Errorf("Respond(%s) at 09:33: wake = %v, want 10:03", o, d.wake)
		}
		if st := d.e.Status(monday(9, 34)); st.State != Working || !st.Next.At.Equal(monday(10, 3)) {
			t.Errorf("Status after %s = %+v, want working, next 10:03", o, st)
		}
	}
}

func TestEngine_Snooze(t *testing.T) {
	d := newDriver(t, postureOnly(), monday(9, 0))
	d.run(monday(9, 31), nil)
	d.step(monday(9, 31), Event{Type: Respond, Kind: Posture, Outcome: Snoozed})
	if got := d.step(monday(9, 35), Event{Type: Tick}); len(got) != 0 {
		t.Errorf("Step(09:35) = %v, want nothing before the snooze ends", times(got))
	}
	got := d.run(monday(9, 37), nil)
	want := []Reminder{{Kind: Posture, At: monday(9, 36)}}
	if !slices.Equal(got, want) {
		t.Errorf("run to 09:37 = %v, want %v", got, want)
	}
}

func TestEngine_NoResponseRepeatsOncePerSnooze(t *testing.T) {
	d := newDriver(t, postureOnly(), monday(9, 0))
	var got []Reminder
	for at := monday(9, 0); at.Before(monday(10, 1)); at = at.Add(time.Minute) {
		got = append(got, d.step(at, Event{Type: Tick})...)
	}
	want := []string{
		"posture@09:30", "posture@09:35(repeat)", "posture@09:40(repeat)", "posture@09:45(repeat)",
		"posture@09:50(repeat)", "posture@09:55(repeat)", "posture@10:00(repeat)",
	}
	if !slices.Equal(times(got), want) {
		t.Errorf("ticking each minute = %v, want %v", times(got), want)
	}
	if st := d.e.Status(monday(10, 1)); st.State != Due || st.Due != Posture {
		t.Errorf("Status(10:01) = %+v, want due posture", st)
	}
}

func TestEngine_StandResetsPosture(t *testing.T) {
	d := newDriver(t, utcSchedule(), monday(9, 0))
	d.run(monday(9, 46), postureDone) // posture 09:30 done, stand 09:45 due
	d.step(monday(9, 50), Event{Type: Respond, Kind: Stand, Outcome: Skipped})
	got := d.run(monday(10, 40), done)
	want := []string{"posture@10:20", "stand@10:35"}
	if !slices.Equal(times(got), want) {
		t.Errorf("after stand skipped at 09:50: %v, want %v", times(got), want)
	}
	// A snoozed stand leaves the posture clock alone.
	d = newDriver(t, utcSchedule(), monday(9, 0))
	d.run(monday(9, 46), postureDone)
	d.step(monday(9, 46), Event{Type: Respond, Kind: Stand, Outcome: Snoozed})
	got = d.run(monday(10, 1), func(r Reminder) Outcome {
		if r.Kind == Stand {
			return Snoozed
		}
		return Done
	})
	want = []string{"stand@09:51", "stand@09:56", "posture@10:00"}
	if !slices.Equal(times(got), want) {
		t.Errorf("after stand snoozed at 09:46: %v, want %v", times(got), want)
	}
}

func TestEngine_LowerKindWaitsForHigherWithinAMinute(t *testing.T) {
	s := utcSchedule()
	s.WaterEvery = 45 * time.Minute
	s.PostureEvery = 0
	d := newDriver(t, s, monday(9, 0))
	d.step(monday(9, 0).Add(30*time.Second), Event{Type: Trigger, Kind: Stand})
	d.step(monday(9, 0).Add(30*time.Second), Event{Type: Respond, Kind: Stand, Outcome: Done})
	// Stand now falls due at 09:45:30, water at 09:45:00: water gives way.
	got := d.run(monday(9, 47), nil)
	want := []Reminder{{Kind: Stand, At: monday(9, 45).Add(30 * time.Second)}}
	if !slices.Equal(got, want) {
		t.Errorf("run to 09:47 = %v, want %v", got, want)
	}
	// And the other way round: water 30 s after a stand that was sent.
	s.WaterEvery, s.StandEvery = 45*time.Minute, 45*time.Minute
	d = newDriver(t, s, monday(9, 0))
	d.step(monday(9, 0).Add(30*time.Second), Event{Type: Trigger, Kind: Water})
	d.step(monday(9, 0).Add(30*time.Second), Event{Type: Respond, Kind: Water, Outcome: Done})
	got = d.run(monday(9, 47), done)
	if want := []string{"stand@09:45"}; !slices.Equal(times(got), want) {
		t.Errorf("run to 09:47 = %v, want %v", times(got), want)
	}
}

func TestEngine_PauseAutoResume(t *testing.T) {
	d := newDriver(t, utcSchedule(), monday(9, 0))
	d.step(monday(10, 0), Event{Type: Pause, Until: monday(11, 0)})
	if st := d.e.Status(monday(10, 30)); st.State != Paused || !st.Until.Equal(monday(11, 0)) {
		t.Errorf("Status(10:30) = %+v, want paused until 11:00", st)
	}
	if !d.wake.Equal(monday(11, 0)) {
		t.Errorf("Pause wake = %v, want 11:00", d.wake)
	}
	if got := d.step(monday(10, 45), Event{Type: Tick}); len(got) != 0 {
		t.Errorf("Step(10:45) while paused = %v, want nothing", times(got))
	}
	got := d.run(monday(11, 50), done)
	if want := []string{"posture@11:30", "stand@11:45"}; !slices.Equal(times(got), want) {
		t.Errorf("after resuming at 11:00: %v, want %v", times(got), want)
	}
}

func TestEngine_PauseUntilResumed(t *testing.T) {
	d := newDriver(t, utcSchedule(), monday(9, 0))
	d.step(monday(10, 0), Event{Type: Pause})
	if !d.wake.IsZero() {
		t.Errorf("Pause() wake = %v, want zero", d.wake)
	}
	st := d.e.Status(monday(12, 0))
	if st.State != Paused || !st.Until.IsZero() || !st.NextStand.IsZero() {
		t.Errorf("Status(12:00) = %+v, want paused until resumed, no next stand", st)
	}
	if got := d.step(monday(12, 59), Event{Type: Tick}); len(got) != 0 {
		t.Errorf("Step(12:59) while paused = %v, want nothing", times(got))
	}
	d.step(monday(13, 0), Event{Type: Resume})
	got := d.run(monday(13, 50), done)
	if want := []string{"posture@13:30", "stand@13:45"}; !slices.Equal(times(got), want) {
		t.Errorf("after Resume at 13:00: %v, want %v", times(got), want)
	}
}

func TestEngine_PauseUntilTomorrow(t *testing.T) {
	s := utcSchedule()
	d := newDriver(t, s, monday(9, 0))
	until := s.NextSpanStart(monday(15, 0))
	d.step(monday(15, 0), Event{Type: Pause, Until: until})
	got := d.run(monday(33, 31), done)
	if want := []Reminder{{Kind: Posture, At: monday(33, 30)}}; !slices.Equal(got, want) {
		t.Errorf("paused until %v: %v, want %v", until, got, want)
	}
}

func TestEngine_NaturalBreak(t *testing.T) {
	d := newDriver(t, utcSchedule(), monday(9, 0))
	d.step(monday(9, 10), Event{Type: Idle, Idle: 3 * time.Minute}) // short: nothing
	d.step(monday(9, 20), Event{Type: Idle, Idle: 5 * time.Minute})
	if st := d.e.Status(monday(9, 40)); !st.Away {
		t.Errorf("Status(09:40) = %+v, want away", st)
	}
	if got := d.run(monday(10, 10), done); len(got) != 0 {
		t.Errorf("while away: %v, want nothing", times(got))
	}
	d.step(monday(10, 10), Event{Type: Idle, Idle: 0})
	got := d.run(monday(11, 0), done)
	if want := []string{"posture@10:40", "stand@10:55"}; !slices.Equal(times(got), want) {
		t.Errorf("back at 10:10: %v, want %v", times(got), want)
	}
	// Any other user event also ends the break.
	d.step(monday(11, 0), Event{Type: Idle, Idle: time.Hour})
	d.step(monday(11, 20), Event{Type: Trigger, Kind: Posture})
	d.step(monday(11, 20), Event{Type: Respond, Kind: Posture, Outcome: Done})
	if st := d.e.Status(monday(11, 21)); st.Away || !st.NextStand.Equal(monday(12, 5)) {
		t.Errorf("Status after Respond = %+v, want back, next stand 12:05", st)
	}
}

func TestEngine_NaturalBreakOff(t *testing.T) {
	s := utcSchedule()
	s.NaturalBreak = 0
	d := newDriver(t, s, monday(9, 0))
	d.step(monday(9, 10), Event{Type: Idle, Idle: 2 * time.Hour})
	got := d.run(monday(9, 31), done)
	if want := []string{"posture@09:30"}; !slices.Equal(times(got), want) {
		t.Errorf("idle with natural breaks off: %v, want %v", times(got), want)
	}
}

func TestEngine_SuspendGap(t *testing.T) {
	for _, tt := range []struct {
		gap  time.Duration
		next Reminder
	}{
		{4*time.Minute + 59*time.Second, Reminder{}}, // not a gap: the due posture comes now
		{5 * time.Minute, Reminder{Kind: Posture, At: monday(10, 5)}},
		{time.Hour, Reminder{Kind: Posture, At: monday(11, 0)}},
		{14 * time.Hour, Reminder{Kind: Posture, At: monday(33, 30)}}, // 23:30, off hours
	} {
		d := newDriver(t, utcSchedule(), monday(9, 0))
		if !d.wake.Equal(monday(9, 30)) {
			t.Fatalf("wake = %v, want 09:30", d.wake)
		}
		now := d.wake.Add(tt.gap)
		got := d.step(now, Event{Type: Tick})
		if tt.next.Kind == "" {
			if want := []Reminder{{Kind: Posture, At: monday(9, 30)}}; !slices.Equal(got, want) {
				t.Errorf("Step(wake+%v) = %v, want %v", tt.gap, got, want)
			}
			continue
		}
		if len(got) != 0 {
			t.Errorf("Step(wake+%v) = %v, want no stale reminders", tt.gap, times(got))
		}
		if st := d.e.Status(now); st.Next != tt.next {
			t.Errorf("Step(wake+%v): Status.Next = %v, want %v", tt.gap, st.Next, tt.next)
		}
	}
}

func TestEngine_ClockSetBack(t *testing.T) {
	d := newDriver(t, utcSchedule(), monday(10, 0))
	d.step(monday(10, 20), Event{Type: Tick})
	back := monday(9, 20)
	got := d.step(back, Event{Type: Tick})
	if len(got) != 0 || d.wake.Before(back) || d.wake.Sub(back) > 30*time.Minute {
		t.Errorf("Step(set back to 09:20) = %v, wake %v, want nothing and a wake within 30m", times(got), d.wake)
	}
	all := d.run(monday(12, 0), done)
	checkPlan(t, utcSchedule(), all)
	if len(all) > 6 {
		t.Errorf("after the clock went back: %v, want no more than the usual rate", times(all))
	}
}

func TestEngine_ClockForwardWithinGap(t *testing.T) {
	s := utcSchedule()
	s.NaturalBreak = time.Hour
	d := newDriver(t, s, monday(9, 0))
	got := d.step(monday(10, 50), Event{Type: Tick}) // 80 min past the 09:30 wake: a gap
	if len(got) != 0 {
		t.Errorf("Step 80 min late = %v, want a break (late by at least the natural break)", times(got))
	}
	d = newDriver(t, s, monday(9, 0))
	got = d.step(monday(10, 20), Event{Type: Tick}) // 50 min late: both kinds are due once
	if want := []string{"stand@09:45", "posture@09:30"}; !slices.Equal(times(got), want) {
		t.Errorf("Step 50 min late = %v, want %v", times(got), want)
	}
	if !d.wake.After(monday(10, 20)) {
		t.Errorf("wake = %v, want after now", d.wake)
	}
}

func TestEngine_Reschedule(t *testing.T) {
	s := postureOnly()
	d := newDriver(t, s, monday(9, 0))
	s2 := s
	s2.PostureEvery, s2.WaterEvery = 20*time.Minute, 25*time.Minute
	d.step(monday(9, 10), Event{Type: Reschedule, Schedule: &s2})
	got := d.run(monday(9, 41), done)
	// Posture keeps its 09:00 clock (09:20); water starts now (09:35).
	if want := []string{"posture@09:20", "water@09:35", "posture@09:40"}; !slices.Equal(times(got), want) {
		t.Errorf("after Reschedule: %v, want %v", times(got), want)
	}
	s3 := s2
	s3.Hours = everyDay(Span{600, 720})
	d.step(monday(9, 45), Event{Type: Reschedule, Schedule: &s3})
	if st := d.e.Status(monday(9, 45)); st.State != OffHours || !st.Until.Equal(monday(10, 0)) {
		t.Errorf("Status after moving hours = %+v, want off until 10:00", st)
	}
	if d.step(monday(9, 50), Event{Type: Reschedule}); d.e.s.Hours[0][0] != (Span{600, 720}) {
		t.Errorf("Reschedule with nil Schedule changed the schedule")
	}
}

func TestEngine_TriggerMakesDueWithoutDelivering(t *testing.T) {
	d := newDriver(t, utcSchedule(), monday(9, 0))
	if got := d.step(monday(9, 5), Event{Type: Trigger, Kind: Stand}); len(got) != 0 {
		t.Errorf("Trigger = %v, want nothing delivered", times(got))
	}
	if st := d.e.Status(monday(9, 6)); st.State != Due || st.Due != Stand {
		t.Errorf("Status after Trigger = %+v, want due stand", st)
	}
	d.step(monday(9, 8), Event{Type: Respond, Kind: Stand, Outcome: Done})
	got := d.run(monday(9, 54), done)
	if want := []string{"posture@09:38", "stand@09:53"}; !slices.Equal(times(got), want) {
		t.Errorf("after a triggered stand: %v, want %v", times(got), want)
	}
}

func TestEngine_UnknownKindAndOutcomeIgnored(t *testing.T) {
	d := newDriver(t, utcSchedule(), monday(9, 0))
	d.step(monday(9, 1), Event{Type: Respond, Kind: "nap", Outcome: Done})
	d.step(monday(9, 2), Event{Type: Respond, Kind: Stand, Outcome: "maybe"})
	d.step(monday(9, 3), Event{Type: Trigger, Kind: "nap"})
	if !d.wake.Equal(monday(9, 30)) {
		t.Errorf("wake = %v, want 09:30", d.wake)
	}
}

func TestStatus_NextAcrossDays(t *testing.T) {
	s := DefaultSchedule()
	s.Location = time.UTC
	friday := monday(18, 0).AddDate(0, 0, 4)
	e := NewEngine(s, friday)
	st := e.Status(friday)
	nextMonday := monday(9, 0).AddDate(0, 0, 7)
	want := Status{
		State: OffHours, Until: nextMonday,
		Next: Reminder{Kind: Posture, At: nextMonday.Add(30 * time.Minute)}, NextStand: nextMonday.Add(45 * time.Minute),
	}
	if st != want {
		t.Errorf("Status(Friday 18:00) = %+v, want %+v", st, want)
	}
}

func TestStatus_DoesNotChangeEngine(t *testing.T) {
	d := newDriver(t, utcSchedule(), monday(9, 0))
	if st := d.e.Status(monday(9, 30)); st.State != Due || st.Due != Posture {
		t.Errorf("Status(09:30) = %+v, want due posture", st)
	}
	got := d.step(monday(9, 30), Event{Type: Tick})
	if want := []string{"posture@09:30"}; !slices.Equal(times(got), want) {
		t.Errorf("Step(09:30) after Status = %v, want %v", times(got), want)
	}
}

func TestEngine_NoSpansNeverWakes(t *testing.T) {
	s := utcSchedule()
	s.Hours = Week{}
	d := newDriver(t, s, monday(9, 0))
	if !d.wake.IsZero() {
		t.Errorf("wake with no spans = %v, want zero", d.wake)
	}
	if st := d.e.Status(monday(9, 0)); st.State != OffHours || !st.Until.IsZero() || !st.NextStand.IsZero() {
		t.Errorf("Status with no spans = %+v, want off with nothing ahead", st)
	}
}
