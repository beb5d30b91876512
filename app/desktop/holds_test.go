//go:build linux

package desktop

import (
	"testing"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/prop"
)

// fakeNotify is a notification server's Notify method: what a server
// without properties offers.
type fakeNotify struct{}

func (fakeNotify) Notify() *dbus.Error { return nil }

// gdbusProps answers Properties.Get as GDBus (GNOME Shell) does for a
// property it does not have.
type gdbusProps struct{}

func (gdbusProps) Get(iface, name string) (dbus.Variant, *dbus.Error) {
	return dbus.Variant{}, dbus.NewError("org.freedesktop.DBus.Error.InvalidArgs", []any{"No such property '" + name + "'"})
}

// deniedProps refuses every question.
type deniedProps struct{}

func (deniedProps) Get(iface, name string) (dbus.Variant, *dbus.Error) {
	return dbus.Variant{}, dbus.NewError("org.freedesktop.DBus.Error.AccessDenied", []any{"no"})
}

func TestNotificationsInhibited(t *testing.T) {
	withProps := func(m map[string]*prop.Prop) func(*testing.T, *dbus.Conn) {
		return func(t *testing.T, conn *dbus.Conn) {
			if _, err := prop.Export(conn, notificationsPath, prop.Map{notificationsName: m}); err != nil {
				t.Fatal(err)
			}
		}
	}
	exporting := func(obj any, iface string) func(*testing.T, *dbus.Conn) {
		return func(t *testing.T, conn *dbus.Conn) {
			if err := conn.Export(obj, notificationsPath, iface); err != nil {
				t.Fatal(err)
			}
		}
	}
	tests := []struct {
		name    string
		server  func(*testing.T, *dbus.Conn) // nil: no server
		want    bool
		wantErr bool
	}{
		{"Inhibited true", withProps(map[string]*prop.Prop{"Inhibited": {Value: true}}), true, false},
		{"Inhibited false", withProps(map[string]*prop.Prop{"Inhibited": {Value: false}}), false, false},
		{"other properties only", withProps(map[string]*prop.Prop{"Paused": {Value: true}}), false, false},
		{"no such property, as GDBus says it", exporting(gdbusProps{}, "org.freedesktop.DBus.Properties"), false, false},
		{"no properties at all", exporting(fakeNotify{}, notificationsName), false, false},
		{"no server", nil, false, false},
		{"Inhibited is not a boolean", withProps(map[string]*prop.Prop{"Inhibited": {Value: "yes"}}), false, true},
		{"the server refuses", exporting(deniedProps{}, "org.freedesktop.DBus.Properties"), false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			addr := startTestBus(t)
			if tt.server != nil {
				conn := testConn(t, addr)
				tt.server(t, conn)
				own(t, conn, notificationsName)
			}
			h := NotificationsInhibited(testConn(t, addr))
			if got := h.Name(); got != "do not disturb" {
				t.Errorf("Name() = %q, want %q", got, "do not disturb")
			}
			got, err := h.Active()
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Errorf("Active() = %v, %v, want %v, error %v", got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestNotificationsInhibited_Follows(t *testing.T) {
	addr := startTestBus(t)
	conn := testConn(t, addr)
	props, err := prop.Export(conn, notificationsPath, prop.Map{notificationsName: {"Inhibited": {Value: false}}})
	if err != nil {
		t.Fatal(err)
	}
	own(t, conn, notificationsName)
	h := NotificationsInhibited(testConn(t, addr))
	for _, want := range []bool{true, false} {
		props.SetMust(notificationsName, "Inhibited", want)
		if got, err := h.Active(); got != want || err != nil {
			t.Errorf("Active() = %v, %v, want %v", got, err, want)
		}
	}
}
