package reminders

import (
	"fmt"
	"strings"
)

// minutesPerDay is the number of minutes in a wall-clock day.
const minutesPerDay = 24 * 60

// Span is a stretch of work hours on one day, in minutes after local midnight
// (0..1439). A Span whose End is before its Start runs past midnight into the
// next day; End equal to Start is invalid.
type Span struct{ Start, End int }

// Week holds the work spans of each weekday, indexed by time.Weekday
// (Sunday = 0).
type Week [7][]Span

// SpanErrorKind says what is wrong with a span of work hours.
type SpanErrorKind int

// The kinds of SpanError.
const (
	// SpanFormat: the text is not of the form HH:MM-HH:MM.
	SpanFormat SpanErrorKind = iota + 1
	// SpanHour: an hour is past 23.
	SpanHour
	// SpanMinute: a minute is past 59.
	SpanMinute
	// SpanSameEnds: the span starts and ends at the same minute.
	SpanSameEnds
	// SpanOverlap: the span overlaps an earlier one of the same day.
	SpanOverlap
)

// SpanError is the error ParseSpan and ParseDay return for a span they
// cannot take. Its fields let a caller say what is wrong in the user's
// language; Error says it in English.
type SpanError struct {
	Kind SpanErrorKind
	// Span is the span at fault: as it was written, or for SpanOverlap the
	// later of the two, as "HH:MM-HH:MM".
	Span string
	// Other is the earlier span that Span overlaps ("HH:MM-HH:MM"); it is
	// empty for the other kinds.
	Other string
}

// Error says what is wrong in English, naming the span as written:
// `"9-5": want HH:MM-HH:MM`.
func (e *SpanError) Error() string {
	switch e.Kind {
	case SpanHour:
		return fmt.Sprintf("%q: hour must be 00–23", e.Span)
	case SpanMinute:
		return fmt.Sprintf("%q: minute must be 00–59", e.Span)
	case SpanSameEnds:
		return fmt.Sprintf("%q: start and end are the same", e.Span)
	case SpanOverlap:
		return fmt.Sprintf("%q and %q overlap", e.Other, e.Span)
	default:
		return fmt.Sprintf("%q: want HH:MM-HH:MM", e.Span)
	}
}

// ParseSpan parses a span written as "HH:MM-HH:MM", for example
// "09:00-17:30" or the night shift "22:00-06:00". Surrounding blanks are
// ignored. Its errors are *SpanError.
func ParseSpan(s string) (Span, error) {
	from, to, ok := strings.Cut(strings.TrimSpace(s), "-")
	if !ok {
		return Span{}, &SpanError{Kind: SpanFormat, Span: s}
	}
	start, err := parseClock(from)
	if err == nil {
		var end int
		if end, err = parseClock(to); err == nil {
			if start == end {
				return Span{}, &SpanError{Kind: SpanSameEnds, Span: s}
			}
			return Span{Start: start, End: end}, nil
		}
	}
	kind := SpanFormat
	if ce, ok := err.(clockError); ok {
		kind = SpanErrorKind(ce)
	}
	return Span{}, &SpanError{Kind: kind, Span: s}
}

// clockError says what is wrong with a time of day, as a SpanErrorKind.
type clockError SpanErrorKind

func (e clockError) Error() string {
	switch SpanErrorKind(e) {
	case SpanHour:
		return "hour must be 00–23"
	case SpanMinute:
		return "minute must be 00–59"
	default:
		return "want HH:MM"
	}
}

// parseClock parses "HH:MM" into minutes after midnight. Its errors are
// clockError.
func parseClock(s string) (int, error) {
	if len(s) != 5 || s[2] != ':' || !isDigits(s[:2]) || !isDigits(s[3:]) {
		return 0, clockError(SpanFormat)
	}
	h := int(s[0]-'0')*10 + int(s[1]-'0')
	m := int(s[3]-'0')*10 + int(s[4]-'0')
	if h > 23 {
		return 0, clockError(SpanHour)
	}
	if m > 59 {
		return 0, clockError(SpanMinute)
	}
	return h*60 + m, nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// String returns the span as "HH:MM-HH:MM".
func (s Span) String() string {
	return fmt.Sprintf("%02d:%02d-%02d:%02d", s.Start/60, s.Start%60, s.End/60, s.End%60)
}

// valid reports whether both ends are minutes of a day and differ.
func (s Span) valid() bool {
	return s.Start >= 0 && s.Start < minutesPerDay && s.End >= 0 && s.End < minutesPerDay && s.Start != s.End
}

// extent returns the span as a half-open minute range on a two-day line,
// so that a span past midnight ends after minutesPerDay.
func (s Span) extent() (from, to int) {
	if s.End < s.Start {
		return s.Start, s.End + minutesPerDay
	}
	return s.Start, s.End
}

// ParseDay parses the spans of one day. It rejects malformed spans and spans
// that overlap each other, naming both. Its errors are *SpanError.
func ParseDay(spans []string) ([]Span, error) {
	if len(spans) == 0 {
		return nil, nil
	}
	out := make([]Span, 0, len(spans))
	for _, s := range spans {
		sp, err := ParseSpan(s)
		if err != nil {
			return nil, err
		}
		out = append(out, sp)
	}
	if err := checkDay(out); err != nil {
		return nil, err
	}
	return out, nil
}

// checkDay reports the first invalid span or pair of overlapping spans.
func checkDay(spans []Span) error {
	for i, a := range spans {
		if !a.valid() {
			return fmt.Errorf("span {%d %d}: start and end must be different minutes 0–1439", a.Start, a.End)
		}
		af, at := a.extent()
		for _, b := range spans[:i] {
			bf, bt := b.extent()
			if af < bt && bf < at {
				return &SpanError{Kind: SpanOverlap, Span: a.String(), Other: b.String()}
			}
		}
	}
	return nil
}
