package uiproc

import (
	"os/exec"
	"testing"
	"time"

	"github.com/limber-app/limber/app/uiproto"
)

// cat stands in for limber-ui: it echoes each command line back, which
// reads as an event with the same op.
func catProcess(t *testing.T) *Process {
	t.Helper()
	path, err := exec.LookPath("cat")
	if err != nil {
		t.Fatalf("no cat on PATH: %v", err)
	}
	return New(path)
}

func nextEvent(t *testing.T, p *Process) uiproto.Event {
	t.Helper()
	select {
	case ev := <-p.Events():
		return ev
	case <-time.After(5 * time.Second):
		t.Fatal("no event from the child within 5 s")
		return uiproto.Event{}
	}
}

func TestProcess_StartsOnFirstSendAndReuses(t *testing.T) {
	p := catProcess(t)
	if p.Running() {
		t.Fatal("running before the first Send")
	}
	if err := p.Send(uiproto.Command{Op: uiproto.OpCard, Exercises: []string{"walk"}}); err != nil {
		t.Fatal(err)
	}
	if ev := nextEvent(t, p); ev.Op != uiproto.OpCard {
		t.Errorf("echo = %+v, want op card", ev)
	}
	p.mu.Lock()
	first := p.cmd.Process.Pid
	p.mu.Unlock()
	if err := p.Send(uiproto.Command{Op: uiproto.OpSafety}); err != nil {
		t.Fatal(err)
	}
	nextEvent(t, p)
	p.mu.Lock()
	second := p.cmd.Process.Pid
	p.mu.Unlock()
	if first != second {
		t.Errorf("second Send started a new process (%d, then %d)", first, second)
	}
	p.Stop(5 * time.Second)
	if p.Running() {
		t.Error("still running after Stop")
	}
}

func TestProcess_RestartsAfterItEnds(t *testing.T) {
	p := catProcess(t)
	if err := p.Send(uiproto.Command{Op: uiproto.OpCard}); err != nil {
		t.Fatal(err)
	}
	nextEvent(t, p)
	p.Stop(5 * time.Second)
	for len(p.Events()) > 0 { // cat also echoed the quit command
		<-p.Events()
	}
	if err := p.Send(uiproto.Command{Op: uiproto.OpCard}); err != nil {
		t.Fatalf("Send after the child ended: %v", err)
	}
	if ev := nextEvent(t, p); ev.Op != uiproto.OpCard {
		t.Errorf("echo after restart = %+v", ev)
	}
	p.Stop(5 * time.Second)
}

func TestProcess_MissingProgram(t *testing.T) {
	p := New("/nonexistent/limber-ui")
	if err := p.Send(uiproto.Command{Op: uiproto.OpCard}); err == nil {
		t.Error("Send to a missing program gave no error")
	}
}
