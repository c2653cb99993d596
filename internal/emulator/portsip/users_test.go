package portsip_test

import (
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
)

func (h *harness) role() string {
	h.t.Helper()
	var u portsip.AuthUser
	h.ok(200, "GET", "/api/auth/user", nil, &u)
	return u.Role
}

func TestDefaultUsers(t *testing.T) {
	h := newHarness(t)
	if got := h.role(); got != portsip.RoleSystemAdmin {
		t.Errorf("admin's role %q", got)
	}
	for user, password := range portsip.DefaultUsers() {
		u := h.as(user, password)
		if got := u.role(); got != portsip.RoleStandardUser {
			t.Errorf("%s's role %q", user, got)
		}
		// A standard user is not kept from tenant-wide paths: the documents
		// do not say which role may call which path.
		u.ok(200, "GET", "/api/conference_rooms", nil, nil)
	}
	want := map[string]string{"alice": "alice-password", "bob": "bob-password"}
	got := portsip.DefaultUsers()
	if len(got) != len(want) || got["alice"] != want["alice"] || got["bob"] != want["bob"] {
		t.Errorf("DefaultUsers() = %v, want %v", got, want)
	}
	got["mallory"] = "x"
	if _, ok := portsip.DefaultUsers()["mallory"]; ok {
		t.Error("DefaultUsers returns a shared map")
	}
	r := h.doWith("POST", "/api/auth/sign_in", "", map[string]string{"username": "alice", "password": "bob-password"})
	h.expectError(r, 401, "UNAUTHORIZED", "POST", "/api/auth/sign_in")
}

func TestConfiguredUsersReplaceTheDefaults(t *testing.T) {
	h := newHarness(t, func(o *portsip.Options) {
		o.Users = map[string]string{"carol": "carol-pw", "": "nobody", portsip.DefaultUsername: "not the admin's"}
	})
	if got := h.as("carol", "carol-pw").role(); got != portsip.RoleStandardUser {
		t.Errorf("carol's role %q", got)
	}
	for _, c := range []struct{ user, password string }{
		{portsip.AliceUsername, portsip.AlicePassword},
		{"", "nobody"},
		{portsip.DefaultUsername, "not the admin's"},
	} {
		r := h.doWith("POST", "/api/auth/sign_in", "", map[string]string{"username": c.user, "password": c.password})
		if r.status < 400 {
			t.Errorf("%q signed in with %q", c.user, c.password)
		}
	}

	none := newHarness(t, func(o *portsip.Options) { o.Users = map[string]string{} })
	r := none.doWith("POST", "/api/auth/sign_in", "", map[string]string{"username": portsip.AliceUsername, "password": portsip.AlicePassword})
	none.expectError(r, 401, "UNAUTHORIZED", "POST", "/api/auth/sign_in")
}

func TestIssueTokenFor(t *testing.T) {
	h := newHarness(t)
	tok, ok := h.api.IssueTokenFor(portsip.BobUsername)
	if !ok {
		t.Fatal("IssueTokenFor(bob) failed")
	}
	bob := serve(t, h.api, h.clock, tok)
	id := bob.createMeeting(audioMeeting("b")).ID
	if ms := h.api.Meetings(portsip.BobUsername); len(ms) != 1 || ms[0].ID != id {
		t.Errorf("bob's meetings %+v", ms)
	}
	if _, ok := h.api.IssueTokenFor("mallory"); ok {
		t.Error("IssueTokenFor issued a token to an unknown user")
	}
}

// TestSessionsOfDroppedUsers: a state file may hold the sessions of a user the
// PBX no longer has; their tokens stop working.
func TestSessionsOfDroppedUsers(t *testing.T) {
	h := newHarness(t)
	alice := h.alice()
	refresh := alice.signIn(portsip.AliceUsername, portsip.AlicePassword).RefreshToken
	snap, err := h.api.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	api2 := portsip.New(h.clock, portsip.Options{Users: map[string]string{}})
	if err := api2.Restore(snap); err != nil {
		t.Fatal(err)
	}
	h2 := serve(t, api2, h.clock, alice.token)
	h2.fails(401, "UNAUTHORIZED", "GET", "/api/user/meetings", nil)
	r := h2.doWith("POST", "/api/auth/refresh_token", "", map[string]string{"refresh_token": refresh})
	h2.expectError(r, 401, "UNAUTHORIZED", "POST", "/api/auth/refresh_token")
	// The administrator's token still works.
	serve(t, api2, h.clock, h.token).ok(200, "GET", "/api/user/meetings", nil, nil)
}
