//go:build linux

package e2e

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// ArtifactsDir returns the folder for t's screenshots and logs, creating it:
// $LIMBER_TEST_ARTIFACTS/<test name> if that is set, else
// <repo>/test-artifacts/<test name>.
func ArtifactsDir(t testing.TB) string {
	t.Helper()
	base := os.Getenv("LIMBER_TEST_ARTIFACTS")
	if base == "" {
		root, err := RepoRoot()
		if err != nil {
			t.Fatal(err)
		}
		base = filepath.Join(root, "test-artifacts")
	}
	dir := filepath.Join(base, strings.NewReplacer("/", "_", " ", "_").Replace(t.Name()))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// RepoRoot returns the folder holding go.mod, searching up from the working
// directory.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if exists(filepath.Join(dir, "go.mod")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// Window is a top-level X window.
type Window struct {
	ID   string // as xdotool prints it (decimal)
	Name string
}

// compoundText drops the escapes that switch COMPOUND_TEXT to UTF-8 and
// back: xdotool getwindowname prints WM_NAME raw, and clients that set no
// _NET_WM_NAME (xmessage, for one) put non-Latin-1 titles there that way.
var compoundText = strings.NewReplacer("\x1b%G", "", "\x1b%@", "")

// FindWindows returns the visible windows whose name starts with prefix.
func (d *Desktop) FindWindows(prefix string) ([]Window, error) {
	cmd := d.Command("xdotool", []string{"search", "--onlyvisible", "--name", "^" + regexp.QuoteMeta(prefix)})
	out, err := cmd.Output()
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) && exitErr.ExitCode() == 1 && len(out) == 0 {
		return nil, nil // xdotool exits 1 when nothing matches
	}
	if err != nil {
		return nil, fmt.Errorf("xdotool search: %w: %s", err, stderrOf(err))
	}
	var wins []Window
	for _, id := range strings.Fields(string(out)) {
		name, err := d.Command("xdotool", []string{"getwindowname", id}).Output()
		if err != nil {
			continue // the window went away between search and getwindowname
		}
		wins = append(wins, Window{ID: id, Name: compoundText.Replace(strings.TrimRight(string(name), "\n"))})
	}
	return wins, nil
}

// WaitWindow waits up to timeout for a visible window whose name starts
// with prefix, and fails t if none appears.
func (d *Desktop) WaitWindow(t testing.TB, prefix string, timeout time.Duration) Window {
	t.Helper()
	var found Window
	err := pollUntil(timeout, func() (bool, error) {
		wins, err := d.FindWindows(prefix)
		if err != nil || len(wins) == 0 {
			return false, err
		}
		found = wins[0]
		return true, nil
	})
	if err != nil {
		t.Fatalf("no window named %q…: %v", prefix, err)
	}
	return found
}

// WaitDrawn waits up to timeout until win shows more than one colour. A
// GL window (limber-ui's) is mapped a few hundred milliseconds before its
// first frame, and a screenshot in between shows a blank rectangle.
func (d *Desktop) WaitDrawn(t testing.TB, win Window, timeout time.Duration) {
	t.Helper()
	err := pollUntil(timeout, func() (bool, error) {
		out, err := d.Command("import", []string{"-window", win.ID, "png:-"}).Output()
		if err != nil {
			return false, nil // the window may be between map and first expose
		}
		img, err := png.Decode(bytes.NewReader(out))
		if err != nil {
			return false, fmt.Errorf("decode capture of window %s: %w", win.ID, err)
		}
		return !uniform(img), nil
	})
	if err != nil {
		t.Fatalf("window %q was not drawn: %v", win.Name, err)
	}
}

// uniform reports whether every pixel of img has the same colour.
func uniform(img image.Image) bool {
	b := img.Bounds()
	if b.Empty() {
		return true
	}
	first := img.At(b.Min.X, b.Min.Y)
	r0, g0, b0, a0 := first.RGBA()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			if r != r0 || g != g0 || bl != b0 || a != a0 {
				return false
			}
		}
	}
	return true
}

// Screenshot saves the whole screen as a PNG (or any format ImageMagick
// infers from path).
func (d *Desktop) Screenshot(path string) error {
	out, err := d.Command("import", []string{"-window", "root", path}).CombinedOutput()
	if err != nil {
		return fmt.Errorf("import -window root %s: %w: %s", path, err, out)
	}
	return nil
}

func stderrOf(err error) string {
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		return strings.TrimSpace(string(exitErr.Stderr))
	}
	return ""
}
