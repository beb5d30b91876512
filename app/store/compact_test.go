package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

const year = 365 * 24 * time.Hour

// twoYears writes a history of two years up to now: on each weekday a few
// stand breaks (due, then an outcome) and posture reminders, a crack now
// and then, and one entry of a type Limber does not know. It returns the
// lines it wrote.
func twoYears(t *testing.T, h History, now time.Time) [][]byte {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	outcomes := []string{"done", "done", "done", "snoozed", "skipped", "hurt"}
	var b bytes.Buffer
	add := func(e Entry) {
		line, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	for day := now.Add(-2 * year); day.Before(now); day = day.Add(24 * time.Hour) {
		if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		at := time.Date(day.Year(), day.Month(), day.Day(), 9, 0, 0, 0, time.UTC)
		for range 1 + rng.IntN(5) {
			at = at.Add(time.Duration(30+rng.IntN(60)) * time.Minute)
			add(Entry{At: at, Type: EntryDue, Kind: "stand"})
			add(Entry{At: at.Add(time.Minute), Type: EntryOutcome, Kind: "stand", Exercise: "neck-roll", Outcome: outcomes[rng.IntN(len(outcomes))]})
			add(Entry{At: at.Add(2 * time.Minute), Type: EntryDue, Kind: "posture"})
		}
		if rng.IntN(20) == 0 {
			pain := rng.IntN(11)
			add(Entry{At: at.Add(3 * time.Minute), Type: EntryCrack, Where: "neck", Pain: &pain, Note: "after a call"})
		}
	}
	b.WriteString(`{"at":"2024-06-03T10:00:00Z","type":"mood","kind":"happy"}` + "\n")
	if err := os.WriteFile(h.Path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return bytes.SplitAfter(b.Bytes(), []byte("\n"))
}

func TestCompact_TwoYears(t *testing.T) {
	now := time.Date(2026, 4, 15, 12, 0, 0, 0, time.UTC)
	cutoff := now.Add(-year)
	h := History{Path: filepath.Join(t.TempDir(), "history.jsonl")}
	lines := twoYears(t, h, now)
	before, _, err := h.ReadAll()
	if err != nil {
		t.Fatal(err)
	}

	removed, err := Compact(h, now, year)
	if err != nil {
		t.Fatalf("Compact: %v", err)
	}
	after, skipped, err := h.ReadAll()
	if err != nil || skipped != 0 {
		t.Fatalf("ReadAll after Compact = %d skipped, %v", skipped, err)
	}

	// Every old due and outcome entry is counted in exactly one summary.
	wantCounts, wantRemoved := map[string]map[string]int{}, 0
	for _, e := range before {
		if e.At.Before(cutoff) && (e.Type == EntryDue || e.Type == EntryOutcome) {
			month := e.At.Format("2006-01")
			if wantCounts[month] == nil {
				wantCounts[month] = map[string]int{}
			}
			wantCounts[month][countKey(e)]++
			wantRemoved++
		}
	}
	if removed != wantRemoved {
		t.Errorf("Compact removed %d, want %d", removed, wantRemoved)
	}
	gotCounts := map[string]map[string]int{}
	for _, e := range after {
		if e.Type != EntrySummary {
			continue
		}
		if gotCounts[e.Kind] != nil {
			t.Errorf("two summaries for %s", e.Kind)
		}
		c, err := SummaryCounts(e)
		if err != nil {
			t.Fatalf("SummaryCounts(%+v): %v", e, err)
		}
		gotCounts[e.Kind] = c
		if want := time.Date(e.At.Year(), e.At.Month(), 1, 0, 0, 0, 0, time.UTC); !e.At.Equal(want) || e.At.Format("2006-01") != e.Kind {
			t.Errorf("summary %s is at %v, want %v", e.Kind, e.At, want)
		}
	}
	if !reflect.DeepEqual(gotCounts, wantCounts) {
		t.Errorf("summary counts = %v\nwant %v", gotCounts, wantCounts)
	}
	if len(gotCounts) < 12 || len(gotCounts) > 13 {
		t.Errorf("%d monthly summaries, want 12 or 13", len(gotCounts))
	}

	// Everything else is there byte for byte, in order.
	var kept [][]byte
	for _, line := range lines {
		var e Entry
		if json.Unmarshal(line, &e) == nil && e.Type != "" && (!e.At.Before(cutoff) || (e.Type != EntryDue && e.Type != EntryOutcome)) {
			kept = append(kept, line)
		}
	}
	data, _ := os.ReadFile(h.Path)
	var rest [][]byte
	for _, line := range bytes.SplitAfter(data, []byte("\n")) {
		if len(line) > 0 && !bytes.Contains(line, []byte(`"type":"summary"`)) {
			rest = append(rest, line)
		}
	}
	if !reflect.DeepEqual(rest, kept) {
		t.Errorf("kept %d lines, want %d copied byte for byte", len(rest), len(kept))
	}
	if len(data) >= len(bytes.Join(lines, nil))/2 {
		t.Errorf("compacted file is %d bytes; want well under half of the %d before", len(data), len(bytes.Join(lines, nil)))
	}

	// Again: nothing to do, file untouched.
	st, _ := os.Stat(h.Path)
	if removed, err := Compact(h, now, year); removed != 0 || err != nil {
		t.Errorf("second Compact = %d, %v; want 0, nil", removed, err)
	}
	assertSameFile(t, h.Path, data, st)

	// A month later, the next month is folded into its summary.
	later := now.AddDate(0, 1, 0)
	removed, err = Compact(h, later, year)
	if err != nil || removed == 0 {
		t.Fatalf("Compact a month later = %d, %v; want some removed", removed, err)
	}
	final, _, _ := h.ReadAll()
	total := 0
	for _, e := range final {
		if e.Type == EntrySummary {
			c, _ := SummaryCounts(e)
			for _, n := range c {
				total += n
			}
		} else if e.Type == EntryDue || e.Type == EntryOutcome {
			if e.At.Before(later.Add(-year)) {
				t.Errorf("entry %+v older than a year left after Compact", e)
			}
			total++
		}
	}
	if all := countType(before, EntryDue) + countType(before, EntryOutcome); total != all {
		t.Errorf("after two compactions, summaries and entries count %d, want %d", total, all)
	}
}

func countType(entries []Entry, typ string) int {
	n := 0
	for _, e := range entries {
		if e.Type == typ {
			n++
		}
	}
	return n
}

func assertSameFile(t *testing.T, path string, data []byte, st os.FileInfo) {
	t.Helper()
	now, _ := os.ReadFile(path)
	st2, _ := os.Stat(path)
	if !bytes.Equal(now, data) || !os.SameFile(st, st2) || !st.ModTime().Equal(st2.ModTime()) {
		t.Errorf("file was rewritten; want it left alone")
	}
}

func TestCompact_NothingOldIsNoOp(t *testing.T) {
	now := time.Date(2026, 4, 15, 12, 0, 0, 0, time.UTC)
	h := History{Path: filepath.Join(t.TempDir(), "history.jsonl")}
	if removed, err := Compact(h, now, year); removed != 0 || err != nil {
		t.Errorf("Compact(no file) = %d, %v; want 0, nil", removed, err)
	}
	if _, err := Compact(h, now, 0); err == nil {
		t.Error("Compact(keep 0) = nil error, want one (it would fold everything)")
	}
	if _, err := os.Stat(h.Path); !os.IsNotExist(err) {
		t.Errorf("Compact(no file) made a file: %v", err)
	}
	for _, e := range []Entry{
		{At: now.Add(-time.Hour), Type: EntryDue, Kind: "stand"},
		{At: now.Add(-2 * year), Type: EntryCrack, Where: "neck"}, // old, but cracks stay
	} {
		if err := h.Append(e); err != nil {
			t.Fatal(err)
		}
	}
	f, _ := os.OpenFile(h.Path, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"at":"2020-01-01T00:00:00Z","ty`) // torn, but nothing to fold
	f.Close()
	data, _ := os.ReadFile(h.Path)
	st, _ := os.Stat(h.Path)
	if removed, err := Compact(h, now, year); removed != 0 || err != nil {
		t.Errorf("Compact(nothing old) = %d, %v; want 0, nil", removed, err)
	}
	assertSameFile(t, h.Path, data, st)
}

func TestCompact_DropsTornLines(t *testing.T) {
	now := time.Date(2026, 4, 15, 12, 0, 0, 0, time.UTC)
	h := History{Path: filepath.Join(t.TempDir(), "history.jsonl")}
	old := now.Add(-2 * year)
	text := fmt.Sprintf(`{"at":%q,"type":"due","kind":"stand"}
{"at":"2024-0
{"at":%q,"type":"outcome","kind":"stand","outcome":"done"}

not json at all
{"at":%q,"type":"due","kind":"water"}
{"at":%q,"type":"due","ki`, old.Format(time.RFC3339), old.Add(time.Hour).Format(time.RFC3339), now.Format(time.RFC3339Nano), now.Format(time.RFC3339))
	if err := os.WriteFile(h.Path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	removed, err := Compact(h, now, year)
	if err != nil || removed != 2 {
		t.Fatalf("Compact = %d, %v; want 2, nil", removed, err)
	}
	data, _ := os.ReadFile(h.Path)
	month := old.Format("2006-01")
	want := fmt.Sprintf(`{"at":"%s-01T00:00:00Z","type":"summary","kind":%q,"note":"due.stand=1 outcome.stand.done=1"}
{"at":%q,"type":"due","kind":"water"}
`, month, month, now.Format(time.RFC3339Nano))
	if string(data) != want {
		t.Errorf("compacted file =\n%s\nwant\n%s", data, want)
	}
}

func TestCompact_KeepsWhatIsAppendedMeanwhile(t *testing.T) {
	now := time.Date(2026, 4, 15, 12, 0, 0, 0, time.UTC)
	h := History{Path: filepath.Join(t.TempDir(), "history.jsonl")}
	if err := h.Append(Entry{At: now.Add(-2 * year), Type: EntryDue, Kind: "stand"}); err != nil {
		t.Fatal(err)
	}
	read, _ := os.ReadFile(h.Path)
	// Someone appends after Compact read the file.
	if err := h.Append(Entry{At: now, Type: EntryCrack, Where: "neck"}); err != nil {
		t.Fatal(err)
	}
	if removed, err := compactRead(h, read, now.Add(-year), time.UTC); removed != 1 || err != nil {
		t.Fatalf("compactRead = %d, %v; want 1, nil", removed, err)
	}
	got, skipped, err := h.ReadAll()
	if err != nil || skipped != 0 || len(got) != 2 || got[0].Type != EntrySummary || got[1].Type != EntryCrack {
		t.Errorf("after compaction with an append meanwhile, ReadAll = %+v, %d, %v; want the summary and the crack", got, skipped, err)
	}

	// A file that did more than grow is left alone.
	read, _ = os.ReadFile(h.Path)
	changed := []byte(fmt.Sprintf(`{"at":%q,"type":"due","kind":"posture"}`+"\n", now.Add(-2*year).Format(time.RFC3339)))
	if err := os.WriteFile(h.Path, changed, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := compactRead(h, append(read, changed...), now.Add(-year), time.UTC); err == nil {
		t.Error("compactRead of a file replaced meanwhile = nil error")
	}
	if data, _ := os.ReadFile(h.Path); !bytes.Equal(data, changed) {
		t.Errorf("file replaced meanwhile was rewritten to %q", data)
	}
}

func TestSummaryCounts_Errors(t *testing.T) {
	for _, e := range []Entry{
		{Type: EntryDue, Kind: "2025-03"},
		{Type: EntrySummary, Kind: "March", Note: "due.stand=1"},
		{Type: EntrySummary, Kind: "2025-03", Note: "due.stand=one"},
		{Type: EntrySummary, Kind: "2025-03", Note: "due.stand"},
		{Type: EntrySummary, Kind: "2025-03", Note: "due.stand=-1"},
	} {
		if c, err := SummaryCounts(e); err == nil {
			t.Errorf("SummaryCounts(%+v) = %v, nil; want an error", e, c)
		}
	}
	c, err := SummaryCounts(Entry{Type: EntrySummary, Kind: "2025-03", Note: " due.stand=2  outcome.stand.done=1 "})
	if err != nil || !reflect.DeepEqual(c, map[string]int{"due.stand": 2, "outcome.stand.done": 1}) {
		t.Errorf("SummaryCounts = %v, %v", c, err)
	}
}

func TestCompact_UnreadableSummaryIsKept(t *testing.T) {
	now := time.Date(2026, 4, 15, 12, 0, 0, 0, time.UTC)
	h := History{Path: filepath.Join(t.TempDir(), "history.jsonl")}
	odd := `{"at":"2020-03-01T00:00:00Z","type":"summary","kind":"2020-03","note":"from a newer Limber: {…}"}` + "\n"
	text := odd + fmt.Sprintf(`{"at":%q,"type":"due","kind":"stand"}`+"\n", now.Add(-2*year).Format(time.RFC3339))
	if err := os.WriteFile(h.Path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	if removed, err := Compact(h, now, year); removed != 1 || err != nil {
		t.Fatalf("Compact = %d, %v; want 1, nil", removed, err)
	}
	if data, _ := os.ReadFile(h.Path); !strings.HasPrefix(string(data), odd) {
		t.Errorf("summary Limber cannot read was not kept as it was:\n%s", data)
	}
}
