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

// ParseSpan parses a span written as "HH:MM-HH:MM", for example
// "09:00-17:30" or the night shift "22:00-06:00". Surrounding blanks are
// ignored.
func ParseSpan(s string) (Span, error) {
	from, to, ok := strings.Cut(strings.TrimSpace(s), "-")
	if !ok {
		return Span{}, fmt.Errorf("%q: want HH:MM-HH:MM", s)
	}
	start, err := parseClock(from)
	if err != nil {
		return Span{}, fmt.Errorf("%q: %s", s, err)
	}
	end, err := parseClock(to)
	if err != nil {
		return Span{}, fmt.Errorf("%q: %s", s, err)
	}
	if start == end {
		return Span{}, fmt.Errorf("%q: start and end are the same", s)
	}
	return Span{Start: start, End: end}, nil
}

// parseClock parses "HH:MM" into minutes after midnight. Its errors are
// fragments that ParseSpan prefixes with the whole input.
func parseClock(s string) (int, error) {
	if len(s) != 5 || s[2] != ':' || !isDigits(s[:2]) || !isDigits(s[3:]) {
		return 0, fmt.Errorf("want HH:MM-HH:MM")
	}
	h := int(s[0]-'0')*10 + int(s[1]-'0')
	m := int(s[3]-'0')*10 + int(s[4]-'0')
	if h > 23 {
		return 0, fmt.Errorf("hour must be 00–23")
	}
	if m > 59 {
		return 0, fmt.Errorf("minute must be 00–59")
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
// that overlap each other, naming both.
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
				return fmt.Errorf("%q and %q overlap", b.String(), a.String())
			}
		}
	}
	return nil
}
