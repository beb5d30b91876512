package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// noError is the .want line of a file that loads as the defaults with no
// error.
const noError = "(no error: defaults)"

// generatedConfigs are the corpus files the test writes instead of reading
// from testdata/broken, by name.
var generatedConfigs = map[string]func() []byte{
	"51-huge":          func() []byte { return paddedConfig(maxConfigSize + 1) },
	"52-at-size-limit": func() []byte { return paddedConfig(maxConfigSize) },
}

// paddedConfig is the default config file, made size bytes long with
// comment lines.
func paddedConfig(size int) []byte {
	b := bytes.NewBufferString(DefaultConfigText)
	line := "# " + strings.Repeat("padding ", 12) + "\n"
	for b.Len()+len(line) <= size {
		b.WriteString(line)
	}
	b.WriteString(strings.Repeat("#", size-b.Len()))
	return b.Bytes()
}

func TestLoadConfig_BrokenCorpus(t *testing.T) {
	wants, err := filepath.Glob("testdata/broken/*.want")
	if err != nil {
		t.Fatal(err)
	}
	if len(wants) < 30 {
		t.Fatalf("%d cases in testdata/broken, want at least 30", len(wants))
	}
	tomls, _ := filepath.Glob("testdata/broken/*.toml")
	for _, f := range tomls {
		if _, err := os.Stat(strings.TrimSuffix(f, ".toml") + ".want"); err != nil {
			t.Errorf("%s has no .want file", f)
		}
	}
	for _, wantFile := range wants {
		name := strings.TrimSuffix(filepath.Base(wantFile), ".want")
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatal(err)
			}
			data := corpusFile(t, name)
			path := filepath.Join(t.TempDir(), "config.toml")
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			cfg, _, err := LoadConfig(path, Limits{})
			checkLoad(t, cfg, err, strings.TrimSuffix(string(want), "\n"))
			after, readErr := os.ReadFile(path)
			if readErr != nil || !bytes.Equal(after, data) {
				t.Errorf("LoadConfig changed the file (%d bytes before, %d after, %v)", len(data), len(after), readErr)
			}
			if files, _ := os.ReadDir(filepath.Dir(path)); len(files) != 1 {
				t.Errorf("LoadConfig left %d files in the folder, want only config.toml", len(files))
			}
		})
	}
}

func corpusFile(t *testing.T, name string) []byte {
	t.Helper()
	if gen, ok := generatedConfigs[name]; ok {
		return gen()
	}
	data, err := os.ReadFile(filepath.Join("testdata", "broken", name+".toml"))
	if err != nil {
		t.Fatalf("%s.want has neither a .toml file nor an entry in generatedConfigs: %v", name, err)
	}
	return data
}

// checkLoad checks what LoadConfig gave against the .want line.
func checkLoad(t *testing.T, cfg Config, err error, want string) {
	t.Helper()
	if want == noError {
		if err != nil {
			t.Errorf("LoadConfig error = %v, want none", err)
		}
		if len(cfg.Schedule.Routines) == 0 {
			cfg.Schedule.Routines = nil // the default text lists them all "off"
		}
		if !sameConfig(cfg, Defaults()) {
			t.Errorf("LoadConfig gave %+v, want the defaults", cfg)
		}
		return
	}
	if !reflect.DeepEqual(cfg, Defaults()) {
		t.Errorf("LoadConfig gave %+v with an error, want the defaults", cfg)
	}
	if err == nil {
		t.Fatalf("LoadConfig error = nil, want %q", want)
	}
	if first, _, _ := strings.Cut(err.Error(), "\n"); first != want {
		t.Errorf("LoadConfig error starts\n\t%s\nwant\n\t%s", first, want)
	}
	var ps Problems
	if !errors.As(err, &ps) {
		t.Errorf("LoadConfig error is a %T, want Problems", err)
	}
}
