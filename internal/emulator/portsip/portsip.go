// Package portsip emulates the PortSIP PBX v22 REST API for conference servers,
// conference rooms and users' meetings, following
// ../shared/api/portsip-conference.txt, portsip-v22-user-meetings.txt,
// portsip-openapi-conference.json and NOTES.md. Where the documents disagree,
// NOTES.md decides; where they are silent, the decision is written beside the code.
//
// The emulated PBX starts with one built-in conference server of type INTERNAL
// (portsip-openapi-conference.json, conference server "type": "Every PortSIP PBX
// has a built-in conference server marked as INTERNAL"), unless
// Options.DisableBuiltinServer is set.
//
// Users. The PBX has an administrator, Options.Username/Options.Password
// (default DefaultUsername "admin" / DefaultPassword "emulator-password",
// role SystemAdmin), and standard users (role StandardUser) from
// Options.Users, which defaults to DefaultUsers():
//
//	alice / alice-password   (AliceUsername / AlicePassword)
//	bob   / bob-password     (BobUsername / BobPassword)
//
// Every user signs in with POST /api/auth/sign_in, and GET /api/auth/user
// gives their role. The documents do not say which role may call which path,
// so none is refused by role. Meetings (/api/user/meetings) belong to the
// user who created them: each user, the administrator included, sees,
// changes and destroys only their own, and another user's meeting ID answers
// 404 NOT_FOUND as an unknown one does. A meeting's extension number comes
// from MeetingExtensionBase (88000) up, never one a room holds.
package portsip

import (
	"sync"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// Default credentials and addresses of the emulated PBX.
const (
	DefaultTokenTTL = time.Hour
	// DefaultRefreshTokenTTL is how long a refresh token stays usable. The
	// documents do not say; a week comfortably outlives any terraform run.
	DefaultRefreshTokenTTL = 7 * 24 * time.Hour
	// DefaultDomain is the tenant SIP domain rooms report when Options.Domain is
	// empty. ".test" is reserved for testing (RFC 6761).
	DefaultDomain = "pbx.emulator.test"
	// DefaultSBCPort is the spec's default for a room's sbc_port.
	DefaultSBCPort = 8883
)

// The administrator's credentials the emulated PBX accepts by default, which
// the test harness also sends.
const (
	DefaultUsername = "admin"
	DefaultPassword = "emulator-password"
)

// Credentials are the credentials the emulated PBX accepts, by the attribute
// of the provider's portsip block that sends each.
var Credentials = []platform.Credential[Options]{
	{Attr: "username", Default: DefaultUsername, Option: func(o *Options) *string { return &o.Username }},
	{Attr: "password", Default: DefaultPassword, Option: func(o *Options) *string { return &o.Password }},
}

// Options configures the emulated PBX. The zero value is usable.
type Options struct {
	// Username and Password are the administrator's.
	Username string
	Password string
	// Users are the standard users, username to password. nil means
	// DefaultUsers(); an empty map means none. An entry under the
	// administrator's name is ignored: Username and Password decide.
	Users map[string]string
	// Domain, when set, must match the sign-in body's domain (when the body
	// gives one), and is the domain rooms and meetings report. Empty: any
	// domain signs in and they report DefaultDomain.
	Domain   string
	TokenTTL time.Duration
	// RefreshTokenTTL defaults to DefaultRefreshTokenTTL.
	RefreshTokenTTL time.Duration
	// SBCHost and SBCPort are what rooms and meetings report as sbc_host and
	// sbc_port; defaults: the domain and DefaultSBCPort.
	SBCHost string
	SBCPort int64
	// DisableBuiltinServer starts the PBX without its built-in INTERNAL
	// conference server. Rooms then stay OFFLINE, and meetings cannot start,
	// until a server is created.
	DisableBuiltinServer bool
}

// API is the emulated PortSIP PBX. It implements platform.API.
type API struct {
	clock *platform.Clock
	opts  Options

	// mu guards everything below. Handlers hold it for the whole of their work
	// (read lock for GET, write lock for POST), so every request sees and leaves
	// a consistent state.
	mu           sync.RWMutex
	servers      map[string]*Server
	serverOrder  []string
	rooms        map[string]*roomRec
	roomOrder    []string
	meetings     map[string]*meetingRec // every user's, by ID
	meetingOrder []string
	sessions     map[string]*session // by access token
	refreshes    map[string]*session // by refresh token

	// users maps every user who can sign in, the administrator included, to
	// the password: the configured ones (Options), and seeded, those a seed
	// added (seed.go), which a reset drops and the state file keeps.
	users  map[string]string
	seeded map[string]string
}

var _ platform.API = (*API)(nil)

// New returns a PBX holding only its built-in conference server.
func New(clock *platform.Clock, opts Options) *API {
	platform.FillCredentials(&opts, Credentials)
	if opts.TokenTTL <= 0 {
		opts.TokenTTL = DefaultTokenTTL
	}
	if opts.RefreshTokenTTL <= 0 {
		opts.RefreshTokenTTL = DefaultRefreshTokenTTL
	}
	if opts.SBCHost == "" {
		opts.SBCHost = opts.Domain
		if opts.SBCHost == "" {
			opts.SBCHost = DefaultDomain
		}
	}
	if opts.SBCPort <= 0 {
		opts.SBCPort = DefaultSBCPort
	}
	if clock == nil {
		clock = platform.NewClock()
	}
	a := &API{clock: clock, opts: opts}
	a.Reset()
	return a
}

// Key implements platform.API: the platform's declared key.
func (a *API) Key() string { return platforms.PortSIP.Key }

// Prefixes implements platform.API: the API lives under {endpoint}/api
// (NOTES.md, PortSIP).
func (a *API) Prefixes() []string { return []string{"/api/"} }

// Reset drops every object (every user's meetings too), token and seeded user
// and puts the built-in server back. The configured users stay.
func (a *API) Reset() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.resetLocked()
	if !a.opts.DisableBuiltinServer {
		s := &Server{
			ID:              newID(),
			Name:            "Built-in conference server",
			Enabled:         true,
			Type:            ServerTypeInternal,
			IPv4:            "127.0.0.1",
			MaxRooms:        100,
			MaxParticipants: 1000,
		}
		a.servers[s.ID] = s
		a.serverOrder = append(a.serverOrder, s.ID)
	}
}

func (a *API) resetLocked() {
	a.servers = map[string]*Server{}
	a.serverOrder = nil
	a.rooms = map[string]*roomRec{}
	a.roomOrder = nil
	a.meetings = map[string]*meetingRec{}
	a.meetingOrder = nil
	a.sessions = map[string]*session{}
	a.refreshes = map[string]*session{}
	a.users = userTable(a.opts)
	a.seeded = map[string]string{}
}

// now is the emulated time in the form the API returns: UTC, whole seconds
// (portsip-openapi-conference.json, Timestamps: "YYYY-MM-DDTHH:MM:SSZ").
func (a *API) now() time.Time {
	return a.clock.Now().UTC().Truncate(time.Second)
}

func (a *API) domain() string {
	if a.opts.Domain != "" {
		return a.opts.Domain
	}
	return DefaultDomain
}

// removeID deletes id from an ordered ID list.
func removeID(order []string, id string) []string {
	for i, v := range order {
		if v == id {
			return append(order[:i:i], order[i+1:]...)
		}
	}
	return order
}
