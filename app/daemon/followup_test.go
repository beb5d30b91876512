package daemon

import (
	"testing"

	"github.com/limber-app/limber/exercises"
)

func TestShorterStretch(t *testing.T) {
	var ids []string
	for _, ex := range exercises.All() {
		if ex.Place == exercises.Desk || ex.Place == exercises.Standing {
			ids = append(ids, ex.ID)
		}
	}
	first := ids[0]
	got, ok := shorterStretch(ids, first)
	if !ok {
		t.Fatal("no follow-up stretch")
	}
	if got.ID == first {
		t.Errorf("follow-up = %s, the stretch that was ignored", got.ID)
	}
	for _, id := range ids[1:] {
		ex, _ := exercises.Get(id)
		if effort(ex) < effort(got) {
			t.Errorf("follow-up %s (%v) is not the quickest: %s takes %v", got.ID, effort(got), id, effort(ex))
		}
	}
	if _, ok := shorterStretch([]string{first}, first); ok {
		t.Error("a follow-up from a list with only the ignored stretch")
	}
}
