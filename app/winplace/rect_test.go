package winplace

import "testing"

func TestUnder(t *testing.T) {
	left := Rect{X: 0, Y: 0, W: 1920, H: 1080}
	right := Rect{X: 1920, Y: 0, W: 1280, H: 1024}
	mons := []Rect{left, right}
	for _, tc := range []struct {
		x, y int
		want Rect
	}{
		{0, 0, left},
		{1919, 1079, left},
		{1920, 0, right},
		{3199, 1023, right},
		{2500, 1050, right}, // below the shorter right monitor: nearest is right
		{-5, 500, left},     // off the left edge
		{5000, 10, right},
	} {
		if got := Under(mons, tc.x, tc.y); got != tc.want {
			t.Errorf("Under(%d, %d) = %+v, want %+v", tc.x, tc.y, got, tc.want)
		}
	}
}

func TestCentre(t *testing.T) {
	m := Rect{X: 1920, Y: 0, W: 1280, H: 1024}
	if x, y := m.Centre(480, 600); x != 1920+400 || y != 212 {
		t.Errorf("Centre(480, 600) = %d, %d, want 2320, 212", x, y)
	}
	if x, y := m.Centre(2000, 2000); x != 1920 || y != 0 {
		t.Errorf("Centre of a window larger than the monitor = %d, %d, want its corner 1920, 0", x, y)
	}
}
