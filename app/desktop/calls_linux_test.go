//go:build linux

package desktop

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// fakeProc is a /proc and a /dev under one temporary folder.
type fakeProc struct {
	t    *testing.T
	proc string
	dev  string
}

func newFakeProc(t *testing.T) fakeProc {
	t.Helper()
	root := t.TempDir()
	p := fakeProc{t: t, proc: filepath.Join(root, "proc"), dev: filepath.Join(root, "dev")}
	for _, dir := range []string{p.proc, p.dev} {
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// process adds a process pid running as uid whose file descriptors link to
// targets (fd 3, 4, …).
func (p fakeProc) process(pid, uid int, targets ...string) {
	p.t.Helper()
	dir := filepath.Join(p.proc, fmt.Sprint(pid))
	if err := os.MkdirAll(filepath.Join(dir, "fd"), 0o755); err != nil {
		p.t.Fatal(err)
	}
	status := fmt.Sprintf("Name:\tapp\nUmask:\t0022\nState:\tS (sleeping)\nPid:\t%d\nUid:\t%d\t%d\t%d\t%d\nGid:\t100\t100\t100\t100\n", pid, uid, uid, uid, uid)
	if err := os.WriteFile(filepath.Join(dir, "status"), []byte(status), 0o644); err != nil {
		p.t.Fatal(err)
	}
	for i, target := range targets {
		if err := os.Symlink(target, filepath.Join(dir, "fd", fmt.Sprint(3+i))); err != nil {
			p.t.Fatal(err)
		}
	}
}

func TestCameraInUse(t *testing.T) {
	me := os.Getuid()
	tests := []struct {
		name  string
		setup func(p fakeProc)
		want  bool
	}{
		{"our process has video0 open", func(p fakeProc) {
			p.process(100, me, "/dev/null", filepath.Join(p.dev, "video0"))
		}, true},
		{"video2 among other files", func(p fakeProc) {
			p.process(100, me, "socket:[1234]", "pipe:[99]", filepath.Join(p.dev, "video2"), "anon_inode:[eventfd]")
		}, true},
		{"another user's process is ignored", func(p fakeProc) {
			p.process(200, me+1, filepath.Join(p.dev, "video0"))
		}, false},
		{"no video device open", func(p fakeProc) {
			p.process(100, me, "/dev/null", filepath.Join(p.dev, "snd", "pcmC0D0c"), filepath.Join(p.dev, "videox", "0"))
		}, false},
		{"a video device outside devDir", func(p fakeProc) {
			p.process(100, me, "/elsewhere/video0")
		}, false},
		{"no processes", func(fakeProc) {}, false},
		{"entries that are not processes are skipped", func(p fakeProc) {
			for _, name := range []string{"self", "sys", "1x"} {
				if err := os.MkdirAll(filepath.Join(p.proc, name, "fd"), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink(filepath.Join(p.dev, "video0"), filepath.Join(p.proc, name, "fd", "3")); err != nil {
					t.Fatal(err)
				}
			}
		}, false},
		{"a process without status is skipped", func(p fakeProc) {
			p.process(100, me, filepath.Join(p.dev, "video0"))
			if err := os.Remove(filepath.Join(p.proc, "100", "status")); err != nil {
				t.Fatal(err)
			}
			p.process(101, me)
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newFakeProc(t)
			tt.setup(p)
			h := CameraInUse(p.proc, p.dev)
			assertCallHold(t, h, tt.want)
		})
	}
}

// TestCameraInUse_UnreadableFDs: a process whose fd folder cannot be read
// (as another user's, or a set-uid one's) is skipped silently.
//
// Permissions do not stop root (the CI runs as root), so the folder is
// made unreadable by being a file: reading it fails all the same.
func TestCameraInUse_UnreadableFDs(t *testing.T) {
	p := newFakeProc(t)
	p.process(100, os.Getuid(), filepath.Join(p.dev, "video0"))
	fd := filepath.Join(p.proc, "100", "fd")
	if err := os.RemoveAll(fd); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(fd, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := os.ReadDir(fd); err == nil {
		t.Fatal("the stand-in for an unreadable fd folder can be read")
	}
	if got, err := CameraInUse(p.proc, p.dev).Active(); got || err != nil {
		t.Errorf("Active() = %v, %v, want false, nil", got, err)
	}
}

// TestCameraInUse_RealProc reads the real /proc: this test's own process
// holds a file named video0 open, which counts once its folder is devDir.
func TestCameraInUse_RealProc(t *testing.T) {
	dev := t.TempDir()
	h := CameraInUse("/proc", dev)
	if got, err := h.Active(); got || err != nil {
		t.Fatalf("Active() before opening = %v, %v, want false, nil", got, err)
	}
	f, err := os.Create(filepath.Join(dev, "video0"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, err := h.Active(); !got || err != nil {
		t.Errorf("Active() with %s open = %v, %v, want true, nil", f.Name(), got, err)
	}
}

func TestCameraInUse_NoProc(t *testing.T) {
	dir := t.TempDir()
	if got, err := CameraInUse(filepath.Join(dir, "proc"), filepath.Join(dir, "dev")).Active(); got || err == nil {
		t.Errorf("Active() with no proc folder = %v, %v, want false and an error", got, err)
	}
}

// writeAsoundTree writes files (path relative to root → content) under root.
func writeAsoundTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const (
	pcmRunning = "state: RUNNING\nowner_pid   : 1234\ntrigger_time: 5.1\n"
	pcmClosed  = "closed\n"
	pcmPrepare = "state: PREPARED\nowner_pid   : 1234\n"
)

func TestMicrophoneInUse(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  bool
	}{
		{"capture running", map[string]string{"card0/pcm0c/sub0/status": pcmRunning}, true},
		{"capture closed", map[string]string{"card0/pcm0c/sub0/status": pcmClosed}, false},
		{"capture prepared, not running", map[string]string{"card0/pcm0c/sub0/status": pcmPrepare}, false},
		{"playback running is not a microphone", map[string]string{
			"card0/pcm0p/sub0/status": pcmRunning,
			"card0/pcm0c/sub0/status": pcmClosed,
		}, false},
		{"second card, second device, second substream", map[string]string{
			"card0/pcm0c/sub0/status": pcmClosed,
			"card1/pcm0c/sub0/status": pcmClosed,
			"card1/pcm2c/sub0/status": pcmClosed,
			"card1/pcm2c/sub1/status": pcmRunning,
		}, true},
		{"running only on a later line", map[string]string{"card0/pcm0c/sub0/status": "closed\nstate: RUNNING\n"}, false},
		{"the cards file and other entries", map[string]string{
			"cards":               " 0 [PCH            ]: HDA-Intel\n",
			"card0/id":            "PCH\n",
			"card0/pcm0c/info":    "card: 0\n",
			"card0/pcm0c/sub0/hw": pcmRunning,
		}, false},
		{"no cards", map[string]string{"version": "Advanced Linux Sound Architecture Driver Version k6.8.0.\n"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeAsoundTree(t, dir, tt.files)
			h := MicrophoneInUse(dir)
			assertCallHold(t, h, tt.want)
		})
	}
}

// TestMicrophoneInUse_NoSound: with no /proc/asound (no sound support)
// there is no microphone in use, and nothing to complain about.
func TestMicrophoneInUse_NoSound(t *testing.T) {
	if got, err := MicrophoneInUse(filepath.Join(t.TempDir(), "asound")).Active(); got || err != nil {
		t.Errorf("Active() = %v, %v, want false, nil", got, err)
	}
}

// TestMicrophoneInUse_UnreadableStatus: a status file that cannot be read
// is an error, unless another substream runs.
//
// Permissions do not stop root (the CI runs as root), so the file is made
// unreadable by being a folder: reading it fails all the same.
func TestMicrophoneInUse_UnreadableStatus(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "card0/pcm0c/sub0/status"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := MicrophoneInUse(dir).Active(); got || err == nil {
		t.Errorf("Active() = %v, %v, want false and an error", got, err)
	}
	writeAsoundTree(t, dir, map[string]string{"card1/pcm0c/sub0/status": pcmRunning})
	if got, err := MicrophoneInUse(dir).Active(); !got || err != nil {
		t.Errorf("Active() with another running = %v, %v, want true, nil", got, err)
	}
}

func TestCallHolds_Linux(t *testing.T) {
	for _, tt := range []struct {
		camera, microphone bool
		want               int
	}{{false, false, 0}, {true, false, 1}, {false, true, 1}} {
		if got := CallHolds(tt.camera, tt.microphone); len(got) != tt.want {
			t.Errorf("CallHolds(%v, %v) = %d holds, want %d", tt.camera, tt.microphone, len(got), tt.want)
		}
	}
	holds := CallHolds(true, true)
	if len(holds) != 2 {
		t.Fatalf("CallHolds(true, true) = %d holds, want 2", len(holds))
	}
	for _, h := range holds {
		// The real machine's state is whatever it is; only errors matter.
		if _, err := h.Active(); err != nil {
			t.Errorf("%T.Active() on this machine: %v", h, err)
		}
	}
	if got, want := CallSupport(), "camera and microphone (Linux /proc)"; got != want {
		t.Errorf("CallSupport() = %q, want %q", got, want)
	}
}

// assertCallHold checks that h, a camera or microphone hold, answers want
// without an error and names itself as a call.
func assertCallHold(t *testing.T, h Hold, want bool) {
	t.Helper()
	got, err := h.Active()
	if err != nil {
		t.Fatalf("Active() error: %v", err)
	}
	if got != want {
		t.Errorf("Active() = %v, want %v", got, want)
	}
	if h.Name() != "call in progress" {
		t.Errorf("Name() = %q, want %q", h.Name(), "call in progress")
	}
}
