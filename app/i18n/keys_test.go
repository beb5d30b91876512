package i18n

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// sameAsEnglish are, per language, the texts whose translation is rightly
// the English text, letter for letter.
var sameAsEnglish = map[string]map[string]bool{
	"es": {"No": true, "{{.Minutes}} min": true, "{{.Hours}} h {{.Minutes}} min": true},
}

// reservedKeys are the words go-i18n reads as parts of a message; as keys
// of their own, they make Fyne reject the whole file.
var reservedKeys = []string{
	"id", "description", "hash", "leftdelim", "rightdelim",
	"zero", "one", "two", "few", "many", "other", "translation",
}

const (
	fynePath = "fyne.io/fyne/v2/lang"
	selfPath = "github.com/limber-app/limber/app/i18n"
)

// lookups are the functions that take a catalog key, by import path: the
// index of the key among the arguments, and of the English fallback, or -1.
var lookups = map[string]map[string][2]int{
	fynePath: {
		"L": {0, -1}, "Localize": {0, -1},
		"N": {0, -1}, "LocalizePlural": {0, -1},
		"X": {0, 1}, "LocalizeKey": {0, 1},
		"XN": {0, 1}, "LocalizePluralKey": {0, 1},
	},
	selfPath: {"T": {0, -1}, "N": {0, -1}},
}

// use is one place the code looks a key up.
type use struct {
	key, fallback string // fallback is "" for a key that is its own English
	at            string // file:line
}

// TestCatalog_KeysMatchCode checks the catalog against the code: every key
// the module looks up is in every language, filled in, with the same
// template fields as in English and translated; and every key in the
// catalog is used.
func TestCatalog_KeysMatchCode(t *testing.T) {
	uses, problems := findUses(t, moduleRoot(t))
	for _, p := range problems {
		t.Error(p)
	}
	if len(uses) < 100 {
		t.Fatalf("found %d look-ups in the module, want the whole sweep (at least 100)", len(uses))
	}
	byKey := map[string][]use{}
	for _, u := range uses {
		byKey[u.key] = append(byKey[u.key], u)
	}
	en := mustParse(t, English)
	for _, lang := range languages {
		c := en
		if lang != English {
			c = mustParse(t, lang)
		}
		checkLanguage(t, lang, c, en, byKey)
	}
	for key, us := range byKey {
		m, ok := en[key]
		if !ok {
			continue // reported as missing
		}
		for _, u := range us {
			if u.fallback != "" && m.other.src != u.fallback {
				t.Errorf("en.json: %q is %q, but the code at %s falls back to %q", key, m.other.src, u.at, u.fallback)
			}
		}
	}
}

func checkLanguage(t *testing.T, lang string, c, en map[string]message, byKey map[string][]use) {
	file := lang + ".json"
	for _, key := range sortedKeys(byKey) {
		m, ok := c[key]
		switch {
		case !ok:
			t.Errorf("%s: missing %q (used at %s)", file, key, byKey[key][0].at)
			continue
		case strings.TrimSpace(m.other.src) == "" || m.one != nil && strings.TrimSpace(m.one.src) == "":
			t.Errorf("%s: %q is empty (used at %s)", file, key, byKey[key][0].at)
			continue
		}
		e, ok := en[key]
		if !ok || lang == English {
			continue
		}
		if got, want := fields(m), fields(e); !slices.Equal(got, want) {
			t.Errorf("%s: %q has the fields %v, English has %v", file, key, got, want)
		}
		if (m.one == nil) != (e.one == nil) {
			t.Errorf("%s: %q has one and other forms in only one of %s and en.json", file, key, file)
		}
		if untranslated(m, e) && !sameAsEnglish[lang][key] {
			t.Errorf("%s: %q is not translated: %q", file, key, m.other.src)
		}
	}
	for key := range c {
		if _, used := byKey[key]; !used {
			t.Errorf("%s: %q is not used anywhere in the code", file, key)
		}
		if slices.Contains(reservedKeys, strings.ToLower(key)) {
			t.Errorf("%s: %q is a word go-i18n reserves: look it up with lang.X and a key of its own", file, key)
		}
	}
}

// untranslated reports whether a translation is the English text, letter
// for letter, leaving aside texts that are nothing but template fields.
func untranslated(m, en message) bool {
	if m.other.src != en.other.src || !hasWords(m.other.src) {
		return false
	}
	return m.one == nil || en.one == nil || m.one.src == en.one.src || !hasWords(m.one.src)
}

var action = regexp.MustCompile(`\{\{[^}]*\}\}`)

func hasWords(s string) bool {
	return strings.IndexFunc(action.ReplaceAllString(s, ""), unicode.IsLetter) >= 0
}

var field = regexp.MustCompile(`\{\{-?\s*\.([A-Za-z_][A-Za-z0-9_]*)`)

// fields lists the template fields of every form of m, sorted, once each.
func fields(m message) []string {
	var out []string
	for _, t := range []*text{m.one, m.other} {
		if t == nil {
			continue
		}
		for _, f := range field.FindAllStringSubmatch(t.src, -1) {
			out = append(out, f[1])
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func mustParse(t *testing.T, lang string) map[string]message {
	t.Helper()
	c, err := loadFile(lang)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func sortedKeys(m map[string][]use) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// moduleRoot finds the folder with go.mod above the test's folder.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}

// findUses parses every non-test Go file under root and returns each
// look-up of a catalog key, and a problem for each key that is not a
// string literal.
func findUses(t *testing.T, root string) ([]use, []string) {
	t.Helper()
	var uses []use
	var problems []string
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		u, p := usesIn(fset, f, filepath.ToSlash(rel))
		uses, problems = append(uses, u...), append(problems, p...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return uses, problems
}

// usesIn returns the look-ups in one file. In package i18n itself, T and
// N are called without the package name.
func usesIn(fset *token.FileSet, f *ast.File, rel string) ([]use, []string) {
	names := map[string]string{} // local name → import path, for the lookups' packages
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		if _, ok := lookups[p]; !ok {
			continue
		}
		local := p[strings.LastIndex(p, "/")+1:]
		if imp.Name != nil {
			local = imp.Name.Name
		}
		names[local] = p
	}
	self := f.Name.Name == "i18n" && strings.HasPrefix(rel, "app/i18n/")
	var uses []use
	var problems []string
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		var fn map[string][2]int
		var fname, shown string
		switch x := call.Fun.(type) {
		case *ast.SelectorExpr:
			pkg, ok := x.X.(*ast.Ident)
			if !ok || names[pkg.Name] == "" {
				return true
			}
			fn, fname, shown = lookups[names[pkg.Name]], x.Sel.Name, pkg.Name+"."+x.Sel.Name
		case *ast.Ident:
			if !self {
				return true
			}
			fn, fname, shown = lookups[selfPath], x.Name, x.Name
		default:
			return true
		}
		args, ok := fn[fname]
		if !ok {
			return true
		}
		at := fmt.Sprintf("%s:%d", rel, fset.Position(call.Pos()).Line)
		key, ok := literal(call, args[0])
		if !ok {
			problems = append(problems, fmt.Sprintf("%s: the key of %s is not a string literal", at, shown))
			return true
		}
		u := use{key: key, at: at}
		if args[1] >= 0 {
			if u.fallback, ok = literal(call, args[1]); !ok {
				problems = append(problems, fmt.Sprintf("%s: the fallback of %s is not a string literal", at, shown))
			}
		}
		uses = append(uses, u)
		return true
	})
	return uses, problems
}

// literal returns the value of argument i of call when it is a string
// literal, or string literals joined by +.
func literal(call *ast.CallExpr, i int) (string, bool) {
	if i >= len(call.Args) {
		return "", false
	}
	return stringValue(call.Args[i])
}

func stringValue(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(x.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", false
		}
		a, ok1 := stringValue(x.X)
		b, ok2 := stringValue(x.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return stringValue(x.X)
	}
	return "", false
}

// TestUsesIn checks the look-up finder on a made-up file: calls through
// both packages, under any import name, and keys that are not literals.
func TestUsesIn(t *testing.T) {
	const src = `package x

import (
	l "fyne.io/fyne/v2/lang"
	"github.com/limber-app/limber/app/i18n"
)

const k = "Konst"

func f(s string) {
	_ = l.L("Plain")
	_ = l.X("some.key", "Fall" + "back")
	_ = l.N("{{.Count}} things", 2)
	_ = i18n.T("Resident " + ` + "`text`" + `)
	_ = i18n.N(k, 3)
	_ = l.L(s)
	_ = i18n.Language()
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	uses, problems := usesIn(fset, f, "app/x/x.go")
	want := []use{
		{key: "Plain", at: "app/x/x.go:11"},
		{key: "some.key", fallback: "Fallback", at: "app/x/x.go:12"},
		{key: "{{.Count}} things", at: "app/x/x.go:13"},
		{key: "Resident text", at: "app/x/x.go:14"},
	}
	if !slices.Equal(uses, want) {
		t.Errorf("usesIn = %+v, want %+v", uses, want)
	}
	wantProblems := []string{
		"app/x/x.go:15: the key of i18n.N is not a string literal",
		"app/x/x.go:16: the key of l.L is not a string literal",
	}
	if !slices.Equal(problems, wantProblems) {
		t.Errorf("problems = %q, want %q", problems, wantProblems)
	}
}
