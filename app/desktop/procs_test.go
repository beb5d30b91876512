package desktop

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// procEntry is one process in a fake proc folder.
type procEntry struct {
	pid  string
	comm string
	uid  int
}

// procTree writes procs as procDir/PID/comm and procDir/PID/status and
// returns procDir.
func procTree(t *testing.T, procs ...procEntry) string {
	t.Helper()
	dir := t.TempDir()
	for _, p := range procs {
		pd := filepath.Join(dir, p.pid)
		if err := os.Mkdir(pd, 0o755); err != nil {
			t.Fatal(err)
		}
		status := fmt.Sprintf("Name:\t%s\nUmask:\t0022\nState:\tS (sleeping)\nPid:\t%s\nUid:\t%d\t%d\t%d\t%d\nGid:\t100\t100\t100\t100\n", p.comm, p.pid, p.uid, p.uid, p.uid, p.uid)
		for name, data := range map[string]string{"comm": p.comm + "\n", "status": status} {
			if err := os.WriteFile(filepath.Join(pd, name), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Not processes: ignored.
	for _, name := range []string{"self", "sys"} {
		if err := os.Mkdir(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestProcessesRunning(t *testing.T) {
	me, other := os.Getuid(), os.Getuid()+1
	tests := []struct {
		name     string
		names    []string
		procs    []procEntry
		want     bool
		wantName string
	}{
		{"match", []string{"zoom"}, []procEntry{{"1", "systemd", other}, {"123", "zoom", me}}, true, "zoom is running"},
		{"case does not matter", []string{"OBS"}, []procEntry{{"77", "obs", me}}, true, "OBS is running"},
		{"another user's process is ignored", []string{"zoom"}, []procEntry{{"123", "zoom", other}}, false, "zoom is running"},
		{"comm keeps 15 bytes of a long name", []string{"teams-for-linux"}, []procEntry{{"9", "teams-for-linux", me}}, true, "teams-for-linux is running"},
		{"truncated comm", []string{"zoom-workplace-client"}, []procEntry{{"9", "zoom-workplace-", me}}, true, "zoom-workplace-client is running"},
		{"a prefix of a short name is not it", []string{"zoomer"}, []procEntry{{"9", "zoom", me}}, false, "zoomer is running"},
		{"a longer comm is not it", []string{"zoom"}, []procEntry{{"9", "zoomer", me}}, false, "zoom is running"},
		{"first name on the list wins", []string{"zoom", "obs"}, []procEntry{{"5", "obs", me}, {"6", "zoom", me}}, true, "zoom is running"},
		{"later name when the first is not running", []string{"zoom", "obs"}, []procEntry{{"5", "obs", me}}, true, "obs is running"},
		{"nothing running lists the names", []string{"zoom", "teams", "obs"}, []procEntry{{"5", "bash", me}}, false, "zoom, teams or obs is running"},
		{"no names", nil, []procEntry{{"5", "bash", me}}, false, "a program on the list is running"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := ProcessesRunning(tt.names, procTree(t, tt.procs...))
			got, err := h.Active()
			if got != tt.want || err != nil {
				t.Errorf("Active() = %v, %v, want %v", got, err, tt.want)
			}
			if got := h.Name(); got != tt.wantName {
				t.Errorf("Name() = %q, want %q", got, tt.wantName)
			}
		})
	}
}

func TestProcessesRunning_EndsWithTheProcess(t *testing.T) {
	dir := procTree(t, procEntry{"42", "zoom", os.Getuid()})
	h := ProcessesRunning([]string{"obs", "zoom"}, dir)
	if got, err := h.Active(); !got || err != nil {
		t.Fatalf("Active() = %v, %v, want true", got, err)
	}
	if err := os.RemoveAll(filepath.Join(dir, "42")); err != nil {
		t.Fatal(err)
	}
	if got, err := h.Active(); got || err != nil {
		t.Errorf("Active() after zoom ended = %v, %v, want false", got, err)
	}
	if got, want := h.Name(), "obs or zoom is running"; got != want {
		t.Errorf("Name() = %q, want %q", got, want)
	}
}

func TestProcessesRunning_Unreadable(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "proc")
	if got, err := ProcessesRunning([]string{"zoom"}, missing).Active(); got || err == nil {
		t.Errorf("Active() with no %s = %v, %v, want false and an error", missing, got, err)
	}
}

func TestProcessesRunning_RealProc(t *testing.T) {
	exe, err := os.Readlink("/proc/self/exe")
	if err != nil {
		t.Skipf("no /proc here: %v", err)
	}
	name := filepath.Base(exe) // this test binary, which runs as the user
	if got, err := ProcessesRunning([]string{name}, "/proc").Active(); !got || err != nil {
		t.Errorf("Active() for %q in /proc = %v, %v, want true", name, got, err)
	}
}
