// Package lineplanet emulates the LINE Planet server API v2 meeting IDs, following
// ../shared/api/line-planet-meeting-id.txt and NOTES.md.
//
// Where the document is silent or contradicts itself the emulator does what
// NOTES.md decides:
//   - every disallowed type change answers code 435 (the doc's Example 2 shows 405);
//   - PUT and DELETE answer on both /mtg/{mtgId} (the curl examples) and
//     /mtgs/{mtgId} (the endpoint table);
//   - the update response's data is the MeetingObject itself (Example 1), the
//     create response's data is {mtg, sipProxy, sipProxyPort};
//   - a meeting past its expireAt is gone: absent from the list, 404 on PUT/DELETE.
//
// Decisions of the emulator where NOTES.md is silent too:
//   - a create without a type makes an I meeting (the doc gives no default; I is
//     the type of its create example and the shortest-lived);
//   - an update leaves out fields unchanged (Example 1 sends only the type and
//     keeps the passcode); an explicit null clears title or data.
//
// Requests go through platform.Router like every emulated platform's: Basic
// auth, then the per-service rate limit, then the body is read, then the
// handler runs under the lock.
package lineplanet

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// Default credentials and SIP proxy of the emulated service.
const (
	DefaultSIPProxy     = "127.0.0.1"
	DefaultSIPProxyPort = 5060
	// DefaultRequestsPerSecond is the document's limit: NOTES.md "100 requests per
	// second per service".
	DefaultRequestsPerSecond = 100
)

// The credentials the emulated service accepts by default, which the test
// harness also sends.
const (
	DefaultAPIKey    = "emulator-key"
	DefaultAPISecret = "emulator-secret"
)

// Credentials are the credentials the emulated service accepts, by the
// attribute of the provider's line_planet block that sends each.
var Credentials = []platform.Credential[Options]{
	{Attr: "api_key", Default: DefaultAPIKey, Option: func(o *Options) *string { return &o.APIKey }},
	{Attr: "api_secret", Default: DefaultAPISecret, Option: func(o *Options) *string { return &o.APISecret }},
}

// Options configures the emulated service.
type Options struct {
	APIKey       string
	APISecret    string
	SIPProxy     string
	SIPProxyPort int
	// RequestsPerSecond is the per-service rate limit: 0 means the document's 100,
	// a negative value turns the limit off.
	RequestsPerSecond int
}

// API is the emulated LINE Planet meeting-ID service.
type API struct {
	clock *platform.Clock
	opts  Options

	// mu guards meetings. Every route takes the write lock, the list included:
	// reading a meeting past its expireAt drops it (see liveLocked).
	mu       sync.RWMutex
	meetings map[roomKey]*Meeting // "A room has at most one meeting" (NOTES.md)

	limiter *limiter
	// newID and newPasscode are the random sources; tests replace them to
	// reproduce the document's examples byte for byte.
	newID       func() int64
	newPasscode func() string
}

var _ platform.API = (*API)(nil)

// New returns an empty service.
func New(clock *platform.Clock, opts Options) *API {
	platform.FillCredentials(&opts, Credentials)
	if opts.SIPProxy == "" {
		opts.SIPProxy = DefaultSIPProxy
	}
	if opts.SIPProxyPort == 0 {
		opts.SIPProxyPort = DefaultSIPProxyPort
	}
	if opts.RequestsPerSecond == 0 {
		opts.RequestsPerSecond = DefaultRequestsPerSecond
	}
	return &API{
		clock:       clock,
		opts:        opts,
		meetings:    map[roomKey]*Meeting{},
		limiter:     newLimiter(opts.RequestsPerSecond, time.Now),
		newID:       func() int64 { return minID + rand.Int64N(maxID-minID+1) },
		newPasscode: func() string { return fmt.Sprintf("%06d", rand.IntN(1_000_000)) },
	}
}

// Key implements platform.API: the platform's declared key.
func (a *API) Key() string { return platforms.LinePlanet.Key }

// Prefixes implements platform.API.
func (a *API) Prefixes() []string { return []string{"/tas/"} }

// Reset implements platform.API.
func (a *API) Reset() {
	a.mu.Lock()
	a.meetings = map[roomKey]*Meeting{}
	a.mu.Unlock()
	a.limiter.reset()
}
