package desktop

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/screensaver"
	"github.com/jezek/xgb/xproto"
)

// x11IdleName is the Name of the X11 idle time source.
const x11IdleName = "X11 MIT-SCREEN-SAVER"

// x11Idle is an IdleSource that asks an X server for the time since the
// last input, through the MIT-SCREEN-SAVER extension (QueryInfo's
// ms_since_user_input), on one connection that it opens at the first
// question and keeps, so that a poll costs one round trip. An open X
// connection that has asked for no events costs nothing while it waits.
// After a failure the connection is closed and the next question opens a
// new one. It is safe for concurrent use.
type x11Idle struct {
	display string // ":0"; "" means $DISPLAY

	mu   sync.Mutex // held through a question
	conn *xgb.Conn  // nil until connected
	root xproto.Drawable
}

func (*x11Idle) Name() string { return x11IdleName }

func (s *x11Idle) Idle() (time.Duration, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conn == nil {
		conn, err := connectWithin(callTimeout,
			func() (*xgb.Conn, error) { return connectIdleX(s.display) },
			func(c *xgb.Conn) { c.Close() })
		if err != nil {
			return 0, fmt.Errorf("%s: connect to X display %q: %w", x11IdleName, s.display, err)
		}
		s.conn, s.root = conn, xproto.Drawable(xproto.Setup(conn).Roots[conn.DefaultScreen].Root)
		go discardEvents(conn)
	}
	conn, root := s.conn, s.root
	reply, err := within(callTimeout, func() (*screensaver.QueryInfoReply, error) {
		return screensaver.QueryInfo(conn, root).Reply()
	})
	if err == nil && reply == nil {
		err = errors.New("the connection closed")
	}
	if err != nil {
		s.closeLocked()
		return 0, fmt.Errorf("%s: ask X display %q: %w", x11IdleName, s.display, err)
	}
	return time.Duration(reply.MsSinceUserInput) * time.Millisecond, nil
}

// close closes the connection, if one is open.
func (s *x11Idle) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closeLocked()
}

func (s *x11Idle) closeLocked() {
	if s.conn != nil {
		s.conn.Close()
		s.conn = nil
	}
}

// discardEvents reads and drops the events the server sends conn until it
// closes. The connection asks for none, but every client gets some (a
// MappingNotify when the keyboard layout changes), and unread ones would
// pile up in xgb's queue until, full, it blocked the replies too.
func discardEvents(conn *xgb.Conn) {
	for {
		if ev, err := conn.WaitForEvent(); ev == nil && err == nil {
			return
		}
	}
}

// connectIdleX connects to display and readies the MIT-SCREEN-SAVER
// extension on the connection.
func connectIdleX(display string) (*xgb.Conn, error) {
	conn, _, err := dialScreen(display)
	if err != nil {
		return nil, err
	}
	if err := screensaver.Init(conn); err != nil {
		conn.Close()
		return nil, fmt.Errorf("no MIT-SCREEN-SAVER extension: %w", err)
	}
	return conn, nil
}
