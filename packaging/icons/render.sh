#!/bin/sh
# render.sh rasterises icons/src/app.svg into the PNG sizes `make install`
# puts into the hicolor icon theme. The PNGs are committed so that installing
# needs no tools; run this (it needs rsvg-convert, from librsvg2-bin) after
# changing the SVG, from this directory.
set -eu
for s in 16 22 24 32 48 64 128 256 512; do
	rsvg-convert -w "$s" -h "$s" -o "$s.png" ../../icons/src/app.svg
done
