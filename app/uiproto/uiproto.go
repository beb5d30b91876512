// Package uiproto is the line protocol between the resident limber process and
// its window process limber-ui: one JSON object per line, commands on
// limber-ui's standard input and events on its standard output.
package uiproto

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sync"
)

// Operations that limber sends to limber-ui.
const (
	// OpCard opens (or reuses) the stretch card window.
	OpCard = "card"
	// OpRoutine plays a routine (Command.Routine) card after card.
	OpRoutine = "routine"
	// OpSafety opens the "Safety & when to see someone" window.
	OpSafety = "safety"
	// OpSettings opens the settings window.
	OpSettings = "settings"
	// OpCrack opens the "Log a back crack" dialog.
	OpCrack = "crack"
	// OpStats opens the statistics window.
	OpStats = "stats"
	// OpQuit closes every window and ends limber-ui.
	OpQuit = "quit"
)

// Operations that limber-ui sends back to limber.
const (
	// OpReady is sent once, when limber-ui can take commands.
	OpReady = "ready"
	// OpShown is sent when a window has been put on screen.
	OpShown = "shown"
	// OpOutcome reports how the user answered a card.
	OpOutcome = "outcome"
	// OpClosed reports that a card was closed without an answer.
	OpClosed = "closed"
	// OpSaved reports that the settings window wrote config.toml, so limber
	// should read it again.
	OpSaved = "saved"
	// OpExit is sent just before limber-ui ends by itself.
	OpExit = "exit"
)

// MaxLine is the longest line either side accepts.
const MaxLine = 64 << 10

// Command is a request from limber to limber-ui.
type Command struct {
	Op string `json:"op"`
	// Exercises lists stretch ids for a card, best first: the card shows the
	// first and "Another" moves through the rest.
	Exercises []string `json:"exercises,omitempty"`
	// Kind is the reminder kind that caused the card ("stand"), or empty when
	// the user asked for it.
	Kind string `json:"kind,omitempty"`
	// Focus is true when the user asked for the window, so it may take focus.
	Focus bool `json:"focus,omitempty"`
	// Strict hides Skip and allows a single snooze.
	Strict bool `json:"strict,omitempty"`
	// NoSnooze hides Snooze (strict mode, after the one snooze allowed).
	NoSnooze bool `json:"no_snooze,omitempty"`
	// SnoozeSeconds is how long Snooze puts the break off, for its label;
	// 0 means the default, 5 minutes.
	SnoozeSeconds int `json:"snooze_seconds,omitempty"`
	// Routine is the routine id for OpRoutine.
	Routine string `json:"routine,omitempty"`
}

// Event is a message from limber-ui to limber.
type Event struct {
	Op string `json:"op"`
	// Window is the window title, for OpShown.
	Window string `json:"window,omitempty"`
	// Exercise is the stretch id the event is about.
	Exercise string `json:"exercise,omitempty"`
	// Kind echoes Command.Kind.
	Kind string `json:"kind,omitempty"`
	// Outcome is done, snoozed, skipped or hurt, for OpOutcome.
	Outcome string `json:"outcome,omitempty"`
}

// Writer writes values as JSON lines. It is safe for concurrent use.
type Writer struct {
	mu sync.Mutex
	w  io.Writer
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write writes v as one line.
func (w *Writer) Write(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %T: %w", v, err)
	}
	b = append(b, '\n')
	w.mu.Lock()
	defer w.mu.Unlock()
	_, err = w.w.Write(b)
	return err
}

// Reader reads JSON lines.
type Reader struct {
	s *bufio.Scanner
}

// NewReader returns a Reader over r.
func NewReader(r io.Reader) *Reader {
	s := bufio.NewScanner(r)
	s.Buffer(make([]byte, 0, 4096), MaxLine)
	return &Reader{s: s}
}

// Read decodes the next line into v. It returns io.EOF at the end of input;
// a line that is not valid JSON gives an error, and the next Read goes on
// with the following line.
func (r *Reader) Read(v any) error {
	for r.s.Scan() {
		line := r.s.Bytes()
		if len(line) == 0 {
			continue
		}
		if err := json.Unmarshal(line, v); err != nil {
			return fmt.Errorf("bad line %q: %w", truncate(line), err)
		}
		return nil
	}
	if err := r.s.Err(); err != nil {
		return err
	}
	return io.EOF
}

func truncate(b []byte) string {
	if len(b) > 80 {
		return string(b[:80]) + "…"
	}
	return string(b)
}
