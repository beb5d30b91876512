// Package icons holds Limber's images: the app icon, the system tray icons
// and one pictogram per exercise, all embedded in the binary.
//
// The pictograms in pictograms/ are generated from the poses in
// internal/pictogen; the PNG icons are rendered from the SVG sources in src/
// by render.sh. Both steps run with go generate.
package icons

//go:generate go run ./internal/pictogen -out pictograms
//go:generate sh render.sh

import (
	"embed"
	"io/fs"
	"regexp"
	"slices"
	"strings"
)

// Accent is the fixed colour of the moving body part in every pictogram and
// the background of the app and tray icons. It reads on white and on dark
// backgrounds such as #1e1e1e.
const Accent = "#1a9e8f"

// DefaultInk is the body colour Pictogram uses when the ink it is given is
// empty or not a colour: a near black for light themes.
const DefaultInk = "#202020"

// AppIcon is the 256×256 PNG application icon: a stretching figure on a
// rounded square in the accent colour.
//
//go:embed app.png
var AppIcon []byte

// AppIconSVG is the SVG source of AppIcon.
//
//go:embed src/app.svg
var AppIconSVG []byte

// TrayNormal is the 64×64 PNG tray icon shown while Limber is counting down
// to the next break.
//
//go:embed tray-normal.png
var TrayNormal []byte

// TrayDue is the 64×64 PNG tray icon shown when a break is due: the figure
// with a warm badge.
//
//go:embed tray-due.png
var TrayDue []byte

// TrayPaused is the 64×64 PNG tray icon shown while reminders are paused:
// the figure dimmed, with pause bars.
//
//go:embed tray-paused.png
var TrayPaused []byte

// TrayOff is the 64×64 PNG tray icon shown outside working hours: the figure
// dimmed, with a moon.
//
//go:embed tray-off.png
var TrayOff []byte

//go:embed pictograms/*.svg
var pictograms embed.FS

// colourRE matches the colour forms Pictogram accepts for ink: #rgb,
// #rrggbb, #rrggbbaa or a plain colour name.
var colourRE = regexp.MustCompile(`^(#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|[a-zA-Z]{3,20})$`)

// Pictogram returns the SVG pictogram of exercise id with the body drawn in
// ink, for example "#ffffff" on a dark theme. The accent stays Accent. An ink
// that is not a hex colour or colour name is replaced by DefaultInk. It
// reports false when there is no pictogram for id.
func Pictogram(id, ink string) ([]byte, bool) {
	if strings.ContainsAny(id, "/\\.") || id == "" {
		return nil, false
	}
	data, err := pictograms.ReadFile("pictograms/" + id + ".svg")
	if err != nil {
		return nil, false
	}
	if !colourRE.MatchString(ink) {
		ink = DefaultInk
	}
	return []byte(strings.ReplaceAll(string(data), "currentColor", ink)), true
}

// PictogramIDs returns the ids of all pictograms, sorted.
func PictogramIDs() []string {
	names, err := fs.Glob(pictograms, "pictograms/*.svg")
	if err != nil {
		// The pattern is a constant and valid; Glob cannot fail on it.
		panic(err)
	}
	ids := make([]string, len(names))
	for i, n := range names {
		ids[i] = strings.TrimSuffix(strings.TrimPrefix(n, "pictograms/"), ".svg")
	}
	slices.Sort(ids)
	return ids
}
