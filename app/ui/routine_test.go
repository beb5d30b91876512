package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/limber-app/limber/exercises"
)

var testRoutine = exercises.Routine{
	ID:      "test-routine",
	Name:    "Test routine",
	When:    "every test",
	Minutes: 2,
	Steps:   []string{"side-bend", "no-such-stretch", "neck-tilt"},
}

// routineRecord records a routine player's callbacks.
type routineRecord struct {
	outcomes []string
	ends     []string
}

func newTestRoutine(t *testing.T, steps []exercises.Exercise, card CardOptions) (*RoutinePlayer, *routineRecord) {
	t.Helper()
	p, rec, _ := newTestRoutineWindow(t, steps, card)
	return p, rec
}

// newTestRoutineWindow plays steps of testRoutine in a card-sized window on
// a fake clock.
func newTestRoutineWindow(t *testing.T, steps []exercises.Exercise, card CardOptions) (*RoutinePlayer, *routineRecord, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	rec := &routineRecord{}
	clock := newFakeClock()
	card.Now, card.Tick = clock.Now, clock.Tick
	p := NewRoutinePlayer(testRoutine, steps, RoutineOptions{
		Card:      card,
		OnOutcome: func(id, outcome string) { rec.outcomes = append(rec.outcomes, id+":"+outcome) },
		OnEnd:     func(outcome string) { rec.ends = append(rec.ends, outcome) },
	})
	t.Cleanup(p.Stop)
	w := test.NewTempWindow(t, p.Content())
	w.Resize(fyne.NewSize(cardWidth, cardHeight))
	return p, rec, w
}

func TestRoutinePlayer_PlaysEveryStep(t *testing.T) {
	steps := []exercises.Exercise{sideBend, neckTilt, sideBend}
	p, rec := newTestRoutine(t, steps, CardOptions{})
	answers := []string{OutcomeDone, OutcomeSkipped, OutcomeDone}
	for i, answer := range answers {
		want := []string{"Test routine · 1 of 3", "Test routine · 2 of 3", "Test routine · 3 of 3"}[i]
		if got := p.Progress(); got != want {
			t.Errorf("step %d: progress = %q, want %q", i, got, want)
		}
		if got, want := p.bar.Value, float64(i+1)/3; got != want {
			t.Errorf("step %d: progress bar = %v, want %v", i, got, want)
		}
		if got := p.Card().Exercise().ID; got != steps[i].ID {
			t.Errorf("step %d: card shows %q, want %q", i, got, steps[i].ID)
		}
		if hasButton(p.Content(), "Another") {
			t.Errorf("step %d: a routine card offers Another", i)
		}
		if answer == OutcomeDone {
			test.Tap(p.Card().done)
		} else {
			test.Tap(p.Card().skip)
		}
	}
	want := []string{"side-bend:done", "neck-tilt:skipped", "side-bend:done", "test-routine:done"}
	if !slices.Equal(rec.outcomes, want) {
		t.Errorf("outcomes = %q, want %q", rec.outcomes, want)
	}
	if !p.Complete() || p.Card() != nil || len(rec.ends) != 0 {
		t.Fatalf("after the last step: complete %v, card %v, ends %q; want complete, no card, not ended",
			p.Complete(), p.Card(), rec.ends)
	}
	if !slices.Contains(texts(p.Content()), "Test routine: 2 of 3 done") {
		t.Errorf("complete view says %q, want the done count", texts(p.Content()))
	}
	test.Tap(p.close)
	if !slices.Equal(rec.ends, []string{OutcomeDone}) || len(rec.outcomes) != len(want) {
		t.Errorf("after Close: ends %q, outcomes %q; want [done] and no new outcome", rec.ends, rec.outcomes)
	}
}

func TestRoutinePlayer_SnoozeAndHurtEnd(t *testing.T) {
	for _, answer := range []string{OutcomeSnoozed, OutcomeHurt} {
		t.Run(answer, func(t *testing.T) {
			p, rec := newTestRoutine(t, []exercises.Exercise{sideBend, neckTilt}, CardOptions{})
			if answer == OutcomeSnoozed {
				test.Tap(p.Card().snooze)
			} else {
				test.Tap(p.Card().hurts)
			}
			test.Tap(p.Card().done) // too late: the routine is over
			if want := []string{"side-bend:" + answer}; !slices.Equal(rec.outcomes, want) {
				t.Errorf("outcomes = %q, want %q", rec.outcomes, want)
			}
			if !slices.Equal(rec.ends, []string{answer}) || p.Complete() {
				t.Errorf("ends = %q, complete %v; want [%s], not complete", rec.ends, p.Complete(), answer)
			}
		})
	}
}

func TestRoutinePlayer_CardOptionsApply(t *testing.T) {
	p, _ := newTestRoutine(t, []exercises.Exercise{sideBend}, CardOptions{Strict: true, NoSnooze: true, OnSafety: func() {}})
	for _, b := range []struct {
		text string
		want bool
	}{{"Skip", false}, {"Snooze 5 min", false}, {"Another", false}, {"Safety guide", true}, {"Done", true}} {
		if got := hasButton(p.Content(), b.text); got != b.want {
			t.Errorf("routine card has a %q button = %v, want %v", b.text, got, b.want)
		}
	}
}

func TestRoutinePlayer_Keys(t *testing.T) {
	p, rec := newTestRoutine(t, []exercises.Exercise{sideBend, neckTilt}, CardOptions{})
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyN}) // no Another in a routine
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // closes the complete view
	want := []string{"side-bend:done", "neck-tilt:skipped", "test-routine:done"}
	if !slices.Equal(rec.outcomes, want) || !slices.Equal(rec.ends, []string{OutcomeDone}) {
		t.Errorf("outcomes %q, ends %q; want %q, [done]", rec.outcomes, rec.ends, want)
	}
}

func TestRoutinePlayer_Markup(t *testing.T) {
	p, _, w := newTestRoutineWindow(t, []exercises.Exercise{sideBend, neckTilt}, CardOptions{OnSafety: func() {}})
	fyne.CurrentApp().Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	test.Tap(p.Card().done)
	assertMarkup(t, "routine/step.xml", w)
	test.Tap(p.Card().done)
	assertMarkup(t, "routine/complete.xml", w)
}

func assertMarkup(t *testing.T, golden string, w fyne.Window) {
	t.Helper()
	if *update {
		writeGolden(t, golden, test.RenderToMarkup(w.Canvas()))
	}
	test.AssertRendersToMarkup(t, golden, w.Canvas())
}
