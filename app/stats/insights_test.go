package stats

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/store"
)

var testLoc = time.FixedZone("UTC+2", 2*60*60)

// testNow is Thursday 2 April 2026, 18:00 in testLoc.
var testNow = time.Date(2026, 4, 2, 18, 0, 0, 0, testLoc)

// at returns the time daysAgo days before testNow's day at hh:mm.
func at(daysAgo, hh, mm int) time.Time {
	return time.Date(2026, 4, 2-daysAgo, hh, mm, 0, 0, testLoc)
}

// crack is a crack entry; pain < 0 means pain was not asked.
func crack(t time.Time, pain int) store.Entry {
	e := store.Entry{At: t, Type: store.EntryCrack, Where: "lower"}
	if pain >= 0 {
		e.Pain = &pain
	}
	return e
}

// every returns n cracks, the first at start, gap apart.
func every(start time.Time, gap time.Duration, n int) []store.Entry {
	var out []store.Entry
	for i := range n {
		out = append(out, crack(start.Add(time.Duration(i)*gap), -1))
	}
	return out
}

// onDays returns one painless crack at 10:00 on each of the given days ago.
func onDays(daysAgo ...int) []store.Entry {
	var out []store.Entry
	for _, d := range daysAgo {
		out = append(out, crack(at(d, 10, 0), -1))
	}
	return out
}

// weekly returns counts[i] cracks in the 7-day block that ends 7*(3-i) days
// ago, so counts are oldest first and the last block ends today.
func weekly(counts ...int) []store.Entry {
	var out []store.Entry
	for i, n := range counts {
		end := 7 * (len(counts) - 1 - i)
		for j := range n {
			out = append(out, crack(at(end+j%7, 9, j), -1))
		}
	}
	return out
}

func join(parts ...[]store.Entry) []store.Entry { return slices.Concat(parts...) }

func due(t time.Time) store.Entry { return store.Entry{At: t, Type: store.EntryDue, Kind: "stand"} }

var insightTests = []struct {
	name    string
	entries []store.Entry
	want    []string
}{
	{"empty", nil, nil},
	{"pain not asked", []store.Entry{crack(at(0, 9, 0), -1)}, nil},
	{"pain 0", []store.Entry{crack(at(0, 9, 0), 0)}, nil},
	{"pain 1", []store.Entry{crack(at(0, 9, 0), 1)}, []string{InsightPain}},
	{"pain 6 days ago", []store.Entry{crack(at(6, 9, 0), 5)}, []string{InsightPain}},
	{"pain 7 days ago is old", []store.Entry{crack(at(7, 23, 59), 5)}, nil},
	{"pain in the future is ignored", []store.Entry{crack(testNow.Add(time.Minute), 5)}, nil},
	{
		"pain on 2 days",
		[]store.Entry{crack(at(1, 9, 0), 2), crack(at(3, 9, 0), 1), crack(at(3, 11, 0), 4)},
		[]string{InsightPain},
	},
	{
		"pain on 3 days",
		[]store.Entry{crack(at(1, 9, 0), 2), crack(at(3, 9, 0), 1), crack(at(6, 11, 0), 4)},
		[]string{InsightPainLasting},
	},
	{
		"pain 0 on the 3rd day",
		[]store.Entry{crack(at(1, 9, 0), 2), crack(at(3, 9, 0), 1), crack(at(6, 11, 0), 0)},
		[]string{InsightPain},
	},
	{"3 pairs 19 minutes apart", every(at(0, 9, 0), 19*time.Minute, 4), []string{InsightTooOften}},
	{"3 pairs 21 minutes apart", every(at(0, 9, 0), 21*time.Minute, 4), nil},
	{"3 pairs exactly 20 minutes apart", every(at(0, 9, 0), 20*time.Minute, 4), nil},
	{"2 pairs 19 minutes apart", every(at(0, 9, 0), 19*time.Minute, 3), nil},
	{"2 pairs on each of 2 days", join(every(at(1, 9, 0), 19*time.Minute, 3), every(at(0, 9, 0), 19*time.Minute, 3)), nil},
	{"3 pairs across midnight", every(at(1, 23, 5), 19*time.Minute, 4), nil},
	{"3 separate pairs in a day", join(every(at(2, 8, 0), 5*time.Minute, 2), every(at(2, 12, 0), 5*time.Minute, 2),
		every(at(2, 16, 0), 5*time.Minute, 2)), []string{InsightTooOften}},
	{"3 pairs 8 days ago", every(at(8, 9, 0), time.Minute, 4), nil},
	{"cracks on 8 of 14 days", onDays(0, 1, 2, 3, 7, 8, 9, 13), []string{InsightFrequent}},
	{"cracks on 7 of 14 days", onDays(0, 1, 2, 3, 7, 8, 13), nil},
	{"8 of 14 days but 13 days of history", onDays(0, 1, 2, 3, 7, 8, 9, 12), nil},
	{
		"8 of 14 days, history from a reminder", join(onDays(0, 1, 2, 3, 7, 8, 9, 12), []store.Entry{due(at(13, 23, 0))}),
		[]string{InsightFrequent},
	},
	{"rising 0 1 2 3", weekly(0, 1, 2, 3), []string{InsightFrequent}},
	{"rising 1 2 4 6", weekly(1, 2, 4, 6), []string{InsightFrequent}},
	{"flat at the end 1 2 3 3", weekly(1, 2, 3, 3), nil},
	{"flat in the middle 1 2 2 3", weekly(1, 2, 2, 3), nil},
	{"falling 3 2 1 0", weekly(3, 2, 1, 0), nil},
}

func TestInsights(t *testing.T) {
	for _, tt := range insightTests {
		t.Run(tt.name, func(t *testing.T) {
			got := Insights(tt.entries, testNow, testLoc)
			var ids []string
			for _, in := range got {
				ids = append(ids, in.ID)
			}
			if !slices.Equal(ids, tt.want) {
				t.Fatalf("Insights(%s) = %v, want %v", tt.name, ids, tt.want)
			}
			for _, in := range got {
				checkEvidence(t, in, tt.entries)
			}
		})
	}
}

// checkEvidence checks that in has evidence, all of it crack entries, and
// that its message names the first and last of them.
func checkEvidence(t *testing.T, in Insight, entries []store.Entry) {
	t.Helper()
	if len(in.Evidence) == 0 || in.Title == "" || !in.SeeSomeone {
		t.Fatalf("insight %s = %+v: want a title, evidence and SeeSomeone", in.ID, in)
	}
	for _, ev := range in.Evidence {
		if !slices.ContainsFunc(entries, func(e store.Entry) bool { return e.Type == store.EntryCrack && e.At.Equal(ev) }) {
			t.Errorf("insight %s: evidence %v is not a crack entry", in.ID, ev)
		}
	}
	for _, ev := range []time.Time{in.Evidence[0], in.Evidence[len(in.Evidence)-1]} {
		if day := ev.In(testLoc).Format("Mon 2 Jan"); !strings.Contains(in.Message, day) {
			t.Errorf("insight %s: message %q does not name %s", in.ID, in.Message, day)
		}
	}
}

func TestInsights_TooOftenNamesTheTimes(t *testing.T) {
	got := Insights(every(at(0, 9, 0), 10*time.Minute, 4), testNow, testLoc)
	if len(got) != 1 || len(got[0].Evidence) != 4 {
		t.Fatalf("Insights = %+v, want one insight with 4 entries", got)
	}
	for _, clock := range []string{"09:00", "09:10", "09:20", "09:30"} {
		if !strings.Contains(got[0].Message, clock) {
			t.Errorf("message %q does not name %s", got[0].Message, clock)
		}
	}
}

func TestInsights_FrequentNamesTheCoreRoutine(t *testing.T) {
	got := Insights(weekly(0, 1, 2, 3), testNow, testLoc)
	if len(got) != 1 || !strings.Contains(got[0].Message, `"Core strength"`) {
		t.Fatalf("Insights = %+v, want the Core strength routine named", got)
	}
}

func TestValues(t *testing.T) {
	if len(WhereValues()) != 3 || len(DuringValues()) != 5 {
		t.Errorf("WhereValues() = %v, DuringValues() = %v", WhereValues(), DuringValues())
	}
}

// TestInsights_Translated checks that the insights speak the language
// i18n is set to, dates included.
func TestInsights_Translated(t *testing.T) {
	t.Cleanup(func() { i18n.SetLanguage("en") })
	entries := []store.Entry{crack(at(0, 15, 30), 6)}
	tests := []struct{ lang, title, message string }{
		{"en", "Cracking with pain", "You noted pain with a crack (Thu 2 Apr 15:30, pain 6/10)."},
		{"de", "Knacken mit Schmerzen", "Du hast Schmerzen beim Knacken notiert (Do., 2. Apr., 15:30, Schmerz 6/10)."},
		{"es", "Crujidos con dolor", "Anotaste dolor al crujir (jue 2 abr, 15:30, dolor 6/10)."},
	}
	for _, tt := range tests {
		i18n.SetLanguage(tt.lang)
		got := Insights(entries, testNow, testLoc)
		if len(got) != 1 || got[0].Title != tt.title || !strings.HasPrefix(got[0].Message, tt.message) {
			t.Errorf("%s: Insights = %+v, want %q starting %q", tt.lang, got, tt.title, tt.message)
		}
	}
}
