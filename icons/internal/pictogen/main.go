package main

import (
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Pic is one pictogram being drawn: props behind, then bodies, then arrows.
type Pic struct {
	props, body, marks strings.Builder
}

// Ground draws the floor line from x1 to x2.
func (p *Pic) Ground(x1, x2 float64) {
	fmt.Fprintf(&p.props, `<path d="M%s %s H%s" stroke="%s" stroke-width="4"/>`+"\n", num(x1), num(ground), num(x2), prop)
}

// Mat draws an exercise mat from x1 to x2.
func (p *Pic) Mat(x1, x2 float64) {
	fmt.Fprintf(&p.props, `<rect x="%s" y="%s" width="%s" height="6" rx="3" fill="%s" stroke="none"/>`+"\n",
		num(x1), num(matTop), num(x2-x1), prop)
}

// Chair draws a side-on chair whose seat front edge is at front and whose
// back is on the side dir points away from (dir 1: sitter faces right).
func (p *Pic) Chair(hipX, dir, backH float64) {
	back := hipX - dir*10
	front := hipX + dir*22
	fmt.Fprintf(&p.props, `<path d="M%s %s V%s M%s %s H%s V%s M%s %s V%s" stroke="%s" stroke-width="4"/>`+"\n",
		num(back-dir*2), num(seatY-backH), num(ground),
		num(back), num(seatY), num(front), num(ground),
		num(back), num(seatY), num(seatY), prop)
	p.Ground(math.Min(back, front)-14, math.Max(back, front)+34)
}

// Bar draws a pull-up bar at height y with two uprights.
func (p *Pic) Bar(x1, x2, y float64) {
	fmt.Fprintf(&p.props, `<path d="M%s %s H%s M%s %s V%s M%s %s V%s" stroke="%s" stroke-width="4"/>`+"\n",
		num(x1), num(y), num(x2), num(x1), num(y), num(ground), num(x2), num(y), num(ground), prop)
	p.Ground(x1-10, x2+10)
}

// Line draws a straight prop line (a bench, a wall, a desk).
func (p *Pic) Line(pts ...P) {
	var s []string
	for i, q := range pts {
		c := "L"
		if i == 0 {
			c = "M"
		}
		s = append(s, c+q.String())
	}
	fmt.Fprintf(&p.props, `<path d="%s" stroke="%s" stroke-width="4"/>`+"\n", strings.Join(s, " "), prop)
}

// Arrow draws a curved motion arrow from a through control c to b, with a
// head at b (and at a too when both is set).
func (p *Pic) Arrow(a, c, b P, both bool) {
	fmt.Fprintf(&p.marks, `<path d="M%s Q%s %s" stroke="%s" stroke-width="3.5"/>`+"\n", a, c, b, accent)
	p.head(c, b)
	if both {
		p.head(c, a)
	}
}

func (p *Pic) head(from, tip P) {
	d := angle(from, tip)
	l := tip.add(at(d+150, 7))
	r := tip.add(at(d-150, 7))
	fmt.Fprintf(&p.marks, `<path d="M%s L%s L%s" stroke="%s" stroke-width="3.5"/>`+"\n", l, tip, r, accent)
}

// Mark draws an accent path given in SVG path syntax (breath waves and the like).
func (p *Pic) Mark(d string) {
	fmt.Fprintf(&p.marks, `<path d="%s" stroke="%s" stroke-width="3.5"/>`+"\n", d, accent)
}

// Add draws a body.
func (p *Pic) Add(b *Body) { b.svg(&p.body) }

func (p *Pic) String() string {
	var w strings.Builder
	fmt.Fprintf(&w, `<svg xmlns="http://www.w3.org/2000/svg" width="%[1]s" height="%[1]s" viewBox="0 0 %[1]s %[1]s">`+"\n", num(size))
	w.WriteString(`<g fill="none" stroke-linecap="round" stroke-linejoin="round">` + "\n")
	w.WriteString(p.props.String())
	fmt.Fprintf(&w, `<g stroke-width="%s">`+"\n", num(stroke))
	w.WriteString(p.body.String())
	w.WriteString("</g>\n")
	w.WriteString(p.marks.String())
	w.WriteString("</g>\n</svg>\n")
	return w.String()
}

func main() {
	out := flag.String("out", "pictograms", "directory to write the SVG files to")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	ids := make([]string, 0, len(poses))
	for id := range poses {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		var p Pic
		poses[id](&p)
		if err := os.WriteFile(filepath.Join(*out, id+".svg"), []byte(p.String()), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
