package uiproto

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	in := Command{Op: OpCard, Exercises: []string{"walk", "side-bend"}, Kind: "stand", Focus: true}
	if err := w.Write(in); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(buf.String(), "}\n") || strings.Count(buf.String(), "\n") != 1 {
		t.Errorf("Write gave %q, want one JSON line", buf.String())
	}
	var out Command
	if err := NewReader(&buf).Read(&out); err != nil {
		t.Fatal(err)
	}
	if out.Op != in.Op || len(out.Exercises) != 2 || out.Kind != "stand" || !out.Focus {
		t.Errorf("Read = %+v, want %+v", out, in)
	}
}

func TestReader_SkipsBlankReportsBadGoesOn(t *testing.T) {
	r := NewReader(strings.NewReader("\n{not json}\n{\"op\":\"ready\"}\n"))
	var ev Event
	if err := r.Read(&ev); err == nil || errors.Is(err, io.EOF) {
		t.Fatalf("bad line: err = %v, want a decode error", err)
	}
	if err := r.Read(&ev); err != nil || ev.Op != OpReady {
		t.Fatalf("line after the bad one: %+v, %v", ev, err)
	}
	if err := r.Read(&ev); !errors.Is(err, io.EOF) {
		t.Errorf("at the end: %v, want io.EOF", err)
	}
}

func TestReader_OverlongLine(t *testing.T) {
	long := `{"op":"` + strings.Repeat("x", MaxLine) + `"}` + "\n"
	var ev Event
	if err := NewReader(strings.NewReader(long)).Read(&ev); err == nil || errors.Is(err, io.EOF) {
		t.Errorf("overlong line: err = %v, want an error", err)
	}
}
