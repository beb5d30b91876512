// Package control is Limber's control socket: the unix socket through which
// the command line (and a second launch) talk to the running limber, and
// which keeps Limber to a single instance per user session.
package control

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// MaxRequest is the longest request line the server reads.
const MaxRequest = 64 << 10

// ioTimeout bounds how long one connection may take to send its request or
// read its answer, so a stuck client cannot hold the server.
const ioTimeout = 5 * time.Second

// ErrNotRunning means no limber answers on the socket.
var ErrNotRunning = errors.New("limber is not running")

// ErrRunning means another limber already owns the socket.
var ErrRunning = errors.New("limber is already running")

// Request is one command from a client.
type Request struct {
	Cmd  string   `json:"cmd"`
	Args []string `json:"args,omitempty"`
}

// Response is the server's answer to one Request.
type Response struct {
	OK    bool            `json:"ok"`
	Error string          `json:"error,omitempty"`
	Data  json.RawMessage `json:"data,omitempty"`
}

// Fail returns a Response that reports an error.
func Fail(format string, args ...any) Response {
	return Response{Error: fmt.Sprintf(format, args...)}
}

// OK returns a successful Response carrying data encoded as JSON (nil for none).
func OK(data any) Response {
	if data == nil {
		return Response{OK: true}
	}
	b, err := json.Marshal(data)
	if err != nil {
		return Fail("encode reply: %v", err)
	}
	return Response{OK: true, Data: b}
}

// Handler answers a request. It is called from the server's connection
// goroutines, possibly at the same time.
type Handler func(Request) Response

// Server accepts connections on the control socket.
type Server struct {
	ln   net.Listener
	path string
	wg   sync.WaitGroup
}

// Listen creates the socket at path: its directory with mode 0700 and the
// socket with mode 0600. It returns ErrRunning when a live server already
// answers there, and replaces a socket file left behind by a crash.
func Listen(path string) (*Server, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create %s: %w", dir, err)
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return nil, fmt.Errorf("secure %s: %w", dir, err)
	}
	if conn, err := net.DialTimeout("unix", path, time.Second); err == nil {
		conn.Close()
		return nil, ErrRunning
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("remove stale socket %s: %w", path, err)
	}
	ln, err := listenPrivate(path)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", path, err)
	}
	return &Server{ln: ln, path: path}, nil
}

// Serve answers connections with h until Close. It always returns a non-nil
// error; after Close it is net.ErrClosed.
func (s *Server) Serve(h Handler) error {
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			s.wg.Wait()
			return err
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			serveConn(conn, h)
		}()
	}
}

// Close stops the server and removes the socket file.
func (s *Server) Close() error {
	err := s.ln.Close()
	os.Remove(s.path)
	return err
}

func serveConn(conn net.Conn, h Handler) {
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(ioTimeout))
	resp := answer(conn, h)
	b, err := json.Marshal(resp)
	if err != nil {
		b, _ = json.Marshal(Fail("encode reply: %v", err))
	}
	conn.Write(append(b, '\n'))
}

func answer(conn net.Conn, h Handler) Response {
	line, err := readLine(conn)
	if err != nil {
		return Fail("bad request: %v", err)
	}
	var req Request
	if err := json.Unmarshal(line, &req); err != nil {
		return Fail("bad request: not a JSON object: %v", err)
	}
	if req.Cmd == "" {
		return Fail(`bad request: no "cmd"`)
	}
	return h(req)
}

func readLine(r io.Reader) ([]byte, error) {
	br := bufio.NewReaderSize(io.LimitReader(r, MaxRequest+1), 4096)
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		line = append(line, chunk...)
		if len(line) > MaxRequest {
			return nil, fmt.Errorf("longer than %d bytes", MaxRequest)
		}
		switch {
		case err == nil:
			return line, nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF) && len(line) > 0:
			return line, nil
		default:
			return nil, fmt.Errorf("no request line: %w", err)
		}
	}
}

// Call sends req to the server at path and returns its answer. It returns
// ErrNotRunning when nothing listens there.
func Call(path string, req Request) (Response, error) {
	conn, err := net.DialTimeout("unix", path, 2*time.Second)
	if err != nil {
		return Response{}, ErrNotRunning
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(ioTimeout))
	b, err := json.Marshal(req)
	if err != nil {
		return Response{}, fmt.Errorf("encode request: %w", err)
	}
	if _, err := conn.Write(append(b, '\n')); err != nil {
		return Response{}, fmt.Errorf("send to limber: %w", err)
	}
	line, err := readLine(conn)
	if err != nil {
		return Response{}, fmt.Errorf("read limber's answer: %w", err)
	}
	var resp Response
	if err := json.Unmarshal(line, &resp); err != nil {
		return Response{}, fmt.Errorf("read limber's answer: %w", err)
	}
	return resp, nil
}
