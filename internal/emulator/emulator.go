// Package emulator serves the four vendor APIs from one stateful process, plus an
// admin surface under /_emulator/ for tests and users: health, reset, the clock,
// fault injection, the request journal, seed documents and persistence to a
// state file.
package emulator

import (
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"

	"github.com/confkit/terraform-provider-conference/internal/emulator/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// Options configures an Emulator. The zero value is usable: default credentials,
// the wall clock, no state file.
type Options struct {
	PortSIP    portsip.Options
	LinePlanet lineplanet.Options
	SQMeeting  sqmeeting.Options
	Whereby    whereby.Options
	// Credentials override what each platform accepts, by platform key and
	// provider attribute, as the emulator command's flags (see Credentials)
	// give them; an empty value keeps the default.
	Credentials map[string]platforms.Values
	// StateFile, when set, is loaded at start and rewritten after every change.
	StateFile string
	// Seed is a seed document (see Emulator.Seed) loaded at start when there
	// is no state to restore, and again after every reset.
	Seed []byte
	// FaultSeed, when set, seeds the random source of every fault rule that
	// gives no seed of its own, so that a run with the same rules and the same
	// requests fires the same faults.
	FaultSeed *int64
	// Logger receives one line per request; nil means no request log.
	Logger *slog.Logger
}

// Emulator is an http.Handler serving every platform and the admin API.
type Emulator struct {
	Clock *platform.Clock

	opts    Options
	mux     *http.ServeMux
	apis    []platform.API // in the order of emulated
	faults  faults
	journal journal
	saveMu  sync.Mutex
	// seedMu makes each seed document all or nothing (see Seed).
	seedMu sync.Mutex
}

// New builds an emulator and, if opts.StateFile exists, restores it.
func New(opts Options) (*Emulator, error) {
	opts.applyCredentials()
	clock := platform.NewClock()
	e := &Emulator{Clock: clock, opts: opts, mux: http.NewServeMux()}
	for _, em := range emulated {
		api := em.build(clock, &opts)
		api.Register(e.mux)
		e.apis = append(e.apis, api)
	}
	e.registerAdmin()
	e.faults.seed = opts.FaultSeed
	restored := false
	if opts.StateFile != "" {
		var err error
		if restored, err = e.load(opts.StateFile); err != nil {
			return nil, err
		}
	}
	if !restored && opts.Seed != nil {
		if err := e.Seed(opts.Seed); err != nil {
			return nil, fmt.Errorf("seed: %w", err)
		}
	}
	return e, nil
}

// Platform returns the API of the platform whose key is name, for
// in-process tests that need to reach behind it (to simulate drift, say).
func (e *Emulator) Platform(name string) platform.API {
	for _, p := range e.apis {
		if p.Key() == name {
			return p
		}
	}
	return nil
}

func (e *Emulator) platformFor(path string) platform.API {
	var best platform.API
	bestLen := 0
	for _, p := range e.apis {
		for _, pre := range p.Prefixes() {
			if strings.HasPrefix(path, pre) && len(pre) > bestLen {
				best, bestLen = p, len(pre)
			}
		}
	}
	return best
}

// names lists the platforms' keys, in registration order.
func (e *Emulator) names() []string {
	names := make([]string, 0, len(e.apis))
	for _, p := range e.apis {
		names = append(names, p.Key())
	}
	return names
}

// Reset drops every object, fault and journal entry, returns the clock to now
// and loads Options.Seed again: the emulator as it started, without a state
// file.
func (e *Emulator) Reset() error {
	for _, p := range e.apis {
		p.Reset()
	}
	e.faults.clear()
	e.journal.clear()
	e.Clock.Reset()
	return e.reseed(nil)
}

// ResetPlatform drops one platform's objects and loads its part of
// Options.Seed again; the other platforms, the faults, the journal and the
// clock stay as they are.
func (e *Emulator) ResetPlatform(name string) error {
	p := e.Platform(name)
	if p == nil {
		return fmt.Errorf("unknown platform %q; known: %s", name, strings.Join(e.names(), ", "))
	}
	p.Reset()
	return e.reseed(p)
}

// PlatformHandler serves one platform's API (and the admin API) only, for users
// who want each platform on a port of its own, as separate vendors would be.
// Objects are shared with the full handler: it is the same emulator.
func (e *Emulator) PlatformHandler(name string) (http.Handler, error) {
	p := e.Platform(name)
	if p == nil {
		return nil, fmt.Errorf("unknown platform %q; known: %s", name, strings.Join(e.names(), ", "))
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/_emulator/") || e.platformFor(r.URL.Path) == p {
			e.ServeHTTP(w, r)
			return
		}
		http.Error(w, fmt.Sprintf("this port serves %s only", p.Key()), http.StatusNotFound)
	}), nil
}
