package daemon

import (
	"errors"
	"log"
	"time"

	"github.com/limber-app/limber/app/desktop"
	"github.com/limber-app/limber/app/notify"
	"github.com/limber-app/limber/app/store"
	"github.com/limber-app/limber/reminders"
)

// Idle time polling. While the user is at the keyboard Limber asks again
// just when a break that began right after this answer would reach the
// natural-break length, so every break of that length is seen, with as few
// wakes as that allows (each costs the Go runtime a few dozen context
// switches); never sooner than idlePollMin. While the user is away it asks
// every idlePollAway, to notice soon that they are back.
const (
	idlePollMin  = 30 * time.Second
	idlePollAway = time.Minute
)

// idlePollAfter returns how long after an answer of idle to ask again, for
// a natural break of nb.
func idlePollAfter(idle, nb time.Duration) time.Duration {
	if idle >= nb {
		return idlePollAway
	}
	return max(nb-idle, idlePollMin)
}

// connectDesktop finds the notification server (for break notifications
// with buttons) and an idle time source (for natural breaks). Either may be
// missing; Limber then falls back to plain notifications and no natural
// breaks.
func (d *daemon) connectDesktop() {
	if conn, err := desktop.PrivateSessionBus(); err != nil {
		log.Printf("notifications without buttons: %v", err)
	} else if n, err := notify.NewNotifier(conn); err != nil {
		conn.Close()
		log.Printf("notifications without buttons: %v", err)
	} else {
		d.notifier = n
	}
	// Without a session bus the X server or the OS may still tell.
	conn, err := desktop.PrivateSessionBus()
	if err != nil {
		log.Printf("idle time: %v", err)
	}
	src, err := desktop.FindIdleSource(conn)
	if err != nil {
		if conn != nil {
			conn.Close()
		}
		if !errors.Is(err, desktop.ErrNoIdleSource) {
			log.Printf("natural breaks off: %v", err)
		} else {
			log.Print("natural breaks off: no idle time source on this desktop")
		}
		return
	}
	log.Printf("idle time from %s", src.Name())
	if conn != nil && !desktop.OnBus(src) {
		conn.Close()
	}
	d.idle = src
}

// notifierActions is the channel of button presses, or nil when there is
// no Notifier (a nil channel never delivers, so the loop ignores it).
func (d *daemon) notifierActions() <-chan string {
	if d.notifier == nil {
		return nil
	}
	return d.notifier.Actions()
}

// pollIdleDue reports whether the loop must ask for idle time at its next
// wake: natural breaks are on, an idle source answers and reminders can fall
// due.
func (d *daemon) pollIdleDue() bool {
	return d.idle != nil && d.cfg.Schedule.NaturalBreak > 0 && (d.state == reminders.Working || d.state == reminders.Due)
}

// pollIdle tells the engine how long the user has been idle, when
// idlePollAfter says it is time and only while reminders can fall due.
func (d *daemon) pollIdle(now time.Time) {
	if d.idle == nil || d.cfg.Schedule.NaturalBreak == 0 || now.Before(d.nextIdlePoll.Add(-time.Second)) {
		return
	}
	switch d.state {
	case reminders.Paused, reminders.OffHours:
		return
	}
	idle, err := d.idle.Idle()
	if err != nil {
		log.Printf("idle time: %v; natural breaks off", err)
		d.idle = nil
		return
	}
	d.nextIdlePoll = now.Add(idlePollAfter(idle, d.cfg.Schedule.NaturalBreak))
	wake := d.wake
	d.keep(d.engineStep(now, reminders.Event{Type: reminders.Idle, Idle: idle}))
	// Leaving for a break or coming back moves the engine's next wake: the
	// tray, and the heads-up's idea of the next break, follow at once.
	if !d.wake.Equal(wake) {
		d.showStatus(now)
	}
}

// sendBreak shows the stand-break notification, with buttons where the
// server has them.
func (d *daemon) sendBreak(title, body string) {
	if d.notifier != nil {
		d.notifier.SetSound(d.cfg.Behaviour.Sound)
		d.notifier.SetSnooze(d.cfg.Schedule.Snooze)
		if err := d.notifier.SendBreak(title, body); err == nil {
			return
		} else {
			log.Print(err)
		}
	}
	d.notify(title, body)
}

// notificationAction handles a button pressed on a break notification.
func (d *daemon) notificationAction(a string, ok bool) {
	if !ok {
		log.Print("notification server connection lost; notifications without buttons from now on")
		d.notifier = nil
		return
	}
	now := time.Now().Round(0)
	switch a {
	case notify.ActionStart:
		d.openCard(d.suggest(now), string(reminders.Stand), true)
	case notify.ActionSnooze:
		d.answer(now, reminders.Stand, "", reminders.Snoozed)
	case notify.ActionSkip:
		d.answer(now, reminders.Stand, "", reminders.Skipped)
	}
}

// answer records the user's answer to a break and tells the engine.
func (d *daemon) answer(now time.Time, kind reminders.Kind, exercise string, o reminders.Outcome) {
	d.record(store.Entry{At: now, Type: store.EntryOutcome, Kind: string(kind), Exercise: exercise, Outcome: string(o)})
	if kind == reminders.Stand {
		d.cardWaiting = nil // answered before its card opened
	}
	if o == reminders.Snoozed {
		d.snoozed = true
	} else {
		d.snoozed = false
	}
	if o == reminders.Hurt && exercise != "" {
		if d.recent.Hurt == nil {
			d.recent.Hurt = map[string]time.Time{}
		}
		d.recent.Hurt[exercise] = now
	}
	d.step(reminders.Event{Type: reminders.Respond, Kind: kind, Outcome: o})
}
