package daemon

import (
	"time"

	"github.com/limber-app/limber/reminders"
)

// Status is what `limber status --json` prints.
type Status struct {
	State string     `json:"state"`
	Text  string     `json:"text"`
	Next  NextStatus `json:"next"`
	Due   string     `json:"due,omitempty"`
	Until *time.Time `json:"until,omitempty"`
	// UI says whether the window process is running.
	UI bool `json:"ui"`
	// Waiting names what holds due reminders back ("call in progress").
	Waiting string `json:"waiting,omitempty"`
}

// NextStatus is the next reminder in a Status.
type NextStatus struct {
	Kind string     `json:"kind,omitempty"`
	At   *time.Time `json:"at,omitempty"`
}

func newStatus(st reminders.Status, now time.Time, uiRunning bool) Status {
	s := Status{
		State: string(st.State),
		Text:  statusText(st, now),
		Due:   string(st.Due),
		UI:    uiRunning,
	}
	if !st.Next.At.IsZero() {
		at := st.Next.At.In(now.Location())
		s.Next = NextStatus{Kind: string(st.Next.Kind), At: &at}
	}
	if !st.Until.IsZero() {
		u := st.Until.In(now.Location())
		s.Until = &u
	}
	return s
}
