package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/icons"
)

// pictogramSize is the smallest side of an exercise picture on the card.
const pictogramSize = 160

// pictogram shows an exercise's picture drawn in the theme's foreground
// colour, and redraws it when the theme changes.
type pictogram struct {
	widget.BaseWidget
	id string
}

func newPictogram(id string) *pictogram {
	p := &pictogram{id: id}
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer is part of fyne.Widget.
func (p *pictogram) CreateRenderer() fyne.WidgetRenderer {
	img := canvas.NewImageFromResource(nil)
	img.FillMode = canvas.ImageFillContain
	img.ScaleMode = canvas.ImageScaleSmooth
	r := &pictogramRenderer{p: p, img: img}
	r.Refresh()
	return r
}

type pictogramRenderer struct {
	p   *pictogram
	img *canvas.Image
	ink string
}

func (r *pictogramRenderer) Destroy() {}

func (r *pictogramRenderer) Layout(size fyne.Size) {
	r.img.Resize(size)
	r.img.Move(fyne.NewPos(0, 0))
}

func (r *pictogramRenderer) MinSize() fyne.Size {
	return fyne.NewSquareSize(pictogramSize)
}

func (r *pictogramRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.img}
}

// Refresh picks the picture up again when the foreground colour changed.
func (r *pictogramRenderer) Refresh() {
	ink := hexColor(theme.ColorForWidget(theme.ColorNameForeground, r.p))
	if ink == r.ink && r.img.Resource != nil {
		return
	}
	r.ink = ink
	r.img.Resource = pictogramResource(r.p.id, ink)
	r.img.Refresh()
}

// pictogramResource returns the picture of exercise id in colour ink, or a
// generic figure when the exercise has no picture.
func pictogramResource(id, ink string) fyne.Resource {
	svg, ok := icons.Pictogram(id, ink)
	if !ok {
		return theme.AccountIcon()
	}
	return fyne.NewStaticResource("pictogram-"+id+"-"+ink[1:]+".svg", svg)
}

// hexColor writes c as "#rrggbb", ignoring alpha.
func hexColor(c color.Color) string {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return fmt.Sprintf("#%02x%02x%02x", n.R, n.G, n.B)
}
