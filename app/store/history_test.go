package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestHistory_AppendAndRead(t *testing.T) {
	h := History{Path: filepath.Join(t.TempDir(), "limber", "history.jsonl")}
	at := time.Date(2026, 3, 30, 9, 45, 0, 0, time.UTC)
	want := []Entry{
		{At: at, Type: EntryDue, Kind: "stand"},
		{At: at.Add(time.Minute), Type: EntryOutcome, Kind: "stand", Exercise: "neck-roll", Outcome: "done"},
	}
	for _, e := range want {
		if err := h.Append(e); err != nil {
			t.Fatalf("Append: %v", err)
		}
	}
	got, skipped, err := h.ReadAll()
	if err != nil || skipped != 0 {
		t.Fatalf("ReadAll = %v, %d, %v", got, skipped, err)
	}
	if len(got) != len(want) {
		t.Fatalf("ReadAll gave %d entries, want %d", len(got), len(want))
	}
	for i := range want {
		if !got[i].At.Equal(want[i].At) || got[i].Outcome != want[i].Outcome || got[i].Type != want[i].Type {
			t.Errorf("entry %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestHistory_TornLastLineIsSkipped(t *testing.T) {
	h := History{Path: filepath.Join(t.TempDir(), "history.jsonl")}
	if err := h.Append(Entry{At: time.Now(), Type: EntryDue, Kind: "stand"}); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(h.Path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"at":"2026-03-30T09:45:00Z","type":"outc`)
	f.Close()
	got, skipped, err := h.ReadAll()
	if err != nil {
		t.Fatalf("ReadAll: %v", err)
	}
	if len(got) != 1 || skipped != 1 {
		t.Errorf("ReadAll = %d entries, %d skipped; want 1, 1", len(got), skipped)
	}
}

func TestWriteFileAtomic_ReplacesWholeFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.toml")
	if err := WriteFileAtomic(path, []byte("first, and longer"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, []byte("second"), 0o600); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if string(b) != "second" {
		t.Errorf("content = %q, want %q", b, "second")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("directory has %d files, want 1 (no temp files left)", len(entries))
	}
}

func TestHistory_CrackFields(t *testing.T) {
	h := History{Path: filepath.Join(t.TempDir(), "history.jsonl")}
	zero := 0
	at := time.Date(2026, 3, 30, 9, 45, 0, 0, time.UTC)
	for _, e := range []Entry{
		{At: at, Type: EntryCrack, Where: "neck", Pain: &zero, During: "sitting", Note: "after a call"},
		{At: at, Type: EntryCrack},
	} {
		if err := h.Append(e); err != nil {
			t.Fatal(err)
		}
	}
	got, _, err := h.ReadAll()
	if err != nil || len(got) != 2 {
		t.Fatalf("ReadAll = %+v, %v", got, err)
	}
	if e := got[0]; e.Pain == nil || *e.Pain != 0 || e.Where != "neck" || e.During != "sitting" || e.Note != "after a call" {
		t.Errorf("crack with pain 0 read back as %+v", e)
	}
	if got[1].Pain != nil {
		t.Errorf("crack without pain read back with pain %d", *got[1].Pain)
	}
}

func TestHistory_AppendAfterTornLineKeepsTheNewEntry(t *testing.T) {
	h := History{Path: filepath.Join(t.TempDir(), "history.jsonl")}
	if err := os.WriteFile(h.Path, []byte(`{"at":"2026-03-30T09:00:00Z","type":"due","kind":"stand"}`+"\n"+`{"at":"2026-03-30T09:4`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := h.Append(Entry{At: time.Now(), Type: EntryDue, Kind: "water"}); err != nil {
		t.Fatal(err)
	}
	got, skipped, err := h.ReadAll()
	if err != nil || len(got) != 2 || skipped != 1 || got[1].Kind != "water" {
		t.Errorf("ReadAll = %d entries (%+v), %d skipped, %v; want the first and the new one, the torn one skipped", len(got), got, skipped, err)
	}
}
