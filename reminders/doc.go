// Package reminders decides when to remind the user to stand, check posture
// and drink water, as a pure state machine driven by the caller's clock.
//
// The rules, in short:
//
//   - Work hours are local wall-clock spans per weekday ("09:00-17:30"); a span
//     whose end is before its start runs past midnight and belongs to the
//     weekday it starts on. Spans that touch or overlap (also across midnight)
//     form one work period. Outside work periods nothing is reminded.
//   - Each kind (stand, posture, water) has a clock that starts when a work
//     period starts, when the engine starts inside one, on resume from a pause
//     and when the user returns from a natural break. It falls due one interval
//     (real elapsed time) later. Done, Skipped and Hurt restart that clock;
//     a stand answer also restarts the posture clock. Snoozed brings the same
//     reminder back after Schedule.Snooze. An unanswered reminder stays due and
//     is re-delivered at most once per Snooze, marked Repeat.
//   - When two kinds fall due within a minute of each other only the higher is
//     sent (stand > posture > water); the lower restarts as if answered.
//   - A reminder that would fall at or after the end of its work period is
//     dropped; the clocks restart at the next period.
//   - Pauses (for a while, until a time, or until resumed) and natural breaks
//     (idle for at least Schedule.NaturalBreak) deliver nothing and restart the
//     clocks when they end.
//   - A Step that arrives at least NaturalBreak (5 minutes if that is off) past
//     the wake time the engine asked for means the machine slept: the gap counts
//     as a break, with no burst of stale reminders. A clock set back never
//     yields a negative wait.
//   - Timed routines (Schedule.Routines) come at a time of day on chosen
//     days, inside or outside work hours, as RoutineKind reminders; none while
//     paused or away, and none more than 15 minutes late.
//
// The Engine never sleeps, reads the real clock or starts goroutines: the
// caller passes now to every call and sets a single timer to the returned wake
// time.
package reminders
