package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// maxSeed bounds a seed document posted to the admin API.
const maxSeed = 16 << 20

// Seed loads a seed document: a JSON object with one section per platform key
// ("portsip", "lineplanet", "sqmeeting", "whereby"), each in the form that
// platform's Seed reads. Every object goes through the rules the platform's
// API applies to it, so a seed cannot hold what the API would refuse. The
// document is all or nothing: when one object is refused, every platform it
// touched goes back to the state it had before.
func (e *Emulator) Seed(data []byte) error {
	sections, err := e.seedSections(data)
	if err != nil {
		return err
	}
	e.seedMu.Lock()
	defer e.seedMu.Unlock()
	if err := e.applySeed(sections); err != nil {
		return err
	}
	e.saveState()
	return nil
}

// reseed loads Options.Seed again after a reset: every section, or only
// only's when set.
func (e *Emulator) reseed(only platform.API) error {
	if e.opts.Seed == nil {
		e.saveState()
		return nil
	}
	sections, err := e.seedSections(e.opts.Seed)
	if err != nil {
		return err
	}
	if only != nil {
		sections = map[string]json.RawMessage{only.Key(): sections[only.Key()]}
	}
	e.seedMu.Lock()
	defer e.seedMu.Unlock()
	if err := e.applySeed(sections); err != nil {
		return fmt.Errorf("loading the seed again after the reset: %w", err)
	}
	e.saveState()
	return nil
}

func (e *Emulator) seedSections(data []byte) (map[string]json.RawMessage, error) {
	var sections map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&sections); err != nil {
		return nil, fmt.Errorf("a seed is a JSON object with a section per platform: %w", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("a seed is one JSON object; found more after it")
	}
	names := e.names()
	for key := range sections {
		if !slices.Contains(names, key) {
			return nil, fmt.Errorf("seed section %q is not a platform; known: %s", key, strings.Join(names, ", "))
		}
	}
	return sections, nil
}

// applySeed loads sections in platform order. The caller holds seedMu, so
// that two seeds do not restore over each other.
func (e *Emulator) applySeed(sections map[string]json.RawMessage) error {
	var undo []func()
	rollback := func() {
		for _, u := range slices.Backward(undo) {
			u()
		}
	}
	for _, p := range e.apis {
		raw, ok := sections[p.Key()]
		if !ok || len(bytes.TrimSpace(raw)) == 0 || string(bytes.TrimSpace(raw)) == "null" {
			continue
		}
		before, err := p.Snapshot()
		if err != nil {
			rollback()
			return fmt.Errorf("%s: %w", p.Key(), err)
		}
		undo = append(undo, func() { _ = p.Restore(before) })
		if err := p.Seed(raw); err != nil {
			rollback()
			return fmt.Errorf("%s: %w", p.Key(), err)
		}
	}
	return nil
}
