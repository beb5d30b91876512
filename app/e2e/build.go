//go:build linux

package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// GoBuild builds the package pkg (a path relative to the repository root,
// e.g. "./cmd/limber") into out, with cgo on or off. It uses the caller's
// environment, so the normal build cache serves it.
func GoBuild(pkg, out string, cgo bool) error {
	root, err := RepoRoot()
	if err != nil {
		return err
	}
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED="+map[bool]string{true: "1", false: "0"}[cgo])
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s: %w\n%s", pkg, err, b)
	}
	return nil
}

// BuildLimber puts limber (CGO_ENABLED=0) and limber-ui (cgo) side by side
// in dir — limber looks for limber-ui next to itself — and returns the two
// paths. If LIMBER_BIN_DIR is set, the binaries already there are used
// instead and nothing is built.
func BuildLimber(dir string) (limber, limberUI string, err error) {
	if bin := os.Getenv("LIMBER_BIN_DIR"); bin != "" {
		dir, err = filepath.Abs(bin)
		if err != nil {
			return "", "", err
		}
		limber, limberUI = filepath.Join(dir, "limber"), filepath.Join(dir, "limber-ui")
		for _, p := range []string{limber, limberUI} {
			if !exists(p) {
				return "", "", fmt.Errorf("LIMBER_BIN_DIR=%s has no %s", bin, filepath.Base(p))
			}
		}
		return limber, limberUI, nil
	}
	limber, limberUI = filepath.Join(dir, "limber"), filepath.Join(dir, "limber-ui")
	errc := make(chan error, 1)
	go func() { errc <- GoBuild("./cmd/limber-ui", limberUI, true) }()
	errLimber := GoBuild("./cmd/limber", limber, false)
	if err := <-errc; err != nil {
		return "", "", err
	}
	if errLimber != nil {
		return "", "", errLimber
	}
	return limber, limberUI, nil
}
