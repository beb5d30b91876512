//go:build linux

package e2e

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/godbus/dbus/v5"
)

const (
	itemIface = "org.kde.StatusNotifierItem"
	menuIface = "com.canonical.dbusmenu"
)

// MenuItem is one row of a tray menu, as com.canonical.dbusmenu reports it.
type MenuItem struct {
	ID      int32
	Label   string
	Enabled bool
	Visible bool
	Type    string // "standard" or "separator"
}

// Menu is a com.canonical.dbusmenu client for one tray item's menu. It is
// safe for concurrent use.
type Menu struct {
	conn *dbus.Conn
	obj  dbus.BusObject
}

// OpenMenu finds the menu of the tray item served by service at itemPath
// (usually /StatusNotifierItem) by reading the item's Menu property.
func OpenMenu(ctx context.Context, conn *dbus.Conn, service string, itemPath dbus.ObjectPath) (*Menu, error) {
	var v dbus.Variant
	err := conn.Object(service, itemPath).CallWithContext(ctx, "org.freedesktop.DBus.Properties.Get", 0, itemIface, "Menu").Store(&v)
	if err != nil {
		return nil, fmt.Errorf("read Menu of %s%s: %w", service, itemPath, err)
	}
	path, ok := v.Value().(dbus.ObjectPath)
	if !ok || !path.IsValid() {
		return nil, fmt.Errorf("menu property of %s%s is %v, want an object path", service, itemPath, v)
	}
	return &Menu{conn: conn, obj: conn.Object(service, path)}, nil
}

// layoutNode is the dbusmenu layout signature (ia{sv}av).
type layoutNode struct {
	ID       int32
	Props    map[string]dbus.Variant
	Children []dbus.Variant
}

// Items returns the menu's rows in order, submenus flattened depth first;
// the root is left out.
//
// fyne.io/systray answers the first GetLayout after a menu reset with depth
// 1 only (a workaround for libdbusmenu-gtk3), so when a submenu comes back
// without its children the layout is asked for once more.
func (m *Menu) Items(ctx context.Context) ([]MenuItem, error) {
	for attempt := 0; ; attempt++ {
		var revision uint32
		var root layoutNode
		err := m.obj.CallWithContext(ctx, menuIface+".GetLayout", 0, int32(0), int32(-1), []string{}).Store(&revision, &root)
		if err != nil {
			return nil, fmt.Errorf("GetLayout: %w", err)
		}
		var items []MenuItem
		truncated, err := flatten(root.Children, &items)
		if err != nil {
			return nil, err
		}
		if !truncated || attempt > 0 {
			return items, nil
		}
	}
}

// flatten appends children to out and reports whether a submenu came back
// without its children.
func flatten(children []dbus.Variant, out *[]MenuItem) (truncated bool, err error) {
	for _, c := range children {
		var n layoutNode
		if err := dbus.Store([]any{c.Value()}, &n); err != nil {
			return false, fmt.Errorf("menu layout: %w", err)
		}
		*out = append(*out, menuItem(n))
		if s, _ := n.Props["children-display"].Value().(string); s == "submenu" && len(n.Children) == 0 {
			truncated = true
		}
		t, err := flatten(n.Children, out)
		if err != nil {
			return false, err
		}
		truncated = truncated || t
	}
	return truncated, nil
}

// menuItem applies the dbusmenu defaults: enabled, visible, standard.
func menuItem(n layoutNode) MenuItem {
	it := MenuItem{ID: n.ID, Enabled: true, Visible: true, Type: "standard"}
	if v, ok := n.Props["label"].Value().(string); ok {
		it.Label = v
	}
	if v, ok := n.Props["enabled"].Value().(bool); ok {
		it.Enabled = v
	}
	if v, ok := n.Props["visible"].Value().(bool); ok {
		it.Visible = v
	}
	if v, ok := n.Props["type"].Value().(string); ok {
		it.Type = v
	}
	return it
}

// Find returns the first row whose label starts with prefix.
func (m *Menu) Find(ctx context.Context, prefix string) (MenuItem, error) {
	items, err := m.Items(ctx)
	if err != nil {
		return MenuItem{}, err
	}
	for _, it := range items {
		if strings.HasPrefix(it.Label, prefix) {
			return it, nil
		}
	}
	return MenuItem{}, fmt.Errorf("no menu row starting %q in %v", prefix, Labels(items))
}

// Click sends the "clicked" event for row id, as a panel does when the user
// picks it.
func (m *Menu) Click(ctx context.Context, id int32) error {
	err := m.obj.CallWithContext(ctx, menuIface+".Event", 0, id, "clicked", dbus.MakeVariant(""), uint32(time.Now().Unix())).Err
	if err != nil {
		return fmt.Errorf("click menu row %d: %w", id, err)
	}
	return nil
}

// ClickLabel clicks the first row whose label starts with prefix.
func (m *Menu) ClickLabel(ctx context.Context, prefix string) error {
	it, err := m.Find(ctx, prefix)
	if err != nil {
		return err
	}
	return m.Click(ctx, it.ID)
}

// Labels returns the labels of items, for failure messages.
func Labels(items []MenuItem) []string {
	labels := make([]string, len(items))
	for i, it := range items {
		labels[i] = it.Label
	}
	return labels
}
