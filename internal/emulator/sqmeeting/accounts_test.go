package sqmeeting_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
)

// TestCreateAndUpdateUser: the document's "Create User" and "Update User":
// SystemAdmin only, usernames globally unique, the roles, secret required on
// create and optional on update; the new user signs in with its password,
// and the public search shows it.
func TestCreateAndUpdateUser(t *testing.T) {
	h := newHarness(t)
	body := map[string]any{"username": "dave", "real_name": "Dave Example", "email": "dave@example.com",
		"department": "Ops", "mobile": "+15550100", "role": "MeetingOperator", "secret": "dave-password"}
	var made sqmeeting.UserCreated
	h.ok(http.StatusOK, "POST", "/api/v1/user/users", body, &made)
	if made.UserID == "" || made.UserID != h.userID("dave") {
		t.Fatalf("create answered %+v", made)
	}
	if info := h.signIn("dave", "dave-password"); info.RealName != "Dave Example" || info.Role[0] != "MeetingOperator" || info.Mobile != "+15550100" {
		t.Errorf("the new user's info: %+v", info)
	}

	msg := h.fails(http.StatusConflict, sqmeeting.CodeUsernameTaken, "POST", "/api/v1/user/users", body)
	if !strings.Contains(msg, "globally unique") {
		t.Errorf("taken username: %q", msg)
	}
	msg = h.fails(http.StatusBadRequest, sqmeeting.CodeInvalidParameter, "POST", "/api/v1/user/users",
		map[string]any{"role": "Root", "nickname": "x"})
	for _, want := range []string{`unknown field "nickname"`, "username is required", "role must be one of Normal, MeetingOperator, SystemAdmin", "secret is required"} {
		if !strings.Contains(msg, want) {
			t.Errorf("bad create: %q lacks %q", msg, want)
		}
	}

	// Update: present fields change, absent ones stay; no secret keeps the password.
	path := "/api/v1/user/users/" + made.UserID
	h.ok(http.StatusOK, "POST", path, map[string]any{"real_name": "David Example", "email": ""}, &made)
	info := h.signIn("dave", "dave-password")
	if info.RealName != "David Example" || info.Email != "" || info.Department != "Ops" || info.Role[0] != "MeetingOperator" {
		t.Errorf("after the update: %+v", info)
	}
	h.ok(http.StatusOK, "POST", path, map[string]any{"secret": "new-password", "role": "Normal"}, nil)
	h.failure(h.signInAs("dave", "dave-password"), http.StatusUnauthorized, sqmeeting.CodeWrongPassword, "POST", "sign_in")
	h.signIn("dave", "new-password")
	h.fails(http.StatusBadRequest, sqmeeting.CodeInvalidParameter, "POST", path, map[string]any{"username": "eve"})
	h.fails(http.StatusBadRequest, sqmeeting.CodeInvalidParameter, "POST", path, map[string]any{"secret": ""})
	h.fails(http.StatusNotFound, sqmeeting.CodeNotFound, "POST", "/api/v1/user/users/00000000-0000-4000-8000-000000000000", map[string]any{})

	// "*available for SystemAdmin": a Normal user is refused.
	alice := h.signIn("alice", "alice-password").UserToken
	r := h.as(alice, "POST", "/api/v1/user/users", map[string]any{"username": "x", "secret": "x"})
	h.failure(r, http.StatusForbidden, sqmeeting.CodeForbidden, "POST", "users")
	r = h.as(alice, "POST", path, map[string]any{"real_name": "x"})
	h.failure(r, http.StatusForbidden, sqmeeting.CodeForbidden, "POST", "users/{id}")
	// There is no delete call.
	h.fails(http.StatusMethodNotAllowed, "0x00000405", "DELETE", path, nil)
}

// TestUsersSurviveRestart: created and changed users are in the state file.
func TestUsersSurviveRestart(t *testing.T) {
	h := newHarness(t)
	h.ok(http.StatusOK, "POST", "/api/v1/user/users", map[string]any{"username": "erin", "secret": "erin-password"}, nil)
	h.ok(http.StatusOK, "POST", "/api/v1/user/users/"+h.userID("bob"), map[string]any{"department": "Marketing"}, nil)
	snap, err := h.api.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	r := newHarness(t)
	if err := r.api.Restore(snap); err != nil {
		t.Fatal(err)
	}
	if r.userID("erin") != h.userID("erin") {
		t.Error("erin's ID changed across the restart")
	}
	r.signIn("erin", "erin-password")
	if info := r.signIn("bob", "bob-password"); info.Department != "Marketing" {
		t.Errorf("bob after the restart: %+v", info)
	}
	r.api.Reset()
	r.failure(r.signInAs("erin", "erin-password"), http.StatusUnauthorized, sqmeeting.CodeSignInFailed, "POST", "sign_in")
}
