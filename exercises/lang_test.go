package exercises

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// wantLanguages are the translations Limber must ship besides English.
var wantLanguages = []string{"de", "es"}

// sameAsEnglish lists, by language, the texts a translation may leave as
// they are in English because that language spells them alike ("Cobra" is
// Spanish too, and Spanish fitness talk says "core"). Any other text that
// matches the English is taken for a line nobody translated.
var sameAsEnglish = map[string][]string{
	"de": {"Limber"},
	"es": {"Limber", "Cobra", "core"},
}

// translationFiles returns every embedded translation by language code.
func translationFiles(t *testing.T) map[string][]byte {
	t.Helper()
	names, err := fs.Glob(langFS, "lang/*.json")
	if err != nil {
		t.Fatal(err)
	}
	files := make(map[string][]byte, len(names))
	for _, name := range names {
		data, err := langFS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		files[strings.TrimSuffix(path.Base(name), ".json")] = data
	}
	return files
}

// useLanguage switches the library to code for one test and back to
// English after it.
func useLanguage(t *testing.T, code string) {
	t.Helper()
	t.Cleanup(func() { current.Store(nil) })
	if err := SetLanguage(code); err != nil {
		t.Fatalf("SetLanguage(%q) = %v", code, err)
	}
}

func TestTranslations_AreComplete(t *testing.T) {
	en := english()
	for code, data := range translationFiles(t) {
		file := code + ".json"
		if keys := duplicateKeys(data); len(keys) > 0 {
			t.Errorf("%s: keys given twice (the second wins): %s", file, strings.Join(keys, ", "))
		}
		tr, err := parseTranslation(data)
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		for _, p := range translationProblems(en, tr, sameAsEnglish[code]) {
			t.Errorf("%s: %s", file, p)
		}
	}
}

func TestLanguages_HasEveryRequiredLanguage(t *testing.T) {
	got := Languages()
	if !slices.IsSorted(got) || !slices.Contains(got, "en") {
		t.Errorf("Languages() = %v, want a sorted list with en", got)
	}
	for code := range translationFiles(t) {
		if !slices.Contains(got, code) {
			t.Errorf("Languages() = %v, want it to list lang/%s.json", got, code)
		}
	}
	for _, code := range wantLanguages {
		if !slices.Contains(got, code) {
			t.Errorf("Languages() = %v, lacks %q: add lang/%s.json", got, code, code)
		}
	}
}

func TestSetLanguage_SwitchesTheText(t *testing.T) {
	t.Cleanup(func() { current.Store(nil) })
	tr := mustParse(t, "de")
	enEx, _ := Get("overhead-reach")
	wantDe := tr.Exercises["overhead-reach"]

	if err := SetLanguage("de_DE.UTF-8"); err != nil {
		t.Fatalf(`SetLanguage("de_DE.UTF-8") = %v`, err)
	}
	ex, ok := Get("overhead-reach")
	if !ok || ex.Name != wantDe.Name || ex.Name == enEx.Name || !slices.Equal(ex.Steps, wantDe.Steps) {
		t.Errorf("in German, Get(overhead-reach) = %q %q, want %q %q", ex.Name, ex.Steps, wantDe.Name, wantDe.Steps)
	}
	if ex.Hold != enEx.Hold || ex.Reps != enEx.Reps || !slices.Equal(ex.Areas, enEx.Areas) {
		t.Errorf("in German, overhead-reach is %v × %d %v, want the English %v × %d %v", ex.Hold, ex.Reps, ex.Areas, enEx.Hold, enEx.Reps, enEx.Areas)
	}

	if err := SetLanguage("xx"); err == nil {
		t.Error(`SetLanguage("xx") = nil, want an error`)
	}
	if ex, _ := Get("overhead-reach"); ex.Name != wantDe.Name {
		t.Errorf("after SetLanguage(xx), Get(overhead-reach).Name = %q, want it still German %q", ex.Name, wantDe.Name)
	}

	if err := SetLanguage("en"); err != nil {
		t.Fatalf(`SetLanguage("en") = %v`, err)
	}
	if ex, _ := Get("overhead-reach"); ex.Name != enEx.Name {
		t.Errorf("after SetLanguage(en), Get(overhead-reach).Name = %q, want %q", ex.Name, enEx.Name)
	}
}

func TestSetLanguage_AcceptsLocaleNames(t *testing.T) {
	t.Cleanup(func() { current.Store(nil) })
	en, _ := Get("overhead-reach")
	de := mustParse(t, "de").Exercises["overhead-reach"].Name
	tests := []struct {
		code, want string
	}{
		{"de", de},
		{"de_DE", de},
		{"de-AT", de},
		{"de_DE.UTF-8", de},
		{"de_CH.utf8@euro", de},
		{"DE", de},
		{"en_GB.UTF-8", en.Name},
		{"en", en.Name},
		{"", en.Name},
	}
	for _, tt := range tests {
		current.Store(nil)
		if err := SetLanguage(tt.code); err != nil {
			t.Errorf("SetLanguage(%q) = %v", tt.code, err)
			continue
		}
		if ex, _ := Get("overhead-reach"); ex.Name != tt.want {
			t.Errorf("after SetLanguage(%q), Get(overhead-reach).Name = %q, want %q", tt.code, ex.Name, tt.want)
		}
	}
	for _, code := range []string{"xx", "C", "POSIX", "deu", "_DE"} {
		if err := SetLanguage(code); err == nil {
			t.Errorf("SetLanguage(%q) = nil, want an error", code)
		}
	}
}

// TestSetLanguage_EveryAccessor checks, in every language, that each
// accessor returning text gives that language's text and the same ids,
// numbers and order as English.
func TestSetLanguage_EveryAccessor(t *testing.T) {
	en := english()
	enSuggest := ids(Suggest(Prefs{Places: Places()}, History{}, time.Time{}, 5))
	for code := range translationFiles(t) {
		tr := mustParse(t, code)
		useLanguage(t, code)
		all := All()
		for i, ex := range all {
			if ex.ID != en.Exercises[i].ID || ex.Name != tr.Exercises[ex.ID].Name {
				t.Errorf("%s: All()[%d] = %s %q, want %s %q", code, i, ex.ID, ex.Name, en.Exercises[i].ID, tr.Exercises[ex.ID].Name)
			}
		}
		for i, r := range Routines() {
			want := tr.Routines[r.ID]
			if r.ID != en.Routines[i].ID || r.Name != want.Name || r.When != want.When || r.Why != want.Why ||
				!slices.Equal(r.Steps, en.Routines[i].Steps) || r.Minutes != en.Routines[i].Minutes {
				t.Errorf("%s: Routines()[%d] = %+v, want %s with %+v", code, i, r, en.Routines[i].ID, want)
			}
		}
		if s := Safety(); s.NotAdvice != tr.Safety.NotAdvice || !slices.Equal(s.SeeSomeone, tr.Safety.SeeSomeone) {
			t.Errorf("%s: Safety() = %+v, want %+v", code, s, tr.Safety)
		}
		if got := ids(Suggest(Prefs{Places: Places()}, History{}, time.Time{}, 5)); !slices.Equal(got, enSuggest) {
			t.Errorf("%s: Suggest picks %v, want the English pick %v", code, got, enSuggest)
		} else if ex, _ := Get(got[0]); Suggest(Prefs{Places: Places()}, History{}, time.Time{}, 1)[0].Name != ex.Name {
			t.Errorf("%s: Suggest returns %s in another language than Get", code, got[0])
		}
		for _, p := range Places() {
			if got := PlaceName(p); got != tr.Places[p] {
				t.Errorf("%s: PlaceName(%s) = %q, want %q", code, p, got, tr.Places[p])
			}
		}
		if got := AreaName("lower back"); got != tr.Areas["lower back"] {
			t.Errorf("%s: AreaName(lower back) = %q, want %q", code, got, tr.Areas["lower back"])
		}
	}
}

func TestPlaceAndAreaNames_English(t *testing.T) {
	for _, p := range Places() {
		if name := PlaceName(p); name == "" || name == string(p) {
			t.Errorf("PlaceName(%s) = %q, want an English name", p, name)
		}
	}
	if got := PlaceName("roof"); got != "roof" {
		t.Errorf("PlaceName(roof) = %q, want the place itself", got)
	}
	if got := AreaName("lower back"); got != "lower back" {
		t.Errorf("AreaName(lower back) = %q, want it unchanged in English", got)
	}
}

// TestSetLanguage_WhileReading switches language while other goroutines
// read; under -race it reports any unguarded access.
func TestSetLanguage_WhileReading(t *testing.T) {
	t.Cleanup(func() { current.Store(nil) })
	codes := Languages()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				_ = All()
				_, _ = Get("cat-cow")
				_ = Routines()
				_ = Safety()
				_ = PlaceName(Desk)
				_ = AreaName("core")
			}
		})
	}
	for i := range 50 {
		if err := SetLanguage(codes[i%len(codes)]); err != nil {
			t.Error(err)
		}
	}
	wg.Wait()
}

func TestTranslate_FallsBackToEnglishForGaps(t *testing.T) {
	en := english()
	tr := fullTranslation(en)
	first := en.Exercises[0]
	delete(tr.Exercises, first.ID)
	cut := tr.Exercises[en.Exercises[1].ID]
	cut.Steps = cut.Steps[1:]
	tr.Exercises[en.Exercises[1].ID] = cut
	tr.Safety.NotAdvice = ""

	lib := translate(en, tr)
	if got := lib.Exercises[0]; got.Name != first.Name || !slices.Equal(got.Steps, first.Steps) {
		t.Errorf("untranslated %s = %q %q, want English %q %q", first.ID, got.Name, got.Steps, first.Name, first.Steps)
	}
	if got, want := lib.Exercises[1].Steps, en.Exercises[1].Steps; !slices.Equal(got, want) {
		t.Errorf("steps of the wrong length = %q, want English %q", got, want)
	}
	if got, want := lib.Exercises[1].Name, tr.Exercises[en.Exercises[1].ID].Name; got != want {
		t.Errorf("name beside short steps = %q, want the translation %q", got, want)
	}
	if lib.Safety.NotAdvice != en.Safety.NotAdvice {
		t.Errorf("empty not_advice = %q, want English %q", lib.Safety.NotAdvice, en.Safety.NotAdvice)
	}
}

func TestParseTranslation_RejectsBrokenData(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"not JSON", `{"places": {`, "unexpected EOF"},
		{"unknown section", `{"placs": {}}`, "unknown field"},
		{"unknown exercise field", `{"exercises": {"walk": {"nme": "x"}}}`, "unknown field"},
		{"unknown safety field", `{"safety": {"stopp": []}}`, "unknown field"},
		{"wrong type", `{"exercises": {"walk": {"steps": "x"}}}`, "cannot unmarshal"},
		{"two objects", `{} {}`, "data after"},
	}
	for _, tt := range tests {
		_, err := parseTranslation([]byte(tt.data))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parseTranslation(%s) = %v, want an error containing %q", tt.name, err, tt.want)
		}
	}
}

func TestDuplicateKeys(t *testing.T) {
	data := `{"exercises": {"walk": {"name": "a", "name": "b"}, "cobra": {}, "walk": {}}, "areas": {"core": "x"}}`
	got := duplicateKeys([]byte(data))
	want := []string{"exercises.walk", "exercises.walk.name"}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("duplicateKeys = %v, want %v", got, want)
	}
}

// TestTranslationProblems_CatchesEachMistake breaks a complete translation
// one way at a time and checks that translationProblems reports it.
func TestTranslationProblems_CatchesEachMistake(t *testing.T) {
	en := english()
	if p := translationProblems(en, fullTranslation(en), nil); len(p) > 0 {
		t.Fatalf("a complete translation has problems: %q", p)
	}
	ex0, r0 := en.Exercises[0], en.Routines[0]
	tests := []struct {
		name   string
		mutate func(tr *translation)
		want   string
	}{
		{"missing exercise", func(tr *translation) { delete(tr.Exercises, ex0.ID) }, ex0.ID + ": missing"},
		{"unknown exercise", func(tr *translation) { tr.Exercises["no-such"] = exerciseText{} }, "no-such: no such exercise"},
		{"empty name", func(tr *translation) { editExercise(tr, ex0.ID, func(e *exerciseText) { e.Name = "" }) }, ex0.ID + ".name: missing or empty"},
		{"empty step", func(tr *translation) { editExercise(tr, ex0.ID, func(e *exerciseText) { e.Steps[1] = " " }) }, ex0.ID + ".steps[1]: missing or empty"},
		{"short steps", func(tr *translation) { editExercise(tr, ex0.ID, func(e *exerciseText) { e.Steps = e.Steps[1:] }) }, ex0.ID + ".steps: "},
		{"long cautions", func(tr *translation) {
			editExercise(tr, ex0.ID, func(e *exerciseText) { e.Cautions = append(e.Cautions, "more") })
		}, ex0.ID + ".cautions: "},
		{"empty why", func(tr *translation) { editExercise(tr, ex0.ID, func(e *exerciseText) { e.Why = "" }) }, ex0.ID + ".why: missing or empty"},
		{"copied English", func(tr *translation) { editExercise(tr, ex0.ID, func(e *exerciseText) { e.Why = ex0.Why }) }, "same as English"},
		{"lost number", func(tr *translation) { tr.Safety.SeeSomeone[1] = "Bald wieder knacken." }, "see_someone[1]: numbers"},
		{"missing routine", func(tr *translation) { delete(tr.Routines, r0.ID) }, r0.ID + ": missing"},
		{"unknown routine", func(tr *translation) { tr.Routines["no-such"] = routineText{} }, "no-such: no such routine"},
		{"empty when", func(tr *translation) { r := tr.Routines[r0.ID]; r.When = ""; tr.Routines[r0.ID] = r }, r0.ID + ".when: missing or empty"},
		{"short safety list", func(tr *translation) { tr.Safety.Habits = tr.Safety.Habits[1:] }, "safety.habits: "},
		{"empty not_advice", func(tr *translation) { tr.Safety.NotAdvice = "" }, "safety.not_advice: missing or empty"},
		{"missing place", func(tr *translation) { delete(tr.Places, Gym) }, "places.gym: missing or empty"},
		{"unknown place", func(tr *translation) { tr.Places["roof"] = "Dach" }, "places.roof: no such place"},
		{"missing area", func(tr *translation) { delete(tr.Areas, "core") }, "areas.core: missing or empty"},
		{"unknown area", func(tr *translation) { tr.Areas["elbows"] = "x" }, "areas.elbows: no exercise"},
		{"sides given", func(tr *translation) { tr.Sides = map[Sides]string{EachSide: "x"} }, "sides.each: "},
	}
	for _, tt := range tests {
		tr := fullTranslation(en)
		tt.mutate(tr)
		got := translationProblems(en, tr, nil)
		if !slices.ContainsFunc(got, func(p string) bool { return strings.Contains(p, tt.want) }) {
			t.Errorf("%s: translationProblems = %q, want one containing %q", tt.name, got, tt.want)
		}
	}
}

func editExercise(tr *translation, id string, edit func(*exerciseText)) {
	e := tr.Exercises[id]
	edit(&e)
	tr.Exercises[id] = e
}

func mustParse(t *testing.T, code string) *translation {
	t.Helper()
	data, ok := translationFiles(t)[code]
	if !ok {
		t.Fatalf("no lang/%s.json", code)
	}
	tr, err := parseTranslation(data)
	if err != nil {
		t.Fatalf("%s.json: %v", code, err)
	}
	return tr
}

// fullTranslation returns a complete translation of en into a made-up
// language that marks every text: "walk" becomes "‹Short walk›".
func fullTranslation(en *library) *translation {
	mark := func(s string) string { return "‹" + s + "›" }
	markAll := func(ss []string) []string {
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = mark(s)
		}
		return out
	}
	tr := &translation{
		Places:    map[Place]string{},
		Areas:     map[string]string{},
		Exercises: map[string]exerciseText{},
		Routines:  map[string]routineText{},
	}
	for p, name := range englishPlaces {
		tr.Places[p] = mark(name)
	}
	for _, e := range en.Exercises {
		tr.Exercises[e.ID] = exerciseText{mark(e.Name), markAll(e.Steps), mark(e.Why), markAll(e.Cautions)}
		for _, a := range e.Areas {
			tr.Areas[a] = mark(a)
		}
	}
	for _, r := range en.Routines {
		tr.Routines[r.ID] = routineText{mark(r.Name), mark(r.When), mark(r.Why)}
	}
	s := en.Safety
	tr.Safety = SafetyGuide{
		markAll(s.Stop), markAll(s.SeeSomeone), markAll(s.Benign), markAll(s.Concerning),
		markAll(s.Cracking), markAll(s.Habits), mark(s.NotAdvice),
	}
	return tr
}

// translationProblems lists everything wrong with tr as a translation of
// en: text missing, empty, left in English (unless listed in same) or with
// other numbers than the English, lists of another length, and keys for
// things en does not have.
func translationProblems(en *library, tr *translation, same []string) []string {
	c := textCheck{same: same}
	c.names(en, tr)
	c.exercises(en, tr)
	c.routines(en, tr)
	s := en.Safety
	c.lines("safety.stop", tr.Safety.Stop, s.Stop)
	c.lines("safety.see_someone", tr.Safety.SeeSomeone, s.SeeSomeone)
	c.lines("safety.benign", tr.Safety.Benign, s.Benign)
	c.lines("safety.concerning", tr.Safety.Concerning, s.Concerning)
	c.lines("safety.cracking", tr.Safety.Cracking, s.Cracking)
	c.lines("safety.habits", tr.Safety.Habits, s.Habits)
	c.text("safety.not_advice", tr.Safety.NotAdvice, s.NotAdvice)
	return c.problems
}

// textCheck collects the problems of one translation.
type textCheck struct {
	same     []string // texts that may equal the English
	problems []string
}

func (c *textCheck) add(format string, args ...any) {
	c.problems = append(c.problems, fmt.Sprintf(format, args...))
}

// names checks places, areas and sides.
func (c *textCheck) names(en *library, tr *translation) {
	for _, p := range Places() {
		c.text("places."+string(p), tr.Places[p], englishPlaces[p])
	}
	for p := range tr.Places {
		if !slices.Contains(Places(), p) {
			c.add("places.%s: no such place", p)
		}
	}
	used := map[string]bool{}
	for _, e := range en.Exercises {
		for _, a := range e.Areas {
			used[a] = true
		}
	}
	for a := range used {
		c.text("areas."+a, tr.Areas[a], a)
	}
	for a := range tr.Areas {
		if !used[a] {
			c.add("areas.%s: no exercise works on this area", a)
		}
	}
	for s := range tr.Sides {
		c.add("sides.%s: the sides of an exercise are not shown by name, so leave \"sides\" empty", s)
	}
}

func (c *textCheck) exercises(en *library, tr *translation) {
	for _, e := range en.Exercises {
		t, ok := tr.Exercises[e.ID]
		if !ok {
			c.add("exercises.%s: missing", e.ID)
			continue
		}
		c.text(e.ID+".name", t.Name, e.Name)
		c.lines(e.ID+".steps", t.Steps, e.Steps)
		c.text(e.ID+".why", t.Why, e.Why)
		c.lines(e.ID+".cautions", t.Cautions, e.Cautions)
	}
	for id := range tr.Exercises {
		if _, ok := en.index[id]; !ok {
			c.add("exercises.%s: no such exercise in library.json", id)
		}
	}
}

func (c *textCheck) routines(en *library, tr *translation) {
	known := map[string]bool{}
	for _, r := range en.Routines {
		known[r.ID] = true
		t, ok := tr.Routines[r.ID]
		if !ok {
			c.add("routines.%s: missing", r.ID)
			continue
		}
		c.text(r.ID+".name", t.Name, r.Name)
		c.text(r.ID+".when", t.When, r.When)
		c.text(r.ID+".why", t.Why, r.Why)
	}
	for id := range tr.Routines {
		if !known[id] {
			c.add("routines.%s: no such routine in library.json", id)
		}
	}
}

func (c *textCheck) lines(where string, got, want []string) {
	if len(got) != len(want) {
		c.add("%s: %d lines, English has %d", where, len(got), len(want))
		return
	}
	for i := range got {
		c.text(fmt.Sprintf("%s[%d]", where, i), got[i], want[i])
	}
}

// numbers matches the figures in a text: hold times, reps, angles.
var numbers = regexp.MustCompile(`\d+`)

func (c *textCheck) text(where, got, want string) {
	switch {
	case strings.TrimSpace(got) == "":
		c.add("%s: missing or empty", where)
	case got != strings.TrimSpace(got):
		c.add("%s: %q has space at an end", where, got)
	case got == want && !slices.Contains(c.same, got):
		c.add("%s: same as English %q", where, got)
	}
	if g, w := numbers.FindAllString(got, -1), numbers.FindAllString(want, -1); got != "" && !slices.Equal(g, w) {
		c.add("%s: numbers %v, English has %v", where, g, w)
	}
}

// duplicateKeys returns the path of every object key that occurs twice in
// the same object of data, which encoding/json would silently merge.
func duplicateKeys(data []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(data))
	var dups []string
	var walk func(at string) error
	walk = func(at string) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'):
			seen := map[string]bool{}
			for dec.More() {
				key, err := dec.Token()
				if err != nil {
					return err
				}
				k := key.(string)
				p := strings.TrimPrefix(at+"."+k, ".")
				if seen[k] {
					dups = append(dups, p)
				}
				seen[k] = true
				if err := walk(p); err != nil {
					return err
				}
			}
			_, err = dec.Token()
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				if err := walk(fmt.Sprintf("%s[%d]", at, i)); err != nil {
					return err
				}
			}
			_, err = dec.Token()
		}
		return err
	}
	if err := walk(""); err != nil && !errors.Is(err, io.EOF) {
		return []string{"(does not parse: " + err.Error() + ")"}
	}
	return dups
}
