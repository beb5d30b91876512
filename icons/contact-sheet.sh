#!/bin/sh
# contact-sheet.sh draws docs/pictograms.png: every pictogram on white with
# its exercise id underneath, for reviewing the set at a glance. It needs
# rsvg-convert and ImageMagick's montage. Run it from this directory.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in pictograms/*.svg; do
	id=$(basename "$f" .svg)
	sed 's/currentColor/#202020/g' "$f" | rsvg-convert -b white -w 160 -h 160 -o "$tmp/$id.png"
done
montage -label '%t' -pointsize 13 "$tmp"/*.png -tile 7x -geometry 160x160+6+6 -background white ../docs/pictograms.png
