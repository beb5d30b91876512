package icons

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"slices"
	"strings"
	"testing"
)

func TestPNGIcons_HaveTheirSizes(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		size int
	}{
		{"AppIcon", AppIcon, 256},
		{"TrayNormal", TrayNormal, 64},
		{"TrayDue", TrayDue, 64},
		{"TrayPaused", TrayPaused, 64},
		{"TrayOff", TrayOff, 64},
	}
	for _, tt := range tests {
		cfg, err := png.DecodeConfig(bytes.NewReader(tt.data))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if cfg.Width != tt.size || cfg.Height != tt.size {
			t.Errorf("%s is %dx%d, want %dx%[4]d", tt.name, cfg.Width, cfg.Height, tt.size)
		}
	}
	if !bytes.Contains(AppIconSVG, []byte("<svg")) {
		t.Error("AppIconSVG is not an SVG")
	}
}

// allowed are the SVG elements Fyne's renderer (oksvg) draws reliably.
var allowed = []string{"svg", "g", "path", "line", "circle", "rect", "polyline"}

func TestPictograms_FollowTheStyle(t *testing.T) {
	ids := PictogramIDs()
	if len(ids) == 0 {
		t.Fatal("PictogramIDs() is empty")
	}
	for _, id := range ids {
		raw, err := pictograms.ReadFile("pictograms/" + id + ".svg")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(raw, []byte(`viewBox="0 0 160 160"`)) {
			t.Errorf("%s: viewBox is not 0 0 160 160", id)
		}
		if !bytes.Contains(raw, []byte("currentColor")) || !bytes.Contains(raw, []byte(Accent)) {
			t.Errorf("%s: needs both currentColor (body) and %s (moving part)", id, Accent)
		}
		checkElements(t, id, raw)
	}
}

func checkElements(t *testing.T, id string, raw []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(raw))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Errorf("%s: not well-formed XML: %v", id, err)
			return
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !slices.Contains(allowed, se.Name.Local) {
			t.Errorf("%s: element <%s> is not one oksvg draws reliably", id, se.Name.Local)
		}
		for _, a := range se.Attr {
			if a.Name.Local == "style" || a.Name.Local == "filter" || a.Name.Local == "mask" {
				t.Errorf("%s: attribute %s is not allowed", id, a.Name.Local)
			}
		}
	}
}

func TestPictogram_SetsInk(t *testing.T) {
	id := PictogramIDs()[0]
	tests := []struct{ ink, want string }{
		{"#ffffff", `stroke="#ffffff"`},
		{"#FFF", `stroke="#FFF"`},
		{"white", `stroke="white"`},
		{"", `stroke="` + DefaultInk + `"`},
		{`red"/><script/>`, `stroke="` + DefaultInk + `"`},
	}
	for _, tt := range tests {
		svg, ok := Pictogram(id, tt.ink)
		if !ok {
			t.Fatalf("Pictogram(%q, %q) not found", id, tt.ink)
		}
		s := string(svg)
		if strings.Contains(s, "currentColor") || !strings.Contains(s, tt.want) || !strings.Contains(s, Accent) {
			t.Errorf("Pictogram(%q, %q) lacks %s or the accent, or still has currentColor", id, tt.ink, tt.want)
		}
	}
}

func TestPictogram_UnknownID(t *testing.T) {
	for _, id := range []string{"", "no-such-stretch", "../icons", "pictograms/walk"} {
		if _, ok := Pictogram(id, "#000"); ok {
			t.Errorf("Pictogram(%q) = found, want not found", id)
		}
	}
}
