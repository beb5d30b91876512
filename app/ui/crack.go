package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/stats"
	"github.com/limber-app/limber/app/store"
)

// CrackTitle is the crack log window's title in English, which names the
// window in the controller and its events; the window shows it in the
// user's language.
const CrackTitle = "Limber — Log a back crack"

// Crack log window size, in Fyne units.
const (
	crackWidth  = 480
	crackHeight = 560
)

// crackNoteMax caps the note, as `limber crack --note` does, so a history
// line stays far below the 1 MiB a history reader accepts.
const crackNoteMax = 500

// Answers to "Did it hurt?", as the choices' values.
const (
	painNo  = "No"
	painYes = "Yes"
)

// CrackOptions says how the crack log window behaves and whom it tells.
type CrackOptions struct {
	// Now is the clock that stamps the entry; nil means time.Now.
	Now func() time.Time
	// OnSave is called, on the Fyne goroutine, with the new crack entry when
	// the user taps Save. The owner appends it to the history and returns
	// the insights that now apply; they are shown in the same window. An
	// error is shown above the buttons and the form stays, so the user can
	// try again.
	OnSave func(store.Entry) ([]stats.Insight, error)
	// OnClose is called when the user taps Cancel or Close; the owner
	// closes the window.
	OnClose func()
	// OnSafety, when set, adds a "Safety guide" button under insights that
	// advise seeing someone.
	OnSafety func()
}

// crackScreen is the crack log window's content and its state. Use it on
// the Fyne goroutine.
type crackScreen struct {
	opt CrackOptions

	content *fyne.Container // holds the form, then the result
	where   *choices
	pain    *choices
	level   *choices
	levelQ  fyne.CanvasObject // the level question and buttons, shown on "Yes"
	during  *choices
	note    *widget.Entry
	status  *errorText
	save    *widget.Button
	cancel  *widget.Button
	done    *widget.Button // Close, on the result once saved
}

// NewCrackScreen returns the crack log window's content: three quick
// questions (where, did it hurt and how much, what you were doing), a note
// and Save; after saving, what the crack log now says, in the same window.
func NewCrackScreen(opt CrackOptions) fyne.CanvasObject {
	return newCrackScreen(opt).content
}

func newCrackScreen(opt CrackOptions) *crackScreen {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	s := &crackScreen{opt: opt}
	s.content = container.NewStack(s.form())
	s.refresh()
	return s
}

func (s *crackScreen) form() fyne.CanvasObject {
	s.where = newChoices([]choice{
		{"lower", lang.L("Lower back")},
		{"upper", lang.L("Upper back")},
		{"neck", lang.L("Neck")},
	}, 3, s.refresh)
	s.pain = newChoices([]choice{{painNo, lang.L("No")}, {painYes, lang.L("Yes")}}, 2, s.refresh)
	levels := make([]choice, 10)
	for i := range levels {
		n := fmt.Sprint(i + 1)
		levels[i] = choice{n, n}
	}
	s.level = newChoices(levels, 10, s.refresh)
	s.levelQ = container.NewVBox(mutedText(lang.L("How much? 1 is barely, 10 is the worst pain you can imagine.")), s.level.box)
	s.during = newChoices([]choice{
		{"sitting", lang.L("Sitting")},
		{"standing-up", lang.L("Standing up")},
		{"stretching", lang.L("Stretching")},
		{"lifting", lang.L("Lifting")},
		{"other", lang.X("crack.during.other", "Other")},
	}, 3, s.refresh)
	s.note = widget.NewEntry()
	s.note.SetPlaceHolder(lang.L("A few words of your own (optional)"))
	s.note.OnChanged = func(string) { s.refresh() }
	s.note.OnSubmitted = func(string) { s.submit() }

	body := container.NewVBox(
		crackQuestion(lang.L("Where did it crack?")), s.where.box,
		crackQuestion(lang.L("Did it hurt?")), s.pain.box, s.levelQ,
		crackQuestion(lang.L("What were you doing?")), s.during.box,
		s.note,
	)
	s.status = newErrorText()
	s.save = widget.NewButtonWithIcon(lang.L("Save"), theme.ConfirmIcon(), s.submit)
	s.save.Importance = widget.HighImportance
	s.cancel = widget.NewButton(lang.L("Cancel"), s.closeWindow)
	s.cancel.Importance = widget.LowImportance
	buttons := container.NewBorder(nil, nil, s.cancel, nil, s.save)
	bottom := container.NewVBox(s.status, buttons)
	return container.NewPadded(container.NewBorder(nil, bottom, nil, nil, container.NewVScroll(body)))
}

// crackQuestion is a bold question above its answers.
func crackQuestion(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

// refresh shows the pain level when the answer is "Yes" and lets Save go
// once the entry is complete.
func (s *crackScreen) refresh() {
	if s.pain.value == painYes {
		s.levelQ.Show()
	} else {
		s.levelQ.Hide()
	}
	if _, err := s.entry(); err != nil {
		s.save.Disable()
	} else {
		s.save.Enable()
	}
	if utf8.RuneCountInString(s.note.Text) > crackNoteMax {
		s.status.set(lang.L("Keep the note to {{.Max}} characters.", map[string]int{"Max": crackNoteMax}))
	} else {
		s.status.set("")
	}
}

// entry builds the crack entry from the answers so far, or says what is
// missing.
func (s *crackScreen) entry() (store.Entry, error) {
	e := store.Entry{
		At: s.opt.Now().Round(0), Type: store.EntryCrack,
		Where: s.where.value, During: s.during.value, Note: strings.TrimSpace(s.note.Text),
	}
	switch s.pain.value {
	case painNo:
		e.Pain = new(int)
	case painYes:
		var n int
		if _, err := fmt.Sscan(s.level.value, &n); err != nil {
			return e, errors.New("how much did it hurt: choose 1 to 10")
		}
		e.Pain = &n
	}
	if e.Where == "" {
		return e, errors.New("where did it crack: choose one")
	}
	if utf8.RuneCountInString(e.Note) > crackNoteMax {
		return e, fmt.Errorf("the note is longer than %d characters", crackNoteMax)
	}
	return e, nil
}

// submit saves the entry and shows what the crack log now says, or the
// error on the form.
func (s *crackScreen) submit() {
	e, err := s.entry()
	if err != nil || s.opt.OnSave == nil {
		return
	}
	insights, err := s.opt.OnSave(e)
	if err != nil {
		s.status.set(lang.L("Your crack was not saved ({{.Error}}). Try again, or log it in a terminal with "+
			"`limber crack`.", map[string]string{"Error": err.Error()}))
		return
	}
	s.content.Objects = []fyne.CanvasObject{s.result(e, insights)}
	s.content.Refresh()
}

// result is the window after saving: what was logged, then the insights or
// a reassuring line, and Close.
func (s *crackScreen) result(e store.Entry, insights []stats.Insight) fyne.CanvasObject {
	body := container.NewVBox(
		safetyHeading(lang.L("Crack logged"), theme.ColorNameSuccess, theme.NewSuccessThemedResource(theme.ConfirmIcon())),
		safetyText(describeCrack(e)),
		widget.NewSeparator(),
	)
	if len(insights) == 0 {
		body.Add(safetyText(lang.L("Nothing in your crack log needs attention. The odd painless crack is normal; " +
			"let cracks happen on their own and never force one.")))
	} else {
		body.Add(safetyHeading(lang.L("Worth knowing"), theme.ColorNameForeground, nil))
		body.Add(insightsView(insights, s.opt.OnSafety))
	}
	s.done = widget.NewButtonWithIcon(lang.L("Close"), theme.CancelIcon(), s.closeWindow)
	s.done.Importance = widget.HighImportance
	scroll := container.NewVScroll(container.NewThemeOverride(body, compactTheme{}))
	return container.NewPadded(container.NewBorder(nil, s.done, nil, nil, scroll))
}

func (s *crackScreen) closeWindow() {
	if s.opt.OnClose != nil {
		s.opt.OnClose()
	}
}

// describeCrack says where and how a crack happened, in words, as a
// sentence: "Lower back, while sitting, no pain."
func describeCrack(e store.Entry) string {
	var parts []string
	if where := crackWhere(e.Where); where != "" {
		parts = append(parts, where)
	}
	if during := crackDuring(e.During); during != "" {
		parts = append(parts, during)
	}
	switch {
	case e.Pain == nil:
	case *e.Pain == 0:
		parts = append(parts, lang.L("no pain"))
	default:
		parts = append(parts, lang.L("pain {{.Pain}}/10", map[string]int{"Pain": *e.Pain}))
	}
	out := strings.Join(parts, ", ")
	if out == "" {
		return ""
	}
	r, size := utf8.DecodeRuneInString(out)
	out = strings.ToUpper(string(r)) + out[size:] + "."
	if e.Note != "" {
		out += " " + lang.L("“{{.Note}}”", map[string]string{"Note": e.Note})
	}
	return out
}

// crackWhere names where a crack was, as a sentence goes on ("lower back").
func crackWhere(where string) string {
	switch where {
	case "lower":
		return lang.L("lower back")
	case "upper":
		return lang.L("upper back")
	case "neck":
		return lang.L("neck")
	}
	return ""
}

// crackDuring says what the user was doing ("while sitting").
func crackDuring(during string) string {
	switch during {
	case "sitting":
		return lang.L("while sitting")
	case "standing-up":
		return lang.L("while standing up")
	case "stretching":
		return lang.L("while stretching")
	case "lifting":
		return lang.L("while lifting")
	case "other":
		return lang.L("while doing something else")
	case "":
		return ""
	}
	return lang.L("while {{.Activity}}", map[string]string{"Activity": strings.ReplaceAll(during, "-", " ")})
}

// choice is one answer: the value saved and the words on its button.
type choice struct{ value, label string }

// choices is a row of big buttons of which one can be chosen; the chosen
// one is filled in the primary colour. It behaves like a radio group that
// takes one tap on a large target.
type choices struct {
	value    string
	values   []choice
	buttons  []*widget.Button
	box      *fyne.Container
	onChange func()
}

func newChoices(opts []choice, columns int, onChange func()) *choices {
	c := &choices{onChange: onChange}
	objs := make([]fyne.CanvasObject, len(opts))
	for i, o := range opts {
		b := widget.NewButton(o.label, func() { c.choose(o.value) })
		c.buttons = append(c.buttons, b)
		objs[i] = b
	}
	c.box = container.NewGridWithColumns(columns, objs...)
	c.values = opts
	return c
}

// choose marks value as chosen.
func (c *choices) choose(value string) {
	c.value = value
	for i, b := range c.buttons {
		imp := widget.MediumImportance
		if c.values[i].value == value {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
	if c.onChange != nil {
		c.onChange()
	}
}
