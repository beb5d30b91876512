//go:build unix

package control

import (
	"net"
	"syscall"
)

// listenPrivate listens on a unix socket that only the owner can use: the
// umask makes the socket 0600 from the start, with no window in which
// another user could connect.
func listenPrivate(path string) (net.Listener, error) {
	old := syscall.Umask(0o177)
	defer syscall.Umask(old)
	return net.Listen("unix", path)
}
