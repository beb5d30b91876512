package reminders

import (
	"testing"
	"time"
)

func TestSchedule_InSpan(t *testing.T) {
	s := utcSchedule()
	s.Hours = Week{}
	s.Hours[time.Monday] = []Span{{540, 720}, {720, 780}, {840, 1020}, {1320, 360}}
	s.Hours[time.Tuesday] = []Span{{360, 420}}
	for _, tt := range []struct {
		at         time.Time
		start, end time.Time
		ok         bool
	}{
		{monday(8, 59), time.Time{}, time.Time{}, false},
		{monday(9, 0), monday(9, 0), monday(13, 0), true}, // touching spans merge
		{monday(12, 30), monday(9, 0), monday(13, 0), true},
		{monday(13, 0), time.Time{}, time.Time{}, false}, // end is exclusive
		{monday(14, 0), monday(14, 0), monday(17, 0), true},
		{monday(23, 0), monday(22, 0), monday(31, 0), true}, // night span joins Tuesday's 06:00-07:00
		{monday(30, 59), monday(22, 0), monday(31, 0), true},
		{monday(31, 0), time.Time{}, time.Time{}, false},
	} {
		start, end, ok := s.InSpan(tt.at)
		if ok != tt.ok || !start.Equal(tt.start) || !end.Equal(tt.end) {
			t.Errorf("InSpan(%v) = %v, %v, %v, want %v, %v, %v", tt.at, start, end, ok, tt.start, tt.end, tt.ok)
		}
	}
}

func TestSchedule_NextSpanStart(t *testing.T) {
	s := DefaultSchedule()
	s.Location = time.UTC
	friday := monday(0, 0).AddDate(0, 0, 4)
	for _, tt := range []struct {
		after, want time.Time
	}{
		{monday(8, 0), monday(9, 0)},
		{monday(9, 0), monday(33, 0)}, // strictly after
		{monday(17, 45), monday(33, 0)},
		{friday.Add(18 * time.Hour), monday(9, 0).AddDate(0, 0, 7)},
	} {
		if got := s.NextSpanStart(tt.after); !got.Equal(tt.want) {
			t.Errorf("NextSpanStart(%v) = %v, want %v", tt.after, got, tt.want)
		}
	}
	if got := (Schedule{}).NextSpanStart(monday(9, 0)); !got.IsZero() {
		t.Errorf("NextSpanStart with no spans = %v, want zero", got)
	}
}

func TestSchedule_NilLocationIsLocal(t *testing.T) {
	s := DefaultSchedule()
	if s.loc() != time.Local {
		t.Errorf("loc() = %v, want time.Local", s.loc())
	}
}
