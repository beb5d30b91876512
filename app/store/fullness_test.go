//go:build linux

package store

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// These tests check that Limber's files survive a folder it cannot write
// and a full disk. Where the real thing can be set up (a read-only or tiny
// tmpfs, which needs root and a working mount), they use it; a simulated
// variant always runs as well, and t.Log says which ran.

// mountTmpfs mounts a tmpfs with the given options on a new temporary
// folder and returns the folder, or "" when it cannot (not root, or mount
// not allowed here). It unmounts when the test ends.
func mountTmpfs(t *testing.T, opts string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Logf("not root: no tmpfs (mount -o %s)", opts)
		return ""
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Logf("mount -t tmpfs -o %s failed, so no tmpfs: %v %s", opts, err, bytes.TrimSpace(out))
		return ""
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", dir, err, out)
		}
	})
	return dir
}

// oldConfig writes the config file a save is to replace and returns its
// content and hash.
func oldConfig(t *testing.T, path string) ([]byte, [32]byte) {
	t.Helper()
	old := []byte(DefaultConfigText + "# the user's own note\n")
	if err := os.WriteFile(path, old, 0o600); err != nil {
		t.Fatal(err)
	}
	hash, err := HashFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return old, hash
}

// changedConfig is a config different from the defaults, to save.
func changedConfig() Config {
	cfg := Defaults()
	cfg.Schedule.StandEvery = time.Hour
	return cfg
}

// assertSaveFailed checks that SaveConfig failed with an error that names
// the file and wraps one of causes, and that the folder holds the old file
// as it was and nothing else.
func assertSaveFailed(t *testing.T, err error, path string, old []byte, causes ...error) {
	t.Helper()
	if err == nil {
		t.Fatal("SaveConfig = nil error, want one")
	}
	if !strings.Contains(err.Error(), path) || !slicesContainsIs(err, causes) {
		t.Errorf("SaveConfig error = %q, want one naming %s and wrapping one of %v", err, path, causes)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, old) {
		t.Errorf("config.toml changed to %d bytes; want the old %d bytes intact", len(now), len(old))
	}
	if files, _ := os.ReadDir(filepath.Dir(path)); len(files) != 1 {
		names := make([]string, len(files))
		for i, f := range files {
			names[i] = f.Name()
		}
		t.Errorf("folder holds %v after the failed save, want only config.toml", names)
	}
}

func slicesContainsIs(err error, causes []error) bool {
	for _, c := range causes {
		if errors.Is(err, c) {
			return true
		}
	}
	return false
}

func TestSaveConfig_ReadOnlyFolder(t *testing.T) {
	ran := false
	if os.Geteuid() != 0 {
		t.Run("chmod 0500", func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "config.toml")
			old, hash := oldConfig(t, path)
			if err := os.Chmod(dir, 0o500); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(dir, 0o700) })
			assertSaveFailed(t, SaveConfig(path, changedConfig(), hash), path, old, fs.ErrPermission)
		})
		ran = true
	}
	if dir := mountTmpfs(t, "size=64k,mode=0700"); dir != "" {
		t.Run("read-only tmpfs", func(t *testing.T) {
			path := filepath.Join(dir, "config.toml")
			old, hash := oldConfig(t, path)
			if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
				t.Fatalf("remount read-only: %v %s", err, out)
			}
			assertSaveFailed(t, SaveConfig(path, changedConfig(), hash), path, old, syscall.EROFS)
		})
		ran = true
	}
	// Always: the folder cannot be made because a file is in the way, which
	// stops root too.
	t.Run("folder is a file", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "limber")
		if err := os.WriteFile(file, []byte("not a folder"), 0o600); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(file, "config.toml")
		err := SaveConfig(path, changedConfig(), [32]byte{})
		if err == nil || !strings.Contains(err.Error(), path) || !errors.Is(err, syscall.ENOTDIR) {
			t.Errorf("SaveConfig under a file = %v, want an error naming %s and wrapping ENOTDIR", err, path)
		}
		if data, _ := os.ReadFile(file); string(data) != "not a folder" {
			t.Errorf("file in the way changed to %q", data)
		}
	})
	if !ran {
		t.Log("ran only the simulated variant (folder is a file): root with no working mount")
	}
}

// fillDisk writes a file in dir until the disk is full.
func fillDisk(t *testing.T, dir string) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := make([]byte, 512)
	for {
		if _, err := f.Write(block); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("filling the disk: %v, want ENOSPC", err)
			}
			return
		}
	}
}

func TestSaveConfig_FullDisk(t *testing.T) {
	if dir := mountTmpfs(t, "size=16k,mode=0700"); dir != "" {
		t.Run("full tmpfs", func(t *testing.T) {
			conf := filepath.Join(dir, "conf")
			if err := os.Mkdir(conf, 0o700); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(conf, "config.toml")
			old, hash := oldConfig(t, path)
			h := History{Path: filepath.Join(dir, "state", "history.jsonl")}
			appendEntries(t, h, 3)
			fillDisk(t, dir)
			assertSaveFailed(t, SaveConfig(path, changedConfig(), hash), path, old, syscall.ENOSPC)
			assertAppendFails(t, h, syscall.ENOSPC)
			if err := os.Remove(filepath.Join(dir, "filler")); err != nil {
				t.Fatal(err)
			}
			assertRecovers(t, h, path, hash)
		})
	} else {
		t.Log("no tmpfs: running only the simulated full disk (RLIMIT_FSIZE)")
	}
	t.Run("file size limit", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "config.toml")
		old, hash := oldConfig(t, path)
		h := History{Path: filepath.Join(t.TempDir(), "history.jsonl")}
		appendEntries(t, h, 3)
		st, err := os.Stat(h.Path)
		if err != nil {
			t.Fatal(err)
		}
		// Writes past the limit fail with EFBIG, as they would with ENOSPC
		// on a full disk. Go ignores the SIGXFSZ that comes with them.
		var saveErr, appendErr error
		withFileSizeLimit(t, uint64(st.Size())+100, func() {
			saveErr = SaveConfig(path, changedConfig(), hash)
			appendErr = h.Append(Entry{At: time.Now(), Type: EntryCrack, Note: strings.Repeat("x", 500)})
		})
		assertSaveFailed(t, saveErr, path, old, syscall.EFBIG)
		if appendErr == nil || !errors.Is(appendErr, syscall.EFBIG) || !strings.Contains(appendErr.Error(), h.Path) {
			t.Errorf("Append past the file size limit = %v, want an error naming %s and wrapping EFBIG", appendErr, h.Path)
		}
		checkHistoryAfterFailedAppend(t, h, 3)
		assertRecovers(t, h, path, hash)
	})
}

// withFileSizeLimit runs f with RLIMIT_FSIZE lowered to limit bytes. Keep f
// short and quiet: the limit is the whole test process's.
func withFileSizeLimit(t *testing.T, limit uint64, f func()) {
	t.Helper()
	var was syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &was); err != nil {
		t.Fatal(err)
	}
	low := was
	low.Cur = limit
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &low); err != nil {
		t.Fatalf("lower RLIMIT_FSIZE: %v", err)
	}
	defer func() {
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &was); err != nil {
			t.Fatalf("restore RLIMIT_FSIZE: %v", err)
		}
	}()
	f()
}

func appendEntries(t *testing.T, h History, n int) {
	t.Helper()
	for i := range n {
		if err := h.Append(Entry{At: time.Date(2026, 3, 30, 9, i, 0, 0, time.UTC), Type: EntryDue, Kind: "stand"}); err != nil {
			t.Fatal(err)
		}
	}
}

// assertAppendFails checks that Append on a full disk fails, both for a
// new history file and for one with room left in its last block but not
// enough for the entry.
func assertAppendFails(t *testing.T, h History, cause error) {
	t.Helper()
	fresh := History{Path: filepath.Join(filepath.Dir(h.Path), "new.jsonl")}
	if err := fresh.Append(Entry{At: time.Now(), Type: EntryDue, Kind: "stand"}); err == nil || !errors.Is(err, cause) {
		t.Errorf("Append to a new file on a full disk = %v, want %v", err, cause)
	}
	os.Remove(fresh.Path)
	long := Entry{At: time.Now(), Type: EntryCrack, Note: strings.Repeat("x", 8<<10)}
	if err := h.Append(long); err == nil || !errors.Is(err, cause) || !strings.Contains(err.Error(), h.Path) {
		t.Errorf("Append on a full disk = %v, want an error naming %s and wrapping %v", err, h.Path, cause)
	}
	checkHistoryAfterFailedAppend(t, h, 3)
}

// checkHistoryAfterFailedAppend checks that the n entries before a failed
// Append still read back. The failed entry may have been written in part;
// ReadAll then skips it as a torn line.
func checkHistoryAfterFailedAppend(t *testing.T, h History, n int) {
	t.Helper()
	got, skipped, err := h.ReadAll()
	if err != nil || len(got) != n || skipped > 1 {
		t.Errorf("ReadAll after a failed Append = %d entries, %d skipped, %v; want %d, at most 1, nil", len(got), skipped, err, n)
	}
	if skipped == 1 {
		t.Log("the failed Append left a torn last line (skipped by ReadAll)")
	}
}

// assertRecovers checks that once there is room again, a save and an
// append work, and the appended entry reads back.
func assertRecovers(t *testing.T, h History, path string, hash [32]byte) {
	t.Helper()
	if err := SaveConfig(path, changedConfig(), hash); err != nil {
		t.Errorf("SaveConfig with room again: %v", err)
	}
	if cfg, _, err := LoadConfig(path, Limits{}); err != nil || cfg.Schedule.StandEvery != time.Hour {
		t.Errorf("saved config loads as %v, %v; want stand_every 1h", cfg.Schedule.StandEvery, err)
	}
	mark := Entry{At: time.Date(2026, 3, 31, 8, 0, 0, 0, time.UTC), Type: EntryDue, Kind: "water"}
	if err := h.Append(mark); err != nil {
		t.Fatalf("Append with room again: %v", err)
	}
	got, skipped, err := h.ReadAll()
	if err != nil || len(got) == 0 || got[len(got)-1].Kind != "water" {
		t.Errorf("the entry appended after a failed Append does not read back (%d entries, %d skipped, %v)",
			len(got), skipped, err)
	}
}
