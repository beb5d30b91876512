//go:build linux

package e2e

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// idleConfig is testConfig with the default intervals, so limber is in its
// ordinary "working" state, waiting for a break 45 minutes away.
var idleConfig = strings.NewReplacer(
	`stand_every = "3s"`, `stand_every = "45m"`,
	`posture_every = "0s"`, `posture_every = "30m"`,
).Replace(testConfig) + "\n[card]\nauto_open = false\n"

// BenchmarkIdleFootprint runs the real limber under the test desktop, leaves
// it idle (60 s, or LIMBER_BENCH_IDLE) and reports what it cost: memory from
// /proc/PID/smaps_rollup, CPU time and context switches over the idle
// window, the time from exec to the tray item being registered, and the
// time from a tray click to the card window (cold, then warm while limber-ui
// is still alive). It writes a Markdown table to footprint.md in the
// artifacts folder. Run it with `make bench`.
func BenchmarkIdleFootprint(b *testing.B) {
	idle := 60 * time.Second
	if v := os.Getenv("LIMBER_BENCH_IDLE"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			b.Fatalf("LIMBER_BENCH_IDLE %q: %v", v, err)
		}
		idle = d
	}
	for b.Loop() {
		r := measureFootprint(b, idle)
		b.ReportMetric(r.pssMB, "PSS-MB")
		b.ReportMetric(r.rssMB, "RSS-MB")
		b.ReportMetric(r.cpuPerMin, "CPU-s/idle-min")
		b.ReportMetric(r.switchesPerSec, "ctxsw/s")
		b.ReportMetric(ms(r.tray), "tray-ms")
		b.ReportMetric(ms(r.cardCold), "card-cold-ms")
		b.ReportMetric(ms(r.cardWarm), "card-warm-ms")
		table := r.table(idle)
		b.Log("\n" + table)
		path := filepath.Join(ArtifactsDir(b), "footprint.md")
		if err := os.WriteFile(path, []byte(table), 0o644); err != nil {
			b.Error(err)
		}
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

type footprint struct {
	pssMB, rssMB       float64
	cpuPerMin          float64
	switchesPerSec     float64
	tray               time.Duration
	cardCold, cardWarm time.Duration
}

func (f footprint) table(idle time.Duration) string {
	var s strings.Builder
	fmt.Fprintf(&s, "| limber, %v idle (%s) | measured | target |\n|---|---|---|\n", idle, time.Now().Format("2006-01-02"))
	fmt.Fprintf(&s, "| PSS | %.1f MB | ≤ 12 MB |\n", f.pssMB)
	fmt.Fprintf(&s, "| RSS | %.1f MB | |\n", f.rssMB)
	fmt.Fprintf(&s, "| CPU per idle minute | %.4f s | ≤ 0.005 s |\n", f.cpuPerMin)
	fmt.Fprintf(&s, "| context switches | %.2f /s | ≤ 2 /s |\n", f.switchesPerSec)
	fmt.Fprintf(&s, "| exec → tray item registered | %d ms | ≤ 50 ms |\n", f.tray.Milliseconds())
	fmt.Fprintf(&s, "| tray click → card window (cold) | %d ms | ≤ 700 ms |\n", f.cardCold.Milliseconds())
	fmt.Fprintf(&s, "| tray click → card window (warm) | %d ms | ≤ 150 ms |\n", f.cardWarm.Milliseconds())
	return s.String()
}

func measureFootprint(b *testing.B, idle time.Duration) footprint {
	bins := binaries(b)
	d := StartDesktop(b)
	w, err := StartWatcher(d.MustConn(b))
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	path := filepath.Join(d.ConfigHome, "limber", "config.toml")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(idleConfig), 0o600); err != nil {
		b.Fatal(err)
	}
	p := startLimber(b, d, bins.limber)
	ctx, cancel := context.WithTimeout(context.Background(), idle+time.Minute)
	defer cancel()
	item, err := w.WaitFirstItem(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var f footprint
	f.tray = item.At.Sub(p.Started())

	// Let start-up work settle, then measure a quiet window.
	time.Sleep(5 * time.Second)
	before := readUsage(b, p.Pid())
	time.Sleep(idle)
	after := readUsage(b, p.Pid())
	f.pssMB, f.rssMB = after.pssKB/1024, after.rssKB/1024
	f.cpuPerMin = (after.cpu - before.cpu).Seconds() / idle.Minutes()
	f.switchesPerSec = float64(after.switches-before.switches) / idle.Seconds()

	menu, err := OpenMenu(ctx, d.MustConn(b), item.Service, item.Path)
	if err != nil {
		b.Fatal(err)
	}
	f.cardCold = clickToWindow(b, ctx, d, menu)
	closeCard(b, d)
	f.cardWarm = clickToWindow(b, ctx, d, menu)
	closeCard(b, d)
	return f
}

// clickToWindow clicks "Start a stretch now" and returns how long it took
// for a Limber window to be mapped, polling every 5 ms.
func clickToWindow(b *testing.B, ctx context.Context, d *Desktop, menu *Menu) time.Duration {
	start := time.Now()
	if err := menu.ClickLabel(ctx, "Start a stretch now"); err != nil {
		b.Fatal(err)
	}
	for time.Since(start) < 10*time.Second {
		if wins, err := d.FindWindows("Limber"); err == nil && len(wins) > 0 {
			return time.Since(start)
		}
		time.Sleep(5 * time.Millisecond)
	}
	b.Fatal("no card window within 10 s")
	return 0
}

// closeCard answers the card with Esc (Skip) and waits for it to go.
func closeCard(b testing.TB, d *Desktop) {
	wins, err := d.FindWindows("Limber")
	if err != nil || len(wins) == 0 {
		b.Fatalf("no card to close: %v", err)
	}
	if out, err := d.Command("xdotool", []string{"key", "--window", wins[0].ID, "Escape"}).CombinedOutput(); err != nil {
		b.Fatalf("xdotool key Escape: %v: %s", err, out)
	}
	err = pollUntil(5*time.Second, func() (bool, error) {
		wins, err := d.FindWindows("Limber")
		return len(wins) == 0, err
	})
	if err != nil {
		b.Fatalf("card still open after Escape: %v", err)
	}
}

type usage struct {
	pssKB, rssKB float64
	cpu          time.Duration
	switches     int
}

// readUsage reads memory, CPU time and context switches (all threads) of pid.
func readUsage(b *testing.B, pid int) usage {
	var u usage
	proc := fmt.Sprintf("/proc/%d", pid)
	fields := readKV(b, filepath.Join(proc, "smaps_rollup"))
	u.pssKB, u.rssKB = fields["Pss"], fields["Rss"]
	stat, err := os.ReadFile(filepath.Join(proc, "stat"))
	if err != nil {
		b.Fatal(err)
	}
	// Fields after the command name (which may hold spaces): utime is the
	// 14th field of the line, stime the 15th, in clock ticks of 1/100 s.
	rest := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+2:]))
	utime, _ := strconv.Atoi(rest[11])
	stime, _ := strconv.Atoi(rest[12])
	u.cpu = time.Duration(utime+stime) * 10 * time.Millisecond
	tasks, err := filepath.Glob(filepath.Join(proc, "task", "*", "status"))
	if err != nil {
		b.Fatal(err)
	}
	for _, t := range tasks {
		kv := readKV(b, t)
		u.switches += int(kv["voluntary_ctxt_switches"] + kv["nonvoluntary_ctxt_switches"])
	}
	return u
}

// readKV reads "Key: number [kB]" lines.
func readKV(b *testing.B, path string) map[string]float64 {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	out := map[string]float64{}
	s := bufio.NewScanner(f)
	for s.Scan() {
		k, v, ok := strings.Cut(s.Text(), ":")
		if !ok {
			continue
		}
		fs := strings.Fields(v)
		if len(fs) == 0 {
			continue
		}
		if n, err := strconv.ParseFloat(fs[0], 64); err == nil {
			out[strings.TrimSpace(k)] = n
		}
	}
	return out
}
