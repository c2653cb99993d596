package emulator

import (
	cryptorand "crypto/rand"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"time"
)

// Fault is an injected failure. A request matches when its method (if set),
// its path prefix (if set) and its platform (if set) match; a rule with a Rate
// then fires on that share of the requests it matches. A rule that fires waits
// LatencyMS (plus up to LatencyJitterMS more) and then either serves the
// request after all (latency alone), answers Status in the owning platform's
// error envelope, or drops the connection without an answer. AfterWrite lets
// the platform serve the request first, its state changes included, and
// replaces the answer afterwards. Count limits how many times the rule fires
// (0: no limit).
type Fault struct {
	ID     int    `json:"id"`
	Method string `json:"method,omitempty"`
	// PathPrefix "/" matches every platform path; the admin API under
	// /_emulator/ never matches any fault.
	PathPrefix string `json:"path_prefix,omitempty"`
	// Platform ("portsip", "lineplanet", ...) matches every path the platform
	// owns, whichever prefixes those are.
	Platform string `json:"platform,omitempty"`
	Status   int    `json:"status,omitempty"`
	// Drop closes the connection without an answer, as a crashed server or a
	// broken network would.
	Drop bool `json:"drop,omitempty"`
	// AfterWrite serves the request before the fault replaces its answer: the
	// object is created (or changed, or deleted) and the client cannot know.
	AfterWrite bool `json:"after_write,omitempty"`
	// RetryAfter is sent as the Retry-After header, in seconds, with the status.
	RetryAfter      int    `json:"retry_after,omitempty"`
	LatencyMS       int    `json:"latency_ms,omitempty"`
	LatencyJitterMS int    `json:"latency_jitter_ms,omitempty"`
	Message         string `json:"message,omitempty"`
	// Rate, when set (0 < rate <= 1), is the share of matching requests the
	// rule fires on; the draw comes from a random source seeded with Seed.
	Rate *float64 `json:"rate,omitempty"`
	// Seed seeds the rule's random source (the rate and the jitter). When the
	// rule gives none, it derives from the emulator's fault seed and the
	// rule's ID, or is drawn at random; either way the answer shows it, so
	// that a run can be repeated with the same requests in the same order.
	Seed  *int64 `json:"seed,omitempty"`
	Count int    `json:"count,omitempty"`
	// Matched counts the requests the rule matched, Hits those it fired on.
	Matched int `json:"matched"`
	Hits    int `json:"hits"`

	rng *rand.Rand
}

func (f *Fault) validate(platforms []string) error {
	f.Method = strings.ToUpper(f.Method)
	switch {
	case f.PathPrefix == "" && f.Platform == "":
		return fmt.Errorf("a fault needs a path_prefix, a platform, or both")
	case f.PathPrefix != "" && !strings.HasPrefix(f.PathPrefix, "/"):
		return fmt.Errorf("path_prefix must start with /")
	case f.Platform != "" && !slices.Contains(platforms, f.Platform):
		return fmt.Errorf("platform must be one of %s", strings.Join(platforms, ", "))
	case f.Status != 0 && (f.Status < 400 || f.Status > 599):
		return fmt.Errorf("status must be between 400 and 599")
	case f.Status != 0 && f.Drop:
		return fmt.Errorf("give status or drop, not both: a dropped connection has no status")
	case f.RetryAfter != 0 && f.Status == 0:
		return fmt.Errorf("retry_after needs a status to go with")
	case f.LatencyMS < 0 || f.LatencyMS > 60_000 || f.LatencyJitterMS < 0 || f.LatencyJitterMS > 60_000:
		return fmt.Errorf("latency_ms and latency_jitter_ms must be between 0 and 60000")
	case f.Count < 0 || f.RetryAfter < 0:
		return fmt.Errorf("count and retry_after must not be negative")
	case f.Rate != nil && !(*f.Rate > 0 && *f.Rate <= 1):
		return fmt.Errorf("rate must be greater than 0 and at most 1")
	case f.Status == 0 && !f.Drop && f.LatencyMS == 0 && f.LatencyJitterMS == 0:
		return fmt.Errorf("a fault needs a status, drop, a latency_ms, or a combination")
	}
	return nil
}

// matches reports whether the rule applies to a request to path, served by
// the platform named owner ("" for a path no platform owns).
func (f *Fault) matches(method, path, owner string) bool {
	return (f.Method == "" || f.Method == method) &&
		(f.PathPrefix == "" || strings.HasPrefix(path, f.PathPrefix)) &&
		(f.Platform == "" || f.Platform == owner)
}

// latency is how long the rule holds a request it fires on. The caller holds
// the faults' lock, which guards the random source.
func (f *Fault) latency() time.Duration {
	ms := f.LatencyMS
	if f.LatencyJitterMS > 0 {
		ms += f.rng.IntN(f.LatencyJitterMS + 1)
	}
	return time.Duration(ms) * time.Millisecond
}

type faults struct {
	mu   sync.Mutex
	next int
	// seed, when set, seeds every rule that gives no seed of its own (the
	// -fault-seed flag).
	seed   *int64
	active []*Fault
}

func (fs *faults) add(f Fault, platforms []string) (Fault, error) {
	if err := f.validate(platforms); err != nil {
		return Fault{}, err
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.next++
	f.ID = fs.next
	f.Matched, f.Hits = 0, 0
	if f.Seed == nil {
		s := randomSeed()
		if fs.seed != nil {
			// Each rule gets a stream of its own, so that adding a rule does
			// not change what the others draw.
			s = *fs.seed + int64(f.ID)
		}
		f.Seed = &s
	}
	f.rng = rand.New(rand.NewPCG(uint64(*f.Seed), uint64(f.ID)))
	fs.active = append(fs.active, &f)
	return f, nil
}

// randomSeed is a seed for a rule when neither the rule nor the emulator gives
// one. It stays below 2^53 so that JSON readers keep it exact.
func randomSeed() int64 {
	var b [8]byte
	_, _ = cryptorand.Read(b[:])
	return int64(binary.LittleEndian.Uint64(b[:]) >> 11)
}

func (fs *faults) list() []Fault {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	out := make([]Fault, 0, len(fs.active))
	for _, f := range fs.active {
		out = append(out, *f)
	}
	return out
}

// clear drops every rule and numbers the next ones from 1 again, so that a
// run that starts by clearing the rules (or resetting the emulator) derives
// the same seeds from -fault-seed as a run on a fresh emulator.
func (fs *faults) clear() {
	fs.mu.Lock()
	fs.active, fs.next = nil, 0
	fs.mu.Unlock()
}

// firing is a rule that fired on a request: a copy of the rule, and the
// latency drawn for this request.
type firing struct {
	Fault
	wait time.Duration
}

// answers reports whether the fault replaces the answer; a latency-only rule
// delays the request and then lets it through.
func (f *firing) answers() bool { return f.Status != 0 || f.Drop }

// match returns the first rule that fires on the request, counting the match
// and the hit, and drops rules whose count is used up. A rule that matches but
// does not fire (its rate said no) lets the next rule try.
func (fs *faults) match(method, path, owner string) (firing, bool) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for i, f := range fs.active {
		if !f.matches(method, path, owner) {
			continue
		}
		f.Matched++
		if f.Rate != nil && f.rng.Float64() >= *f.Rate {
			continue
		}
		f.Hits++
		hit := firing{Fault: *f, wait: f.latency()}
		if f.Count > 0 && f.Hits >= f.Count {
			fs.active = slices.Delete(fs.active, i, i+1)
		}
		return hit, true
	}
	return firing{}, false
}
