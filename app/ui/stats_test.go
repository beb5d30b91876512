package ui

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/limber-app/limber/app/stats"
	"github.com/limber-app/limber/app/store"
)

// testSummary is a small fixed summary: 8 days ending Thursday 2 April
// 2026, with cracks on three of them.
func testSummary() stats.Summary {
	dates := []string{"2026-03-26", "2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30", "2026-03-31", "2026-04-01", "2026-04-02"}
	counts := [][3]int{{5, 1, 2}, {6, 0, 3}, {0, 0, 0}, {1, 0, 0}, {4, 2, 1}, {7, 1, 2}, {3, 3, 0}, {2, 1, 1}} // done, skipped, posture
	s := stats.Summary{
		Today: stats.Today{
			Due: 4, Done: 2, Snoozed: 1, Skipped: 1, MinutesStretched: 4,
			LastBreak: crackNow.Add(-75 * time.Minute), SinceLastBreak: 75 * time.Minute,
		},
		Goal: 6, Streak: 2, BestStreak: 5,
		MostDone:  []stats.IDCount{{ID: "seated-twist-chair", Count: 9}, {ID: "overhead-reach", Count: 4}},
		NeverDone: []string{"knee-to-chest", "bridge"},
	}
	for i, d := range dates {
		s.Days = append(s.Days, stats.Day{Date: d, Done: counts[i][0], Skipped: counts[i][1], Posture: counts[i][2]})
	}
	s.Days[4].Cracks = []stats.Crack{{At: crackNow.AddDate(0, 0, -3), Pain: intp(0)}}
	s.Days[6].Cracks = []stats.Crack{{At: crackNow.AddDate(0, 0, -1), Pain: intp(5)}, {At: crackNow.AddDate(0, 0, -1)}}
	s.Days[7].Cracks = []stats.Crack{{At: crackNow, Pain: intp(8)}, {At: crackNow, Pain: intp(2)}}
	return s
}

func newTestStats(t *testing.T, sum stats.Summary, insights []stats.Insight) (*statsScreen, fyne.Window) {
	t.Helper()
	s := newStatsScreen(sum, insights, StatsOptions{OnExportCSV: func() {}, OnSafety: func() {}})
	w := test.NewTempWindow(t, s.content)
	w.Resize(fyne.NewSize(statsWidth, statsHeight))
	return s, w
}

// chartOf returns the layout a chart was last drawn with.
func chartOf(c *dayChart) *chartLayout {
	return test.WidgetRenderer(c).(*chartRenderer).layout
}

func TestChartLayout_BarsProportionalToCounts(t *testing.T) {
	test.NewTempApp(t)
	sum := testSummary()
	c := newDayChart(sum.Days, sum.Goal)
	test.NewTempWindow(t, c).Resize(fyne.NewSize(600, 300))
	l := chartOf(c)
	if len(l.bars) != len(sum.Days) {
		t.Fatalf("chart has %d bars, want %d", len(l.bars), len(sum.Days))
	}
	unit := l.bars[5].done.Size().Height / 7 // day 5 has 7 done, the most
	if unit <= 0 {
		t.Fatalf("bar of 7 done is %v high", l.bars[5].done.Size().Height)
	}
	for i, b := range l.bars {
		d := sum.Days[i]
		for _, part := range []struct {
			name  string
			rect  *canvas.Rectangle
			count int
		}{{"done", b.done, d.Done}, {"skipped", b.skipped, d.Skipped}} {
			want := unit * float32(part.count)
			if got := part.rect.Size().Height; abs32(got-want) > 0.01 || part.rect.Visible() != (part.count > 0) {
				t.Errorf("day %d %s bar: height %v, shown %v; want %v, shown %v", i, part.name, got, part.rect.Visible(), want, part.count > 0)
			}
		}
		if i > 0 && b.done.Position().X <= l.bars[i-1].done.Position().X {
			t.Errorf("bar %d at x %v is not right of bar %d", i, b.done.Position().X, i-1)
		}
		if bottom := b.skipped.Position().Y + b.skipped.Size().Height; d.Skipped > 0 && abs32(bottom-b.done.Position().Y) > 0.01 {
			t.Errorf("day %d: skipped bar ends at %v, want it on the done bar at %v", i, bottom, b.done.Position().Y)
		}
		if len(b.dots) != len(d.Cracks) {
			t.Errorf("day %d: %d crack dots, want %d", i, len(b.dots), len(d.Cracks))
		}
	}
}

func abs32(f float32) float32 { return max(f, -f) }

func TestChartLayout_DotColours(t *testing.T) {
	test.NewTempApp(t)
	fyne.CurrentApp().Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	sum := testSummary()
	c := newDayChart(sum.Days, sum.Goal)
	test.NewTempWindow(t, c)
	l := chartOf(c)
	v := theme.VariantLight
	th := theme.DefaultTheme()
	tests := []struct {
		day, dot int
		want     color.Color
	}{
		{4, 0, th.Color(theme.ColorNamePlaceHolder, v)}, // pain 0
		{6, 0, th.Color(theme.ColorNameWarning, v)},     // 5
		{6, 1, color.Transparent},                       // not asked: a ring
		{7, 0, th.Color(theme.ColorNameError, v)},       // 8, the worst first
		{7, 1, painYellow},                              // 2
	}
	for _, tt := range tests {
		if got := l.bars[tt.day].dots[tt.dot].FillColor; !sameColour(got, tt.want) {
			t.Errorf("day %d dot %d = %v, want %v", tt.day, tt.dot, got, tt.want)
		}
	}
}

func sameColour(a, b color.Color) bool {
	return color.NRGBAModel.Convert(a) == color.NRGBAModel.Convert(b)
}

func TestStatsScreen_RangeToggle(t *testing.T) {
	test.NewTempApp(t)
	sum := testSummary()
	s, _ := newTestStats(t, sum, nil)
	if got := len(chartOf(s.chart).bars); got != statsShortRange {
		t.Fatalf("chart shows %d days at first, want %d", got, statsShortRange)
	}
	s.rangeTo.SetSelected(rangeName(len(sum.Days)))
	if got := len(chartOf(s.chart).bars); got != len(sum.Days) {
		t.Errorf("chart shows %d days after the toggle, want %d", got, len(sum.Days))
	}
	s.rangeTo.SetSelected("")
	if got := s.rangeTo.Selected; got != rangeName(statsShortRange) {
		t.Errorf("toggle cleared to %q, want back to %q", got, rangeName(statsShortRange))
	}
}

func TestStatsScreen_ShowsInsightsAndStretches(t *testing.T) {
	test.NewTempApp(t)
	s, w := newTestStats(t, testSummary(), []stats.Insight{painInsight})
	shown := texts(w.Content())
	for _, want := range []string{painInsight.Message, "Chair twist", "9×", "Knee to chest", "1 h 15 min"} {
		if !slices.Contains(shown, want) {
			t.Errorf("stats screen lacks %q", want)
		}
	}
	if s.export == nil || !hasButton(w.Content(), "Safety guide") {
		t.Error("stats screen lacks Export CSV or Safety guide")
	}
}

func TestStatsScreen_Markup(t *testing.T) {
	for _, tt := range []struct {
		golden  string
		variant fyne.ThemeVariant
	}{
		{"stats/light.xml", theme.VariantLight},
		{"stats/dark.xml", theme.VariantDark},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), tt.variant})
			_, w := newTestStats(t, testSummary(), []stats.Insight{painInsight})
			if *update {
				writeGolden(t, tt.golden, test.RenderToMarkup(w.Canvas()))
			}
			test.AssertRendersToMarkup(t, tt.golden, w.Canvas())
		})
	}
}

// TestDayChart_DrawsDoneInPrimary renders the chart and looks at a pixel in
// the middle of the tallest done bar.
func TestDayChart_DrawsDoneInPrimary(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	sum := testSummary()
	c := newDayChart(sum.Days, sum.Goal)
	w := test.NewWindow(c)
	defer w.Close()
	w.Resize(fyne.NewSize(600, 300))
	img := w.Canvas().Capture()
	savePNG(t, img, filepath.Join(t.TempDir(), "chart.png"))

	bar := chartOf(c).bars[5].done
	pos := a.Driver().AbsolutePositionForObject(bar).Add(fyne.NewPos(bar.Size().Width/2, bar.Size().Height/2))
	scale := float32(img.Bounds().Dx()) / w.Canvas().Size().Width
	got := img.At(int(pos.X*scale), int(pos.Y*scale))
	if want := theme.DefaultTheme().Color(theme.ColorNamePrimary, theme.VariantLight); !sameColour(got, want) {
		t.Errorf("pixel in the done bar at %v = %v, want the primary colour %v", pos, got, want)
	}
}

func savePNG(t *testing.T, img image.Image, path string) {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestSinceText(t *testing.T) {
	last := crackNow
	tests := []struct {
		since time.Duration
		last  time.Time
		want  string
	}{
		{0, time.Time{}, "—"},
		{30 * time.Second, last, "just now"},
		{59 * time.Minute, last, "59 min"},
		{61 * time.Minute, last, "1 h 1 min"},
		{24 * time.Hour, last, "1 day"},
		{72 * time.Hour, last, "3 days"},
	}
	for _, tt := range tests {
		if got := sinceText(stats.Today{LastBreak: tt.last, SinceLastBreak: tt.since}); got != tt.want {
			t.Errorf("sinceText(%v) = %q, want %q", tt.since, got, tt.want)
		}
	}
}

func TestExportTo_WritesCSVAndNeverOverwrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.csv")
	entries := []store.Entry{{At: crackNow, Type: store.EntryCrack, Where: "lower", Pain: intp(3), During: "sitting", Note: "desk"}}
	if err := exportTo(path, entries); err != nil {
		t.Fatalf("exportTo = %v", err)
	}
	var want bytes.Buffer
	if err := stats.CSV(&want, entries); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("file = %q (%v), want %q", got, err, want.String())
	}
	if err := exportTo(path, nil); !errors.Is(err, fs.ErrExist) {
		t.Errorf("exportTo over a file = %v, want fs.ErrExist", err)
	}
	if msg := exportProblem(exportTo(filepath.Join(path+".d", "x.csv"), nil)); !strings.Contains(msg, "folder does not exist") {
		t.Errorf("export into a missing folder says %q", msg)
	}
}

// failingWriter fails every write and close.
type failingWriter struct{ closed bool }

func (f *failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }
func (f *failingWriter) Close() error              { f.closed = true; return nil }

func TestWriteCSV_ClosesOnError(t *testing.T) {
	f := &failingWriter{}
	if err := writeCSV(f, []store.Entry{{At: crackNow, Type: store.EntryDue}}); err == nil || !f.closed {
		t.Errorf("writeCSV to a failing writer = %v, closed %v; want an error and closed", err, f.closed)
	}
}

func TestExportPrompt_SavesThenCloses(t *testing.T) {
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "out.csv")
	p := newExportPrompt(path, nil)
	test.NewTempWindow(t, p.content)
	test.Tap(p.save)
	if _, err := os.Stat(path); err != nil || !p.done.Visible() || p.cancel.Text != "Close" {
		t.Errorf("after Save: file %v, done shown %v, cancel %q; want a file, done shown, Close", err, p.done.Visible(), p.cancel.Text)
	}
}
