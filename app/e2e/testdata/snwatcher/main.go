// Command snwatcher serves a StatusNotifierWatcher on the session bus until
// it is interrupted, so that tray items (limber's, for `make bench`) can
// register on a desktop that has no panel.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/godbus/dbus/v5"

	"github.com/limber-app/limber/app/e2e"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		fmt.Fprintln(os.Stderr, "snwatcher:", err)
		os.Exit(1)
	}
	defer conn.Close()
	if err := e2e.RunWatcher(ctx, conn); err != nil {
		fmt.Fprintln(os.Stderr, "snwatcher:", err)
		os.Exit(1)
	}
}
