package sqmeeting

import (
	"net/http"
	"slices"
)

// CodeUsernameTaken: a create names a username another account has. The
// document says only "*username is global unique"; the code follows the
// user module's numbering (0x00003xxx, like the sign-in failures) and the
// status is 409, the HTTP status of a uniqueness conflict.
const CodeUsernameTaken = "0x00003004"

// UserCreated is the answer of "Create User" and "Update User":
// {"user_id": "{user_id}"}.
type UserCreated struct {
	UserID string `json:"user_id"`
}

// userFields are the fields of the document's "Update User" body; "Create
// User" adds username.
var userFields = []string{"real_name", "email", "department", "mobile", "role", "secret"}

// systemAdmin answers 403 unless the signed-in user is a SystemAdmin: both
// calls say "*available for SystemAdmin".
func (a *API) systemAdmin(req *request) (reply, bool) {
	if acc := a.users[req.Principal]; acc == nil || acc.Role != RoleSystemAdmin {
		return forbidden("managing users is available for SystemAdmin only"), false
	}
	return reply{}, true
}

// createUser is POST /api/v1/user/users: "*username is global unique",
// "*role:Normal、MeetingOperator、SystemAdmin". secret is the new user's
// password (the update's "*secret is optional" makes it required here): the
// user signs in with its SHA-1 and the client salt, as every user does.
func (a *API) createUser(req *request) reply {
	if rep, ok := a.systemAdmin(req); !ok {
		return rep
	}
	f, err := parseBody(req.Body)
	if err != nil {
		return invalid("%v", err)
	}
	var p problems
	f.known(&p, append([]string{"username"}, userFields...))
	username, _ := f.str(&p, "username")
	if username == "" && !slices.Contains(p, "username must be a string") {
		p.add("username is required")
	}
	var u User
	u.Username = username
	a.readUser(f, &p, &u, true)
	if len(p) > 0 {
		return p.reply()
	}
	if a.byName[username] != nil {
		return failure(http.StatusConflict, CodeUsernameTaken, "username %q is taken: usernames are globally unique", username)
	}
	a.add(u)
	a.saved = append(a.saved, u.Username)
	return ok200(UserCreated{UserID: a.byName[username].ID})
}

// updateUser is POST /api/v1/user/users/{user_id}: the fields present
// replace the account's ("" clears one), those absent stay; "*secret is
// optional". The body has no username: it cannot change.
func (a *API) updateUser(req *request) reply {
	if rep, ok := a.systemAdmin(req); !ok {
		return rep
	}
	id := req.PathValue("user_id")
	acc := a.users[id]
	if acc == nil {
		return failure(http.StatusNotFound, CodeNotFound, "user %q does not exist", id)
	}
	f, err := parseBody(req.Body)
	if err != nil {
		return invalid("%v", err)
	}
	var p problems
	if f.has("username") {
		p.add("username cannot be changed")
		delete(f, "username")
	}
	f.known(&p, userFields)
	u := acc.User
	a.readUser(f, &p, &u, false)
	if len(p) > 0 {
		return p.reply()
	}
	acc.User = u
	if !slices.Contains(a.saved, u.Username) {
		a.saved = append(a.saved, u.Username)
	}
	return ok200(UserCreated{UserID: acc.ID})
}

// readUser reads the fields of userFields present in f into u. A create
// needs secret; role is one of roles.
func (a *API) readUser(f fields, p *problems, u *User, create bool) {
	for _, fd := range []struct {
		name string
		dst  *string
	}{{"real_name", &u.RealName}, {"email", &u.Email}, {"department", &u.Department}, {"mobile", &u.Mobile}} {
		if s, ok := f.str(p, fd.name); ok {
			*fd.dst = s
		} else if f.null(fd.name) {
			*fd.dst = ""
		}
	}
	if role, ok := f.str(p, "role"); ok {
		if !slices.Contains(roles, role) {
			p.add("role must be one of Normal, MeetingOperator, SystemAdmin")
		}
		u.Role = role
	}
	secret, ok := f.str(p, "secret")
	switch {
	case ok && secret == "":
		p.add("secret must not be empty")
	case ok:
		u.Password = secret
	case create && !f.has("secret"):
		p.add("secret is required: the new user's password")
	}
	if u.Role == "" {
		u.Role = RoleNormal
	}
}
