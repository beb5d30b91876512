// Package uiproc starts limber-ui, the window process, when a window is
// needed, and carries commands to it and events back.
package uiproc

import (
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"time"

	"github.com/limber-app/limber/app/uiproto"
)

// Name is the file name of the window program.
const Name = "limber-ui"

// Find returns the path of limber-ui: next to the running executable first,
// then on PATH.
func Find() (string, error) {
	if exe, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(exe), Name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	p, err := exec.LookPath(Name)
	if err != nil {
		return "", fmt.Errorf("%s is neither next to limber nor on PATH", Name)
	}
	return p, nil
}

// Process is limber-ui as seen from limber: started on the first Send and
// again after it has ended by itself. It is safe for concurrent use.
type Process struct {
	path   string
	events chan uiproto.Event

	mu   sync.Mutex
	cmd  *exec.Cmd
	w    *uiproto.Writer
	in   io.Closer
	done chan struct{}
}

// New returns a Process for the program at path. Events from every run of
// it arrive on Events.
func New(path string) *Process {
	return &Process{path: path, events: make(chan uiproto.Event, 16)}
}

// Events delivers what limber-ui reports.
func (p *Process) Events() <-chan uiproto.Event { return p.events }

// Running reports whether limber-ui is alive now.
func (p *Process) Running() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cmd != nil
}

// Send gives c to limber-ui, starting it first when it is not running.
func (p *Process) Send(c uiproto.Command) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cmd == nil {
		if err := p.startLocked(); err != nil {
			return err
		}
	}
	if err := p.w.Write(c); err != nil {
		return fmt.Errorf("send %s to %s: %w", c.Op, Name, err)
	}
	return nil
}

func (p *Process) startLocked() error {
	cmd := exec.Command(p.path)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return fmt.Errorf("start %s: %w", Name, err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("start %s: %w", Name, err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", Name, err)
	}
	done := make(chan struct{})
	p.cmd, p.w, p.in, p.done = cmd, uiproto.NewWriter(stdin), stdin, done
	go p.read(cmd, stdout, done)
	return nil
}

// read forwards events until limber-ui closes its output, then reaps it.
func (p *Process) read(cmd *exec.Cmd, out io.Reader, done chan struct{}) {
	r := uiproto.NewReader(out)
	for {
		var ev uiproto.Event
		err := r.Read(&ev)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			log.Printf("%s: %v", Name, err)
			continue
		}
		p.events <- ev
	}
	if err := cmd.Wait(); err != nil {
		log.Printf("%s ended: %v", Name, err)
	}
	p.mu.Lock()
	if p.cmd == cmd {
		p.cmd, p.w, p.in = nil, nil, nil
	}
	p.mu.Unlock()
	close(done)
}

// Stop asks limber-ui to quit and waits up to timeout for it to end; then
// it is killed.
func (p *Process) Stop(timeout time.Duration) {
	p.mu.Lock()
	cmd, w, in, done := p.cmd, p.w, p.in, p.done
	p.mu.Unlock()
	if cmd == nil {
		return
	}
	w.Write(uiproto.Command{Op: uiproto.OpQuit})
	in.Close()
	select {
	case <-done:
	case <-time.After(timeout):
		cmd.Process.Kill()
		<-done
	}
}
