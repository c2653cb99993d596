package sqmeeting

import (
	"fmt"
	"slices"
)

// directory is the server's accounts and personal rooms, by ID and in order.
// The options give them; a seed and the API's "Create User" add users, and
// "Update User" changes them (no call creates rooms or deletes users,
// NOTES.md).
type directory struct {
	users     map[string]*account // by user_id
	userOrder []string
	byName    map[string]*account
	rooms     map[string]*room
	roomOrder []string
	// saved are the usernames of the users a seed or the API added or the
	// API changed, in order: a reset drops them (and the changes), the state
	// file keeps them.
	saved []string
	// defaultRooms is set when Options.MeetingRooms is nil: every account,
	// a seeded one too, has one personal room.
	defaultRooms bool
}

// newDirectory builds the configured accounts and rooms. IDs derive from the
// usernames and room numbers so that they survive restarts and are the same
// in every test.
func newDirectory(opts Options) directory {
	d := directory{
		users: map[string]*account{}, byName: map[string]*account{}, rooms: map[string]*room{},
		defaultRooms: opts.MeetingRooms == nil,
	}
	admin := User{Username: opts.Username, Password: opts.Password, RealName: "Administrator", Role: RoleSystemAdmin}
	for _, u := range append([]User{admin}, opts.Users...) {
		if u.Username != "" && d.byName[u.Username] == nil {
			d.add(u)
		}
	}
	for _, r := range opts.MeetingRooms {
		if owner := d.byName[r.Owner]; owner != nil && r.Number != "" {
			d.addRoom(r, owner)
		}
	}
	return d
}

// add creates an account and, with default rooms, its personal room.
func (d *directory) add(u User) {
	if u.Role == "" {
		u.Role = RoleNormal
	}
	acc := &account{User: u, ID: stableID("user", u.Username)}
	d.users[acc.ID] = acc
	d.byName[u.Username] = acc
	d.userOrder = append(d.userOrder, acc.ID)
	if d.defaultRooms {
		// Numbered 9000000N in account order.
		d.addRoom(MeetingRoom{
			Name:   u.RealName + "'s meeting room",
			Owner:  u.Username,
			Number: fmt.Sprintf("%08d", 90000000+len(d.userOrder)),
		}, acc)
	}
}

func (d *directory) addRoom(r MeetingRoom, owner *account) {
	rm := &room{MeetingRoom: r, ID: stableID("room", r.Number), OwnerID: owner.ID}
	if d.rooms[rm.ID] != nil {
		return
	}
	d.rooms[rm.ID] = rm
	d.roomOrder = append(d.roomOrder, rm.ID)
}

// roles are the document's "Create User" roles: "role:Normal、MeetingOperator、SystemAdmin".
var roles = []string{RoleNormal, RoleOperator, RoleSystemAdmin}

// addSeeded adds a user a seed gives, with the rules of the document's
// "Create User": "*username is global unique", the role one of roles. A
// password is required, to sign in with.
func (d *directory) addSeeded(u User) error {
	switch {
	case u.Username == "":
		return fmt.Errorf("a user needs a username")
	case d.byName[u.Username] != nil:
		return fmt.Errorf("user %q: the username is taken (usernames are globally unique)", u.Username)
	case u.Password == "":
		return fmt.Errorf("user %q: password is required", u.Username)
	case u.Role != "" && !slices.Contains(roles, u.Role):
		return fmt.Errorf("user %q: role must be one of Normal, MeetingOperator, SystemAdmin", u.Username)
	}
	if d.defaultRooms {
		if _, taken := d.rooms[stableID("room", fmt.Sprintf("%08d", 90000001+len(d.userOrder)))]; taken {
			return fmt.Errorf("user %q: the personal room number it would get is taken", u.Username)
		}
	}
	d.add(u)
	d.saved = append(d.saved, u.Username)
	return nil
}
