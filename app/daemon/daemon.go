// Package daemon wires the resident limber process together: the scheduling
// engine, the tray, notifications, the window process, the control socket
// and the files, around one loop that owns all of them.
package daemon

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/desktop"
	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/notify"
	"github.com/limber-app/limber/app/store"
	"github.com/limber-app/limber/app/tray"
	"github.com/limber-app/limber/app/uiproc"
	"github.com/limber-app/limber/app/uiproto"
	"github.com/limber-app/limber/exercises"
	"github.com/limber-app/limber/reminders"
)

// ErrRunning is returned by Run when another limber already runs; the
// caller has asked it to show its window.
var ErrRunning = errors.New("limber is already running")

// historyKeep is how long history entries are kept one by one; older ones
// are folded into monthly summaries.
const historyKeep = 365 * 24 * time.Hour

// configSettle is how long a changed config file must stay quiet before it
// is read: editors write in several steps.
const configSettle = 300 * time.Millisecond

// trayGrace is how long a tray host may take to appear after limber starts
// (at login the panel and Limber start at the same time).
const trayGrace = 3 * time.Second

// request is a control-socket request waiting for the loop's answer.
type request struct {
	req   control.Request
	reply chan control.Response
}

// daemon is the state the loop owns. Only the loop goroutine touches it.
type daemon struct {
	paths   store.Paths
	limits  store.Limits
	cfg     store.Config
	engine  *reminders.Engine
	history store.History
	tray    *tray.Tray
	ui      *uiproc.Process // nil when limber-ui is missing
	recent  exercises.History
	wake    time.Time // when the engine wants the next Tick
	// statusUntil is when the tray's status row may next change by itself:
	// the engine's wake or midnight ("Mon 09:00" becomes "09:00").
	statusUntil time.Time
	state       reminders.State // as last shown
	quit        bool

	notifier     *notify.Notifier   // nil: plain notifications through beeep
	idle         desktop.IdleSource // nil: no natural breaks
	nextIdlePoll time.Time          // when to ask for idle time next; zero: at once
	snoozed      bool               // the current stand break was snoozed (strict mode allows one)
	standDueAt   time.Time          // when the current stand break fell due
	followedUp   bool               // its one follow-up was sent
	standStretch string             // the stretch its notification suggested
	cardWaiting  *pendingCard       // a card waiting for a pause in typing
	nextStand    time.Time          // when the next stand break falls due, as last shown
	away         bool               // the user is on a natural break, as last shown
	headsUpFor   time.Time          // the stand break whose heads-up was sent

	configChanged <-chan struct{} // the config file may have changed
	configText    string          // the config file as last read
	cfgGood       bool            // d.cfg came from the file, not the defaults

	holder   *holder                     // nil: nothing holds reminders back
	held     []reminders.Reminder        // due reminders waiting for a hold to end
	heldWhy  string                      // the hold's name, for the tray
	session  <-chan desktop.SessionEvent // sleep and lock, nil when not watched
	lockedAt time.Time                   // when the screen locked, zero when not

	trayHost   <-chan desktop.TrayHostEvent // the tray host coming and going, nil when not watched
	toldNoTray bool                         // the user has been told there is no tray
}

// Run runs the resident process until the user quits or a signal ends it.
func Run(paths store.Paths, lim store.Limits) error {
	srv, err := control.Listen(paths.Socket)
	if errors.Is(err, control.ErrRunning) {
		if _, err := control.Call(paths.Socket, control.Request{Cmd: "show"}); err != nil {
			return fmt.Errorf("limber is running but does not answer: %w", err)
		}
		return ErrRunning
	}
	if err != nil {
		return err
	}
	defer srv.Close()

	d := &daemon{paths: paths, limits: lim, history: store.History{Path: paths.History}}
	d.loadConfig(lim)
	if n, err := store.Compact(d.history, time.Now(), historyKeep); err != nil {
		log.Print(err)
	} else if n > 0 {
		log.Printf("history: folded %d entries older than a year into monthly summaries", n)
	}
	d.recent = recentFromHistory(d.history)
	now := time.Now()
	d.engine = reminders.NewEngine(d.cfg.EngineSchedule(), now)
	// Learn the engine's first wake now: a request that comes before the
	// loop's first tick resets the timer to it.
	d.keep(d.engineStep(now, reminders.Event{Type: reminders.Tick}))
	if path, err := uiproc.Find(); err != nil {
		log.Print(err)
		d.notify(i18n.T("Limber cannot open windows"), i18n.T("limber-ui was not found next to limber or on PATH; reminders come as notifications only."))
	} else {
		d.ui = uiproc.New(path)
	}

	requests := make(chan request)
	go srv.Serve(func(r control.Request) control.Response {
		reply := make(chan control.Response, 1)
		requests <- request{req: r, reply: reply}
		return <-reply
	})
	if changed, stop, err := store.Watch(paths.Config); err != nil {
		log.Printf("edits to %s need \"limber reload\": %v", paths.Config, err)
	} else {
		defer stop()
		d.configChanged = changed
	}
	d.connectDesktop()
	defer d.closeDesktop()
	d.replaceHolder()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	d.watchSession(ctx)
	st := d.engine.Status(now)
	d.tray = tray.Start(trayRoutines(), statusText(st, now), trayState(st))
	defer d.tray.Stop()
	d.watchTrayHost(ctx)
	return d.loop(requests)
}

func (d *daemon) loadConfig(lim store.Limits) {
	if _, err := store.EnsureConfig(d.paths.Config); err != nil {
		log.Print(err)
	}
	text, _ := os.ReadFile(d.paths.Config)
	d.configText = string(text)
	cfg, warnings, err := store.LoadConfig(d.paths.Config, lim)
	for _, w := range warnings {
		log.Print(w)
	}
	// A broken file leaves the last good settings in force, or the
	// defaults when there have been none.
	if err == nil || !d.cfgGood {
		d.cfg = cfg
	}
	d.cfgGood = d.cfgGood || err == nil
	if err != nil {
		log.Print(err)
		first := err.Error()
		var ps store.Problems
		if errors.As(err, &ps) && len(ps) > 0 {
			first = ps[0].Error()
		}
		d.notify(i18n.T("Limber's settings have a problem"), first+"\n"+i18n.T("Until the file is fixed, Limber keeps its last good settings (or its defaults); the file was left as it is."))
	}
}

func (d *daemon) loop(requests <-chan request) error {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)

	hostCheck := time.After(trayGrace)
	var settle <-chan time.Time // a config change waiting for writes to settle
	timer := time.NewTimer(0)
	defer timer.Stop()
	var uiEvents <-chan uiproto.Event
	if d.ui != nil {
		uiEvents = d.ui.Events()
	}
	for !d.quit {
		select {
		case <-timer.C:
			d.checkTypingPause(time.Now().Round(0))
			d.pollIdle(time.Now().Round(0))
			d.checkHeadsUp(time.Now().Round(0))
			d.step(reminders.Event{Type: reminders.Tick})
		case a, ok := <-d.notifierActions():
			d.notificationAction(a, ok)
		case ev, ok := <-d.session:
			d.sessionEvent(ev, ok)
		case a := <-d.tray.Actions():
			d.trayAction(a)
		case r := <-requests:
			r.reply <- d.handle(r.req)
		case ev := <-uiEvents:
			d.uiEvent(ev)
		case <-d.configChanged:
			if settle == nil {
				settle = time.After(configSettle)
			}
		case <-settle:
			settle = nil
			d.reloadIfChanged()
		case <-hostCheck:
			d.checkTrayHost()
		case ev, ok := <-d.trayHost:
			d.trayHostEvent(ev, ok)
		case s := <-sigs:
			if s == syscall.SIGHUP {
				d.reload()
				break
			}
			log.Printf("%v: quitting", s)
			d.quit = true
		}
		if !d.quit {
			timer.Reset(d.wait())
		}
	}
	if d.ui != nil {
		d.ui.Stop(5 * time.Second)
	}
	return nil
}

// step feeds ev to the engine, delivers what falls due and updates the tray.
func (d *daemon) step(ev reminders.Event) {
	now := time.Now().Round(0)
	wake := d.wake
	due := d.release(now, d.engineStep(now, ev))
	for _, r := range due {
		d.deliver(r, now)
	}
	// A plain tick that changed nothing leaves the tray as it is:
	// working out the status costs more than the tick itself.
	if ev.Type == reminders.Tick && len(due) == 0 && len(d.held) == 0 &&
		d.wake.Equal(wake) && now.Before(d.statusUntil) {
		return
	}
	d.showStatus(now)
}

// wait returns how long the loop may sleep: until the engine's next wake,
// but no later than the next tick (see tickEvery).
func (d *daemon) wait() time.Duration {
	now := time.Now()
	next := now.Truncate(d.tickEvery()).Add(d.tickEvery())
	if !d.wake.IsZero() && d.wake.Before(next) {
		next = d.wake
	}
	if d.cardWaiting != nil && now.Add(typingCheck).Before(next) {
		next = now.Add(typingCheck)
	}
	if at := d.headsUpAt(); !at.IsZero() && at.Before(next) {
		next = at
	}
	if d.pollIdleDue() && d.nextIdlePoll.Before(next) {
		next = d.nextIdlePoll
	}
	if len(d.held) > 0 {
		t := now
		if d.holder != nil {
			t = d.holder.nextCheck(now.Round(0))
		}
		if t.Before(next) {
			next = t
		}
	}
	return max(next.Sub(now), 0)
}

// tickEvery is how often the loop wakes with nothing due (idle time polls
// come on top, see idlePollAfter): every five minutes, a safety net that
// catches a sleep the session signals did not report (Go's timers stop
// while the machine sleeps). Each wake costs the Go runtime a few dozen
// context switches, so fewer wakes keep limber idle.
func (d *daemon) tickEvery() time.Duration {
	return 5 * time.Minute
}

// engineStep is the only way the daemon steps the engine: it keeps the
// engine's requested wake time. Any step can make reminders due (time has
// passed since the last one): a caller that does not deliver what it
// returns hands it to keep.
func (d *daemon) engineStep(now time.Time, ev reminders.Event) []reminders.Reminder {
	due, wake := d.engine.Step(now, ev)
	d.wake = wake
	return due
}

func (d *daemon) showStatus(now time.Time) {
	y, m, day := now.Date()
	d.statusUntil = time.Date(y, m, day+1, 0, 0, 0, 0, now.Location())
	if !d.wake.IsZero() && d.wake.Before(d.statusUntil) {
		d.statusUntil = d.wake
	}
	st := d.engine.Status(now)
	d.nextStand, d.away = st.NextStand, st.Away
	if d.cfg.Behaviour.DaySummary && dayEnded(d.state, st, now) {
		d.sendDaySummary(now)
	}
	d.state = st.State
	if d.heldWhy != "" {
		if d.tray != nil {
			d.tray.Show(waitingText(d.heldWhy), tray.Due)
		}
		return
	}
	if d.tray != nil { // nil only in tests that step a bare daemon
		d.tray.Show(statusText(st, now), trayState(st))
	}
}

func (d *daemon) deliver(r reminders.Reminder, now time.Time) {
	d.record(store.Entry{At: now, Type: store.EntryDue, Kind: string(r.Kind)})
	switch r.Kind {
	case reminders.Stand:
		if r.Repeat {
			d.followUp(now)
			return
		}
		ids := d.suggest(now)
		d.standDueAt, d.followedUp, d.standStretch = now, false, firstOf(ids)
		body := i18n.T("Time for a short stretch.")
		if ex, ok := exercises.Get(firstOf(ids)); ok {
			body = ex.Name + ": " + ex.Steps[0]
		}
		d.sendBreak(standTitle(), body)
		if d.cfg.Card.AutoOpen && !r.Repeat {
			d.openCardAtPause(now, d.cardCommand(ids, string(r.Kind), false))
		}
	case reminders.Posture:
		d.notify(postureTitle(), postureBody())
		d.keep(d.engineStep(now, reminders.Event{Type: reminders.Respond, Kind: r.Kind, Outcome: reminders.Done}))
	case reminders.RoutineKind:
		d.deliverRoutine(r.Routine)
	case reminders.Water:
		d.notify(waterTitle(), waterBody())
		d.keep(d.engineStep(now, reminders.Event{Type: reminders.Respond, Kind: r.Kind, Outcome: reminders.Done}))
	}
}

// followUp sends the one gentle reminder of a stand break that has gone
// unanswered for followUpAfter, with a different, quicker stretch.
func (d *daemon) followUp(now time.Time) {
	if d.followedUp || now.Sub(d.standDueAt) < followUpAfter {
		return
	}
	d.followedUp = true
	ids := d.suggest(now)
	body := i18n.T("Still time for a short stretch.")
	if ex, ok := shorterStretch(ids, d.standStretch); ok {
		body = i18n.T("A quick one: {{.Name}}. {{.Step}}", map[string]string{"Name": ex.Name, "Step": ex.Steps[0]})
	}
	d.sendBreak(i18n.T("A stretch is still waiting"), body)
}

func (d *daemon) suggest(now time.Time) []string {
	list := exercises.Suggest(d.cfg.Stretches, d.recent, now, 8)
	ids := make([]string, len(list))
	for i, ex := range list {
		ids[i] = ex.ID
	}
	return ids
}

func firstOf(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return ids[0]
}

// openCard asks limber-ui for a stretch card. focus is true when the user
// asked for it, false when a break fell due on its own.
func (d *daemon) openCard(ids []string, kind string, focus bool) {
	d.cardWaiting = nil // the card asked for now replaces one waiting
	d.sendCard(d.cardCommand(ids, kind, focus))
}

func (d *daemon) cardCommand(ids []string, kind string, focus bool) uiproto.Command {
	strict := d.cfg.Card.Strict
	return uiproto.Command{
		Op: uiproto.OpCard, Exercises: ids, Kind: kind, Focus: focus,
		Strict: strict, NoSnooze: strict && d.snoozed,
		SnoozeSeconds: int(d.cfg.Schedule.Snooze / time.Second),
	}
}

func (d *daemon) sendCard(cmd uiproto.Command) {
	if d.ui == nil || len(cmd.Exercises) == 0 {
		return
	}
	d.recent.Suggested = append(d.recent.Suggested, cmd.Exercises[0])
	if err := d.ui.Send(cmd); err != nil {
		log.Print(err)
	}
}

func (d *daemon) startStretch() {
	now := time.Now().Round(0)
	d.keep(d.engineStep(now, reminders.Event{Type: reminders.Trigger, Kind: reminders.Stand}))
	d.openCard(d.suggest(now), string(reminders.Stand), true)
	d.showStatus(now)
}

func (d *daemon) trayAction(c tray.Choice) {
	now := time.Now().Round(0)
	switch a := c.Action; a {
	case tray.StartRoutine:
		d.startRoutine(c.Routine)
	case tray.StartStretch:
		d.startStretch()
	case tray.PostureCheck:
		d.notify(postureTitle(), postureBody())
		d.step(reminders.Event{Type: reminders.Respond, Kind: reminders.Posture, Outcome: reminders.Done})
	case tray.Pause30, tray.PauseHour, tray.Pause2Hours:
		d.step(reminders.Event{Type: reminders.Pause, Until: now.Add(pauseLengths[a])})
	case tray.PauseTomorrow:
		d.step(reminders.Event{Type: reminders.Pause, Until: d.tomorrow(now)})
	case tray.PauseIndefinitely:
		d.step(reminders.Event{Type: reminders.Pause})
	case tray.Resume:
		d.step(reminders.Event{Type: reminders.Resume})
	case tray.Settings:
		d.openWindow(uiproto.OpSettings)
	case tray.Safety:
		d.openWindow(uiproto.OpSafety)
	case tray.LogCrack:
		d.openWindow(uiproto.OpCrack)
	case tray.Statistics:
		d.openWindow(uiproto.OpStats)
	case tray.Quit:
		d.quit = true
	}
}

var pauseLengths = map[tray.Action]time.Duration{
	tray.Pause30:     30 * time.Minute,
	tray.PauseHour:   time.Hour,
	tray.Pause2Hours: 2 * time.Hour,
}

// tomorrow is when a pause "until tomorrow" ends: the first work span that
// starts tomorrow or later (or tomorrow's midnight with no work hours).
func (d *daemon) tomorrow(now time.Time) time.Time {
	y, m, day := now.Date()
	midnight := time.Date(y, m, day+1, 0, 0, 0, 0, now.Location())
	if next := d.cfg.Schedule.NextSpanStart(midnight.Add(-time.Nanosecond)); !next.IsZero() {
		return next
	}
	return midnight
}

// deliverRoutine announces a timed routine and, with auto-open on, opens it
// without taking the keyboard from the user.
func (d *daemon) deliverRoutine(id string) {
	for _, r := range exercises.Routines() {
		if r.ID != id {
			continue
		}
		d.notify(routineTitle(r.Name), routineBody(r))
		if d.cfg.Card.AutoOpen && d.ui != nil {
			if err := d.ui.Send(uiproto.Command{Op: uiproto.OpRoutine, Routine: id}); err != nil {
				log.Print(err)
			}
		}
		return
	}
	log.Printf("timed routine %q is not in the library", id)
}

func trayRoutines() []tray.Routine {
	var out []tray.Routine
	for _, r := range exercises.Routines() {
		out = append(out, tray.Routine{ID: r.ID, Name: r.Name})
	}
	return out
}

// startRoutine opens the routine player on the routine with this id.
func (d *daemon) startRoutine(id string) control.Response {
	known := false
	for _, r := range exercises.Routines() {
		known = known || r.ID == id
	}
	if !known {
		return control.Fail("no routine %q (see limber routine --list)", id)
	}
	if d.ui == nil {
		return control.Fail("limber-ui was not found next to limber or on PATH")
	}
	if err := d.ui.Send(uiproto.Command{Op: uiproto.OpRoutine, Routine: id, Focus: true}); err != nil {
		return control.Fail("%v", err)
	}
	return control.OK(nil)
}

// openWindow asks limber-ui for a window other than the card.
func (d *daemon) openWindow(op string) {
	if d.ui == nil {
		d.notify(i18n.T("Limber cannot open windows"), i18n.T("limber-ui was not found next to limber or on PATH."))
		return
	}
	if err := d.ui.Send(uiproto.Command{Op: op, Focus: true}); err != nil {
		log.Print(err)
	}
}

func (d *daemon) uiEvent(ev uiproto.Event) {
	switch ev.Op {
	case uiproto.OpOutcome:
		d.uiOutcome(ev)
	case uiproto.OpSaved:
		d.reload()
	case uiproto.OpShown:
		log.Printf("window shown: %s", ev.Window)
	}
}

// uiOutcome handles the answer to a card. Each stretch of a routine is
// recorded; the routine as a whole, once finished, counts as a stand break.
func (d *daemon) uiOutcome(ev uiproto.Event) {
	now := time.Now().Round(0)
	kind := reminders.Kind(ev.Kind)
	if kind == "" {
		kind = reminders.Stand
	}
	if kind != routineKind {
		d.answer(now, kind, ev.Exercise, reminders.Outcome(ev.Outcome))
		return
	}
	d.record(store.Entry{At: now, Type: store.EntryOutcome, Kind: routineKind, Exercise: ev.Exercise, Outcome: ev.Outcome})
	if _, isStretch := exercises.Get(ev.Exercise); !isStretch && ev.Outcome == string(reminders.Done) {
		d.step(reminders.Event{Type: reminders.Respond, Kind: reminders.Stand, Outcome: reminders.Done})
	}
}

// routineKind is the kind the window process gives the answers of a routine.
const routineKind = "routine"

// reloadIfChanged reloads the config when its content differs from what
// was last read, so that touching the file does not repeat a notification.
func (d *daemon) reloadIfChanged() {
	text, err := os.ReadFile(d.paths.Config)
	if err == nil && string(text) == d.configText {
		return
	}
	log.Printf("%s changed; reading it again", d.paths.Config)
	d.reload()
}

// reload reads config.toml again (after the settings window saved it, or
// on request) and hands the new schedule to the engine.
func (d *daemon) reload() {
	prefs := holdPrefsOf(d.cfg.Behaviour)
	d.loadConfig(d.limits)
	if holdPrefsOf(d.cfg.Behaviour) != prefs {
		d.replaceHolder()
	}
	s := d.cfg.EngineSchedule()
	d.step(reminders.Event{Type: reminders.Reschedule, Schedule: &s})
}

func (d *daemon) checkTrayHost() {
	ok, err := desktop.TrayHostPresent()
	if err != nil {
		log.Print(err)
	}
	if ok {
		return
	}
	log.Print("no tray host on the session bus")
	d.notify(noTrayTitle(), noTrayBody())
	d.toldNoTray = true
	d.startStretch()
}

// watchTrayHost starts listening for the tray host leaving and coming back.
func (d *daemon) watchTrayHost(ctx context.Context) {
	events, err := desktop.WatchTrayHost(ctx)
	if err != nil {
		log.Printf("the tray host is not watched: %v", err)
		return
	}
	d.trayHost = events
}

// trayHostEvent handles the tray host leaving (the user is told once per
// run how to get a tray back) and a host appearing (the tray icon is
// registered with it, in case fyne.io/systray does not do it itself).
func (d *daemon) trayHostEvent(ev desktop.TrayHostEvent, ok bool) {
	if !ok {
		d.trayHost = nil
		return
	}
	log.Print(ev)
	switch ev {
	case desktop.TrayHostGone:
		if !d.toldNoTray {
			d.toldNoTray = true
			d.notify(noTrayTitle(), noTrayBody())
		}
	case desktop.TrayHostBack:
		if err := desktop.RegisterTrayItem(); err != nil {
			log.Print(err)
		}
	}
}

func (d *daemon) handle(r control.Request) control.Response {
	now := time.Now().Round(0)
	switch r.Cmd {
	case "status":
		st := newStatus(d.engine.Status(now), now, d.ui != nil && d.ui.Running())
		if d.heldWhy != "" {
			st.Waiting, st.Text = d.heldWhy, waitingText(d.heldWhy)
		}
		return control.OK(st)
	case "stretch":
		d.startStretch()
		return control.OK(nil)
	case "posture":
		d.trayAction(tray.Choice{Action: tray.PostureCheck})
		return control.OK(nil)
	case "skip", "snooze":
		st := d.engine.Status(now)
		if st.State != reminders.Due {
			return control.Fail("no break is due, so there is nothing to %s", r.Cmd)
		}
		o := reminders.Skipped
		if r.Cmd == "snooze" {
			o = reminders.Snoozed
		}
		d.answer(now, st.Due, "", o)
		return control.OK(nil)
	case "show", "settings":
		d.openWindow(uiproto.OpSettings)
		return control.OK(nil)
	case "stats-window":
		d.openWindow(uiproto.OpStats)
		return control.OK(nil)
	case "crack-window":
		d.openWindow(uiproto.OpCrack)
		return control.OK(nil)
	case "safety":
		d.openWindow(uiproto.OpSafety)
		return control.OK(nil)
	case "pause":
		return d.pause(r.Args)
	case "resume":
		d.step(reminders.Event{Type: reminders.Resume})
		return control.OK(nil)
	case "quit":
		d.quit = true
		return control.OK(nil)
	case "routine":
		if len(r.Args) != 1 {
			return control.Fail("routine takes one argument: the routine id")
		}
		return d.startRoutine(r.Args[0])
	case "reload":
		d.reload()
		return control.OK(nil)
	default:
		return control.Fail("unknown command %q", r.Cmd)
	}
}

func (d *daemon) pause(args []string) control.Response {
	if len(args) != 1 {
		return control.Fail("pause takes one argument: a duration such as 30m or 1h, \"tomorrow\" or \"indefinitely\"")
	}
	now := time.Now().Round(0)
	switch args[0] {
	case "tomorrow":
		d.step(reminders.Event{Type: reminders.Pause, Until: d.tomorrow(now)})
		return control.OK(nil)
	case "indefinitely":
		d.step(reminders.Event{Type: reminders.Pause})
		return control.OK(nil)
	}
	dur, err := time.ParseDuration(args[0])
	if err != nil || dur < time.Minute || dur > 24*time.Hour {
		return control.Fail("pause %q: want a duration between 1m and 24h (such as 30m or 1h), \"tomorrow\" or \"indefinitely\"", args[0])
	}
	d.step(reminders.Event{Type: reminders.Pause, Until: now.Add(dur)})
	return control.OK(nil)
}

func (d *daemon) closeDesktop() {
	if d.notifier != nil {
		d.notifier.Close()
	}
}

func (d *daemon) record(e store.Entry) {
	if err := d.history.Append(e); err != nil {
		log.Print(err)
	}
}

func (d *daemon) notify(title, body string) {
	if err := notify.Send(title, body); err != nil {
		log.Print(err)
	}
}

// recentFromHistory rebuilds the picker's memory from the history file.
func recentFromHistory(h store.History) exercises.History {
	entries, skipped, err := h.ReadAll()
	if err != nil {
		log.Print(err)
	}
	if skipped > 0 {
		log.Printf("%s: skipped %d unreadable lines", h.Path, skipped)
	}
	var r exercises.History
	for _, e := range entries {
		if e.Exercise == "" {
			continue
		}
		r.Suggested = append(r.Suggested, e.Exercise)
		if e.Outcome == string(reminders.Hurt) {
			if r.Hurt == nil {
				r.Hurt = map[string]time.Time{}
			}
			r.Hurt[e.Exercise] = e.At
		}
	}
	if n := len(r.Suggested); n > 20 {
		r.Suggested = r.Suggested[n-20:]
	}
	return r
}
