#!/bin/sh
# render.sh rasterises the app and tray icon sources in src/ into the PNGs
# the package embeds. It needs rsvg-convert (librsvg). Run it from this
# directory, or through go generate.
set -eu
rsvg-convert -w 256 -h 256 -o app.png src/app.svg
for s in normal due paused off; do
	rsvg-convert -w 64 -h 64 -o "tray-$s.png" "src/tray-$s.svg"
done
