package daemon

import (
	"log"
	"time"

	"github.com/limber-app/limber/app/uiproto"
)

// A card that opens by itself waits for a pause in the user's typing: idle
// for typingPause, checked every typingCheck, for at most typingWaitMax.
const (
	typingPause   = 3 * time.Second
	typingCheck   = time.Second
	typingWaitMax = 2 * time.Minute
)

// pendingCard is an auto-opened card waiting for a pause in typing.
type pendingCard struct {
	cmd   uiproto.Command
	since time.Time
}

// openCardAtPause opens the card now when Limber cannot tell whether the
// user is typing, and otherwise keeps it until they pause.
func (d *daemon) openCardAtPause(now time.Time, cmd uiproto.Command) {
	if d.idle == nil || !d.cfg.Behaviour.TypingPause {
		d.sendCard(cmd)
		return
	}
	d.cardWaiting = &pendingCard{cmd: cmd, since: now}
	d.checkTypingPause(now)
}

// checkTypingPause opens the waiting card once the user has paused, or
// once it has waited typingWaitMax.
func (d *daemon) checkTypingPause(now time.Time) {
	p := d.cardWaiting
	if p == nil {
		return
	}
	idle, err := d.idle.Idle()
	if err != nil {
		log.Printf("idle time: %v; opening the card now", err)
	}
	if err != nil || idle >= typingPause || now.Sub(p.since) >= typingWaitMax {
		d.cardWaiting = nil
		d.sendCard(p.cmd)
	}
}
