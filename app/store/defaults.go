package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// DefaultConfigText is the config file Limber writes on first run: every key
// with its default and a comment that says what it does.
const DefaultConfigText = `# Limber preferences. Edit freely: Limber notices changes by itself, and
# tells you (with the line number) if something is not right. It never
# rewrites this file behind your back.
version = 1

[reminders]
# How often to stand up and stretch. Between 10m and 3h.
stand_every = "45m"
# How often to check your posture (a notification only). "off" to turn off.
posture_every = "30m"
# How often to drink some water. "off" to turn off.
water_every = "off"
# How long "Snooze" puts a break off.
snooze = "5m"
# Being away from the keyboard this long counts as a break. "off" to turn off.
natural_break = "5m"
# A short notice this long before a stand break ("30s", "1m"), so you can
# finish a sentence. "off" for none.
heads_up = "off"

[work_hours]
# When Limber may remind you, per weekday, as a list of "HH:MM-HH:MM" spans in
# your local time. Use several spans for a lunch gap, e.g.
# ["08:30-12:00", "12:45-17:00"]. A span that ends before it starts runs past
# midnight (night shifts). An empty list is a day off.
monday = ["09:00-17:30"]
tuesday = ["09:00-17:30"]
wednesday = ["09:00-17:30"]
thursday = ["09:00-17:30"]
friday = ["09:00-17:30"]
saturday = []
sunday = []
# Remind all day, every day, not only in the hours above (which still decide
# the workdays for your streak).
remind_outside = false

[card]
# Open the stretch card by itself when a stand break is due.
auto_open = true
# Strict mode: no Skip button, and a break can be snoozed only once.
strict = false

[stretches]
# Where you can stretch: desk, standing, floor (needs a mat), bar (pull-up
# bar), gym.
places = ["desk", "standing"]
# Stretch ids to suggest more often, or never (see "limber exercises").
favourites = []
hidden = []

[routines]
# Reminders for the guided routines (see "limber routine --list"), at a time
# of day: "07:30" for every day, or "18:00 tue,fri" for some days; "off" for
# none.
morning-mobility = "off"
midday-break = "off"
evening-decompression = "off"
weekly-strength = "off"
core-basics = "off"
daily-mobility = "off"

[behaviour]
# Programs that hold reminders back while they run (video calls, screen
# recording). Reminders also wait while the camera or microphone is in use.
pause_while_running = ["zoom", "teams", "teams-for-linux", "obs", "skypeforlinux"]
# A short summary when the work day ends ("5 of 6 stretch breaks today").
day_summary = false
# Stand breaks done that make a good work day, for your streak.
daily_goal = 6
# Play the desktop's notification sound with break reminders.
sound = false
# A due break waits, and comes once this clears, while:
# a full-screen window is in front (a film, a presentation, a game),
wait_for_fullscreen = true
# the camera is in use (a video call),
wait_for_camera = true
# the microphone is in use (a call, a recording),
wait_for_microphone = true
# the desktop's do-not-disturb is on.
wait_for_do_not_disturb = true
# Open the stretch card by itself only at a pause in your typing (at most
# two minutes late).
wait_for_typing_pause = true
`

// EnsureConfig writes the default config file at path when there is none.
// It reports whether it wrote one. An existing file is never changed.
func EnsureConfig(path string) (bool, error) {
	_, err := os.Stat(path)
	if err == nil {
		return false, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return false, fmt.Errorf("look for %s: %w", path, err)
	}
	if err := WriteFileAtomic(path, []byte(DefaultConfigText), 0o600); err != nil {
		return false, err
	}
	return true, nil
}
