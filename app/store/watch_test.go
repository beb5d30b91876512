package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestWatch_SeesAtomicReplaceAndInPlaceWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(path, []byte("version = 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	changed, stop, err := Watch(path)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	wait := func(what string) {
		t.Helper()
		select {
		case <-changed:
		case <-time.After(5 * time.Second):
			t.Fatalf("no change reported after %s", what)
		}
	}
	if err := WriteFileAtomic(path, []byte("version = 1\n# a\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	wait("an atomic replace")
	drain(changed)
	if err := os.WriteFile(path, []byte("version = 1\n# b\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	wait("a write in place")
	drain(changed)
	if err := os.WriteFile(filepath.Join(dir, "other.toml"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	select {
	case <-changed:
		t.Error("a change to another file in the folder was reported")
	case <-time.After(300 * time.Millisecond):
	}
}

func drain(ch <-chan struct{}) {
	for {
		select {
		case <-ch:
		case <-time.After(200 * time.Millisecond):
			return
		}
	}
}
