package emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// stateFile is the on-disk form: one opaque snapshot per platform.
type stateFile struct {
	Version   int                        `json:"version"`
	Platforms map[string]json.RawMessage `json:"platforms"`
}

// save writes the state atomically (temp file, then rename) so that a crash never
// leaves a half-written file for the next start.
func (e *Emulator) save(path string) error {
	e.saveMu.Lock()
	defer e.saveMu.Unlock()
	st := stateFile{Version: 1, Platforms: map[string]json.RawMessage{}}
	for _, p := range e.platforms {
		snap, err := p.Snapshot()
		if err != nil {
			return fmt.Errorf("snapshot of %s: %w", p.Name(), err)
		}
		st.Platforms[p.Name()] = snap
	}
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".emulator-state-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Save writes the state file now, for a clean shutdown.
func (e *Emulator) Save() error {
	if e.opts.StateFile == "" {
		return nil
	}
	return e.save(e.opts.StateFile)
}

func (e *Emulator) load(path string) error {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var st stateFile
	if err := json.Unmarshal(data, &st); err != nil {
		return fmt.Errorf("state file %s: %w", path, err)
	}
	if st.Version != 1 {
		return fmt.Errorf("state file %s: unsupported version %d", path, st.Version)
	}
	for _, p := range e.platforms {
		if snap, ok := st.Platforms[p.Name()]; ok {
			if err := p.Restore(snap); err != nil {
				return fmt.Errorf("state file %s: %s: %w", path, p.Name(), err)
			}
		}
	}
	return nil
}
