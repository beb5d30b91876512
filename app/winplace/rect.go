package winplace

// Rect is a monitor's area in screen pixels.
type Rect struct{ X, Y, W, H int }

// Under returns the monitor that contains the point (x, y), or the nearest
// one when none does (a pointer on a gap between monitors of different
// sizes). mons must not be empty.
func Under(mons []Rect, x, y int) Rect {
	best, bestDist := mons[0], -1
	for _, m := range mons {
		if x >= m.X && x < m.X+m.W && y >= m.Y && y < m.Y+m.H {
			return m
		}
		dx := max(m.X-x, 0, x-(m.X+m.W-1))
		dy := max(m.Y-y, 0, y-(m.Y+m.H-1))
		if d := dx*dx + dy*dy; bestDist < 0 || d < bestDist {
			best, bestDist = m, d
		}
	}
	return best
}

// Centre returns where a w×h window goes to be centred on m, kept inside m
// when it is larger than m.
func (m Rect) Centre(w, h int) (x, y int) {
	x = m.X + max((m.W-w)/2, 0)
	y = m.Y + max((m.H-h)/2, 0)
	return x, y
}
