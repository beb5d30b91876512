package exercises

import (
	"slices"
	"testing"
	"time"
)

// fixture is a small library in a known order.
var fixture = []Exercise{
	{ID: "d1", Place: Desk},
	{ID: "d2", Place: Desk},
	{ID: "s1", Place: Standing},
	{ID: "f1", Place: Floor},
	{ID: "s2", Place: Standing},
	{ID: "b1", Place: Bar},
}

var now = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

func ids(es []Exercise) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return out
}

func TestSuggest_Rules(t *testing.T) {
	day := 24 * time.Hour
	tests := []struct {
		name string
		p    Prefs
		h    History
		n    int
		want []string
	}{
		{"office default is desk and standing, library order", Prefs{}, History{}, 10, []string{"d1", "d2", "s1", "s2"}},
		{"only chosen places", Prefs{Places: []Place{Floor, Bar}}, History{}, 10, []string{"f1", "b1"}},
		{"never hidden", Prefs{Hidden: []string{"d1", "s2"}}, History{}, 10, []string{"d2", "s1"}},
		{"favourites first", Prefs{Favourites: []string{"s2", "s1"}}, History{}, 3, []string{"s1", "s2", "d1"}},
		{"hurt yesterday is left out", Prefs{}, History{Hurt: map[string]time.Time{"d1": now.Add(-day)}}, 10, []string{"d2", "s1", "s2"}},
		{"hurt just under 14 days ago is left out", Prefs{}, History{Hurt: map[string]time.Time{"d1": now.Add(-HurtPause + time.Minute)}}, 1, []string{"d2"}},
		{"hurt 14 days ago is allowed again", Prefs{}, History{Hurt: map[string]time.Time{"d1": now.Add(-HurtPause)}}, 1, []string{"d1"}},
		{"never suggested comes first", Prefs{}, History{Suggested: []string{"d1", "d2"}}, 4, []string{"s1", "s2", "d1", "d2"}},
		{"least recently suggested first", Prefs{}, History{Suggested: []string{"s2", "s1", "d2", "d1"}}, 4, []string{"s2", "s1", "d2", "d1"}},
		{"not twice in a row, even a favourite", Prefs{Favourites: []string{"d1"}}, History{Suggested: []string{"d1"}}, 2, []string{"d2", "s1"}},
		{"not more than once in the last five", Prefs{Favourites: []string{"d1"}}, History{Suggested: []string{"d1", "s1", "d1", "d2"}}, 1, []string{"s2"}},
		{"over-suggested still beats the last one", Prefs{Places: []Place{Desk}}, History{Suggested: []string{"d1", "d2", "d1", "d2"}}, 2, []string{"d1", "d2"}},
		{"older repeats no longer count", Prefs{Favourites: []string{"d1"}}, History{Suggested: []string{"d1", "d1", "s1", "s2", "d2", "s1", "s2"}}, 1, []string{"d1"}},
		{"relaxes when only the last one is left", Prefs{Places: []Place{Bar}}, History{Suggested: []string{"b1"}}, 3, []string{"b1"}},
		{"hidden stays hidden when relaxing", Prefs{Places: []Place{Bar}, Hidden: []string{"b1"}}, History{Suggested: []string{"b1"}}, 3, []string{}},
		{"hurt stays out when relaxing", Prefs{Places: []Place{Bar}}, History{Suggested: []string{"b1"}, Hurt: map[string]time.Time{"b1": now}}, 3, []string{}},
		{"n of zero", Prefs{}, History{}, 0, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(suggestFrom(fixture, tt.p, tt.h, now, tt.n))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Suggest(%+v, %+v, %d) = %v, want %v", tt.p, tt.h, tt.n, got, tt.want)
			}
		})
	}
}

// TestSuggest_RotatesThroughEverything follows the picker's own advice for a
// while: no exercise may come twice in a row, and each gets its turn.
func TestSuggest_RotatesThroughEverything(t *testing.T) {
	var h History
	seen := map[string]int{}
	for i := range 12 {
		got := suggestFrom(fixture, Prefs{}, h, now, 1)
		if len(got) != 1 {
			t.Fatalf("round %d: Suggest = %v, want one exercise", i, ids(got))
		}
		id := got[0].ID
		if len(h.Suggested) > 0 && h.Suggested[len(h.Suggested)-1] == id {
			t.Fatalf("round %d: %s suggested twice in a row", i, id)
		}
		h.Suggested = append(h.Suggested, id)
		seen[id]++
	}
	for _, id := range []string{"d1", "d2", "s1", "s2"} {
		if seen[id] != 3 {
			t.Errorf("%s suggested %d times in 12 rounds, want 3 (all: %v)", id, seen[id], h.Suggested)
		}
	}
}

func TestSuggest_DistinctAndDeterministic(t *testing.T) {
	p := Prefs{Places: Places(), Favourites: []string{"f1"}}
	h := History{Suggested: []string{"s1", "d2", "s1"}}
	first := ids(suggestFrom(fixture, p, h, now, 10))
	if len(first) != len(fixture) {
		t.Errorf("Suggest(all places, 10) = %v, want all %d", first, len(fixture))
	}
	seen := map[string]bool{}
	for _, id := range first {
		if seen[id] {
			t.Errorf("Suggest = %v, %s twice", first, id)
		}
		seen[id] = true
	}
	for range 5 {
		if again := ids(suggestFrom(fixture, p, h, now, 10)); !slices.Equal(again, first) {
			t.Fatalf("Suggest = %v, then %v; want the same", first, again)
		}
	}
}

func TestSuggest_UsesEmbeddedLibrary(t *testing.T) {
	got := Suggest(Prefs{}, History{}, now, 3)
	if len(got) != 3 {
		t.Fatalf("Suggest(office, 3) = %v, want 3", ids(got))
	}
	for _, e := range got {
		if e.Place != Desk && e.Place != Standing {
			t.Errorf("Suggest(office) gave %s at %s", e.ID, e.Place)
		}
	}
}
