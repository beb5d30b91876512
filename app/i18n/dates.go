package i18n

import "time"

// Weekday returns the short name of d in the current language ("Mon").
func Weekday(d time.Weekday) string {
	switch d {
	case time.Monday:
		return T("Mon")
	case time.Tuesday:
		return T("Tue")
	case time.Wednesday:
		return T("Wed")
	case time.Thursday:
		return T("Thu")
	case time.Friday:
		return T("Fri")
	case time.Saturday:
		return T("Sat")
	default:
		return T("Sun")
	}
}

// Month returns the short name of m in the current language ("Jan").
func Month(m time.Month) string {
	switch m {
	case time.January:
		return T("Jan")
	case time.February:
		return T("Feb")
	case time.March:
		return T("Mar")
	case time.April:
		return T("Apr")
	case time.May:
		return T("May")
	case time.June:
		return T("Jun")
	case time.July:
		return T("Jul")
	case time.August:
		return T("Aug")
	case time.September:
		return T("Sep")
	case time.October:
		return T("Oct")
	case time.November:
		return T("Nov")
	default:
		return T("Dec")
	}
}

// Date names the day of t in the current language: "Mon 2 Jan" in English.
func Date(t time.Time) string {
	return T("{{.Weekday}} {{.Day}} {{.Month}}", dateData(t))
}

// DateTime is Date with the time of day on 24 hours: "Mon 2 Jan 15:04".
func DateTime(t time.Time) string {
	return T("{{.Weekday}} {{.Day}} {{.Month}} {{.Time}}", dateData(t))
}

// WeekdayTime is the weekday and the time of day on 24 hours: "Mon 09:00".
func WeekdayTime(t time.Time) string {
	return T("{{.Weekday}} {{.Time}}", dateData(t))
}

// WeekdayDay is the weekday and the day of the month: "Mon 2".
func WeekdayDay(t time.Time) string {
	return T("{{.Weekday}} {{.Day}}", dateData(t))
}

func dateData(t time.Time) map[string]any {
	return map[string]any{
		"Weekday": Weekday(t.Weekday()),
		"Day":     t.Day(),
		"Month":   Month(t.Month()),
		"Time":    t.Format("15:04"),
	}
}
