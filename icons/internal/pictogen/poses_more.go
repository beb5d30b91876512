package main

import "fmt"

// Helpers for the common starting positions.

// seated puts a figure on a chair facing right, thighs level, near foot
// flat.
func seated(p *Pic, hipX, torso, curve, backH float64) *Body {
	p.Chair(hipX, 1, backH)
	return NewBody(P{hipX, seatHipY}, torso, curve)
}

// supine lays a figure on its back on a mat, head to the left.
func supine(p *Pic, hipX float64) *Body {
	p.Mat(14, 146)
	b := NewBody(P{hipX, lieY}, 180, 0)
	b.HeadAt(-165)
	return b
}

// allFours kneels a figure on hands and knees facing right, hips at hipX.
func allFours(p *Pic, hipX, curve float64) *Body {
	p.Mat(14, 146)
	hip := P{hipX, lieY - thighLen}
	shoulderY := lieY - upperArm - foreArm
	dy := shoulderY - hip.Y
	b := NewBody(hip, angleOf(dy/torsoLen), curve)
	b.Leg(LegF, 90, 180, 180)
	return b
}

// topView starts a figure seen from above, lying on its back on a mat,
// head at the top and arms out to the sides.
func topView(p *Pic) *Body {
	fmt.Fprintf(&p.props, `<rect x="30" y="8" width="100" height="144" rx="6" fill="%s" fill-opacity="0.3" stroke="none"/>`+"\n", prop)
	b := NewBody(P{80, 86}, -90, 0)
	b.Arm(ArmN, 180, 180)
	b.Arm(ArmF, 0, 0)
	return b
}

// angleOf returns the torso angle (up and to the right) whose sine is s.
func angleOf(s float64) float64 { return asinDeg(s) }
