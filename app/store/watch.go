package store

import (
	"fmt"
	"path/filepath"

	"github.com/fsnotify/fsnotify"
)

// Watch reports on the returned channel whenever the file at path may have
// changed: written in place, replaced by a rename (as editors and
// WriteFileAtomic do), created or removed. It watches the directory, so it
// keeps working across renames. Stop ends it. Events can come in bursts;
// the receiver should read the file again after a short quiet spell.
func Watch(path string) (changed <-chan struct{}, stop func() error, err error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, nil, fmt.Errorf("watch %s: %w", path, err)
	}
	if err := w.Add(filepath.Dir(path)); err != nil {
		w.Close()
		return nil, nil, fmt.Errorf("watch %s: %w", path, err)
	}
	ch := make(chan struct{}, 1)
	name := filepath.Clean(path)
	go func() {
		for {
			select {
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if filepath.Clean(ev.Name) != name || ev.Op == fsnotify.Chmod {
					continue
				}
				select {
				case ch <- struct{}{}:
				default:
				}
			case _, ok := <-w.Errors:
				if !ok {
					return
				}
			}
		}
	}()
	return ch, w.Close, nil
}
