// Package whereby emulates the Whereby REST API v1 meetings (transient rooms),
// following ../shared/api/whereby-meetings.txt (the doc page),
// whereby-openapi.json (the vendor's OpenAPI 3.0 document) and NOTES.md.
// Where the documents disagree, NOTES.md decides; where they are silent, the
// decision is written beside the code. The emulator's decisions in short:
//   - every error answers {"error":"..."}, the shape of the document's one
//     error body (ThrottleError); for 401 and 404, whose responses the
//     document gives only a description, that description is the message;
//   - a request body that breaks the schema answers 400, the status the
//     document gives a bad request elsewhere (InvalidContentTypeError), with
//     every problem in one message;
//   - the points budget is a fixed one-minute window on the emulator's clock
//     (budget.go).
//
// Meetings, recordings, transcriptions, summaries, insights and room
// themes (themes.go) are emulated.
package whereby

import (
	"strings"
	"sync"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// Defaults of the emulated organization.
const (
	// DefaultPublicURL is where the emulated rooms live: the scheme and host of
	// roomUrl, hostRoomUrl and viewerRoomUrl (the real ones are
	// https://<subdomain>.whereby.com). ".test" is reserved for testing
	// (RFC 6761).
	DefaultPublicURL = "https://emulator.whereby.test"
)

// DefaultAPIKey is the bearer token the emulator accepts when Options.APIKey
// is empty, which the test harness also sends.
const DefaultAPIKey = "emulator-key"

// Credentials are the credentials the emulated organization accepts, by the
// attribute of the provider's whereby block that sends each.
var Credentials = []platform.Credential[Options]{
	{Attr: "api_key", Default: DefaultAPIKey, Option: func(o *Options) *string { return &o.APIKey }},
}

// Options configures the emulated organization. The zero value is usable.
type Options struct {
	// APIKey is the only bearer token accepted; DefaultAPIKey when empty.
	APIKey string
	// PublicURL prefixes every room URL; DefaultPublicURL when empty.
	PublicURL string
	// PointsPerMinute is the organization's rate budget (whereby-openapi.json,
	// "Rate limiting": Build plans have 100, Grow plans 1000); 0 turns rate
	// limiting off.
	PointsPerMinute int
}

// API is the emulated Whereby organization. It implements platform.API.
type API struct {
	clock  *platform.Clock
	opts   Options
	budget budget

	// mu guards everything below. Handlers hold it for the whole of their
	// work (read lock for GET, write lock otherwise).
	mu       sync.RWMutex
	meetings map[string]*meeting
	// order lists meeting IDs by creation, which is the list's order.
	order []string
	// nextSeq numbers meetings in creation order; list cursors name one.
	nextSeq uint64
	// recordings and transcriptions, in the order they were made: what
	// finished meetings left (the admin API's seed makes them appear).
	recordings     []*recording
	transcriptions []*Transcription
	summaries      []*Summary
	// sessions are the rooms' sessions with their participants, in the
	// order they were held: what the insights are derived from.
	sessions []*roomSession
	// themes are the rooms' themes that differ from the default, by room
	// name (themes.go).
	themes map[string]*Theme
}

var _ platform.API = (*API)(nil)

// New returns an organization without meetings.
func New(clock *platform.Clock, opts Options) *API {
	platform.FillCredentials(&opts, Credentials)
	if opts.PublicURL == "" {
		opts.PublicURL = DefaultPublicURL
	}
	opts.PublicURL = strings.TrimRight(opts.PublicURL, "/")
	if clock == nil {
		clock = platform.NewClock()
	}
	a := &API{clock: clock, opts: opts}
	a.budget.points = opts.PointsPerMinute
	a.Reset()
	return a
}

// Key implements platform.API: the platform's declared key.
func (a *API) Key() string { return platforms.Whereby.Key }

// Prefixes implements platform.API: the API lives under {endpoint}/v1
// (NOTES.md; whereby-openapi.json, servers: https://api.whereby.dev/v1).
func (a *API) Prefixes() []string { return []string{"/v1/"} }

// Reset implements platform.API: no meetings, a fresh budget.
func (a *API) Reset() {
	a.mu.Lock()
	a.meetings = map[string]*meeting{}
	a.order = nil
	a.nextSeq = 1
	a.recordings, a.transcriptions, a.summaries, a.sessions = nil, nil, nil, nil
	a.themes = map[string]*Theme{}
	a.mu.Unlock()
	a.budget.reset()
}

// now is the emulated time as the API stores and answers it: UTC (every date
// is "Always in UTC, regardless of the input timezone"), to the millisecond
// (the API's dates are JavaScript dates; the document's examples show
// "2025-01-01T00:00:00.000Z").
func (a *API) now() time.Time {
	return a.clock.Now().UTC().Truncate(time.Millisecond)
}
