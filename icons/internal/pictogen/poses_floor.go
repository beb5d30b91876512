package main

func init() {
	for id, f := range floorPoses {
		poses[id] = f
	}
}

var floorPoses = map[string]func(p *Pic){
	"knee-to-chest": func(p *Pic) {
		b := supine(p, 86)
		b.Leg(LegF, 0, 0, -90)
		knee := b.Leg(LegN, -114, -8, -98).Mid
		b.ArmTo(ArmN, knee.add(P{3, 1}), -1)
		b.Accent(LegN)
		p.Add(b)
	},
	"lower-back-rotation": func(p *Pic) {
		b := topView(p)
		b.Leg(LegF, 28, 140, none)
		b.Leg(LegN, 42, 150, none)
		b.Accent(LegN, LegF)
		p.Add(b)
		p.Arrow(P{96, 72}, P{118, 80}, P{118, 104}, false)
	},
	"supine-twist": func(p *Pic) {
		b := topView(p)
		b.Leg(LegF, 6, 90, none)
		b.Leg(LegN, 18, 96, none)
		b.Accent(LegN, LegF)
		p.Add(b)
		p.Arrow(P{84, 122}, P{100, 140}, P{114, 132}, true)
	},
	"bridge": func(p *Pic) {
		p.Mat(14, 146)
		shoulder := P{46, lieY}
		hip := shoulder.add(at(-22, torsoLen))
		b := NewBody(hip, 158, 0)
		b.HeadAt(-176)
		b.LegTo(LegN, P{hip.X + 18, lieY}, -1, 0)
		b.Arm(ArmN, 2, 0)
		b.Accent(Torso)
		p.Add(b)
		p.Arrow(P{84, 100}, P{84, 92}, P{84, 84}, false)
	},
	"bridge-feet-on-wall": func(p *Pic) {
		p.Mat(8, 140)
		p.Line(P{140, 56}, P{140, ground})
		shoulder := P{50, lieY}
		hip := shoulder.add(at(-22, torsoLen))
		b := NewBody(hip, 158, 0)
		b.HeadAt(-176)
		b.LegTo(LegN, P{131, 100}, -1, -90)
		b.Arm(ArmN, 2, 0)
		b.Accent(Torso)
		p.Add(b)
	},
	"seated-lower-back-rotation": func(p *Pic) {
		p.Mat(14, 146)
		b := NewBody(P{52, lieY}, -90, 0)
		b.Leg(LegF, 0, 0, -90)
		knee := b.LegTo(LegN, P{90, lieY}, -1, 0).Mid
		b.ArmTo(ArmN, knee.add(P{0, -2}), 1)
		b.Accent(Torso)
		p.Add(b)
		p.Arrow(P{34, 62}, P{52, 44}, P{70, 58}, false)
	},
	"seated-twist": func(p *Pic) {
		p.Mat(14, 146)
		b := NewBody(P{52, lieY}, -90, 0)
		b.Leg(LegF, 0, 0, -90)
		knee := b.LegTo(LegN, P{88, lieY}, -1, 0).Mid
		b.ArmTo(ArmN, knee.add(P{4, 4}), 1)
		b.ArmTo(ArmF, P{34, lieY}, 1)
		b.Accent(Torso)
		p.Add(b)
		p.Arrow(P{34, 62}, P{52, 44}, P{70, 58}, false)
	},
	"cat-cow": func(p *Pic) {
		b := allFours(p, 54, -9)
		b.HeadAt(70)
		b.Arm(ArmN, 90, 90)
		b.Leg(LegN, 90, 180, 180)
		b.Accent(Torso)
		p.Add(b)
		p.Arrow(P{74, 50}, P{74, 62}, P{74, 76}, true)
	},
	"cobra": func(p *Pic) {
		p.Mat(14, 146)
		b := NewBody(P{66, lieY}, -asinDeg(upperArm/torsoLen), 3)
		b.HeadAt(-52)
		b.Leg(LegN, 180, 180, 160)
		b.Arm(ArmN, 90, 0)
		b.Accent(Torso)
		p.Add(b)
		p.Arrow(P{88, 90}, P{96, 72}, P{112, 66}, false)
	},
	"childs-pose": func(p *Pic) {
		p.Mat(14, 146)
		knee := P{80, lieY}
		hip := knee.add(at(-160, thighLen))
		b := NewBody(hip, 8, -8)
		b.HeadAt(22)
		b.LegTo(LegN, P{hip.X - 2, lieY}, -1, 180)
		// The far arm is drawn before the head, so it reads as reaching past it.
		b.Arm(ArmF, -2, 4)
		b.Accent(Torso)
		p.Add(b)
	},
	"seated-forward-bend": func(p *Pic) {
		p.Mat(14, 146)
		b := NewBody(P{42, lieY}, -38, -7)
		b.HeadAt(-8)
		b.Leg(LegN, 0, 0, -90)
		b.ArmTo(ArmN, P{94, lieY - 4}, 1)
		b.Accent(Torso)
		p.Add(b)
		p.Arrow(P{60, 62}, P{84, 56}, P{100, 80}, false)
	},
	"plank": func(p *Pic) {
		p.Mat(8, 152)
		shoulder := P{118, lieY - upperArm}
		tilt := asinDeg((lieY - shoulder.Y) / (torsoLen + thighLen + shinLen))
		hip := shoulder.add(at(180-tilt, torsoLen))
		b := NewBody(hip, -tilt, 0)
		b.Leg(LegN, 180-tilt, 180-tilt, 90)
		b.Arm(ArmN, 90, 0)
		b.Accent(Torso)
		p.Add(b)
	},
	"side-plank": func(p *Pic) {
		p.Mat(8, 152)
		shoulder := P{118, lieY - upperArm}
		tilt := asinDeg((lieY - shoulder.Y) / (torsoLen + thighLen + shinLen))
		hip := shoulder.add(at(180-tilt, torsoLen))
		b := NewBody(hip, -tilt, 0)
		b.Leg(LegN, 180-tilt, 180-tilt, none)
		b.Arm(ArmN, 90, 0)
		b.Arm(ArmF, -90, -90)
		b.Accent(Torso, ArmF)
		p.Add(b)
	},
	"bird-dog": func(p *Pic) {
		b := allFours(p, 68, 0)
		b.HeadAt(-55)
		b.Arm(ArmF, 90, 90)
		b.Arm(ArmN, 0, 0)
		b.Leg(LegN, 176, 178, 180)
		b.Accent(ArmN, LegN)
		p.Add(b)
	},
	"dead-bug": func(p *Pic) {
		b := supine(p, 92)
		b.Arm(ArmF, -90, -90)
		b.Arm(ArmN, -112, -116)
		b.Leg(LegF, -90, 0, -90)
		b.Leg(LegN, -18, -14, -80)
		b.Accent(ArmN, LegN)
		p.Add(b)
	},
	"pelvic-tilt": func(p *Pic) {
		b := supine(p, 86)
		b.LegTo(LegN, P{118, lieY}, -1, 0)
		b.ArmTo(ArmN, b.Hip.add(P{-12, -8}), -1)
		b.Accent(Torso)
		p.Add(b)
		p.Arrow(P{70, 110}, P{84, 100}, P{98, 110}, true)
	},
}
