// Command pictogen writes the exercise pictograms in icons/pictograms from
// the poses in poses.go, so every figure shares one skeleton and one style.
//
// Run it from the icons directory with go generate.
package main

import (
	"fmt"
	"math"
	"strings"
)

// Style. Every pictogram uses the same canvas, strokes and proportions.
const (
	size   = 160.0
	stroke = 6.0
	ground = 140.0 // y of the ground line
	ankleY = ground - 5
	matTop = ground - 4
	lieY   = matTop - 4 // y of a body lying on the mat

	accent = "#1a9e8f" // the moving body part and motion arrows
	prop   = "#8c8c8c" // chair, mat, ground, bar: readable on light and dark
	ink    = "currentColor"

	// Bone lengths.
	torsoLen = 38.0
	neckLen  = 15.0 // shoulder to the centre of the head
	headR    = 10.0
	upperArm = 22.0
	foreArm  = 20.0
	thighLen = 28.0
	shinLen  = 27.0
	footLen  = 8.0

	// Seated on a chair with thighs level and shins upright.
	seatHipY = ankleY - shinLen
	seatY    = seatHipY + 5
)

// P is a point on the canvas.
type P struct{ X, Y float64 }

func (p P) add(q P) P         { return P{p.X + q.X, p.Y + q.Y} }
func (p P) sub(q P) P         { return P{p.X - q.X, p.Y - q.Y} }
func (p P) scale(k float64) P { return P{p.X * k, p.Y * k} }
func (p P) dist(q P) float64  { return math.Hypot(p.X-q.X, p.Y-q.Y) }
func (p P) String() string    { return fmt.Sprintf("%s %s", num(p.X), num(p.Y)) }
func at(deg, length float64) P {
	r := deg * math.Pi / 180
	return P{math.Cos(r) * length, math.Sin(r) * length}
}

// angle returns the direction from p to q in degrees (0 right, 90 down).
func angle(p, q P) float64 { return math.Atan2(q.Y-p.Y, q.X-p.X) * 180 / math.Pi }

func num(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		return "0"
	}
	return s
}

// Part names for accenting.
const (
	Torso = "torso"
	Head  = "head"
	ArmN  = "armN" // near arm
	ArmF  = "armF" // far arm
	LegN  = "legN"
	LegF  = "legF"
)

// Limb is a two-segment arm or leg with an optional hand or foot.
type Limb struct {
	Root, Mid, End P
	Tip            *P // end of the foot, if drawn
}

// Body is a stick figure built joint by joint.
type Body struct {
	Hip, Shoulder, HeadC P
	curve                float64 // spine bow, perpendicular offset of the mid point
	limbs                map[string]*Limb
	accent               map[string]bool
}

// NewBody starts a figure with the hip at hip and the torso pointing from the
// hip towards the shoulder at torsoDeg. curve bows the spine: positive bows to
// the right of the hip-to-shoulder direction.
func NewBody(hip P, torsoDeg, curve float64) *Body {
	b := &Body{Hip: hip, curve: curve, limbs: map[string]*Limb{}, accent: map[string]bool{}}
	b.Shoulder = hip.add(at(torsoDeg, torsoLen))
	b.HeadC = b.Shoulder.add(at(torsoDeg, neckLen))
	return b
}

// HipForFoot returns where the hip must be for a leg with thigh angle a1 and
// shin angle a2 to put the ankle at ankle.
func HipForFoot(ankle P, a1, a2 float64) P {
	return ankle.sub(at(a1, thighLen)).sub(at(a2, shinLen))
}

// HeadAt points the neck at deg.
func (b *Body) HeadAt(deg float64) { b.HeadC = b.Shoulder.add(at(deg, neckLen)) }

// Leg sets leg name by segment angles; foot is the foot angle or NaN.
func (b *Body) Leg(name string, a1, a2, foot float64) *Limb {
	return b.limb(name, b.Hip, a1, a2, thighLen, shinLen, foot)
}

// Arm sets arm name by segment angles.
func (b *Body) Arm(name string, a1, a2 float64) *Limb {
	return b.limb(name, b.Shoulder, a1, a2, upperArm, foreArm, math.NaN())
}

// LegTo bends leg name so the ankle reaches target; bend picks the knee side
// (+1 or -1).
func (b *Body) LegTo(name string, target P, bend, foot float64) *Limb {
	a1, a2 := ik(b.Hip, target, thighLen, shinLen, bend)
	return b.Leg(name, a1, a2, foot)
}

// ArmTo bends arm name so the hand reaches target.
func (b *Body) ArmTo(name string, target P, bend float64) *Limb {
	a1, a2 := ik(b.Shoulder, target, upperArm, foreArm, bend)
	return b.Arm(name, a1, a2)
}

func (b *Body) limb(name string, root P, a1, a2, l1, l2, foot float64) *Limb {
	l := &Limb{Root: root}
	l.Mid = root.add(at(a1, l1))
	l.End = l.Mid.add(at(a2, l2))
	if !math.IsNaN(foot) {
		t := l.End.add(at(foot, footLen))
		l.Tip = &t
	}
	b.limbs[name] = l
	return l
}

// ik solves a two-bone chain from root towards target.
func ik(root, target P, l1, l2, bend float64) (a1, a2 float64) {
	d := math.Min(root.dist(target), l1+l2-0.01)
	d = math.Max(d, math.Abs(l1-l2)+0.01)
	base := angle(root, target)
	cosA := (l1*l1 + d*d - l2*l2) / (2 * l1 * d)
	off := math.Acos(math.Max(-1, math.Min(1, cosA))) * 180 / math.Pi
	a1 = base + bend*off
	mid := root.add(at(a1, l1))
	tgt := root.add(at(base, d))
	return a1, angle(mid, tgt)
}

// Accent colours the named parts.
func (b *Body) Accent(parts ...string) {
	for _, p := range parts {
		b.accent[p] = true
	}
}

func (b *Body) colour(part string) string {
	if b.accent[part] {
		return accent
	}
	return ink
}

// spinePoint returns the point at fraction t along the (possibly bowed) spine.
func (b *Body) spinePoint(t float64) P {
	c := b.spineCtrl()
	u := 1 - t
	return b.Hip.scale(u * u).add(c.scale(2 * u * t)).add(b.Shoulder.scale(t * t))
}

func (b *Body) spineCtrl() P {
	mid := b.Hip.add(b.Shoulder).scale(0.5)
	dir := angle(b.Hip, b.Shoulder)
	return mid.add(at(dir+90, b.curve*2))
}

// svg renders the body: far limbs, torso, head, near limbs.
func (b *Body) svg(w *strings.Builder) {
	for _, name := range []string{LegF, ArmF} {
		b.limbSVG(w, name)
	}
	if b.curve == 0 {
		fmt.Fprintf(w, `<path d="M%s L%s" stroke="%s"/>`+"\n", b.Hip, b.Shoulder, b.colour(Torso))
	} else {
		fmt.Fprintf(w, `<path d="M%s Q%s %s" stroke="%s"/>`+"\n", b.Hip, b.spineCtrl(), b.Shoulder, b.colour(Torso))
	}
	c := b.colour(Head)
	fmt.Fprintf(w, `<circle cx="%s" cy="%s" r="%s" fill="%s" stroke="none"/>`+"\n", num(b.HeadC.X), num(b.HeadC.Y), num(headR), c)
	for _, name := range []string{LegN, ArmN} {
		b.limbSVG(w, name)
	}
}

func (b *Body) limbSVG(w *strings.Builder, name string) {
	l, ok := b.limbs[name]
	if !ok {
		return
	}
	pts := fmt.Sprintf("M%s L%s L%s", l.Root, l.Mid, l.End)
	if l.Tip != nil {
		pts += fmt.Sprintf(" L%s", *l.Tip)
	}
	fmt.Fprintf(w, `<path d="%s" stroke="%s"/>`+"\n", pts, b.colour(name))
}

func asinDeg(s float64) float64 { return math.Asin(s) * 180 / math.Pi }
