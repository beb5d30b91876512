package notify

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/icons"
)

// The org.freedesktop.Notifications service, as the Desktop Notifications
// Specification names it.
const (
	serverName  = "org.freedesktop.Notifications"
	serverPath  = dbus.ObjectPath("/org/freedesktop/Notifications")
	serverIface = "org.freedesktop.Notifications"
)

// callTimeout bounds one call to the notification server, so that a server
// that has hung cannot hang Limber with it.
const callTimeout = 5 * time.Second

// What the user chose on a break notification, as Actions delivers it.
const (
	ActionStart  = "start"
	ActionSnooze = "snooze"
	ActionSkip   = "skip"
)

// breakActions are the buttons of a break notification, as key, label
// pairs, in the user's language. "default" is what a click on the
// notification itself does; most servers show no button for it.
func breakActions(snooze time.Duration) []string {
	return []string{
		"default", i18n.T("Start stretch"),
		ActionStart, i18n.T("Start stretch"),
		ActionSnooze, SnoozeLabel(snooze),
		ActionSkip, i18n.T("Skip"),
	}
}

// SnoozeLabel names the Snooze button after how long it snoozes: "Snooze
// 10 min", or plain "Snooze" for the seconds-long snoozes of demos; 0 means
// 5 minutes.
func SnoozeLabel(d time.Duration) string {
	if d <= 0 {
		d = 5 * time.Minute
	}
	m := int(d / time.Minute)
	if m < 1 {
		return i18n.T("Snooze")
	}
	return i18n.N("Snooze {{.Minutes}} min", m, map[string]any{"Minutes": m})
}

// actionKeys maps the action keys of breakActions to what Actions delivers.
var actionKeys = map[string]string{
	"default":    ActionStart,
	ActionStart:  ActionStart,
	ActionSnooze: ActionSnooze,
	ActionSkip:   ActionSkip,
}

// markup escapes the characters that servers with the "body-markup"
// capability would read as markup.
var markup = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// Notifier sends break notifications with buttons where the server supports
// them, talking to org.freedesktop.Notifications on a private D-Bus
// connection it owns. It is safe for concurrent use.
type Notifier struct {
	conn    *dbus.Conn
	server  dbus.BusObject
	caps    []string // set once by NewNotifier
	signals chan *dbus.Signal
	actions chan string
	done    chan struct{} // closed by Close
	exited  chan struct{} // closed when forward returns

	closeOnce sync.Once
	closeErr  error

	mu      sync.Mutex
	current uint32 // id of our break notification on screen; 0 for none
	icon    string // path of the icon file; "" until written
	sound   bool   // ask the server to play a sound with breaks
	snooze  time.Duration
}

// SetSnooze sets how long the Snooze button snoozes, for its label.
func (n *Notifier) SetSnooze(d time.Duration) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.snooze = d
}

// soundName is the freedesktop sound theme's name for the sound a break
// notification asks for.
const soundName = "message-new-instant"

// SetSound says whether break notifications ask the server to play its
// sound ([behaviour] sound) or to stay silent.
func (n *Notifier) SetSound(on bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.sound = on
}

// NewNotifier returns a Notifier on conn, which must be a private
// connection (desktop.PrivateSessionBus), never the shared dbus.SessionBus:
// the Notifier listens for signals on it and closes it in Close. It asks
// the server for its capabilities once, here; a server that does not
// answer is an error, and then conn is left open for the caller to close.
func NewNotifier(conn *dbus.Conn) (*Notifier, error) {
	n := &Notifier{
		conn:    conn,
		server:  conn.Object(serverName, serverPath),
		signals: make(chan *dbus.Signal, 16),
		actions: make(chan string, 4),
		done:    make(chan struct{}),
		exited:  make(chan struct{}),
	}
	// Only the owner of the server's name is heard: another program
	// cannot press our buttons by sending look-alike signals.
	match := []dbus.MatchOption{
		dbus.WithMatchSender(serverName),
		dbus.WithMatchObjectPath(serverPath),
		dbus.WithMatchInterface(serverIface),
	}
	if err := conn.AddMatchSignal(match...); err != nil {
		return nil, fmt.Errorf("listen to %s: %w", serverName, err)
	}
	conn.Signal(n.signals)
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	if err := n.server.CallWithContext(ctx, serverIface+".GetCapabilities", 0).Store(&n.caps); err != nil {
		conn.RemoveSignal(n.signals)
		return nil, errors.Join(fmt.Errorf("ask %s for its capabilities: %w", serverName, err), conn.RemoveMatchSignal(match...))
	}
	go n.forward()
	return n, nil
}

// HasActions reports whether the server shows buttons on notifications.
func (n *Notifier) HasActions() bool {
	return slices.Contains(n.caps, "actions")
}

// Capabilities returns what the server said it can do, such as "actions",
// "body" and "body-markup".
func (n *Notifier) Capabilities() []string {
	return slices.Clone(n.caps)
}

// ServerInfo asks the server for its name, vendor and version.
func (n *Notifier) ServerInfo() (name, vendor, version string, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	var spec string
	err = n.server.CallWithContext(ctx, serverIface+".GetServerInformation", 0).Store(&name, &vendor, &version, &spec)
	if err != nil {
		return "", "", "", fmt.Errorf("ask %s who it is: %w", serverName, err)
	}
	return name, vendor, version, nil
}

// SendBreak shows a break notification from Limber with the buttons Start
// stretch, Snooze 5 min and Skip (a click on the notification itself
// starts the stretch) when the server shows buttons, and without them when
// it does not. It replaces the break notification sent before, if that is
// still on screen, instead of adding another. body is plain text.
func (n *Notifier) SendBreak(title, body string) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	var actions []string
	if n.HasActions() {
		actions = breakActions(n.snooze)
	}
	if slices.Contains(n.caps, "body-markup") {
		body = markup.Replace(body)
	}
	hints := map[string]dbus.Variant{"urgency": dbus.MakeVariant(byte(1))}
	if n.sound {
		hints["sound-name"] = dbus.MakeVariant(soundName)
	} else {
		hints["suppress-sound"] = dbus.MakeVariant(true)
	}
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	var id uint32
	err := n.server.CallWithContext(ctx, serverIface+".Notify", 0,
		AppName, n.current, n.iconLocked(), title, body, actions, hints, int32(-1)).Store(&id)
	if err != nil {
		return fmt.Errorf("show notification %q: %w", title, err)
	}
	n.current = id
	return nil
}

// iconLocked returns the path of a file holding icons.AppIcon, writing it
// first if it is not there (the first time, or after something cleaned the
// temporary folder), or "" for no icon when it cannot be written: an icon
// is not worth failing a reminder for. The file has a random name, so no
// other user can plant a link there, and Close removes it.
func (n *Notifier) iconLocked() string {
	if n.icon != "" {
		if _, err := os.Stat(n.icon); err == nil {
			return n.icon
		}
	}
	f, err := os.CreateTemp("", "limber-icon-*.png")
	if err != nil {
		return ""
	}
	_, err = f.Write(icons.AppIcon)
	if err = errors.Join(err, f.Close()); err != nil {
		os.Remove(f.Name())
		return ""
	}
	n.icon = f.Name()
	return n.icon
}

// Actions delivers what the user chose on Limber's break notifications:
// ActionStart, ActionSnooze or ActionSkip. Buttons of other programs'
// notifications are not delivered. The channel is closed after Close, and
// when the connection to the bus is lost.
func (n *Notifier) Actions() <-chan string {
	return n.actions
}

// forward turns the server's signals into Actions until Close or until the
// connection ends.
func (n *Notifier) forward() {
	defer close(n.exited)
	defer close(n.actions)
	for {
		select {
		case sig, ok := <-n.signals:
			if !ok {
				return
			}
			key, ok := n.action(sig)
			if !ok {
				continue
			}
			select {
			case n.actions <- key:
			case <-n.done:
				return
			}
		case <-n.done:
			return
		}
	}
}

// action returns what sig, from the server, asks Limber to do, if anything,
// and notes when our notification has closed.
func (n *Notifier) action(sig *dbus.Signal) (string, bool) {
	if sig.Path != serverPath || len(sig.Body) != 2 {
		return "", false
	}
	id, ok := sig.Body[0].(uint32)
	if !ok || id == 0 {
		return "", false
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	if id != n.current {
		return "", false
	}
	switch sig.Name {
	case serverIface + ".ActionInvoked":
		key, _ := sig.Body[1].(string)
		action, ok := actionKeys[key]
		return action, ok
	case serverIface + ".NotificationClosed":
		n.current = 0
	}
	return "", false
}

// Close withdraws the break notification still on screen (its buttons
// would do nothing once Limber is gone), stops Actions, closes the
// connection and removes the icon file. Calls after the first return the
// first one's result.
func (n *Notifier) Close() error {
	n.closeOnce.Do(func() {
		close(n.done)
		n.mu.Lock()
		current, icon := n.current, n.icon
		n.current = 0
		n.mu.Unlock()
		var errs []error
		if current != 0 {
			ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
			err := n.server.CallWithContext(ctx, serverIface+".CloseNotification", 0, current).Err
			cancel()
			if err != nil {
				errs = append(errs, fmt.Errorf("withdraw the break notification: %w", err))
			}
		}
		errs = append(errs, n.conn.Close())
		<-n.exited
		if icon != "" {
			if err := os.Remove(icon); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
		}
		n.closeErr = errors.Join(errs...)
	})
	return n.closeErr
}
