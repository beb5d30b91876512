// Package e2e runs the real Limber binaries on a private desktop — Xvfb, a
// session bus, dunst and a StatusNotifierWatcher — and drives them the way a
// user would: through the tray menu, windows and notifications.
//
// The helpers live in non-test files so that `make bench` can reuse the same
// desktop; the package imports no Fyne.
package e2e
