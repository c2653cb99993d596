package sqmeeting

import (
	"crypto/subtle"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// account is a user with its fixed ID.
type account struct {
	User
	ID string
}

// room is a personal meeting room with its fixed IDs.
type room struct {
	MeetingRoom
	ID      string
	OwnerID string
}

// session is one sign-in. A token is bound to the client_id that signed in:
// the document pairs them on every call ("client_id=$client_id&token=$user_token").
type session struct {
	Token     string    `json:"token"`
	UserID    string    `json:"user_id"`
	ClientID  string    `json:"client_id"`
	ExpiresAt time.Time `json:"expires_at"`
}

// lockout counts an account's failed sign-ins in a row.
type lockout struct {
	Failures    int       `json:"failures"`
	LockedUntil time.Time `json:"locked_until,omitzero"`
}

// UserInfo is the answer of sign_in and user/info (the document's example).
type UserInfo struct {
	UserToken           string   `json:"user_token"`
	UserID              string   `json:"user_id"`
	Username            string   `json:"username"`
	Email               string   `json:"email"`
	RealName            string   `json:"real_name"`
	Department          string   `json:"department"`
	Mobile              string   `json:"mobile"`
	PasswordExpiredTime int      `json:"password_expired_time"`
	SecurityLevel       string   `json:"security_level"`
	Role                []string `json:"role"`
}

// clientID checks the client_id every call carries (document, "HTTP URL
// Common Parameters"). The sign-in calls of the vendor's Qt client also send
// token=uselessToken; calls that need no sign-in ignore the token.
func clientID(r *http.Request) (string, reply, bool) {
	id := r.URL.Query().Get("client_id")
	if id == "" {
		return "", failure(http.StatusBadRequest, CodeBadClientID, "client_id is required: add ?client_id=<uuid> to every call"), false
	}
	if !uuidPattern.MatchString(id) {
		return "", failure(http.StatusBadRequest, CodeBadClientID, "client_id must be a UUID such as 0b8f3c2e-2f5c-4a53-9d3e-6c1d8f1e2a4b"), false
	}
	return id, reply{}, true
}

// authenticate is the Router's Auth for signed-in calls: client_id and a live
// token issued to that client_id. It returns the user's ID.
func (a *API) authenticate(r *http.Request) (string, reply, bool) {
	cid, rep, ok := clientID(r)
	if !ok {
		return "", rep, false
	}
	tok := r.URL.Query().Get("token")
	if tok == "" {
		return "", unauthorized("token is required: sign in with POST /api/v1/user/sign_in and add &token=<user_token>"), false
	}
	a.mu.RLock()
	s := a.sessions[tok]
	valid := s != nil && a.clock.Now().Before(s.ExpiresAt)
	sameClient := valid && strings.EqualFold(s.ClientID, cid)
	var user string
	if s != nil {
		user = s.UserID
	}
	a.mu.RUnlock()
	switch {
	case !valid:
		return "", unauthorized("token is invalid or expired; sign in again"), false
	case !sameClient:
		return "", unauthorized("token was issued to another client_id"), false
	}
	return user, reply{}, true
}

// unsigned wraps a handler of a call the document marks "SignedIn False": it
// needs client_id but no token.
func unsigned(h handler) handler {
	return func(req *request) reply {
		if _, rep, ok := clientID(req.Request); !ok {
			return rep
		}
		return h(req)
	}
}

// signIn is POST /api/v1/user/sign_in {username, secret}.
//
// Unknown users answer 0x00003000; a wrong secret 0x00003003 and counts
// toward the lock; the LockoutAttempts-th failure in a row locks the account
// for LockoutDuration on the emulator's clock and answers 0x00003001, as does
// every sign-in (right secret or not) while the lock lasts. The lock's answers
// carry Retry-After with the seconds left, which the document does not
// promise: clients must not rely on it. A success clears the count.
func (a *API) signIn(req *request) reply {
	cid, rep, ok := clientID(req.Request)
	if !ok {
		return rep
	}
	f, err := parseBody(req.Body)
	if err != nil {
		return invalid("%v", err)
	}
	var p problems
	f.known(&p, []string{"username", "secret"})
	username, hasUser := f.str(&p, "username")
	secret, hasSecret := f.str(&p, "secret")
	if !hasUser && !f.has("username") {
		p.add("username is required")
	}
	if !hasSecret && !f.has("secret") {
		p.add("secret is required: the hex SHA-1 of the password followed by the client salt")
	}
	if len(p) > 0 {
		return p.reply()
	}
	acc := a.byName[username]
	if acc == nil {
		return failure(http.StatusUnauthorized, CodeSignInFailed, "Invalid username or password")
	}
	if acc.Disabled {
		return failure(http.StatusUnauthorized, CodeDisabled, "User has been locked, please contact administrator")
	}
	now := a.clock.Now()
	lo := a.lockouts[username]
	if lo != nil && now.Before(lo.LockedUntil) {
		return a.locked(lo, now)
	}
	if lo != nil && !lo.LockedUntil.IsZero() {
		// The lock is over: count afresh.
		delete(a.lockouts, username)
		lo = nil
	}
	want := Secret(acc.Password)
	if subtle.ConstantTimeCompare([]byte(strings.ToLower(secret)), []byte(want)) != 1 {
		if lo == nil {
			lo = &lockout{}
			a.lockouts[username] = lo
		}
		lo.Failures++
		if a.opts.LockoutAttempts > 0 && lo.Failures >= a.opts.LockoutAttempts {
			lo.LockedUntil = now.Add(LockoutDuration)
			return a.locked(lo, now)
		}
		return failure(http.StatusUnauthorized, CodeWrongPassword, "Invalid username or password")
	}
	delete(a.lockouts, username)
	a.purgeSessions()
	s := &session{Token: newToken(), UserID: acc.ID, ClientID: cid, ExpiresAt: now.Add(a.opts.TokenTTL)}
	a.sessions[s.Token] = s
	return ok200(a.userInfo(acc, s.Token))
}

func (a *API) locked(lo *lockout, now time.Time) reply {
	left := int(lo.LockedUntil.Sub(now).Round(time.Second) / time.Second)
	rep := failure(http.StatusUnauthorized, CodeLocked, "User has been locked, please retry after 5 minutes")
	return rep.WithHeader("Retry-After", strconv.Itoa(max(left, 1)))
}

// purgeSessions forgets expired tokens so that a long-running emulator does
// not grow without bound. The caller holds the write lock.
func (a *API) purgeSessions() {
	now := a.clock.Now()
	for tok, s := range a.sessions {
		if !now.Before(s.ExpiresAt) {
			delete(a.sessions, tok)
		}
	}
}

// signOut is POST /api/v1/user/sign_out: the token stops working.
func (a *API) signOut(req *request) reply {
	delete(a.sessions, req.URL.Query().Get("token"))
	return empty204()
}

// info is GET and POST /api/v1/user/info: the signed-in user, with the token
// (the document's example carries user_token).
func (a *API) info(req *request) reply {
	return ok200(a.userInfo(a.users[req.Principal], req.URL.Query().Get("token")))
}

func (a *API) userInfo(acc *account, token string) UserInfo {
	return UserInfo{
		UserToken:  token,
		UserID:     acc.ID,
		Username:   acc.Username,
		Email:      acc.Email,
		RealName:   acc.RealName,
		Department: acc.Department,
		Mobile:     acc.Mobile,
		// The document's example values: days until the password expires, and
		// the password policy.
		PasswordExpiredTime: 60,
		SecurityLevel:       "HIGH",
		Role:                []string{acc.Role},
	}
}
