// Package sqmeeting emulates the SQMeeting (FRTC) server REST API, following
// ../shared/api/sqmeeting-frtc.txt and NOTES.md. Where the document is wrong or
// silent, the vendor's own clients (github.com/sqmeeting/sqmeeting_linux,
// _mac and _android) are the better guide, as NOTES.md says; every such
// decision is written beside the code that makes it.
//
// The emulated server starts with the administrator, the invitees of
// Options.Users and their personal meeting rooms: the API has no call to
// create rooms or delete users (NOTES.md). What the API does create or
// change, users, scheduled meetings and recurrence series, lives in memory
// and in the emulator's state file.
package sqmeeting

import (
	"crypto/sha1"
	"encoding/hex"
	"sync"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// Default credentials and settings of the emulated server.
const (
	// DefaultLockoutAttempts is how many failed sign-ins in a row lock an
	// account. The vendor's macOS client says so beside error 0x00003001
	// ("登录时，密码输入6次后，账户被冻结": after six wrong passwords the account
	// is frozen; FrtcSignViewController.m); the sixth failure answers 0x00003001.
	DefaultLockoutAttempts = 6
	// LockoutDuration is how long such a lock lasts: "User has been locked,
	// please retry after 5 minutes" (the vendor clients' text for 0x00003001)
	// and NOTES.md.
	LockoutDuration = 5 * time.Minute
	// DefaultTokenTTL is how long a user_token is accepted. The document does
	// not say; the vendor clients keep the token across restarts and sign in
	// with it later (FrtcApiManager::sign_in_token), so it is long-lived.
	DefaultTokenTTL = 24 * time.Hour
	// DefaultVersion is what /api/v1/system/version answers (the document's
	// example).
	DefaultVersion = "3.4.0-16888"
	// Salt is what the vendor's clients append to the password before hashing
	// it into the sign-in secret (sqmeeting_linux FrtcApiManager.cpp, "salt").
	Salt = "49d88eb34f77fc9e81cbdc5190c7efdc"
)

// The administrator's credentials the emulated server accepts by default,
// which the test harness also sends.
const (
	DefaultUsername = "admin"
	DefaultPassword = "emulator-password"
)

// Credentials are the credentials the emulated server accepts, by the
// attribute of the provider's sqmeeting block that sends each.
var Credentials = []platform.Credential[Options]{
	{Attr: "username", Default: DefaultUsername, Option: func(o *Options) *string { return &o.Username }},
	{Attr: "password", Default: DefaultPassword, Option: func(o *Options) *string { return &o.Password }},
}

// Roles of the document's "Create User": "role:Normal、MeetingOperator、SystemAdmin".
const (
	RoleNormal      = "Normal"
	RoleOperator    = "MeetingOperator"
	RoleSystemAdmin = "SystemAdmin"
)

// Secret is the sign-in secret the vendor's clients send for password: the
// lower-case hex SHA-1 of password+Salt (FrtcApiManager::secretSha1String).
func Secret(password string) string {
	sum := sha1.Sum([]byte(password + Salt)) //nolint:gosec // the vendor's scheme, not ours to choose
	return hex.EncodeToString(sum[:])
}

// User is an account of the emulated server.
// Its JSON form, that of a seed document and of the state file, is the
// document's "Create User" body plus the password to sign in with.
type User struct {
	Username   string `json:"username"`
	Password   string `json:"password"`
	RealName   string `json:"real_name,omitempty"`
	Email      string `json:"email,omitempty"`
	Department string `json:"department,omitempty"`
	Mobile     string `json:"mobile,omitempty"`
	// Role is RoleNormal when empty.
	Role string `json:"role,omitempty"`
	// Disabled accounts are locked by an administrator: signing in answers
	// 0x00003002 ("User has been locked, please contact administrator").
	Disabled bool `json:"disabled,omitempty"`
}

// MeetingRoom is a personal meeting room of the emulated server.
type MeetingRoom struct {
	Name string
	// Owner is the owning user's username.
	Owner    string
	Number   string
	Password string
}

// Options configures the emulated server. The zero value is usable.
type Options struct {
	// Username and Password are the administrator's; defaults DefaultUsername
	// and DefaultPassword.
	Username string
	Password string
	// Users are the other accounts, the people a meeting can invite. nil seeds
	// DefaultUsers; an empty non-nil slice means the administrator alone.
	Users []User
	// MeetingRooms nil seeds one personal room per user (DefaultMeetingRooms).
	MeetingRooms []MeetingRoom
	// TimeZone is the server's zone, in which recurrences are expanded: every
	// occurrence starts at the same local time of day as the first, across
	// daylight saving changes. nil is UTC.
	TimeZone *time.Location
	// LockoutAttempts is how many failed sign-ins in a row lock an account for
	// LockoutDuration; 0 is DefaultLockoutAttempts, negative never locks.
	LockoutAttempts int
	// TokenTTL defaults to DefaultTokenTTL.
	TokenTTL time.Duration
	// Version defaults to DefaultVersion.
	Version string
}

// DefaultUsers are the seeded invitees.
func DefaultUsers() []User {
	return []User{
		{Username: "alice", Password: "alice-password", RealName: "Alice Example", Email: "alice@example.com", Department: "Engineering"},
		{Username: "bob", Password: "bob-password", RealName: "Bob Example", Email: "bob@example.com", Department: "Sales"},
		{Username: "carol", Password: "carol-password", RealName: "Carol Example", Email: "carol@example.com", Department: "Support", Role: RoleOperator},
	}
}

// API is the emulated SQMeeting server. It implements platform.API.
type API struct {
	clock *platform.Clock
	opts  Options

	// mu guards everything below. Handlers run under it (platform.Router).
	mu sync.RWMutex
	// directory is the accounts and personal rooms: the configured ones and
	// those a seed added (seed.go).
	directory
	sessions map[string]*session // by user_token
	lockouts map[string]*lockout // by username
	meetings map[string]*meeting // by reservation_id, occurrences included
	series   map[string]*series  // by recurrence_gid
	numbers  map[string]bool     // meeting numbers handed out
}

var _ platform.API = (*API)(nil)

// New returns a server with the users and rooms of opts and no meetings.
func New(clock *platform.Clock, opts Options) *API {
	platform.FillCredentials(&opts, Credentials)
	if opts.Users == nil {
		opts.Users = DefaultUsers()
	}
	if opts.TimeZone == nil {
		opts.TimeZone = time.UTC
	}
	if opts.LockoutAttempts == 0 {
		opts.LockoutAttempts = DefaultLockoutAttempts
	}
	if opts.TokenTTL <= 0 {
		opts.TokenTTL = DefaultTokenTTL
	}
	if opts.Version == "" {
		opts.Version = DefaultVersion
	}
	if clock == nil {
		clock = platform.NewClock()
	}
	a := &API{clock: clock, opts: opts}
	a.Reset()
	return a
}

// Key implements platform.API: the platform's declared key.
func (a *API) Key() string { return platforms.SQMeeting.Key }

// Prefixes implements platform.API: every path of the document starts
// with /api/v1/.
func (a *API) Prefixes() []string { return []string{"/api/v1/"} }

// Reset drops every meeting, session, lock and seeded user.
func (a *API) Reset() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.directory = newDirectory(a.opts)
	a.sessions = map[string]*session{}
	a.lockouts = map[string]*lockout{}
	a.meetings = map[string]*meeting{}
	a.series = map[string]*series{}
	a.numbers = map[string]bool{}
	for _, r := range a.rooms {
		a.numbers[r.Number] = true
	}
}

// TimeZone is the zone recurrences are expanded in.
func (a *API) TimeZone() *time.Location { return a.opts.TimeZone }
