//go:build linux

package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// Notification is one entry of dunst's history. (dunst 1.9 lists no
// urgency there; later versions do.)
type Notification struct {
	ID        int32
	AppName   string
	Summary   string
	Body      string
	Category  string
	Timestamp int64 // dunst's monotonic clock, µs
}

// dunstValue is one busctl --json value: {"type": "s", "data": …}.
type dunstValue struct {
	Type string          `json:"type"`
	Data json.RawMessage `json:"data"`
}

// ParseHistory parses the JSON `dunstctl history` prints, which is busctl's
// rendering of NotificationListHistory: {"type":"aa{sv}","data":[[{…}]]}.
func ParseHistory(data []byte) ([]Notification, error) {
	var reply struct {
		Data [][]map[string]dunstValue `json:"data"`
	}
	if err := json.Unmarshal(data, &reply); err != nil {
		return nil, fmt.Errorf("parse dunstctl history: %w", err)
	}
	var ns []Notification
	for _, group := range reply.Data {
		for _, m := range group {
			var n Notification
			for key, dst := range map[string]any{
				"id": &n.ID, "appname": &n.AppName, "summary": &n.Summary,
				"body": &n.Body, "category": &n.Category, "timestamp": &n.Timestamp,
			} {
				v, ok := m[key]
				if !ok {
					continue
				}
				if err := json.Unmarshal(v.Data, dst); err != nil {
					return nil, fmt.Errorf("parse dunstctl history: %s: %w", key, err)
				}
			}
			ns = append(ns, n)
		}
	}
	return ns, nil
}

// History returns the notifications dunst has closed, newest first. A
// notification is listed only after it closes; the desktop's dunst config
// closes every one after a second.
func (d *Desktop) History() ([]Notification, error) {
	out, err := d.Command("dunstctl", []string{"history"}).Output()
	if err != nil {
		return nil, fmt.Errorf("dunstctl history: %w: %s", err, stderrOf(err))
	}
	return ParseHistory(out)
}

// WaitNotification waits up to timeout for a notification from appName
// whose summary contains summary ("" matches any), and fails t if none
// arrives.
func (d *Desktop) WaitNotification(t testing.TB, appName, summary string, timeout time.Duration) Notification {
	t.Helper()
	return d.WaitNotificationFunc(t, fmt.Sprintf("from %q with summary containing %q", appName, summary), func(n Notification) bool {
		return n.AppName == appName && strings.Contains(n.Summary, summary)
	}, timeout)
}

// WaitNotificationFunc waits up to timeout for a notification for which
// match returns true, and fails t, naming what, if none arrives.
func (d *Desktop) WaitNotificationFunc(t testing.TB, what string, match func(Notification) bool, timeout time.Duration) Notification {
	t.Helper()
	var found Notification
	var seen []Notification
	err := pollUntil(timeout, func() (bool, error) {
		ns, err := d.History()
		if err != nil {
			return false, err
		}
		seen = ns
		for _, n := range ns {
			if match(n) {
				found = n
				return true, nil
			}
		}
		return false, nil
	})
	if err != nil {
		t.Fatalf("no notification %s: %v; history: %+v", what, err, seen)
	}
	return found
}
