//go:build linux

package e2e

import (
	"reflect"
	"testing"
)

// historyJSON is `dunstctl history` from dunst 1.9 (busctl --json=pretty),
// trimmed to two entries.
const historyJSON = `{
	"type" : "aa{sv}",
	"data" : [
		[
			{
				"body" : { "type" : "s", "data" : "Roll your shoulders" },
				"message" : { "type" : "s", "data" : "<b>Time to stand up and stretch</b>\nRoll your shoulders" },
				"summary" : { "type" : "s", "data" : "Time to stand up and stretch" },
				"appname" : { "type" : "s", "data" : "Limber" },
				"category" : { "type" : "s", "data" : "" },
				"default_action_name" : { "type" : "s", "data" : "default" },
				"icon_path" : { "type" : "s", "data" : "" },
				"id" : { "type" : "i", "data" : 7 },
				"timestamp" : { "type" : "x", "data" : 2543829801 },
				"timeout" : { "type" : "x", "data" : 1000000 },
				"progress" : { "type" : "i", "data" : -1 }
			},
			{
				"summary" : { "type" : "s", "data" : "No system tray found" },
				"appname" : { "type" : "s", "data" : "Limber" },
				"id" : { "type" : "i", "data" : 3 }
			}
		]
	]
}`

func TestParseHistory(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []Notification
		wantErr bool
	}{
		{"empty", `{"type":"aa{sv}","data":[[]]}`, nil, false},
		{"two", historyJSON, []Notification{
			{ID: 7, AppName: "Limber", Summary: "Time to stand up and stretch", Body: "Roll your shoulders", Timestamp: 2543829801},
			{ID: 3, AppName: "Limber", Summary: "No system tray found"},
		}, false},
		{"not JSON", `Dunst is not running.`, nil, true},
		{"wrong type", `{"type":"aa{sv}","data":[[{"id":{"type":"s","data":"x"}}]]}`, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseHistory([]byte(tt.in))
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseHistory(%s) error = %v, want error %v", tt.name, err, tt.wantErr)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseHistory(%s) = %+v, want %+v", tt.name, got, tt.want)
			}
		})
	}
}
