package main

func init() {
	for id, f := range standingPoses {
		poses[id] = f
	}
}

var standingPoses = map[string]func(p *Pic){
	"thoracic-rotation": func(p *Pic) {
		b := NewBody(P{80, 81}, -90, 0)
		b.LegTo(LegN, P{69, ankleY}, 1, 180)
		b.LegTo(LegF, P{91, ankleY}, -1, 0)
		b.ArmTo(ArmN, b.Shoulder.add(P{14, 14}), 1)
		b.ArmTo(ArmF, b.Shoulder.add(P{-14, 14}), -1)
		b.Accent(Torso, ArmN, ArmF)
		p.Ground(40, 120)
		p.Add(b)
		p.Arrow(P{50, 84}, P{80, 104}, P{110, 84}, false)
	},
	"hamstring-stretch": func(p *Pic) {
		hip := P{64, 86}
		b := NewBody(hip, -42, 0)
		b.HeadAt(-36)
		b.LegTo(LegF, P{56, ankleY}, 1, 0)
		l := b.LegTo(LegN, P{112, ankleY}, -1, -50)
		b.ArmTo(ArmN, l.Mid.add(P{0, -3}), 1)
		b.Accent(LegN)
		p.Ground(30, 134)
		p.Add(b)
	},
	"hip-flexor-stretch": func(p *Pic) {
		hip := P{76, 92}
		b := NewBody(hip, -92, 0)
		b.LegTo(LegN, P{106, ankleY}, -1, 0)
		b.LegTo(LegF, P{38, ankleY - 4}, 1, 60)
		b.ArmTo(ArmN, hip.add(P{6, -6}), 1)
		b.Accent(LegF)
		p.Ground(26, 130)
		p.Add(b)
		p.Arrow(P{56, 70}, P{70, 64}, P{88, 68}, false)
	},
	"worlds-greatest-stretch": func(p *Pic) {
		front := P{112, ankleY}
		knee := front.add(P{0, -shinLen})
		hip := knee.add(P{-thighLen, 0})
		b := NewBody(hip, -22, 0)
		b.HeadAt(-70)
		b.Leg(LegN, 0, 90, 0)
		b.Leg(LegF, 158, 162, 70)
		b.ArmTo(ArmF, P{102, ankleY}, -1)
		b.Arm(ArmN, -92, -92)
		b.Accent(Torso, ArmN)
		p.Ground(14, 146)
		p.Add(b)
		p.Arrow(P{138, 68}, P{146, 44}, P{128, 30}, false)
	},
}

var otherPoses = map[string]func(p *Pic){
	"bar-hang": func(p *Pic) {
		p.Bar(30, 130, 10)
		b := NewBody(P{80, 10 + 29.4 + torsoLen}, -90, 0)
		b.ArmTo(ArmN, P{50, 12}, -1)
		b.ArmTo(ArmF, P{110, 12}, 1)
		b.Leg(LegN, 96, 92, 180)
		b.Leg(LegF, 84, 88, 0)
		b.Accent(Torso)
		p.Add(b)
		p.Arrow(P{112, 58}, P{112, 72}, P{112, 92}, true)
	},
	"reverse-hyper": func(p *Pic) {
		top := 78.0
		p.Line(P{66, top}, P{140, top})
		p.Line(P{76, top}, P{76, ground})
		p.Line(P{132, top}, P{132, ground})
		p.Ground(20, 150)
		b := NewBody(P{70, top - 5}, 0, 0)
		b.HeadAt(4)
		b.Leg(LegN, 170, 172, 260)
		b.ArmTo(ArmN, P{126, top + 16}, 1)
		b.Accent(LegN)
		p.Add(b)
		p.Arrow(P{60, 132}, P{30, 124}, P{24, 96}, false)
	},
	"back-extension-45": func(p *Pic) {
		ankle := P{38, 122}
		hip := ankle.add(at(-42, thighLen+shinLen))
		b := NewBody(hip, -42, 0)
		b.Leg(LegN, 138, 138, 48)
		b.ArmTo(ArmN, b.spinePoint(0.7).add(P{4, 6}), 1)
		b.Accent(Torso, ArmN)
		off := at(48, 8)
		knee := b.Hip.add(at(-42, -thighLen))
		padLow, padHigh := knee.add(off), hip.add(off).add(at(-42, -3))
		p.Line(padLow, padHigh)
		p.Line(ankle.add(at(48, 7)).add(at(-42, -3)), ankle.add(at(48, 7)).add(at(-42, 6)))
		mid := padLow.add(padHigh).scale(0.5)
		p.Line(mid, P{mid.X, ground})
		p.Line(ankle.add(at(48, 7)), P{ankle.X + 4, ground})
		p.Ground(16, 140)
		p.Add(b)
		p.Arrow(P{140, 104}, P{146, 76}, P{132, 50}, false)
	},
}

func init() {
	for id, f := range otherPoses {
		poses[id] = f
	}
}
