package control

import (
	"bufio"
	"encoding/json"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func startServer(t *testing.T, h Handler) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "run", "limber.sock")
	srv, err := Listen(path)
	if err != nil {
		t.Fatalf("Listen: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(h) }()
	t.Cleanup(func() {
		srv.Close()
		if err := <-done; !errors.Is(err, net.ErrClosed) {
			t.Errorf("Serve returned %v, want net.ErrClosed", err)
		}
	})
	return path
}

func echo(r Request) Response {
	if r.Cmd == "fail" {
		return Fail("no such thing")
	}
	return OK(r)
}

func TestCall_RoundTrip(t *testing.T) {
	path := startServer(t, echo)
	resp, err := Call(path, Request{Cmd: "pause", Args: []string{"1h"}})
	if err != nil || !resp.OK {
		t.Fatalf("Call = %+v, %v", resp, err)
	}
	var back Request
	if err := json.Unmarshal(resp.Data, &back); err != nil || back.Cmd != "pause" || back.Args[0] != "1h" {
		t.Errorf("data = %s, want the request echoed", resp.Data)
	}
	resp, err = Call(path, Request{Cmd: "fail"})
	if err != nil || resp.OK || resp.Error != "no such thing" {
		t.Errorf("Call(fail) = %+v, %v", resp, err)
	}
}

func TestListen_Permissions(t *testing.T) {
	path := startServer(t, echo)
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("socket mode = %v, want 0600", st.Mode().Perm())
	}
	dir, _ := os.Stat(filepath.Dir(path))
	if dir.Mode().Perm() != 0o700 {
		t.Errorf("dir mode = %v, want 0700", dir.Mode().Perm())
	}
}

func TestListen_SecondInstanceIsRefused(t *testing.T) {
	path := startServer(t, echo)
	if _, err := Listen(path); !errors.Is(err, ErrRunning) {
		t.Errorf("second Listen = %v, want ErrRunning", err)
	}
}

func TestListen_ReplacesStaleSocket(t *testing.T) {
	path := filepath.Join(t.TempDir(), "limber.sock")
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(false)
	ln.Close() // the file stays, as after a crash
	srv, err := Listen(path)
	if err != nil {
		t.Fatalf("Listen over a stale socket: %v", err)
	}
	srv.Close()
}

func TestCall_NotRunning(t *testing.T) {
	_, err := Call(filepath.Join(t.TempDir(), "none.sock"), Request{Cmd: "status"})
	if !errors.Is(err, ErrNotRunning) {
		t.Errorf("Call with no server = %v, want ErrNotRunning", err)
	}
}

func raw(t *testing.T, path, send string) Response {
	t.Helper()
	conn, err := net.Dial("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.Write([]byte(send))
	conn.(*net.UnixConn).CloseWrite()
	line, err := bufio.NewReader(conn).ReadBytes('\n')
	if err != nil {
		t.Fatalf("no reply to %.40q: %v", send, err)
	}
	var resp Response
	if err := json.Unmarshal(line, &resp); err != nil {
		t.Fatalf("reply %q: %v", line, err)
	}
	return resp
}

func TestServer_MalformedRequests(t *testing.T) {
	path := startServer(t, echo)
	tests := []struct{ name, send, want string }{
		{"not json", "hello\n", "not a JSON object"},
		{"no cmd", "{}\n", `no "cmd"`},
		{"empty", "", "no request line"},
		{"wrong type", `{"cmd": 5}` + "\n", "not a JSON object"},
		{"oversized", `{"cmd":"` + strings.Repeat("x", MaxRequest+10) + "\"}\n", "longer than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := raw(t, path, tt.send)
			if resp.OK || !strings.Contains(resp.Error, tt.want) {
				t.Errorf("reply = %+v, want an error containing %q", resp, tt.want)
			}
		})
	}
	if resp, err := Call(path, Request{Cmd: "status"}); err != nil || !resp.OK {
		t.Errorf("server did not survive bad requests: %+v, %v", resp, err)
	}
}

func TestServer_SurvivesGarbageConnections(t *testing.T) {
	path := startServer(t, echo)
	for i := range 1000 {
		conn, err := net.Dial("unix", path)
		if err != nil {
			t.Fatalf("connection %d: %v", i, err)
		}
		if i%2 == 0 {
			conn.Write([]byte{0xff, 0x00, byte(i)})
		}
		conn.Close()
	}
	if resp, err := Call(path, Request{Cmd: "status"}); err != nil || !resp.OK {
		t.Errorf("after 1000 garbage connections: %+v, %v", resp, err)
	}
}
