package desktop

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// commLen is how many bytes of a program's name the kernel keeps in
// /proc/PID/comm (TASK_COMM_LEN less the final NUL).
const commLen = 15

// ProcessesRunning returns a Hold that is active while one of the user's
// own processes runs a program named in names (a call, a recording): it
// reads procDir/PID/comm (procDir is "/proc" but for tests), compares
// without regard to case, and matches a name longer than the kernel keeps
// by its first 15 bytes. Processes of other users do not count.
//
// Name says which program the last check found, "zoom is running"; when
// it found none, Name lists them all. The names are tried in order, so the first one
// running is the one named. The hold is safe for concurrent use.
func ProcessesRunning(names []string, procDir string) Hold {
	h := &processesRunning{procDir: procDir, uid: os.Getuid()}
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			h.names = append(h.names, n)
		}
	}
	return h
}

type processesRunning struct {
	names   []string
	procDir string
	uid     int

	mu    sync.Mutex
	found string // the name last found running
}

func (h *processesRunning) Name() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.found != "" {
		return h.found + " is running"
	}
	switch n := len(h.names); n {
	case 0:
		return "a program on the list is running"
	case 1:
		return h.names[0] + " is running"
	default:
		return strings.Join(h.names[:n-1], ", ") + " or " + h.names[n-1] + " is running"
	}
}

func (h *processesRunning) Active() (bool, error) {
	if len(h.names) == 0 {
		return false, nil
	}
	entries, err := os.ReadDir(h.procDir)
	if err != nil {
		return false, fmt.Errorf("list processes: %w", err)
	}
	running := make([]bool, len(h.names))
	for _, e := range entries {
		if !isProcDir(e.Name()) {
			continue
		}
		dir := filepath.Join(h.procDir, e.Name())
		// A process may end while it is read: then it is not running.
		comm, err := os.ReadFile(filepath.Join(dir, "comm"))
		if err != nil {
			continue
		}
		i := h.match(string(bytes.TrimSuffix(comm, []byte("\n"))))
		if i < 0 || running[i] || !ownedBy(dir, h.uid) {
			continue
		}
		running[i] = true
		if i == 0 {
			break // none can come before it
		}
	}
	found := ""
	for i, r := range running {
		if r {
			found = h.names[i]
			break
		}
	}
	h.mu.Lock()
	h.found = found
	h.mu.Unlock()
	return found != "", nil
}

// match returns the index of the first name that comm is, or -1.
func (h *processesRunning) match(comm string) int {
	for i, n := range h.names {
		if len(n) > commLen {
			n = n[:commLen]
		}
		if strings.EqualFold(comm, n) {
			return i
		}
	}
	return -1
}

// ownedBy reports whether the real uid on the Uid: line of dir/status (a
// process folder of /proc) is uid. A process that has ended, or whose status
// cannot be read, is not.
func ownedBy(dir string, uid int) bool {
	f, err := os.Open(filepath.Join(dir, "status"))
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "Uid:")
		if !ok {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) == 0 {
			return false
		}
		real, err := strconv.Atoi(fields[0])
		return err == nil && real == uid
	}
	return false
}

// isProcDir reports whether name, an entry of the proc folder, is a process.
func isProcDir(name string) bool {
	if name == "" {
		return false
	}
	for _, c := range name {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
