package daemon

import (
	"strings"
	"time"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/tray"
	"github.com/limber-app/limber/exercises"
	"github.com/limber-app/limber/reminders"
)

// statusText is the tray's first row for st, in local time.
func statusText(st reminders.Status, now time.Time) string {
	switch st.State {
	case reminders.Due:
		switch st.Due {
		case reminders.Posture:
			return i18n.T("Posture check due")
		case reminders.Water:
			return i18n.T("Time for some water")
		default:
			return i18n.T("Stretch due now")
		}
	case reminders.Paused:
		if st.Until.IsZero() {
			return i18n.T("Paused until you resume")
		}
		return i18n.T("Paused until {{.Time}}", timeData(st.Until, now))
	case reminders.OffHours:
		if st.Until.IsZero() {
			return i18n.T("Off: no work hours set")
		}
		return i18n.T("Off until {{.Time}}", timeData(st.Until, now))
	}
	if st.Away {
		return i18n.T("On a break")
	}
	if st.NextStand.IsZero() {
		return i18n.T("No stretch left today")
	}
	return i18n.T("Next stretch at {{.Time}}", timeData(st.NextStand, now))
}

func timeData(t, now time.Time) map[string]string {
	return map[string]string{"Time": clock(t, now)}
}

// clock formats t as 14:35 when it is today and as Mon 09:00 otherwise,
// with the weekday in the user's language.
func clock(t, now time.Time) string {
	t = t.In(now.Location())
	y1, m1, d1 := t.Date()
	y2, m2, d2 := now.Date()
	if y1 == y2 && m1 == m2 && d1 == d2 {
		return t.Format("15:04")
	}
	return i18n.WeekdayTime(t)
}

// waitingText is the tray's first row while a hold keeps due reminders
// back; why is the hold's name.
func waitingText(why string) string {
	return i18n.T("Waiting: {{.Why}}", map[string]string{"Why": holdName(why)})
}

// holdName puts the name of a hold (desktop.Hold.Name, in English) into the
// user's language; a name it does not know stays as it is.
func holdName(why string) string {
	switch why {
	case "call in progress":
		return i18n.T("call in progress")
	case "fullscreen app":
		return i18n.T("fullscreen app")
	case "do not disturb":
		return i18n.T("do not disturb")
	case "a program on the list is running":
		return i18n.T("a program on the list is running")
	}
	if app, ok := strings.CutSuffix(why, " is running"); ok {
		return i18n.T("{{.App}} is running", map[string]string{"App": app})
	}
	return why
}

func trayState(st reminders.Status) tray.State {
	switch st.State {
	case reminders.Due:
		return tray.Due
	case reminders.Paused:
		return tray.Paused
	case reminders.OffHours:
		return tray.OffHours
	default:
		return tray.Normal
	}
}

// Notification texts.
func standTitle() string   { return i18n.T("Time to stand up and stretch") }
func postureTitle() string { return i18n.T("Posture check") }
func postureBody() string {
	return i18n.T("Sit back in the chair, feet flat, shoulders loose, screen at eye level.")
}
func waterTitle() string { return i18n.T("Time for some water") }
func waterBody() string {
	return i18n.T("A glass of water now keeps you going through the afternoon.")
}
func noTrayTitle() string { return i18n.T("No system tray found") }
func noTrayBody() string {
	return i18n.T("Limber runs without a tray icon. To get one on GNOME, install the " +
		"AppIndicator extension (gnome-shell-extension-appindicator). Meanwhile " +
		"run \"limber\" again or use \"limber stretch\" to open a stretch.")
}

// routineTitle announces the timed routine called name. The name stands
// in quotes as it is written, so that any name reads well in any language
// (a lower-cased name would be wrong for German nouns, and a Spanish name
// such as "Caderas y espalda alta" does not fit after "tu").
func routineTitle(name string) string {
	return i18n.T("Time for your \"{{.Routine}}\" routine", map[string]string{"Routine": name})
}

// routineBody says how long a timed routine takes and why it helps.
func routineBody(r exercises.Routine) string {
	return i18n.T("{{.Minutes}} minutes, {{.Stretches}} stretches. {{.Why}}",
		map[string]any{"Minutes": r.Minutes, "Stretches": len(r.Steps), "Why": r.Why})
}
