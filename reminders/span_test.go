package reminders

import (
	"errors"
	"testing"
	"time"
)

var parseSpanTests = []struct {
	in      string
	want    Span
	wantErr string
}{
	{in: "09:00-17:30", want: Span{540, 1050}},
	{in: "00:00-23:59", want: Span{0, 1439}},
	{in: "22:00-06:00", want: Span{1320, 360}},
	{in: "22:00-00:00", want: Span{1320, 0}},
	{in: " 08:15-12:45 ", want: Span{495, 765}},
	{in: "13:30-25:00", wantErr: `"13:30-25:00": hour must be 00–23`},
	{in: "24:00-01:00", wantErr: `"24:00-01:00": hour must be 00–23`},
	{in: "09:60-10:00", wantErr: `"09:60-10:00": minute must be 00–59`},
	{in: "9-5", wantErr: `"9-5": want HH:MM-HH:MM`},
	{in: "9:00-17:00", wantErr: `"9:00-17:00": want HH:MM-HH:MM`},
	{in: "09:00", wantErr: `"09:00": want HH:MM-HH:MM`},
	{in: "", wantErr: `"": want HH:MM-HH:MM`},
	{in: "09:00-17:00-18:00", wantErr: `"09:00-17:00-18:00": want HH:MM-HH:MM`},
	{in: "09.00-17.00", wantErr: `"09.00-17.00": want HH:MM-HH:MM`},
	{in: "0a:00-17:00", wantErr: `"0a:00-17:00": want HH:MM-HH:MM`},
	{in: "09:00 - 17:00", wantErr: `"09:00 - 17:00": want HH:MM-HH:MM`},
	{in: "09:00-09:00", wantErr: `"09:00-09:00": start and end are the same`},
}

func TestParseSpan(t *testing.T) {
	for _, tt := range parseSpanTests {
		got, err := ParseSpan(tt.in)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("ParseSpan(%q) = %v, %v, want error %q", tt.in, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseSpan(%q) = %v, %v, want %v", tt.in, got, err, tt.want)
		}
	}
}

// TestSpanError_Fields checks that ParseSpan's and ParseDay's errors are
// *SpanError with the kind and the spans a caller needs to say what is
// wrong in another language.
func TestSpanError_Fields(t *testing.T) {
	for _, tt := range []struct {
		in   []string
		want SpanError
	}{
		{[]string{"9-5"}, SpanError{Kind: SpanFormat, Span: "9-5"}},
		{[]string{" 09:00 "}, SpanError{Kind: SpanFormat, Span: " 09:00 "}},
		{[]string{"0a:00-17:00"}, SpanError{Kind: SpanFormat, Span: "0a:00-17:00"}},
		{[]string{"13:30-25:00"}, SpanError{Kind: SpanHour, Span: "13:30-25:00"}},
		{[]string{"24:00-01:00"}, SpanError{Kind: SpanHour, Span: "24:00-01:00"}},
		{[]string{"09:60-10:00"}, SpanError{Kind: SpanMinute, Span: "09:60-10:00"}},
		{[]string{"09:00-10:75"}, SpanError{Kind: SpanMinute, Span: "09:00-10:75"}},
		{[]string{"09:00-09:00"}, SpanError{Kind: SpanSameEnds, Span: "09:00-09:00"}},
		{[]string{"09:00-12:00", "11:00-13:00"}, SpanError{Kind: SpanOverlap, Span: "11:00-13:00", Other: "09:00-12:00"}},
		{[]string{"09:00-12:00", " 12:00-13:00", "08:00-9:30"}, SpanError{Kind: SpanFormat, Span: "08:00-9:30"}},
	} {
		_, err := ParseDay(tt.in)
		var got *SpanError
		if !errors.As(err, &got) || *got != tt.want {
			t.Errorf("ParseDay(%q) = %#v, want %#v", tt.in, err, &tt.want)
		}
	}
}

func TestSpan_String(t *testing.T) {
	for _, tt := range []struct {
		s    Span
		want string
	}{{Span{540, 1050}, "09:00-17:30"}, {Span{1320, 0}, "22:00-00:00"}, {Span{0, 1439}, "00:00-23:59"}} {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func FuzzParseSpan(f *testing.F) {
	for _, tt := range parseSpanTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ParseSpan(in)
		if err != nil {
			return
		}
		if !s.valid() {
			t.Fatalf("ParseSpan(%q) = %v, an invalid span", in, s)
		}
		back, err := ParseSpan(s.String())
		if err != nil || back != s {
			t.Fatalf("ParseSpan(%q) = %v, %v, want %v", s.String(), back, err, s)
		}
	})
}

func TestParseDay(t *testing.T) {
	for _, tt := range []struct {
		in      []string
		want    []Span
		wantErr string
	}{
		{in: nil, want: nil},
		{in: []string{"09:00-12:00", "13:00-17:30"}, want: []Span{{540, 720}, {780, 1050}}},
		{in: []string{"09:00-12:00", "12:00-17:00"}, want: []Span{{540, 720}, {720, 1020}}},
		{in: []string{"22:00-06:00", "06:00-08:00"}, want: []Span{{1320, 360}, {360, 480}}},
		{in: []string{"09:00-12:00", "11:00-13:00"}, wantErr: `"09:00-12:00" and "11:00-13:00" overlap`},
		{in: []string{"13:00-17:00", "08:00-20:00"}, wantErr: `"13:00-17:00" and "08:00-20:00" overlap`},
		{in: []string{"20:00-02:00", "23:00-23:30"}, wantErr: `"20:00-02:00" and "23:00-23:30" overlap`},
		{in: []string{"09:00-12:00", "25:00-26:00"}, wantErr: `"25:00-26:00": hour must be 00–23`},
	} {
		got, err := ParseDay(tt.in)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("ParseDay(%q) = %v, %v, want error %q", tt.in, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !equalSpans(got, tt.want) {
			t.Errorf("ParseDay(%q) = %v, %v, want %v", tt.in, got, err, tt.want)
		}
	}
}

func equalSpans(a, b []Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestSchedule_Validate(t *testing.T) {
	for _, tt := range []struct {
		name    string
		edit    func(*Schedule)
		wantErr string
	}{
		{"default", func(*Schedule) {}, ""},
		{"stand too short", func(s *Schedule) { s.StandEvery = 2 * time.Minute }, "stand_every 2m: must be between 5m and 3h"},
		{"stand too long", func(s *Schedule) { s.StandEvery = 210 * time.Minute }, "stand_every 3h30m: must be between 5m and 3h"},
		{"stand off", func(s *Schedule) { s.StandEvery = 0 }, "stand_every 0s: must be between 5m and 3h"},
		{"posture off", func(s *Schedule) { s.PostureEvery = 0 }, ""},
		{"posture too short", func(s *Schedule) { s.PostureEvery = time.Minute }, "posture_every 1m: must be 0 (off) or between 5m and 24h"},
		{"water too long", func(s *Schedule) { s.WaterEvery = 25 * time.Hour }, "water_every 25h: must be 0 (off) or between 5m and 24h"},
		{"snooze too short", func(s *Schedule) { s.Snooze = 30 * time.Second }, "snooze 30s: must be between 1m and 1h"},
		{"natural break too long", func(s *Schedule) { s.NaturalBreak = 2 * time.Hour }, "natural_break 2h: must be 0 (off) or between 1m and 1h"},
		{
			"overlap", func(s *Schedule) { s.Hours[time.Tuesday] = []Span{{540, 720}, {700, 800}} },
			`hours.tuesday: "09:00-12:00" and "11:40-13:20" overlap`,
		},
		{
			"bad span", func(s *Schedule) { s.Hours[time.Sunday] = []Span{{60, 60}} },
			"hours.sunday: span {60 60}: start and end must be different minutes 0–1439",
		},
	} {
		s := DefaultSchedule()
		tt.edit(&s)
		err := s.Validate(5 * time.Minute)
		if (err == nil) != (tt.wantErr == "") || (err != nil && err.Error() != tt.wantErr) {
			t.Errorf("%s: Validate(5m) = %v, want %q", tt.name, err, tt.wantErr)
		}
	}
}

func TestSchedule_ValidateLowFloor(t *testing.T) {
	s := DefaultSchedule()
	s.StandEvery, s.Snooze = 2*time.Minute, 10*time.Second
	if err := s.Validate(time.Second); err != nil {
		t.Errorf("Validate(1s) = %v, want nil", err)
	}
}
