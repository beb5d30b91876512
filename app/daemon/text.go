package daemon

import (
	"time"

	"github.com/limber-app/limber/app/tray"
	"github.com/limber-app/limber/reminders"
)

// statusText is the tray's first row for st, in local time.
func statusText(st reminders.Status, now time.Time) string {
	switch st.State {
	case reminders.Due:
		switch st.Due {
		case reminders.Posture:
			return "Posture check due"
		case reminders.Water:
			return "Time for some water"
		default:
			return "Stretch due now"
		}
	case reminders.Paused:
		if st.Until.IsZero() {
			return "Paused until you resume"
		}
		return "Paused until " + clock(st.Until, now)
	case reminders.OffHours:
		if st.Until.IsZero() {
			return "Off: no work hours set"
		}
		return "Off until " + clock(st.Until, now)
	}
	if st.Away {
		return "On a break"
	}
	if st.NextStand.IsZero() {
		return "No stretch left today"
	}
	return "Next stretch at " + clock(st.NextStand, now)
}

// clock formats t as 14:35 when it is today and as Mon 09:00 otherwise.
func clock(t, now time.Time) string {
	t = t.In(now.Location())
	y1, m1, d1 := t.Date()
	y2, m2, d2 := now.Date()
	if y1 == y2 && m1 == m2 && d1 == d2 {
		return t.Format("15:04")
	}
	return t.Format("Mon 15:04")
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

// Break notification texts.
const (
	standTitle   = "Time to stand up and stretch"
	postureTitle = "Posture check"
	postureBody  = "Sit back in the chair, feet flat, shoulders loose, screen at eye level."
	waterTitle   = "Time for some water"
	waterBody    = "A glass of water now keeps you going through the afternoon."
	noTrayTitle  = "No system tray found"
	noTrayBody   = "Limber runs without a tray icon. To get one on GNOME, install the " +
		"AppIndicator extension (gnome-shell-extension-appindicator). Meanwhile " +
		"run \"limber\" again or use \"limber stretch\" to open a stretch."
)
