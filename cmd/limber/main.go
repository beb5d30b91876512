// Limber reminds you to stand up, stretch and sit well while you work. Run
// with no arguments it stays in the system tray, reminding you inside your
// work hours; with a command it talks to the running Limber or answers from
// your settings:
//
//	limber                  start Limber (or open the running one's settings)
//	limber status [--json]  what Limber is doing and what comes next
//	limber stretch          open a stretch card now
//	limber routine ID       play a guided routine (--list shows them)
//	limber settings         open the settings window
//	limber safety           open the safety guide
//	limber posture          a posture check now
//	limber snooze, skip     answer the break that is due
//	limber pause DURATION   no reminders for a while (30m, 1h, 2h)
//	limber resume           end a pause
//	limber plan             the reminders your settings give today
//	limber exercises        the stretch library
//	limber crack            log a back crack (where, pain, during what)
//	limber stats            your breaks, streak and crack log
//	limber doctor           what Limber finds on this system
//	limber reload           read config.toml again
//	limber quit             stop the running Limber
//	limber version          print the version
package main

import (
	"fmt"
	"io"
	"os"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// Exit codes.
const (
	exitOK         = 0
	exitNotRunning = 1
	exitBadInput   = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// command is one subcommand of limber.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"status", "what Limber is doing and what comes next [--json]", runStatus},
		{"stretch", "open a stretch card now", simple("stretch")},
		{"routine", "play a guided routine (--list shows them)", runRoutine},
		{"posture", "a posture check now", simple("posture")},
		{"snooze", "put the due break off for a few minutes", simple("snooze")},
		{"skip", "skip the due break", simple("skip")},
		{"settings", "open the settings window", simple("settings")},
		{"safety", "open the safety guide", simple("safety")},
		{"pause", "no reminders for DURATION (30m, 1h, 2h), until tomorrow, or indefinitely", runPause},
		{"resume", "end a pause", simple("resume")},
		{"quit", "stop the running Limber", simple("quit")},
		{"reload", "read config.toml again", simple("reload")},
		{"plan", "the reminders your settings give [--from T] [--to T] [--json]", runPlan},
		{"exercises", "list the stretch library [--json] [--place PLACE]", runExercises},
		{"crack", "log a back crack [--where W] [--pain 0-10] [--during D] [--note TEXT] [--json]", runCrack},
		{"stats", "your breaks, streak and crack log [--json] [--csv] [--days 30]", runStats},
		{"doctor", "what Limber finds on this system [--json]", runDoctor},
		{"version", "print the version", runVersion},
	}
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return runResident(stderr)
	}
	name := args[0]
	if name == "help" || name == "--help" || name == "-h" {
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "limber: unknown command %q\n\n", name)
	usage(stderr)
	return exitBadInput
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: limber [COMMAND]")
	fmt.Fprintln(w, "\nWith no command, starts Limber in the system tray (or shows the running one).")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nExit codes: 0 ok, 1 Limber is not running, 2 bad input.")
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stdout, "limber", version)
	return exitOK
}
