package store

import (
	"bytes"
	"strings"
)

// sourceIndex finds the line a key is on, so that messages about values can
// point at them. It understands the subset of TOML that a config file uses:
// [section] headers, key = value lines and dotted keys.
type sourceIndex struct {
	lines []string
}

func newSourceIndex(data []byte) sourceIndex {
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	return sourceIndex{lines: strings.Split(string(data), "\n")}
}

// line returns the 1-based line of key in section ("" for the top level),
// the line of the [key] header when section is "" and key names a table,
// or 0 when it cannot tell.
func (s sourceIndex) line(section, key string) int {
	current := ""
	for i, raw := range s.lines {
		text := strings.TrimSpace(stripComment(raw))
		if strings.HasPrefix(text, "[") {
			current = strings.TrimSpace(strings.Trim(text, "[]"))
			if section == "" && current == key {
				return i + 1
			}
			continue
		}
		k, ok := keyOf(text)
		if !ok {
			continue
		}
		if (current == section && k == key) || (current == "" && section != "" && k == section+"."+key) {
			return i + 1
		}
	}
	return 0
}

func keyOf(text string) (string, bool) {
	k, _, ok := strings.Cut(text, "=")
	if !ok {
		return "", false
	}
	parts := strings.Split(k, ".")
	for i, part := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(part), `"'`)
	}
	return strings.Join(parts, "."), true
}

// stripComment drops a # comment that is not inside a quoted string.
func stripComment(line string) string {
	quote := byte(0)
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0 && c == quote:
			quote = 0
		case quote == 0 && (c == '"' || c == '\''):
			quote = c
		case quote == 0 && c == '#':
			return line[:i]
		}
	}
	return line
}
