package daemon

import (
	"context"
	"io"
	"log"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/limber-app/limber/app/desktop"
	"github.com/limber-app/limber/app/store"
	"github.com/limber-app/limber/reminders"
)

// Hold timing: a hold must have been clear for holdQuiet before a held
// reminder is shown (a call that ends is often followed by another), and
// the holds are asked at most every holdCheckEvery. The end-to-end tests
// shorten both through LIMBER_HOLD_QUIET (see holdTiming).
var holdQuiet, holdCheckEvery = holdTiming(os.Getenv("LIMBER_HOLD_QUIET"))

// holdTiming returns the quiet time after a hold and how often holds are
// asked: a minute and 30 s, or, when v is a Go duration shorter than a
// minute, v and a quarter of v. A user never needs this; it lets a test see
// a held reminder delivered within seconds, and tell the quiet time from
// the wait for the next check.
func holdTiming(v string) (quiet, checkEvery time.Duration) {
	quiet, checkEvery = time.Minute, 30*time.Second
	if v == "" {
		return quiet, checkEvery
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 || d >= quiet {
		log.Printf("LIMBER_HOLD_QUIET %q: want a Go duration shorter than %v, such as 2s; holds keep their usual timing", v, quiet)
		return quiet, checkEvery
	}
	return d, d / 4
}

// holdPrefs are the settings that choose the holds.
type holdPrefs struct {
	camera, microphone, doNotDisturb, fullscreen bool
	pauseApps                                    string // NUL-separated, to compare
}

func holdPrefsOf(b store.BehaviourPrefs) holdPrefs {
	return holdPrefs{
		camera: b.HoldCamera, microphone: b.HoldMicrophone,
		doNotDisturb: b.HoldDoNotDisturb, fullscreen: b.HoldFullscreen,
		pauseApps: strings.Join(b.PauseApps, "\x00"),
	}
}

// desktopHolds are the reasons to hold a reminder that this desktop can
// tell and the user has left on, most important first.
func desktopHolds(b store.BehaviourPrefs) []desktop.Hold {
	holds := desktop.CallHolds(b.HoldCamera, b.HoldMicrophone)
	if b.HoldDoNotDisturb {
		if conn, err := desktop.PrivateSessionBus(); err == nil {
			holds = append(holds, closingHold{desktop.DoNotDisturb(conn), conn})
		}
	}
	if runtime.GOOS == "linux" {
		if b.HoldFullscreen && os.Getenv("DISPLAY") != "" {
			holds = append(holds, desktop.FullscreenApp(""))
		}
		if len(b.PauseApps) > 0 {
			holds = append(holds, desktop.ProcessesRunning(b.PauseApps, "/proc"))
		}
	}
	return holds
}

// closingHold is a Hold with a connection of its own, closed with it.
type closingHold struct {
	desktop.Hold
	conn io.Closer
}

func (h closingHold) Close() error { return h.conn.Close() }

// replaceHolder puts a holder for the holds the settings choose in place of
// the current one, and closes the old one's connections.
func (d *daemon) replaceHolder() {
	old := d.holder
	d.holder = newHolder(desktopHolds(d.cfg.Behaviour), holdQuiet, holdCheckEvery)
	if old != nil {
		old.close()
	}
}

// release decides what to do with the reminders the engine has made due:
// it keeps them while a hold applies (never dropping one) and returns them
// when they may be shown.
func (d *daemon) release(now time.Time, due []reminders.Reminder) []reminders.Reminder {
	d.held = mergeHeld(d.held, due)
	if len(d.held) == 0 {
		return nil
	}
	if d.holder != nil {
		if held, why := d.holder.check(now); held {
			if d.heldWhy != why {
				log.Printf("holding %d reminder(s): %s", len(d.held), why)
			}
			d.heldWhy = why
			return nil
		}
	}
	out := d.held
	d.held, d.heldWhy = nil, ""
	return out
}

// keep holds on to reminders an engine step made due where its caller could
// not deliver them, so none is lost: the loop wakes at once while any are
// kept (see wait) and its next step releases them like any other.
func (d *daemon) keep(due []reminders.Reminder) {
	if len(due) > 0 {
		d.held = mergeHeld(d.held, due)
	}
}

// mergeHeld adds due to held, keeping one reminder per kind (and routine):
// a repeat of a held reminder replaces it.
func mergeHeld(held, due []reminders.Reminder) []reminders.Reminder {
	for _, r := range due {
		replaced := false
		for i, h := range held {
			if h.Kind == r.Kind && h.Routine == r.Routine {
				held[i], replaced = r, true
			}
		}
		if !replaced {
			held = append(held, r)
		}
	}
	return held
}

// watchSession starts listening for sleep and screen lock.
func (d *daemon) watchSession(ctx context.Context) {
	events, err := desktop.WatchSession(ctx)
	if err != nil {
		log.Printf("sleep and screen lock not watched: %v", err)
		return
	}
	d.session = events
}

// sessionEvent handles sleep and lock. A wake is checked at once (the
// engine treats the gap as a break). A lock as long as a natural break is
// a break: clocks restart at unlock; a short lock changes nothing.
func (d *daemon) sessionEvent(ev desktop.SessionEvent, ok bool) {
	if !ok {
		d.session = nil
		return
	}
	now := time.Now().Round(0)
	switch ev.Kind {
	case desktop.Woke:
		d.step(reminders.Event{Type: reminders.Tick})
	case desktop.Locked:
		d.lockedAt = now
	case desktop.Unlocked:
		if d.lockedAt.IsZero() {
			return
		}
		locked := now.Sub(d.lockedAt)
		d.lockedAt = time.Time{}
		if nb := d.cfg.Schedule.NaturalBreak; nb > 0 && locked >= nb {
			d.keep(d.engineStep(now, reminders.Event{Type: reminders.Idle, Idle: locked}))
			d.step(reminders.Event{Type: reminders.Idle, Idle: 0})
		}
	}
}
