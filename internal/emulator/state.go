package emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// stateFile is the on-disk form: one opaque snapshot per platform.
type stateFile struct {
	Version   int                        `json:"version"`
	Platforms map[string]json.RawMessage `json:"platforms"`
}

// save writes the state atomically so that a crash, even of the machine, never
// leaves a half-written file for the next start: the data goes to a temporary
// file in the same directory, is flushed to disk, and replaces the old file by
// rename, whose directory entry is flushed too.
func (e *Emulator) save(path string) error {
	e.saveMu.Lock()
	defer e.saveMu.Unlock()
	st := stateFile{Version: 1, Platforms: map[string]json.RawMessage{}}
	for _, p := range e.apis {
		snap, err := p.Snapshot()
		if err != nil {
			return fmt.Errorf("snapshot of %s: %w", p.Key(), err)
		}
		st.Platforms[p.Key()] = snap
	}
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), tempPattern(path))
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(filepath.Dir(path))
}

// syncDir flushes a directory's entries, so that a rename into it survives a
// power cut. Some systems cannot sync a directory; the rename still stands.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, errors.ErrUnsupported) && !errors.Is(err, syscall.EINVAL) {
		return err
	}
	return nil
}

// saveState writes the state file, if there is one, after a change: a
// platform request's or the admin API's (a reset or a seed), so that a
// restart does not bring back what they replaced. A failure is logged: the
// change stands in memory.
func (e *Emulator) saveState() {
	if e.opts.StateFile == "" {
		return
	}
	if err := e.save(e.opts.StateFile); err != nil && e.opts.Logger != nil {
		e.opts.Logger.Error("saving state", "error", err)
	}
}

// Save writes the state file now, for a clean shutdown.
func (e *Emulator) Save() error {
	if e.opts.StateFile == "" {
		return nil
	}
	return e.save(e.opts.StateFile)
}

// tempPattern names the temporary files of path's saves. A crash during a
// save leaves one behind; the next start removes it (see load).
func tempPattern(path string) string { return "." + filepath.Base(path) + ".tmp-*" }

// load restores the state file, and reports false when there is none yet.
func (e *Emulator) load(path string) (bool, error) {
	if stale, err := filepath.Glob(filepath.Join(filepath.Dir(path), tempPattern(path))); err == nil {
		for _, f := range stale {
			_ = os.Remove(f)
		}
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	var st stateFile
	if err := json.Unmarshal(data, &st); err != nil {
		return false, fmt.Errorf("state file %s: %w", path, err)
	}
	if st.Version != 1 {
		return false, fmt.Errorf("state file %s: unsupported version %d", path, st.Version)
	}
	for _, p := range e.apis {
		if snap, ok := st.Platforms[p.Key()]; ok {
			if err := p.Restore(snap); err != nil {
				return false, fmt.Errorf("state file %s: %s: %w", path, p.Key(), err)
			}
		}
	}
	return true, nil
}
