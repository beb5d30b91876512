//go:build linux

package e2e

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"time"
)

// pollInterval is how often readiness conditions of outside processes are
// checked. Polling is the only way to learn when another program is ready.
const pollInterval = 50 * time.Millisecond

// pollUntil calls cond until it returns true, returns an error, or timeout
// passes.
func pollUntil(timeout time.Duration, cond func() (bool, error)) error {
	deadline := time.Now().Add(timeout)
	for {
		ok, err := cond()
		if err != nil {
			return err
		}
		if ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("not ready after %v", timeout)
		}
		time.Sleep(pollInterval)
	}
}

// Process is a started command in its own process group, reaped in the
// background. After the process ends, any *os.File given as its Stdout or
// Stderr is closed. A Process is safe for concurrent use.
type Process struct {
	cmd     *exec.Cmd
	started time.Time
	done    chan struct{}
	err     error // Wait's result; read only after done is closed
}

// StartProcess starts cmd in a new process group.
func StartProcess(cmd *exec.Cmd) (*Process, error) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setpgid = true
	p := &Process{cmd: cmd, done: make(chan struct{})}
	p.started = time.Now()
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", cmd.Path, err)
	}
	go func() {
		p.err = cmd.Wait()
		for _, w := range []any{cmd.Stdout, cmd.Stderr} {
			if f, ok := w.(*os.File); ok {
				f.Close()
			}
		}
		close(p.done)
	}()
	return p, nil
}

// Pid returns the process id.
func (p *Process) Pid() int { return p.cmd.Process.Pid }

// Started returns when the process was started.
func (p *Process) Started() time.Time { return p.started }

// Done returns a channel that is closed when the process has ended.
func (p *Process) Done() <-chan struct{} { return p.done }

// Exited reports whether the process has ended.
func (p *Process) Exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// Wait waits up to timeout for the process to end and returns its exit code
// (-1 if a signal ended it).
func (p *Process) Wait(timeout time.Duration) (int, error) {
	select {
	case <-p.done:
	case <-time.After(timeout):
		return 0, fmt.Errorf("%s (pid %d) still running after %v", filepath.Base(p.cmd.Path), p.Pid(), timeout)
	}
	return p.cmd.ProcessState.ExitCode(), nil
}

// Stop sends SIGTERM to the process group and, if the process has not ended
// after grace, SIGKILL. It returns nil if the process is gone.
//
// When the process has already ended, what is left of its group (children
// it did not stop) gets SIGKILL.
func (p *Process) Stop(grace time.Duration) error {
	pgid := p.Pid()
	if p.Exited() {
		if err := syscall.Kill(-pgid, syscall.SIGKILL); err != nil && !errors.Is(err, syscall.ESRCH) {
			return fmt.Errorf("kill what is left of %s: %w", filepath.Base(p.cmd.Path), err)
		}
		return nil
	}
	if err := syscall.Kill(-pgid, syscall.SIGTERM); err != nil && !errors.Is(err, syscall.ESRCH) {
		return fmt.Errorf("terminate %s: %w", filepath.Base(p.cmd.Path), err)
	}
	select {
	case <-p.done:
		return nil
	case <-time.After(grace):
	}
	if err := syscall.Kill(-pgid, syscall.SIGKILL); err != nil && !errors.Is(err, syscall.ESRCH) {
		return fmt.Errorf("kill %s: %w", filepath.Base(p.cmd.Path), err)
	}
	select {
	case <-p.done:
		return nil
	case <-time.After(5 * time.Second):
		return fmt.Errorf("%s (pid %d) survived SIGKILL", filepath.Base(p.cmd.Path), p.Pid())
	}
}

// ProcInfo is what /proc says about one process.
type ProcInfo struct {
	Pid   int
	PPid  int
	State byte   // R, S, Z, …
	Exe   string // resolved executable path, "" if unreadable or gone
	// ExitCode is the wait status of a zombie (State 'Z') that its parent has
	// not reaped yet, as /proc/PID/stat reports it; meaningless otherwise.
	ExitCode int
}

// ReadProc reads /proc/pid/stat and /proc/pid/exe.
func ReadProc(pid int) (ProcInfo, error) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return ProcInfo{}, err
	}
	// The command name is in parentheses and may hold spaces: split after the last ')'.
	i := bytes.LastIndexByte(raw, ')')
	if i < 0 || i+2 >= len(raw) {
		return ProcInfo{}, fmt.Errorf("/proc/%d/stat: unexpected format", pid)
	}
	fields := bytes.Fields(raw[i+2:]) // fields[0] is field 3 (state)
	if len(fields) < 2 {
		return ProcInfo{}, fmt.Errorf("/proc/%d/stat: too few fields", pid)
	}
	info := ProcInfo{Pid: pid, State: fields[0][0]}
	info.PPid, err = strconv.Atoi(string(fields[1]))
	if err != nil {
		return ProcInfo{}, fmt.Errorf("/proc/%d/stat: ppid: %w", pid, err)
	}
	if len(fields) >= 50 { // field 52, exit_code, since Linux 3.5
		if st, err := strconv.Atoi(string(fields[49])); err == nil {
			info.ExitCode = syscall.WaitStatus(st).ExitStatus()
		}
	}
	if exe, err := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid)); err == nil {
		info.Exe = exe
	}
	return info, nil
}

// Children returns the live processes whose parent is pid.
func Children(pid int) ([]ProcInfo, error) {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil, err
	}
	var kids []ProcInfo
	for _, e := range entries {
		n, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		info, err := ReadProc(n)
		if err != nil {
			continue // it ended while we looked
		}
		if info.PPid == pid {
			kids = append(kids, info)
		}
	}
	return kids, nil
}

// WaitChild waits up to timeout for a child of parent whose executable is
// exe (compared after resolving symlinks).
func WaitChild(parent int, exe string, timeout time.Duration) (ProcInfo, error) {
	want := exe
	if r, err := filepath.EvalSymlinks(exe); err == nil {
		want = r
	}
	var found ProcInfo
	err := pollUntil(timeout, func() (bool, error) {
		kids, err := Children(parent)
		if err != nil {
			return false, err
		}
		for _, k := range kids {
			if k.Exe == want {
				found = k
				return true, nil
			}
		}
		return false, nil
	})
	if err != nil {
		return ProcInfo{}, fmt.Errorf("no child %s of pid %d: %w", filepath.Base(exe), parent, err)
	}
	return found, nil
}

// BecomeSubreaper makes the calling process adopt its orphaned descendants
// (PR_SET_CHILD_SUBREAPER): a grandchild whose parent exits first stays a
// zombie of ours, so WaitGone can read its exit code, instead of being
// reaped by init.
func BecomeSubreaper() error {
	const prSetChildSubreaper = 36
	if _, _, errno := syscall.RawSyscall(syscall.SYS_PRCTL, prSetChildSubreaper, 1, 0); errno != 0 {
		return fmt.Errorf("prctl(PR_SET_CHILD_SUBREAPER): %w", errno)
	}
	return nil
}

// WaitGone waits up to timeout for pid to end. It returns the exit code if
// it saw the process as an unreaped zombie (and reaps it if it is ours, see
// BecomeSubreaper), and -1 if the process was already reaped: its exit code
// is then known only to its parent.
func WaitGone(pid int, timeout time.Duration) (int, error) {
	code := -1
	err := pollUntil(timeout, func() (bool, error) {
		info, err := ReadProc(pid)
		if errors.Is(err, os.ErrNotExist) {
			return true, nil
		}
		if err != nil {
			return false, err
		}
		if info.State == 'Z' {
			code = info.ExitCode
			if info.PPid == os.Getpid() {
				var ws syscall.WaitStatus
				// Reaping fails only if it is not our child after all; then its parent reaps it.
				_, _ = syscall.Wait4(pid, &ws, syscall.WNOHANG, nil)
			}
			return true, nil
		}
		return false, nil
	})
	if err != nil {
		return 0, fmt.Errorf("pid %d: %w", pid, err)
	}
	return code, nil
}
