package main

import "math"

var none = math.NaN()

// poses draws each pictogram, keyed by exercise id. Figures face right in
// side views.
var poses = map[string]func(p *Pic){
	"overhead-reach": func(p *Pic) {
		b := NewBody(P{80, 81}, -90, 0)
		b.LegTo(LegN, P{69, ankleY}, 1, 180)
		b.LegTo(LegF, P{91, ankleY}, -1, 0)
		b.Arm(ArmN, -132, -128)
		b.Arm(ArmF, -48, -52)
		b.Accent(ArmN, ArmF)
		p.Ground(40, 120)
		p.Add(b)
	},
	"side-bend": func(p *Pic) {
		b := NewBody(P{76, 81}, -70, -7)
		b.HeadAt(-55)
		b.LegTo(LegN, P{66, ankleY}, 1, 180)
		b.LegTo(LegF, P{90, ankleY}, -1, 0)
		b.Arm(ArmF, -125, -55)
		b.Arm(ArmN, 70, 80)
		b.Accent(Torso, ArmF)
		p.Ground(40, 120)
		p.Add(b)
		p.Arrow(P{48, 40}, P{52, 14}, P{80, 8}, false)
	},
	"standing-back-extension": func(p *Pic) {
		b := NewBody(HipForFoot(P{80, ankleY}, 96, 92), -118, 4)
		b.HeadAt(-130)
		b.Leg(LegN, 96, 92, 0)
		b.ArmTo(ArmN, b.spinePoint(0.15).add(P{-7, 0}), 1)
		b.Accent(Torso)
		p.Ground(40, 120)
		p.Add(b)
		p.Arrow(P{82, 14}, P{56, 8}, P{46, 34}, false)
	},
	"air-squat": func(p *Pic) {
		hip := HipForFoot(P{92, ankleY}, 12, 115)
		b := NewBody(hip, -66, 0)
		b.Leg(LegN, 12, 115, 0)
		b.Arm(ArmN, -8, -4)
		b.Accent(LegN)
		p.Ground(30, 130)
		p.Add(b)
		p.Arrow(P{40, 70}, P{40, 90}, P{40, 112}, true)
	},
	"walk": func(p *Pic) {
		b := NewBody(HipForFoot(P{96, ankleY}, 68, 82), -86, 0)
		b.LegTo(LegF, P{62, ankleY - 4}, 1, 40)
		b.Leg(LegN, 68, 82, 0)
		b.Arm(ArmN, 118, 100)
		b.Arm(ArmF, 62, 20)
		b.Accent(LegN, LegF)
		p.Ground(30, 130)
		p.Add(b)
	},
	"slow-breathing": func(p *Pic) {
		b := NewBody(P{66, seatHipY}, -90, 0)
		b.Leg(LegN, 0, 90, 0)
		b.ArmTo(ArmN, b.spinePoint(0.3).add(P{7, 0}), 1)
		b.Accent(Torso)
		p.Chair(66, 1, 48)
		p.Add(b)
		p.Mark("M88 42 Q94 49 88 56 M97 37 Q105 49 97 61 M106 32 Q116 49 106 66")
	},
	"thoracic-extension": func(p *Pic) {
		b := NewBody(P{70, seatHipY}, -110, 7)
		b.HeadAt(-125)
		b.Leg(LegN, 0, 90, 0)
		b.Arm(ArmN, -88, -92)
		b.Arm(ArmF, -80, -84)
		b.Accent(Torso, ArmN, ArmF)
		p.Chair(70, 1, 26)
		p.Add(b)
		p.Arrow(P{38, 36}, P{24, 46}, P{28, 68}, false)
	},
}
