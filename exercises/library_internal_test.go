package exercises

import (
	"strings"
	"testing"
)

func TestParseLibrary_RejectsBrokenData(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"not JSON", `{"exercises": [`, "parse library.json"},
		{"unknown field", `{"exercises": [{"id": "a", "hold": 3}]}`, "unknown field"},
		{"duplicate id", `{"exercises": [{"id": "a"}, {"id": "a"}]}`, `duplicate id "a"`},
	}
	for _, tt := range tests {
		_, err := parseLibrary([]byte(tt.data))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parseLibrary(%s) = %v, want an error containing %q", tt.name, err, tt.want)
		}
	}
}

func TestParseLibrary_EmbeddedFileLoads(t *testing.T) {
	lib, err := parseLibrary(libraryJSON)
	if err != nil {
		t.Fatalf("parseLibrary(library.json) = %v", err)
	}
	if len(lib.Exercises) == 0 || len(lib.Routines) == 0 {
		t.Errorf("library.json has %d exercises and %d routines, want some of each", len(lib.Exercises), len(lib.Routines))
	}
}
