package daemon

import (
	"io"
	"log"
	"time"

	"github.com/limber-app/limber/app/desktop"
)

// holder decides whether a due reminder may be shown now. It is not safe for
// concurrent use.
//
// It consults its holds at most once per checkEvery and in between answers
// from what it saw then. A reminder is held while a hold was active at the
// last consultation, and, once all are clear, until quietFor has passed
// since the last consultation at which one was active: the user gets a
// quiet minute after hanging up. (The hold may have ended up to checkEvery
// before it was last seen active.)
type holder struct {
	holds      []desktop.Hold
	quietFor   time.Duration
	checkEvery time.Duration
	// logf reports a hold whose check fails; such a hold counts as not
	// active. A hold that keeps failing with the same error is reported
	// once. It is log.Printf unless a test sets it.
	logf func(format string, args ...any)

	checked    time.Time // the last consultation; zero: none yet
	activeNow  bool      // a hold was active at the last consultation
	lastActive time.Time // the last consultation at which a hold was active; zero: none yet
	why        string    // the Name of the first hold active at lastActive
	lastErrs   []string  // per hold, the error it last reported; "": none
}

// newHolder returns a holder for holds. A reminder held by one of them is
// let through once none has been seen active for quietFor; holds are
// consulted at most once per checkEvery.
func newHolder(holds []desktop.Hold, quietFor, checkEvery time.Duration) *holder {
	return &holder{
		holds:      holds,
		quietFor:   quietFor,
		checkEvery: checkEvery,
		logf:       log.Printf,
		lastErrs:   make([]string, len(holds)),
	}
}

// close closes the holds that keep a connection open (io.Closer).
func (h *holder) close() {
	for _, hold := range h.holds {
		if c, ok := hold.(io.Closer); ok {
			if err := c.Close(); err != nil {
				h.logf("close %s: %v", hold.Name(), err)
			}
		}
	}
}

// check reports whether a reminder due now must wait, and why: the Name of
// the first hold that was active, for the tray's "Waiting: <why>". It
// consults the holds when checkEvery has passed since it last did, or when
// the clock has been set back since; otherwise it answers from what it saw
// then.
func (h *holder) check(now time.Time) (held bool, why string) {
	if h.checked.IsZero() || now.Before(h.checked) || !now.Before(h.checked.Add(h.checkEvery)) {
		h.consult(now)
	}
	return h.answer(now)
}

// nextCheck returns when the caller should call check again while a
// reminder is held: when the holds may next be consulted, and, while the
// quiet time after a hold runs, not before it ends. When nothing holds the
// reminder back, or the clock has been set back, it is now.
func (h *holder) nextCheck(now time.Time) time.Time {
	if held, _ := h.answer(now); !held || now.Before(h.checked) {
		return now
	}
	next := h.checked.Add(h.checkEvery)
	if quietEnd := h.lastActive.Add(h.quietFor); !h.activeNow && quietEnd.After(next) {
		next = quietEnd
	}
	if next.Before(now) {
		return now
	}
	return next
}

// answer is check's answer from the last consultation.
func (h *holder) answer(now time.Time) (bool, string) {
	if h.activeNow || (!h.lastActive.IsZero() && now.Before(h.lastActive.Add(h.quietFor))) {
		return true, h.why
	}
	return false, ""
}

// consult asks the holds in order whether they are active, up to the first
// that is.
func (h *holder) consult(now time.Time) {
	h.checked, h.activeNow = now, false
	if h.lastActive.After(now) {
		// The clock was set back: count the quiet time from now.
		h.lastActive = now
	}
	for i, hold := range h.holds {
		active, err := hold.Active()
		h.report(i, hold, err)
		if active && err == nil {
			h.activeNow, h.lastActive, h.why = true, now, hold.Name()
			return
		}
	}
}

// report logs err, the result of hold i's check, unless it is nil or the
// error the hold reported last time.
func (h *holder) report(i int, hold desktop.Hold, err error) {
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	if msg != "" && msg != h.lastErrs[i] {
		h.logf("cannot tell whether to hold reminders back (%s): %v", hold.Name(), err)
	}
	h.lastErrs[i] = msg
}
