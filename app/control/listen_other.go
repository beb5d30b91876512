//go:build !unix

package control

import (
	"net"
	"os"
)

// listenPrivate listens on a unix socket in the user's own directory; where
// there is no umask the socket's mode is set right after it is made.
func listenPrivate(path string) (net.Listener, error) {
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return nil, err
	}
	return ln, nil
}
