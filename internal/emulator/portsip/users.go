package portsip

import (
	"crypto/subtle"
	"maps"
)

// The standard users a PBX has when Options.Users is nil.
const (
	AliceUsername = "alice"
	AlicePassword = "alice-password"
	BobUsername   = "bob"
	BobPassword   = "bob-password"
)

// Roles GET /auth/user reports: two of the built-in roles of
// portsip-openapi-conference.json, getUserAuthInfo "role".
const (
	RoleSystemAdmin  = "SystemAdmin"
	RoleStandardUser = "StandardUser"
)

// DefaultUsers returns the standard users of a PBX whose Options.Users is nil,
// username to password: alice and bob. Each call returns a new map.
func DefaultUsers() map[string]string {
	return map[string]string{AliceUsername: AlicePassword, BobUsername: BobPassword}
}

// userTable is every user who can sign in: the standard users, and the
// administrator, whose credentials win over a standard user of the same name.
// opts has its defaults applied.
func userTable(opts Options) map[string]string {
	users := maps.Clone(opts.Users)
	if opts.Users == nil {
		users = DefaultUsers()
	}
	if users == nil {
		users = map[string]string{}
	}
	// Sign-in takes no empty username (1..64 characters).
	delete(users, "")
	users[opts.Username] = opts.Password
	return users
}

// known reports whether the PBX has the user. The caller holds the lock.
func (a *API) known(username string) bool {
	_, ok := a.users[username]
	return ok
}

// role is what GET /auth/user says of a user. The documents do not say which
// role may call which path, so the emulator restricts nothing by role: every
// user may manage conference servers and rooms, and every user, the
// administrator included, has meetings of their own.
func (a *API) role(username string) string {
	if username == a.opts.Username {
		return RoleSystemAdmin
	}
	return RoleStandardUser
}

// checkPassword compares in constant time, and as long for an unknown user
// as for a known one, so that timing tells nothing about who exists. The
// caller holds the lock.
func (a *API) checkPassword(username, password string) bool {
	want, known := a.users[username]
	match := subtle.ConstantTimeCompare([]byte(password), []byte(want)) == 1
	return known && match
}

// IssueTokenFor signs username in behind the API and returns the access
// token, for tests and users that configure a client with a fixed token. It
// reports false for a user the PBX does not have.
func (a *API) IssueTokenFor(username string) (string, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.known(username) {
		return "", false
	}
	return a.issue(username).AccessToken, true
}
