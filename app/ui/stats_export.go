package ui

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/adrg/xdg"

	"github.com/limber-app/limber/app/stats"
	"github.com/limber-app/limber/app/store"
)

// ExportCSV asks, over w, where to save the history and writes entries
// there as CSV (see stats.CSV). It offers a file in the user's Documents
// folder named after today; the user may type another path. What went
// wrong, if anything, is said in the prompt, which stays open to try again.
//
// It is a small prompt of its own, not dialog.NewFileSave: importing
// fyne.io/fyne/v2/dialog needs github.com/FyshOS/fancyfs, which go.mod does
// not list yet.
func ExportCSV(w fyne.Window, entries []store.Entry) {
	p := newExportPrompt(defaultExportPath(time.Now()), entries)
	p.pop = widget.NewModalPopUp(p.content, w.Canvas())
	p.pop.Resize(fyne.NewSize(max(w.Canvas().Size().Width-80, 360), p.pop.MinSize().Height))
	p.pop.Show()
	w.Canvas().Focus(p.path)
}

// defaultExportPath is where an export goes unless the user says otherwise.
func defaultExportPath(now time.Time) string {
	dir := xdg.UserDirs.Documents
	if dir == "" {
		home, err := os.UserHomeDir()
		if err == nil { // else the file name alone: the user sees it and can add a folder
			dir = home
		}
	}
	return filepath.Join(dir, "limber-history-"+now.Format(time.DateOnly)+".csv")
}

// exportPrompt is the export's path entry, its status and buttons. Use it on
// the Fyne goroutine.
type exportPrompt struct {
	entries []store.Entry
	content fyne.CanvasObject
	path    *widget.Entry
	status  *errorText
	done    *widget.Label
	save    *widget.Button
	cancel  *widget.Button
	pop     *widget.PopUp // nil in tests
}

func newExportPrompt(path string, entries []store.Entry) *exportPrompt {
	p := &exportPrompt{entries: entries}
	p.path = widget.NewEntry()
	p.path.SetText(path)
	p.path.OnSubmitted = func(string) { p.submit() }
	p.status = newErrorText()
	p.done = widget.NewLabel("")
	p.done.Wrapping = fyne.TextWrapWord
	p.done.Hide()
	p.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), p.submit)
	p.save.Importance = widget.HighImportance
	p.cancel = widget.NewButton(lang.L("Cancel"), p.close)
	p.content = container.NewVBox(
		statsHeading(lang.L("Export your history as CSV")),
		mutedText(lang.L("Every reminder, answer and logged crack, one a row, for a spreadsheet.")),
		p.path, p.status, p.done,
		container.NewBorder(nil, nil, p.cancel, nil, p.save),
	)
	return p
}

// submit writes the file, then says where it went; on failure it says why
// and what to do.
func (p *exportPrompt) submit() {
	if p.save.Disabled() {
		return
	}
	path := p.path.Text
	if err := exportTo(path, p.entries); err != nil {
		p.status.set(exportProblem(err))
		return
	}
	p.status.set("")
	p.done.SetText(lang.L("Saved to {{.Path}}.", map[string]string{"Path": path}))
	p.done.Show()
	p.path.Disable()
	p.save.Disable()
	p.cancel.SetText(lang.L("Close"))
}

func (p *exportPrompt) close() {
	if p.pop != nil {
		p.pop.Hide()
	}
}

// exportProblem says what went wrong with an export and what to do.
func exportProblem(err error) string {
	switch {
	case errors.Is(err, fs.ErrExist):
		return lang.L("A file with that name is already there. Choose another name.")
	case errors.Is(err, fs.ErrNotExist):
		return lang.L("That folder does not exist. Choose a folder that does.")
	case errors.Is(err, fs.ErrPermission):
		return lang.L("Limber may not write there. Choose a folder of your own, such as Documents.")
	}
	return lang.L("The history was not exported ({{.Error}}). Try another folder, or run "+
		"`limber stats --csv` in a terminal.", map[string]string{"Error": err.Error()})
}

// exportTo writes entries as CSV to a new file at path; it never overwrites
// a file.
func exportTo(path string, entries []store.Entry) error {
	if path == "" {
		return errors.New("export csv: no file name")
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	if err := writeCSV(f, entries); err != nil {
		return errors.Join(err, os.Remove(path)) // a partial file is worse than none
	}
	return nil
}

// writeCSV writes entries to wc as CSV and closes it.
func writeCSV(wc io.WriteCloser, entries []store.Entry) error {
	if err := stats.CSV(wc, entries); err != nil {
		return errors.Join(err, wc.Close())
	}
	if err := wc.Close(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}
