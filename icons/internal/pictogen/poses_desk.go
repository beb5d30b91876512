package main

func init() {
	for id, f := range deskPoses {
		poses[id] = f
	}
}

var deskPoses = map[string]func(p *Pic){
	"seated-twist-chair": func(p *Pic) {
		b := seated(p, 62, -90, 0, 48)
		knee := b.Leg(LegN, 0, 90, 0).Mid
		b.ArmTo(ArmN, knee.add(P{-4, -4}), 1)
		b.ArmTo(ArmF, P{48, 70}, -1)
		b.Accent(Torso)
		p.Add(b)
		p.Arrow(P{44, 38}, P{62, 20}, P{80, 34}, false)
	},
	"seated-cat-cow": func(p *Pic) {
		b := seated(p, 60, -76, -7, 48)
		b.HeadAt(-10)
		knee := b.Leg(LegN, 0, 90, 0).Mid
		b.ArmTo(ArmN, knee.add(P{-2, -4}), 1)
		b.Accent(Torso)
		p.Add(b)
		p.Arrow(P{56, 30}, P{66, 40}, P{74, 54}, true)
	},
	"chair-forward-fold": func(p *Pic) {
		b := seated(p, 56, -8, -8, 48)
		b.HeadAt(72)
		b.Leg(LegN, 0, 90, 0)
		b.Arm(ArmN, 86, 90)
		b.Accent(Torso)
		p.Add(b)
		p.Arrow(P{64, 58}, P{96, 54}, P{108, 84}, false)
	},
	"seated-side-bend": func(p *Pic) {
		// Seen from the front: a chair seat and legs, the figure leaning over.
		hip := P{76, ankleY - shinLen - 8}
		p.Line(P{50, hip.Y + 5}, P{110, hip.Y + 5})
		p.Line(P{54, hip.Y + 5}, P{54, ground})
		p.Line(P{106, hip.Y + 5}, P{106, ground})
		p.Ground(34, 126)
		b := NewBody(hip, -72, -6)
		b.HeadAt(-56)
		b.Leg(LegF, 168, 92, 180)
		b.Leg(LegN, 12, 88, 0)
		b.Arm(ArmF, -122, -52)
		b.Arm(ArmN, 72, 84)
		b.Accent(Torso, ArmF)
		p.Add(b)
		p.Arrow(P{46, 48}, P{50, 20}, P{78, 14}, false)
	},
	"seated-pelvic-tilt": func(p *Pic) {
		b := seated(p, 62, -86, 3, 48)
		knee := b.Leg(LegN, 0, 90, 0).Mid
		b.ArmTo(ArmN, knee.add(P{-8, -4}), 1)
		b.Accent(Torso)
		p.Add(b)
		p.Arrow(P{44, 84}, P{38, 100}, P{46, 114}, true)
	},
	"chair-knee-hug": func(p *Pic) {
		b := seated(p, 60, -90, 0, 48)
		b.Leg(LegF, 0, 90, 0)
		l := b.Leg(LegN, -48, 78, 10)
		b.ArmTo(ArmN, l.Mid.add(at(78, 10)), 1)
		b.Accent(LegN)
		p.Add(b)
	},
	"seated-hamstring-stretch": func(p *Pic) {
		b := seated(p, 54, -62, 0, 48)
		b.HeadAt(-50)
		b.Leg(LegF, 0, 90, 0)
		reach := ankleY - seatHipY
		a := asinDeg(reach / (thighLen + shinLen))
		l := b.Leg(LegN, a, a, a-90)
		b.ArmTo(ArmN, l.Mid, 1)
		b.Accent(LegN)
		p.Add(b)
	},
}
