package store

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Entry is one line of the history file.
type Entry struct {
	At       time.Time `json:"at"`
	Type     string    `json:"type"`               // "due", "outcome" or "crack"
	Kind     string    `json:"kind,omitempty"`     // stand, posture, water
	Exercise string    `json:"exercise,omitempty"` // stretch id
	Outcome  string    `json:"outcome,omitempty"`  // done, snoozed, skipped, hurt

	// The fields below belong to crack entries (Type "crack").
	Where  string `json:"where,omitempty"`  // lower, upper, neck
	Pain   *int   `json:"pain,omitempty"`   // 0 to 10; nil when not asked
	During string `json:"during,omitempty"` // sitting, standing-up, stretching, lifting, other
	Note   string `json:"note,omitempty"`   // the user's own words
}

// Entry types.
const (
	EntryDue     = "due"
	EntryOutcome = "outcome"
	EntryCrack   = "crack" // the user logged a back crack
)

// History is the append-only event log in history.jsonl. It is not safe for
// concurrent use; the resident process owns it.
type History struct {
	Path string
}

// Append adds e as one line and syncs the file, so an entry the user was told
// about survives a crash.
func (h History) Append(e Entry) error {
	line, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("encode history entry: %w", err)
	}
	line = append(line, '\n')
	if err := os.MkdirAll(filepath.Dir(h.Path), 0o700); err != nil {
		return fmt.Errorf("append to %s: %w", h.Path, err)
	}
	f, err := os.OpenFile(h.Path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("append to %s: %w", h.Path, err)
	}
	defer f.Close()
	size, torn, err := endsTorn(f)
	if err != nil {
		return fmt.Errorf("append to %s: %w", h.Path, err)
	}
	if torn {
		// A line cut short by a crash or a full disk: end it, so that it
		// costs only itself and not this entry too.
		line = append([]byte{'\n'}, line...)
	}
	if _, err := f.Write(line); err != nil {
		// Take back what part of the line got written.
		f.Truncate(size)
		return fmt.Errorf("append to %s: %w", h.Path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("append to %s: %w", h.Path, err)
	}
	return f.Close()
}

// endsTorn returns the size of f and whether its last byte is not a line
// break (a torn last line).
func endsTorn(f *os.File) (int64, bool, error) {
	st, err := f.Stat()
	if err != nil || st.Size() == 0 {
		return 0, false, err
	}
	last := make([]byte, 1)
	if _, err := f.ReadAt(last, st.Size()-1); err != nil {
		return st.Size(), false, err
	}
	return st.Size(), last[0] != '\n', nil
}

// ReadAll returns every entry in the file, oldest first. Lines that do not
// parse (such as a line torn by a crash) are skipped and counted in skipped;
// they never make the read fail. A missing file is an empty history.
func (h History) ReadAll() (entries []Entry, skipped int, err error) {
	data, err := os.ReadFile(h.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, 0, nil
	}
	if err != nil {
		return nil, 0, fmt.Errorf("read %s: %w", h.Path, err)
	}
	s := bufio.NewScanner(bytes.NewReader(data))
	s.Buffer(make([]byte, 0, 4096), 1<<20)
	for s.Scan() {
		line := bytes.TrimSpace(s.Bytes())
		if len(line) == 0 {
			continue
		}
		var e Entry
		if json.Unmarshal(line, &e) != nil || e.Type == "" {
			skipped++
			continue
		}
		entries = append(entries, e)
	}
	if err := s.Err(); err != nil {
		return entries, skipped, fmt.Errorf("read %s: %w", h.Path, err)
	}
	return entries, skipped, nil
}
