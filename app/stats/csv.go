package stats

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/limber-app/limber/app/store"
)

// csvHeader is the first row CSV writes.
var csvHeader = []string{"at", "type", "kind", "exercise", "outcome", "where", "pain", "during", "note"}

// CSV writes entries to w as CSV: a header row, then one row per entry in
// the order given, with times in RFC 3339 and an empty pain when none was
// asked.
func CSV(w io.Writer, entries []store.Entry) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	for _, e := range entries {
		pain := ""
		if e.Pain != nil {
			pain = strconv.Itoa(*e.Pain)
		}
		row := []string{e.At.Format(time.RFC3339), e.Type, e.Kind, e.Exercise, e.Outcome, e.Where, pain, e.During, e.Note}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}
