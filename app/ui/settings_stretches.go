package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/exercises"
)

// rowPictogramSize is the side of an exercise picture in the stretch list.
const rowPictogramSize = 40

// starOutline and starFilled are the favourite toggle's icons. They are
// drawn in black and recoloured by the theme.
var (
	starOutline = theme.NewThemedResource(fyne.NewStaticResource("star-outline.svg", []byte(
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="none" stroke="#000000" stroke-width="2" stroke-linejoin="round" d="M12 2.8l2.8 5.8 6.3.9-4.6 4.4 1.1 6.3L12 17.2l-5.6 3 1.1-6.3L2.9 9.5l6.3-.9z"/></svg>`)))
	starFilled = theme.NewPrimaryThemedResource(fyne.NewStaticResource("star-filled.svg", []byte(
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#000000" stroke="#000000" stroke-width="2" stroke-linejoin="round" d="M12 2.8l2.8 5.8 6.3.9-4.6 4.4 1.1 6.3L12 17.2l-5.6 3 1.1-6.3L2.9 9.5l6.3-.9z"/></svg>`)))
)

func (s *settingsScreen) stretchesTab() fyne.CanvasObject {
	chosen := s.cfg.Stretches.Places
	if len(chosen) == 0 {
		chosen = []exercises.Place{exercises.Desk, exercises.Standing}
	}
	row := container.NewHBox()
	s.places = nil
	for _, p := range exercises.Places() {
		c := widget.NewCheck(shortPlaceName(p), func(bool) { s.checkPlaces() })
		c.Checked = slices.Contains(chosen, p)
		s.places = append(s.places, placeCheck{place: p, Check: c})
		row.Add(c)
	}
	s.placesErr = newErrorText()
	s.autoOpen = widget.NewCheck(lang.L("Open the stretch card by itself when a break is due"), nil)
	s.autoOpen.Checked = s.cfg.Card.AutoOpen
	s.strict = widget.NewCheck(lang.L("Strict mode: no Skip, and a break can be snoozed only once"), nil)
	s.strict.Checked = s.cfg.Card.Strict
	legend := mutedText(lang.L("Star a stretch to see it more often; hide one (eye) never to see it."))
	top := container.NewVBox(
		heading(lang.L("Where can you stretch?")), row, s.placesErr,
		s.autoOpen, s.strict, widget.NewSeparator(), legend,
	)
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(s.exerciseList()))
}

// placeCheck is the check box of one place.
type placeCheck struct {
	place exercises.Place
	*widget.Check
}

// chosenPlaces returns the checked places in exercises.Places order.
func (s *settingsScreen) chosenPlaces() []exercises.Place {
	var out []exercises.Place
	for _, c := range s.places {
		if c.Checked {
			out = append(out, c.place)
		}
	}
	return out
}

func heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

func (s *settingsScreen) checkPlaces() {
	msg := ""
	if len(s.chosenPlaces()) == 0 {
		msg = lang.L("Choose at least one place.")
	}
	s.placesErr.set(msg)
	s.validate()
}

// shortPlaceName names a place in a few words in the user's language, for
// a row of check boxes.
func shortPlaceName(p exercises.Place) string {
	switch p {
	case exercises.Desk:
		return lang.L("Desk")
	case exercises.Standing:
		return lang.L("Standing")
	case exercises.Floor:
		return lang.L("Floor (mat)")
	case exercises.Bar:
		return lang.L("Pull-up bar")
	case exercises.Gym:
		return lang.L("Gym")
	}
	return string(p)
}

func (s *settingsScreen) exerciseList() fyne.CanvasObject {
	list := container.NewVBox()
	s.exercises = nil
	for _, ex := range exercises.All() {
		row := newExerciseRow(ex,
			slices.Contains(s.cfg.Stretches.Favourites, ex.ID),
			slices.Contains(s.cfg.Stretches.Hidden, ex.ID))
		s.exercises = append(s.exercises, row)
		list.Add(row.content)
	}
	return list
}

// stretchPrefs returns the places, favourites and hidden stretches as
// shown. Lists keep the order they had in the file; new entries follow in
// library order.
func (s *settingsScreen) stretchPrefs() exercises.Prefs {
	var fav, hidden []string
	for _, r := range s.exercises {
		if r.favourite {
			fav = append(fav, r.id)
		}
		if r.hidden {
			hidden = append(hidden, r.id)
		}
	}
	return exercises.Prefs{
		Places:     keepOrder(s.cfg.Stretches.Places, s.chosenPlaces()),
		Favourites: keepOrder(s.cfg.Stretches.Favourites, fav),
		Hidden:     keepOrder(s.cfg.Stretches.Hidden, hidden),
	}
}

// keepOrder returns the items of now, those also in before first, in
// before's order, then the rest in now's order.
func keepOrder[T comparable](before, now []T) []T {
	var out []T
	for _, x := range before {
		if slices.Contains(now, x) && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	for _, x := range now {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// exerciseRow is one stretch in the list: picture, name, and the favourite
// and hidden toggles.
type exerciseRow struct {
	id                string
	favourite, hidden bool
	star, eye         *widget.Button
	name              *widget.Label
	content           fyne.CanvasObject
}

func newExerciseRow(ex exercises.Exercise, favourite, hidden bool) *exerciseRow {
	r := &exerciseRow{id: ex.ID, favourite: favourite, hidden: hidden}
	r.star = widget.NewButtonWithIcon("", nil, r.toggleFavourite)
	r.eye = widget.NewButtonWithIcon("", nil, r.toggleHidden)
	r.star.Importance, r.eye.Importance = widget.LowImportance, widget.LowImportance
	r.name = widget.NewLabel(ex.Name)
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.show()
	pic := container.NewGridWrap(fyne.NewSquareSize(rowPictogramSize), newPictogram(ex.ID))
	text := container.NewVBox(r.name, mutedText(placeName(ex.Place)))
	text = container.NewVBox(container.NewThemeOverride(text, compactTheme{}))
	r.content = container.NewBorder(nil, nil, container.NewCenter(pic), container.NewHBox(r.star, r.eye), text)
	return r
}

func (r *exerciseRow) toggleFavourite() {
	r.favourite = !r.favourite
	r.show()
}

func (r *exerciseRow) toggleHidden() {
	r.hidden = !r.hidden
	r.show()
}

// show makes the toggles and the name match the state.
func (r *exerciseRow) show() {
	if r.favourite {
		r.star.SetIcon(starFilled)
	} else {
		r.star.SetIcon(starOutline)
	}
	if r.hidden {
		r.eye.SetIcon(theme.VisibilityOffIcon())
		r.name.Importance = widget.LowImportance
	} else {
		r.eye.SetIcon(theme.VisibilityIcon())
		r.name.Importance = widget.MediumImportance
	}
	r.name.Refresh()
}
