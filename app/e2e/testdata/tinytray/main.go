// Command tinytray is a tray icon with a small menu, built on
// fyne.io/systray as limber is, used to check the e2e harness itself.
// It prints "clicked <label>" for each menu click and exits on "Quit".
package main

import (
	"fmt"

	"fyne.io/systray"
)

func main() {
	systray.Run(onReady, nil)
}

func onReady() {
	systray.SetTitle("tinytray")
	status := systray.AddMenuItem("Status row", "")
	status.Disable()
	click := systray.AddMenuItem("Click me", "")
	more := systray.AddMenuItem("More", "")
	nested := more.AddSubMenuItem("Nested", "")
	systray.AddSeparator()
	quit := systray.AddMenuItem("Quit", "")
	go func() {
		for {
			select {
			case <-click.ClickedCh:
				fmt.Println("clicked Click me")
			case <-nested.ClickedCh:
				fmt.Println("clicked Nested")
			case <-quit.ClickedCh:
				fmt.Println("clicked Quit")
				systray.Quit()
				return
			}
		}
	}()
}
