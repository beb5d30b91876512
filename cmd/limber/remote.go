package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/daemon"
	"github.com/limber-app/limber/app/store"
)

// call sends a request to the running limber and reports problems on
// stderr. It returns the response and an exit code.
func call(req control.Request, stderr io.Writer) (control.Response, int) {
	resp, err := control.Call(store.DefaultPaths().Socket, req)
	if errors.Is(err, control.ErrNotRunning) {
		fmt.Fprintln(stderr, "limber: Limber is not running (start it with: limber)")
		return resp, exitNotRunning
	}
	if err != nil {
		fmt.Fprintln(stderr, "limber:", err)
		return resp, exitNotRunning
	}
	if !resp.OK {
		fmt.Fprintln(stderr, "limber:", resp.Error)
		return resp, exitBadInput
	}
	return resp, exitOK
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("limber "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// simple is a command that takes no arguments and sends cmd.
func simple(cmd string) func([]string, io.Writer, io.Writer) int {
	return func(args []string, stdout, stderr io.Writer) int {
		fs := newFlags(cmd, stderr)
		if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
			if err == nil {
				fmt.Fprintf(stderr, "limber %s takes no arguments\n", cmd)
			}
			return flagExit(err)
		}
		_, code := call(control.Request{Cmd: cmd}, stderr)
		return code
	}
}

func flagExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitBadInput
}

func runPause(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("pause", stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: limber pause DURATION|tomorrow|indefinitely   (e.g. 30m, 1h, 2h)")
	}
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitBadInput
	}
	_, code := call(control.Request{Cmd: "pause", Args: fs.Args()}, stderr)
	return code
}

func runStatus(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("status", stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	resp, code := call(control.Request{Cmd: "status"}, stderr)
	if code != exitOK {
		return code
	}
	if *asJSON {
		var out bytes.Buffer
		json.Indent(&out, resp.Data, "", "  ")
		fmt.Fprintln(stdout, out.String())
		return exitOK
	}
	var st daemon.Status
	if err := json.Unmarshal(resp.Data, &st); err != nil {
		fmt.Fprintln(stderr, "limber: unreadable status:", err)
		return exitNotRunning
	}
	fmt.Fprintln(stdout, st.Text)
	return exitOK
}
