package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/daemon"
	"github.com/limber-app/limber/app/desktop"
	"github.com/limber-app/limber/app/notify"
	"github.com/limber-app/limber/app/store"
	"github.com/limber-app/limber/app/uiproc"
)

// doctorReport is what `limber doctor` finds, and what --json prints.
type doctorReport struct {
	Version       string       `json:"version"`
	Go            string       `json:"go"`
	Platform      string       `json:"platform"` // GOOS/GOARCH
	Config        configCheck  `json:"config"`
	History       historyCheck `json:"history"`
	SessionBus    check        `json:"session_bus"`
	TrayHost      check        `json:"tray_host"`
	Notifications notifyCheck  `json:"notifications"`
	Idle          check        `json:"idle"`
	// IdleSources are the idle time sources tried, in order.
	IdleSources []desktop.SourceInfo `json:"idle_sources"`
	// Holds are the reasons to hold a break back, and whether each works here.
	Holds     []holdCheck `json:"holds"`
	UI        check       `json:"limber_ui"`
	Autostart check       `json:"autostart"`
	Running   check       `json:"running"`
}

// holdCheck is one hold source: whether it works on this machine, and
// whether the settings leave it on.
type holdCheck struct {
	desktop.SourceInfo
	// OffBy is the config.toml key that turns the source off, when it
	// does.
	OffBy string `json:"off_by,omitempty"`
}

// check is the outcome of one look at the system: OK says whether Limber
// has what it wants there, Detail says what was found, in words.
type check struct {
	OK     bool   `json:"ok"`
	Detail string `json:"detail"`
}

type configCheck struct {
	Path     string   `json:"path"`
	Exists   bool     `json:"exists"`
	Valid    bool     `json:"valid"`
	Errors   []string `json:"errors,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
}

type historyCheck struct {
	Path    string `json:"path"`
	Entries int    `json:"entries"`
	Skipped int    `json:"skipped_lines"`
	Error   string `json:"error,omitempty"`
}

type notifyCheck struct {
	check
	Server       string   `json:"server,omitempty"`
	Vendor       string   `json:"vendor,omitempty"`
	Version      string   `json:"version,omitempty"`
	Capabilities []string `json:"capabilities,omitempty"`
	Buttons      bool     `json:"buttons"`
}

// runDoctor prints what Limber finds on this system, one line per thing,
// and exits 0 when the config file is valid and 2 when it has errors.
func runDoctor(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("doctor", stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		if err == nil {
			fmt.Fprintln(stderr, "limber doctor takes no arguments")
		}
		return flagExit(err)
	}
	r := examine()
	if *asJSON {
		b, err := json.MarshalIndent(r, "", "  ")
		if err != nil {
			fmt.Fprintln(stderr, "limber doctor:", err)
			return exitBadInput
		}
		fmt.Fprintln(stdout, string(b))
	} else {
		printReport(stdout, r)
	}
	if !r.Config.Valid {
		return exitBadInput
	}
	return exitOK
}

// examine looks at everything doctor reports on.
func examine() doctorReport {
	paths := store.DefaultPaths()
	cfgCheck, cfg := examineConfig(paths.Config)
	r := doctorReport{
		Version:   version,
		Go:        runtime.Version(),
		Platform:  runtime.GOOS + "/" + runtime.GOARCH,
		Config:    cfgCheck,
		History:   examineHistory(paths.History),
		UI:        examineUI(),
		Autostart: examineAutostart(),
		Running:   examineRunning(paths.Socket),
	}
	examineDesktop(&r, cfg.Behaviour)
	return r
}

// examineConfig checks the config file and returns the settings Limber
// runs on: the file's, or the defaults when it has errors.
func examineConfig(path string) (configCheck, store.Config) {
	c := configCheck{Path: path}
	if _, err := os.Stat(path); err == nil {
		c.Exists = true
	}
	lim, err := store.LimitsFromEnv()
	if err != nil {
		c.Errors = append(c.Errors, err.Error())
	}
	cfg, warnings, err := store.LoadConfig(path, lim)
	for _, w := range warnings {
		c.Warnings = append(c.Warnings, w.Error())
	}
	var problems store.Problems
	switch {
	case errors.As(err, &problems):
		for _, p := range problems {
			c.Errors = append(c.Errors, p.Error())
		}
	case err != nil:
		c.Errors = append(c.Errors, fmt.Sprintf("%s: %v", path, err))
	}
	c.Valid = len(c.Errors) == 0
	return c, cfg
}

func examineHistory(path string) historyCheck {
	h := historyCheck{Path: path}
	entries, skipped, err := store.History{Path: path}.ReadAll()
	h.Entries, h.Skipped = len(entries), skipped
	if err != nil {
		h.Error = err.Error()
	}
	return h
}

// examineDesktop checks the session bus and what Limber uses on it, the
// idle time sources and the hold sources; b says which holds are on.
func examineDesktop(r *doctorReport, b store.BehaviourPrefs) {
	conn, err := desktop.PrivateSessionBus()
	if err != nil {
		unknown := check{Detail: "unknown: no session bus"}
		r.SessionBus, r.TrayHost, r.Notifications = check{Detail: "unreachable: " + err.Error()}, unknown, notifyCheck{check: unknown}
		conn = nil // the idle and hold sources below go on without it
	} else {
		defer conn.Close()
		r.SessionBus = check{OK: true, Detail: "reachable"}
		r.TrayHost = examineTrayHost()
		r.Notifications = examineNotifications()
	}
	r.IdleSources = desktop.IdleSources(conn)
	r.Idle = idleInUse(r.IdleSources, conn != nil)
	for _, s := range desktop.HoldSources(conn, b.PauseApps) {
		r.Holds = append(r.Holds, holdCheck{SourceInfo: s, OffBy: holdSwitchedOff(s.Name, b)})
	}
}

func examineTrayHost() check {
	switch ok, err := desktop.TrayHostPresent(); {
	case err != nil:
		return check{Detail: "unknown: " + err.Error()}
	case ok:
		return check{OK: true, Detail: "present (" + desktop.WatcherName + ")"}
	default:
		return check{Detail: "none: no " + desktop.WatcherName + " on the bus; Limber's tray icon cannot show"}
	}
}

// examineNotifications asks the notification server about itself, on a
// connection of its own that the Notifier closes.
func examineNotifications() notifyCheck {
	conn, err := desktop.PrivateSessionBus()
	if err != nil {
		return notifyCheck{check: check{Detail: "unknown: " + err.Error()}}
	}
	n, err := notify.NewNotifier(conn)
	if err != nil {
		conn.Close()
		return notifyCheck{check: check{Detail: "none: " + err.Error()}}
	}
	defer n.Close()
	return examineNotifier(n)
}

// idleInUse says which idle time source Limber uses, from the sources
// tried; bus says whether there was a session bus to ask.
func idleInUse(sources []desktop.SourceInfo, bus bool) check {
	for _, s := range sources {
		if s.Used {
			return check{OK: true, Detail: s.Name + " (" + s.Detail + ")"}
		}
	}
	if !bus {
		return check{Detail: "none: natural breaks off; no session bus, and no other source answered"}
	}
	return check{Detail: "none: natural breaks off; no source answered"}
}

// holdSwitchedOff returns the config.toml key that turns off the hold
// source named name (as desktop.HoldSources names them) when b has it
// off, and "" when it is on. (An empty pause_while_running list is said
// in the source's own detail.)
func holdSwitchedOff(name string, b store.BehaviourPrefs) string {
	on, key := true, ""
	switch name {
	case "camera":
		on, key = b.HoldCamera, "wait_for_camera"
	case "microphone":
		on, key = b.HoldMicrophone, "wait_for_microphone"
	case "fullscreen window":
		on, key = b.HoldFullscreen, "wait_for_fullscreen"
	case "do not disturb":
		on, key = b.HoldDoNotDisturb, "wait_for_do_not_disturb"
	}
	if on {
		return ""
	}
	return key
}

func examineNotifier(n *notify.Notifier) notifyCheck {
	c := notifyCheck{Capabilities: n.Capabilities(), Buttons: n.HasActions()}
	name, vendor, ver, err := n.ServerInfo()
	if err != nil {
		c.Detail = err.Error()
		return c
	}
	c.OK, c.Server, c.Vendor, c.Version = true, name, vendor, ver
	buttons := "with buttons"
	if !c.Buttons {
		buttons = "without buttons (the server shows none): use the tray or `limber stretch`"
	}
	c.Detail = fmt.Sprintf("%s %s (%s), %s; capabilities: %s", name, ver, vendor, buttons, strings.Join(c.Capabilities, ", "))
	return c
}

func examineAutostart() check {
	on, err := desktop.AutostartEnabled()
	switch {
	case err != nil:
		return check{Detail: "unknown: " + err.Error()}
	case on:
		return check{OK: true, Detail: "on (" + desktop.AutostartPath() + ")"}
	default:
		return check{OK: true, Detail: "off (would be " + desktop.AutostartPath() + ")"}
	}
}

func examineUI() check {
	path, err := uiproc.Find()
	if err != nil {
		return check{Detail: "not found (" + err.Error() + "): no stretch card or settings windows, reminders come as notifications only"}
	}
	return check{OK: true, Detail: path}
}

func examineRunning(socket string) check {
	resp, err := control.Call(socket, control.Request{Cmd: "status"})
	switch {
	case errors.Is(err, control.ErrNotRunning):
		return check{Detail: "no (nothing answers on " + socket + ")"}
	case err != nil:
		return check{Detail: "unknown: " + err.Error()}
	case !resp.OK:
		return check{Detail: "yes, but it answered: " + resp.Error}
	}
	var st daemon.Status
	if err := json.Unmarshal(resp.Data, &st); err != nil {
		return check{Detail: "yes, but its status is unreadable: " + err.Error()}
	}
	return check{OK: true, Detail: "yes: " + st.Text}
}

func printReport(w io.Writer, r doctorReport) {
	fmt.Fprintf(w, "limber:        %s (%s, %s)\n", r.Version, r.Go, r.Platform)
	fmt.Fprintf(w, "config:        %s\n", configLine(r.Config))
	for _, e := range r.Config.Errors {
		fmt.Fprintf(w, "  error:       %s\n", e)
	}
	for _, e := range r.Config.Warnings {
		fmt.Fprintf(w, "  warning:     %s\n", e)
	}
	fmt.Fprintf(w, "history:       %s\n", historyLine(r.History))
	fmt.Fprintf(w, "session bus:   %s\n", r.SessionBus.Detail)
	fmt.Fprintf(w, "tray host:     %s\n", r.TrayHost.Detail)
	fmt.Fprintf(w, "notifications: %s\n", r.Notifications.Detail)
	fmt.Fprintf(w, "idle time:     %s\n", r.Idle.Detail)
	for _, s := range r.IdleSources {
		fmt.Fprintf(w, "  tried:       %s: %s\n", s.Name, idleSourceLine(s))
	}
	fmt.Fprintf(w, "holds:         what can hold a break back on this machine\n")
	for _, h := range r.Holds {
		fmt.Fprintf(w, "  %-18s %s\n", h.Name+":", holdLine(h))
	}
	fmt.Fprintf(w, "limber-ui:     %s\n", r.UI.Detail)
	fmt.Fprintf(w, "autostart:     %s\n", r.Autostart.Detail)
	fmt.Fprintf(w, "running:       %s\n", r.Running.Detail)
}

func idleSourceLine(s desktop.SourceInfo) string {
	switch {
	case s.Used:
		return "used, " + s.Detail
	case s.Available:
		return "answers too, " + s.Detail
	default:
		return "not available: " + s.Detail
	}
}

func holdLine(h holdCheck) string {
	line := "not available: " + h.Detail
	if h.Available {
		line = "available: " + h.Detail
	}
	if h.OffBy != "" {
		line += " (off: " + h.OffBy + " = false)"
	}
	return line
}

func configLine(c configCheck) string {
	var state string
	switch {
	case !c.Exists && c.Valid:
		state = "not there yet; Limber uses its defaults and writes it on first start"
	case c.Valid && len(c.Warnings) == 0:
		state = "valid"
	case c.Valid:
		state = fmt.Sprintf("valid, %s (ignored)", count(len(c.Warnings), "warning"))
	default:
		state = fmt.Sprintf("%s, %s; Limber runs on its last good settings (or its defaults) until they are fixed", count(len(c.Errors), "error"), count(len(c.Warnings), "warning"))
	}
	return c.Path + ": " + state
}

func historyLine(h historyCheck) string {
	s := fmt.Sprintf("%s: %s", h.Path, count(h.Entries, "entry"))
	if h.Skipped > 0 {
		s += fmt.Sprintf(", %s skipped", count(h.Skipped, "unreadable line"))
	}
	if h.Error != "" {
		s += "; " + h.Error
	}
	return s
}

// count returns "1 error", "2 errors", "3 entries".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
