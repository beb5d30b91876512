//go:build unix

package store

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The crash tests run this test binary again as a child that saves in a
// loop (TestCrashChild), kill it with SIGKILL a few milliseconds into its
// work, and check the file it was writing. The child prints the number of
// each save once the save has returned, so the parent knows what must be on
// disk.
const (
	crashChildEnv = "LIMBER_CRASH_CHILD" // "config" or "history"
	crashPathEnv  = "LIMBER_CRASH_PATH"
	crashStartEnv = "LIMBER_CRASH_START" // number of the first save
	crashSaves    = 1000                 // saves per test, over all children
	crashBudget   = 10 * time.Second     // per test, in case the disk is slow
	crashMinSaves = 100                  // fewer in the budget proves too little
)

// TestCrashChild is the child process of the crash tests; run by itself it
// does nothing.
func TestCrashChild(t *testing.T) {
	mode := os.Getenv(crashChildEnv)
	if mode == "" {
		t.Skip("helper process for TestCrash_*; runs only when they start it")
	}
	path := os.Getenv(crashPathEnv)
	start, err := strconv.Atoi(os.Getenv(crashStartEnv))
	if err != nil {
		t.Fatal(err)
	}
	h := History{Path: path}
	for i := start; ; i++ {
		switch mode {
		case "config":
			err = WriteFileAtomic(path, crashConfig(i), 0o600)
		case "history":
			err = h.Append(crashEntry(i))
		default:
			t.Fatalf("%s=%q: want config or history", crashChildEnv, mode)
		}
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(os.Stdout, "%d\n", i)
	}
}

// crashConfig is the config file of save n: the default text with the
// number of the save and up to a few kilobytes of comments, so that
// successive saves differ in length.
func crashConfig(n int) []byte {
	pad := strings.Repeat("# padding padding padding padding padding padding padding\n", n*7%60)
	return fmt.Appendf(nil, "%s# save %d\n%s", DefaultConfigText, n, pad)
}

var saveNumber = regexp.MustCompile(`(?m)^# save (\d+)$`)

func crashEntry(n int) Entry {
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Second)
	return Entry{At: at, Type: EntryOutcome, Kind: "stand", Outcome: "done", Note: strconv.Itoa(n) + strings.Repeat(" ", n*13%200)}
}

// runCrashChild starts a child saving to path from save number start,
// kills it a random few milliseconds after its first save, and returns the
// saves it reported done (in order).
func runCrashChild(t *testing.T, rng *rand.Rand, mode, path string, start int) []int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+mode, crashPathEnv+"="+path, crashStartEnv+"="+strconv.Itoa(start))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	acks := make(chan int, 1<<16)
	go func() {
		defer close(acks)
		s := bufio.NewScanner(out)
		for s.Scan() {
			if n, err := strconv.Atoi(s.Text()); err == nil {
				acks <- n
			}
		}
	}()
	var done []int
	select {
	case n, ok := <-acks:
		if !ok {
			cmd.Wait()
			t.Fatalf("crash child ended before its first save: %s", stderr.Bytes())
		}
		done = append(done, n)
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("crash child made no save in 10s: %s", stderr.Bytes())
	}
	time.Sleep(time.Duration(rng.IntN(40_000)) * time.Microsecond)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	for n := range acks {
		done = append(done, n)
	}
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("crash child ended by %v, not by SIGKILL: %s", err, stderr.Bytes())
	}
	for i := 1; i < len(done); i++ {
		if done[i] != done[i-1]+1 {
			t.Fatalf("crash child reported saves %v out of order", done)
		}
	}
	return done
}

func TestCrash_ConfigSurvivesKill(t *testing.T) {
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	dir := t.TempDir()
	path := filepath.Join(dir, "config.toml")
	if err := WriteFileAtomic(path, crashConfig(0), 0o600); err != nil {
		t.Fatal(err)
	}
	last, saves, children := 0, 0, 0
	deadline := time.Now().Add(crashBudget)
	for saves < crashSaves && time.Now().Before(deadline) {
		done := runCrashChild(t, rng, "config", path, last+1)
		children++
		saves += len(done)
		data, err := os.ReadFile(path)
		if err != nil || len(data) == 0 {
			t.Fatalf("after kill %d: config.toml is %d bytes, %v; want the last save", children, len(data), err)
		}
		if _, _, err := ParseConfig("config.toml", data, Limits{}); err != nil {
			t.Fatalf("after kill %d: config.toml does not parse: %v", children, err)
		}
		m := saveNumber.FindSubmatch(data)
		if m == nil {
			t.Fatalf("after kill %d: config.toml has no save number:\n%s", children, data)
		}
		n, _ := strconv.Atoi(string(m[1]))
		acked := done[len(done)-1]
		// The child may have finished one more save than it could report.
		if n != acked && n != acked+1 {
			t.Fatalf("after kill %d: config.toml holds save %d; the child reported %d done", children, n, acked)
		}
		if !bytes.Equal(data, crashConfig(n)) {
			t.Fatalf("after kill %d: config.toml is not save %d as written", children, n)
		}
		last = n
	}
	temps, _ := filepath.Glob(filepath.Join(dir, ".config.toml.*.tmp"))
	t.Logf("%d saves by %d children killed with SIGKILL; %d temporary files left behind by the kills", saves, children, len(temps))
	if saves < crashMinSaves {
		t.Errorf("only %d saves in %v (want %d); the disk is too slow for this test", saves, crashBudget, crashSaves)
	} else if saves < crashSaves {
		t.Logf("stopped at %d saves of %d: the %v budget ran out", saves, crashSaves, crashBudget)
	}
}

func TestCrash_HistorySurvivesKill(t *testing.T) {
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 2))
	h := History{Path: filepath.Join(t.TempDir(), "history.jsonl")}
	next, saves, children := 0, 0, 0
	deadline := time.Now().Add(crashBudget)
	for saves < crashSaves && time.Now().Before(deadline) {
		done := runCrashChild(t, rng, "history", h.Path, next)
		children++
		saves += len(done)
		entries, skipped, err := h.ReadAll()
		if err != nil {
			t.Fatalf("after kill %d: ReadAll: %v", children, err)
		}
		if skipped > 0 {
			data, _ := os.ReadFile(h.Path)
			lines := bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
			var e Entry
			if skipped > 1 || (json.Unmarshal(lines[len(lines)-1], &e) == nil && e.Type != "") {
				t.Fatalf("after kill %d: %d lines skipped, not just a torn last line", children, skipped)
			}
		}
		for i, e := range entries {
			if want := crashEntry(i); !e.At.Equal(want.At) || e.Note != want.Note {
				t.Fatalf("after kill %d: entry %d is %+v, want %+v", children, i, e, want)
			}
		}
		acked := done[len(done)-1]
		if len(entries) != acked+1 && len(entries) != acked+2 {
			t.Fatalf("after kill %d: %d entries; the child reported entry %d done", children, len(entries), acked)
		}
		next = len(entries)
	}
	t.Logf("%d appends by %d children killed with SIGKILL", saves, children)
	if saves < crashMinSaves {
		t.Errorf("only %d appends in %v (want %d); the disk is too slow for this test", saves, crashBudget, crashSaves)
	} else if saves < crashSaves {
		t.Logf("stopped at %d appends of %d: the %v budget ran out", saves, crashSaves, crashBudget)
	}
}
