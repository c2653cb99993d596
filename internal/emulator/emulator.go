// Package emulator serves the four vendor APIs from one stateful process, plus an
// admin surface under /_emulator/ for tests and users: health, reset, the clock,
// fault injection, the request journal and persistence to a state file.
package emulator

import (
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
	decl "github.com/confkit/terraform-provider-conference/internal/platforms"
)

// Options configures an Emulator. The zero value is usable: default credentials,
// the wall clock, no state file.
type Options struct {
	PortSIP    portsip.Options
	LinePlanet lineplanet.Options
	SQMeeting  sqmeeting.Options
	Whereby    whereby.Options
	// Credentials override what each platform accepts, by platform key and
	// provider attribute, as the emulator command's flags (derived from the
	// platforms' declarations) give them; an empty value keeps the default.
	Credentials map[string]decl.Values
	// StateFile, when set, is loaded at start and rewritten after every change.
	StateFile string
	// Logger receives one line per request; nil means no request log.
	Logger *slog.Logger
}

// Emulator is an http.Handler serving every platform and the admin API.
type Emulator struct {
	Clock *platform.Clock

	opts      Options
	mux       *http.ServeMux
	platforms []platform.Platform
	faults    faults
	journal   journal
	saveMu    sync.Mutex
}

// New builds an emulator and, if opts.StateFile exists, restores it.
func New(opts Options) (*Emulator, error) {
	opts.applyCredentials()
	clock := platform.NewClock()
	e := &Emulator{Clock: clock, opts: opts, mux: http.NewServeMux()}
	e.platforms = []platform.Platform{
		portsip.New(clock, opts.PortSIP),
		lineplanet.New(clock, opts.LinePlanet),
		sqmeeting.New(clock, opts.SQMeeting),
		whereby.New(clock, opts.Whereby),
	}
	for _, p := range e.platforms {
		p.Register(e.mux)
	}
	e.registerAdmin()
	if opts.StateFile != "" {
		if err := e.load(opts.StateFile); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// applyCredentials moves Credentials into each platform's options: the one
// place that knows which provider attribute is which option.
func (o *Options) applyCredentials() {
	set := func(p *decl.Platform, attr string, dst *string) {
		if v := o.Credentials[p.Key][attr]; v != "" {
			*dst = v
		}
	}
	set(&decl.PortSIP, "username", &o.PortSIP.Username)
	set(&decl.PortSIP, "password", &o.PortSIP.Password)
	set(&decl.LinePlanet, "api_key", &o.LinePlanet.APIKey)
	set(&decl.LinePlanet, "api_secret", &o.LinePlanet.APISecret)
	set(&decl.SQMeeting, "username", &o.SQMeeting.Username)
	set(&decl.SQMeeting, "password", &o.SQMeeting.Password)
	set(&decl.Whereby, "api_key", &o.Whereby.APIKey)
}

// Platform returns the platform registered under name, for in-process tests that
// need to reach behind the API (to simulate drift, say).
func (e *Emulator) Platform(name string) platform.Platform {
	for _, p := range e.platforms {
		if p.Name() == name {
			return p
		}
	}
	return nil
}

func (e *Emulator) platformFor(path string) platform.Platform {
	var best platform.Platform
	bestLen := 0
	for _, p := range e.platforms {
		for _, pre := range p.Prefixes() {
			if strings.HasPrefix(path, pre) && len(pre) > bestLen {
				best, bestLen = p, len(pre)
			}
		}
	}
	return best
}

// ServeHTTP journals the request, applies injected faults, then routes it.
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusRecorder{ResponseWriter: w}
	admin := strings.HasPrefix(r.URL.Path, "/_emulator/")
	faulted := false
	if !admin {
		faulted = e.applyFault(rec, r)
	}
	if !faulted {
		e.mux.ServeHTTP(rec, r)
	}
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	if admin {
		return
	}
	entry := JournalEntry{
		Time: start.UTC(), Method: r.Method, Path: r.URL.Path, Query: redactedQuery(r.URL),
		Status: rec.status, DurationMS: time.Since(start).Milliseconds(), Fault: faulted,
	}
	e.journal.add(entry)
	if e.opts.Logger != nil {
		e.opts.Logger.Info("request", "method", entry.Method, "path", entry.Path,
			"status", entry.Status, "duration_ms", entry.DurationMS, "fault", entry.Fault)
	}
	if e.opts.StateFile != "" && r.Method != http.MethodGet && rec.status < 300 {
		if err := e.save(e.opts.StateFile); err != nil && e.opts.Logger != nil {
			e.opts.Logger.Error("saving state", "error", err)
		}
	}
}

// Reset drops every object, fault and journal entry and returns the clock to now.
func (e *Emulator) Reset() {
	for _, p := range e.platforms {
		p.Reset()
	}
	e.faults.clear()
	e.journal.clear()
	e.Clock.Reset()
}

// PlatformHandler serves one platform's API (and the admin API) only, for users
// who want each platform on a port of its own, as separate vendors would be.
// Objects are shared with the full handler: it is the same emulator.
func (e *Emulator) PlatformHandler(name string) (http.Handler, error) {
	p := e.Platform(name)
	if p == nil {
		names := make([]string, 0, len(e.platforms))
		for _, q := range e.platforms {
			names = append(names, q.Name())
		}
		return nil, fmt.Errorf("unknown platform %q; known: %s", name, strings.Join(names, ", "))
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/_emulator/") || e.platformFor(r.URL.Path) == p {
			e.ServeHTTP(w, r)
			return
		}
		http.Error(w, fmt.Sprintf("this port serves %s only", p.Name()), http.StatusNotFound)
	}), nil
}
