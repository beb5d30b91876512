package daemon

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/limber-app/limber/app/desktop"
	"github.com/limber-app/limber/app/store"
	"github.com/limber-app/limber/reminders"
)

// activeHold is a Hold that always applies.
type activeHold struct{}

func (activeHold) Name() string          { return "call in progress" }
func (activeHold) Active() (bool, error) { return true, nil }

func TestHeadsUp(t *testing.T) {
	t0 := time.Date(2026, 3, 30, 10, 0, 0, 0, time.UTC)
	d := &daemon{cfg: store.Defaults(), state: reminders.Working, nextStand: t0.Add(10 * time.Minute)}
	d.cfg.Behaviour.HeadsUp = time.Minute

	if got, want := d.headsUpAt(), t0.Add(9*time.Minute); !got.Equal(want) {
		t.Fatalf("headsUpAt = %v, want %v", got, want)
	}
	if _, ok := d.headsUp(t0.Add(8 * time.Minute)); ok {
		t.Error("heads-up sent two minutes before the break")
	}
	body, ok := d.headsUp(t0.Add(9 * time.Minute))
	if !ok || !strings.Contains(body, "1 minute") {
		t.Errorf("heads-up a minute before = %q, %v; want one that says 1 minute", body, ok)
	}
	if _, ok := d.headsUp(t0.Add(9*time.Minute + 30*time.Second)); ok {
		t.Error("heads-up sent twice for one break")
	}
	if !d.headsUpAt().IsZero() {
		t.Errorf("headsUpAt after the heads-up = %v, want none", d.headsUpAt())
	}

	// The next break gets its own heads-up, here 30 s before.
	d.nextStand = t0.Add(55 * time.Minute)
	d.cfg.Behaviour.HeadsUp = 30 * time.Second
	if body, ok := d.headsUp(t0.Add(54*time.Minute + 30*time.Second)); !ok || !strings.Contains(body, "30 seconds") {
		t.Errorf("30 s heads-up = %q, %v", body, ok)
	}

	// None when off, when not working, or when the break has come.
	for name, change := range map[string]func(*daemon){
		"off":       func(d *daemon) { d.cfg.Behaviour.HeadsUp = 0 },
		"paused":    func(d *daemon) { d.state = reminders.Paused },
		"off hours": func(d *daemon) { d.state = reminders.OffHours },
	} {
		d := &daemon{cfg: store.Defaults(), state: reminders.Working, nextStand: t0.Add(time.Hour)}
		d.cfg.Behaviour.HeadsUp = time.Minute
		change(d)
		if _, ok := d.headsUp(t0.Add(59 * time.Minute)); ok {
			t.Errorf("%s: heads-up sent", name)
		}
	}
	late := &daemon{cfg: store.Defaults(), state: reminders.Working, nextStand: t0}
	late.cfg.Behaviour.HeadsUp = time.Minute
	if _, ok := late.headsUp(t0); ok {
		t.Error("heads-up sent when the break is already due")
	}

	// In a call it stays quiet: it would interrupt just like the break.
	held := &daemon{cfg: store.Defaults(), state: reminders.Working, nextStand: t0.Add(time.Hour)}
	held.cfg.Behaviour.HeadsUp = time.Minute
	held.holder = newHolder([]desktop.Hold{activeHold{}}, time.Minute, 30*time.Second)
	if _, ok := held.headsUp(t0.Add(59 * time.Minute)); ok {
		t.Error("heads-up sent during a call")
	}
}

// Each hold can be switched off in the settings.
func TestDesktopHolds_Switches(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
	off := store.BehaviourPrefs{}
	if got := desktopHolds(off); len(got) != 0 {
		t.Errorf("all holds off: %d holds", len(got))
	}
	camera := off
	camera.HoldCamera = true
	mic := off
	mic.HoldMicrophone = true
	apps := off
	apps.PauseApps = []string{"zoom"}
	for name, b := range map[string]store.BehaviourPrefs{"camera": camera, "microphone": mic, "pause apps": apps} {
		want := 1
		if runtime.GOOS != "linux" && runtime.GOOS != "windows" && name != "pause apps" || runtime.GOOS != "linux" && name == "pause apps" {
			want = 0
		}
		if got := desktopHolds(b); len(got) != want {
			t.Errorf("%s only: %d holds, want %d", name, len(got), want)
		}
	}
	if holdPrefsOf(camera) == holdPrefsOf(mic) || holdPrefsOf(apps) == holdPrefsOf(off) {
		t.Error("holdPrefsOf does not tell different settings apart")
	}
}

// Idle time is asked for just when a break that started after the last
// answer could reach the natural-break length, and each such break is seen.
func TestIdlePollAfter(t *testing.T) {
	nb := 5 * time.Minute
	for _, tc := range []struct{ idle, want time.Duration }{
		{0, 5 * time.Minute},
		{2 * time.Minute, 3 * time.Minute},
		{4*time.Minute + 50*time.Second, idlePollMin},
		{5 * time.Minute, idlePollAway},
		{time.Hour, idlePollAway},
	} {
		if got := idlePollAfter(tc.idle, nb); got != tc.want {
			t.Errorf("idlePollAfter(%v) = %v, want %v", tc.idle, got, tc.want)
		}
	}
	// Simulate: the user types until `leave`, then is away for nb and the
	// shortest gap between polls (no poll comes sooner than that). Polling
	// as idlePollAfter says must see an idle time of at least nb.
	away := nb + idlePollMin
	for leave := time.Duration(0); leave < 12*time.Minute; leave += 7 * time.Second {
		seen := false
		for now := time.Duration(0); now < leave+away+time.Second; {
			idle := time.Duration(0)
			if now >= leave && now <= leave+away {
				idle = now - leave
			}
			if idle >= nb {
				seen = true
				break
			}
			now += idlePollAfter(idle, nb)
		}
		if !seen {
			t.Errorf("a %v break starting at %v was not seen", away, leave)
		}
	}
}

// fixedIdle is an IdleSource that always answers the same.
type fixedIdle time.Duration

func (fixedIdle) Name() string                   { return "test" }
func (f fixedIdle) Idle() (time.Duration, error) { return time.Duration(f), nil }

// A break that falls due at the very step that asks for idle time (or any
// step whose caller delivers nothing) is kept and delivered by the next
// step, not lost.
func TestPollIdle_KeepsWhatFellDue(t *testing.T) {
	t0 := time.Date(2026, 3, 30, 10, 0, 0, 0, time.UTC)
	s := reminders.DefaultSchedule()
	s.Location = time.UTC
	s.PostureEvery = 0 // the stand break alone
	for d := range s.Hours {
		s.Hours[d] = []reminders.Span{{Start: 0, End: 23*60 + 59}}
	}
	d := &daemon{cfg: store.Defaults(), state: reminders.Working, idle: fixedIdle(0)}
	d.cfg.Schedule = s
	d.engine = reminders.NewEngine(s, t0)
	d.pollIdle(t0.Add(s.StandEvery + time.Second))
	if len(d.held) != 1 || d.held[0].Kind != reminders.Stand {
		t.Fatalf("kept after the idle poll = %+v, want the stand break", d.held)
	}
	if got := d.release(t0.Add(s.StandEvery+2*time.Second), nil); len(got) != 1 {
		t.Errorf("released = %+v, want the stand break once", got)
	}
	if len(d.held) != 0 {
		t.Errorf("still kept after release: %+v", d.held)
	}
}

// Leaving for a natural break and coming back move the next stand break;
// the heads-up follows at once, and stays quiet while the user is away.
func TestHeadsUp_FollowsANaturalBreak(t *testing.T) {
	t0 := time.Date(2026, 3, 30, 10, 0, 0, 0, time.UTC)
	s := reminders.DefaultSchedule()
	s.Location, s.PostureEvery = time.UTC, 0
	for d := range s.Hours {
		s.Hours[d] = []reminders.Span{{Start: 0, End: 23*60 + 59}}
	}
	d := &daemon{cfg: store.Defaults(), idle: fixedIdle(0)}
	d.cfg.Schedule, d.cfg.Behaviour.HeadsUp = s, time.Minute
	d.engine = reminders.NewEngine(s, t0)
	d.engineStep(t0, reminders.Event{Type: reminders.Tick})
	d.showStatus(t0)
	if got, want := d.headsUpAt(), t0.Add(s.StandEvery-time.Minute); !got.Equal(want) {
		t.Fatalf("heads-up at %v, want %v", got, want)
	}

	d.idle = fixedIdle(s.NaturalBreak + time.Minute) // left at 10:10
	d.pollIdle(t0.Add(16 * time.Minute))
	if !d.away || !d.headsUpAt().IsZero() {
		t.Errorf("away: d.away = %v, heads-up at %v; want true and none", d.away, d.headsUpAt())
	}

	back := t0.Add(70 * time.Minute)
	d.idle = fixedIdle(0)
	d.nextIdlePoll = time.Time{}
	d.pollIdle(back)
	if got, want := d.headsUpAt(), back.Add(s.StandEvery-time.Minute); d.away || !got.Equal(want) {
		t.Errorf("back: away %v, heads-up at %v, want %v (timed from the return)", d.away, got, want)
	}
}

// closableHold counts how often it is closed.
type closableHold struct{ closed *int }

func (closableHold) Name() string          { return "test" }
func (closableHold) Active() (bool, error) { return false, nil }
func (h closableHold) Close() error        { *h.closed++; return nil }

// A holder replaced after the settings change closes its holds'
// connections, so saving the settings again and again leaks nothing.
func TestReplaceHolder_ClosesTheOld(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
	closed := 0
	d := &daemon{cfg: store.Defaults()}
	d.holder = newHolder([]desktop.Hold{closableHold{&closed}, activeHold{}}, time.Minute, 30*time.Second)
	d.replaceHolder()
	if closed != 1 {
		t.Errorf("old hold closed %d times, want 1", closed)
	}
	if d.holder == nil || len(d.holder.holds) == 0 {
		t.Error("no new holder")
	}
}

// A config file broken by hand leaves the last good settings in force
// (and, before any good read, the defaults); the file is not touched.
func TestLoadConfig_KeepsTheLastGoodSettings(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent") // the notice goes nowhere
	dir := t.TempDir()
	path := filepath.Join(dir, "config.toml")
	d := &daemon{paths: store.Paths{Config: path}}
	write := func(text string) {
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("[reminders]\nstand_every = \"nope\"\n")
	d.loadConfig(store.Limits{})
	if d.cfg.Schedule.StandEvery != store.Defaults().Schedule.StandEvery {
		t.Errorf("broken first read: stand_every %v, want the default", d.cfg.Schedule.StandEvery)
	}
	write("[reminders]\nstand_every = \"30m\"\n")
	d.loadConfig(store.Limits{})
	broken := "[reminders]\nstand_every = \"30m\"\nsnooze = \"forever\"\n"
	write(broken)
	d.loadConfig(store.Limits{})
	if d.cfg.Schedule.StandEvery != 30*time.Minute {
		t.Errorf("after a broken edit: stand_every %v, want the last good 30m", d.cfg.Schedule.StandEvery)
	}
	if got, _ := os.ReadFile(path); string(got) != broken {
		t.Errorf("the broken file was changed to %q", got)
	}
}
