// Package notify shows Limber's desktop notifications.
package notify

import (
	"fmt"

	"github.com/gen2brain/beeep"

	"github.com/limber-app/limber/icons"
)

// AppName is the application name notification servers show and group by.
const AppName = "Limber"

func init() {
	beeep.AppName = AppName
}

// Send shows a notification with Limber's icon.
func Send(title, body string) error {
	if err := beeep.Notify(title, body, icons.AppIcon); err != nil {
		return fmt.Errorf("show notification %q: %w", title, err)
	}
	return nil
}
