package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"
)

// EntrySummary is the Type of an entry that stands for a month of old due
// and outcome entries; Compact writes them. Its Kind is the month, as
// "2025-03" (in the time zone Compact was given), its At the first instant
// of that month, and its Note the counts, as SummaryCounts reads them.
const EntrySummary = "summary"

// summaryMonth is the layout of a summary's Kind.
const summaryMonth = "2006-01"

// Compact replaces the due and outcome entries of the history that are
// older than keep before now by one summary entry per month (see
// EntrySummary), and returns how many entries it folded into summaries.
//
// Everything else is copied byte for byte, in its place: newer entries,
// crack entries of any age (they hold the user's own words, and a log for a
// doctor should be whole), and entries of types this Limber does not know.
// Summaries already in the file are merged with the new counts of their
// month, so compacting again changes nothing. Lines that do not parse (a
// line torn by a crash) are dropped. The summary of a month sits where the
// first entry it stands for was.
//
// keep must be positive. When there is nothing to fold, Compact leaves the
// file alone; otherwise it replaces it with WriteFileAtomic. Lines appended
// while it worked are kept, but an append that lands between its last read
// and the rename is lost, so it is meant for the process that owns the
// history, before it starts appending.
func Compact(h History, now time.Time, keep time.Duration) (removed int, err error) {
	if keep <= 0 {
		return 0, fmt.Errorf("compact %s: keep %v: want a positive duration", h.Path, keep)
	}
	data, err := os.ReadFile(h.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("compact %s: %w", h.Path, err)
	}
	return compactRead(h, data, now.Add(-keep), now.Location())
}

// compactRead compacts the history, which held data when it was read.
func compactRead(h History, data []byte, cutoff time.Time, loc *time.Location) (int, error) {
	out, removed := compactLines(data, cutoff, loc)
	if removed == 0 {
		return 0, nil
	}
	// Keep what was appended meanwhile, as long as the file only grew.
	again, err := os.ReadFile(h.Path)
	if err != nil {
		return 0, fmt.Errorf("compact %s: %w", h.Path, err)
	}
	if !bytes.HasPrefix(again, data) {
		return 0, fmt.Errorf("compact %s: the file changed while it was being compacted", h.Path)
	}
	out = append(out, again[len(data):]...)
	if err := WriteFileAtomic(h.Path, out, 0o600); err != nil {
		return 0, fmt.Errorf("compact %s: %w", h.Path, err)
	}
	return removed, nil
}

// monthSummary is one summary being built.
type monthSummary struct {
	at     time.Time
	counts map[string]int
}

// compactLines returns the compacted file and how many entries it folded.
func compactLines(data []byte, cutoff time.Time, loc *time.Location) ([]byte, int) {
	lines := bytes.SplitAfter(data, []byte("\n"))
	months := map[string]*monthSummary{}
	slot := make([]string, len(lines)) // the month whose summary goes at line i
	keepLine := make([]bool, len(lines))
	removed := 0
	for i, raw := range lines {
		var e Entry
		if json.Unmarshal(bytes.TrimSpace(raw), &e) != nil || e.Type == "" {
			continue // blank or torn: dropped
		}
		month, counts, ok := foldable(e, cutoff, loc)
		if !ok {
			keepLine[i] = true
			continue
		}
		m := months[month]
		if m == nil {
			at, _ := time.ParseInLocation(summaryMonth, month, loc)
			m = &monthSummary{at: at, counts: map[string]int{}}
			months[month] = m
			slot[i] = month
		}
		for k, n := range counts {
			m.counts[k] += n
		}
		if e.Type != EntrySummary {
			removed++
		}
	}
	if removed == 0 {
		return nil, 0
	}
	var out bytes.Buffer
	for i, raw := range lines {
		switch {
		case slot[i] != "":
			out.Write(summaryLine(slot[i], months[slot[i]]))
		case keepLine[i]:
			out.Write(raw)
			if !bytes.HasSuffix(raw, []byte("\n")) {
				out.WriteByte('\n')
			}
		}
	}
	return out.Bytes(), removed
}

// foldable reports whether e goes into a summary, and if so the month and
// what it counts for.
func foldable(e Entry, cutoff time.Time, loc *time.Location) (month string, counts map[string]int, ok bool) {
	if !e.At.Before(cutoff) {
		return "", nil, false
	}
	switch e.Type {
	case EntryDue, EntryOutcome:
		return e.At.In(loc).Format(summaryMonth), map[string]int{countKey(e): 1}, true
	case EntrySummary:
		counts, err := SummaryCounts(e)
		if err != nil {
			return "", nil, false // not understood: kept as it is
		}
		return e.Kind, counts, true
	}
	return "", nil, false
}

// countKey names what an entry counts for in a summary: its type, kind and
// outcome joined by dots, as "due.stand" or "outcome.stand.done".
func countKey(e Entry) string {
	parts := []string{e.Type}
	for _, p := range []string{e.Kind, e.Outcome} {
		if p != "" {
			parts = append(parts, keyPart(p))
		}
	}
	return strings.Join(parts, ".")
}

// keyPart keeps a name usable in a "key=n" list: anything but letters,
// digits, - and _ becomes _.
func keyPart(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9') {
			return r
		}
		return '_'
	}, s)
}

func summaryLine(month string, m *monthSummary) []byte {
	keys := sortedKeys(m.counts)
	pairs := make([]string, len(keys))
	for i, k := range keys {
		pairs[i] = k + "=" + strconv.Itoa(m.counts[k])
	}
	line, err := json.Marshal(Entry{At: m.at, Type: EntrySummary, Kind: month, Note: strings.Join(pairs, " ")})
	if err != nil {
		// An Entry of strings and a time always encodes.
		panic(fmt.Sprintf("store: encode summary: %v", err))
	}
	return append(line, '\n')
}

// SummaryCounts returns the counts of a summary entry: its Note is a list
// of key=n separated by spaces, where a key is what countKey makes of the
// entries it stands for ("due.stand", "outcome.stand.done",
// "outcome.routine.skipped", …) and n how many there were.
func SummaryCounts(e Entry) (map[string]int, error) {
	if e.Type != EntrySummary {
		return nil, fmt.Errorf("entry of type %q is not a summary", e.Type)
	}
	if _, err := time.Parse(summaryMonth, e.Kind); err != nil {
		return nil, fmt.Errorf("summary month %q: want YYYY-MM", e.Kind)
	}
	counts := map[string]int{}
	for _, pair := range strings.Fields(e.Note) {
		k, v, ok := strings.Cut(pair, "=")
		n, err := strconv.Atoi(v)
		if !ok || k == "" || err != nil || n < 0 {
			return nil, fmt.Errorf("summary count %q: want key=n", pair)
		}
		counts[k] += n
	}
	return counts, nil
}
