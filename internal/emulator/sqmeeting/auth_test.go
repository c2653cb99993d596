package sqmeeting_test

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
)

// TestSecret checks the vendor's sign-in secret against a value computed
// outside Go (sha1sum of "emulator-password49d88eb34f77fc9e81cbdc5190c7efdc").
func TestSecret(t *testing.T) {
	if got, want := sqmeeting.Secret("emulator-password"), "77f34d7ee69e71d1477625b41b86a6096331ac5a"; got != want {
		t.Errorf("Secret = %s, want %s", got, want)
	}
}

func TestSignIn(t *testing.T) {
	h := newHarness(t)
	info := h.signIn(sqmeeting.DefaultUsername, sqmeeting.DefaultPassword)
	if info.UserToken == "" || info.UserID == "" || info.Username != "admin" || !slices.Equal(info.Role, []string{sqmeeting.RoleSystemAdmin}) {
		t.Errorf("sign in answered %+v", info)
	}
	alice := h.signIn("alice", "alice-password")
	if alice.RealName != "Alice Example" || alice.UserID == info.UserID || !slices.Equal(alice.Role, []string{"Normal"}) {
		t.Errorf("alice: %+v", alice)
	}
	// An upper-case secret is the same digest.
	r := h.send("POST", "/api/v1/user/sign_in", url.Values{"client_id": {clientID}},
		map[string]string{"username": "bob", "secret": strings.ToUpper(sqmeeting.Secret("bob-password"))})
	h.expect(r, http.StatusOK, "POST", "sign_in", nil)
	// The Qt client sends token=uselessToken with its sign-in: ignored.
	r = h.send("POST", "/api/v1/user/sign_in", url.Values{"client_id": {clientID}, "token": {"uselessToken"}},
		map[string]string{"username": "bob", "secret": sqmeeting.Secret("bob-password")})
	h.expect(r, http.StatusOK, "POST", "sign_in", nil)
}

func TestSignInFailures(t *testing.T) {
	h := newHarness(t, func(o *sqmeeting.Options) {
		o.Users = append(sqmeeting.DefaultUsers(), sqmeeting.User{Username: "dave", Password: "x", Disabled: true})
	})
	for _, tc := range []struct {
		name   string
		body   any
		status int
		code   string
	}{
		{"unknown user", map[string]string{"username": "nobody", "secret": sqmeeting.Secret("x")}, 401, sqmeeting.CodeSignInFailed},
		{"wrong password", map[string]string{"username": "alice", "secret": sqmeeting.Secret("nope")}, 401, sqmeeting.CodeWrongPassword},
		{"plain password", map[string]string{"username": "alice", "secret": "alice-password"}, 401, sqmeeting.CodeWrongPassword},
		{"disabled", map[string]string{"username": "dave", "secret": sqmeeting.Secret("x")}, 401, sqmeeting.CodeDisabled},
		{"no secret", map[string]string{"username": "alice"}, 400, sqmeeting.CodeInvalidParameter},
		{"no username", map[string]string{"secret": "x"}, 400, sqmeeting.CodeInvalidParameter},
		{"unknown field", map[string]string{"username": "alice", "secret": "x", "password": "y"}, 400, sqmeeting.CodeInvalidParameter},
		{"wrong type", map[string]any{"username": 1, "secret": "x"}, 400, sqmeeting.CodeInvalidParameter},
		{"not JSON", "{", 400, sqmeeting.CodeInvalidParameter},
		{"not an object", "[]", 400, sqmeeting.CodeInvalidParameter},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := h.send("POST", "/api/v1/user/sign_in", url.Values{"client_id": {clientID}}, tc.body)
			h.failure(r, tc.status, tc.code, "POST", "sign_in")
		})
	}
}

// TestLockout: the sixth failure in a row locks the account for five
// minutes of the emulator's clock; while locked even the right password is
// refused; afterwards the count starts again.
func TestLockout(t *testing.T) {
	h := newHarness(t)
	wrong := func() response { return h.signInAs("alice", "wrong") }
	for i := 1; i < sqmeeting.DefaultLockoutAttempts; i++ {
		h.failure(wrong(), 401, sqmeeting.CodeWrongPassword, "POST", "sign_in")
	}
	r := wrong()
	msg := h.failure(r, 401, sqmeeting.CodeLocked, "POST", "sign_in")
	if !strings.Contains(msg, "5 minutes") || r.header.Get("Retry-After") != "300" {
		t.Errorf("lock: %q, Retry-After %q", msg, r.header.Get("Retry-After"))
	}
	h.clock.Advance(4 * time.Minute)
	r = h.signInAs("alice", "alice-password")
	h.failure(r, 401, sqmeeting.CodeLocked, "POST", "sign_in")
	if got := r.header.Get("Retry-After"); got != "60" {
		t.Errorf("Retry-After after 4 minutes: %q", got)
	}
	// Other accounts are not affected.
	h.signIn("bob", "bob-password")

	h.clock.Advance(time.Minute)
	h.signIn("alice", "alice-password")
	// A success clears the count: five more failures do not lock.
	for i := 1; i < sqmeeting.DefaultLockoutAttempts; i++ {
		h.failure(wrong(), 401, sqmeeting.CodeWrongPassword, "POST", "sign_in")
	}
	h.signIn("alice", "alice-password")
}

func TestLockoutOptions(t *testing.T) {
	h := newHarness(t, func(o *sqmeeting.Options) { o.LockoutAttempts = 2 })
	h.failure(h.signInAs("alice", "x"), 401, sqmeeting.CodeWrongPassword, "POST", "sign_in")
	h.failure(h.signInAs("alice", "x"), 401, sqmeeting.CodeLocked, "POST", "sign_in")

	never := newHarness(t, func(o *sqmeeting.Options) { o.LockoutAttempts = -1 })
	for range 20 {
		never.failure(never.signInAs("alice", "x"), 401, sqmeeting.CodeWrongPassword, "POST", "sign_in")
	}
	never.signIn("alice", "alice-password")
}

func TestClientIDAndToken(t *testing.T) {
	h := newHarness(t)
	const path = "/api/v1/user/info"
	for _, tc := range []struct {
		name   string
		auth   url.Values
		status int
		code   string
	}{
		{"no client_id", url.Values{"token": {h.token}}, 400, sqmeeting.CodeBadClientID},
		{"bad client_id", url.Values{"client_id": {"not-a-uuid"}, "token": {h.token}}, 400, sqmeeting.CodeBadClientID},
		{"no token", url.Values{"client_id": {clientID}}, 401, sqmeeting.CodeUnauthorized},
		{"unknown token", url.Values{"client_id": {clientID}, "token": {"feed"}}, 401, sqmeeting.CodeUnauthorized},
		{"other client", url.Values{"client_id": {"11111111-2222-4333-8444-555555555555"}, "token": {h.token}}, 401, sqmeeting.CodeUnauthorized},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h.failure(h.send("GET", path, tc.auth, nil), tc.status, tc.code, "GET", path)
		})
	}
	// Sign-in needs a client_id too.
	r := h.send("POST", "/api/v1/user/sign_in", nil, map[string]string{"username": "admin", "secret": sqmeeting.Secret(sqmeeting.DefaultPassword)})
	h.failure(r, 400, sqmeeting.CodeBadClientID, "POST", "sign_in")
	// Any well-formed UUID will do, in either case.
	upper := url.Values{"client_id": {strings.ToUpper(clientID)}, "token": {h.token}}
	h.expect(h.send("GET", path, upper, nil), 200, "GET", path, nil)
}

func TestTokenExpiresAndSignOut(t *testing.T) {
	h := newHarness(t)
	h.ok(200, "GET", "/api/v1/user/info", nil, nil)
	h.clock.Advance(sqmeeting.DefaultTokenTTL)
	h.fails(401, sqmeeting.CodeUnauthorized, "GET", "/api/v1/user/info", nil)

	h.token = h.signIn("admin", sqmeeting.DefaultPassword).UserToken
	h.ok(http.StatusNoContent, "POST", "/api/v1/user/sign_out", nil, nil)
	h.fails(401, sqmeeting.CodeUnauthorized, "GET", "/api/v1/user/info", nil)
}

// TestUserInfo: GET (the vendor's clients) and POST (the document).
func TestUserInfo(t *testing.T) {
	h := newHarness(t)
	for _, method := range []string{"GET", "POST"} {
		var info sqmeeting.UserInfo
		h.ok(200, method, "/api/v1/user/info", nil, &info)
		if info.Username != "admin" || info.UserToken != h.token || info.RealName != "Administrator" || info.SecurityLevel == "" {
			t.Errorf("%s user/info: %+v", method, info)
		}
	}
	// Another password for the administrator.
	o := newHarness(t, func(o *sqmeeting.Options) { o.Username, o.Password = "root", "pw" })
	o.signIn("root", "pw")
	o.failure(o.signInAs("admin", sqmeeting.DefaultPassword), 401, sqmeeting.CodeSignInFailed, "POST", "sign_in")
}
