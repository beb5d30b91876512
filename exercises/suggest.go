package exercises

import (
	"slices"
	"time"
)

// HurtPause is how long an exercise stays out of suggestions after the user
// says it hurts.
const HurtPause = 14 * 24 * time.Hour

// recentWindow is how many of the latest suggestions count as recent.
const recentWindow = 5

// Prefs are the user's choices that shape suggestions.
type Prefs struct {
	Places     []Place  `json:"places"` // empty means the office default: Desk and Standing
	Favourites []string `json:"favourites"`
	Hidden     []string `json:"hidden"`
}

// History is what the picker needs to remember between suggestions.
type History struct {
	Suggested []string             `json:"suggested"` // ids suggested before, oldest first
	Hurt      map[string]time.Time `json:"hurt"`      // id -> when the user said "this hurts"
}

// candidate is an eligible exercise with the keys it is ranked by.
type candidate struct {
	pos  int  // library position
	tier int  // 0 fresh, 1 suggested twice or more recently, 2 suggested last
	fav  bool // a favourite
	seen int  // index of the latest suggestion in History.Suggested, -1 if never
}

// Suggest returns up to n distinct exercises to offer next, best first.
//
// Only exercises at an allowed place are offered, never a hidden one and
// never one the user marked as hurting within HurtPause of now. Among those,
// the one suggested last is never first, and ones suggested more than once
// in the last five suggestions come only after the rest; within that,
// favourites come first, then the least recently suggested, ties broken by
// library order. When that leaves too few, the rotation rules relax (but
// never the place, hidden or hurt rules). Suggest is deterministic.
func Suggest(p Prefs, h History, now time.Time, n int) []Exercise {
	return suggestFrom(load().Exercises, p, h, now, n)
}

// suggestFrom is Suggest over the given library, so tests can use a small
// fixed one.
func suggestFrom(all []Exercise, p Prefs, h History, now time.Time, n int) []Exercise {
	if n <= 0 {
		return nil
	}
	cands := eligible(all, p, h, now)
	slices.SortFunc(cands, func(a, b candidate) int {
		switch {
		case a.tier != b.tier:
			return a.tier - b.tier
		case a.fav != b.fav:
			if a.fav {
				return -1
			}
			return 1
		case a.seen != b.seen:
			return a.seen - b.seen
		}
		return a.pos - b.pos
	})
	out := make([]Exercise, 0, min(n, len(cands)))
	for _, c := range cands[:min(n, len(cands))] {
		out = append(out, all[c.pos].clone())
	}
	return out
}

// eligible returns the exercises the place, hidden and hurt rules allow,
// with their ranking keys filled in.
func eligible(all []Exercise, p Prefs, h History, now time.Time) []candidate {
	places := p.Places
	if len(places) == 0 {
		places = []Place{Desk, Standing}
	}
	recent := h.Suggested[max(0, len(h.Suggested)-recentWindow):]
	last := ""
	if len(h.Suggested) > 0 {
		last = h.Suggested[len(h.Suggested)-1]
	}
	var out []candidate
	for i, e := range all {
		if !slices.Contains(places, e.Place) || slices.Contains(p.Hidden, e.ID) {
			continue
		}
		if t, ok := h.Hurt[e.ID]; ok && now.Sub(t) < HurtPause {
			continue
		}
		c := candidate{pos: i, fav: slices.Contains(p.Favourites, e.ID), seen: lastIndex(h.Suggested, e.ID)}
		switch {
		case e.ID == last:
			c.tier = 2
		case count(recent, e.ID) > 1:
			c.tier = 1
		}
		out = append(out, c)
	}
	return out
}

func lastIndex(ids []string, id string) int {
	for i := len(ids) - 1; i >= 0; i-- {
		if ids[i] == id {
			return i
		}
	}
	return -1
}

func count(ids []string, id string) int {
	n := 0
	for _, x := range ids {
		if x == id {
			n++
		}
	}
	return n
}
